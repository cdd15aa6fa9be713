import { z } from 'zod';
import { localDate } from '../../lib/calendar';
import { optionalDateFrom, rowId, rowIdOr } from '../../lib/input';
import { action, type Click, type Feature, view } from '../../slack/kit';
import { safe } from '../../slack/kit/blocks';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { renderOptinSaved } from './blocks';
import { CAPS } from './caps';
import { CONSENT_IDS, TOPIC_IDS } from './ids';
import { saveChoices } from './service';
import { createTopic, getTopic, listTopics, TopicError, topicFormSchema, updateTopic } from './topics';
import { renderTopicForm, renderTopicList } from './topics-blocks';

/**
 * Consent and topics: `/pmo optin` saved (topics, cap, pause — each change a consent event),
 * and the leads' `/pmo topics` list with its form.
 */

const LEADS_ONLY = 'Only PMO leads manage topics.';
const capChoice = z.enum(Object.keys(CAPS) as [keyof typeof CAPS, ...(keyof typeof CAPS)[]], {
  error: 'Choose how often at most.',
});

const optinForm = view({
  callbackId: CONSENT_IDS.modal,
  fields: { topicIds: CONSENT_IDS.topics, cap: CONSENT_IDS.cap, pausedUntil: CONSENT_IDS.pause },
  schema: ({ deps }) =>
    z.object({
      topicIds: z
        .array(rowIdOr('Please choose topics from the list.'))
        .max(100)
        .nullable()
        .transform((v) => v ?? []),
      cap: capChoice,
      pausedUntil: optionalDateFrom(localDate(deps.clock.now(), deps.config.pmo.timezone), { after: true }),
    }),
  submit: async (s) => {
    const { deps } = s;
    const result = await saveChoices(deps, s.userId, s.values, 'optin_modal', deps.clock.now());
    s.later(() => deps.surfaces.refreshHome(s.client, s.userId));
    return { update: renderOptinSaved(result, localDate(deps.clock.now(), deps.config.pmo.timezone)) };
  },
});

/** "Add a topic" and each topic's "Edit" push the form over the list (a modal). */
async function openTopicForm(click: Click<number | undefined>): Promise<void> {
  if (click.place.kind !== 'modal') return click.tell('Open the topics with `/pmo topics` first.');
  const topic = click.value === undefined ? undefined : await getTopic(click.deps.db, click.value);
  if (click.value !== undefined && !topic) return click.tell('That topic no longer exists.');
  await click.client.views.push({
    trigger_id: click.triggerId,
    view: renderTopicForm(topic, click.place.viewId),
  });
}

const topicForm = view({
  callbackId: TOPIC_IDS.formModal,
  audience: 'leads',
  refusal: LEADS_ONLY,
  metadata: z.object({ topicId: rowId.nullable(), listViewId: z.string().regex(/^V[A-Z0-9]+$/) }),
  fields: { name: TOPIC_IDS.name, description: TOPIC_IDS.description, status: TOPIC_IDS.status },
  schema: () =>
    topicFormSchema.extend({
      status: z
        .enum(['active', 'retired'], { error: 'Choose active or retired.' })
        .nullable()
        .transform((v) => v ?? 'active'),
    }),
  submit: async (s) => {
    const { db, clock, config } = s.deps;
    const { topicId, listViewId } = s.metadata;
    let notice: string;
    try {
      if (topicId) {
        const t = await updateTopic(
          db,
          topicId,
          { ...s.values, retired: s.values.status === 'retired' },
          clock.now(),
        );
        notice = `Saved *${safe(t.name, 150)}*${t.retired ? ' (retired)' : ''}.`;
        await recordAudit(db, {
          actor: s.userId,
          action: AUDIT_ACTIONS.topicEdit,
          subject: `topic ${t.name}${t.retired ? ' (retired)' : ''}`.slice(0, 200),
          at: clock.now(),
        });
      } else {
        const t = await createTopic(db, s.values);
        await recordAudit(db, {
          actor: s.userId,
          action: AUDIT_ACTIONS.topicAdd,
          subject: `topic ${t.name}`.slice(0, 200),
          at: clock.now(),
        });
        notice = `Added *${safe(t.name, 150)}*. People can opt in to it with \`${config.pmo.command} optin\`.`;
      }
    } catch (err) {
      if (err instanceof TopicError) return { errors: { [TOPIC_IDS.name]: err.message } };
      throw err;
    }
    // The list underneath, redrawn with the note; it may have been closed meanwhile.
    s.later(async () =>
      s.client.views
        .update({
          view_id: listViewId,
          view: renderTopicList(await listTopics(db, { includeRetired: true }), notice),
        })
        .catch((err: Error) => s.deps.logger.warn({ err }, 'could not redraw the topics list')),
    );
    return undefined;
  },
});

export const consentFeature: Feature = {
  name: 'consent',
  actions: [
    action({
      id: TOPIC_IDS.add,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: z.unknown().transform(() => undefined),
      run: openTopicForm,
    }),
    action({
      id: new RegExp(`^${TOPIC_IDS.editPrefix}\\d+$`),
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: rowId,
      run: openTopicForm,
    }),
  ],
  views: [optinForm, topicForm],
};
