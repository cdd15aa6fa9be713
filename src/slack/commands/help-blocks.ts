import { type Translator, translatorFor } from '../../i18n';
import { type Block, context, header, section } from '../kit/blocks';
import { commandsText } from './messages';
import type { Audience } from './subcommand';

export interface HelpEntry {
  usage: string;
  summary: string | ((tr: Translator) => string);
  audience: Audience;
}

/** The ephemeral help: every command the app has, grouped by who may use it, in the reader's language. */
export function renderHelp(
  command: string,
  entries: HelpEntry[],
  tr: Translator = translatorFor('en'),
): { text: string; blocks: Block[] } {
  const t = tr.of(commandsText);
  const blocks: Block[] = [header(t('helpHeader')), section(t('helpIntro'))];
  for (const audience of ['everyone', 'members', 'leads'] as const) {
    const lines = entries
      .filter((e) => e.audience === audience)
      .map(
        (e) => `• \`${command} ${e.usage}\` — ${typeof e.summary === 'function' ? e.summary(tr) : e.summary}`,
      );
    if (lines.length) blocks.push(section(`*${t('audienceTitle', { audience })}*\n${lines.join('\n')}`));
  }
  blocks.push(context(t('onlyYou')));
  const text = t('helpText', {
    commands: entries.map((e) => `${command} ${e.usage.split(' ')[0]}`).join(', '),
  });
  return { text, blocks };
}
