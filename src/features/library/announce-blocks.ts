import type { OutboxPayload } from '../../db/schema';
import type { Translator } from '../../i18n';
import { actions, type Block, button, context, header, safe, section } from '../../slack/kit/blocks';
import type { NewsItem } from './announce';
import { LIBRARY_IDS as IDS } from './ids';
import { kindName } from './language';
import { libraryText } from './messages';

/** The "New in the PMO library" DM, pure: what is new for this person, and how to stop these. */

/** Entries listed in one DM; the rest are named by count (a message holds 50 blocks). */
export const NEWS_LIST_MAX = 20;

export function renderNewsDm(
  tr: Translator,
  dmId: number,
  items: NewsItem[],
  topicNames: string[],
  command: string,
): OutboxPayload {
  const t = tr.of(libraryText);
  const shown = items.slice(0, NEWS_LIST_MAX);
  const text =
    items.length === 1
      ? t('newsTextOne', { title: safe(items[0]?.title, 150) })
      : t('newsTextMany', { count: items.length });
  const blocks: Block[] = [
    header(t('newsHeader')),
    section(t('newsIntro', { topicCount: topicNames.length, topics: safe(topicNames.join(', '), 500) })),
  ];
  for (const e of shown) {
    blocks.push(
      section(
        `*${safe(e.title, 200)}* · ${kindName(tr, e.kind)}${e.updated ? ` · ${t('newsUpdated')}` : ''}\n${safe(e.summary, 400)}`,
        {
          accessory: button(t('open'), `${IDS.openPrefix}${e.id}`, String(e.id)),
        },
      ),
    );
  }
  if (items.length > shown.length)
    blocks.push(context(t('newsMore', { count: items.length - shown.length, command })));
  blocks.push(
    context(t('newsWhy')),
    actions(`library_news_${dmId}`, [
      button(t('newsStop'), `${IDS.newsStopPrefix}${dmId}`, String(dmId), undefined, {
        confirm: {
          title: { type: 'plain_text', text: t('newsStopTitle') },
          text: { type: 'plain_text', text: t('newsStopText') },
          confirm: { type: 'plain_text', text: t('newsStopConfirm') },
          deny: { type: 'plain_text', text: t('newsStopDeny') },
        },
      }),
      button(t('newsPause'), `${IDS.newsPausePrefix}${dmId}`, String(dmId)),
    ]),
  );
  return { text, blocks };
}
