import type { Database } from '../../db/client';
import type { InvitationCap } from '../../db/schema';
import { isCalendarDate } from '../../lib/input';
import type { WithOutbox } from '../../outbox/enqueue';
import type { Ports } from '../../ports';
import { CAPS, DEFAULT_CAP } from './caps';
import { COACHING_TOPIC_SLUG, listTopics, type TopicInfo } from './topics';

/** Opting out of coaching ends it, so consent changes reach coaching through its port. */
export type ConsentDeps = WithOutbox & Pick<Ports, 'coaching'>;

/**
 * Consent is per person and topic, and every change is recorded with when and where it came
 * from. Nothing here sends an invitation: the send-time check (invitations/delivery.ts) reads
 * the current state, so a change applies at once, including to invitations already queued.
 */

export type ConsentSource =
  | 'optin_modal'
  | 'optout_command'
  | 'invitation_button'
  | 'announcement_button'
  | 'home'
  | 'coaching'
  | 'still_interested'
  | 'library_button';

export interface ConsentState {
  topics: (TopicInfo & { optedIn: boolean })[];
  cap: InvitationCap;
  pausedUntil: string | null;
}

/** The topics a person is opted in to now (works inside a transaction too). */
async function optedInTopicIds(db: Database, userId: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('consents')
    .select('topic_id')
    .where('user_id', '=', userId)
    .where('opted_in', '=', true)
    .execute();
  return new Set(rows.map((r) => r.topic_id));
}

export async function getConsentState(db: Database, userId: string): Promise<ConsentState> {
  const topics = await listTopics(db);
  const on = await optedInTopicIds(db, userId);
  const prefs = await db
    .selectFrom('invitation_prefs')
    .select(['cap', 'paused_until'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    topics: topics.map((t) => ({ ...t, optedIn: on.has(t.id) })),
    cap: prefs?.cap ?? DEFAULT_CAP,
    pausedUntil: prefs?.paused_until ?? null,
  };
}

interface EventInput {
  userId: string;
  topicId: number | null;
  action: 'opt_in' | 'opt_out' | 'pause' | 'unpause' | 'cap';
  source: ConsentSource;
  now: Date;
  detail?: Record<string, unknown>;
}

async function recordEvent(db: Database, e: EventInput): Promise<void> {
  await db
    .insertInto('consent_events')
    .values({
      user_id: e.userId,
      topic_id: e.topicId,
      action: e.action,
      source: e.source,
      detail: e.detail ? JSON.stringify(e.detail) : null,
      created_at: e.now,
    })
    .execute();
}

/** Opts in to each topic not already on; returns the ids that changed (events only for those). */
async function optInTx(
  tx: Database,
  userId: string,
  topicIds: number[],
  source: ConsentSource,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<number[]> {
  const changed: number[] = [];
  for (const topicId of [...new Set(topicIds)]) {
    // Conditional upsert: a double click or a retried submission changes (and records) nothing.
    const res = await tx
      .insertInto('consents')
      .values({ user_id: userId, topic_id: topicId, opted_in: true, updated_at: now })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'topic_id'])
          .doUpdateSet({ opted_in: true, updated_at: now })
          .where('consents.opted_in', '=', false),
      )
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) {
      changed.push(topicId);
      await recordEvent(tx, { userId, topicId, action: 'opt_in', source, now, detail });
    }
  }
  return changed;
}

async function optOutTx(
  tx: Database,
  userId: string,
  topicIds: number[],
  source: ConsentSource,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<number[]> {
  if (topicIds.length === 0) return [];
  const rows = await tx
    .updateTable('consents')
    .set({ opted_in: false, updated_at: now })
    .where('user_id', '=', userId)
    .where('topic_id', 'in', topicIds)
    .where('opted_in', '=', true)
    .returning('topic_id')
    .execute();
  for (const r of rows)
    await recordEvent(tx, { userId, topicId: r.topic_id, action: 'opt_out', source, now, detail });
  return rows.map((r) => r.topic_id);
}

export async function optIn(
  db: Database,
  userId: string,
  topicIds: number[],
  source: ConsentSource,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<number[]> {
  return db.transaction().execute((tx) => optInTx(tx, userId, topicIds, source, now, detail));
}

/** Exposed for services that opt someone in as part of a larger transaction (coaching). */
export { optInTx };

export interface OptOutResult {
  /** Topics that were on and are now off. */
  changed: TopicInfo[];
  /** Topics still on afterwards. */
  stillIn: TopicInfo[];
  /** An active or proposed coaching engagement was ended because of this opt-out. */
  coachingEnded: boolean;
}

/**
 * `topicIds: 'all'` is `/pmo optout` without a topic: every topic off, and any coaching
 * engagement ended politely. Opting out of the coaching topic ends coaching too.
 */
export async function optOut(
  deps: ConsentDeps,
  userId: string,
  topicIds: number[] | 'all',
  source: ConsentSource,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<OptOutResult> {
  const result = await optOutIn(deps, userId, topicIds, source, now, detail);
  // Coaching it ended says goodbye to both sides, from the outbox.
  if (result.coachingEnded) deps.outbox.kick();
  return result;
}

async function optOutIn(
  { db, coaching: coachingPort }: ConsentDeps,
  userId: string,
  topicIds: number[] | 'all',
  source: ConsentSource,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<OptOutResult> {
  const topics = await listTopics(db, { includeRetired: true });
  return db.transaction().execute(async (tx) => {
    const ids =
      topicIds === 'all'
        ? (
            await tx
              .selectFrom('consents')
              .select('topic_id')
              .where('user_id', '=', userId)
              .where('opted_in', '=', true)
              .execute()
          ).map((r) => r.topic_id)
        : topicIds;
    const changed = await optOutTx(tx, userId, ids, source, now, detail);
    const coaching = topics.find((t) => t.slug === COACHING_TOPIC_SLUG);
    const coachingOff = topicIds === 'all' || (coaching !== undefined && changed.includes(coaching.id));
    const coachingEnded = coachingOff ? await coachingPort.endOnOptOut(tx, userId, now) : false;
    const stillIds = await optedInTopicIds(tx, userId);
    return {
      changed: topics.filter((t) => changed.includes(t.id)),
      stillIn: topics.filter((t) => stillIds.has(t.id) && !t.retired),
      coachingEnded,
    };
  });
}

async function ensurePrefs(tx: Database, userId: string, now: Date) {
  await tx
    .insertInto('invitation_prefs')
    .values({ user_id: userId, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return tx
    .selectFrom('invitation_prefs')
    .select(['cap', 'paused_until'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

async function pauseTx(
  tx: Database,
  userId: string,
  until: string | null,
  source: ConsentSource,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<boolean> {
  const prefs = await ensurePrefs(tx, userId, now);
  if (prefs.paused_until === until) return false;
  await tx
    .updateTable('invitation_prefs')
    .set({ paused_until: until, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
  await recordEvent(tx, {
    userId,
    topicId: null,
    action: until ? 'pause' : 'unpause',
    source,
    now,
    detail: { ...detail, paused_until: until, previous: prefs.paused_until },
  });
  return true;
}

async function setCapTx(
  tx: Database,
  userId: string,
  cap: InvitationCap,
  source: ConsentSource,
  now: Date,
): Promise<boolean> {
  const prefs = await ensurePrefs(tx, userId, now);
  if (prefs.cap === cap) return false;
  await tx
    .updateTable('invitation_prefs')
    .set({ cap, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
  await recordEvent(tx, {
    userId,
    topicId: null,
    action: 'cap',
    source,
    now,
    detail: { cap, previous: prefs.cap },
  });
  return true;
}

/** Pauses every invitation until `until` (exclusive of the day itself: invited again on that day). */
export function pause(
  db: Database,
  userId: string,
  until: string | null,
  source: ConsentSource,
  now: Date,
  detail?: Record<string, unknown>,
): Promise<boolean> {
  return db.transaction().execute((tx) => pauseTx(tx, userId, until, source, now, detail));
}

export function setCap(
  db: Database,
  userId: string,
  cap: InvitationCap,
  source: ConsentSource,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute((tx) => setCapTx(tx, userId, cap, source, now));
}

export interface ChoicesResult {
  optedIn: TopicInfo[];
  optedOut: TopicInfo[];
  capChanged: boolean;
  pauseChanged: boolean;
  coachingEnded: boolean;
  state: ConsentState;
}

/** The /pmo optin modal: the whole picture at once, recorded as individual changes. */
export async function saveChoices(
  deps: ConsentDeps,
  userId: string,
  choices: { topicIds: number[]; cap: InvitationCap; pausedUntil: string | null },
  source: ConsentSource,
  now: Date,
): Promise<ChoicesResult> {
  const result = await saveChoicesIn(deps, userId, choices, source, now);
  if (result.coachingEnded) deps.outbox.kick();
  return result;
}

async function saveChoicesIn(
  { db, coaching: coachingPort }: ConsentDeps,
  userId: string,
  choices: { topicIds: number[]; cap: InvitationCap; pausedUntil: string | null },
  source: ConsentSource,
  now: Date,
): Promise<ChoicesResult> {
  if (!(choices.cap in CAPS)) throw new Error(`unknown invitation cap ${choices.cap}`);
  if (choices.pausedUntil !== null && !isCalendarDate(choices.pausedUntil))
    throw new Error(`not a date: ${choices.pausedUntil}`);
  const before = await getConsentState(db, userId);
  const wanted = new Set(choices.topicIds);
  const active = before.topics.filter((t) => !t.retired);
  const toOn = active.filter((t) => wanted.has(t.id) && !t.optedIn).map((t) => t.id);
  const toOff = active.filter((t) => !wanted.has(t.id) && t.optedIn).map((t) => t.id);
  const res = await db.transaction().execute(async (tx) => {
    const on = await optInTx(tx, userId, toOn, source, now);
    const off = await optOutTx(tx, userId, toOff, source, now);
    const capChanged = await setCapTx(tx, userId, choices.cap, source, now);
    const pauseChanged = await pauseTx(tx, userId, choices.pausedUntil, source, now);
    const coaching = active.find((t) => t.slug === COACHING_TOPIC_SLUG);
    const coachingEnded =
      coaching && off.includes(coaching.id) ? await coachingPort.endOnOptOut(tx, userId, now) : false;
    return { on, off, capChanged, pauseChanged, coachingEnded };
  });
  return {
    optedIn: active.filter((t) => res.on.includes(t.id)),
    optedOut: active.filter((t) => res.off.includes(t.id)),
    capChanged: res.capChanged,
    pauseChanged: res.pauseChanged,
    coachingEnded: res.coachingEnded,
    state: await getConsentState(db, userId),
  };
}
