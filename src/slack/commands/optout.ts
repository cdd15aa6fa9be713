import { optOut } from '../../services/consent';
import { listTopics, matchTopic } from '../../services/topics';
import { renderOptOutAnswer, renderUnknownTopic } from '../../views/consent';
import { refreshHome } from '../home-publisher';
import type { Subcommand } from './subcommand';

export const optoutCommand: Subcommand = {
  name: 'optout',
  aliases: ['opt-out'],
  usage: 'optout [topic]',
  summary: 'stop invitations: about one topic, or about everything',
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    const { db, clock, config, outbox } = deps;
    const typed = rest.trim();
    if (!typed) {
      const result = await optOut(db, command.user_id, 'all', 'optout_command', clock.now());
      await ack({ response_type: 'ephemeral', ...renderOptOutAnswer('all', result, config.pmo.command) });
      outbox.kick();
      await refreshHome(deps, client, command.user_id);
      return;
    }
    const topics = await listTopics(db);
    const topic = matchTopic(topics, typed);
    if (!topic) {
      await ack({ response_type: 'ephemeral', ...renderUnknownTopic(typed, topics, config.pmo.command) });
      return;
    }
    const result = await optOut(db, command.user_id, [topic.id], 'optout_command', clock.now());
    await ack({ response_type: 'ephemeral', ...renderOptOutAnswer(topic, result, config.pmo.command) });
    outbox.kick();
    await refreshHome(deps, client, command.user_id);
  },
};
