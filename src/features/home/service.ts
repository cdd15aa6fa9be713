import type { Database } from '../../db/client';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import type { PmoSettings } from '../../settings/settings';
import { type AwayPeriod, awayPeriodOf } from '../calendar';
import { activeServices, type CatalogService } from '../catalog';
import type { CheckinSubject } from '../checkins';
import { loadSubject } from '../checkins';
import type { EngagementView } from '../coaching';
import { loadEngagementView, openEngagementOf } from '../coaching';
import { type ConsentState, getConsentState } from '../consent';
import { type DigestData, digestFigures } from '../digest';
import { computeLibraryFigures, type LibraryPick, libraryPicksFor } from '../library';
import { listMyRequests, OPEN_STATUSES, type RequestWithService } from '../requests';
import { type Role, roleOf } from '../team';

/**
 * Everything a person's Home tab shows, read in one go. Each part comes from the service that
 * owns it (requests, check-ins, consent, coaching, digest); only the member lists, which no
 * other screen has, are queried here. Lists carry their full length so the view can say
 * "and N more" and offer Show more.
 */

/** The longest list Home ever needs: a Show more modal shows fewer than this. */
export const HOME_LIST_LOAD = 100;

export interface Counted<T> {
  items: T[];
  total: number;
}

export interface HomeModel {
  userId: string;
  role: Role;
  now: Date;
  /** The PMO's calendar day: "overdue" is judged in the PMO's time zone. */
  today: string;
  command: string;
  requests: RequestWithService[];
  /** The oldest open check-in (answerable on Home), and how many are open in all. */
  checkin: { subject: CheckinSubject; pending: number } | undefined;
  consent: ConsentState;
  coaching: { engagement: EngagementView; status: string } | undefined;
  catalogue: CatalogService[];
  /** "From the PMO library": published entries for their opted-in topics and recent requests' services. */
  library?: LibraryPick[];
  member?: {
    queue: Counted<RequestWithService>;
    mine: Counted<RequestWithService>;
    overdue: Counted<RequestWithService>;
    coachees: EngagementView[];
  };
  lead?: {
    digest: DigestData;
    /** When `digest` was computed (it is the last computed figures, not recomputed per publish). */
    asOf: Date;
    timeZone: string;
    /** The settings that apply now, and PMO_LEAD_IDS (its leads are always leads). */
    settings?: { current: PmoSettings; envLeads: string[] };
  };
  /** The person's current or coming time away. */
  away?: AwayPeriod;
}

export type HomeList = 'requests' | 'queue' | 'mine' | 'overdue' | 'catalogue';
export const HOME_LISTS: HomeList[] = ['requests', 'queue', 'mine', 'overdue', 'catalogue'];

const withService = (db: Database) =>
  db
    .selectFrom('requests')
    .innerJoin('services', 'services.id', 'requests.service_id')
    .selectAll('requests')
    .select('services.name as service_name');

async function counted(
  rows: Promise<RequestWithService[]>,
  total: Promise<{ n: number | string | bigint }>,
): Promise<Counted<RequestWithService>> {
  const [items, count] = await Promise.all([rows, total]);
  return { items, total: Number(count.n) };
}

/** Unclaimed requests, oldest first: the order the team should pick them up in. */
function triageQueue(db: Database) {
  return counted(
    withService(db)
      .where('requests.status', '=', 'new')
      .orderBy('requests.created_at')
      .orderBy('requests.id')
      .limit(HOME_LIST_LOAD)
      .execute(),
    db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'new')
      .executeTakeFirstOrThrow(),
  );
}

/** What I have claimed or started, soonest needed first. */
function myWork(db: Database, userId: string) {
  return counted(
    withService(db)
      .where('requests.owner_id', '=', userId)
      .where('requests.status', 'in', ['claimed', 'in_progress'])
      .orderBy('requests.needed_by', (ob) => ob.asc().nullsLast())
      .orderBy('requests.created_at')
      .limit(HOME_LIST_LOAD)
      .execute(),
    db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', userId)
      .where('status', 'in', ['claimed', 'in_progress'])
      .executeTakeFirstOrThrow(),
  );
}

/** Open requests whose needed-by day has passed in the PMO's time zone, most overdue first. */
function overdue(db: Database, today: string) {
  return counted(
    withService(db)
      .where('requests.status', 'in', OPEN_STATUSES)
      .where('requests.needed_by', '<', today)
      .orderBy('requests.needed_by')
      .orderBy('requests.id')
      .limit(HOME_LIST_LOAD)
      .execute(),
    db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', OPEN_STATUSES)
      .where('needed_by', '<', today)
      .executeTakeFirstOrThrow(),
  );
}

async function coacheesOf(db: Database, coachId: string): Promise<EngagementView[]> {
  const rows = await db
    .selectFrom('coaching_engagements')
    .select('id')
    .where('coach_id', '=', coachId)
    .where('status', '=', 'active')
    .orderBy('started_at')
    .limit(20)
    .execute();
  const views = await Promise.all(rows.map((r) => loadEngagementView(db, r.id)));
  return views.filter((v): v is EngagementView => v !== undefined);
}

/** The check-ins waiting for this person's answer, oldest first. */
async function pendingCheckin(db: Database, userId: string): Promise<HomeModel['checkin']> {
  const rows = await db
    .selectFrom('checkins')
    .select('id')
    .where('user_id', '=', userId)
    .where('kind', 'in', ['delivery', 'coaching'])
    .where('status', 'in', ['sent', 'reminded'])
    .orderBy('due_at')
    .orderBy('id')
    .limit(HOME_LIST_LOAD)
    .execute();
  const first = rows[0] ? await loadSubject(db, rows[0].id) : undefined;
  if (!first) return undefined;
  const { checkinId, kind, service, project, requestId } = first;
  return { subject: { checkinId, kind, service, project, requestId }, pending: rows.length };
}

async function myCoaching(db: Database, userId: string): Promise<HomeModel['coaching']> {
  const open = await openEngagementOf(db, userId);
  if (!open) return undefined;
  const engagement = await loadEngagementView(db, open.id);
  return engagement ? { engagement, status: open.status } : undefined;
}

/** Requests the requester still has something to see or do about (open, or delivered). */
async function myOpenRequests(db: Database, userId: string): Promise<RequestWithService[]> {
  const mine = await listMyRequests(db, userId, HOME_LIST_LOAD);
  return mine.filter((r) => OPEN_STATUSES.includes(r.status) || r.status === 'delivered');
}

export async function loadHome(deps: Deps, userId: string): Promise<HomeModel> {
  const { db, config, clock } = deps;
  const now = clock.now();
  const today = localDate(now, config.pmo.timezone);
  const role = await roleOf(db, config, userId);
  const [requests, checkin, consent, coaching, catalogue, away, library] = await Promise.all([
    myOpenRequests(db, userId),
    pendingCheckin(db, userId),
    getConsentState(db, userId),
    myCoaching(db, userId),
    activeServices(db),
    awayPeriodOf(db, userId, today),
    libraryPicksFor(db, userId, now),
  ]);
  const model: HomeModel = {
    userId,
    role,
    now,
    today,
    command: config.pmo.command,
    requests,
    checkin,
    consent,
    coaching,
    catalogue,
    library,
    ...(away ? { away } : {}),
  };
  if (role !== 'requester') {
    const [queue, mine, late, coachees] = await Promise.all([
      triageQueue(db),
      myWork(db, userId),
      overdue(db, today),
      coacheesOf(db, userId),
    ]);
    model.member = { queue, mine, overdue: late, coachees };
  }
  // The digest's own numbers for the same period the weekly digest reports, as last computed: a
  // lead's Home is published after each of their clicks, the digest costs more than the rest of
  // Home together, and its period figures only move at midnight. The library's part is read live
  // (one statement): its drafts are a lead's to-do list, which must drop a draft they just published.
  if (role === 'lead') {
    const figures = await digestFigures(db, now, config.pmo.timezone);
    const { previousStart, start, end } = figures.data.period;
    const library = await computeLibraryFigures(db, {
      previousStart,
      start,
      end,
      today,
      timeZone: config.pmo.timezone,
    });
    model.lead = {
      digest: { ...figures.data, library },
      asOf: figures.asOf,
      timeZone: config.pmo.timezone,
      settings: { current: deps.settings.settings, envLeads: deps.settings.env.leadIds },
    };
  }
  return model;
}

// --- who has opened Home -------------------------------------------------------------------

export async function recordHomeOpened(db: Database, userId: string, now: Date): Promise<void> {
  await db
    .insertInto('home_views')
    .values({ user_id: userId, first_opened_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** Of these people, the ones who have opened Home at least once. */
export async function homeViewers(db: Database, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.selectFrom('home_views').select('user_id').where('user_id', 'in', userIds).execute();
  return new Set(rows.map((r) => r.user_id));
}

export async function recordHomePublished(db: Database, userId: string, now: Date): Promise<void> {
  await db.updateTable('home_views').set({ published_at: now }).where('user_id', '=', userId).execute();
}
