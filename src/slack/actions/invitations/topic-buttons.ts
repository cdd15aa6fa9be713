import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { isLead } from '../../../services/people';
import { getTopic } from '../../../services/topics';
import { renderTopicForm } from '../../../views/topics';
import { TOPIC_IDS } from '../../ids';
import { parseButton } from './button';

/** /pmo topics: "Add a topic" and each topic's "Edit" push the form over the list. */
export function registerTopicButtons(app: App, deps: Deps): void {
  const editPattern = new RegExp(`^${TOPIC_IDS.editPrefix}\\d+$`);
  const open = async (
    body: unknown,
    client: Parameters<Parameters<App['action']>[1]>[0]['client'],
    edit: boolean,
  ) => {
    const click = parseButton(body);
    if (!isLead(deps.config, click.userId) || !click.triggerId || !click.viewId) return;
    const topic = edit && click.id ? await getTopic(deps.db, click.id) : undefined;
    if (edit && !topic) return;
    await client.views.push({ trigger_id: click.triggerId, view: renderTopicForm(topic, click.viewId) });
  };
  app.action(TOPIC_IDS.add, async ({ ack, body, client }) => {
    await ack();
    await open(body, client, false);
  });
  app.action(editPattern, async ({ ack, body, client }) => {
    await ack();
    await open(body, client, true);
  });
}
