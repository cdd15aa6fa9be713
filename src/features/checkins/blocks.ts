import type { KnownBlock, ModalView } from '@slack/types';
import { reference } from '../../lib/request-reference';
import { actions, button, context, option, plain, safe, section } from '../../slack/kit/blocks';
import { REALISED_ANSWERS } from '../digest';
import { CHECKIN_IDS, checkinRateAction } from './ids';

/** What a check-in is about, as people read it. Built by service.ts. */
export interface CheckinSubject {
  checkinId: number;
  kind: 'delivery' | 'coaching' | 'followup';
  /** The service's name, or "coaching" for a coaching engagement. */
  service: string;
  /** The project or team (a request's), or the coachee's goals. */
  project: string;
  requestId: number | null;
  /** What the requester said at intake they expected (a request's expected value). */
  expected?: string | null;
}

export interface MessageBody {
  text: string;
  blocks: KnownBlock[];
}

const ref = (s: CheckinSubject) => (s.requestId ? ` (${reference(s.requestId)})` : '');

function question(s: CheckinSubject): string {
  return s.kind === 'coaching'
    ? `How much value did *coaching* bring to *${safe(s.project, 300)}* so far?`
    : `How much value did *${safe(s.service, 200)}* bring to *${safe(s.project, 300)}*?`;
}

const RATE_LABELS = ['1 · none', '2', '3', '4', '5 · a lot'] as const;

/** The check-in DM (and its one reminder): a question and a 1–5 scale as buttons. */
export function renderCheckinAsk(s: CheckinSubject, opts: { reminder: boolean }): MessageBody {
  const q = question(s);
  const lead = opts.reminder ? 'A gentle reminder — ' : '';
  return {
    text: `${lead}${q.replace(/\*/g, '')}`,
    blocks: [
      section(`${lead}${q}${ref(s)}`),
      actions(
        CHECKIN_IDS.rateBlock,
        RATE_LABELS.map((label, i) => button(label, checkinRateAction(i + 1), `${s.checkinId}:${i + 1}`)),
      ),
      context(
        opts.reminder
          ? 'One click is enough. This is the only reminder; the question closes by itself in a few days.'
          : 'One click is enough; you can add a comment afterwards if you like. Your answer helps the PMO learn what helps.',
      ),
    ],
  };
}

/** The DM once answered: the buttons go away so nobody is asked twice. */
export function renderCheckinThanks(s: CheckinSubject, rating: number): MessageBody {
  const text = `Thanks — recorded ${rating}/5`;
  return {
    text,
    blocks: [
      section(`${text} for *${safe(s.service, 200)}* · *${safe(s.project, 300)}*${ref(s)}.`),
      context('Answered check-ins are never asked again.'),
    ],
  };
}

/** The optional "tell us more" modal opened right after a rating. */
export function renderCheckinDetailsModal(
  s: CheckinSubject,
  rating: number,
  opts: { offerFollowup: boolean; followupAfterDays: number },
): ModalView {
  const blocks: KnownBlock[] = [
    section(
      `You rated *${safe(s.service, 200)}* for *${safe(s.project, 300)}* ${rating}/5. Anything to add? Both are optional.`,
    ),
    {
      type: 'input',
      block_id: CHECKIN_IDS.whatChangedBlock,
      optional: true,
      label: plain('What changed thanks to it?'),
      element: {
        type: 'plain_text_input',
        action_id: CHECKIN_IDS.whatChangedInput,
        multiline: true,
        max_length: 1000,
      },
    },
    {
      type: 'input',
      block_id: CHECKIN_IDS.couldBeBetterBlock,
      optional: true,
      label: plain('What could have been better?'),
      element: {
        type: 'plain_text_input',
        action_id: CHECKIN_IDS.couldBeBetterInput,
        multiline: true,
        max_length: 1000,
      },
    },
  ];
  if (opts.offerFollowup) {
    blocks.push({
      type: 'input',
      block_id: CHECKIN_IDS.followupBlock,
      optional: true,
      label: plain('Later'),
      element: {
        type: 'checkboxes',
        action_id: CHECKIN_IDS.followupInput,
        options: [option(`Ask me again in ${opts.followupAfterDays} days: did it change anything?`, 'yes')],
      },
    });
  }
  blocks.push(
    context('Comments reach the PMO leads without your name, and only once at least three people answered.'),
  );
  return {
    type: 'modal',
    callback_id: CHECKIN_IDS.detailsView,
    private_metadata: JSON.stringify({ c: s.checkinId }),
    title: plain('Tell us more', 24),
    submit: plain('Send', 24),
    close: plain('Skip', 24),
    blocks,
  };
}

/** To the member who delivered (or the coach): the rating, never the comments. */
export function renderOwnerNotice(s: CheckinSubject, rating: number): MessageBody {
  const what =
    s.kind === 'coaching'
      ? `Your coaching on *${safe(s.project, 300)}*`
      : `Your delivery of *${safe(s.service, 200)}* for *${safe(s.project, 300)}*${ref(s)}`;
  const text = `${what} was rated ${rating}/5 by the person you helped.`;
  return { text: text.replace(/\*/g, ''), blocks: [section(text)] };
}

export const OUTCOME_TAGS = [
  ['saved_time', 'Saved time'],
  ['better_decisions', 'Better decisions'],
  ['team_aligned', 'The team is more aligned'],
  ['higher_quality', 'Higher quality'],
  ['practice_adopted', 'A practice we kept using'],
  ['stakeholders_engaged', 'Stakeholders more engaged'],
  ['no_change', 'No change yet'],
] as const;
export type OutcomeTag = (typeof OUTCOME_TAGS)[number][0];

export function outcomeLabel(tag: string): string {
  return OUTCOME_TAGS.find(([t]) => t === tag)?.[1] ?? tag;
}

/** "You expected: …." — the requester's own words from intake, quoted back. */
const expectedLine = (s: CheckinSubject, max = 500) =>
  s.expected?.trim()
    ? `\nYou expected: _${safe(s.expected.trim(), max).replace(/\n/g, ' ')}_. *Did it happen?*`
    : '';

/** The follow-up the person agreed to: "Did it change anything?", with what they expected. */
export function renderFollowupAsk(s: CheckinSubject): MessageBody {
  const text = `Did it change anything? Some time ago ${s.service} helped ${s.project}${ref(s)}.`;
  return {
    text: safe(text, 2000),
    blocks: [
      section(
        `*Did it change anything?* Some time ago *${safe(s.service, 200)}* helped *${safe(s.project, 300)}*${ref(s)}. You asked us to check back.${expectedLine(s)}`,
      ),
      actions(CHECKIN_IDS.followupOpenBlock, [
        button('Tell us', CHECKIN_IDS.followupOpen, String(s.checkinId), 'primary'),
      ]),
    ],
  };
}

export function renderFollowupModal(s: CheckinSubject): ModalView {
  return {
    type: 'modal',
    callback_id: CHECKIN_IDS.followupView,
    private_metadata: JSON.stringify({ c: s.checkinId }),
    title: plain('Did it change anything?', 24),
    submit: plain('Send', 24),
    close: plain('Not now', 24),
    blocks: [
      section(`*${safe(s.service, 200)}* for *${safe(s.project, 300)}*${ref(s)}${expectedLine(s)}`),
      {
        type: 'input',
        block_id: CHECKIN_IDS.realisedBlock,
        label: plain(s.expected?.trim() ? 'Did it happen?' : 'Did it bring what you expected?'),
        element: {
          type: 'radio_buttons',
          action_id: CHECKIN_IDS.realisedInput,
          options: REALISED_ANSWERS.map((a) => option(a.label, a.value)),
        },
      },
      {
        type: 'input',
        block_id: CHECKIN_IDS.outcomeBlock,
        optional: true,
        label: plain('What changed? Tick all that apply.'),
        element: {
          type: 'checkboxes',
          action_id: CHECKIN_IDS.outcomeInput,
          options: OUTCOME_TAGS.map(([value, label]) => option(label, value)),
        },
      },
      {
        type: 'input',
        block_id: CHECKIN_IDS.outcomeNoteBlock,
        optional: true,
        label: plain('What changed, in your words? (optional)'),
        element: {
          type: 'plain_text_input',
          action_id: CHECKIN_IDS.outcomeNoteInput,
          multiline: true,
          max_length: 1000,
        },
      },
    ],
  };
}

export function renderFollowupThanks(s: CheckinSubject, tags: string[], realised?: string): MessageBody {
  const answer = REALISED_ANSWERS.find((a) => a.value === realised)?.label;
  const list = [
    ...(answer ? [`did it happen? ${answer.toLowerCase()}`] : []),
    ...tags.map(outcomeLabel),
  ].join(', ');
  return {
    text: `Thanks — noted: ${list}`,
    blocks: [section(`Thanks — noted for *${safe(s.project, 300)}*${ref(s)}: ${list}.`)],
  };
}
