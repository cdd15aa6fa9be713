import type { KnownBlock, ModalView } from '@slack/types';
import type { InvitationCap, InvitationMode, Rsvp } from '../../db/enums';
import { intlLocaleOf, type Translator, translatorFor } from '../../i18n';
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
import { invitationsText } from './messages';

/**
 * /pmo invite (compose, audience preview, sent), the invitation DM, announcement, summary: each
 * rendered with the translator of the person (or, for channel posts, the PMO) it is for.
 */

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

const EN = translatorFor('en');

/**
 * A calendar day ('YYYY-MM-DD': an event's date, a deadline, the end of a pause) as the reader's
 * language writes it: "Tue, 8 Dec 2026", "mar. 8 déc. 2026". A day has no time zone, so it is
 * plain text, never a Slack date token (which would shift it by the viewer's zone).
 */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();
export function calendarDay(tr: Translator, date: string): string {
  const locale = tr.locale === 'en' || tr.locale === 'pseudo' ? 'en-GB' : intlLocaleOf(tr.locale);
  let format = DAY_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    DAY_FORMATS.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** Counts as the language writes them; four digits stay ungrouped (1000 people, 12,000 people). */
export const count = (tr: Translator, n: number): string =>
  tr.number(n, { useGrouping: 'min2' } as Intl.NumberFormatOptions);

export function renderComposeModal(topics: { id: number; name: string }[], tr: Translator = EN): ModalView {
  const t = tr.of(invitationsText);
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
    title: plain(t('composeTitle'), 24),
    submit: plain(t('composeSubmit'), 24),
    close: plain(t('cancel'), 24),
    blocks: [
      section(t('composeIntro')),
      input(INVITE_IDS.title, t('title'), { type: 'plain_text_input', max_length: 150 }),
      input(INVITE_IDS.message, t('message'), {
        type: 'plain_text_input',
        multiline: true,
        max_length: 2500,
      }),
      input(
        INVITE_IDS.topics,
        t('topics'),
        {
          type: 'multi_static_select',
          placeholder: plain(t('topicsPlaceholder'), 150),
          options: topics.slice(0, 100).map((topic) => option(topic.name, String(topic.id))),
        },
        false,
        t('topicsHint'),
      ),
      input(INVITE_IDS.date, t('date'), { type: 'datepicker' }, true),
      input(INVITE_IDS.link, t('link'), { type: 'url_text_input' }, true),
      input(
        INVITE_IDS.seats,
        t('seats'),
        { type: 'number_input', is_decimal_allowed: false, min_value: '1' },
        true,
        t('seatsHint'),
      ),
      input(INVITE_IDS.deadline, t('rsvpBy'), { type: 'datepicker' }, true),
      input(INVITE_IDS.mode, t('sendIt'), {
        type: 'radio_buttons',
        initial_option: option(t('optionDm'), 'dm'),
        options: [option(t('optionDm'), 'dm'), option(t('modeChannel'), 'channel')],
      }),
      input(
        INVITE_IDS.channel,
        t('channelLabel'),
        { type: 'channels_select', placeholder: plain(t('channelPlaceholder'), 150) },
        true,
      ),
    ],
  };
}

function draftFields(tr: Translator, d: InvitationDraft, topicNames: string[]): KnownBlock {
  const t = tr.of(invitationsText);
  const pairs: [string, string][] = [
    [t('topics'), safe(topicNames.join(', '), 1000)],
    [t('how'), d.mode === 'dm' ? t('modeDm') : `${t('modeChannel')} (${channelRef(d.channel)})`],
  ];
  if (d.eventDate) pairs.push([t('date'), calendarDay(tr, d.eventDate)]);
  if (d.seats) pairs.push([t('seats'), tr.number(d.seats)]);
  if (d.rsvpDeadline) pairs.push([t('rsvpBy'), calendarDay(tr, d.rsvpDeadline)]);
  if (d.link) pairs.push([t('link'), safe(d.link, 1000)]);
  return fields(pairs);
}

export function audienceSentence(tr: Translator, a: AudienceView): string {
  return tr.t(invitationsText, 'audience', {
    reach: a.reach,
    reachN: count(tr, a.reach),
    optedIn: count(tr, a.optedIn),
    paused: count(tr, a.paused),
    atCap: count(tr, a.atCap),
    deactivated: a.deactivated,
    deactivatedN: count(tr, a.deactivated),
  });
}

export function renderConfirmModal(
  d: InvitationDraft,
  topicNames: string[],
  audience: AudienceView,
  draftId: number,
  tr: Translator = EN,
): ModalView {
  const t = tr.of(invitationsText);
  const blocks: Block[] = [
    header(d.title),
    section(safe(d.message, 2900)),
    draftFields(tr, d, topicNames),
    section(
      d.mode === 'dm'
        ? audienceSentence(tr, audience)
        : t('announcementPreview', {
            channel: channelRef(d.channel),
            optedIn: audience.optedIn,
            optedInN: count(tr, audience.optedIn),
          }),
    ),
  ];
  const canSend = d.mode === 'channel' || audience.reach > 0;
  blocks.push(context(canSend ? t('oncePerPerson') : t('nobody')));
  return {
    type: 'modal',
    callback_id: INVITE_IDS.confirmModal,
    private_metadata: JSON.stringify({ draftId }),
    title: plain(t('confirmTitle'), 24),
    ...(canSend ? { submit: plain(d.mode === 'dm' ? t('send') : t('postAnnouncement'), 24) } : {}),
    close: plain(canSend ? t('cancel') : t('close'), 24),
    blocks,
  };
}

const notice = (tr: Translator, title: string, text: string): ModalView => ({
  type: 'modal',
  title: plain(title, 24),
  close: plain(tr.t(invitationsText, 'close'), 24),
  blocks: [section(text)],
});

export const renderSendingModal = (tr: Translator) =>
  notice(tr, tr.t(invitationsText, 'sendingTitle'), tr.t(invitationsText, 'sendingText'));
export const renderSendFailedModal = (tr: Translator) =>
  notice(tr, tr.t(invitationsText, 'notSentTitle'), tr.t(invitationsText, 'notSentText'));
export const renderDraftGoneModal = (tr: Translator) =>
  notice(tr, tr.t(invitationsText, 'draftGoneTitle'), tr.t(invitationsText, 'draftGoneText'));

export function renderSentModal(
  tr: Translator,
  mode: InvitationMode,
  queued: number,
  channel: string | null,
): ModalView {
  const t = tr.of(invitationsText);
  const text =
    mode === 'dm'
      ? t('sentDm', { queued, queuedN: count(tr, queued) })
      : t('sentChannel', { channel: channelRef(channel) });
  return {
    type: 'modal',
    title: plain(t('sentTitle'), 24),
    close: plain(t('done'), 24),
    blocks: [section(text)],
  };
}

function invitationDetails(tr: Translator, inv: InvitationView): Block[] {
  const t = tr.of(invitationsText);
  const pairs: [string, string][] = [];
  if (inv.eventDate) pairs.push([t('date'), calendarDay(tr, inv.eventDate)]);
  if (inv.seats) pairs.push([t('seats'), tr.number(inv.seats)]);
  if (inv.rsvpDeadline) pairs.push([t('rsvpBy'), calendarDay(tr, inv.rsvpDeadline)]);
  if (inv.link) pairs.push([t('link'), safe(inv.link, 1000)]);
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
  tr: Translator,
  inv: InvitationView,
  topicName: string,
  state: DmState,
): { text: string; blocks: Block[] } {
  const t = tr.of(invitationsText);
  const topic = safe(topicName, 150);
  const text = t('dmText', { title: safe(inv.title, 150), topic });
  const blocks: Block[] = [
    header(inv.title),
    section(safe(inv.message, 2800)),
    ...invitationDetails(tr, inv),
    context(t('why', { topic })),
  ];
  const id = String(inv.id);
  const buttons = [];
  let status: string | undefined;
  if (state.rsvp === null && !state.closed) {
    buttons.push(
      button(t('going'), RSVP_IDS.going, id, 'primary'),
      button(t('notThisTime'), RSVP_IDS.decline, id),
    );
  } else if (state.rsvp === 'going') {
    status = t('statusGoing');
    buttons.push(button(t('cantMakeIt'), RSVP_IDS.decline, id));
  } else if (state.rsvp === 'waitlist') {
    status = t('statusWaitlist', {
      hasPosition: state.waitlistPosition ? 'yes' : 'no',
      position: tr.number(state.waitlistPosition ?? 0),
    });
    buttons.push(button(t('leaveWaitlist'), RSVP_IDS.decline, id));
  } else if (state.rsvp === 'declined') {
    status = t('statusDeclined');
  } else if (state.closed) {
    status = t('statusClosed');
  }
  if (status) blocks.push(section(status));
  const notes: string[] = [];
  if (state.pausedUntil) notes.push(t('pausedUntil', { date: calendarDay(tr, state.pausedUntil) }));
  else buttons.push(button(t('pause'), INVITE_IDS.pause, id));
  if (state.optedOut) notes.push(t('optedOut', { topic }));
  else buttons.push(button(t('optOut'), INVITE_IDS.optOutTopic, id));
  if (notes.length) blocks.push(context(notes.join(' ')));
  if (buttons.length) blocks.push(actions(INVITE_IDS.dmActions, buttons));
  return { text, blocks };
}

export function renderAnnouncement(tr: Translator, inv: InvitationView): { text: string; blocks: Block[] } {
  const t = tr.of(invitationsText);
  const topics = safe(inv.topicNames.join(', '), 500);
  const text = t('announcementText', { title: safe(inv.title, 150), topics });
  return {
    text,
    blocks: [
      header(inv.title),
      section(safe(inv.message, 2800)),
      ...invitationDetails(tr, inv),
      section(t('announcementWant', { topics })),
      actions(INVITE_IDS.announceActions, [
        button(t('optMeIn'), INVITE_IDS.announceOptIn, String(inv.id), 'primary'),
      ]),
      context(t('announcementNobody')),
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

export function renderSummary(
  tr: Translator,
  inv: InvitationView,
  c: SummaryCounts,
): { text: string; blocks: Block[] } {
  const t = tr.of(invitationsText);
  const title = safe(inv.title, 150);
  const text = t('summaryText', { creator: `<@${inv.createdBy}>`, title });
  const pairs: [string, string][] = [
    [t('topics'), safe(inv.topicNames.join(', '), 1000)],
    [t('sentBy'), `<@${inv.createdBy}>`],
  ];
  if (inv.eventDate) pairs.push([t('date'), calendarDay(tr, inv.eventDate)]);
  let counts: string;
  if (inv.mode === 'dm') {
    pairs.push([t('reach'), t('reachDm', { reach: c.reach, reachN: count(tr, c.reach) })]);
    counts = t('countsDm', {
      going: count(tr, c.going),
      hasSeats: inv.seats ? 'yes' : 'no',
      seats: count(tr, inv.seats ?? 0),
      waitlist: count(tr, c.waitlist),
      declined: count(tr, c.declined),
    });
  } else {
    pairs.push([t('where'), t('whereChannel', { channel: channelRef(inv.announceChannel) })]);
    counts = t('countsChannel', { optIns: count(tr, c.optIns) });
  }
  return {
    text,
    blocks: [section(t('summaryHeader', { title })), fields(pairs), section(counts)],
  };
}

export function renderPromotedDm(tr: Translator, inv: InvitationView): { text: string; blocks: Block[] } {
  const t = tr.of(invitationsText);
  const title = safe(inv.title, 150);
  return {
    text: t('promotedText', { title }),
    blocks: [section(t('promoted', { title })), ...invitationDetails(tr, inv), context(t('promotedHelp'))],
  };
}

export function renderAnnouncementOptIn(
  tr: Translator,
  r: { changed: string[]; already: string[]; cap: InvitationCap },
  command: string,
): { text: string; blocks: Block[] } {
  const t = tr.of(invitationsText);
  const text = r.changed.length
    ? t('optedIn', { topics: r.changed.join(', '), cap: t('capPhrase', { cap: r.cap }) })
    : t('alreadyOptedIn', { topics: r.already.join(', ') });
  return {
    text,
    blocks: [section(safe(text, 2000)), context(t('optInHelp', { command }))],
  };
}

export function renderAnnouncementFailed(
  tr: Translator,
  title: string,
  channel: string,
  error: string,
): { text: string; blocks: Block[] } {
  const t = tr.of(invitationsText);
  const hint = error === 'not_in_channel' || error === 'channel_not_found' ? ` ${t('notInChannelHint')}` : '';
  const text = `${t('announcementFailedText', { title: safe(title, 150), channel: channelRef(channel), error })}${hint}`;
  return {
    text,
    blocks: [
      section(
        `${t('announcementFailed', { title: safe(title, 150), channel: channelRef(channel), error: safe(error, 100) })}${hint}`,
      ),
    ],
  };
}
