import { translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { digestPeriod } from '../digest';
import { periodText, renderFeedbackModal } from './blocks';
import { valueText } from './messages';
import { periodFeedback } from './service';

/** `/pmo feedback` (leads): the period's feedback by service, and "you said, we did". */
export const feedbackCommand: Subcommand = {
  name: 'feedback',
  usage: 'feedback',
  summary: (tr) => tr.t(valueText, 'feedbackSummary'),
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    const tr = translatorFor(await deps.languages.of(client, command.user_id));
    const period = digestPeriod(deps.clock.now(), deps.config.pmo.timezone);
    const label = periodText(tr, period.firstDay, period.lastDay);
    const feedback = await periodFeedback(deps.db, period);
    if (feedback.length === 0) {
      await ack({ response_type: 'ephemeral', text: tr.t(valueText, 'noFeedback', { label }) });
      return;
    }
    await ack();
    await client.views.open({
      trigger_id: command.trigger_id,
      view: renderFeedbackModal(label, period.runKey, feedback, tr),
    });
  },
};
