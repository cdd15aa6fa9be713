import { type Translator, translatorFor } from '../../i18n';
import { type Block, context, header, section } from '../kit/blocks';
import type { Audience } from './subcommand';

export interface HelpEntry {
  usage: string;
  summary: string | ((tr: Translator) => string);
  audience: Audience;
}

const AUDIENCE_TITLE: Record<Audience, string> = {
  everyone: 'For everyone',
  members: 'For PMO members',
  leads: 'For PMO leads',
};

/** The ephemeral help: every command the app has, grouped by who may use it. */
export function renderHelp(
  command: string,
  entries: HelpEntry[],
  tr: Translator = translatorFor('en'),
): { text: string; blocks: Block[] } {
  const blocks: Block[] = [
    header('PMO Concierge'),
    section(
      'The PMO works like a consultancy for our own organisation: ask it for help, say what value you expect, and opt in to what you want to hear about — never more.',
    ),
  ];
  for (const audience of ['everyone', 'members', 'leads'] as const) {
    const lines = entries
      .filter((e) => e.audience === audience)
      .map((e) => `• \`${command} ${e.usage}\` — ${typeof e.summary === 'function' ? e.summary(tr) : e.summary}`);
    if (lines.length) blocks.push(section(`*${AUDIENCE_TITLE[audience]}*\n${lines.join('\n')}`));
  }
  blocks.push(context('Only you can see this message.'));
  const text = `PMO Concierge commands: ${entries.map((e) => `${command} ${e.usage.split(' ')[0]}`).join(', ')}`;
  return { text, blocks };
}
