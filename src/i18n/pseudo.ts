import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

/**
 * The pseudo-locale: every English message with its letters accented, 40 % longer, between
 * ⟦ and ⟧. A view rendered in it shows at once text that did not come from a catalogue (plain
 * letters outside the brackets) and text that overflows once translated (the padding).
 */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const ACCENTED: Record<string, string> = {
  a: 'à',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'À',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Slack's own syntax inside a message (<@U1>, <!here>, <url|text>, :emoji:) stays as it is. */
const SLACK_SYNTAX = /(<[^>]*>|:[a-z0-9_+-]+:)/g;

const accent = (text: string): string =>
  text
    .split(SLACK_SYNTAX)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c)))
    .join('');

const letters = (text: string): number => (text.match(/[A-Za-z]/g) ?? []).length;

function transform(elements: MessageFormatElement[]): { elements: MessageFormatElement[]; letters: number } {
  let count = 0;
  const out = elements.map((el) => {
    if (el.type === TYPE.literal) {
      count += letters(el.value);
      return { ...el, value: accent(el.value) };
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      let longest = 0;
      const options = Object.fromEntries(
        Object.entries(el.options).map(([key, option]) => {
          const inner = transform(option.value);
          longest = Math.max(longest, inner.letters);
          return [key, { ...option, value: inner.elements }];
        }),
      );
      count += longest;
      return { ...el, options };
    }
    if (el.type === TYPE.tag) {
      const inner = transform(el.children);
      count += inner.letters;
      return { ...el, children: inner.elements };
    }
    return el;
  });
  return { elements: out, letters: count };
}

/** The pseudo-locale's version of an English ICU message (placeholders and plurals intact). */
export function pseudoMessage(english: string): string {
  const { elements, letters: count } = transform(parse(english, { ignoreTag: true }));
  // 40 % longer, counted on the letters a reader sees; "~" never needs escaping in ICU.
  const padding = '~'.repeat(Math.ceil(count * 0.4));
  return `${PSEUDO_OPEN}${printAST(elements)}${padding}${PSEUDO_CLOSE}`;
}
