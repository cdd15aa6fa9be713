import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import {
  isCalendarDate,
  optionalDateFrom,
  optionalText,
  optionalWebLink,
  requiredText,
  rowId,
  rowIdOr,
  SLACK_CHANNEL_ID,
  slackChannelId,
  wholeNumber,
} from '../../lib/input';
import { enqueueMessages, type WithOutbox } from '../../outbox/enqueue';
import { AUDIT_ACTIONS, recordAudit } from '../audit/service';
import { CAPS, DEFAULT_CAP, getConsentState, optIn } from '../consent/service';
import {
  type AudienceView,
  type InvitationDraft,
  type InvitationView,
  renderAnnouncement,
  renderAnnouncementFailed,
  renderInvitationDm,
  renderSummary,
  type SummaryCounts,
} from './blocks';
import { eligibility, type Ineligible, LONGEST_CAP_WINDOW_MS } from './eligibility';

/**
 * Composing and sending invitations. The audience is filtered twice: here, when the member
 * previews and sends (consent, pauses, caps, known deactivations), and again per person at
 * send time (invitation-delivery.ts), which is the check that makes the guarantees hold.
 */

const MAX_SEATS = 100_000;
const SEATS = 'Seats must be a whole number above zero.';

/** What a stored draft may hold: the compose form's rules, checked again when it is sent. */
export const draftSchema = z.object({
  title: requiredText({ what: 'a title', max: 150 }),
  message: requiredText({ what: 'the message', max: 2500 }),
  topicIds: z.array(rowId).min(1).max(100),
  eventDate: z.string().refine(isCalendarDate).nullable(),
  link: optionalWebLink(2000),
  seats: z.number().int().min(1).max(MAX_SEATS).nullable(),
  rsvpDeadline: z.string().refine(isCalendarDate).nullable(),
  mode: z.enum(['dm', 'channel']),
  channel: slackChannelId.nullable(),
});

/**
 * The compose form: `today` is the PMO's calendar day, `activeTopicIds` the topics one may
 * invite to. Cross-field rules (RSVPs close before the date, a channel for an announcement) are
 * field errors too.
 */
export function composeSchema(today: string, activeTopicIds: number[]) {
  return z
    .object({
      title: requiredText({ what: 'a title', max: 150 }),
      message: requiredText({ what: 'the message', max: 2500 }),
      topicIds: z
        .array(rowIdOr('Choose topics from the list.'), { error: 'Choose at least one topic.' })
        .nullable()
        .transform((ids) => (ids ?? []).filter((id) => activeTopicIds.includes(id)))
        .refine((ids) => ids.length > 0, 'Choose at least one topic.'),
      eventDate: optionalDateFrom(today),
      link: optionalWebLink(2000),
      seats: optionalText({ max: 20 }).transform((v, ctx) => {
        if (v === null) return null;
        const n = wholeNumber(1, MAX_SEATS, SEATS).safeParse(v);
        if (n.success) return n.data;
        ctx.addIssue({ code: 'custom', message: SEATS });
        return z.NEVER;
      }),
      rsvpDeadline: optionalDateFrom(today),
      mode: z
        .enum(['dm', 'channel'], { error: 'Choose how to send it.' })
        .nullable()
        .transform((m) => m ?? 'dm'),
      channel: z
        .string({ error: 'Choose the channel to announce in.' })
        .regex(SLACK_CHANNEL_ID, 'Choose the channel to announce in.')
        .nullable(),
    })
    .superRefine((d, ctx) => {
      if (d.rsvpDeadline && d.eventDate && d.rsvpDeadline > d.eventDate)
        ctx.addIssue({
          code: 'custom',
          path: ['rsvpDeadline'],
          message: 'RSVPs should close on or before the date.',
        });
      if (d.mode === 'channel' && !d.channel)
        ctx.addIssue({ code: 'custom', path: ['channel'], message: 'Choose the channel to announce in.' });
    })
    .transform((d) => ({ ...d, channel: d.mode === 'channel' ? d.channel : null }));
}

export interface Recipient {
  userId: string;
  topicId: number;
}

/**
 * Who an invitation to `topicIds` would reach now, by the rule the send-time check applies
 * (eligibility.ts), each person in their own time zone as last seen (`tz`, the PMO's, when
 * unknown). A person opted in to several of the topics is counted (and invited) once, for the
 * first topic in the catalogue's order.
 */
export async function computeAudience(
  db: Database,
  topicIds: number[],
  now: Date,
  tz: string,
): Promise<{ audience: AudienceView; recipients: Recipient[] }> {
  if (topicIds.length === 0)
    return { audience: { reach: 0, optedIn: 0, paused: 0, atCap: 0, deactivated: 0 }, recipients: [] };
  const consented = db
    .selectFrom('consents')
    .select('consents.user_id')
    .where('consents.topic_id', 'in', topicIds)
    .where('consents.opted_in', '=', true);
  const rows = await db
    .selectFrom('consents')
    .innerJoin('topics', 'topics.id', 'consents.topic_id')
    .select(['consents.user_id', 'consents.topic_id'])
    .where('consents.topic_id', 'in', topicIds)
    .where('consents.opted_in', '=', true)
    .where('topics.retired_at', 'is', null)
    .orderBy('consents.user_id')
    .orderBy('topics.sort_order')
    .orderBy('topics.id')
    .execute();
  const firstTopic = new Map<string, number>();
  for (const r of rows) if (!firstTopic.has(r.user_id)) firstTopic.set(r.user_id, r.topic_id);

  const prefs = await db
    .selectFrom('invitation_prefs')
    .select(['user_id', 'cap', 'paused_until'])
    .where('user_id', 'in', consented)
    .execute();
  const prefOf = new Map(prefs.map((p) => [p.user_id, p]));
  const reserved = await db
    .selectFrom('invitation_recipients')
    .select(['user_id', 'cap_reserved_at'])
    .where('user_id', 'in', consented)
    .where('cap_reserved_at', '>', new Date(now.getTime() - LONGEST_CAP_WINDOW_MS))
    .where('delivery', '<>', 'skipped')
    .execute();
  const reservedOf = new Map<string, Date[]>();
  for (const r of reserved) {
    if (!r.cap_reserved_at) continue;
    const list = reservedOf.get(r.user_id) ?? [];
    list.push(r.cap_reserved_at);
    reservedOf.set(r.user_id, list);
  }
  // Time zones as last seen (the people cache): a preview asks Slack about nobody.
  const people = new Map(
    (
      await db
        .selectFrom('people')
        .select(['slack_user_id', 'is_deleted', 'tz'])
        .where('slack_user_id', 'in', consented)
        .execute()
    ).map((p) => [p.slack_user_id, p]),
  );

  const audience: AudienceView = { reach: 0, optedIn: firstTopic.size, paused: 0, atCap: 0, deactivated: 0 };
  const recipients: Recipient[] = [];
  const COUNT: Record<Ineligible, keyof AudienceView | undefined> = {
    deactivated: 'deactivated',
    paused: 'paused',
    cap: 'atCap',
    no_consent: undefined,
  };
  for (const [userId, topicId] of firstTopic) {
    const p = prefOf.get(userId);
    const person = people.get(userId);
    const verdict = eligibility(
      {
        consented: true,
        deactivated: person?.is_deleted === true,
        pausedUntil: p?.paused_until ?? null,
        cap: p?.cap ?? DEFAULT_CAP,
        reservations: reservedOf.get(userId) ?? [],
      },
      now,
      person?.tz ?? tz,
    );
    if (!verdict.ok) {
      const counter = COUNT[verdict.reason];
      if (counter) audience[counter]++;
      continue;
    }
    recipients.push({ userId, topicId });
  }
  audience.reach = recipients.length;
  return { audience, recipients };
}

export async function saveDraft(db: Database, createdBy: string, draft: InvitationDraft): Promise<number> {
  const row = await db
    .insertInto('invitation_drafts')
    .values({ created_by: createdBy, draft: JSON.stringify(draft) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A draft, only for the member who composed it. */
export async function loadDraft(
  db: Database,
  id: number,
  userId: string,
): Promise<InvitationDraft | undefined> {
  const row = await db
    .selectFrom('invitation_drafts')
    .select(['draft', 'created_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.created_by !== userId) return undefined;
  const parsed = draftSchema.safeParse(typeof row.draft === 'string' ? JSON.parse(row.draft) : row.draft);
  return parsed.success ? parsed.data : undefined;
}

export async function topicNames(db: Database, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('topics')
    .select('name')
    .where('id', 'in', ids)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.name);
}

export async function loadInvitationView(db: Database, id: number): Promise<InvitationView | undefined> {
  const inv = await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!inv) return undefined;
  const topics = await db
    .selectFrom('invitation_topics')
    .innerJoin('topics', 'topics.id', 'invitation_topics.topic_id')
    .select('topics.name')
    .where('invitation_topics.invitation_id', '=', id)
    .orderBy('topics.sort_order')
    .orderBy('topics.id')
    .execute();
  return {
    id: inv.id,
    title: inv.title,
    message: inv.message,
    eventDate: inv.event_date,
    link: inv.link,
    seats: inv.seats,
    rsvpDeadline: inv.rsvp_deadline,
    mode: inv.mode,
    announceChannel: inv.announce_channel,
    createdBy: inv.created_by,
    topicNames: topics.map((t) => t.name),
  };
}

/**
 * An invitation's content does not change once sent; a fan-out renders it once per person,
 * so the sender keeps it for a short while instead of reading it 1,000 times.
 */
export class InvitationViewCache {
  private readonly entries = new Map<number, { view: InvitationView; at: number }>();
  constructor(private readonly ttlMs = 30_000) {}

  async get(db: Database, id: number): Promise<InvitationView | undefined> {
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.view;
    const view = await loadInvitationView(db, id);
    if (view) {
      if (this.entries.size > 100) this.entries.clear();
      this.entries.set(id, { view, at: Date.now() });
    }
    return view;
  }
}

export interface SendResult {
  invitationId: number;
  /** People with a queued DM (dm mode). */
  queued: number;
  /** False when this submission had already created the invitation (a double submit). */
  created: boolean;
}

/**
 * One transaction: the invitation, its topics, one recipient row and one outbox row per
 * person (unique per invitation and person), the announcement if any, and the PMO summary.
 * The submission key (the confirmation view's id) makes a double submit create nothing new.
 */
export async function sendInvitation(
  deps: WithOutbox & { config: Config },
  input: { draft: InvitationDraft; submissionKey: string; createdBy: string },
  now: Date,
): Promise<SendResult> {
  const result = await sendInvitationIn(deps.db, deps.config, input, now);
  deps.outbox.kick();
  return result;
}

async function sendInvitationIn(
  db: Database,
  config: Config,
  input: { draft: InvitationDraft; submissionKey: string; createdBy: string },
  now: Date,
): Promise<SendResult> {
  // The draft's rules hold here too, whoever calls.
  const draft = draftSchema.parse(input.draft);
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('invitations')
      .values({
        submission_key: input.submissionKey,
        created_by: input.createdBy,
        title: draft.title,
        message: draft.message,
        event_date: draft.eventDate,
        link: draft.link,
        seats: draft.seats,
        rsvp_deadline: draft.rsvpDeadline,
        mode: draft.mode,
        announce_channel: draft.mode === 'channel' ? draft.channel : null,
        summary_channel: config.pmo.channelId,
        created_at: now,
      })
      .onConflict((oc) => oc.column('submission_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx
        .selectFrom('invitations')
        .select('id')
        .where('submission_key', '=', input.submissionKey)
        .executeTakeFirstOrThrow();
      const n = await tx
        .selectFrom('invitation_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('invitation_id', '=', existing.id)
        .executeTakeFirstOrThrow();
      return { invitationId: existing.id, queued: Number(n.n), created: false };
    }
    const id = inserted.id;
    await tx
      .insertInto('invitation_topics')
      .values(draft.topicIds.map((topic_id) => ({ invitation_id: id, topic_id })))
      .execute();
    const view = await loadInvitationView(tx, id);
    if (!view) throw new Error('invitation vanished inside its own transaction');

    let recipients: Recipient[] = [];
    if (draft.mode === 'dm') {
      recipients = (await computeAudience(tx, draft.topicIds, now, config.pmo.timezone)).recipients;
      const names = new Map(
        (
          await tx.selectFrom('topics').select(['id', 'name']).where('id', 'in', draft.topicIds).execute()
        ).map((t) => [t.id, t.name]),
      );
      for (let i = 0; i < recipients.length; i += 1000) {
        await tx
          .insertInto('invitation_recipients')
          .values(
            recipients
              .slice(i, i + 1000)
              .map((r) => ({ invitation_id: id, user_id: r.userId, topic_id: r.topicId })),
          )
          .execute();
      }
      // The payload is rendered again at send time (the topic named may change); this one is
      // what a reader of the outbox sees.
      await enqueueMessages(
        tx,
        recipients.map((r) => ({
          kind: 'invitation.dm',
          dedupeKey: `invitation.${id}.${r.userId}`,
          channel: r.userId,
          payload: renderInvitationDm(view, names.get(r.topicId) ?? '', {
            rsvp: null,
            pausedUntil: null,
            optedOut: false,
            closed: false,
          }),
          invitationId: id,
          recipientId: r.userId,
        })),
      );
      if (recipients.length === 0)
        await tx.updateTable('invitations').set({ status: 'sent' }).where('id', '=', id).execute();
    } else if (draft.channel) {
      await enqueueMessages(tx, [
        {
          kind: 'invitation.announcement',
          dedupeKey: `invitation.${id}.announcement`,
          channel: draft.channel,
          payload: renderAnnouncement(view),
          invitationId: id,
        },
      ]);
    }
    await enqueueMessages(tx, [
      {
        kind: 'invitation.summary',
        dedupeKey: `invitation.${id}.summary`,
        channel: config.pmo.channelId,
        payload: renderSummary(view, {
          reach: recipients.length,
          going: 0,
          waitlist: 0,
          declined: 0,
          optIns: 0,
        }),
        invitationId: id,
      },
    ]);
    await recordAudit(tx, {
      actor: input.createdBy,
      action: AUDIT_ACTIONS.invitationSend,
      subject: `invitation ${id} (${draft.mode === 'dm' ? `${recipients.length} DMs` : 'channel announcement'})`,
      detail: { invitationId: id, queued: recipients.length, mode: draft.mode },
      at: now,
    });
    return { invitationId: id, queued: recipients.length, created: true };
  });
}

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
    payload: renderSummary(view, await summaryCounts(db, id)),
  };
}

export async function renderSummaryNow(db: Database, id: number) {
  const view = await loadInvitationView(db, id);
  return view ? renderSummary(view, await summaryCounts(db, id)) : undefined;
}

export async function recordSummaryPost(db: Database, id: number, posted: { channel: string; ts: string }) {
  await db
    .updateTable('invitations')
    .set({ summary_channel: posted.channel, summary_ts: posted.ts })
    .where('id', '=', id)
    .execute();
}

export interface AnnouncementOptIn {
  /** Topics this click opted the person in to. */
  changed: string[];
  /** Topics of the announcement they were already opted in to. */
  already: string[];
  capLabel: string;
}

/** "Opt me in" on an open announcement: idempotent, recorded with the invitation it came from. */
export async function optInFromAnnouncement(
  db: Database,
  invitationId: number,
  userId: string,
  now: Date,
): Promise<AnnouncementOptIn | undefined> {
  const inv = await db
    .selectFrom('invitations')
    .select('mode')
    .where('id', '=', invitationId)
    .executeTakeFirst();
  if (inv?.mode !== 'channel') return undefined;
  const topics = await db
    .selectFrom('invitation_topics')
    .innerJoin('topics', 'topics.id', 'invitation_topics.topic_id')
    .select(['topics.id', 'topics.name'])
    .where('invitation_topics.invitation_id', '=', invitationId)
    .where('topics.retired_at', 'is', null)
    .orderBy('topics.sort_order')
    .execute();
  const changed = await optIn(
    db,
    userId,
    topics.map((t) => t.id),
    'announcement_button',
    now,
    { invitation_id: String(invitationId) },
  );
  const state = await getConsentState(db, userId);
  return {
    changed: topics.filter((t) => changed.includes(t.id)).map((t) => t.name),
    already: topics.filter((t) => !changed.includes(t.id)).map((t) => t.name),
    capLabel: CAPS[state.cap].label.toLowerCase(),
  };
}

/** The announcement could not be posted: the member who sent it hears why, once. */
export async function reportAnnouncementFailure(
  db: Database,
  invitationId: number,
  channel: string,
  error: string,
): Promise<void> {
  const inv = await db
    .selectFrom('invitations')
    .select(['created_by', 'title'])
    .where('id', '=', invitationId)
    .executeTakeFirst();
  if (!inv) return;
  await enqueueMessages(db, [
    {
      kind: 'invitation.announcement_failed',
      dedupeKey: `invitation.${invitationId}.announcement_failed`,
      channel: inv.created_by,
      payload: renderAnnouncementFailed(inv.title, channel, error),
      invitationId,
    },
  ]);
}

/** An open announcement is "sent" once it is in the channel (it has no recipients to wait for). */
export async function markAnnounced(db: Database, invitationId: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ status: 'sent' })
    .where('id', '=', invitationId)
    .where('status', '=', 'sending')
    .execute();
}
