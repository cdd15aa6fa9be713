import { z } from 'zod';
import { holidayRegion, hourRange, isValidTimeZone, slackUserId, weekdays } from '../../config';
import { type PmoSettings, weeklyCron, weeklyTimeOf } from '../../settings/settings';
import { SETTINGS_IDS } from './ids';

/**
 * The settings form: each field read with the environment's own rule (config.ts), so a value
 * accepted here is one PMO_TIMEZONE, PMO_WORKING_HOURS… would accept, with the error said in
 * the form's words. The digest's day and time become its cron expression.
 */

export const SETTINGS_FIELDS = {
  leadIds: SETTINGS_IDS.leads,
  channelId: SETTINGS_IDS.channel,
  timezone: SETTINGS_IDS.timezone,
  workingHours: SETTINGS_IDS.workingHours,
  workingDays: SETTINGS_IDS.workingDays,
  holidays: SETTINGS_IDS.holidays,
  checkinAfterDays: SETTINGS_IDS.checkinAfterDays,
  checkinHours: SETTINGS_IDS.checkinHours,
  checkinDays: SETTINGS_IDS.checkinDays,
  digestDay: SETTINGS_IDS.digestDay,
  digestTime: SETTINGS_IDS.digestTime,
  retentionDays: SETTINGS_IDS.retentionDays,
} as const;

/** A rule of config.ts, its error said as "<what> must …". */
function said<T>(rule: z.ZodType<T>, what: string) {
  return z.unknown().transform((value, ctx): T => {
    const result = rule.safeParse(value);
    if (result.success) return result.data;
    ctx.addIssue({
      code: 'custom',
      message: `${what} ${result.error.issues[0]?.message ?? 'is not valid'}.`,
    });
    return z.NEVER;
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const hours = (what: string) => z.preprocess(text, said(hourRange, what));
const days = (what: string) =>
  z
    .array(z.string(), { error: `Choose at least one day for ${what}.` })
    .min(1, `Choose at least one day for ${what}.`)
    .transform((d, ctx): number[] => {
      const parsed = weekdays.safeParse(d.join(','));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: `Choose days for ${what} from Monday to Sunday.` });
      return z.NEVER;
    });
const wholeDays = (what: string, min: number, max: number) =>
  z.preprocess(
    text,
    z.coerce
      .number({ error: `${what} must be a whole number of days.` })
      .int(`${what} must be a whole number of days.`)
      .min(min, `${what} must be at least ${min}.`)
      .max(max, `${what} must be at most ${max}.`),
  );

/** "HH:MM" every half hour: the digest's time choices. */
export const DIGEST_TIMES = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
);

/**
 * The form, for a PMO whose digest is scheduled at `currentDigestCron`: leaving both the
 * digest's day and time empty keeps it (DIGEST_CRON may say more than one day and time).
 */
export function settingsFormSchema(currentDigestCron: string) {
  return z
    .object({
      leadIds: z
        .array(slackUserId, { error: 'Choose at least one lead.' })
        .min(1, 'Choose at least one lead.')
        .max(100, 'Choose at most 100 leads.'),
      channelId: z
        .string({ error: 'Choose the PMO channel.' })
        .regex(/^[CG][A-Z0-9]{2,}$/, 'Choose a channel (not a direct message).'),
      timezone: z.preprocess(
        text,
        z
          .string({ error: 'Type the PMO’s time zone, such as Europe/Paris.' })
          .refine(isValidTimeZone, 'The time zone must be an IANA time zone such as Europe/Paris.'),
      ),
      workingHours: hours('Working hours'),
      workingDays: days('working days'),
      holidays: z.preprocess(
        (v) => (v === null ? undefined : text(v)),
        said(holidayRegion, 'The holiday region'),
      ),
      checkinAfterDays: wholeDays('The check-in delay', 0, 365),
      checkinHours: hours('Check-in hours'),
      checkinDays: days('check-ins'),
      digestDay: z.enum(['1', '2', '3', '4', '5', '6', '7']).nullable().catch(null),
      digestTime: z
        .enum(DIGEST_TIMES as [string, ...string[]])
        .nullable()
        .catch(null),
      retentionDays: wholeDays('Retention', 1, 36500),
    })
    .superRefine((v, ctx) => {
      if ((v.digestDay === null) !== (v.digestTime === null))
        ctx.addIssue({
          code: 'custom',
          path: [v.digestDay === null ? 'digestDay' : 'digestTime'],
          message: 'Choose both the digest’s day and its time.',
        });
    })
    .transform(({ digestDay, digestTime, ...rest }): Omit<PmoSettings, 'leadIds' | 'language'> & { leadIds: string[] } => {
      const [hour, minute] = (digestTime ?? '').split(':').map(Number);
      const digestCron =
        digestDay && digestTime
          ? weeklyCron({ day: Number(digestDay), hour: hour ?? 0, minute: minute ?? 0 })
          : currentDigestCron;
      return { ...rest, digestCron };
    });
}

export type SettingsForm = z.output<ReturnType<typeof settingsFormSchema>>;

/** The digest's day and time as the form shows them, when its expression is one weekly time. */
export function digestChoice(expression: string): { day: string; time: string } | undefined {
  const t = weeklyTimeOf(expression);
  if (!t) return undefined;
  const time = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  return { day: String(t.day), time };
}
