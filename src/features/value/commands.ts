import type { Subcommand } from '../../slack/commands/subcommand';
import { digestPeriod, periodLabel } from '../digest';
import { renderFeedbackModal } from './blocks';
import { periodFeedback } from './service';

/** `/pmo feedback` (leads): the period's feedback by service, and "you said, we did". */
export const feedbackCommand: Subcommand = {
  name: 'feedback',
  usage: 'feedback',
  summary: 'the last 7 days’ feedback by service (anonymised); record what we did and tell those who said it',
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    const period = digestPeriod(deps.clock.now(), deps.config.pmo.timezone);
    const label = periodLabel(period.firstDay, period.lastDay);
    const feedback = await periodFeedback(deps.db, period);
    if (feedback.length === 0) {
      await ack({ response_type: 'ephemeral', text: `Nobody gave feedback in the last 7 days (${label}).` });
      return;
    }
    await ack();
    await client.views.open({
      trigger_id: command.trigger_id,
      view: renderFeedbackModal(label, period.runKey, feedback),
    });
  },
};
