import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { getRequest } from './service';

/**
 * After a request changed: the Home of whoever acted (with `notice` on top when they clicked
 * on Home, which is how they hear what happened) and of its requester and owner.
 */
export async function refreshRequestHomes(
  deps: Deps,
  client: WebClient,
  request: number | { requester_id: string; owner_id: string | null },
  actor?: { id: string; notice?: string },
): Promise<void> {
  const r = typeof request === 'number' ? await getRequest(deps.db, request) : request;
  await deps.surfaces.refreshHomes(
    client,
    [actor?.id, r?.requester_id, r?.owner_id],
    actor?.notice ? { [actor.id]: actor.notice } : {},
  );
}
