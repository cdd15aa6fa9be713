import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';

/**
 * Small typed Block Kit builders. Every string that came from a person goes through `safe()`
 * (escape + truncate) before it is shown in mrkdwn, so nobody can inject `<!channel>` or a
 * fake mention, and nothing overflows Slack's limits (../shared/SLACK.md).
 */

export type Block = KnownBlock;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens to `max` characters (with an ellipsis), never returning an empty string. */
export function truncate(text: string, max: number): string {
  const t = text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
  return t.length === 0 ? ' ' : t;
}

/** User text, escaped for mrkdwn and cut to fit. Escaping first, so entities are never split. */
export function safe(text: string | null | undefined, max = 2900): string {
  if (!text) return '—';
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  // cut back to before a partial entity like "&am"
  const cut = escaped.slice(0, max - 1).replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

/** A person's mention; whatever the id holds, only its letters and digits reach the markup. */
export const mention = (userId: string): string => `<@${userId.replace(/[^A-Z0-9]/gi, '')}>`;

/** A channel link; whatever the id holds, only its letters and digits reach the markup. */
export const channelRef = (channelId: string | null | undefined): string =>
  `<#${(channelId ?? '').replace(/[^A-Z0-9]/gi, '')}>`;

export const plain = (text: string, max = 3000): PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});

export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text: truncate(text, 3000) });

export const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(text, 150) });

export const section = (text: string, extra: Partial<SectionBlock> = {}): SectionBlock => ({
  type: 'section',
  text: mrkdwn(text),
  ...extra,
});

/** A section of up to 10 label/value fields (mrkdwn, each ≤ 2000). */
export const fields = (pairs: [label: string, value: string][]): SectionBlock => ({
  type: 'section',
  fields: pairs.slice(0, 10).map(([label, value]) => mrkdwn(truncate(`*${label}*\n${value}`, 2000))),
});

export const context = (...texts: string[]): ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, 10).map((t) => mrkdwn(t)),
});

export const divider = (): DividerBlock => ({ type: 'divider' });

export const actions = (blockId: string, elements: ActionsBlock['elements']): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, 25),
});

export const button = (
  text: string,
  actionId: string,
  value?: string,
  style?: 'primary' | 'danger',
  extra: Partial<Button> = {},
): Button => ({
  type: 'button',
  text: plain(text, 75),
  action_id: actionId,
  ...(value !== undefined ? { value: value.slice(0, 2000) } : {}),
  ...(style ? { style } : {}),
  ...extra,
});

export const option = (text: string, value: string, description?: string): PlainTextOption => ({
  text: plain(text, 75),
  value: value.slice(0, 75),
  ...(description ? { description: plain(description, 75) } : {}),
});
