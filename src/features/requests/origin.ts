import type { Database } from '../../db/client';

/**
 * The message a request form was opened from (a message shortcut, a reaction's offer), kept by
 * the form's view id when the form opens. At submit the form's view id finds it again: the
 * thread reply goes where the app saw the message, whatever a payload says.
 */
export interface FormOrigin {
  channel: string;
  ts: string;
  threadTs: string;
  permalink: string | null;
}

/** A form left open longer than this loses its origin (it is still filed, without the reply). */
const KEEP_MS = 7 * 86_400_000;

export async function rememberFormOrigin(
  db: Database,
  viewId: string,
  userId: string,
  origin: FormOrigin,
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('request_form_origins')
    .where('created_at', '<', new Date(now.getTime() - KEEP_MS))
    .execute();
  await db
    .insertInto('request_form_origins')
    .values({
      view_id: viewId,
      user_id: userId,
      channel: origin.channel,
      message_ts: origin.ts,
      thread_ts: origin.threadTs,
      permalink: origin.permalink,
      created_at: now,
    })
    .onConflict((oc) => oc.column('view_id').doNothing())
    .execute();
}

/** The origin of a submitted form, only for the person it was opened for. */
export async function formOriginOf(
  db: Database,
  viewId: string,
  userId: string,
): Promise<FormOrigin | undefined> {
  const row = await db
    .selectFrom('request_form_origins')
    .selectAll()
    .where('view_id', '=', viewId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? { channel: row.channel, ts: row.message_ts, threadTs: row.thread_ts, permalink: row.permalink }
    : undefined;
}
