import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import type { Library } from '../../ports';
import { action, noticeModal } from '../../slack/kit';
import { LIBRARY_IDS as IDS } from './ids';
import { entriesForService, recordSolved } from './moment-of-need';
import { renderForClaimer, renderHelpNow } from './moment-of-need-blocks';
import { canTake } from './policy';
import { getEntry } from './service';

/** What the library offers requests (the `library` port), and "This solved it" in the request form. */

export function libraryPort(deps: Deps): Pick<Library, 'helpNow' | 'forClaimer'> {
  return {
    helpNow: async (serviceId) => renderHelpNow(await entriesForService(deps.db, serviceId)),
    forClaimer: async (serviceId, memberId) =>
      renderForClaimer(await entriesForService(deps.db, serviceId), memberId),
  };
}

const SOLVED =
  'Glad the PMO library had what you needed. Nothing was filed, and the PMO counts that this entry helped (not who you are).';

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
    const entry = await getEntry(deps.db, click.value);
    if (!entry || !canTake(entry))
      return click.tell(
        entry
          ? 'That entry is not in the library at the moment, so nothing was counted. Your form is still open.'
          : 'That entry is no longer in the library, so nothing was counted.',
      );
    const form = click.body.view;
    if (click.place.kind !== 'modal' || !form?.id)
      return click.tell('That button only works in the request form.');
    try {
      await click.client.views.update({
        view_id: form.id,
        hash: form.hash,
        view: noticeModal('Ask the PMO', SOLVED),
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
