import { translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { settingsModalFor } from './listeners';
import { settingsText } from './messages';

/** `/pmo settings` (leads): the PMO's settings in a form. */
export const settingsCommand: Subcommand = {
  name: 'settings',
  usage: 'settings',
  summary: (tr) => tr.t(settingsText, 'summary'),
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    const tr = translatorFor(await deps.languages.of(client, command.user_id));
    await deps.settings.refresh();
    await client.views.open({ trigger_id: command.trigger_id, view: settingsModalFor(deps, tr) });
  },
};
