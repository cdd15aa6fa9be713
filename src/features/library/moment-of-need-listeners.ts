import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import type { Library } from '../../ports';
import { action } from '../../slack/kit';
import { renderNotice } from './blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { ENGLISH, pmoTranslator, translatorOf } from './language';
import { libraryText } from './messages';
import { entriesForService, recordSolved } from './moment-of-need';
import { renderForClaimer, renderHelpNow } from './moment-of-need-blocks';
import { canTake } from './policy';
import { getEntry } from './service';

/** What the library offers requests (the `library` port), and "This solved it" in the request form. */

/**
 * The port's functions take the reader's translator last, optional: the request form's
 * suggestions are in English until requests passes its reader's; the claimer's thread reply,
 * in the PMO channel, is in the PMO's language.
 */
export function libraryPort(deps: Deps): Pick<Library, 'helpNow' | 'forClaimer'> {
  return {
    helpNow: async (serviceId: number, tr: Translator = ENGLISH) =>
      renderHelpNow(await entriesForService(deps.db, serviceId), tr),
    forClaimer: async (serviceId: number, memberId: string, tr: Translator = pmoTranslator(deps)) =>
      renderForClaimer(await entriesForService(deps.db, serviceId), memberId, tr),
  };
}

/**
 * "This solved it": the form it was clicked in is replaced by a thank-you and nothing is filed.
 * The entry must still be published; the update carries the clicked view's hash, so a forged or
 * stale view id (or the second click of a double click, once the form is gone) replaces nothing
 * and counts nothing, and the view id keys the count besides.
 */
export const solvedIt = action({
  id: IDS.solved,
  value: rowId,
  run: async (click) => {
    const { deps } = click;
    const tr = await translatorOf(deps, click.client, click.userId);
    const t = tr.of(libraryText);
    const entry = await getEntry(deps.db, click.value);
    if (!entry || !canTake(entry)) return click.tell(entry ? t('solvedNotPublished') : t('solvedGone'));
    const form = click.body.view;
    if (click.place.kind !== 'modal' || !form?.id) return click.tell(t('solvedOnlyInForm'));
    try {
      await click.client.views.update({
        view_id: form.id,
        hash: form.hash,
        view: renderNotice(tr, t('solvedTitle'), t('solved')),
      });
    } catch (err) {
      // A hash conflict is the double click's second half: the first already said thank you.
      if ((err as { data?: { error?: string } }).data?.error !== 'hash_conflict')
        deps.logger.warn({ err, entryId: entry.id }, 'could not close a request form after "This solved it"');
      return;
    }
    await recordSolved(deps.db, entry.id, form.id, localDate(deps.clock.now(), deps.config.pmo.timezone));
  },
});
