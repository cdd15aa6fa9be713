import { translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderTeam } from './blocks';
import { teamText } from './messages';
import { listTeam } from './service';

/** `/pmo team` (leads): members, their skills and capacity; add, edit, remove. */
export const teamCommand: Subcommand = {
  name: 'team',
  usage: 'team',
  summary: (tr) => tr.t(teamText, 'summary'),
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    const [members, language] = await Promise.all([
      listTeam(deps.db),
      deps.languages.of(client, command.user_id),
    ]);
    await ack({
      response_type: 'ephemeral',
      ...renderTeam(members, deps.config.pmo.leadIds, translatorFor(language)),
    });
  },
};
