import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { cleanText } from '../../lib/input';
import { audienceAllows } from '../kit/audience';
import { helpCommand } from './help';
import { renderHelp } from './help-blocks';
import { commandsText } from './messages';
import type { Subcommand } from './subcommand';

export { commandsText } from './messages';
export type { Subcommand, SubcommandArgs } from './subcommand';

/**
 * `/pmo <subcommand> [text]`. Each feature brings its subcommands in its manifest, in the order
 * help lists them; the help is rendered from that table, so it always lists every command.
 */
export function findSubcommand(table: Subcommand[], word: string): Subcommand | undefined {
  const w = word.toLowerCase();
  return table.find((s) => s.name === w || s.aliases?.includes(w));
}

export function registerCommands(app: App, deps: Deps, subcommands: Subcommand[]): void {
  const { config } = deps;
  const table = [helpCommand, ...subcommands];
  app.command(config.pmo.command, async (args) => {
    const { command, ack } = args;
    // Typed text is external input like any other: control characters go before anything reads it.
    // A BOM is a format character that JavaScript counts as whitespace; kept visible to the
    // subcommand (as a word joiner), `optout <BOM>` is not mistaken for a bare `optout`.
    const text = cleanText(typeof command.text === 'string' ? command.text : '')
      .replace(/\uFEFF/g, '\u2060')
      .trim();
    const [word = '', ...restWords] = text.split(/\s+/);
    const sub = word ? findSubcommand(table, word) : undefined;

    // The router's own answers are in the person's language (the subcommands find theirs).
    const translator = async () => translatorFor(await deps.languages.of(args.client, command.user_id));

    if (!sub || sub === helpCommand) {
      const tr = await translator();
      const t = tr.of(commandsText);
      const help = renderHelp(config.pmo.command, table, tr);
      const unknown = word && !sub && word.toLowerCase() !== 'help';
      await ack({
        response_type: 'ephemeral',
        text: unknown ? t('unknownText', { word, help: help.text }) : help.text,
        blocks: unknown
          ? [
              {
                type: 'section',
                text: {
                  type: 'mrkdwn',
                  text: t('unknownBlock', { word: word.slice(0, 50).replace(/[`<>&]/g, '') }),
                },
              },
              ...help.blocks,
            ]
          : help.blocks,
      });
      return;
    }

    if (!(await audienceAllows(sub.audience, () => deps.roles.actor(command.user_id)))) {
      await ack({
        response_type: 'ephemeral',
        text: (await translator()).t(commandsText, 'refusal', {
          command: config.pmo.command,
          name: sub.name,
          audience: sub.audience,
        }),
      });
      return;
    }

    await sub.run({ ...args, rest: restWords.join(' '), deps });
  });
}
