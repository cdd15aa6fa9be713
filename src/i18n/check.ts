import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { Catalogue } from './catalogue';
import { LANGUAGES } from './languages';

// Slack's own markup (<@U1>, <url|text>) uses angle brackets: they are text, never ICU tags.
const ICU = { ignoreTag: true } as const;

/** The arguments a message uses ({name}, {count, plural…}), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

/**
 * What is wrong with a catalogue, one line per problem: a key missing from (or extra in) a
 * language, a message that is not valid ICU, or a translation that uses other arguments than
 * the English (a placeholder lost or invented in translation). Empty: nothing.
 */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const ns = catalogue.namespace;
  const english = catalogue.messages.en;
  const args = new Map<string, Set<string>>();
  for (const [key, message] of Object.entries(english)) {
    try {
      args.set(key, argumentsOf(parse(message, ICU)));
    } catch (err) {
      problems.push(`en ${ns}.${key}: not valid ICU (${(err as Error).message})`);
    }
  }
  for (const language of LANGUAGES) {
    if (language === 'en') continue;
    const translated = catalogue.messages[language] as Record<string, string | undefined>;
    for (const key of Object.keys(english))
      if (typeof translated[key] !== 'string' || translated[key]?.trim() === '')
        problems.push(`${language} ${ns}.${key}: missing`);
    for (const [key, message] of Object.entries(translated)) {
      if (!(key in english)) {
        problems.push(`${language} ${ns}.${key}: not in English`);
        continue;
      }
      if (typeof message !== 'string') continue;
      let used: Set<string>;
      try {
        used = argumentsOf(parse(message, ICU));
      } catch (err) {
        problems.push(`${language} ${ns}.${key}: not valid ICU (${(err as Error).message})`);
        continue;
      }
      const expected = args.get(key);
      if (!expected) continue;
      const lost = [...expected].filter((a) => !used.has(a));
      const invented = [...used].filter((a) => !expected.has(a));
      if (lost.length || invented.length)
        problems.push(
          `${language} ${ns}.${key}: arguments differ from English (${[
            ...lost.map((a) => `lost {${a}}`),
            ...invented.map((a) => `invented {${a}}`),
          ].join(', ')})`,
        );
    }
  }
  return problems;
}

/** Two catalogues may not share a namespace: keys are reported and cached as `namespace.key`. */
export function duplicateNamespaces(catalogues: readonly Catalogue[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const c of catalogues) (seen.has(c.namespace) ? duplicates : seen).add(c.namespace);
  return [...duplicates];
}
