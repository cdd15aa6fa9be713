import type { Button } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import type { RequestStatus } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
import { reference } from '../../lib/request-reference';
import { actions, context, section } from '../../slack/kit/blocks';
import type { RequestWithService } from './blocks/common';
import { TRIAGE_IDS } from './ids';
import { translatorOf } from './language';
import { requestsText } from './messages';

/**
 * What a delivered request made, as another feature may read it (the library saves it for
 * others), and the private offer to do so made to the member who delivered it.
 */

export interface DeliveredWork {
  id: number;
  status: RequestStatus;
  /** The member who holds it; on a delivered request, the one who delivered it. */
  ownerId: string | null;
  serviceSlug: string;
  serviceName: string;
  project: string;
  need: string;
  expectedValue: string;
  deliveryNote: string | null;
  deliveryLinks: string[];
}

export async function deliveredWork(db: Database, requestId: number): Promise<DeliveredWork | undefined> {
  const r = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select([
      'r.id',
      'r.status',
      'r.owner_id',
      's.slug',
      's.name',
      'r.project',
      'r.need',
      'r.expected_value',
      'r.delivery_note',
      'r.delivery_links',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    status: r.status,
    ownerId: r.owner_id,
    serviceSlug: r.slug,
    serviceName: r.name,
    project: r.project,
    need: r.need,
    expectedValue: r.expected_value,
    deliveryNote: r.delivery_note,
    deliveryLinks: (r.delivery_links ?? '').split('\n').filter(Boolean),
  };
}

/** The offer itself: only the member sees it, and the library's button does the saving. */
export function renderSaveOffer(tr: Translator, requestId: number, saveButton: Button) {
  const t = tr.of(requestsText);
  return {
    text: t('saveOfferText', { ref: reference(requestId) }),
    blocks: [
      section(t('saveOffer', { ref: reference(requestId) })),
      actions(TRIAGE_IDS.saveOffer, [saveButton]),
      context(t('saveOfferPrivate')),
    ],
  };
}

/**
 * Right after delivering, the member who delivered sees — privately, under the triage post they
 * work from — an offer to save what they made for others, in their language. Only they see it
 * and it asks nothing of them: an invitation, not a chore. Best effort: the delivery is stored
 * whatever Slack says.
 */
export async function offerToSave(
  deps: Deps,
  client: WebClient,
  r: RequestWithService,
  memberId: string,
): Promise<void> {
  if (!r.triage_channel || r.status !== 'delivered') return;
  try {
    const tr = await translatorOf(deps, client, memberId);
    await client.chat.postEphemeral({
      channel: r.triage_channel,
      user: memberId,
      ...renderSaveOffer(tr, r.id, deps.library.saveButton(r.id)),
    });
  } catch (err) {
    deps.logger.warn({ err, requestId: r.id }, 'could not offer to save the delivery to the library');
  }
}
