import { ConfigError, parseConfig, shouldRunSandbox } from '../../src/config';

const base = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  SLACK_SIGNING_SECRET: 'secret',
  PMO_CHANNEL_ID: 'C0PMO',
  PMO_LEAD_IDS: 'U0LEAD1, U0LEAD2',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    [' DE ', 'de'],
  ])('PMO_LANGUAGE %j → %s', (given, language) => {
    expect(parseConfig({ ...base, PMO_LANGUAGE: given }).pmo.language).toBe(language);
  });

  it('refuses a PMO_LANGUAGE the app does not speak, naming the ones it does', () => {
    expect(problemsOf({ ...base, PMO_LANGUAGE: 'pt' })).toEqual([
      'PMO_LANGUAGE must be one of en, fr, de, es',
    ]);
  });

  it('applies the documented defaults', () => {
    const c = parseConfig(base);
    expect(c.port).toBe(3000);
    expect(c.logLevel).toBe('info');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.pgliteDir).toBe('./.data/pglite');
    expect(c.pmo).toEqual({
      channelId: 'C0PMO',
      leadIds: ['U0LEAD1', 'U0LEAD2'],
      command: '/pmo',
      timezone: 'UTC',
      language: 'en',
    });
    expect(c.slack.appToken).toBeUndefined();
    expect(c.schedule.checkinCron).toBe('*/15 * * * *');
    expect(c.schedule.digestCron).toBe('0 9 * * 1');
    expect(c.checkins).toEqual({
      afterDays: 7,
      coachingEveryDays: 14,
      hours: { start: 9, end: 17 },
      days: [1, 2, 3, 4, 5],
      reminderDays: 3,
      followupAfterDays: 60,
    });
  });

  it('treats an empty DATABASE_URL as unset (embedded database)', () => {
    expect(parseConfig({ ...base, DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(parseConfig({ ...base, DATABASE_URL: 'postgres://u:p@h/db' }).databaseUrl).toBe(
      'postgres://u:p@h/db',
    );
  });

  it('names every missing variable at once', () => {
    expect(problemsOf({})).toEqual([
      'SLACK_BOT_TOKEN is required',
      'SLACK_SIGNING_SECRET is required',
      'PMO_CHANNEL_ID is required',
      'PMO_LEAD_IDS is required',
    ]);
  });

  it('names the signing secret when only it is missing', () => {
    expect(problemsOf({ ...base, SLACK_SIGNING_SECRET: undefined })).toEqual([
      'SLACK_SIGNING_SECRET is required',
    ]);
  });

  it('explains invalid values', () => {
    const problems = problemsOf({
      ...base,
      SLACK_BOT_TOKEN: 'xoxp-user',
      PMO_LEAD_IDS: 'U0LEAD1,not-a-user',
      PMO_TIMEZONE: 'Mars/Olympus',
      PORT: 'eighty',
      DIGEST_CRON: 'every monday',
      CHECKIN_HOURS: '17-9',
      CHECKIN_DAYS: '8',
      SLACK_APP_TOKEN: 'nope',
      DATABASE_URL: 'mysql://x',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'SLACK_BOT_TOKEN must start with xoxb-',
        'PMO_LEAD_IDS must be Slack user ids like U012ABC',
        'PMO_TIMEZONE must be an IANA time zone such as Europe/Paris',
        expect.stringMatching(/^PORT /),
        expect.stringMatching(/^DIGEST_CRON must be a 5- or 6-field cron/),
        'CHECKIN_HOURS must be hours 0-24 with start < end',
        expect.stringMatching(/^CHECKIN_DAYS must look like 1-5/),
        'SLACK_APP_TOKEN must start with xapp-',
        'DATABASE_URL must be a postgres:// URL',
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('accepts 6-field cron expressions and weekday lists', () => {
    const c = parseConfig({
      ...base,
      CHECKIN_CRON: '0 */5 * * * *',
      CHECKIN_DAYS: '1,3,5-6',
      CHECKIN_HOURS: '8-18',
    });
    expect(c.schedule.checkinCron).toBe('0 */5 * * * *');
    expect(c.checkins.days).toEqual([1, 3, 5, 6]);
    expect(c.checkins.hours).toEqual({ start: 8, end: 18 });
  });

  it('is frozen', () => {
    const c = parseConfig(base);
    expect(Object.isFrozen(c)).toBe(true);
  });
});

describe('Slack installation: one bot token or OAuth', () => {
  const { SLACK_BOT_TOKEN: _token, ...withoutToken } = base;
  const oauth = {
    SLACK_CLIENT_ID: '123.456',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'a-state-secret-of-32-characters!',
  };

  it('single-token mode by default: no OAuth settings', () => {
    expect(parseConfig(base).slack.oauth).toBeUndefined();
    expect(parseConfig(base).slack.botToken).toBe('xoxb-1-2-3');
  });

  it('OAuth mode with all three variables, and no SLACK_BOT_TOKEN needed', () => {
    const c = parseConfig({ ...withoutToken, ...oauth });
    expect(c.slack.oauth).toEqual({
      clientId: '123.456',
      clientSecret: 'client-secret',
      stateSecret: 'a-state-secret-of-32-characters!',
    });
    expect(c.slack.botToken).toBeUndefined();
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'only the client id',
      { SLACK_CLIENT_ID: '1.2' },
      [
        'SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID (OAuth installation needs all three)',
        'SLACK_STATE_SECRET is required with SLACK_CLIENT_ID (OAuth installation needs all three)',
      ],
    ],
    [
      'no state secret',
      { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's' },
      [
        'SLACK_STATE_SECRET is required with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth installation needs all three)',
      ],
    ],
    [
      'an empty variable counts as unset',
      { ...oauth, SLACK_CLIENT_SECRET: ' ' },
      [
        'SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID and SLACK_STATE_SECRET (OAuth installation needs all three)',
      ],
    ],
    [
      'a short state secret',
      { ...oauth, SLACK_STATE_SECRET: 'short' },
      ['SLACK_STATE_SECRET must be at least 16 characters (it signs the OAuth state)'],
    ],
    ['neither a token nor OAuth', {}, ['SLACK_BOT_TOKEN is required']],
    [
      'empty OAuth variables and no token',
      { SLACK_CLIENT_ID: '', SLACK_STATE_SECRET: '' },
      ['SLACK_BOT_TOKEN is required'],
    ],
  ])('%s is a config error naming what is missing', (_name, env, problems) => {
    expect(problemsOf({ ...withoutToken, ...env })).toEqual(problems);
  });

  it('refuses a bot token together with OAuth (which token would be used?)', () => {
    expect(problemsOf({ ...base, ...oauth })).toEqual([
      'SLACK_BOT_TOKEN must be unset with OAuth installation (each installation brings its own token)',
    ]);
  });

  it('still checks a bot token’s form', () => {
    expect(problemsOf({ ...base, SLACK_BOT_TOKEN: 'xoxp-user' })).toEqual([
      'SLACK_BOT_TOKEN must start with xoxb-',
    ]);
  });

  it('lists the installation problem with every other one', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: '1.2', PMO_CHANNEL_ID: 'C0PMO', PMO_LEAD_IDS: 'U0LEAD1' })).toEqual([
      'SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID (OAuth installation needs all three)',
      'SLACK_STATE_SECRET is required with SLACK_CLIENT_ID (OAuth installation needs all three)',
      'SLACK_SIGNING_SECRET is required',
    ]);
  });

  it('an OAuth deployment is never mistaken for the sandbox', () => {
    expect(shouldRunSandbox({ SLACK_CLIENT_ID: '1.2' })).toBe(false);
    expect(shouldRunSandbox({ SLACK_CLIENT_ID: '' })).toBe(true);
  });
});
