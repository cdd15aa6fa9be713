import type { KnownBlock, ModalView } from '@slack/types';
import type { InvitationMode, Rsvp } from '../../db/enums';
import { formatDate } from '../../lib/calendar';
import {
  actions,
  type Block,
  button,
  channelRef,
  context,
  fields,
  header,
  option,
  plain,
  safe,
  section,
} from '../../slack/kit/blocks';
import { INVITE_IDS, RSVP_IDS } from './ids';

/** /pmo invite (compose, audience preview, sent), the invitation DM, announcement, summary. */

export interface InvitationDraft {
  title: string;
  message: string;
  topicIds: number[];
  eventDate: string | null;
  link: string | null;
  seats: number | null;
  rsvpDeadline: string | null;
  mode: InvitationMode;
  channel: string | null;
}

export interface InvitationView {
  id: number;
  title: string;
  message: string;
  eventDate: string | null;
  link: string | null;
  seats: number | null;
  rsvpDeadline: string | null;
  mode: InvitationMode;
  announceChannel: string | null;
  createdBy: string;
  topicNames: string[];
}

export interface AudienceView {
  reach: number;
  optedIn: number;
  paused: number;
  atCap: number;
  deactivated: number;
}

const MODE_LABEL = {
  dm: 'By DM to the people who opted in',
  channel: 'As an open announcement in a channel',
} as const;

export function renderComposeModal(topics: { id: number; name: string }[]): ModalView {
  const input = (
    blockId: string,
    label: string,
    element: Record<string, unknown>,
    optional = false,
    hint?: string,
  ) =>
    ({
      type: 'input',
      block_id: blockId,
      label: plain(label),
      optional,
      ...(hint ? { hint: plain(hint) } : {}),
      element: { action_id: blockId, ...element },
    }) as KnownBlock;
  return {
    type: 'modal',
    callback_id: INVITE_IDS.composeModal,
    title: plain('New invitation', 24),
    submit: plain('Preview audience', 24),
    close: plain('Cancel', 24),
    blocks: [
      section(
        'Invitations only go to people who opted in to a topic, within their personal cap and never while they pause. You will see how many people it reaches before anything is sent.',
      ),
      input(INVITE_IDS.title, 'Title', { type: 'plain_text_input', max_length: 150 }),
      input(INVITE_IDS.message, 'Message', { type: 'plain_text_input', multiline: true, max_length: 2500 }),
      input(
        INVITE_IDS.topics,
        'Topics',
        {
          type: 'multi_static_select',
          placeholder: plain('Who is this for?', 150),
          options: topics.slice(0, 100).map((t) => option(t.name, String(t.id))),
        },
        false,
        'People opted in to any of these topics are invited (once each).',
      ),
      input(INVITE_IDS.date, 'Date', { type: 'datepicker' }, true),
      input(INVITE_IDS.link, 'Link', { type: 'url_text_input' }, true),
      input(
        INVITE_IDS.seats,
        'Seats',
        { type: 'number_input', is_decimal_allowed: false, min_value: '1' },
        true,
        'Leave empty for no limit. When seats are full, people join a waitlist.',
      ),
      input(INVITE_IDS.deadline, 'RSVP by', { type: 'datepicker' }, true),
      input(INVITE_IDS.mode, 'Send it', {
        type: 'radio_buttons',
        initial_option: option('By DM to opted-in people', 'dm'),
        options: [
          option('By DM to opted-in people', 'dm'),
          option('As an open announcement in a channel', 'channel'),
        ],
      }),
      input(
        INVITE_IDS.channel,
        'Channel for an announcement',
        { type: 'channels_select', placeholder: plain('Only for an open announcement', 150) },
        true,
      ),
    ],
  };
}

function draftFields(d: InvitationDraft, topicNames: string[]): KnownBlock {
  const pairs: [string, string][] = [
    ['Topics', safe(topicNames.join(', '), 1000)],
    ['How', d.mode === 'dm' ? MODE_LABEL.dm : `${MODE_LABEL.channel} (${channelRef(d.channel)})`],
  ];
  if (d.eventDate) pairs.push(['Date', formatDate(d.eventDate)]);
  if (d.seats) pairs.push(['Seats', String(d.seats)]);
  if (d.rsvpDeadline) pairs.push(['RSVP by', formatDate(d.rsvpDeadline)]);
  if (d.link) pairs.push(['Link', safe(d.link, 1000)]);
  return fields(pairs);
}

export function audienceSentence(a: AudienceView): string {
  const person = (n: number) => (n === 1 ? '1 person' : `${n} people`);
  const extra = a.deactivated ? `; ${a.deactivated} deactivated` : '';
  return `This will reach *${person(a.reach)}* (${a.optedIn} opted in; ${a.paused} paused; ${a.atCap} at their cap${extra}).`;
}

export function renderConfirmModal(
  d: InvitationDraft,
  topicNames: string[],
  audience: AudienceView,
  draftId: number,
): ModalView {
  const blocks: Block[] = [
    header(d.title),
    section(safe(d.message, 2900)),
    draftFields(d, topicNames),
    section(
      d.mode === 'dm'
        ? audienceSentence(audience)
        : `This posts one open announcement in ${channelRef(d.channel)} with an *Opt me in* button; nobody gets a DM. (${audience.optedIn} people are opted in to these topics today.)`,
    ),
  ];
  const canSend = d.mode === 'channel' || audience.reach > 0;
  if (!canSend)
    blocks.push(
      context(
        'Nobody can be invited right now — nothing will be sent. Try other topics, or an open announcement.',
      ),
    );
  else
    blocks.push(
      context(
        'Each person gets it at most once; anyone who opts out or pauses before it reaches them is skipped.',
      ),
    );
  return {
    type: 'modal',
    callback_id: INVITE_IDS.confirmModal,
    private_metadata: JSON.stringify({ draftId }),
    title: plain('Send invitation?', 24),
    ...(canSend ? { submit: plain(d.mode === 'dm' ? 'Send' : 'Post announcement', 24) } : {}),
    close: plain(canSend ? 'Cancel' : 'Close', 24),
    blocks,
  };
}

const notice = (title: string, text: string): ModalView => ({
  type: 'modal',
  title: plain(title, 24),
  close: plain('Close', 24),
  blocks: [section(text)],
});

export const renderSendingModal = () => notice('Sending…', 'Writing your invitation and its audience…');
export const renderSendFailedModal = () =>
  notice(
    'Not sent',
    'Something went wrong and nothing was sent. Please try `/pmo invite` again in a moment.',
  );
export const renderDraftGoneModal = () =>
  notice(
    'Invitation',
    'This draft is no longer available; nothing was sent. Start again with `/pmo invite`.',
  );

export function renderSentModal(mode: InvitationMode, queued: number, channel: string | null): ModalView {
  const text =
    mode === 'dm'
      ? `Your invitation is on its way to ${queued === 1 ? '1 person' : `${queued} people`}. The summary in the PMO channel shows the RSVPs as they come in.`
      : `Your announcement is being posted in ${channelRef(channel)}. The summary in the PMO channel counts the opt-ins.`;
  return {
    type: 'modal',
    title: plain('Invitation sent', 24),
    close: plain('Done', 24),
    blocks: [section(text)],
  };
}

function invitationDetails(inv: InvitationView): Block[] {
  const pairs: [string, string][] = [];
  if (inv.eventDate) pairs.push(['Date', formatDate(inv.eventDate)]);
  if (inv.seats) pairs.push(['Seats', String(inv.seats)]);
  if (inv.rsvpDeadline) pairs.push(['RSVP by', formatDate(inv.rsvpDeadline)]);
  if (inv.link) pairs.push(['Link', safe(inv.link, 1000)]);
  return pairs.length ? [fields(pairs)] : [];
}

export interface DmState {
  rsvp: Rsvp | null;
  waitlistPosition?: number;
  /** Paused until this date (only when in the future). */
  pausedUntil: string | null;
  optedOut: boolean;
  /** RSVPs closed (deadline passed). */
  closed: boolean;
}

/** The invitation DM, in its current state: every button works once, then the message says so. */
export function renderInvitationDm(
  inv: InvitationView,
  topicName: string,
  state: DmState,
): { text: string; blocks: Block[] } {
  const why = `You're getting this because you opted in to *${safe(topicName, 150)}*.`;
  const text = `Invitation: ${safe(inv.title, 150)} — you're getting this because you opted in to ${safe(topicName, 150)}.`;
  const blocks: Block[] = [
    header(inv.title),
    section(safe(inv.message, 2800)),
    ...invitationDetails(inv),
    context(why),
  ];
  const id = String(inv.id);
  const buttons = [];
  let status: string | undefined;
  if (state.rsvp === null && !state.closed) {
    buttons.push(
      button("I'm in", RSVP_IDS.going, id, 'primary'),
      button('Not this time', RSVP_IDS.decline, id),
    );
  } else if (state.rsvp === 'going') {
    status = "✅ *You're in.* See you there.";
    buttons.push(button("I can't make it after all", RSVP_IDS.decline, id));
  } else if (state.rsvp === 'waitlist') {
    status = `⏳ *You're on the waitlist*${state.waitlistPosition ? ` (#${state.waitlistPosition})` : ''}. We'll message you if a seat frees up.`;
    buttons.push(button('Leave the waitlist', RSVP_IDS.decline, id));
  } else if (state.rsvp === 'declined') {
    status = '*Not this time* — noted, thanks for letting us know.';
  } else if (state.closed) {
    status = 'RSVPs for this invitation are closed.';
  }
  if (status) blocks.push(section(status));
  const notes: string[] = [];
  if (state.pausedUntil) notes.push(`⏸ Invitations paused until ${formatDate(state.pausedUntil)}.`);
  else buttons.push(button('Pause 4 weeks', INVITE_IDS.pause, id));
  if (state.optedOut)
    notes.push(`You opted out of ${safe(topicName, 150)}; you won't be invited about it again.`);
  else buttons.push(button('Opt out of this topic', INVITE_IDS.optOutTopic, id));
  if (notes.length) blocks.push(context(notes.join(' ')));
  if (buttons.length) blocks.push(actions(INVITE_IDS.dmActions, buttons));
  return { text, blocks };
}

export function renderAnnouncement(inv: InvitationView): { text: string; blocks: Block[] } {
  const topics = inv.topicNames.join(', ');
  const text = `${safe(inv.title, 150)} — opt in to ${safe(topics, 500)} to hear about sessions like this one.`;
  return {
    text,
    blocks: [
      header(inv.title),
      section(safe(inv.message, 2800)),
      ...invitationDetails(inv),
      section(`Want invitations about *${safe(topics, 500)}*? One click, and you can opt out any time.`),
      actions(INVITE_IDS.announceActions, [
        button('Opt me in', INVITE_IDS.announceOptIn, String(inv.id), 'primary'),
      ]),
      context('Nobody is signed up by this post: only people who click receive invitations.'),
    ],
  };
}

export interface SummaryCounts {
  reach: number;
  going: number;
  waitlist: number;
  declined: number;
  optIns: number;
}

export function renderSummary(inv: InvitationView, c: SummaryCounts): { text: string; blocks: Block[] } {
  const text = `Invitation sent by <@${inv.createdBy}>: ${safe(inv.title, 150)}`;
  const pairs: [string, string][] = [
    ['Topics', safe(inv.topicNames.join(', '), 1000)],
    ['Sent by', `<@${inv.createdBy}>`],
  ];
  if (inv.eventDate) pairs.push(['Date', formatDate(inv.eventDate)]);
  let counts: string;
  if (inv.mode === 'dm') {
    pairs.push(['Reach', `${c.reach} ${c.reach === 1 ? 'person' : 'people'} (by DM)`]);
    counts = `*Going:* ${c.going}${inv.seats ? ` / ${inv.seats} seats` : ''} · *Waitlist:* ${c.waitlist} · *Not this time:* ${c.declined}`;
  } else {
    pairs.push(['Where', `Open announcement in ${channelRef(inv.announceChannel)}`]);
    counts = `*Opted in from the announcement:* ${c.optIns}`;
  }
  return {
    text,
    blocks: [section(`📣 *Invitation:* ${safe(inv.title, 150)}`), fields(pairs), section(counts)],
  };
}

export function renderPromotedDm(inv: InvitationView): { text: string; blocks: Block[] } {
  const text = `Good news: a seat freed up for "${safe(inv.title, 150)}" — you're in.`;
  return {
    text,
    blocks: [
      section(`🎉 Good news: a seat freed up for *${safe(inv.title, 150)}* — you're in.`),
      ...invitationDetails(inv),
      context("Can't make it any more? Use the button on the invitation so the next person gets the seat."),
    ],
  };
}

export function renderAnnouncementOptIn(
  r: { changed: string[]; already: string[]; capLabel: string },
  command: string,
): { text: string; blocks: Block[] } {
  const text = r.changed.length
    ? `You're opted in to ${r.changed.join(', ')}. You'll get invitations about it — ${r.capLabel}.`
    : `You were already opted in to ${r.already.join(', ')} — nothing changed.`;
  return {
    text,
    blocks: [
      section(safe(text, 2000)),
      context(
        `Stop any time with \`${command} optout\`, or choose topics and pauses with \`${command} optin\`.`,
      ),
    ],
  };
}

export function renderAnnouncementFailed(
  title: string,
  channel: string,
  error: string,
): { text: string; blocks: Block[] } {
  const hint =
    error === 'not_in_channel' || error === 'channel_not_found'
      ? ' The app is not in that channel: add it there (e.g. `/invite @PMO Concierge`) and send the announcement again.'
      : '';
  const text = `Your announcement "${safe(title, 150)}" could not be posted in ${channelRef(channel)} (${error}).${hint}`;
  return {
    text,
    blocks: [
      section(
        `Your announcement *${safe(title, 150)}* could not be posted in ${channelRef(channel)} (\`${safe(error, 100)}\`).${hint}`,
      ),
    ],
  };
}
