import { listTopics } from '../../services/topics';
import { renderComposeModal } from '../../views/invitations';
import type { Subcommand } from './subcommand';

export const inviteCommand: Subcommand = {
  name: 'invite',
  usage: 'invite',
  summary: 'invite the people who opted in to a topic (you see the audience first)',
  audience: 'members',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    const topics = await listTopics(deps.db);
    await client.views.open({ trigger_id: command.trigger_id, view: renderComposeModal(topics) });
  },
};
