import type { KnownBlock, ModalView } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
import { reference } from '../../lib/request-reference';
import { actions, button, context, option, plain, safe, section } from '../../slack/kit/blocks';
import { REALISED_ANSWERS } from '../digest';
import { CHECKIN_IDS, checkinRateAction } from './ids';
import { checkinsText } from './messages';

/** What a check-in is about, as people read it. Built by service.ts. */
export interface CheckinSubject {
  checkinId: number;
  kind: 'delivery' | 'coaching' | 'followup';
  /** The service's name; empty when unknown (shown as "the PMO"), ignored for coaching. */
  service: string;
  /** The project or team (a request's), or the coachee's goals; empty when unknown. */
  project: string;
  requestId: number | null;
  /** What the requester said at intake they expected (a request's expected value). */
  expected?: string | null;
  /** About a coaching engagement (a coaching check-in, or the follow-up of one). */
  coaching?: boolean;
}

export interface MessageBody {
  text: string;
  blocks: KnownBlock[];
}

const english = translatorFor('en');

const ref = (s: CheckinSubject) => (s.requestId ? ` (${reference(s.requestId)})` : '');
const isCoaching = (s: CheckinSubject) => s.kind === 'coaching' || s.coaching === true;

/** The service as the reader reads it: "coaching", the service's name, or "the PMO". */
function serviceName(tr: Translator, s: CheckinSubject, max = 200): string {
  const t = tr.of(checkinsText);
  if (isCoaching(s)) return t('coaching');
  return s.service.trim() ? safe(s.service, max) : t('thePmo');
}

function projectName(tr: Translator, s: CheckinSubject, max = 300): string {
  const t = tr.of(checkinsText);
  if (s.project.trim()) return safe(s.project, max);
  return isCoaching(s) ? t('yourGoals') : t('yourWork');
}

function question(tr: Translator, s: CheckinSubject): string {
  const t = tr.of(checkinsText);
  return s.kind === 'coaching'
    ? t('questionCoaching', { project: projectName(tr, s) })
    : t('question', { service: serviceName(tr, s), project: projectName(tr, s) });
}

function rateLabel(tr: Translator, rating: number): string {
  const t = tr.of(checkinsText);
  if (rating === 1) return t('rateNone');
  if (rating === 5) return t('rateALot');
  return tr.number(rating);
}

/** The check-in DM (and its one reminder): a question and a 1–5 scale as buttons. */
export function renderCheckinAsk(
  s: CheckinSubject,
  opts: { reminder: boolean },
  tr: Translator = english,
): MessageBody {
  const t = tr.of(checkinsText);
  const q = question(tr, s);
  const lead = (text: string) => (opts.reminder ? t('reminder', { question: text }) : text);
  return {
    text: lead(q.replace(/\*/g, '')),
    blocks: [
      section(lead(`${q}${ref(s)}`)),
      actions(
        CHECKIN_IDS.rateBlock,
        [1, 2, 3, 4, 5].map((rating) =>
          button(rateLabel(tr, rating), checkinRateAction(rating), `${s.checkinId}:${rating}`, undefined, {
            accessibility_label: t('rateLabel', { rating }),
          }),
        ),
      ),
      context(opts.reminder ? t('reminderHint') : t('askHint')),
    ],
  };
}

/** The DM once answered: the buttons go away so nobody is asked twice. */
export function renderCheckinThanks(
  s: CheckinSubject,
  rating: number,
  tr: Translator = english,
): MessageBody {
  const t = tr.of(checkinsText);
  return {
    text: t('thanksText', { rating }),
    blocks: [
      section(t('thanks', { rating, service: serviceName(tr, s), project: projectName(tr, s), ref: ref(s) })),
      context(t('neverAgain')),
    ],
  };
}

/** The optional "tell us more" modal opened right after a rating. */
export function renderCheckinDetailsModal(
  s: CheckinSubject,
  rating: number,
  opts: { offerFollowup: boolean; followupAfterDays: number },
  tr: Translator = english,
): ModalView {
  const t = tr.of(checkinsText);
  const blocks: KnownBlock[] = [
    section(t('detailsIntro', { service: serviceName(tr, s), project: projectName(tr, s), rating })),
    {
      type: 'input',
      block_id: CHECKIN_IDS.whatChangedBlock,
      optional: true,
      label: plain(t('whatChanged')),
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
      label: plain(t('couldBeBetter')),
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
      label: plain(t('later')),
      element: {
        type: 'checkboxes',
        action_id: CHECKIN_IDS.followupInput,
        options: [option(t('askAgain', { days: opts.followupAfterDays }), 'yes')],
      },
    });
  }
  blocks.push(context(t('anonymous')));
  return {
    type: 'modal',
    callback_id: CHECKIN_IDS.detailsView,
    private_metadata: JSON.stringify({ c: s.checkinId }),
    title: plain(t('detailsTitle'), 24),
    submit: plain(t('send'), 24),
    close: plain(t('skip'), 24),
    blocks,
  };
}

/** To the member who delivered (or the coach): the rating, never the comments. */
export function renderOwnerNotice(s: CheckinSubject, rating: number, tr: Translator = english): MessageBody {
  const t = tr.of(checkinsText);
  const text =
    s.kind === 'coaching'
      ? t('ownerCoaching', { project: projectName(tr, s), rating })
      : t('ownerDelivery', { service: serviceName(tr, s), project: projectName(tr, s), ref: ref(s), rating });
  return { text: text.replace(/\*/g, ''), blocks: [section(text)] };
}

/** The outcome tags; the labels are the English reference, views say them from the catalogue. */
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

export function outcomeLabel(tag: string, tr: Translator = english): string {
  const known = OUTCOME_TAGS.find(([t]) => t === tag);
  return known ? tr.t(checkinsText, `outcome_${known[0]}`) : tag;
}

/** The four answers to "Did it happen?", in the reader's language. */
export function realisedLabel(value: string, tr: Translator = english): string {
  const known = REALISED_ANSWERS.find((a) => a.value === value);
  return known ? tr.t(checkinsText, `realised_${known.value}`) : value;
}

/** "You expected: …." — the requester's own words from intake, quoted back. */
const expectedLine = (tr: Translator, s: CheckinSubject, max = 500) =>
  s.expected?.trim()
    ? `\n${tr.t(checkinsText, 'youExpected', { expected: safe(s.expected.trim(), max).replace(/\n/g, ' ') })}`
    : '';

/** The follow-up the person agreed to: "Did it change anything?", with what they expected. */
export function renderFollowupAsk(s: CheckinSubject, tr: Translator = english): MessageBody {
  const t = tr.of(checkinsText);
  const text = t('followupText', { service: serviceName(tr, s), project: projectName(tr, s), ref: ref(s) });
  return {
    text,
    blocks: [
      section(
        t('followupAsk', {
          service: serviceName(tr, s),
          project: projectName(tr, s),
          ref: ref(s),
          expected: expectedLine(tr, s),
        }),
      ),
      actions(CHECKIN_IDS.followupOpenBlock, [
        button(t('tellUs'), CHECKIN_IDS.followupOpen, String(s.checkinId), 'primary'),
      ]),
    ],
  };
}

export function renderFollowupModal(s: CheckinSubject, tr: Translator = english): ModalView {
  const t = tr.of(checkinsText);
  return {
    type: 'modal',
    callback_id: CHECKIN_IDS.followupView,
    private_metadata: JSON.stringify({ c: s.checkinId }),
    title: plain(t('followupTitle'), 24),
    submit: plain(t('send'), 24),
    close: plain(t('notNow'), 24),
    blocks: [
      section(
        t('followupSubject', {
          service: serviceName(tr, s),
          project: projectName(tr, s),
          ref: ref(s),
          expected: expectedLine(tr, s),
        }),
      ),
      {
        type: 'input',
        block_id: CHECKIN_IDS.realisedBlock,
        label: plain(s.expected?.trim() ? t('didItHappen') : t('broughtExpected')),
        element: {
          type: 'radio_buttons',
          action_id: CHECKIN_IDS.realisedInput,
          options: REALISED_ANSWERS.map((a) => option(realisedLabel(a.value, tr), a.value)),
        },
      },
      {
        type: 'input',
        block_id: CHECKIN_IDS.outcomeBlock,
        optional: true,
        label: plain(t('outcomesLabel')),
        element: {
          type: 'checkboxes',
          action_id: CHECKIN_IDS.outcomeInput,
          options: OUTCOME_TAGS.map(([value]) => option(outcomeLabel(value, tr), value)),
        },
      },
      {
        type: 'input',
        block_id: CHECKIN_IDS.outcomeNoteBlock,
        optional: true,
        label: plain(t('outcomeNote')),
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

export function renderFollowupThanks(
  s: CheckinSubject,
  tags: string[],
  realised?: string,
  tr: Translator = english,
): MessageBody {
  const t = tr.of(checkinsText);
  const answered = REALISED_ANSWERS.some((a) => a.value === realised);
  const list = [
    ...(answered ? [t('happenedAnswer', { answer: realised ?? 'no' })] : []),
    ...tags.map((tag) => outcomeLabel(tag, tr)),
  ].join(', ');
  return {
    text: t('notedText', { list }),
    blocks: [section(t('noted', { project: projectName(tr, s), ref: ref(s), list }))],
  };
}
