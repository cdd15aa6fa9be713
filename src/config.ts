import cronParser from 'cron-parser';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './i18n/languages';
import { isKnownHolidayRegion } from './lib/holidays';

/**
 * The environment is the app's public interface: these names are documented in the README and
 * must not change. Parsed once at start-up; every problem is reported together so an operator
 * fixes them in one go.
 */

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be Slack user ids like U012ABC');

const isValidTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** "09-17" → { start: 9, end: 17 } (end exclusive). */
const hourRange = z
  .string()
  .regex(/^\d{1,2}-\d{1,2}$/, 'must look like 09-17')
  .transform((v) => {
    const [start, end] = v.split('-').map(Number) as [number, number];
    return { start, end };
  })
  .refine((r) => r.start >= 0 && r.end <= 24 && r.start < r.end, 'must be hours 0-24 with start < end');

/** "1-5" (ISO weekdays, Monday = 1) → [1,2,3,4,5]. Also accepts lists like "1,3,5". */
const weekdays = z
  .string()
  .regex(/^[1-7](-[1-7])?(,[1-7](-[1-7])?)*$/, 'must look like 1-5 (Monday=1 … Sunday=7)')
  .transform((v) => {
    const days = new Set<number>();
    for (const part of v.split(',')) {
      const [a, b] = part.split('-').map(Number) as [number, number | undefined];
      for (let d = a; d <= (b ?? a); d++) days.add(d);
    }
    return [...days].sort();
  });

/** "FR" or "US-CA": a country, or a country and region, that date-holidays knows. */
const holidayRegion = optionalString.refine((v) => v === undefined || isKnownHolidayRegion(v), {
  message: 'must be a country or country-region code date-holidays knows, such as FR, DE-BY or US-CA',
});

/** Read by cron-parser, the parser the job engine (pg-boss) schedules with: one reading of an expression. */
function isValidCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/).length;
  if (fields !== 5 && fields !== 6) return false;
  try {
    cronParser.parseExpression(expression);
    return true;
  } catch {
    return false;
  }
}

/** How long the outbox sender waits for one Slack call before giving up on it. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;
const MIN_OUTBOX_LEASE_MS = 2 * SLACK_CALL_TIMEOUT_MS + 5000;

const cron = (def: string) =>
  z.string().refine(isValidCron, 'must be a 5- or 6-field cron expression such as */15 * * * *').default(def);

const intFrom = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

// The rules of the settings leads may change in Slack too (src/settings): one rule for both.
export { holidayRegion, hourRange, isValidCron, isValidTimeZone, slackUserId, weekdays };

const envSchema = z
  .object({
    // Required unless the app is installed through OAuth (see slackAuthProblems).
    SLACK_BOT_TOKEN: optionalString.refine(
      (v) => v === undefined || v.startsWith('xoxb-'),
      'must start with xoxb-',
    ),
    SLACK_CLIENT_ID: optionalString,
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: optionalString.refine(
      (v) => v === undefined || v.length >= 16,
      'must be at least 16 characters (it signs the OAuth state)',
    ),
    SLACK_SIGNING_SECRET: z.string({ error: 'is required' }).min(1, 'is required'),
    SLACK_APP_TOKEN: optionalString.refine(
      (v) => v === undefined || v.startsWith('xapp-'),
      'must start with xapp-',
    ),
    SLACK_API_URL: optionalString.refine(
      (v) => v === undefined || URL.canParse(v),
      'must be a URL such as https://slack.com/api/',
    ),
    PORT: intFrom(3000).pipe(z.number().max(65535)),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: optionalString.refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      'must be a postgres:// URL',
    ),
    PGLITE_DIR: z.string().default('./.data/pglite'),
    PMO_CHANNEL_ID: z
      .string({ error: 'is required' })
      .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel id like C012ABC'),
    PMO_LANGUAGE: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim().toLowerCase() : DEFAULT_LANGUAGE))
      .refine(isLanguage, `must be one of ${LANGUAGES.join(', ')}`),
    PMO_LEAD_IDS: z
      .string({ error: 'is required' })
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(slackUserId).min(1, 'needs at least one lead')),
    PMO_COMMAND: z
      .string()
      .regex(/^\/[a-z0-9_-]{1,31}$/, 'must look like /pmo')
      .default('/pmo'),
    PMO_TIMEZONE: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris')
      .default('UTC'),
    PMO_WORKING_HOURS: hourRange.default({ start: 9, end: 17 }),
    PMO_WORKING_DAYS: weekdays.default([1, 2, 3, 4, 5]),
    PMO_HOLIDAYS: holidayRegion,
    CHECKIN_CRON: cron('*/15 * * * *'),
    NUDGE_CRON: cron('*/15 * * * *'),
    DIGEST_CRON: cron('0 9 * * 1'),
    OUTBOX_CRON: cron('* * * * *'),
    CHECKIN_AFTER_DAYS: intFrom(7),
    COACHING_CHECKIN_DAYS: intFrom(14, 1),
    CHECKIN_HOURS: hourRange.default({ start: 9, end: 17 }),
    CHECKIN_DAYS: weekdays.default([1, 2, 3, 4, 5]),
    CHECKIN_REMINDER_DAYS: intFrom(3, 1),
    FOLLOWUP_AFTER_DAYS: intFrom(60, 1),
    // Privacy: closed requests and feedback lose their free text and ids after
    // RETENTION_DAYS; a deactivated account is erased ERASE_DEACTIVATED_AFTER_DAYS after Slack says so.
    RETENTION_DAYS: intFrom(730, 1),
    ERASE_DEACTIVATED_AFTER_DAYS: intFrom(30),
    PRIVACY_CRON: cron('17 3 * * *'),
    // How long a message claimed by a sender may stay 'sending' before another sender (or this
    // one after a crash) reconciles it. A sender posts a row only while it has held it less than
    // half the lease, and a post lasts at most SLACK_CALL_TIMEOUT_MS: a shorter lease would let
    // another replica reconcile a post still on its way, find nothing, and send it again.
    OUTBOX_LEASE_MS: intFrom(60_000, MIN_OUTBOX_LEASE_MS),
    // Slack requests handled at once (acked work included); more wait their turn. See admission.ts.
    SLACK_MAX_IN_FLIGHT: intFrom(64, 1),
    // /metrics is served on the Slack port: with a token set it answers only that bearer token.
    METRICS_TOKEN: optionalString,
    SCHEDULER_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  })
  .transform((e) => ({
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      // Set: the app is installed through OAuth and each installation brings its own token.
      oauth:
        e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
          ? {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
            }
          : undefined,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      maxInFlight: e.SLACK_MAX_IN_FLIGHT,
    },
    port: e.PORT,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    pmo: {
      channelId: e.PMO_CHANNEL_ID,
      leadIds: e.PMO_LEAD_IDS,
      command: e.PMO_COMMAND,
      timezone: e.PMO_TIMEZONE,
      /** What channel posts (triage, the digest) are written in. */
      language: e.PMO_LANGUAGE as Language,
    },
    calendar: {
      timezone: e.PMO_TIMEZONE,
      hours: e.PMO_WORKING_HOURS,
      days: e.PMO_WORKING_DAYS,
      holidays: e.PMO_HOLIDAYS,
    },
    schedule: {
      enabled: e.SCHEDULER_ENABLED,
      checkinCron: e.CHECKIN_CRON,
      digestCron: e.DIGEST_CRON,
      outboxCron: e.OUTBOX_CRON,
      nudgeCron: e.NUDGE_CRON,
      privacyCron: e.PRIVACY_CRON,
    },
    privacy: { retentionDays: e.RETENTION_DAYS, eraseDeactivatedAfterDays: e.ERASE_DEACTIVATED_AFTER_DAYS },
    outbox: { leaseMs: e.OUTBOX_LEASE_MS },
    checkins: {
      afterDays: e.CHECKIN_AFTER_DAYS,
      coachingEveryDays: e.COACHING_CHECKIN_DAYS,
      hours: e.CHECKIN_HOURS,
      days: e.CHECKIN_DAYS,
      reminderDays: e.CHECKIN_REMINDER_DAYS,
      followupAfterDays: e.FOLLOWUP_AFTER_DAYS,
    },
  }));

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws ConfigError naming every missing or invalid variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  const auth = slackAuthProblems(env);
  if (result.success && auth.length === 0) return Object.freeze(result.data);
  const problems = (result.success ? [] : result.error.issues).map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const missing = env[name] === undefined || env[name] === '';
    return missing && issue.code === 'invalid_type' ? `${name} is required` : `${name} ${issue.message}`;
  });
  throw new ConfigError([...new Set([...auth, ...problems])]);
}

/** The three variables of an OAuth installation: all set, or none. */
export const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * How the app gets its token: one bot token (SLACK_BOT_TOKEN), or OAuth (all three
 * OAUTH_VARIABLES), never a mix. Checked apart from the schema so these problems are listed
 * with every other one.
 */
function slackAuthProblems(env: Record<string, string | undefined>): string[] {
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const oauth = OAUTH_VARIABLES.filter(isSet);
  if (oauth.length === 0) return isSet('SLACK_BOT_TOKEN') ? [] : ['SLACK_BOT_TOKEN is required'];
  const missing = OAUTH_VARIABLES.filter((name) => !isSet(name));
  const problems = missing.map(
    (name) => `${name} is required with ${oauth.join(' and ')} (OAuth installation needs all three)`,
  );
  if (isSet('SLACK_BOT_TOKEN'))
    problems.push(
      'SLACK_BOT_TOKEN must be unset with OAuth installation (each installation brings its own token)',
    );
  return problems;
}

/**
 * Sandbox or Slack? Only when NONE of the Slack credentials is set: a half-configured real
 * install (one token missing) must keep failing with the config error that names what is
 * missing, never quietly become a sandbox.
 */
export const SLACK_CREDENTIALS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  ...OAUTH_VARIABLES,
] as const;

export function slackCredentialsPresent(env: Record<string, string | undefined>): string[] {
  return SLACK_CREDENTIALS.filter((name) => (env[name] ?? '').trim() !== '');
}

export function shouldRunSandbox(env: Record<string, string | undefined>): boolean {
  return slackCredentialsPresent(env).length === 0;
}
