import type { OutboxPayload } from '../../db/schema';
import type { Translator } from '../../i18n';
import { actions, button, context, safe, section } from '../../slack/kit/blocks';
import { retireButton } from './blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { kindName, showDay } from './language';
import { libraryText } from './messages';
import type { LibraryEntry } from './service';

/** The owner's review DM, and what it becomes once answered. Pure. */

/** One DM per review cycle: what the entry is, how it is used, and Keep / Edit / Retire. */
export function renderReviewDm(tr: Translator, e: LibraryEntry): OutboxPayload {
  const t = tr.of(libraryText);
  const id = String(e.id);
  const [helpful, notHelpful] = [t('helpful', { count: e.useful }), t('notHelpful', { count: e.notUseful })];
  return {
    text: t('reviewText', { title: e.title.slice(0, 150) }),
    blocks: [
      section(
        `${t('reviewHeading')}\n*${safe(e.title, 200)}* · ${kindName(tr, e.kind)} · ${t('version', { version: e.version })}\n${safe(e.summary, 400)}`,
      ),
      context(
        [
          t('reviewDue', { date: showDay(tr, e.reviewBy) }),
          t('usedByLower', { count: e.adoptions }),
          helpful,
          notHelpful,
        ].join(' · '),
      ),
      section(t('reviewAsk')),
      actions(`library_review_${id}`, [
        button(t('keepAsIs'), `${IDS.keepPrefix}${id}`, id, 'primary'),
        button(t('edit'), `${IDS.editPrefix}${id}`, id),
        retireButton(tr, `${IDS.reviewRetirePrefix}${id}`, id),
      ]),
      context(t('reviewWhy')),
    ],
  };
}

/**
 * The DM once answered: what was done, and no buttons left to press twice. The outcome is the
 * app's own words (a date token among them): not escaped; the title is.
 */
export function renderReviewAnswered(title: string, outcome: string): { text: string; blocks: unknown[] } {
  const text = `${title.slice(0, 150)}: ${outcome}`;
  return { text, blocks: [section(`:books: *${safe(title, 200)}*\n${outcome.slice(0, 500)}`)] };
}
