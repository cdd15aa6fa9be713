import type { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import type { Deps } from '../../deps';
import { enqueueMessages } from '../../outbox/enqueue';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import { renderDigest } from './blocks';
import { computeDigest, digestPeriod, isQuietWeek } from './service';

const DIGEST_KIND = OUTBOX_KINDS.digest;
const digestKey = (runKey: string, part: 'main' | 'thread') => `digest.${runKey}.${part}`;
/** The thread reply waits (not_before) until its parent is posted and its ts known. */
const HELD = new Date('2999-01-01T00:00:00Z');

/** The digest slot for `now`: the period's first local day in PMO_TIMEZONE. */
export function digestRunKey(deps: Pick<Deps, 'config'>, now: Date): string {
  return digestPeriod(now, deps.config.pmo.timezone).runKey;
}

/**
 * Posts the leads' digest to PMO_CHANNEL_ID: the main message and, held behind it, the thread
 * reply with the details. Enqueued in one transaction; the dedupe keys make a second run for the
 * same period (another replica, a retry, `npm run job -- digest`) enqueue nothing.
 */
export async function runDigestJob(deps: Deps, _client: WebClient, now: Date) {
  const { db, config } = deps;
  const data = await computeDigest(db, now, config.pmo.timezone);
  const rendered = renderDigest(data, now, { quiet: isQuietWeek(data) });
  const runKey = data.period.runKey;
  const enqueued = await db.transaction().execute(async (trx) => {
    let count = await enqueueMessages(trx, [
      {
        kind: DIGEST_KIND.main,
        dedupeKey: digestKey(runKey, 'main'),
        channel: config.pmo.channelId,
        payload: rendered.main,
      },
    ]);
    if (rendered.thread && count > 0) {
      count += await enqueueMessages(trx, [
        {
          kind: DIGEST_KIND.thread,
          dedupeKey: digestKey(runKey, 'thread'),
          channel: config.pmo.channelId,
          payload: rendered.thread,
          notBefore: HELD,
        },
      ]);
    }
    return count;
  });
  if (enqueued > 0) deps.outbox.kick();
  return { runKey, enqueued, quiet: !rendered.thread };
}

/** Parent posted: release its thread reply with the parent's ts. */
export async function releaseDigestThread(
  db: Database,
  parentDedupeKey: string,
  parentTs: string,
): Promise<void> {
  const threadKey = parentDedupeKey.replace(/\.main$/, '.thread');
  await db
    .updateTable('outbox')
    .set({ thread_ts: parentTs, not_before: new Date(0) })
    .where('dedupe_key', '=', threadKey)
    .where('status', '=', 'pending')
    .execute();
}

/** The thread reply's parent ts, if the parent is out (a safety net if the release was missed). */
export async function digestParentTs(db: Database, threadDedupeKey: string): Promise<string | null> {
  const parent = await db
    .selectFrom('outbox')
    .select('message_ts')
    .where('dedupe_key', '=', threadDedupeKey.replace(/\.thread$/, '.main'))
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return parent?.message_ts ?? null;
}
