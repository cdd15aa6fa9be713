import {
  actions,
  type Block,
  context,
  fields,
  header,
  mention,
  safe,
  section,
} from '../../../slack/kit/blocks';
import type { Overdue } from '../../calendar';
import { TRIAGE_IDS } from '../ids';
import { stepsFor } from '../policy';
import type { Suggestion } from '../routing';
import { workspaceLabel } from '../workspace';
import { impactLabel, type RequestWithService, reference, STATUS_EMOJI, STATUS_LABELS } from './common';
import { pmoStepButtons } from './steps';

/** A permalink Slack gave us, made safe inside `<…|…>` (no `|` or `>` can end it early). */
const linkTarget = (url: string): string => url.replace(/[<>|\s]/g, '').slice(0, 1000);

export interface TriageModel {
  request: RequestWithService;
  requesterName: string;
  suggestions: Suggestion[];
  /** A missed target: shown on the post, which is updated in place when it passes. */
  overdue?: Overdue;
}

/**
 * The triage post in the PMO channel. Re-rendered from the database after every change and
 * updated in place, so it always shows the current state and only the buttons that apply.
 */
export function renderTriagePost(m: TriageModel): { text: string; blocks: Block[] } {
  const r = m.request;
  const ref = reference(r.id);
  const workspace = workspaceLabel(r);
  const blocks: Block[] = [
    header(`${ref} · ${r.service_name}`),
    // The requester's name, not a mention: the triage post is no reason to notify them.
    section(`*${safe(r.project, 150)}* — requested by ${safe(m.requesterName, 80)}`),
    section(`*What they need*\n${safe(r.need, 2000)}`),
    section(`*Value they expect, and for whom*\n${safe(r.expected_value, 2000)}`),
    fields([
      ['Needed by', r.needed_by ?? 'not said'],
      ['Impact', impactLabel(r.impact)],
      ['Status', `${STATUS_EMOJI[r.status]} ${STATUS_LABELS[r.status]}`],
      ['Owner', r.owner_id ? mention(r.owner_id) : 'nobody yet'],
      ...(workspace ? [['Workspace', safe(workspace, 100)] as [string, string]] : []),
      ...(r.link ? [['Link', safe(r.link, 500)] as [string, string]] : []),
      ...(r.origin_permalink
        ? [['From', `<${linkTarget(r.origin_permalink)}|the message it came from>`] as [string, string]]
        : []),
    ]),
  ];

  if (m.overdue) {
    const what = m.overdue.target === 'first_response' ? 'a first response' : 'delivery';
    blocks.push(
      context(
        `:alarm_clock: *Overdue* — ${what} was due <!date^${Math.floor(m.overdue.due.getTime() / 1000)}^{date_short_pretty} {time}|${m.overdue.due.toISOString()}>`,
      ),
    );
  }
  if (r.status === 'new') {
    blocks.push(
      context(
        m.suggestions.length
          ? `Suggested (skills match, least open work first): ${m.suggestions
              .map((s) => `${safe(s.name, 80)} (${s.openWork} open)`)
              .join(', ')}`
          : 'No member lists this service as a skill yet — anyone on the team can claim it.',
      ),
    );
  }
  // The steps the policy opens in this status, for whoever holds it (each click re-checks who).
  const steps = pmoStepButtons(r.id, stepsFor('pmo', r.status));
  if (steps.length) blocks.push(actions(TRIAGE_IDS.actions, steps));
  switch (r.status) {
    case 'delivered':
    case 'closed':
      blocks.push(
        section(`*Delivered*\n${safe(r.delivery_note, 2000)}`),
        ...(r.delivery_links ? [section(`*Links*\n${safe(r.delivery_links, 2000)}`)] : []),
        context(
          r.status === 'closed'
            ? `:white_check_mark: Closed — the requester confirmed it is done.`
            : ':package: Delivered — waiting for the requester to confirm.',
        ),
      );
      break;
    case 'declined':
      blocks.push(context(`:no_entry_sign: Declined: ${safe(r.decline_reason, 2000)}`));
      break;
    case 'cancelled':
      blocks.push(context(':heavy_multiplication_x: Cancelled by the requester.'));
      break;
  }
  return {
    text: `${ref} · ${safe(r.service_name, 100)}: ${safe(r.project, 150)} — ${STATUS_LABELS[r.status]}`,
    blocks,
  };
}

/**
 * The question, threaded under the triage post so the conversation stays in one place. No
 * mention: the person who asked knows, and nobody else needs a notification for it.
 */
export function renderThreadQuestion(requestId: number, question: string) {
  const text = `Question sent to the requester of ${reference(requestId)} by DM: ${safe(question, 2000)}`;
  return { text, blocks: [section(`:question: ${text}`)] };
}

/** The answer mentions only the member who asked: they are the one waiting for it. */
export function renderThreadAnswer(requestId: number, askedBy: string, question: string, answer: string) {
  const text = `${mention(askedBy)} the requester of ${reference(requestId)} answered: ${safe(answer, 2000)}`;
  return {
    text,
    blocks: [
      context(`Re: ${safe(question, 500)}`),
      section(`:speech_balloon: ${mention(askedBy)} the requester answered:\n${safe(answer, 2800)}`),
    ],
  };
}
