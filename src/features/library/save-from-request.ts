import type { Button } from '@slack/types';
import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { action } from '../../slack/kit';
import { button } from '../../slack/kit/blocks';
import { type DeliveredWork, deliveredWork, reference } from '../requests';
import { type EntryPrefill, renderEntryForm } from './blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { ENGLISH, translatorOf } from './language';
import { libraryText } from './messages';
import { canSaveFromRequest, type LibraryActor } from './policy';
import { addEntry, type EntryForm, entryChoices, LIMITS, type LibraryEntry } from './service';

/**
 * "Save what you made for others": the member who delivered a request turns what they made into
 * a library draft, the form prefilled from the request. The requests feature only shows the
 * button (through the library port); the click, the form and the rules are the library's.
 */

/** The catalogue's tools-and-templates service: what it delivers is a template; anything else, a lesson. */
export const TEMPLATES_SERVICE = 'tools-templates';

/** The translator comes last, English by default: requests shows the button (through the port). */
export const saveButton = (requestId: number, tr: Translator = ENGLISH): Button =>
  button(tr.t(libraryText, 'saveButton'), `${IDS.saveFromPrefix}${requestId}`, String(requestId), 'primary');

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The form's first draft, from the request: the member reads and edits all of it before saving,
 * the requester's own words (need, value) included, which is why nothing is saved unseen.
 */
export function prefillFrom(work: DeliveredWork, tr: Translator = ENGLISH): EntryPrefill {
  const t = tr.of(libraryText);
  const note = (work.deliveryNote ?? '').trim();
  const body = [
    `${t('prefillNeed')}\n${work.need}`,
    `${t('prefillValue')}\n${work.expectedValue}`,
    ...(note ? [`${t('prefillDelivered')}\n${note}`] : []),
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
  tr: Translator,
  actor: LibraryActor,
  work: DeliveredWork | undefined,
  requestId: number,
): string | undefined {
  const t = tr.of(libraryText);
  if (!work) return t('requestGone');
  if (canSaveFromRequest(actor, work)) return undefined;
  if (work.status !== 'delivered' && work.status !== 'closed')
    return t('notDelivered', { reference: reference(requestId) });
  return t('onlyDeliverer', { reference: reference(requestId) });
}

export const saveFromRequest = action({
  id: IDS.saveFrom,
  audience: 'members',
  // The kit's refusal (before the click reaches the feature) is one text for everyone.
  refusal: 'Saving delivered work to the library is for the PMO member who delivered it.',
  value: rowId,
  run: async (click) => {
    const tr = await translatorOf(click.deps, click.client, click.userId);
    const work = await deliveredWork(click.deps.db, click.value);
    const refused = refusal(tr, await click.actor(), work, click.value);
    if (refused || !work) return click.tell(refused ?? '');
    await click.openModal(
      renderEntryForm(tr, await entryChoices(click.deps.db), undefined, {
        requestId: work.id,
        reference: reference(work.id),
        prefill: prefillFrom(work, tr),
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
  if (refusal(ENGLISH, await deps.roles.actor(userId), work, requestId)) return undefined;
  const now = deps.clock.now();
  return addEntry(deps.db, userId, form, localDate(now, deps.config.pmo.timezone), now, requestId);
}
