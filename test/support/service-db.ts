import type { WebClient } from '@slack/web-api';
import { ManualClock } from '../../src/clock';
import { withPorts } from '../../src/compose';
import { type Config, parseConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import type { Deps, People, Surfaces } from '../../src/deps';
import { Metrics } from '../../src/http/metrics';
import { createLogger } from '../../src/logger';
import type { OutboxSender } from '../../src/outbox/sender';
import type { Person, UsersInfoClient } from '../../src/slack/people';
import { SlackWork } from '../../src/slack/work-state';
import { openMigratedDatabase } from './test-database';

/**
 * Services on a real database, without HTTP or Slack: a migrated test database (PGlite, or a
 * database of its own on TEST_DATABASE_URL's server), a clock the test moves, and the Deps the
 * services are given. Messages stay queued in `outbox`: nothing delivers them, so a test reads
 * exactly what a change enqueued.
 */

export const PMO_CHANNEL = 'CPMO';
export const LEAD = 'ULEAD1';
export const LEAD2 = 'ULEAD2';

/**
 * The outbox as the services see it: they only kick it after a commit. Anything else a service
 * might ask of the sender (delivering) has no place in these tests and fails loudly.
 */
class QueueOnlyOutbox {
  kicks = 0;
  kick(): void {
    this.kicks++;
  }
  drain(): never {
    throw new Error('the service-db test layer delivers nothing: read the outbox table instead');
  }
}

/**
 * Slack's users.info, answered from memory: who the tests say exists, with their time zone and
 * whether they were deactivated. Someone never added is unknown to Slack, as users.info says.
 */
export class PeopleDirectory implements UsersInfoClient {
  private readonly people = new Map<string, Person>();

  set(person: Partial<Person> & { id: string }): void {
    this.people.set(person.id, {
      name: person.id.toLowerCase(),
      tz: 'Europe/Paris',
      deleted: false,
      locale: null,
      ...this.people.get(person.id),
      ...person,
    });
  }

  /** Gone from the workspace: users.info no longer knows them. */
  remove(id: string): void {
    this.people.delete(id);
  }

  users = {
    info: async ({ user }: { user: string }) => {
      const p = this.people.get(user);
      if (!p)
        throw Object.assign(new Error('An API error occurred: user_not_found'), {
          data: { error: 'user_not_found' },
        });
      return {
        user: {
          id: p.id,
          name: p.name,
          real_name: p.name,
          tz: p.tz,
          deleted: p.deleted,
          ...(p.locale ? { locale: p.locale } : {}),
        },
      };
    },
  };
}

export interface ServiceDb {
  db: Database;
  clock: ManualClock;
  config: Config;
  deps: Deps;
  /** The users.info the services that take a client are given (`deps.people` reads it too). */
  people: PeopleDirectory;
  /** How many times the services kicked the outbox (once per committed change that enqueued). */
  readonly kicks: number;
  /** Homes the services asked to refresh, in order. */
  homeRefreshes: string[];
  close(): Promise<void>;
}

export interface ServiceDbOptions {
  /** The clock's first instant. */
  now?: string;
  /** More (or other) environment for the config, e.g. PMO_TIMEZONE. */
  env?: Record<string, string>;
}

export async function openServiceDb(opts: ServiceDbOptions = {}): Promise<ServiceDb> {
  // A few connections on PostgreSQL, so two services' transactions really run at once there.
  const database = await openMigratedDatabase({ connections: 4 });
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    // Nothing here talks to Slack; a port nobody listens on makes a stray call fail at once.
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    PMO_CHANNEL_ID: PMO_CHANNEL,
    PMO_LEAD_IDS: `${LEAD},${LEAD2}`,
    PMO_TIMEZONE: 'Europe/Paris',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    ...database.env,
    ...opts.env,
  });
  const logger = createLogger({ level: 'silent', pretty: false });
  const clock = new ManualClock(opts.now ?? '2026-11-24T10:00:00Z');
  const outbox = new QueueOnlyOutbox();
  const directory = new PeopleDirectory();
  const homeRefreshes: string[] = [];
  const metrics = new Metrics(async () => 0);
  // Home is not under test: a refresh is only noted.
  const surfaces: Surfaces = {
    refreshHome: async (_client, userId) => {
      homeRefreshes.push(userId);
    },
    refreshHomes: async (_client, userIds) => {
      for (const id of new Set(userIds)) if (id) homeRefreshes.push(id);
    },
  };
  // The directory stands in for whichever client a port is handed.
  const people: People = {
    lookup: (_client: WebClient, userId: string) =>
      directory.users.info({ user: userId }).then((r) => ({
        id: userId,
        name: r.user.name,
        tz: r.user.tz,
        deleted: r.user.deleted,
        locale: r.user.locale ?? null,
      })),
    timeZone: (_client: WebClient, userId: string) =>
      directory.users.info({ user: userId }).then(
        (r) => r.user.tz,
        () => config.pmo.timezone,
      ),
  };
  const infrastructure = {
    config,
    db: database.db,
    logger,
    clock,
    metrics,
    slackWork: new SlackWork(logger),
    // The services only kick the outbox; anything else of the sender's would throw.
    outbox: outbox as unknown as OutboxSender,
  };
  // Membership is the real rule on the real `members` table; tests seed members there.
  // The features' own ports (membership on the real `members` table, coaching, requests),
  // with Home and Slack's directory stood in for.
  const deps: Deps = withPorts(infrastructure);
  Object.assign(deps, { surfaces, people });
  return {
    db: database.db,
    clock,
    config,
    deps,
    people: directory,
    get kicks() {
      return outbox.kicks;
    },
    homeRefreshes,
    close: async () => {
      metrics.registry.clear();
      await database.close();
    },
  };
}
