/**
 * The languages the app speaks. A person's language is their Slack locale's language when the
 * app speaks it (Slack sends locales such as fr-FR, es-LA, en-GB), English otherwise.
 */
export const LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * What a view may be rendered in: a language, or the pseudo-locale the tests render with to find
 * text that did not come from a catalogue.
 */
export type Locale = Language | 'pseudo';

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, as a language picker shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `fr-FR` → `fr`; a locale of a language the app does not speak (or none) → undefined. */
export function languageOfLocale(locale: string | null | undefined): Language | undefined {
  const language = locale?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(language) ? language : undefined;
}

/**
 * The BCP 47 tag numbers and fallback dates are formatted with. The pseudo-locale formats as
 * English: it is about where text comes from, not about number formats.
 */
export function intlLocaleOf(locale: Locale): string {
  return locale === 'pseudo' ? 'en' : locale;
}
