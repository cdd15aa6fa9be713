import type { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import { OPEN_WORK_STATUSES } from '../../db/enums';
import type { AlertTarget } from '../../db/schema';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import type { WorkingCalendar } from '../../lib/working-calendar';
import { enqueueMessages } from '../../outbox/enqueue';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import { lookupPerson, type UsersInfoClient } from '../../slack/people';
import { notAway } from './away-filter';
import { renderEscalation, renderNudge } from './blocks';
import { loadCalendar } from './service';

/**
 * The nudge/escalation job. Each run:
 * 1. plans the one nudge of requests half-way to their first-response target: a row per
 *    suggested member (same ranking as the triage post: skills match, least open work, nobody
 *    away), due at the start of that member's own working hours;
 * 2. plans the escalations of requests past a target: a row per lead, and the triage post is
 *    updated in place to show "overdue" (by the run that planned it);
 * 3. sends the planned rows that are due, each by one conditional UPDATE and the outbox.
 * The primary key (request, target, kind, person) is what makes each at most once across
 * replicas; the outbox's dedupe key makes the DM once. Every query reads a partial index.
 */

const BATCH = 500;
const SUGGESTED = 3;
const KIND = OUTBOX_KINDS.calendar;

export interface NudgeRunResult {
  nudgesPlanned: number;
  escalationsPlanned: number;
  sent: number;
  skipped: number;
}

export type AlertDeps = Pick<Deps, 'db' | 'config' | 'logger' | 'clock' | 'requests' | 'languages'>;

export async function runNudgeJob(deps: AlertDeps, client: WebClient, now: Date): Promise<NudgeRunResult> {
  const calendar = await loadCalendar(deps.db, deps.config, now);
  const zones = new ZoneCache(deps, client, now);
  const nudgesPlanned = await planNudges(deps.db, calendar, zones, now);
  const escalated = await planEscalations(deps, calendar, zones, now);
  // The triage post shows "overdue" from now on.
  for (const id of escalated.requestIds) await deps.requests.redrawTriagePost(client, id);
  const { sent, skipped } = await sendDueAlerts(deps, client, calendar, now);
  return { nudgesPlanned, escalationsPlanned: escalated.rows, sent, skipped };
}

/** Each person's time zone, looked up once per run (users.info, cached in `people`). */
class ZoneCache {
  private zones = new Map<string, string>();
  constructor(
    private deps: AlertDeps,
    private client: UsersInfoClient,
    private now: Date,
  ) {}
  async of(userId: string): Promise<string> {
    let tz = this.zones.get(userId);
    if (!tz) {
      try {
        tz = (await lookupPerson(this.deps.db, this.client, userId, this.now)).tz;
      } catch (err) {
        // An unreadable profile: their working hours are read in the PMO's zone.
        this.deps.logger.warn({ err, userId }, 'could not look up a time zone; using the PMO’s');
        tz = this.deps.config.calendar.timezone;
      }
      this.zones.set(userId, tz);
    }
    return tz;
  }
}

/** Requests half-way to their first-response target without a nudge round yet. */
export function nudgeCandidatesQuery(db: Database, now: Date) {
  return db
    .selectFrom('requests as r')
    .select(['r.id', 'r.service_id', 'r.first_response_due'])
    .where('r.status', '=', 'new')
    .where('r.first_response_at', 'is', null)
    .where('r.nudge_at', '<=', now)
    .where('r.first_response_due', '>', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('request_alerts as a')
            .select('a.request_id')
            .whereRef('a.request_id', '=', 'r.id')
            .where('a.target', '=', 'first_response')
            .where('a.kind', '=', 'nudge'),
        ),
      ),
    )
    .orderBy('r.nudge_at')
    .limit(BATCH);
}

/** The members who could take each service, least open work first, nobody away today. */
export function suggestionPoolQuery(db: Database, serviceIds: number[], today: string) {
  return db
    .selectFrom('members as m')
    .innerJoin('member_skills as s', 's.member_id', 'm.slack_user_id')
    .select(['m.slack_user_id as id', 'm.created_at', 's.service_id'])
    .where('m.active', '=', true)
    .where('s.service_id', 'in', serviceIds)
    .where(notAway('m.slack_user_id', today));
}

export function openWorkQuery(db: Database, ownerIds: string[]) {
  return db
    .selectFrom('requests')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_id', 'in', ownerIds)
    .where('status', 'in', [...OPEN_WORK_STATUSES])
    .groupBy('owner_id');
}

async function planNudges(
  db: Database,
  calendar: WorkingCalendar,
  zones: ZoneCache,
  now: Date,
): Promise<number> {
  const candidates = await nudgeCandidatesQuery(db, now).execute();
  if (candidates.length === 0) return 0;
  const today = calendar.today(now);
  const pool = await suggestionPoolQuery(
    db,
    [...new Set(candidates.map((c) => c.service_id))],
    today,
  ).execute();
  const ids = [...new Set(pool.map((p) => p.id))];
  const load = new Map(
    ids.length ? (await openWorkQuery(db, ids).execute()).map((r) => [String(r.owner_id), Number(r.n)]) : [],
  );
  let planned = 0;
  for (const c of candidates) {
    const due = c.first_response_due!;
    const ranked = pool
      .filter((p) => p.service_id === c.service_id)
      .map((p) => ({ id: p.id, openWork: load.get(p.id) ?? 0, since: p.created_at }))
      .sort(
        (a, b) => a.openWork - b.openWork || a.since.getTime() - b.since.getTime() || (a.id < b.id ? -1 : 1),
      )
      .slice(0, SUGGESTED);
    const rows = [];
    for (const m of ranked) {
      // Their next working moment, in their own zone; too late to help before the target → none.
      const at = calendar.nextWorkingTime(now, await zones.of(m.id));
      rows.push({
        request_id: c.id,
        target: 'first_response' as const,
        kind: 'nudge' as const,
        user_id: m.id,
        not_before: at,
        skipped: at >= due ? 'after_target' : null,
      });
    }
    // Nobody to nudge: the round is planned anyway, so the request is not looked at again.
    if (rows.length === 0)
      rows.push({
        request_id: c.id,
        target: 'first_response' as const,
        kind: 'nudge' as const,
        user_id: '',
        not_before: now,
        skipped: 'nobody_suggested',
      });
    const res = await db
      .insertInto('request_alerts')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    planned += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return planned;
}

/** Requests past a target without an escalation yet. */
export function escalationCandidatesQuery(db: Database, target: AlertTarget, now: Date) {
  const q = db
    .selectFrom('requests as r')
    .select('r.id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('request_alerts as a')
            .select('a.request_id')
            .whereRef('a.request_id', '=', 'r.id')
            .where('a.target', '=', target)
            .where('a.kind', '=', 'escalation'),
        ),
      ),
    )
    .limit(BATCH);
  return target === 'first_response'
    ? q
        .where('r.status', '=', 'new')
        .where('r.first_response_at', 'is', null)
        .where('r.first_response_due', '<=', now)
        .orderBy('r.first_response_due')
    : q
        .where('r.status', 'in', ['claimed', 'in_progress'])
        .where('r.delivery_due', '<=', now)
        .orderBy('r.delivery_due');
}

async function planEscalations(
  deps: AlertDeps,
  calendar: WorkingCalendar,
  zones: ZoneCache,
  now: Date,
): Promise<{ rows: number; requestIds: number[] }> {
  const { db, config } = deps;
  let rows = 0;
  const requestIds = new Set<number>();
  for (const target of ['first_response', 'delivery'] as const) {
    const candidates = await escalationCandidatesQuery(db, target, now).execute();
    if (candidates.length === 0) continue;
    const leadTimes = await Promise.all(
      config.pmo.leadIds.map(async (lead) => ({
        lead,
        at: calendar.nextWorkingTime(now, await zones.of(lead)),
      })),
    );
    // One statement per chunk: a first run after an outage may find hundreds at once.
    const values = candidates.flatMap((c) =>
      leadTimes.map(({ lead, at }) => ({
        request_id: c.id,
        target,
        kind: 'escalation' as const,
        user_id: lead,
        not_before: at,
      })),
    );
    for (let i = 0; i < values.length; i += 1000) {
      const inserted = await db
        .insertInto('request_alerts')
        .values(values.slice(i, i + 1000))
        .onConflict((oc) => oc.doNothing())
        .returning('request_id')
        .execute();
      rows += inserted.length;
      // Only the run that planned it repaints the post (another replica found the rows taken).
      for (const r of inserted) requestIds.add(r.request_id);
    }
  }
  return { rows, requestIds: [...requestIds] };
}

/** Planned alerts whose time has come, with what their request looks like now. */
export function dueAlertsQuery(db: Database, now: Date) {
  return db
    .selectFrom('request_alerts as a')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select([
      'a.request_id',
      'a.target',
      'a.kind',
      'a.user_id',
      'r.status',
      'r.first_response_at',
      'r.first_response_due',
      'r.delivery_due',
      'r.owner_id',
      'r.project',
      's.name as service_name',
    ])
    .where('a.sent_at', 'is', null)
    .where('a.skipped', 'is', null)
    .where('a.not_before', '<=', now)
    .orderBy('a.not_before')
    .limit(BATCH);
}

export const alertDedupe = (a: { request_id: number; target: string; kind: string; user_id: string }) =>
  `calendar.${a.kind}.${a.target}.${a.request_id}.${a.user_id}`;

/** Whether the request still waits for that target (else its alert has nothing to say). */
export function stillWaiting(
  target: AlertTarget,
  r: { status: string; first_response_at: Date | null },
): boolean {
  return target === 'first_response'
    ? r.status === 'new' && r.first_response_at === null
    : r.status === 'claimed' || r.status === 'in_progress';
}

async function sendDueAlerts(deps: AlertDeps, client: WebClient, calendar: WorkingCalendar, now: Date) {
  const { db, requests } = deps;
  const due = await dueAlertsQuery(db, now).execute();
  let sent = 0;
  let skipped = 0;
  const today = calendar.today(now);
  const nudged = due.filter((a) => a.kind === 'nudge').map((a) => a.user_id);
  const away = new Set(
    nudged.length
      ? (
          await db
            .selectFrom('away_periods')
            .select('user_id')
            .where('user_id', 'in', nudged)
            .where('first_day', '<=', today)
            .where('last_day', '>=', today)
            .execute()
        ).map((r) => r.user_id)
      : [],
  );
  for (const a of due) {
    const key = { request_id: a.request_id, target: a.target, kind: a.kind, user_id: a.user_id };
    const why = !stillWaiting(a.target, a)
      ? 'answered'
      : a.kind === 'nudge' && away.has(a.user_id)
        ? 'away'
        : null;
    // Written in the recipient's language (asked before the transaction: it may ask Slack).
    const tr = why ? undefined : await translatorOfRecipient(deps, client, a.user_id);
    const done = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('request_alerts')
        .set(why ? { skipped: why } : { sent_at: now })
        .where('request_id', '=', a.request_id)
        .where('target', '=', a.target)
        .where('kind', '=', a.kind)
        .where('user_id', '=', a.user_id)
        .where('sent_at', 'is', null)
        .where('skipped', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0 || why || !tr) return false;
      const subject = {
        requestId: a.request_id,
        serviceName: a.service_name,
        project: a.project,
        due: (a.target === 'first_response' ? a.first_response_due : a.delivery_due) ?? now,
      };
      await enqueueMessages(trx, [
        {
          kind: a.kind === 'nudge' ? KIND.nudge : KIND.escalation,
          dedupeKey: alertDedupe(key),
          channel: a.user_id,
          recipientId: a.user_id,
          requestId: a.request_id,
          payload:
            a.kind === 'nudge'
              ? renderNudge(tr, subject, requests.claimButton(a.request_id))
              : renderEscalation(tr, { ...subject, target: a.target, owner: a.owner_id }),
        },
      ]);
      return true;
    });
    if (done) sent++;
    else if (why) skipped++;
  }
  return { sent, skipped };
}

/** A recipient's translator; someone Slack cannot tell about is written to in the PMO's language. */
async function translatorOfRecipient(
  deps: AlertDeps,
  client: WebClient,
  userId: string,
): Promise<Translator> {
  try {
    return translatorFor(await deps.languages.of(client, userId));
  } catch (err) {
    deps.logger.warn({ err, userId }, 'could not tell a language; using the PMO’s');
    return translatorFor(deps.languages.pmo());
  }
}

/** The outbox's send-time check: a nudge or escalation whose request moved on is not sent. */
export async function alertStillRelevant(db: Database, requestId: number, kind: string): Promise<boolean> {
  const r = await db
    .selectFrom('requests')
    .select(['status', 'first_response_at'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r) return false;
  if (kind === KIND.nudge) return stillWaiting('first_response', r);
  return stillWaiting('first_response', r) || stillWaiting('delivery', r);
}
