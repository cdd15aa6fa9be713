import type { Translator } from '../../i18n';
import * as input from '../../lib/input';
import { libraryText } from './messages';

/** lib/input's rules with the library's own words for a missing field, in the reader's language. */

type MissingKey = 'titleMissing' | 'summaryMissing' | 'teamMissing';

export const requiredText = (tr: Translator, missing: MissingKey, max: number) =>
  input.requiredText({ max, missing: tr.t(libraryText, missing) }, tr);

export const optionalText = (tr: Translator, max: number) => input.optionalText({ max }, tr);

export const optionalWebLink = (tr: Translator, max: number) => input.optionalWebLink(max, tr);
