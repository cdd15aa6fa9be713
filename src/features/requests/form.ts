import { z } from 'zod';
import { IMPACTS, type Impact } from '../../db/enums';
import { type Translator, translatorFor } from '../../i18n';
import {
  cleanText,
  isBlank,
  isCalendarDate,
  isWebLink,
  MAX_YEARS_AHEAD,
  rowIdOr,
  SLACK_USER_ID,
} from '../../lib/input';
import { requestsText } from './messages';

/**
 * What a person may put in a request (and its edit, and the triage modals), as zod schemas: the
 * Slack kit parses submissions with them (errors per field, in the person's language), and the
 * services parse their input with the same schemas, so a forged or direct call meets the same
 * limits as the form. The rules are lib/input's; only their messages are the feature's.
 */

export const LIMITS = { project: 150, need: 2000, value: 2000, link: 500, note: 2000, reason: 1500 } as const;
export { IMPACTS };
export type ImpactValue = Impact;
/** The impacts in English, for other features and old callers: views use `impactLabel(tr, …)`. */
export const IMPACT_LABELS: Record<ImpactValue, string> = {
  blocking: 'Blocking',
  important: 'Important',
  nice_to_have: 'Nice to have',
};

const EN = translatorFor('en');

type MissingKey =
  | 'missingProject'
  | 'missingNeed'
  | 'missingValue'
  | 'missingDelivered'
  | 'missingReason'
  | 'missingQuestion'
  | 'missingAnswer';

/** A required text: cleaned, trimmed, at least one visible character, at most `max` long. */
export function requiredTextIn(tr: Translator, missingKey: MissingKey, max: number) {
  const missing = tr.t(requestsText, missingKey);
  return z
    .string({ error: missing })
    .transform((v) => cleanText(v).trim())
    .refine((v) => !isBlank(v), missing)
    .refine((v) => v.length <= max, tr.t(requestsText, 'tooLong', { max }));
}

/** An optional text: blank (or absent) becomes null. */
function optionalTextIn(tr: Translator, max: number) {
  return z
    .string({ error: tr.t(requestsText, 'typeText') })
    .nullish()
    .transform((v) => {
      const t = v == null ? '' : cleanText(v).trim();
      return isBlank(t) ? null : t;
    })
    .refine((v) => v === null || v.length <= max, tr.t(requestsText, 'tooLong', { max }));
}

function yearsAhead(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) + years).padStart(4, '0')}${today.slice(4)}`;
}

/** A date from a date picker, from `today` to MAX_YEARS_AHEAD years later. */
function dateFromIn(tr: Translator, today: string) {
  const pick = tr.t(requestsText, 'pickDate');
  const latest = yearsAhead(today, MAX_YEARS_AHEAD);
  return z
    .string({ error: pick })
    .refine(isCalendarDate, pick)
    .refine((d) => d >= today, tr.t(requestsText, 'pastDate'))
    .refine((d) => d <= latest, tr.t(requestsText, 'tooFar', { years: MAX_YEARS_AHEAD }));
}

function optionalWebLinkIn(tr: Translator, max: number) {
  return optionalTextIn(tr, max).refine((v) => v === null || isWebLink(v), tr.t(requestsText, 'webLink'));
}

const serviceChoice = (tr: Translator, activeServiceIds: number[]) =>
  rowIdOr(tr.t(requestsText, 'pleaseChooseService')).refine(
    (id) => activeServiceIds.includes(id),
    tr.t(requestsText, 'pleaseChooseListed'),
  );

/**
 * The request form. `today` is the PMO's calendar day; past dates are refused. The form asks for
 * a date; a request filed another way (a workflow step) may leave it out (`neededBy: 'optional'`).
 */
export function requestFormSchema(
  today: string,
  activeServiceIds: number[],
  opts: { neededBy?: 'required' | 'optional' } = {},
  tr: Translator = EN,
) {
  return z.object({
    serviceId: serviceChoice(tr, activeServiceIds),
    project: requiredTextIn(tr, 'missingProject', LIMITS.project),
    need: requiredTextIn(tr, 'missingNeed', LIMITS.need),
    value: requiredTextIn(tr, 'missingValue', LIMITS.value),
    neededBy:
      opts.neededBy === 'optional'
        ? z.union([z.null(), z.undefined().transform(() => null), dateFromIn(tr, today)])
        : dateFromIn(tr, today),
    impact: z.enum(IMPACTS, { error: tr.t(requestsText, 'chooseImpact') }),
    link: optionalWebLinkIn(tr, LIMITS.link),
  });
}
/** What the service stores: the form's fields (a date may be missing when not filed by the form). */
export type RequestForm = Omit<z.output<ReturnType<typeof requestFormSchema>>, 'neededBy'> & {
  neededBy: string | null;
};

export function editFormSchema(today: string, tr: Translator = EN) {
  return z.object({
    need: requiredTextIn(tr, 'missingNeed', LIMITS.need),
    value: requiredTextIn(tr, 'missingValue', LIMITS.value),
    neededBy: dateFromIn(tr, today),
  });
}
export type EditForm = z.output<ReturnType<typeof editFormSchema>>;

/** Optional links, one per line or separated by spaces; each must be http(s). */
export const linksTextIn = (tr: Translator) =>
  optionalTextIn(tr, LIMITS.note).transform((raw, ctx) => {
    const parts = (raw ?? '').split(/\s+/).filter(Boolean);
    if (parts.length > 10) {
      ctx.addIssue({ code: 'custom', message: tr.t(requestsText, 'tenLinks') });
      return z.NEVER;
    }
    if (parts.some((p) => p.length > LIMITS.link || !isWebLink(p))) {
      ctx.addIssue({ code: 'custom', message: tr.t(requestsText, 'eachLink') });
      return z.NEVER;
    }
    return parts;
  });
export const linksText = linksTextIn(EN);

export const deliverFormSchemaIn = (tr: Translator) =>
  z.object({
    note: requiredTextIn(tr, 'missingDelivered', LIMITS.note),
    links: linksTextIn(tr),
  });
export const deliverFormSchema = deliverFormSchemaIn(EN);
/** What the service stores for a delivery (the form's links already split). */
export const deliveredSchema = z.object({
  note: requiredTextIn(EN, 'missingDelivered', LIMITS.note),
  links: z.array(z.string().max(LIMITS.link).refine(isWebLink)).max(10),
});
export const declineFormSchemaIn = (tr: Translator) =>
  z.object({ reason: requiredTextIn(tr, 'missingReason', LIMITS.reason) });
export const declineFormSchema = declineFormSchemaIn(EN);
export const askFormSchemaIn = (tr: Translator) =>
  z.object({ question: requiredTextIn(tr, 'missingQuestion', LIMITS.note) });
export const askFormSchema = askFormSchemaIn(EN);
export const answerFormSchemaIn = (tr: Translator) =>
  z.object({ answer: requiredTextIn(tr, 'missingAnswer', LIMITS.note) });
export const answerFormSchema = answerFormSchemaIn(EN);
export const assignFormSchemaIn = (tr: Translator) =>
  z.object({
    assignee: z
      .string({ error: tr.t(requestsText, 'chooseSomeone') })
      .regex(SLACK_USER_ID, tr.t(requestsText, 'chooseSomeone')),
  });
