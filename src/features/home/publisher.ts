import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { renderHome } from './blocks';
import { homeViewers, loadHome, recordHomePublished } from './service';

/**
 * Publishing the Home tab. `views.publish` is Tier 4 (about 100 a minute), so:
 * - only people who have opened Home at least once are published to (home_views), never a
 *   whole fan-out audience;
 * - several refreshes of one person asked for in the same turn (the actor is also the
 *   requester, a listener refreshes twice…) become one publish, and a refresh asked for while
 *   one is running runs once more after it, so the last state always wins.
 * A failed publish is logged, not thrown: the change itself is stored, and the next refresh
 * (or the next time the tab is opened) shows it.
 */

interface Pending {
  started: boolean;
  notice?: string;
  promise: Promise<void>;
}

// Per app instance (deps), not per process: two test apps in one process never share it.
const pendingByApp = new WeakMap<Deps, Map<string, Pending>>();

function pendingOf(deps: Deps): Map<string, Pending> {
  let map = pendingByApp.get(deps);
  if (!map) {
    map = new Map();
    pendingByApp.set(deps, map);
  }
  return map;
}

async function publishNow(deps: Deps, client: WebClient, userId: string, notice?: string): Promise<void> {
  if ((await homeViewers(deps.db, [userId])).size === 0) return;
  const [model, language] = await Promise.all([loadHome(deps, userId), deps.languages.of(client, userId)]);
  await client.views.publish({ user_id: userId, view: renderHome(translatorFor(language), model, notice) });
  await recordHomePublished(deps.db, userId, deps.clock.now());
}

/** Re-publishes this person's Home if they have ever opened it; `notice` is shown on top. */
export function refreshHome(
  deps: Deps,
  client: WebClient,
  userId: string,
  opts: { notice?: string } = {},
): Promise<void> {
  const pending = pendingOf(deps);
  const existing = pending.get(userId);
  if (existing && !existing.started) {
    if (opts.notice) existing.notice = opts.notice;
    return existing.promise;
  }
  const entry: Pending = { started: false, notice: opts.notice, promise: Promise.resolve() };
  entry.promise = (async () => {
    if (existing) await existing.promise;
    // Let the rest of this turn ask for the same person before publishing once.
    await new Promise((resolve) => setImmediate(resolve));
    entry.started = true;
    try {
      await publishNow(deps, client, userId, entry.notice);
    } catch (err) {
      deps.logger.warn({ err, userId }, 'could not publish the Home tab');
    } finally {
      if (pending.get(userId) === entry) pending.delete(userId);
    }
  })();
  pending.set(userId, entry);
  return entry.promise;
}

/** Refreshes several people's Home (e.g. the member who acted and the requester). */
export async function refreshHomes(deps: Deps, client: WebClient, userIds: (string | null | undefined)[]) {
  const ids = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  await Promise.all(ids.map((u) => refreshHome(deps, client, u)));
}
