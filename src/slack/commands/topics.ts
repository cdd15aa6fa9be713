import { listTopics } from '../../services/topics';
import { renderTopicList } from '../../views/topics';
import type { Subcommand } from './subcommand';

export const topicsCommand: Subcommand = {
  name: 'topics',
  usage: 'topics',
  summary: 'add, rename and retire the topics people opt in to',
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    const topics = await listTopics(deps.db, { includeRetired: true });
    await client.views.open({ trigger_id: command.trigger_id, view: renderTopicList(topics) });
  },
};
