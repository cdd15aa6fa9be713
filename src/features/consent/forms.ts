import { z } from 'zod';
import type { Translator } from '../../i18n';
import { cleanText, INT4_MAX, isBlank, isCalendarDate, MAX_YEARS_AHEAD } from '../../lib/input';
import { CAPS } from './caps';
import { consentText } from './messages';

/**
 * The two forms' rules with their field errors in the submitter's language. The same limits
 * as lib/input's rules (and topicFormSchema, which the services still apply): only the words
 * differ. Parsed in the submission, where the submitter's language is known.
 */

const rowIdOr = (message: string) =>
  z
    .union([z.string(), z.number()], { error: message })
    .transform(Number)
    .pipe(z.number({ error: message }).int(message).min(1, message).max(INT4_MAX, message));

const yearsAhead = (today: string, years: number) =>
  `${String(Number(today.slice(0, 4)) + years).padStart(4, '0')}${today.slice(4)}`;

export function optinFormSchema(tr: Translator, today: string) {
  const t = tr.of(consentText);
  const latest = yearsAhead(today, MAX_YEARS_AHEAD);
  const caps = Object.keys(CAPS) as [keyof typeof CAPS, ...(keyof typeof CAPS)[]];
  return z.object({
    topicIds: z
      .array(rowIdOr(t('chooseFromList')), { error: t('chooseFromList') })
      .max(100, t('chooseFromList'))
      .nullish()
      .transform((v) => v ?? []),
    cap: z.enum(caps, { error: t('chooseCap') }),
    pausedUntil: z
      .string({ error: t('pickDate') })
      .refine(isCalendarDate, t('pickDate'))
      .refine((d) => d > today, t('pickAfterToday'))
      .refine((d) => d <= latest, t('pickWithinYears', { years: MAX_YEARS_AHEAD }))
      .nullish()
      .transform((v) => v ?? null),
  });
}

export function topicFormFields(tr: Translator) {
  const t = tr.of(consentText);
  const keepUnder = (max: number) => t('keepUnder', { max: tr.number(max) });
  return z.object({
    name: z
      .string({ error: t('nameMissing') })
      .transform((v) => cleanText(v).trim())
      .refine((v) => !isBlank(v), t('nameMissing'))
      .refine((v) => v.length <= 75, keepUnder(75)),
    description: z
      .string({ error: t('typeText') })
      .nullish()
      .transform((v) => {
        const text = v == null ? '' : cleanText(v).trim();
        return isBlank(text) ? '' : text;
      })
      .refine((v) => v.length <= 300, keepUnder(300)),
    status: z
      .enum(['active', 'retired'], { error: t('chooseStatus') })
      .nullish()
      .transform((v) => v ?? 'active'),
  });
}
