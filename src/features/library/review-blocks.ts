import type { OutboxPayload } from '../../db/schema';
import { formatDate } from '../../lib/calendar';
import { actions, button, context, plain, safe, section } from '../../slack/kit/blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { KINDS } from './policy';
import type { LibraryEntry } from './service';

/** The owner's review DM, and what it becomes once answered. Pure. */

/** One DM per review cycle: what the entry is, how it is used, and Keep / Edit / Retire. */
export function renderReviewDm(e: LibraryEntry): OutboxPayload {
  const id = String(e.id);
  const used = e.adoptions === 1 ? 'used by 1 team' : `used by ${e.adoptions} teams`;
  return {
    text: `Time to look again at “${e.title.slice(0, 150)}” in the PMO library`,
    blocks: [
      section(
        `:books: *Time to look again at an entry you own in the PMO library*\n*${safe(e.title, 200)}* · ${KINDS[e.kind]} · version ${e.version}\n${safe(e.summary, 400)}`,
      ),
      context(`Due for review on ${formatDate(e.reviewBy)} · ${used} · 👍 ${e.useful} · 👎 ${e.notUseful}`),
      section(
        'Is it still right? *Keep* it as it is for another six months, *edit* it (then keep it), or *retire* it if it no longer helps. If you do nothing, it is shown as due for review in a month.',
      ),
      actions(`library_review_${id}`, [
        button('Keep as it is', `${IDS.keepPrefix}${id}`, id, 'primary'),
        button('Edit', `${IDS.editPrefix}${id}`, id),
        button('Retire', `${IDS.reviewRetirePrefix}${id}`, id, 'danger', {
          confirm: {
            title: plain('Retire this entry?', 100),
            text: plain('It leaves search; its adoptions and ratings stay.', 300),
            confirm: plain('Retire', 30),
            deny: plain('Keep it', 30),
          },
        }),
      ]),
      context('You get this once per review, as the owner of this entry.'),
    ],
  };
}

/** The DM once answered: what was done, and no buttons left to press twice. */
export function renderReviewAnswered(title: string, outcome: string): { text: string; blocks: unknown[] } {
  const text = `${title.slice(0, 150)}: ${outcome}`;
  return { text, blocks: [section(`:books: *${safe(title, 200)}*\n${safe(outcome, 500)}`)] };
}
