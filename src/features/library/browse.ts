import { z } from 'zod';
import type { LibraryKind } from '../../db/schema';
import type { Translator } from '../../i18n';
import { optionalText } from './form-rules';
import { ENGLISH } from './language';
import { libraryText } from './messages';
import { KIND_KEYS } from './policy';
import { LIMITS } from './service';

/**
 * The ⚡ browse modal's search: words and three optional filters. A topic or service must be one
 * the modal offered (an active consent topic, a catalogue service); anything else, a forged or
 * since-retired value, is a field error rather than a search that silently finds nothing.
 */
export interface BrowseSearch {
  words: string;
  kind: LibraryKind | null;
  topic: string | null;
  service: string | null;
}

export const NO_SEARCH: BrowseSearch = { words: '', kind: null, topic: null, service: null };

export function browseFormSchema(known: { topics: string[]; services: string[] }, tr: Translator = ENGLISH) {
  const t = tr.of(libraryText);
  const oneOf = (slugs: string[], what: 'topic' | 'service') =>
    z
      .string({ error: t('chooseFromList', { what }) })
      .refine((s) => slugs.includes(s), t('chooseFromList', { what }))
      .nullable();
  return z.object({
    words: optionalText(tr, LIMITS.words).transform((v) => v ?? ''),
    kind: z.enum(KIND_KEYS, { error: t('chooseFromList', { what: 'kind' }) }).nullable(),
    topic: oneOf(known.topics, 'topic'),
    service: oneOf(known.services, 'service'),
  });
}
