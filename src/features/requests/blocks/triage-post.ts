import { slackDate, type Translator } from '../../../i18n';
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
import { requestsText } from '../messages';
import { stepsFor } from '../policy';
import type { Suggestion } from '../routing';
import { workspaceLabel } from '../workspace';
import {
  impactLabel,
  neededByDate,
  type RequestWithService,
  reference,
  STATUS_EMOJI,
  statusLabel,
} from './common';
import { pmoStepButtons } from './steps';

/** A permalink Slack gave us, made safe inside `<…|…>` (no `|` or `>` can end it early). */
const linkTarget = (url: string): string => url.replace(/[<>|\s]/g, '').slice(0, 1000);

export interface TriageModel {
  request: RequestWithService;
  requesterName: string;
  suggestions: Suggestion[];
  /** A missed target: shown on the post, which is updated in place when it passes. */
  overdue?: Overdue;
  /** The PMO's time zone: where a date token's fallback is written. */
  timeZone?: string;
}

/**
 * The triage post in the PMO channel, in the PMO's language (`tr`). Re-rendered from the
 * database after every change and updated in place, so it always shows the current state and
 * only the buttons that apply.
 */
export function renderTriagePost(tr: Translator, m: TriageModel): { text: string; blocks: Block[] } {
  const t = tr.of(requestsText);
  const r = m.request;
  const ref = reference(r.id);
  const workspace = workspaceLabel(r);
  const tz = m.timeZone ?? 'UTC';
  const blocks: Block[] = [
    header(`${ref} · ${r.service_name}`),
    // The requester's name, not a mention: the triage post is no reason to notify them.
    section(t('requestedBy', { project: safe(r.project, 150), name: safe(m.requesterName, 80) })),
    section(`${t('whatTheyNeed')}\n${safe(r.need, 2000)}`),
    section(`${t('valueForWhom')}\n${safe(r.expected_value, 2000)}`),
    fields([
      [t('fieldNeededBy'), neededByDate(tr, r.needed_by)],
      [t('fieldImpact'), impactLabel(tr, r.impact)],
      [t('fieldStatus'), `${STATUS_EMOJI[r.status]} ${statusLabel(tr, r.status)}`],
      [t('fieldOwner'), r.owner_id ? mention(r.owner_id) : t('nobodyYet')],
      ...(workspace ? [[t('fieldWorkspace'), safe(workspace, 100)] as [string, string]] : []),
      ...(r.link ? [[t('fieldLink'), safe(r.link, 500)] as [string, string]] : []),
      ...(r.origin_permalink
        ? [[t('fieldFrom'), `<${linkTarget(r.origin_permalink)}|${t('fromMessage')}>`] as [string, string]]
        : []),
    ]),
  ];

  if (m.overdue) {
    const due = `${slackDate(m.overdue.due, tr.locale, tz, 'date_short_pretty')} ${slackDate(
      m.overdue.due,
      tr.locale,
      tz,
      'time',
    )}`;
    blocks.push(context(t('overdue', { target: m.overdue.target, due })));
  }
  if (r.status === 'new') {
    blocks.push(
      context(
        m.suggestions.length
          ? t('suggested', {
              names: m.suggestions
                .map((s) => t('suggestion', { name: safe(s.name, 80), count: tr.number(s.openWork) }))
                .join(', '),
            })
          : t('noSkill'),
      ),
    );
  }
  // The steps the policy opens in this status, for whoever holds it (each click re-checks who).
  const steps = pmoStepButtons(r.id, stepsFor('pmo', r.status), undefined, tr);
  if (steps.length) blocks.push(actions(TRIAGE_IDS.actions, steps));
  switch (r.status) {
    case 'delivered':
    case 'closed':
      blocks.push(
        section(`${t('deliveredHeading')}\n${safe(r.delivery_note, 2000)}`),
        ...(r.delivery_links ? [section(`${t('linksHeading')}\n${safe(r.delivery_links, 2000)}`)] : []),
        context(r.status === 'closed' ? t('closedNote') : t('deliveredNote')),
      );
      break;
    case 'declined':
      blocks.push(context(t('declinedNote', { reason: safe(r.decline_reason, 2000) })));
      break;
    case 'cancelled':
      blocks.push(context(t('cancelledNote')));
      break;
  }
  return {
    text: t('triageText', {
      ref,
      service: safe(r.service_name, 100),
      project: safe(r.project, 150),
      status: statusLabel(tr, r.status),
    }),
    blocks,
  };
}

/**
 * The question, threaded under the triage post so the conversation stays in one place. No
 * mention: the person who asked knows, and nobody else needs a notification for it.
 */
export function renderThreadQuestion(tr: Translator, requestId: number, question: string) {
  const text = tr.t(requestsText, 'threadQuestion', {
    ref: reference(requestId),
    question: safe(question, 2000),
  });
  return { text, blocks: [section(`:question: ${text}`)] };
}

/** The answer mentions only the member who asked: they are the one waiting for it. */
export function renderThreadAnswer(
  tr: Translator,
  requestId: number,
  askedBy: string,
  question: string,
  answer: string,
) {
  const t = tr.of(requestsText);
  const text = t('threadAnswerText', {
    askedBy: mention(askedBy),
    ref: reference(requestId),
    answer: safe(answer, 2000),
  });
  return {
    text,
    blocks: [
      context(t('threadRe', { question: safe(question, 500) })),
      section(`:speech_balloon: ${t('threadAnswer', { askedBy: mention(askedBy) })}\n${safe(answer, 2800)}`),
    ],
  };
}
