import { z } from 'zod';
import { requiredText, rowIdOr } from '../../lib/input';
import { type Feature, type ViewAnswer, view } from '../../slack/kit';
import { digestPeriod } from '../digest';
import { renderActionRecorded } from './blocks';
import { VALUE_IDS } from './ids';
import { recordServiceAction } from './service';

/** "You said, we did": a lead records what was done about one service's feedback. */
const feedback = view({
  callbackId: VALUE_IDS.feedbackView,
  audience: 'leads',
  metadata: z.object({ p: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  fields: { serviceId: VALUE_IDS.serviceBlock, action: VALUE_IDS.actionBlock },
  schema: () =>
    z.object({
      serviceId: rowIdOr('Pick the service.'),
      action: requiredText({ what: 'what the PMO did', max: 500 }),
    }),
  submit: async (s): Promise<ViewAnswer> => {
    const { deps } = s;
    // The period is the one the lead was shown; a new period since means new feedback to read.
    const period = digestPeriod(deps.clock.now(), deps.config.pmo.timezone);
    if (period.runKey !== s.metadata.p) {
      return {
        errors: {
          [VALUE_IDS.actionBlock]:
            'A new week has started since this opened: run the command again to see its feedback.',
        },
      };
    }
    const outcome = await recordServiceAction(deps, {
      serviceId: s.values.serviceId,
      action: s.values.action,
      leadId: s.userId,
      period,
    });
    if (outcome.status === 'no_feedback')
      return { errors: { [VALUE_IDS.serviceBlock]: 'Nobody gave feedback on this service in the period.' } };
    if (outcome.status === 'already')
      return {
        errors: {
          [VALUE_IDS.serviceBlock]: `Already recorded for this period (“${outcome.action.slice(0, 100)}”); people were told once.`,
        },
      };
    const name = await deps.db
      .selectFrom('services')
      .select('name')
      .where('id', '=', s.values.serviceId)
      .executeTakeFirst();
    return { update: renderActionRecorded(name?.name ?? 'the service', outcome.recipients) };
  },
});

export const valueFeature: Feature = { name: 'value', views: [feedback] };
