import type { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import type { LibraryKind } from '../../db/schema';
import type { Deps } from '../../deps';
import type { ScheduledJob } from '../../jobs/registry';
import { addDays, localDate, startOfLocalDay } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { personalHours } from '../../lib/working-calendar';
import { enqueueMessages } from '../../outbox/enqueue';
import type { BeforeSendResult, OutboxHooks } from '../../outbox/hooks';
import { action } from '../../slack/kit';
import { safe } from '../../slack/kit/blocks';
import { lookupRecipient } from '../../slack/people';
import { awayPeriodOf, checkSilence } from '../calendar';
import { optOut, pause } from '../consent';
import { capStanding, computeAudience, eligibility } from '../invitations';
import { renderNewsDm } from './announce-blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { showDay, translatorOf } from './language';
import { libraryText } from './messages';
import { newsWeek } from './policy';

/**
 * "New in the PMO library": an entry published, or changed in what it is (policy `isNews`), is
 * told only to people opted in to one of its topics, in one DM a week at most, listing every
 * entry new to them since their last one. The weekly job picks the people by the invitations'
 * rule (consent, pause, cap, deactivation); the send-time check asks that rule again, holds the
 * DM while they are away or outside their working hours, keeps quiet after silence, and leaves
 * out an entry retired meanwhile.
 */

export interface NewsItem {
  id: number;
  kind: LibraryKind;
  title: string;
  summary: string;
  /** They heard of an earlier version. */
  updated: boolean;
}

/** How far back news is still new: two weeks, so a missed weekly run loses nothing. */
const NEWS_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;
const dedupeKeyOf = (dmId: number) => `library.news.${dmId}`;

/** In the change's transaction: this version of the entry is news. */
export async function recordNews(tx: Database, entryId: number, version: number, now: Date): Promise<void> {
  await tx
    .insertInto('library_news')
    .values({ entry_id: entryId, version, noted_at: now })
    .onConflict((oc) => oc.column('entry_id').doUpdateSet({ version, noted_at: now }))
    .execute();
}

interface Candidate {
  items: Map<number, NewsItem & { version: number }>;
  topicIds: Set<number>;
  shownTopics: Set<number>;
}

/** The weekly run: one DM queued per person with news, at most one per person and ISO week. */
export async function runLibraryNewsJob(
  deps: Deps,
  client: WebClient,
  now: Date,
): Promise<{ queued: number }> {
  const { db, config } = deps;
  const week = newsWeek(localDate(now, config.pmo.timezone));
  const news = await db
    .selectFrom('library_news as n')
    .innerJoin('library_entries as e', 'e.id', 'n.entry_id')
    .select(['e.id', 'e.kind', 'e.title', 'e.summary', 'e.topics', 'n.version'])
    .where('e.status', '=', 'published')
    .where('n.noted_at', '>', new Date(now.getTime() - NEWS_WINDOW_DAYS * DAY_MS))
    .where('n.noted_at', '<=', now)
    .orderBy('n.noted_at')
    .orderBy('e.id')
    .execute();
  if (news.length === 0) return { queued: 0 };
  const topics = await db
    .selectFrom('topics')
    .select(['id', 'slug', 'name'])
    .where('retired_at', 'is', null)
    .execute();
  const idOf = new Map(topics.map((t) => [t.slug, t.id]));
  const nameOf = new Map(topics.map((t) => [t.id, t.name]));

  const people = new Map<string, Candidate>();
  for (const n of news) {
    const topicIds = n.topics.map((s) => idOf.get(s)).filter((id): id is number => id !== undefined);
    if (topicIds.length === 0) continue;
    // The invitations' audience: opted in to one of the topics, not paused, not at the cap, not
    // deactivated; someone opted in to two of them is in it once.
    const { recipients } = await computeAudience(db, topicIds, now, config.pmo.timezone);
    for (const r of recipients) {
      const c = people.get(r.userId) ?? { items: new Map(), topicIds: new Set(), shownTopics: new Set() };
      c.items.set(n.id, {
        id: n.id,
        kind: n.kind,
        title: n.title,
        summary: n.summary,
        updated: false,
        version: n.version,
      });
      for (const t of topicIds) c.topicIds.add(t);
      c.shownTopics.add(r.topicId);
      people.set(r.userId, c);
    }
  }
  if (people.size === 0) return { queued: 0 };

  // What each was already told (a version as new or newer is not news to them), and who has had
  // this week's note.
  const users = [...people.keys()];
  let queued = 0;
  for (let i = 0; i < users.length; i += 500) {
    const chunk = users.slice(i, i + 500);
    const told = await db
      .selectFrom('library_news_items as i')
      .innerJoin('library_news_dms as d', 'd.id', 'i.dm_id')
      .select(['d.user_id', 'i.entry_id', (eb) => eb.fn.max('i.version').as('version')])
      .where('d.user_id', 'in', chunk)
      .where(
        'i.entry_id',
        'in',
        news.map((n) => n.id),
      )
      .groupBy(['d.user_id', 'i.entry_id'])
      .execute();
    const toldOf = new Map(told.map((t) => [`${t.user_id}:${t.entry_id}`, Number(t.version)]));
    for (const userId of chunk) {
      const c = people.get(userId) as Candidate;
      const items = [...c.items.values()]
        .filter((it) => (toldOf.get(`${userId}:${it.id}`) ?? 0) < it.version)
        .map((it) => ({ ...it, updated: toldOf.has(`${userId}:${it.id}`) }));
      if (items.length === 0) continue;
      const names = [...c.shownTopics].map((t) => nameOf.get(t) ?? '').filter(Boolean);
      // In their language; the send-time check writes it again, in their language then.
      const tr = await translatorOf(deps, client, userId);
      const done = await db.transaction().execute(async (tx) => {
        const dm = await tx
          .insertInto('library_news_dms')
          .values({ user_id: userId, week, topic_ids: [...c.topicIds], created_at: now })
          .onConflict((oc) => oc.columns(['user_id', 'week']).doNothing())
          .returning('id')
          .executeTakeFirst();
        // This week's note is out (or queued) already: the rest waits for next week's.
        if (!dm) return false;
        await tx
          .insertInto('library_news_items')
          .values(items.map((it) => ({ dm_id: dm.id, entry_id: it.id, version: it.version })))
          .execute();
        await enqueueMessages(tx, [
          {
            kind: 'library.news',
            dedupeKey: dedupeKeyOf(dm.id),
            channel: userId,
            recipientId: userId,
            payload: renderNewsDm(tr, dm.id, items, names, config.pmo.command),
          },
        ]);
        return true;
      });
      if (done) queued++;
    }
  }
  if (queued > 0) deps.outbox.kick();
  return { queued };
}

/**
 * The send-time check of a news DM: the entries still published, the person still reachable by
 * the invitations' rule (consent to one of those entries' topics, pause, cap, deactivation), not
 * away and within their working hours (else it waits), not gone quiet after ignoring invitations.
 */
async function checkNewsDm(deps: Deps, client: WebClient, dmId: number): Promise<BeforeSendResult> {
  const { db, config, clock } = deps;
  const now = clock.now();
  const dm = await db.selectFrom('library_news_dms').selectAll().where('id', '=', dmId).executeTakeFirst();
  if (!dm) return { skip: 'not_found' };
  const userId = dm.user_id;
  const told = await db
    .selectFrom('library_news_items as i')
    .innerJoin('library_entries as e', 'e.id', 'i.entry_id')
    .select(['e.id', 'e.kind', 'e.title', 'e.summary', 'e.topics', 'i.version'])
    .where('i.dm_id', '=', dmId)
    .where('e.status', '=', 'published')
    .orderBy('e.id')
    .execute();
  if (told.length === 0) return { skip: 'retired' };

  const person = await lookupRecipient(db, client, userId, now);
  if (!person) return { skip: 'user_not_found' };
  const consented = await db
    .selectFrom('consents')
    .innerJoin('topics', 'topics.id', 'consents.topic_id')
    .select(['topics.slug', 'topics.name'])
    .where('consents.user_id', '=', userId)
    .where('consents.opted_in', '=', true)
    .where('topics.retired_at', 'is', null)
    .orderBy('topics.sort_order')
    .orderBy('topics.id')
    .execute();
  const followed = new Map(consented.map((c) => [c.slug, c.name]));
  const items = told.filter((e) => e.topics.some((s) => followed.has(s)));
  const verdict = eligibility(
    {
      consented: items.length > 0,
      deactivated: person.deleted,
      ...(await capStanding(db, userId, now)),
    },
    now,
    person.tz,
  );
  if (!verdict.ok) return { skip: verdict.reason };

  // Away: held until the first working time after they are back.
  const away = await awayPeriodOf(db, userId, localDate(now, config.calendar.timezone));
  const hours = personalHours(config.checkins);
  if (away && away.firstDay <= localDate(now, config.calendar.timezone))
    return {
      defer: hours.nextWorkingTime(startOfLocalDay(addDays(away.lastDay, 1), person.tz), person.tz),
      reason: 'away',
    };
  if (!hours.isWorkingTime(now, person.tz))
    return { defer: hours.nextWorkingTime(now, person.tz), reason: 'outside working hours' };

  const quiet = await checkSilence(db, userId, now);
  if (!quiet.send) {
    // A "Still interested?" may have been queued: the drain goes round again.
    deps.outbox.kick();
    return { skip: quiet.reason };
  }
  const names = [
    ...new Set(items.flatMap((e) => e.topics.map((s) => followed.get(s)).filter(Boolean))),
  ] as string[];
  const earlier = await db
    .selectFrom('library_news_items as i')
    .innerJoin('library_news_dms as d', 'd.id', 'i.dm_id')
    .select('i.entry_id')
    .where('d.user_id', '=', userId)
    .where('i.dm_id', '<>', dmId)
    .where(
      'i.entry_id',
      'in',
      items.map((e) => e.id),
    )
    .execute();
  const heard = new Set(earlier.map((e) => e.entry_id));
  return {
    payload: renderNewsDm(
      await translatorOf(deps, client, userId),
      dmId,
      items.map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        summary: e.summary,
        updated: heard.has(e.id),
      })),
      names,
      config.pmo.command,
    ),
  };
}

export function libraryNewsHooks(deps: Deps, client: WebClient): Record<'library.news', OutboxHooks> {
  return {
    'library.news': {
      beforeSend: (row) => {
        const dmId = Number(row.dedupe_key.slice('library.news.'.length));
        return Number.isInteger(dmId)
          ? checkNewsDm(deps, client, dmId)
          : Promise.resolve({ skip: 'not_found' });
      },
    },
  };
}

/** The DM's own buttons: only the person it was for may use them, and each works once. */
async function newsDmFor(db: Database, dmId: number, userId: string) {
  return db
    .selectFrom('library_news_dms')
    .select(['id', 'topic_ids'])
    .where('id', '=', dmId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export const newsActions = [
  action({
    id: IDS.newsStop,
    value: rowId,
    run: async (click) => {
      const { deps } = click;
      const t = (await translatorOf(deps, click.client, click.userId)).of(libraryText);
      const dm = await newsDmFor(deps.db, click.value, click.userId);
      if (!dm) return click.tell(t('newsNotYours'));
      const result = await optOut(deps, click.userId, dm.topic_ids, 'library_button', deps.clock.now(), {
        library_news: String(dm.id),
      });
      const names = safe(result.changed.map((t) => t.name).join(', '), 500);
      await click.tell(
        result.changed.length
          ? t('newsOptedOut', { names, count: result.changed.length, command: deps.config.pmo.command })
          : t('newsNotOptedIn'),
      );
    },
  }),
  action({
    id: IDS.newsPause,
    value: rowId,
    run: async (click) => {
      const { deps } = click;
      const tr = await translatorOf(deps, click.client, click.userId);
      const t = tr.of(libraryText);
      const dm = await newsDmFor(deps.db, click.value, click.userId);
      if (!dm) return click.tell(t('newsNotYours'));
      const now = deps.clock.now();
      const until = addDays(localDate(now, await deps.people.timeZone(click.client, click.userId)), 28);
      const current = await deps.db
        .selectFrom('invitation_prefs')
        .select('paused_until')
        .where('user_id', '=', click.userId)
        .executeTakeFirst();
      if (current?.paused_until && current.paused_until >= until)
        return click.tell(t('newsAlreadyPaused', { date: showDay(tr, current.paused_until) }));
      await pause(deps.db, click.userId, until, 'library_button', now, { library_news: String(dm.id) });
      await click.tell(t('newsPaused', { date: showDay(tr, until) }));
    },
  }),
];

/** Mondays at ten, the PMO's time: one run per ISO week. */
export const newsJob: ScheduledJob = {
  name: 'library-news',
  schedule: () => '0 10 * * 1',
  runKey: (deps, now) => newsWeek(localDate(now, deps.config.pmo.timezone)),
  run: runLibraryNewsJob,
};
