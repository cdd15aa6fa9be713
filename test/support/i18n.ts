import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n';

type Json = Record<string, unknown>;

/** Every string a person reads in a payload: texts, labels, placeholders, options, alt texts. */
export function visibleStrings(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) visibleStrings(n, into);
    return into;
  }
  if (!node || typeof node !== 'object') return into;
  const o = node as Json;
  if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') into.push(o.text);
  for (const key of ['text', 'alt_text', 'fallback'])
    if (typeof o[key] === 'string' && o.type !== 'plain_text' && o.type !== 'mrkdwn')
      into.push(o[key] as string);
  for (const [key, value] of Object.entries(o))
    if (key !== 'action_id' && key !== 'block_id' && key !== 'value' && typeof value === 'object')
      visibleStrings(value, into);
  return into;
}

/**
 * Text of a payload rendered in the pseudo-locale that did not come from a catalogue: what is
 * left once the bracketed messages, Slack's markup and the `data` (names, numbers a view shows
 * as they are) are taken out. Empty: every word came from a catalogue.
 */
export function uncataloguedText(payload: unknown, data: readonly string[] = []): string[] {
  const bracketed = new RegExp(`${PSEUDO_OPEN}[^${PSEUDO_OPEN}${PSEUDO_CLOSE}]*${PSEUDO_CLOSE}`, 'g');
  return visibleStrings(payload)
    .map((text) => {
      // A message may hold another (a reminder quoting its question): innermost first.
      let rest = text;
      for (let before = ''; before !== rest; ) {
        before = rest;
        rest = rest.replace(bracketed, ' ');
      }
      rest = rest.replace(/<[^>]*>|:[a-z0-9_+-]+:/g, ' ');
      for (const d of data) rest = rest.split(d).join(' ');
      return rest.trim();
    })
    .filter((rest) => /\p{L}/u.test(rest));
}
