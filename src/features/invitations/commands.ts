import { translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { listTopics } from '../consent';
import { renderComposeModal } from './blocks';
import { invitationsText } from './messages';

export const inviteCommand: Subcommand = {
  name: 'invite',
  usage: 'invite',
  summary: (tr) => tr.t(invitationsText, 'summary'),
  audience: 'members',
  run: async ({ ack, client, command, deps }) => {
    const [topics, language] = await Promise.all([
      listTopics(deps.db),
      deps.languages.of(client, command.user_id),
    ]);
    const tr = translatorFor(language);
    if (topics.length === 0) {
      await ack({
        response_type: 'ephemeral',
        text: tr.t(invitationsText, 'noTopics', { command: deps.config.pmo.command }),
      });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: renderComposeModal(topics, tr) });
  },
};
