/** Languages: catalogues in ICU MessageFormat, a translator fixed per request, Slack date tokens. */

export { type Catalogue, defineCatalogue, type KeyOf, type Messages } from './catalogue';
export { catalogueProblems, duplicateNamespaces } from './check';
export {
  DEFAULT_LANGUAGE,
  intlLocaleOf,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type Locale,
  languageOfLocale,
} from './languages';
export { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessage } from './pseudo';
export { localDate, type SlackDateFormat, slackDate } from './slack-dates';
export { type MessageValues, type Translator, translatorFor } from './translator';
