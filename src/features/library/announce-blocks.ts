import type { OutboxPayload } from '../../db/schema';
import { actions, type Block, button, context, header, safe, section } from '../../slack/kit/blocks';
import type { NewsItem } from './announce';
import { LIBRARY_IDS as IDS } from './ids';
import { KINDS } from './policy';

/** The "New in the PMO library" DM, pure: what is new for this person, and how to stop these. */

/** Entries listed in one DM; the rest are named by count (a message holds 50 blocks). */
export const NEWS_LIST_MAX = 20;

export function renderNewsDm(
  dmId: number,
  items: NewsItem[],
  topicNames: string[],
  command: string,
): OutboxPayload {
  const shown = items.slice(0, NEWS_LIST_MAX);
  const text =
    items.length === 1
      ? `New in the PMO library: ${safe(items[0]?.title, 150)}`
      : `New in the PMO library: ${items.length} entries for topics you follow`;
  const blocks: Block[] = [
    header('New in the PMO library'),
    section(
      `Published or updated since your last note, for ${topicNames.length === 1 ? 'a topic' : 'topics'} you follow: *${safe(topicNames.join(', '), 500)}*.`,
    ),
  ];
  for (const e of shown) {
    blocks.push(
      section(
        `*${safe(e.title, 200)}* · ${KINDS[e.kind]}${e.updated ? ' · _updated_' : ''}\n${safe(e.summary, 400)}`,
        {
          accessory: button('Open', `${IDS.openPrefix}${e.id}`, String(e.id)),
        },
      ),
    );
  }
  if (items.length > shown.length)
    blocks.push(context(`…and ${items.length - shown.length} more: \`${command} library\` finds them.`));
  blocks.push(
    context('You get this because you opted in to these topics: at most one note a week, never more.'),
    actions(`library_news_${dmId}`, [
      button('Stop these', `${IDS.newsStopPrefix}${dmId}`, String(dmId), undefined, {
        confirm: {
          title: { type: 'plain_text', text: 'Stop these notes?' },
          text: { type: 'plain_text', text: 'You will be opted out of the topics this note was for.' },
          confirm: { type: 'plain_text', text: 'Opt me out' },
          deny: { type: 'plain_text', text: 'Keep them' },
        },
      }),
      button('Pause 4 weeks', `${IDS.newsPausePrefix}${dmId}`, String(dmId)),
    ]),
  );
  return { text, blocks };
}
