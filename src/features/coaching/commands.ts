import type { Subcommand } from '../../slack/commands/subcommand';
import { renderAlreadyCoaching, renderCoachingModal } from './blocks';
import { activeServices, loadEngagementView, openEngagementOf } from './service';

export const coachingCommand: Subcommand = {
  name: 'coaching',
  aliases: ['coach'],
  usage: 'coaching',
  summary: 'ask for a coach: we match you with a PMO member who has the skills and the time',
  audience: 'everyone',
  run: async ({ ack, client, command, deps }) => {
    const open = await openEngagementOf(deps.db, command.user_id);
    if (open) {
      const view = await loadEngagementView(deps.db, open.id);
      if (view) {
        await ack({ response_type: 'ephemeral', ...renderAlreadyCoaching(view, open.status) });
        return;
      }
    }
    const services = await activeServices(deps.db);
    if (services.length === 0) {
      await ack({
        response_type: 'ephemeral',
        text: 'The PMO catalogue is empty right now; please ask a PMO lead.',
      });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: renderCoachingModal(services) });
  },
};
