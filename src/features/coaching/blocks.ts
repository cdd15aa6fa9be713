import type { KnownBlock, ModalView } from '@slack/types';
import {
  actions,
  type Block,
  button,
  context,
  fields,
  header,
  option,
  plain,
  safe,
  section,
} from '../../slack/kit/blocks';
import { COACHING_IDS } from './ids';

/** Coaching: the request modal, the coach's proposal DM, the introduction, the endings. */

export type Cadence = 'weekly' | 'fortnightly' | 'monthly';
export const CADENCE_LABEL: Record<Cadence, string> = {
  weekly: 'Weekly',
  fortnightly: 'Every two weeks',
  monthly: 'Monthly',
};

export interface EngagementView {
  id: number;
  coacheeId: string;
  coachId: string | null;
  focus: string[];
  goals: string;
  cadence: string;
}

const cadenceLabel = (c: string) => CADENCE_LABEL[c as Cadence] ?? c;

export function renderCoachingModal(services: { id: number; name: string }[]): ModalView {
  return {
    type: 'modal',
    callback_id: COACHING_IDS.modal,
    title: plain('Coaching', 24),
    submit: plain('Find me a coach', 24),
    close: plain('Cancel', 24),
    blocks: [
      section(
        'Tell us what you would like to work on. We will ask a PMO member with the matching skill and time to coach you; nothing starts until you both agree.',
      ),
      {
        type: 'input',
        block_id: COACHING_IDS.focus,
        label: plain('Focus areas'),
        element: {
          type: 'multi_static_select',
          action_id: COACHING_IDS.focus,
          placeholder: plain('Choose one or more', 150),
          options: services.slice(0, 100).map((s) => option(s.name, String(s.id))),
        },
      },
      {
        type: 'input',
        block_id: COACHING_IDS.goals,
        label: plain('Your goals'),
        hint: plain('What would be different for you or your team after a few sessions?'),
        element: {
          type: 'plain_text_input',
          action_id: COACHING_IDS.goals,
          multiline: true,
          max_length: 2000,
        },
      },
      {
        type: 'input',
        block_id: COACHING_IDS.cadence,
        label: plain('Preferred cadence'),
        element: {
          type: 'radio_buttons',
          action_id: COACHING_IDS.cadence,
          initial_option: option(CADENCE_LABEL.fortnightly, 'fortnightly'),
          options: (Object.keys(CADENCE_LABEL) as Cadence[]).map((c) => option(CADENCE_LABEL[c], c)),
        },
      },
    ],
  };
}

export function renderCoachingRequested(matched: boolean): ModalView {
  return {
    type: 'modal',
    title: plain('Coaching', 24),
    close: plain('Done', 24),
    blocks: [
      section(
        matched
          ? 'Thank you — we have asked a coach with the right skills. You will get a message as soon as they accept.'
          : 'Thank you — right now no coach with these skills has free time. We have kept your request and will be in touch; nobody will be pressed into it.',
      ),
    ],
  };
}

export function renderAlreadyCoaching(e: EngagementView, status: string): { text: string; blocks: Block[] } {
  const text =
    status === 'active'
      ? `You are already being coached by <@${e.coachId}>. To end that engagement, use the End button in your introduction conversation.`
      : 'We are still finding a coach for your earlier request — you will hear from us soon.';
  return { text, blocks: [section(text)] };
}

function engagementFields(e: EngagementView): KnownBlock {
  return fields([
    ['Focus', safe(e.focus.join(', ') || '—', 1000)],
    ['Cadence', cadenceLabel(e.cadence)],
    ['Goals', safe(e.goals, 1500)],
  ]);
}

export function renderCoachProposal(e: EngagementView): { text: string; blocks: Block[] } {
  const text = `<@${e.coacheeId}> would like coaching — can you take it on?`;
  return {
    text,
    blocks: [
      section(`${text} You were asked because you have the skills and free capacity.`),
      engagementFields(e),
      actions(COACHING_IDS.proposalActions, [
        button('Accept', COACHING_IDS.accept, String(e.id), 'primary'),
        button('Pass', COACHING_IDS.pass, String(e.id)),
      ]),
      context('Passing is fine: we will ask the next coach, and the requester is not told who passed.'),
    ],
  };
}

export function renderCoachProposalResolved(
  e: EngagementView,
  outcome: 'accepted' | 'passed' | 'closed' | 'not_yours',
): { text: string; blocks: Block[] } {
  const text =
    outcome === 'accepted'
      ? `You accepted coaching <@${e.coacheeId}>. We opened a conversation for the two of you.`
      : outcome === 'passed'
        ? `You passed on coaching <@${e.coacheeId}> — thank you for saying so. We asked someone else.`
        : `This coaching request from <@${e.coacheeId}> is no longer open.`;
  const blocks: Block[] = [section(text), engagementFields(e)];
  if (outcome === 'accepted')
    blocks.push(actions(COACHING_IDS.endActions, [button('End coaching', COACHING_IDS.end, String(e.id))]));
  return { text, blocks };
}

export function renderCoachingIntro(e: EngagementView): { text: string; blocks: Block[] } {
  const text = `Welcome, <@${e.coacheeId}> and <@${e.coachId}>: your coaching starts here.`;
  return {
    text,
    blocks: [
      header('Your coaching engagement'),
      section(
        `${text} <@${e.coachId}> will coach <@${e.coacheeId}>. Agree on your first session here; we will check in now and then to ask how it is going.`,
      ),
      engagementFields(e),
      actions(COACHING_IDS.endActions, [button('End coaching', COACHING_IDS.end, String(e.id))]),
      context('Either of you can end the engagement at any time with the button above.'),
    ],
  };
}

export function renderCoachingUnmatched(): { text: string; blocks: Block[] } {
  const text =
    'Thank you for asking for coaching. Right now none of our coaches with these skills has free time, so we could not match you yet. Your request is recorded; a PMO lead will look at it, and you are welcome to ask again later.';
  return { text, blocks: [section(text)] };
}

export function renderCoachingEnded(
  e: EngagementView,
  forUser: string,
  reason: 'opted_out' | 'ended',
  endedBy: string,
): { text: string; blocks: Block[] } {
  const other = forUser === e.coacheeId ? e.coachId : e.coacheeId;
  let text: string;
  if (reason === 'opted_out') {
    text =
      forUser === e.coacheeId
        ? other
          ? `You opted out of coaching, so your coaching with <@${other}> has ended. Thank you — you are welcome back any time with \`/pmo coaching\`.`
          : 'You opted out of coaching, so we closed your coaching request. You are welcome back any time with `/pmo coaching`.'
        : `<@${e.coacheeId}> opted out of coaching, so your engagement has ended. Thank you for the time you gave.`;
  } else {
    text =
      forUser === endedBy
        ? `You ended the coaching engagement${other ? ` with <@${other}>` : ''}. Thank you for the work you did together.`
        : `<@${endedBy}> ended the coaching engagement. Thank you for the work you did together.`;
  }
  return { text, blocks: [section(text)] };
}
