import { localDate, startOfLocalDay } from '../../src/lib/calendar';
import { personalHours } from '../../src/lib/working-calendar';

const working = personalHours({ hours: { start: 9, end: 17 }, days: [1, 2, 3, 4, 5] });

/** Whether `instant` reads as local hour `hour` on ISO weekday `weekday` in `tz`: only that one hour of that one day is working time. */
const readsAs = (instant: Date, tz: string, hour: number, weekday: number) =>
  personalHours({ hours: { start: hour, end: hour + 1 }, days: [weekday] }).isWorkingTime(instant, tz);

describe('local time in a person’s time zone (pure)', () => {
  it.each([
    // [instant, tz, local hour, ISO weekday]
    ['2026-03-29T00:59:00Z', 'Europe/Paris', 1, 7], // CET, just before the spring change
    ['2026-03-29T01:00:00Z', 'Europe/Paris', 3, 7], // 02:00 does not exist: straight to 03:00 CEST
    ['2026-10-25T00:30:00Z', 'Europe/Paris', 2, 7], // first 02:30 (CEST)
    ['2026-10-25T01:30:00Z', 'Europe/Paris', 2, 7], // second 02:30 (CET)
    ['2026-03-08T06:59:00Z', 'America/New_York', 1, 7],
    ['2026-03-08T07:00:00Z', 'America/New_York', 3, 7],
    ['2026-11-01T05:30:00Z', 'America/New_York', 1, 7], // first 01:30 (EDT)
    ['2026-11-01T06:30:00Z', 'America/New_York', 1, 7], // second 01:30 (EST)
    ['2026-11-23T23:30:00Z', 'Asia/Tokyo', 8, 2], // already Tuesday in Tokyo
  ])('%s in %s is %i:xx on ISO weekday %i', (iso, tz, hour, weekday) => {
    const instant = new Date(iso as string);
    expect(readsAs(instant, tz as string, hour as number, weekday as number)).toBe(true);
    expect(readsAs(instant, tz as string, ((hour as number) + 1) % 24, weekday as number)).toBe(false);
    expect(readsAs(instant, tz as string, hour as number, ((weekday as number) % 7) + 1)).toBe(false);
  });

  it.each([
    ['2026-11-23T23:30:00Z', 'Asia/Tokyo', '2026-11-24'],
    ['2026-11-23T23:30:00Z', 'America/New_York', '2026-11-23'],
    ['2026-11-23T23:30:00Z', 'Not/AZone', '2026-11-23'], // unknown zone from Slack: UTC
  ])('%s in %s is local date %s', (iso, tz, date) => {
    expect(localDate(new Date(iso), tz)).toBe(date);
  });

  it('working hours are [start, end) on working days, in local time', () => {
    // Monday 2026-03-30, the first working day after the Paris spring change (UTC+2)
    expect(working.isWorkingTime(new Date('2026-03-30T06:59:00Z'), 'Europe/Paris')).toBe(false);
    expect(working.isWorkingTime(new Date('2026-03-30T07:00:00Z'), 'Europe/Paris')).toBe(true);
    expect(working.isWorkingTime(new Date('2026-03-30T14:59:00Z'), 'Europe/Paris')).toBe(true);
    expect(working.isWorkingTime(new Date('2026-03-30T15:00:00Z'), 'Europe/Paris')).toBe(false);
    // Monday 2026-10-26, after the autumn change (UTC+1)
    expect(working.isWorkingTime(new Date('2026-10-26T07:59:00Z'), 'Europe/Paris')).toBe(false);
    expect(working.isWorkingTime(new Date('2026-10-26T08:00:00Z'), 'Europe/Paris')).toBe(true);
    // Saturday
    expect(working.isWorkingTime(new Date('2026-10-31T10:00:00Z'), 'Europe/Paris')).toBe(false);
  });

  it('finds local midnight on both kinds of DST days', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-25', 'Europe/Paris').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-26', 'Europe/Paris').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Asia/Kolkata').toISOString()).toBe('2025-12-31T18:30:00.000Z');
  });
});
