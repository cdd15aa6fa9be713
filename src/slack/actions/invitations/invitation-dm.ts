import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../../deps';
import { renderDmNow } from '../../../services/invitation-delivery';
import { currentSummary } from '../../../services/invitations';
import { lookupPerson } from '../../../services/people';

/** Shared by the invitation DM's buttons: redraw the DM as it stands, and the PMO summary. */

export async function personTz(deps: Deps, client: WebClient, userId: string): Promise<string> {
  try {
    return (await lookupPerson(deps.db, client, userId, deps.clock.now())).tz;
  } catch {
    return deps.config.pmo.timezone;
  }
}

export async function redrawDm(
  deps: Deps,
  client: WebClient,
  invitationId: number,
  userId: string,
  where: { channel?: string | null; ts?: string | null },
): Promise<void> {
  if (!where.channel || !where.ts) return;
  const tz = await personTz(deps, client, userId);
  const payload = await renderDmNow(deps.db, invitationId, userId, deps.clock.now(), tz);
  if (!payload) return;
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    text: payload.text,
    blocks: payload.blocks as never,
  });
}

export async function redrawSummary(deps: Deps, client: WebClient, invitationId: number): Promise<void> {
  const summary = await currentSummary(deps.db, invitationId);
  // Not posted yet: the sender renders it with the counts of the moment it posts.
  if (!summary) return;
  await client.chat.update({
    channel: summary.channel,
    ts: summary.ts,
    text: summary.payload.text,
    blocks: summary.payload.blocks as never,
  });
}
