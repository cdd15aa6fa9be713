import { z } from 'zod';
import { holidayRegion, hourRange, isValidTimeZone, slackUserId, weekdays } from '../../config';
import { LANGUAGES, type Translator, translatorFor } from '../../i18n';
import { type PmoSettings, weeklyCron, weeklyTimeOf } from '../../settings/settings';
import { SETTINGS_IDS } from './ids';
import { settingsText } from './messages';

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
  language: SETTINGS_IDS.language,
} as const;

/** A rule of config.ts, its error said in the form's words (`message` of the rule's own). */
function said<T>(rule: z.ZodType<T>, message: (ruleMessage: string) => string) {
  return z.unknown().transform((value, ctx): T => {
    const result = rule.safeParse(value);
    if (result.success) return result.data;
    ctx.addIssue({ code: 'custom', message: message(result.error.issues[0]?.message ?? '') });
    return z.NEVER;
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

function rules(tr: Translator) {
  const t = tr.of(settingsText);
  const hours = (field: 'working' | 'checkin') =>
    z.preprocess(
      text,
      // config.ts says "must look like 09-17" or "must be hours 0-24 with start < end".
      said(hourRange, (m) =>
        m.includes('look like') ? t('errorHoursFormat', { field }) : t('errorHoursRange', { field }),
      ),
    );
  const days = (field: 'working' | 'checkin') =>
    z
      .array(z.string(), { error: t('errorDaysNone', { field }) })
      .min(1, t('errorDaysNone', { field }))
      .transform((d, ctx): number[] => {
        const parsed = weekdays.safeParse(d.join(','));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: 'custom', message: t('errorDaysRange', { field }) });
        return z.NEVER;
      });
  const wholeDays = (field: 'checkin' | 'retention', min: number, max: number) =>
    z.preprocess(
      text,
      z.coerce
        .number({ error: t('errorWholeDays', { field }) })
        .int(t('errorWholeDays', { field }))
        .min(min, t('errorAtLeast', { field, min: String(min) }))
        .max(max, t('errorAtMost', { field, max: String(max) })),
    );
  return { t, hours, days, wholeDays };
}

/** "HH:MM" every half hour: the digest's time choices. */
export const DIGEST_TIMES = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
);

/**
 * The form, for a PMO whose settings are `current`: leaving both the digest's day and time
 * empty keeps its schedule (DIGEST_CRON may say more than one day and time), and a language
 * the form did not carry (an older form) keeps the PMO's.
 */
export function settingsFormSchema(
  current: Pick<PmoSettings, 'digestCron' | 'language'>,
  tr: Translator = translatorFor('en'),
) {
  const { t, hours, days, wholeDays } = rules(tr);
  return z
    .object({
      leadIds: z
        .array(slackUserId, { error: t('errorLeads') })
        .min(1, t('errorLeads'))
        .max(100, t('errorLeadsMax')),
      channelId: z.string({ error: t('errorChannel') }).regex(/^[CG][A-Z0-9]{2,}$/, t('errorChannelDm')),
      timezone: z.preprocess(
        text,
        z.string({ error: t('errorTimezoneMissing') }).refine(isValidTimeZone, t('errorTimezone')),
      ),
      workingHours: hours('working'),
      workingDays: days('working'),
      holidays: z.preprocess(
        (v) => (v === null ? undefined : text(v)),
        said(holidayRegion, () => t('errorHoliday')),
      ),
      checkinAfterDays: wholeDays('checkin', 0, 365),
      checkinHours: hours('checkin'),
      checkinDays: days('checkin'),
      digestDay: z.enum(['1', '2', '3', '4', '5', '6', '7']).nullable().catch(null),
      digestTime: z
        .enum(DIGEST_TIMES as [string, ...string[]])
        .nullable()
        .catch(null),
      retentionDays: wholeDays('retention', 1, 36500),
      // A form without the field (opened before it existed) keeps the PMO's language.
      language: z
        .enum(LANGUAGES, { error: () => t('errorLanguage') })
        .nullish()
        .transform((l) => l ?? current.language),
    })
    .superRefine((v, ctx) => {
      if ((v.digestDay === null) !== (v.digestTime === null))
        ctx.addIssue({
          code: 'custom',
          path: [v.digestDay === null ? 'digestDay' : 'digestTime'],
          message: t('errorDigestBoth'),
        });
    })
    .transform(({ digestDay, digestTime, ...rest }): Omit<PmoSettings, 'leadIds'> & { leadIds: string[] } => {
      const [hour, minute] = (digestTime ?? '').split(':').map(Number);
      const digestCron =
        digestDay && digestTime
          ? weeklyCron({ day: Number(digestDay), hour: hour ?? 0, minute: minute ?? 0 })
          : current.digestCron;
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
