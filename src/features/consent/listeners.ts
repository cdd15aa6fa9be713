import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { action, type Click, type Feature, view } from '../../slack/kit';
import { safe } from '../../slack/kit/blocks';
import { parseForm } from '../../slack/kit/form';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { renderOptinSaved } from './blocks';
import { optinFormSchema, topicFormFields } from './forms';
import { CONSENT_IDS, TOPIC_IDS } from './ids';
import { consentText } from './messages';
import { saveChoices } from './service';
import { createTopic, getTopic, listTopics, TopicError, updateTopic } from './topics';
import { renderTopicForm, renderTopicList } from './topics-blocks';

/**
 * Consent and topics: `/pmo optin` saved (topics, cap, pause — each change a consent event),
 * and the leads' `/pmo topics` list with its form.
 */

// The kit's refusal is one fixed text (English) until routes can be given a translator.
const LEADS_ONLY = translatorFor('en').t(consentText, 'leadsOnly');

/** The person's language, for what this click or submission answers. */
const translatorOf = async (deps: Deps, client: WebClient, userId: string) =>
  translatorFor(await deps.languages.of(client, userId));

const OPTIN_FIELDS = { topicIds: CONSENT_IDS.topics, cap: CONSENT_IDS.cap, pausedUntil: CONSENT_IDS.pause };
const TOPIC_FIELDS = { name: TOPIC_IDS.name, description: TOPIC_IDS.description, status: TOPIC_IDS.status };

const optinForm = view({
  callbackId: CONSENT_IDS.modal,
  // The form is parsed in the submission, where the person's language is known.
  submit: async (s) => {
    const { deps } = s;
    const tr = await translatorOf(deps, s.client, s.userId);
    const today = localDate(deps.clock.now(), deps.config.pmo.timezone);
    const form = parseForm(s.body.view, OPTIN_FIELDS, optinFormSchema(tr, today));
    if (!form.ok) return { errors: form.errors };
    const result = await saveChoices(deps, s.userId, form.values, 'optin_modal', deps.clock.now());
    s.later(() => deps.surfaces.refreshHome(s.client, s.userId));
    return { update: renderOptinSaved(tr, result, today) };
  },
});

/** "Add a topic" and each topic's "Edit" push the form over the list (a modal). */
async function openTopicForm(click: Click<number | undefined>): Promise<void> {
  const tr = translatorFor(await click.deps.languages.of(click.client, click.userId));
  const t = tr.of(consentText);
  if (click.place.kind !== 'modal')
    return click.tell(t('openTopicsFirst', { command: click.deps.config.pmo.command }));
  const topic = click.value === undefined ? undefined : await getTopic(click.deps.db, click.value);
  if (click.value !== undefined && !topic) return click.tell(t('topicGone'));
  await click.client.views.push({
    trigger_id: click.triggerId,
    view: renderTopicForm(topic, click.place.viewId, tr),
  });
}

const topicForm = view({
  callbackId: TOPIC_IDS.formModal,
  audience: 'leads',
  refusal: LEADS_ONLY,
  metadata: z.object({ topicId: rowId.nullable(), listViewId: z.string().regex(/^V[A-Z0-9]+$/) }),
  // The form is parsed in the submission, where the lead's language is known.
  submit: async (s) => {
    const { db, clock, config } = s.deps;
    const { topicId, listViewId } = s.metadata;
    const tr = await translatorOf(s.deps, s.client, s.userId);
    const form = parseForm(s.body.view, TOPIC_FIELDS, topicFormFields(tr));
    if (!form.ok) return { errors: form.errors };
    const values = form.values;
    let notice: string;
    try {
      if (topicId) {
        const t = await updateTopic(
          db,
          topicId,
          { ...values, retired: values.status === 'retired' },
          clock.now(),
        );
        notice = tr.t(consentText, 'savedTopic', {
          name: safe(t.name, 150),
          retired: t.retired ? 'yes' : 'no',
        });
        await recordAudit(db, {
          actor: s.userId,
          action: AUDIT_ACTIONS.topicEdit,
          subject: `topic ${t.name}${t.retired ? ' (retired)' : ''}`.slice(0, 200),
          at: clock.now(),
        });
      } else {
        const t = await createTopic(db, values);
        await recordAudit(db, {
          actor: s.userId,
          action: AUDIT_ACTIONS.topicAdd,
          subject: `topic ${t.name}`.slice(0, 200),
          at: clock.now(),
        });
        notice = tr.t(consentText, 'addedTopic', { name: safe(t.name, 150), command: config.pmo.command });
      }
    } catch (err) {
      if (err instanceof TopicError)
        return { errors: { [TOPIC_IDS.name]: topicErrorText(tr, err, topicId !== null) } };
      throw err;
    }
    // The list underneath, redrawn with the note; it may have been closed meanwhile.
    s.later(async () =>
      s.client.views
        .update({
          view_id: listViewId,
          view: renderTopicList(await listTopics(db, { includeRetired: true }), notice, tr),
        })
        .catch((err: Error) => s.deps.logger.warn({ err }, 'could not redraw the topics list')),
    );
    return undefined;
  },
});

function topicErrorText(tr: Translator, err: TopicError, editing: boolean): string {
  if (err.code === 'not_found') return tr.t(consentText, 'topicGone');
  return tr.t(consentText, editing ? 'otherHasName' : 'duplicateName');
}

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
