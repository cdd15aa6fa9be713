import { ConfigError, parseConfig } from '../../src/config';

const base = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  SLACK_SIGNING_SECRET: 'secret',
  PMO_CHANNEL_ID: 'C0PMO',
  PMO_LEAD_IDS: 'U0LEAD1',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('the working calendar’s configuration', () => {
  it('defaults: 09–17, Monday to Friday, no holidays, nudges every 15 minutes', () => {
    const c = parseConfig(base);
    expect(c.calendar).toEqual({
      timezone: 'UTC',
      hours: { start: 9, end: 17 },
      days: [1, 2, 3, 4, 5],
      holidays: undefined,
    });
    expect(c.schedule.nudgeCron).toBe('*/15 * * * *');
  });

  it('reads hours, days, a holiday region and the zone', () => {
    const c = parseConfig({
      ...base,
      PMO_TIMEZONE: 'Europe/Berlin',
      PMO_WORKING_HOURS: '08-16',
      PMO_WORKING_DAYS: '1-4',
      PMO_HOLIDAYS: 'DE-BY',
    });
    expect(c.calendar).toEqual({
      timezone: 'Europe/Berlin',
      hours: { start: 8, end: 16 },
      days: [1, 2, 3, 4],
      holidays: 'DE-BY',
    });
  });

  it.each([
    ['PMO_HOLIDAYS', 'XX', 'PMO_HOLIDAYS must be a country or country-region code'],
    ['PMO_HOLIDAYS', 'FR-ZZ', 'PMO_HOLIDAYS must be a country or country-region code'],
    ['PMO_WORKING_HOURS', '17-09', 'PMO_WORKING_HOURS must be hours 0-24'],
    ['PMO_WORKING_DAYS', '0-5', 'PMO_WORKING_DAYS must look like 1-5'],
    ['NUDGE_CRON', 'often', 'NUDGE_CRON must be a 5- or 6-field cron'],
  ])('%s=%s is refused', (name, value, message) => {
    expect(problemsOf({ ...base, [name]: value }).join('\n')).toContain(message);
  });
});
