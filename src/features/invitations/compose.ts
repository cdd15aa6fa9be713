import { z } from 'zod';
import type { Database } from '../../db/client';
import { INVITATION_MODES } from '../../db/enums';
import { type Translator, translatorFor } from '../../i18n';
import {
  cleanText,
  isBlank,
  isCalendarDate,
  isWebLink,
  MAX_YEARS_AHEAD,
  optionalWebLink,
  requiredText,
  rowId,
  rowIdOr,
  SLACK_CHANNEL_ID,
  slackChannelId,
  wholeNumber,
} from '../../lib/input';
import { count, type InvitationDraft } from './blocks';
import { invitationsText } from './messages';

/** Composing an invitation: the compose form's rules, and the draft a member previews before sending. */

const MAX_SEATS = 100_000;

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
 * The form's rules, as lib/input writes them (the same cleaning, limits and checks), with the
 * errors in the member's language.
 */
function formRules(tr: Translator) {
  const t = tr.of(invitationsText);
  const tooLong = (max: number) => t('tooLong', { max: count(tr, max) });
  const text = (missing: string, max: number) =>
    z
      .string({ error: missing })
      .transform((v) => cleanText(v).trim())
      .refine((v) => !isBlank(v), missing)
      .refine((v) => v.length <= max, tooLong(max));
  const optional = (max: number, tooLongText = tooLong(max)) =>
    z
      .string({ error: t('typeText') })
      .nullish()
      .transform((v) => {
        const cleaned = v == null ? '' : cleanText(v).trim();
        return isBlank(cleaned) ? null : cleaned;
      })
      .refine((v) => v === null || v.length <= max, tooLongText);
  const link = (max: number) =>
    optional(max, t('linkTooLong', { max: count(tr, max) })).refine(
      (v) => v === null || isWebLink(v),
      t('linkInvalid'),
    );
  const date = (today: string) => {
    const latest = `${String(Number(today.slice(0, 4)) + MAX_YEARS_AHEAD).padStart(4, '0')}${today.slice(4)}`;
    const picked = z
      .string({ error: t('pickDate') })
      .refine(isCalendarDate, t('pickDate'))
      .refine((d) => d >= today, t('datePast'))
      .refine((d) => d <= latest, t('dateTooFar', { years: MAX_YEARS_AHEAD }));
    return z.union([z.null(), z.undefined().transform(() => null), picked]);
  };
  return { t, text, optional, link, date };
}

/**
 * The compose form: `today` is the PMO's calendar day, `activeTopicIds` the topics one may
 * invite to. Cross-field rules (RSVPs close before the date, a channel for an announcement) are
 * field errors too, all in the member's language (`tr`).
 */
export function composeSchema(today: string, activeTopicIds: number[], tr: Translator = translatorFor('en')) {
  const { t, text, optional, link, date } = formRules(tr);
  const seats = t('seatsError');
  const channel = t('channelMissing');
  return z
    .object({
      title: text(t('titleMissing'), 150),
      message: text(t('messageMissing'), 2500),
      topicIds: z
        .array(rowIdOr(t('topicsFromList')), { error: t('topicsNone') })
        .nullable()
        .transform((ids) => (ids ?? []).filter((id) => activeTopicIds.includes(id)))
        .refine((ids) => ids.length > 0, t('topicsNone')),
      eventDate: date(today),
      link: link(2000),
      seats: optional(20).transform((v, ctx) => {
        if (v === null) return null;
        const n = wholeNumber(1, MAX_SEATS, seats).safeParse(v);
        if (n.success) return n.data;
        ctx.addIssue({ code: 'custom', message: seats });
        return z.NEVER;
      }),
      rsvpDeadline: date(today),
      mode: z
        .enum(INVITATION_MODES, { error: t('modeMissing') })
        .nullable()
        .transform((m) => m ?? 'dm'),
      channel: z.string({ error: channel }).regex(SLACK_CHANNEL_ID, channel).nullable(),
    })
    .superRefine((d, ctx) => {
      if (d.rsvpDeadline && d.eventDate && d.rsvpDeadline > d.eventDate)
        ctx.addIssue({ code: 'custom', path: ['rsvpDeadline'], message: t('rsvpAfterDate') });
      if (d.mode === 'channel' && !d.channel)
        ctx.addIssue({ code: 'custom', path: ['channel'], message: channel });
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
