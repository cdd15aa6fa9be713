import { z } from 'zod';
import type { Translator } from '../../i18n';
import { cleanText, isBlank, isWebLink } from '../../lib/input';
import { libraryText } from './messages';

/**
 * The input rules of lib/input (the same cleaning, trimming and limits), with their messages in
 * the reader's language: a field error is read by the person who typed.
 */

type MissingKey = 'titleMissing' | 'summaryMissing' | 'teamMissing';

export function requiredText(tr: Translator, missing: MissingKey, max: number) {
  const t = tr.of(libraryText);
  return z
    .string({ error: t(missing) })
    .transform((v) => cleanText(v).trim())
    .refine((v) => !isBlank(v), t(missing))
    .refine((v) => v.length <= max, t('tooLong', { max }));
}

export function optionalText(tr: Translator, max: number) {
  const t = tr.of(libraryText);
  return z
    .string({ error: t('typeText') })
    .nullish()
    .transform((v) => {
      const text = v == null ? '' : cleanText(v).trim();
      return isBlank(text) ? null : text;
    })
    .refine((v) => v === null || v.length <= max, t('tooLong', { max }));
}

export function optionalWebLink(tr: Translator, max: number) {
  return optionalText(tr, max).refine((v) => v === null || isWebLink(v), tr.t(libraryText, 'webLink'));
}
