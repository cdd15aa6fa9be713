import IntlMessageFormat, { type PrimitiveType } from 'intl-messageformat';
import type { Catalogue, KeyOf } from './catalogue';
import { intlLocaleOf, type Locale } from './languages';
import { pseudoMessage } from './pseudo';

export type MessageValues = Record<string, PrimitiveType>;

/**
 * Speaks one locale, fixed when it is made: each request gets the translator of the person it
 * answers (or of the PMO, for channel posts), so two clicks in two languages never share state.
 */
export interface Translator {
  readonly locale: Locale;
  /** The message `key` of `catalogue`, formatted with `values`. */
  t<C extends Catalogue>(catalogue: C, key: KeyOf<C>, values?: MessageValues): string;
  /** One catalogue's messages: `const t = tr.of(requestsText); t('formTitle')`. */
  of<C extends Catalogue>(catalogue: C): (key: KeyOf<C>, values?: MessageValues) => string;
  /** A number as this locale writes it (1 234,5 in French). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

// Compiled once per locale and message: formatting is then a walk of a small tree.
const compiled = new Map<string, IntlMessageFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function compile(locale: Locale, catalogue: Catalogue, key: string): IntlMessageFormat {
  const id = `${locale}\u0000${catalogue.namespace}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    const english = catalogue.messages.en[key];
    if (english === undefined) throw new Error(`no message ${catalogue.namespace}.${key}`);
    const source =
      locale === 'pseudo' ? pseudoMessage(english) : (catalogue.messages[locale][key] ?? english);
    // Slack's own markup (<@U1>, <url|text>) uses angle brackets: they are text, never ICU tags.
    format = new IntlMessageFormat(source, intlLocaleOf(locale), undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

function format(locale: Locale, catalogue: Catalogue, key: string, values?: MessageValues): string {
  const out = compile(locale, catalogue, key).format(values);
  // Only rich-text tags (off: ignoreTag) return parts; a list is joined all the same.
  return Array.isArray(out) ? out.join('') : String(out);
}

const translators = new Map<Locale, Translator>();

export function translatorFor(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    const tr: Translator = {
      locale,
      t: (catalogue, key, values) => format(locale, catalogue, key, values),
      of: (catalogue) => (key, values) => format(locale, catalogue, key, values),
      number: (value, options) => {
        const id = `${locale}\u0000${JSON.stringify(options ?? {})}`;
        let nf = numberFormats.get(id);
        if (!nf) {
          nf = new Intl.NumberFormat(intlLocaleOf(locale), options);
          numberFormats.set(id, nf);
        }
        return nf.format(value);
      },
    };
    translator = tr;
    translators.set(locale, translator);
  }
  return translator;
}
