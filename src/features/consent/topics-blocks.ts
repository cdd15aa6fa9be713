import type { ModalView } from '@slack/types';
import { actions, type Block, button, context, option, plain, safe, section } from '../../slack/kit/blocks';
import { TOPIC_IDS } from './ids';
import type { TopicInfo } from './topics';

/** /pmo topics (leads): the list, and one form to add or edit a topic. */

export function renderTopicList(topics: TopicInfo[], notice?: string): ModalView {
  const blocks: Block[] = [];
  if (notice) blocks.push(section(notice));
  blocks.push(actions('topic_list_actions', [button('Add a topic', TOPIC_IDS.add, 'add', 'primary')]));
  for (const t of topics.slice(0, 95)) {
    blocks.push(
      section(
        `*${safe(t.name, 150)}*${t.retired ? ' _(retired)_' : ''} · \`${t.slug}\`\n${safe(t.description || '—', 500)}`,
        { accessory: button('Edit', `${TOPIC_IDS.editPrefix}${t.id}`, String(t.id)) },
      ),
    );
  }
  blocks.push(context('Retired topics invite nobody; people keep their history.'));
  return {
    type: 'modal',
    callback_id: TOPIC_IDS.listModal,
    title: plain('Topics', 24),
    close: plain('Done', 24),
    blocks,
  };
}

export function renderTopicForm(topic: TopicInfo | undefined, listViewId: string): ModalView {
  return {
    type: 'modal',
    callback_id: TOPIC_IDS.formModal,
    private_metadata: JSON.stringify({ topicId: topic?.id ?? null, listViewId }),
    title: plain(topic ? 'Edit topic' : 'Add a topic', 24),
    submit: plain('Save', 24),
    close: plain('Back', 24),
    blocks: [
      {
        type: 'input',
        block_id: TOPIC_IDS.name,
        label: plain('Name'),
        element: {
          type: 'plain_text_input',
          action_id: TOPIC_IDS.name,
          max_length: 75,
          ...(topic ? { initial_value: topic.name } : {}),
        },
      },
      {
        type: 'input',
        block_id: TOPIC_IDS.description,
        label: plain('Description'),
        optional: true,
        element: {
          type: 'plain_text_input',
          action_id: TOPIC_IDS.description,
          max_length: 300,
          ...(topic?.description ? { initial_value: topic.description.slice(0, 300) } : {}),
        },
      },
      ...(topic
        ? [
            {
              type: 'input' as const,
              block_id: TOPIC_IDS.status,
              label: plain('Status'),
              element: {
                type: 'radio_buttons' as const,
                action_id: TOPIC_IDS.status,
                initial_option: topic.retired ? option('Retired', 'retired') : option('Active', 'active'),
                options: [option('Active', 'active'), option('Retired', 'retired')],
              },
            },
          ]
        : []),
    ],
  };
}
