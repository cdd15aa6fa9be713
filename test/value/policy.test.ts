import { optedOutOfEverything } from '../../src/features/value/policy';
import { personalHours } from '../../src/lib/working-calendar';

const WORKING = personalHours({ hours: { start: 9, end: 17 }, days: [1, 2, 3, 4, 5] });

describe('the next working time of a recipient', () => {
  it.each([
    // [now (UTC), time zone, expected]
    ['2026-11-23T09:00:00Z', 'Europe/Paris', '2026-11-23T09:00:00Z'], // Monday 10:00 Paris: now
    ['2026-11-23T09:00:00Z', 'Asia/Tokyo', '2026-11-24T00:00:00Z'], // Monday 18:00 Tokyo: 09:00 Tuesday
    ['2026-11-23T06:30:00Z', 'Europe/Paris', '2026-11-23T08:00:00Z'], // 07:30 Paris: 09:00
    ['2026-11-27T16:30:00Z', 'Europe/Paris', '2026-11-30T08:00:00Z'], // Friday 17:30: Monday 09:00
    ['2026-11-28T12:00:00Z', 'America/New_York', '2026-11-30T14:00:00Z'], // Saturday: Monday 09:00 NY
  ])('%s in %s → %s', (now, tz, expected) => {
    expect(WORKING.nextWorkingTime(new Date(now), tz).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('a calendar without a working day is an error, never a message held forever', () => {
    // Configuration refuses an empty list of days; a calendar built without one fails loudly,
    // so the sender's retries end the message as failed, where a lead can see it.
    const now = new Date('2026-11-23T09:00:00Z');
    expect(() =>
      personalHours({ hours: { start: 9, end: 17 }, days: [] }).nextWorkingTime(now, 'UTC'),
    ).toThrow(/no working time/);
  });
});

describe('opted out of everything', () => {
  it.each([
    [[], false], // never opted in to anything: they gave feedback, they hear back
    [[{ opted_in: false }], true],
    [[{ opted_in: false }, { opted_in: false }], true],
    [[{ opted_in: false }, { opted_in: true }], false], // still in one topic
    [[{ opted_in: true }], false],
  ])('%j → %s', (consents, expected) => {
    expect(optedOutOfEverything(consents)).toBe(expected);
  });
});
