import type { ModalView } from '@slack/types';
import { PRIVACY_IDS } from './ids';

/** Pure Block Kit for the privacy feature: the two confirmation modals and their answers. */

const whatIsErased = (w: { your: string; you: string; them: string; are: string }) => [
  `*Erased:* everything ${w.you} typed — ${w.your} requests’ project, need, expected value and links, ${w.your} answers to questions, ${w.your} check-in comments, ${w.your} coaching goals — and ${w.your} Slack id, which becomes an anonymous marker everywhere (requests, feedback, consent history, RSVPs, coaching, messages waiting to be sent, the Home tab, the status history).`,
  `*Stays, anonymously:* the figures — that a request for a service was made and when, its status and dates, a rating of 1–5 — so the PMO’s counts and averages do not change. Nothing links them to ${w.them} any more.`,
  `*After:* ${w.you} ${w.are} opted out of every topic and the app never messages ${w.them} again, unless ${w.you} come back and opt in. Messages already in Slack stay where Slack keeps them.`,
];
const SELF = { your: 'your', you: 'you', them: 'you', are: 'are' };
const OTHER = { your: 'their', you: 'they', them: 'them', are: 'are' };

function section(text: string) {
  return { type: 'section' as const, text: { type: 'mrkdwn' as const, text } };
}

export function renderForgetMeModal(): ModalView {
  return {
    type: 'modal',
    callback_id: PRIVACY_IDS.forgetMeModal,
    title: { type: 'plain_text', text: 'Forget me' },
    submit: { type: 'plain_text', text: 'Erase my data' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section('This erases what PMO Concierge keeps about you. *It cannot be undone.*'),
      ...whatIsErased(SELF).map(section),
      section('Want a copy first? Cancel and type `/pmo my-data`.'),
    ],
  };
}

export function renderEraseModal(userId: string): ModalView {
  return {
    type: 'modal',
    callback_id: PRIVACY_IDS.eraseModal,
    private_metadata: JSON.stringify({ userId }),
    title: { type: 'plain_text', text: 'Erase a person' },
    submit: { type: 'plain_text', text: 'Erase' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`Erase <@${userId}> from PMO Concierge? *It cannot be undone.*`),
      ...whatIsErased(OTHER).map(section),
      section('The erasure is recorded in the audit log under their anonymous marker, with your name.'),
    ],
  };
}

export function renderErasedModal(self: boolean): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: self ? 'Forget me' : 'Erase a person' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      section(
        self
          ? 'Done: what you typed is erased and your id is replaced by an anonymous marker. You will not hear from the PMO again unless you opt in.'
          : 'Done: what they typed is erased and their id is replaced by an anonymous marker.',
      ),
    ],
  };
}
