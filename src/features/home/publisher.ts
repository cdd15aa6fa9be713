import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { renderHome } from './blocks';
import { homeViewers, loadHome, recordHomePublished } from './service';

/**
 * Publishing the Home tab. `views.publish` is Tier 4 (about 100 a minute), so:
 * - only people who have opened Home at least once are published to (home_views), never a
 *   whole fan-out audience;
 * - one person's refreshes coalesce: at most one publish in flight and one queued, and every
 *   refresh asked for meanwhile joins the queued one, which reads the state when it starts, so
 *   the last state always wins and nothing is lost;
 * - a person's publishes start at least PUBLISH_GAP_MS apart: a burst of clicks (a lead claiming
 *   fifty requests) publishes their Home a few times a second, however fast one publish is.
 * A failed publish is logged, not thrown: the change itself is stored, and the next refresh
 * (or the next time the tab is opened) shows it.
 */

/** Short enough that the result of a click shows at once; long enough to cap a burst. */
export const PUBLISH_GAP_MS = 500;

interface Queued {
  notice?: string;
  promise: Promise<void>;
}

interface Person {
  running?: Promise<void>;
  queued?: Queued;
  /** performance.now() when the last publish started. */
  lastStartedAt: number;
}

// Per app instance (deps), not per process: two test apps in one process never share it.
const peopleByApp = new WeakMap<Deps, Map<string, Person>>();

function personOf(deps: Deps, userId: string): { people: Map<string, Person>; person: Person } {
  let people = peopleByApp.get(deps);
  if (!people) {
    people = new Map();
    peopleByApp.set(deps, people);
  }
  let person = people.get(userId);
  if (!person) {
    person = { lastStartedAt: Number.NEGATIVE_INFINITY };
    people.set(userId, person);
  }
  return { people, person };
}

// Not unref'd: a caller awaiting the publish (a job run from the command line) must see it done.
const pause = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

async function publishNow(deps: Deps, client: WebClient, userId: string, notice?: string): Promise<void> {
  const [model, language] = await Promise.all([loadHome(deps, userId), deps.languages.of(client, userId)]);
  await client.views.publish({ user_id: userId, view: renderHome(translatorFor(language), model, notice) });
  await recordHomePublished(deps.db, userId, deps.clock.now());
}

/** Re-publishes this person's Home if they have ever opened it; `notice` is shown on top. */
export async function refreshHome(
  deps: Deps,
  client: WebClient,
  userId: string,
  opts: { notice?: string } = {},
): Promise<void> {
  // Someone who never opened Home has nothing to refresh: asked first, so they never wait out
  // another click's gap (a claim's work, and its admission slot, would wait for nothing).
  if ((await homeViewers(deps.db, [userId])).size === 0) return;
  return queueRefresh(deps, client, userId, opts);
}

function queueRefresh(
  deps: Deps,
  client: WebClient,
  userId: string,
  opts: { notice?: string },
): Promise<void> {
  const { people, person } = personOf(deps, userId);
  if (person.queued) {
    if (opts.notice) person.queued.notice = opts.notice;
    return person.queued.promise;
  }
  const entry: Queued = { notice: opts.notice, promise: Promise.resolve() };
  const previous = person.running;
  entry.promise = (async () => {
    if (previous) await previous;
    // At least one turn, so the rest of this turn asks for the same person before it starts.
    await pause(person.lastStartedAt + PUBLISH_GAP_MS - performance.now());
    person.queued = undefined;
    person.running = entry.promise;
    person.lastStartedAt = performance.now();
    try {
      await publishNow(deps, client, userId, entry.notice);
    } catch (err) {
      deps.logger.warn({ err, userId }, 'could not publish the Home tab');
    } finally {
      if (person.running === entry.promise) person.running = undefined;
      // Forgotten once idle past the gap: the map holds only people refreshed just now.
      setTimeout(() => {
        if (!person.running && !person.queued && people.get(userId) === person) people.delete(userId);
      }, PUBLISH_GAP_MS).unref();
    }
  })();
  person.queued = entry;
  return entry.promise;
}

/** Refreshes several people's Home (e.g. the member who acted and the requester), some with a note. */
export async function refreshHomes(
  deps: Deps,
  client: WebClient,
  userIds: (string | null | undefined)[],
  notices: Partial<Record<string, string>> = {},
) {
  const ids = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  if (ids.length === 0) return;
  const viewers = await homeViewers(deps.db, ids);
  await Promise.all(
    ids.filter((u) => viewers.has(u)).map((u) => queueRefresh(deps, client, u, { notice: notices[u] })),
  );
}
