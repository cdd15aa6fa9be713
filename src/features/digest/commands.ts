import type { Subcommand } from '../../slack/commands/subcommand';
import { renderDigest } from './blocks';
import { computeDigest, isQuietWeek } from './service';

/** `/pmo digest`: the digest as it would be posted now, only to the member who asked. */
export const digestCommand: Subcommand = {
  name: 'digest',
  usage: 'digest',
  summary: 'preview the leads’ digest for the last 7 days (only you see it)',
  audience: 'members',
  run: async ({ ack, respond, deps }) => {
    await ack();
    const now = deps.clock.now();
    const data = await computeDigest(deps.db, now, deps.config.pmo.timezone);
    const { main, thread } = renderDigest(data, now, { quiet: isQuietWeek(data) });
    const blocks = thread ? [...main.blocks, { type: 'divider' as const }, ...thread.blocks] : main.blocks;
    await respond({
      response_type: 'ephemeral',
      text: `Preview: ${main.text}`,
      blocks: blocks.slice(0, 50),
    });
  },
};
