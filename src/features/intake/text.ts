import { cleanText } from '../../lib/input';

/**
 * A Slack message's text (mrkdwn) as plain text for a form's input: mentions and links become
 * what a person reads (`@name`, `#general`, `label (https://…)`), formatting marks go, entities
 * are decoded, and the result is shortened to `max` with an ellipsis. Pure.
 */
export function mrkdwnToPlain(text: string, max: number): string {
  const plain = cleanText(text)
    .replace(/```([\s\S]*?)```/g, '$1')
    .replace(/<([^<>]*)>/g, (_, inner: string) => token(inner))
    .replace(/(^|[\s(])[*_~]+([^*_~\n]+?)[*_~]+(?=$|[\s).,!?:;])/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

function token(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? 'channel'}`;
  if (target.startsWith('!subteam^')) return label ?? '@team';
  if (target.startsWith('!date^')) return label ?? '';
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  return label && label !== target ? `${label} (${target})` : target;
}

/** `:tada:`, `tada` or `:thumbsup::skin-tone-2:` → `tada` / `thumbsup`; undefined if not an emoji name. */
export function emojiName(raw: string): string | undefined {
  const name = raw
    .trim()
    .replace(/^:|:$/g, '')
    .replace(/::skin-tone-\d$/, '')
    .toLowerCase();
  return /^[a-z0-9_+'-]{1,100}$/.test(name) ? name : undefined;
}
