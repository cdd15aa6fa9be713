import {
  checkinsSilenced,
  invitationQuiet,
  overdueTarget,
  parseAwayCommand,
  requestTargets,
} from '../../src/features/calendar/policy';
import { holidayCalendar, isKnownHolidayRegion } from '../../src/lib/holidays';
import { WorkingCalendar } from '../../src/lib/working-calendar';

const paris = (closures: [string, string][] = []) =>
  new WorkingCalendar(
    { timezone: 'Europe/Paris', hours: { start: 9, end: 17 }, days: [1, 2, 3, 4, 5] },
    holidayCalendar('FR'),
    new Map(closures),
  );
const iso = (d: Date) => d.toISOString();

describe('the working calendar', () => {
  test('knows weekends, public holidays and closures', () => {
    const c = paris([['2026-12-24', 'Team day']]);
    expect(c.closedOn('2026-12-26')).toEqual({ why: 'weekend' });
    expect(c.closedOn('2026-12-25')).toEqual({ why: 'holiday', name: 'Noël' });
    expect(c.closedOn('2026-12-24')).toEqual({ why: 'closure', name: 'Team day' });
    expect(c.isWorkingDay('2026-12-23')).toBe(true);
  });

  test.each([
    // [start, hours, expected] — Paris is UTC+1 in winter
    ['2026-12-01T09:00:00Z', 8, '2026-12-02T09:00:00.000Z'], // Tue 10:00 → Wed 10:00
    ['2026-12-04T15:00:00Z', 8, '2026-12-07T15:00:00.000Z'], // Fri 16:00 → Mon 16:00 (weekend skipped)
    ['2026-12-05T10:00:00Z', 4, '2026-12-07T12:00:00.000Z'], // Saturday → Monday 13:00
    ['2026-12-24T15:00:00Z', 8, '2026-12-28T15:00:00.000Z'], // Thu 24 16:00 → Mon 28 16:00 (Noël, weekend)
    ['2026-12-01T20:00:00Z', 1, '2026-12-02T09:00:00.000Z'], // after hours → next morning 10:00
  ])('%s + %d working hours = %s', (start, hours, expected) => {
    expect(iso(paris().addWorkingHours(new Date(start), hours))).toBe(expected);
  });

  test('across a DST change the local hours hold (luxon, no hand-written offsets)', () => {
    // Fri 27 March 2026 16:00 Paris (UTC+1) + 8h → Mon 30 March 16:00 Paris (UTC+2 since Sunday)
    expect(iso(paris().addWorkingHours(new Date('2026-03-27T15:00:00Z'), 8))).toBe(
      '2026-03-30T14:00:00.000Z',
    );
  });

  test('next working time is read in the person’s own zone', () => {
    const c = paris();
    const mondayEarly = new Date('2026-12-07T07:00:00Z'); // 08:00 Paris, 02:00 New York
    expect(iso(c.nextWorkingTime(mondayEarly))).toBe('2026-12-07T08:00:00.000Z');
    expect(iso(c.nextWorkingTime(mondayEarly, 'America/New_York'))).toBe('2026-12-07T14:00:00.000Z');
    const inHours = new Date('2026-12-07T10:00:00Z');
    expect(c.nextWorkingTime(inHours)).toEqual(inHours);
  });

  test('working hours between two instants, and working days after a day', () => {
    const c = paris();
    expect(c.workingHoursBetween(new Date('2026-12-04T15:00:00Z'), new Date('2026-12-07T09:00:00Z'))).toBe(2);
    expect(c.workingDayAfter('2026-12-24')).toBe('2026-12-28');
    expect(c.workingDayAfter('2026-12-24', 2)).toBe('2026-12-29');
  });

  test('holiday regions are checked against date-holidays', () => {
    expect(isKnownHolidayRegion('FR')).toBe(true);
    expect(isKnownHolidayRegion('DE-BY')).toBe(true);
    expect(isKnownHolidayRegion('US-CA')).toBe(true);
    expect(isKnownHolidayRegion('XX')).toBe(false);
    expect(isKnownHolidayRegion('FR-ZZ')).toBe(false);
    // Bavaria has Epiphany; Berlin does not
    expect(holidayCalendar('DE-BY').nameOn('2026-01-06')).toBeDefined();
    expect(holidayCalendar('DE-BE').nameOn('2026-01-06')).toBeUndefined();
  });
});

describe('response targets', () => {
  const c = paris();
  test('defaults: first response in 1 working day (nudge half-way), delivery in 10', () => {
    const t = requestTargets(
      c,
      new Date('2026-12-24T15:00:00Z'),
      { first_response_days: null, delivery_days: null },
      null,
    );
    expect(iso(t.firstResponseDue)).toBe('2026-12-28T15:00:00.000Z');
    expect(iso(t.nudgeAt)).toBe('2026-12-28T11:00:00.000Z');
    // 80 working hours from Thu 24 Dec 16:00: 1 h that day, 28–31 Dec (32 h), New Year's Day off,
    // 4–8 Jan (40 h), then 7 h on Mon 11 Jan → 16:00
    expect(iso(t.deliveryDue)).toBe('2027-01-11T15:00:00.000Z');
  });
  test('a service’s own targets, and the needed-by date (end of its working hours)', () => {
    const t = requestTargets(
      c,
      new Date('2026-12-01T09:00:00Z'),
      { first_response_days: 2, delivery_days: 5 },
      '2026-12-15',
    );
    expect(iso(t.firstResponseDue)).toBe('2026-12-03T09:00:00.000Z');
    expect(iso(t.deliveryDue)).toBe('2026-12-15T16:00:00.000Z');
  });
  test.each([
    ['new', null, '2026-12-01', undefined, 'first_response'],
    ['new', '2026-11-30', '2026-12-01', undefined, undefined],
    ['claimed', null, '2026-12-01', '2026-12-01', 'delivery'],
    ['delivered', null, '2026-12-01', '2026-12-01', undefined],
  ])('overdue: %s (answered %s)', (status, answered, frDue, delDue, expected) => {
    const o = overdueTarget(
      {
        status,
        first_response_at: answered ? new Date(answered) : null,
        first_response_due: new Date(frDue),
        delivery_due: delDue ? new Date(delDue) : null,
      },
      new Date('2026-12-02T00:00:00Z'),
    );
    expect(o?.target).toBe(expected);
  });
});

describe('away commands', () => {
  test.each([
    ['until 2026-12-31', { action: 'set', lastDay: '2026-12-31' }],
    ['from 2026-12-20 until 2027-01-03', { action: 'set', firstDay: '2026-12-20', lastDay: '2027-01-03' }],
    ['<@U123ABC|bob> until 2026-12-31', { userId: 'U123ABC', action: 'set', lastDay: '2026-12-31' }],
    ['back', { action: 'clear' }],
    ['', { action: 'show' }],
    ['until 2026-02-30', { error: 'That is not a real date.' }],
    ['tomorrow', expect.objectContaining({ error: expect.any(String) })],
  ])('%j', (text, expected) => {
    expect(parseAwayCommand(text)).toEqual(expected);
  });
});

describe('quiet after silence', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const no = { clicked: false };
  const yes = { clicked: true };
  test.each([
    [[no, no], undefined, { send: true }],
    [[no, no, no], undefined, { send: false, ask: true }],
    [[no, no, yes], undefined, { send: true }],
    [[], new Date('2026-11-01T10:00:00Z'), { send: false, ask: false }],
    // eight weeks passed without an answer: invitations resume
    [[], new Date('2026-10-05T10:00:00Z'), { send: true }],
  ])('recent %j, question open since %s', (recent, asked, expected) => {
    expect(invitationQuiet(recent, asked, now)).toEqual(expected);
  });
  test.each([
    [[{ status: 'expired' }, { status: 'expired' }], true],
    [[{ status: 'expired' }, { status: 'answered' }], false],
    [[{ status: 'expired' }], false],
  ])('check-ins %j → silenced %s', (latest, expected) => {
    expect(checkinsSilenced(latest)).toBe(expected);
  });
});
