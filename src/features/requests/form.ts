import { z } from 'zod';
import { IMPACTS, type Impact } from '../../db/enums';
import {
  dateFrom,
  isWebLink,
  optionalDateFrom,
  optionalText,
  optionalWebLink,
  requiredText,
  rowIdOr,
} from '../../lib/input';

/**
 * What a person may put in a request (and its edit, and the triage modals), as zod schemas: the
 * Slack kit parses submissions with them (errors per field), and the services parse their input
 * with the same schemas, so a forged or direct call meets the same limits as the form.
 */

export const LIMITS = { project: 150, need: 2000, value: 2000, link: 500, note: 2000, reason: 1500 } as const;
export { IMPACTS };
export type ImpactValue = Impact;
export const IMPACT_LABELS: Record<ImpactValue, string> = {
  blocking: 'Blocking',
  important: 'Important',
  nice_to_have: 'Nice to have',
};

const serviceChoice = (activeServiceIds: number[]) =>
  rowIdOr('Please choose a service.').refine(
    (id) => activeServiceIds.includes(id),
    'Please choose a service from the list.',
  );

/**
 * The request form. `today` is the PMO's calendar day; past dates are refused. The form asks for
 * a date; a request filed another way (a workflow step) may leave it out (`neededBy: 'optional'`).
 */
export function requestFormSchema(
  today: string,
  activeServiceIds: number[],
  opts: { neededBy?: 'required' | 'optional' } = {},
) {
  return z.object({
    serviceId: serviceChoice(activeServiceIds),
    project: requiredText({ what: 'the project or team', max: LIMITS.project }),
    need: requiredText({ what: 'what you need', max: LIMITS.need }),
    value: requiredText({ what: 'the value you expect and who benefits', max: LIMITS.value }),
    neededBy: opts.neededBy === 'optional' ? optionalDateFrom(today) : dateFrom(today),
    impact: z.enum(IMPACTS, { error: 'Please choose the impact.' }),
    link: optionalWebLink(LIMITS.link),
  });
}
/** What the service stores: the form's fields (a date may be missing when not filed by the form). */
export type RequestForm = Omit<z.output<ReturnType<typeof requestFormSchema>>, 'neededBy'> & {
  neededBy: string | null;
};

export function editFormSchema(today: string) {
  return z.object({
    need: requiredText({ what: 'what you need', max: LIMITS.need }),
    value: requiredText({ what: 'the value you expect and who benefits', max: LIMITS.value }),
    neededBy: dateFrom(today),
  });
}
export type EditForm = z.output<ReturnType<typeof editFormSchema>>;

/** Optional links, one per line or separated by spaces; each must be http(s). */
export const linksText = optionalText({ max: LIMITS.note }).transform((raw, ctx) => {
  const parts = (raw ?? '').split(/\s+/).filter(Boolean);
  if (parts.length > 10) {
    ctx.addIssue({ code: 'custom', message: 'Please keep it to 10 links.' });
    return z.NEVER;
  }
  if (parts.some((p) => p.length > LIMITS.link || !isWebLink(p))) {
    ctx.addIssue({ code: 'custom', message: 'Each link must start with http:// or https://.' });
    return z.NEVER;
  }
  return parts;
});

export const deliverFormSchema = z.object({
  note: requiredText({ what: 'what was delivered', max: LIMITS.note }),
  links: linksText,
});
/** What the service stores for a delivery (the form's links already split). */
export const deliveredSchema = z.object({
  note: requiredText({ what: 'what was delivered', max: LIMITS.note }),
  links: z.array(z.string().max(LIMITS.link).refine(isWebLink)).max(10),
});
export const declineFormSchema = z.object({ reason: requiredText({ what: 'a reason', max: LIMITS.reason }) });
export const askFormSchema = z.object({
  question: requiredText({ what: 'your question', max: LIMITS.note }),
});
export const answerFormSchema = z.object({ answer: requiredText({ what: 'your answer', max: LIMITS.note }) });
