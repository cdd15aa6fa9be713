import { localDate } from '../../services/calendar';
import { getConsentState } from '../../services/consent';
import { renderOptinModal } from '../../views/consent';
import type { Subcommand } from './subcommand';

export const optinCommand: Subcommand = {
  name: 'optin',
  aliases: ['opt-in'],
  usage: 'optin',
  summary: 'choose the topics the PMO may invite you to, how often, and pause',
  audience: 'everyone',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    const state = await getConsentState(deps.db, command.user_id);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: renderOptinModal(state, localDate(deps.clock.now(), deps.config.pmo.timezone)),
    });
  },
};
