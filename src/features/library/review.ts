import type { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import type { OutboxRow } from '../../db/schema';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { daySlot, type ScheduledJob } from '../../jobs/registry';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { personalHours } from '../../lib/working-calendar';
import { enqueueMessages } from '../../outbox/enqueue';
import type { BeforeSendResult, OutboxHooks } from '../../outbox/hooks';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import { action, type Click } from '../../slack/kit';
import { lookupPerson } from '../../slack/people';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { LIBRARY_IDS as IDS } from './ids';
import { showDay, translatorOf } from './language';
import { libraryText } from './messages';
import { canRetireAtReview, canReview, isDueForReview, nextReviewDate } from './policy';
import { renderReviewAnswered, renderReviewDm } from './review-blocks';
import { getEntry, moveEntry } from './service';

/**
 * Keeping the library fresh: when a published entry's review-by date comes, its owner gets one
 * DM, in their working hours, to keep it as it is (due again in six months), edit it or retire
 * it. Once per review cycle: the job marks the review-by date it asked about (review_asked_for)
 * in the transaction that enqueues the DM, so a second run, or a second replica, asks nothing
 * more; keeping the entry moves review_by on, which opens the next cycle.
 */

const KIND = OUTBOX_KINDS.library.review;
const dedupeKeyOf = (entryId: number, reviewBy: string) => `library.review.${entryId}.${reviewBy}`;
const KEY = /^library\.review\.(\d+)\.(\d{4}-\d{2}-\d{2})$/;

/** A run asks about at most this many entries; the rest are asked the next day. */
const BATCH = 500;

const todayAt = (deps: Pick<Deps, 'config'>, now: Date) => localDate(now, deps.config.pmo.timezone);

/** The daily job: every published entry due for review whose owner was not asked about this date. */
export async function askDueReviews(
  deps: Deps,
  now: Date,
  client?: WebClient,
): Promise<{ asked: number; ownerGone: number }> {
  const { db } = deps;
  const today = todayAt(deps, now);
  const due = await db
    .selectFrom('library_entries')
    .select(['id', 'owner_id', 'review_by'])
    .where('status', '=', 'published')
    .where('review_by', '<=', today)
    .where((eb) =>
      eb.or([eb('review_asked_for', 'is', null), eb('review_asked_for', '<', eb.ref('review_by'))]),
    )
    .orderBy('review_by')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let asked = 0;
  let ownerGone = 0;
  for (const row of due) {
    // An owner who left the PMO is not messaged: looking after PMO material is no longer theirs,
    // and a DM from the PMO would be one they never asked for. The entry stays due (it is shown
    // as stale a month on, and the leads see it among the stale entries on their Home), and
    // it is asked about once it has an owner in the PMO again.
    if (!(await deps.roles.isMember(row.owner_id))) {
      ownerGone++;
      continue;
    }
    // The DM is written in the owner's language (English when Slack cannot be asked here); the
    // send-time check renders it again, in their language then.
    const tr = client ? await translatorOf(deps, client, row.owner_id) : translatorFor('en');
    const enqueued = await db.transaction().execute(async (tx) => {
      const marked = await tx
        .updateTable('library_entries')
        .set({ review_asked_for: row.review_by })
        .where('id', '=', row.id)
        .where('status', '=', 'published')
        .where('review_by', '=', row.review_by)
        .where((eb) =>
          eb.or([eb('review_asked_for', 'is', null), eb('review_asked_for', '<', row.review_by)]),
        )
        .returning('id')
        .executeTakeFirst();
      if (!marked) return 0;
      const entry = await getEntry(tx, row.id);
      if (!entry) return 0;
      return enqueueMessages(tx, [
        {
          kind: KIND,
          dedupeKey: dedupeKeyOf(row.id, row.review_by),
          channel: row.owner_id,
          recipientId: row.owner_id,
          payload: renderReviewDm(tr, entry),
        },
      ]);
    });
    asked += enqueued;
  }
  if (asked > 0) deps.outbox.kick();
  return { asked, ownerGone };
}

export const reviewJob: ScheduledJob = {
  name: 'library-review',
  // Once a day, early: the DM itself waits for each owner's working hours.
  schedule: () => '0 6 * * *',
  runKey: daySlot,
  run: (deps, client, now) => askDueReviews(deps, now, client),
};

/**
 * The review DM's send-time check: only while the entry is still published, still due on the
 * date asked about (not kept or edited meanwhile) and still owned by a PMO member who is in
 * Slack; and in their working hours, or it waits. Drawn again from the entry as it is now.
 */
export async function reviewCheck(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'roles' | 'languages'>,
  client: WebClient,
  row: OutboxRow,
): Promise<BeforeSendResult> {
  const key = KEY.exec(row.dedupe_key);
  if (!key) return { skip: 'not a review' };
  const entry = await getEntry(deps.db, Number(key[1]));
  if (entry?.status !== 'published') return { skip: 'no longer published' };
  if (entry.reviewBy !== key[2]) return { skip: 'already reviewed' };
  if (entry.ownerId !== row.recipient_id || !(await deps.roles.isMember(entry.ownerId)))
    return { skip: 'owner left the PMO' };
  const now = deps.clock.now();
  const person = await lookupPerson(deps.db, client, entry.ownerId, now);
  if (person.deleted) return { skip: 'deactivated' };
  const hours = personalHours(deps.config.checkins);
  if (!hours.isWorkingTime(now, person.tz))
    return { defer: hours.nextWorkingTime(now, person.tz), reason: 'outside working hours' };
  return { payload: renderReviewDm(await translatorOf(deps, client, entry.ownerId), entry) };
}

export const reviewOutboxHooks = (
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'roles' | 'languages'>,
  client: WebClient,
): Record<typeof KIND, OutboxHooks> => ({
  [KIND]: { beforeSend: (row) => reviewCheck(deps, client, row) },
});

/** Kept as it is: due again six months on, audited; the version stays (nothing in it changed). */
export async function keepEntry(
  db: Database,
  actor: string,
  id: number,
  today: string,
  now: Date,
): Promise<string | undefined> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('library_entries')
      .set({ review_by: nextReviewDate(today) })
      .where('id', '=', id)
      .where('status', '=', 'published')
      .where('review_by', '<=', today)
      .returning(['title', 'version', 'review_by'])
      .executeTakeFirst();
    if (!row) return undefined;
    await recordAudit(tx, {
      actor,
      action: AUDIT_ACTIONS.libraryKeep,
      subject: `library entry ${row.title}`.slice(0, 200),
      detail: { entry: id, version: row.version, reviewBy: row.review_by },
      at: now,
    });
    return row.review_by;
  });
}

// The kit's refusal (before the click reaches the feature) is one text for everyone.
const NOT_YOURS = libraryText.messages.en.reviewNotYours;

/** The answered DM replaces the one clicked (its response_url is Slack's, bound to that message). */
async function answer(click: Click<number>, title: string, outcome: string): Promise<void> {
  if (click.respond && click.place.kind === 'message')
    await click.respond({ replace_original: true, ...renderReviewAnswered(title, outcome) });
  else await click.tell(outcome);
}

const keep = action({
  id: IDS.keep,
  audience: 'members',
  refusal: NOT_YOURS,
  value: rowId,
  run: async (click) => {
    const { deps } = click;
    const tr = await translatorOf(deps, click.client, click.userId);
    const t = tr.of(libraryText);
    const entry = await getEntry(deps.db, click.value);
    if (!entry) return click.tell(t('gone'));
    const today = todayAt(deps, deps.clock.now());
    if (entry.status !== 'published') return click.tell(t('nothingToKeep', { status: entry.status }));
    if (!canReview(await click.actor(), entry)) return click.tell(t('reviewNotYours'));
    if (!isDueForReview(entry.reviewBy, today))
      return click.tell(t('alreadyReviewed', { date: showDay(tr, entry.reviewBy) }));
    const next = await keepEntry(deps.db, click.userId, entry.id, today, deps.clock.now());
    if (!next) return click.tell(t('answeredMoment'));
    await answer(click, entry.title, t('keptOutcome', { date: showDay(tr, next) }));
  },
});

const retireAtReview = action({
  id: IDS.reviewRetire,
  audience: 'members',
  refusal: NOT_YOURS,
  value: rowId,
  run: async (click) => {
    const { deps } = click;
    const t = (await translatorOf(deps, click.client, click.userId)).of(libraryText);
    const entry = await getEntry(deps.db, click.value);
    if (!entry) return click.tell(t('gone'));
    if (entry.status === 'retired') return click.tell(t('retiredAlready'));
    const today = todayAt(deps, deps.clock.now());
    if (!canRetireAtReview(await click.actor(), entry, today)) return click.tell(t('reviewNotYours'));
    const moved = await moveEntry(deps.db, click.userId, entry.id, 'retired', deps.clock.now());
    if (!moved) return click.tell(t('retiredAlready'));
    await answer(click, entry.title, t('retiredOutcome'));
  },
});

export const reviewActions = [keep, retireAtReview];
