import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { Translator } from '../../i18n';
import { renderSummary, type SummaryCounts } from './blocks';
import { loadInvitationView } from './invitation-view';

/** The PMO channel's summary of an invitation: who is going, waiting, declined, opted in (in the PMO's language). */

export async function summaryCounts(db: Database, id: number): Promise<SummaryCounts> {
  const rows = await db
    .selectFrom('invitation_recipients')
    .select(['rsvp', (eb) => eb.fn.countAll<number>().as('n')])
    .where('invitation_id', '=', id)
    .groupBy('rsvp')
    .execute();
  const count = (r: string | null) => Number(rows.find((x) => x.rsvp === r)?.n ?? 0);
  const reach = rows.reduce((sum, r) => sum + Number(r.n), 0);
  const optIns = await db
    .selectFrom('consent_events')
    .select(sql<number>`count(distinct user_id)`.as('n'))
    .where('source', '=', 'announcement_button')
    .where(sql<string>`detail ->> 'invitation_id'`, '=', String(id))
    .executeTakeFirstOrThrow();
  return {
    reach,
    going: count('going'),
    waitlist: count('waitlist'),
    declined: count('declined'),
    optIns: Number(optIns.n),
  };
}

/** The summary post as it should read now, and where it is (once the sender posted it). */
export async function currentSummary(
  db: Database,
  id: number,
  tr: Translator,
): Promise<{ channel: string; ts: string; payload: ReturnType<typeof renderSummary> } | undefined> {
  const inv = await db
    .selectFrom('invitations')
    .select(['summary_channel', 'summary_ts'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!inv?.summary_channel || !inv.summary_ts) return undefined;
  const view = await loadInvitationView(db, id);
  if (!view) return undefined;
  return {
    channel: inv.summary_channel,
    ts: inv.summary_ts,
    payload: renderSummary(tr, view, await summaryCounts(db, id)),
  };
}

export async function renderSummaryNow(db: Database, id: number, tr: Translator) {
  const view = await loadInvitationView(db, id);
  return view ? renderSummary(tr, view, await summaryCounts(db, id)) : undefined;
}

export async function recordSummaryPost(db: Database, id: number, posted: { channel: string; ts: string }) {
  await db
    .updateTable('invitations')
    .set({ summary_channel: posted.channel, summary_ts: posted.ts })
    .where('id', '=', id)
    .execute();
}
