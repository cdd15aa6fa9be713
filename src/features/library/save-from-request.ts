import type { Button } from '@slack/types';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { action } from '../../slack/kit';
import { button } from '../../slack/kit/blocks';
import { type DeliveredWork, deliveredWork, reference } from '../requests';
import { type EntryPrefill, renderEntryForm } from './blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { canSaveFromRequest, type LibraryActor } from './policy';
import { addEntry, type EntryForm, entryChoices, LIMITS, type LibraryEntry } from './service';

/**
 * "Save what you made for others": the member who delivered a request turns what they made into
 * a library draft, the form prefilled from the request. The requests feature only shows the
 * button (through the library port); the click, the form and the rules are the library's.
 */

/** The catalogue's tools-and-templates service: what it delivers is a template; anything else, a lesson. */
export const TEMPLATES_SERVICE = 'tools-templates';

export const saveButton = (requestId: number): Button =>
  button('Save what you made for others', `${IDS.saveFromPrefix}${requestId}`, String(requestId), 'primary');

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The form's first draft, from the request: the member reads and edits all of it before saving,
 * the requester's own words (need, value) included, which is why nothing is saved unseen.
 */
export function prefillFrom(work: DeliveredWork): EntryPrefill {
  const note = (work.deliveryNote ?? '').trim();
  const body = [
    `*What was needed*\n${work.need}`,
    `*The value expected*\n${work.expectedValue}`,
    ...(note ? [`*What was delivered*\n${note}`] : []),
  ].join('\n\n');
  return {
    kind: work.serviceSlug === TEMPLATES_SERVICE ? 'template' : 'lesson',
    title: clip(`${work.serviceName}: ${work.project}`, LIMITS.title),
    summary: clip((note || work.need).replace(/\s+/g, ' '), LIMITS.summary),
    body: clip(body, LIMITS.body),
    link: work.deliveryLinks.find((l) => /^https?:\/\//i.test(l)) ?? null,
    topics: [],
    services: [work.serviceSlug],
  };
}

/** Why someone gets no form, in words that reveal nothing of the request but its reference. */
function refusal(
  actor: LibraryActor,
  work: DeliveredWork | undefined,
  requestId: number,
): string | undefined {
  if (!work) return 'That request is no longer there, so there is nothing to save from it.';
  if (canSaveFromRequest(actor, work)) return undefined;
  if (work.status !== 'delivered' && work.status !== 'closed')
    return `${reference(requestId)} is not delivered at the moment, so there is nothing to save from it yet.`;
  return `Only the member who delivered ${reference(requestId)}, or a PMO lead, saves it to the library.`;
}

export const saveFromRequest = action({
  id: IDS.saveFrom,
  audience: 'members',
  refusal: 'Saving delivered work to the library is for the PMO member who delivered it.',
  value: rowId,
  run: async (click) => {
    const work = await deliveredWork(click.deps.db, click.value);
    const refused = refusal(await click.actor(), work, click.value);
    if (refused || !work) return click.tell(refused ?? '');
    await click.openModal(
      renderEntryForm(await entryChoices(click.deps.db), undefined, {
        requestId: work.id,
        reference: reference(work.id),
        prefill: prefillFrom(work),
      }),
    );
  },
});

/**
 * The form saved: a draft linked to the request, audited like any add. The request is checked
 * again, as it is now: reopened since, or someone else's, it is not saved (undefined).
 */
export async function saveDraftFromRequest(
  deps: Deps,
  userId: string,
  requestId: number,
  form: EntryForm,
): Promise<LibraryEntry | undefined> {
  const work = await deliveredWork(deps.db, requestId);
  if (refusal(await deps.roles.actor(userId), work, requestId)) return undefined;
  const now = deps.clock.now();
  return addEntry(deps.db, userId, form, localDate(now, deps.config.pmo.timezone), now, requestId);
}
