import type { ModalView } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
import {
  actions,
  type Block,
  button,
  context,
  option,
  plain,
  safe,
  section,
  truncate,
} from '../../slack/kit/blocks';
import { TOPIC_IDS } from './ids';
import { consentText } from './messages';
import type { TopicInfo } from './topics';

/**
 * /pmo topics (leads): the list, and one form to add or edit a topic, in the lead's language.
 * Called from Home and tests with their historical arguments: the translator comes last.
 */

export function renderTopicList(
  topics: TopicInfo[],
  notice?: string,
  tr: Translator = translatorFor('en'),
): ModalView {
  const t = tr.of(consentText);
  const blocks: Block[] = [];
  if (notice) blocks.push(section(notice));
  blocks.push(actions('topic_list_actions', [button(t('addTopic'), TOPIC_IDS.add, 'add', 'primary')]));
  for (const x of topics.slice(0, 95)) {
    blocks.push(
      section(
        `*${safe(x.name, 150)}*${x.retired ? ` ${t('retiredMark')}` : ''} · \`${x.slug}\`\n${safe(x.description || '—', 500)}`,
        {
          accessory: button(t('edit'), `${TOPIC_IDS.editPrefix}${x.id}`, String(x.id), undefined, {
            // Every row's button says "Edit": a screen reader says which topic.
            // Read aloud as it is, never rendered: Slack markup in a name is dropped, not spoken.
            accessibility_label: t('editLabel', { name: truncate(x.name.replace(/[<>]/g, ''), 50) }),
          }),
        },
      ),
    );
  }
  blocks.push(context(t('retiredNote')));
  return {
    type: 'modal',
    callback_id: TOPIC_IDS.listModal,
    title: plain(t('topicsTitle'), 24),
    close: plain(t('done'), 24),
    blocks,
  };
}

export function renderTopicForm(
  topic: TopicInfo | undefined,
  listViewId: string,
  tr: Translator = translatorFor('en'),
): ModalView {
  const t = tr.of(consentText);
  const active = option(t('active'), 'active');
  const retired = option(t('retired'), 'retired');
  return {
    type: 'modal',
    callback_id: TOPIC_IDS.formModal,
    private_metadata: JSON.stringify({ topicId: topic?.id ?? null, listViewId }),
    title: plain(topic ? t('editTopicTitle') : t('addTopic'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('back'), 24),
    blocks: [
      {
        type: 'input',
        block_id: TOPIC_IDS.name,
        label: plain(t('nameLabel')),
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
        label: plain(t('descriptionLabel')),
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
              label: plain(t('statusLabel')),
              element: {
                type: 'radio_buttons' as const,
                action_id: TOPIC_IDS.status,
                initial_option: topic.retired ? retired : active,
                options: [active, retired],
              },
            },
          ]
        : []),
    ],
  };
}
