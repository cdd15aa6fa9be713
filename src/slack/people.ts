import type { Database } from '../db/client';

/**
 * People as Slack knows them (name, time zone, deactivated), from `users.info`, cached in the
 * `people` table: invitations, check-ins and triage posts all need them.
 */

export interface Person {
  id: string;
  name: string;
  tz: string;
  deleted: boolean;
  /** Their Slack language setting (fr-FR), when Slack said. */
  locale: string | null;
}

/** Minimal surface of the Web API client this module needs (users.info). */
export interface UsersInfoClient {
  users: {
    info(args: { user: string; include_locale?: boolean }): Promise<{
      user?: {
        id?: string;
        name?: string;
        real_name?: string;
        deleted?: boolean;
        tz?: string;
        locale?: string;
      };
    }>;
  };
}

const PERSON_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * A person's name, time zone, language and whether they were deactivated, from `users.info`, cached in
 * `people` for a day so a 5,000-person fan-out or a check-in run does not call Slack per
 * person every time. `maxAgeMs: 0` forces a refresh.
 */
export async function lookupPerson(
  db: Database,
  client: UsersInfoClient,
  userId: string,
  now: Date,
  maxAgeMs = PERSON_MAX_AGE_MS,
): Promise<Person> {
  const cached = await db
    .selectFrom('people')
    .selectAll()
    .where('slack_user_id', '=', userId)
    .executeTakeFirst();
  if (cached?.refreshed_at && now.getTime() - cached.refreshed_at.getTime() < maxAgeMs) {
    return {
      id: userId,
      name: cached.display_name ?? userId,
      tz: cached.tz ?? 'UTC',
      deleted: cached.is_deleted,
      locale: cached.locale,
    };
  }
  const res = await client.users.info({ user: userId, include_locale: true });
  const person: Person = {
    id: userId,
    name: res.user?.real_name || res.user?.name || userId,
    tz: res.user?.tz || 'UTC',
    deleted: res.user?.deleted === true,
    locale: res.user?.locale || null,
  };
  await db
    .insertInto('people')
    .values({
      slack_user_id: userId,
      display_name: person.name,
      tz: person.tz,
      is_deleted: person.deleted,
      locale: person.locale,
      refreshed_at: now,
    })
    .onConflict((oc) =>
      oc.column('slack_user_id').doUpdateSet({
        display_name: person.name,
        tz: person.tz,
        is_deleted: person.deleted,
        locale: person.locale,
        refreshed_at: now,
      }),
    )
    .execute();
  return person;
}

/**
 * The person a message is about to go to, or undefined when Slack no longer knows them at all
 * (`user_not_found`): gone from the workspace, as final as a deactivation, so a send-time check
 * skips them. Any other failure (a throttled `users.info`) is thrown, and the sender waits.
 */
export async function lookupRecipient(
  db: Database,
  client: UsersInfoClient,
  userId: string,
  now: Date,
): Promise<Person | undefined> {
  try {
    return await lookupPerson(db, client, userId, now);
  } catch (err) {
    if ((err as { data?: { error?: string } }).data?.error === 'user_not_found') return undefined;
    throw err;
  }
}

/** The `people` port: lookups with the app's clock, and the PMO's zone when Slack cannot say. */
export function peopleOf(deps: {
  db: Database;
  clock: { now(): Date };
  config: { pmo: { timezone: string } };
}): {
  lookup(client: UsersInfoClient, userId: string): Promise<Person>;
  timeZone(client: UsersInfoClient, userId: string): Promise<string>;
} {
  const lookup = (client: UsersInfoClient, userId: string) =>
    lookupPerson(deps.db, client, userId, deps.clock.now());
  return {
    lookup,
    timeZone: (client, userId) =>
      lookup(client, userId).then(
        (p) => p.tz,
        () => deps.config.pmo.timezone,
      ),
  };
}
