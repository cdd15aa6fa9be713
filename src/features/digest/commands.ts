import { translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderDigest } from './blocks';
import { digestText } from './messages';
import { computeDigest, isQuietWeek } from './service';

/** `/pmo digest`: the digest as it would be posted now, only to the member who asked, in their language. */
export const digestCommand: Subcommand = {
  name: 'digest',
  usage: 'digest',
  summary: (tr) => tr.t(digestText, 'summary'),
  audience: 'members',
  run: async ({ ack, respond, deps, client, command }) => {
    await ack();
    const now = deps.clock.now();
    const [data, language] = await Promise.all([
      computeDigest(deps.db, now, deps.config.pmo.timezone),
      deps.languages.of(client, command.user_id),
    ]);
    const tr = translatorFor(language);
    const { main, thread } = renderDigest(data, now, { quiet: isQuietWeek(data) }, tr);
    const blocks = thread ? [...main.blocks, { type: 'divider' as const }, ...thread.blocks] : main.blocks;
    await respond({
      response_type: 'ephemeral',
      text: tr.t(digestText, 'preview', { text: main.text }),
      blocks: blocks.slice(0, 50),
    });
  },
};
