import type { Subcommand } from '../../slack/commands/subcommand';
import { settingsModalFor } from './listeners';

/** `/pmo settings` (leads): the PMO's settings in a form. */
export const settingsCommand: Subcommand = {
  name: 'settings',
  usage: 'settings',
  summary: 'the PMO’s settings: leads, channel, working calendar, check-ins, digest, retention',
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    await deps.settings.refresh();
    await client.views.open({ trigger_id: command.trigger_id, view: settingsModalFor(deps) });
  },
};
