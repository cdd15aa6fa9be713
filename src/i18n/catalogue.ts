import type { Language } from './languages';

/**
 * A feature's messages in every language, in ICU MessageFormat (plurals, selects, placeholders).
 * English is written first and is the source: the other languages must have exactly its keys
 * (the compiler says so, and a test checks every catalogue at run time).
 */
export type Messages = Readonly<Record<string, string>>;

export type TranslationsOf<M extends Messages> = { readonly [K in keyof M]: string };

export interface Catalogue<M extends Messages = Messages> {
  /** Unique across the app (the feature's name): keys are reported as `namespace.key`. */
  readonly namespace: string;
  readonly messages: { readonly [L in Language]: TranslationsOf<M> };
}

export function defineCatalogue<const M extends Messages>(
  namespace: string,
  en: M,
  others: { readonly [L in Exclude<Language, 'en'>]: TranslationsOf<M> },
): Catalogue<M> {
  return { namespace, messages: { en, ...others } };
}

export type KeyOf<C> = C extends Catalogue<infer M> ? keyof M & string : never;
