import { z } from 'zod';
import type { LibraryKind } from '../../db/schema';
import { optionalText } from '../../lib/input';
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

export function browseFormSchema(known: { topics: string[]; services: string[] }) {
  const oneOf = (slugs: string[], what: string) =>
    z
      .string({ error: `Choose ${what} from the list.` })
      .refine((s) => slugs.includes(s), `Choose ${what} from the list.`)
      .nullable();
  return z.object({
    words: optionalText({ max: LIMITS.words }).transform((v) => v ?? ''),
    kind: z.enum(KIND_KEYS, { error: 'Choose a kind from the list.' }).nullable(),
    topic: oneOf(known.topics, 'a topic'),
    service: oneOf(known.services, 'a service'),
  });
}
