import type { Subcommand } from '../../slack/commands/subcommand';
import { listTopics } from '../consent';
import { renderComposeModal } from './blocks';

export const inviteCommand: Subcommand = {
  name: 'invite',
  usage: 'invite',
  summary: 'invite the people who opted in to a topic (you see the audience first)',
  audience: 'members',
  run: async ({ ack, client, command, deps }) => {
    const topics = await listTopics(deps.db);
    if (topics.length === 0) {
      await ack({
        response_type: 'ephemeral',
        text: `There are no topics to invite to yet. A PMO lead can add one with \`${deps.config.pmo.command} topics\`.`,
      });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: renderComposeModal(topics) });
  },
};
