import { translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderAlreadyCoaching, renderCoachingModal } from './blocks';
import { coachingText } from './messages';
import { activeServices, loadEngagementView, openEngagementOf } from './service';

export const coachingCommand: Subcommand = {
  name: 'coaching',
  aliases: ['coach'],
  usage: 'coaching',
  summary: (tr) => tr.t(coachingText, 'summary'),
  audience: 'everyone',
  run: async ({ ack, client, command, deps }) => {
    const tr = translatorFor(await deps.languages.of(client, command.user_id));
    const open = await openEngagementOf(deps.db, command.user_id);
    if (open) {
      const view = await loadEngagementView(deps.db, open.id);
      if (view) {
        await ack({ response_type: 'ephemeral', ...renderAlreadyCoaching(tr, view, open.status) });
        return;
      }
    }
    const services = await activeServices(deps.db);
    if (services.length === 0) {
      await ack({ response_type: 'ephemeral', text: tr.t(coachingText, 'catalogueEmpty') });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: renderCoachingModal(tr, services) });
  },
};
