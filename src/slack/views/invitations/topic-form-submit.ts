import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../deps';
import { isLead } from '../../../services/people';
import { createTopic, listTopics, TopicError, updateTopic } from '../../../services/topics';
import { safe } from '../../../views/blocks';
import { renderTopicList } from '../../../views/topics';
import { TOPIC_IDS } from '../../ids';
import { StateValues } from '../state-values';

const metadata = z.object({ topicId: z.number().int().positive().nullable(), listViewId: z.string() });

/** Add or edit a topic (leads), then refresh the list underneath. */
export function registerTopicFormSubmit(app: App, deps: Deps): void {
  app.view(TOPIC_IDS.formModal, async ({ ack, body, view, client }) => {
    const { db, clock, config } = deps;
    if (!isLead(config, body.user.id)) {
      await ack({ response_action: 'errors', errors: { [TOPIC_IDS.name]: 'Only PMO leads manage topics.' } });
      return;
    }
    const meta = metadata.parse(JSON.parse(view.private_metadata || '{}'));
    const v = new StateValues(view.state.values);
    const name = v.text(TOPIC_IDS.name);
    if (!name) {
      await ack({ response_action: 'errors', errors: { [TOPIC_IDS.name]: 'A topic needs a name.' } });
      return;
    }
    const description = v.text(TOPIC_IDS.description) ?? '';
    let notice: string;
    try {
      if (meta.topicId) {
        const t = await updateTopic(
          db,
          meta.topicId,
          { name, description, retired: v.option(TOPIC_IDS.status) === 'retired' },
          clock.now(),
        );
        notice = `Saved *${safe(t.name, 150)}*${t.retired ? ' (retired)' : ''}.`;
      } else {
        const t = await createTopic(db, { name, description });
        notice = `Added *${safe(t.name, 150)}*. People can opt in to it with \`${config.pmo.command} optin\`.`;
      }
    } catch (err) {
      if (err instanceof TopicError) {
        await ack({ response_action: 'errors', errors: { [TOPIC_IDS.name]: err.message } });
        return;
      }
      throw err;
    }
    await ack();
    await client.views.update({
      view_id: meta.listViewId,
      view: renderTopicList(await listTopics(db, { includeRetired: true }), notice),
    });
  });
}
