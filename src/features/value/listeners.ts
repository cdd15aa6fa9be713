import { z } from 'zod';
import { type Translator, translatorFor } from '../../i18n';
import { cleanText, isBlank, rowIdOr } from '../../lib/input';
import { type Feature, parseForm, type ViewAnswer, view } from '../../slack/kit';
import { digestPeriod } from '../digest';
import { renderActionRecorded } from './blocks';
import { VALUE_IDS } from './ids';
import { valueText } from './messages';
import { recordServiceAction } from './service';

const MAX_ACTION = 500;
const FIELDS = { serviceId: VALUE_IDS.serviceBlock, action: VALUE_IDS.actionBlock };

/** The form's fields, with their errors in the lead's language. */
function feedbackSchema(tr: Translator) {
  const t = tr.of(valueText);
  const missing = t('tellWhatDid');
  return z.object({
    serviceId: rowIdOr(t('pickService')),
    action: z
      .string({ error: missing })
      .transform((v) => cleanText(v).trim())
      .refine((v) => !isBlank(v), missing)
      .refine((v) => v.length <= MAX_ACTION, t('tooLong', { max: MAX_ACTION })),
  });
}

/** "You said, we did": a lead records what was done about one service's feedback. */
const feedback = view({
  callbackId: VALUE_IDS.feedbackView,
  audience: 'leads',
  metadata: z.object({ p: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  // The fields are read in `submit`, not by a route schema: their errors need the lead's
  // language, which takes their Slack client to know.
  submit: async (s): Promise<ViewAnswer> => {
    const { deps } = s;
    const languageOf = (userId: string) => deps.languages.of(s.client, userId);
    const tr = translatorFor(await languageOf(s.userId));
    const t = tr.of(valueText);
    const form = parseForm(s.body.view, FIELDS, feedbackSchema(tr));
    if (!form.ok) return { errors: form.errors };
    const values = form.values;
    // The period is the one the lead was shown; a new period since means new feedback to read.
    const period = digestPeriod(deps.clock.now(), deps.config.pmo.timezone);
    if (period.runKey !== s.metadata.p) return { errors: { [VALUE_IDS.actionBlock]: t('newWeek') } };
    const outcome = await recordServiceAction(
      deps,
      { serviceId: values.serviceId, action: values.action, leadId: s.userId, period },
      languageOf,
    );
    if (outcome.status === 'no_feedback')
      return { errors: { [VALUE_IDS.serviceBlock]: t('noFeedbackOnService') } };
    if (outcome.status === 'already')
      return {
        errors: { [VALUE_IDS.serviceBlock]: t('alreadyRecorded', { action: outcome.action.slice(0, 100) }) },
      };
    const name = await deps.db
      .selectFrom('services')
      .select('name')
      .where('id', '=', values.serviceId)
      .executeTakeFirst();
    return { update: renderActionRecorded(tr, name?.name ?? t('theService'), outcome.recipients) };
  },
});

export const valueFeature: Feature = { name: 'value', views: [feedback] };
