import { z } from 'zod';
import type { Database } from '../../db/client';
import { INVITATION_MODES } from '../../db/enums';
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
import type { InvitationDraft } from './blocks';

/** Composing an invitation: the compose form's rules, and the draft a member previews before sending. */

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
  mode: z.enum(INVITATION_MODES),
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
        .enum(INVITATION_MODES, { error: 'Choose how to send it.' })
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
