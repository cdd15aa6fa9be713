import type { KnownBlock, ModalView } from '@slack/types';
import type { Translator } from '../../i18n';
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
import { coachingText } from './messages';

/** Coaching: the request modal, the coach's proposal DM, the introduction, the endings. */

export const CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export interface EngagementView {
  id: number;
  coacheeId: string;
  coachId: string | null;
  focus: string[];
  goals: string;
  cadence: string;
}

export const cadenceLabel = (tr: Translator, cadence: string) => tr.t(coachingText, 'cadence', { cadence });

export function renderCoachingModal(tr: Translator, services: { id: number; name: string }[]): ModalView {
  const t = tr.of(coachingText);
  return {
    type: 'modal',
    callback_id: COACHING_IDS.modal,
    title: plain(t('modalTitle'), 24),
    submit: plain(t('modalSubmit'), 24),
    close: plain(t('cancel'), 24),
    blocks: [
      section(t('modalIntro')),
      {
        type: 'input',
        block_id: COACHING_IDS.focus,
        label: plain(t('focusLabel')),
        element: {
          type: 'multi_static_select',
          action_id: COACHING_IDS.focus,
          placeholder: plain(t('focusPlaceholder'), 150),
          options: services.slice(0, 100).map((s) => option(s.name, String(s.id))),
        },
      },
      {
        type: 'input',
        block_id: COACHING_IDS.goals,
        label: plain(t('goalsLabel')),
        hint: plain(t('goalsHint')),
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
        label: plain(t('cadenceLabel')),
        element: {
          type: 'radio_buttons',
          action_id: COACHING_IDS.cadence,
          initial_option: option(cadenceLabel(tr, 'fortnightly'), 'fortnightly'),
          options: CADENCES.map((c) => option(cadenceLabel(tr, c), c)),
        },
      },
    ],
  };
}

export function renderCoachingRequested(tr: Translator, matched: boolean): ModalView {
  const t = tr.of(coachingText);
  return {
    type: 'modal',
    title: plain(t('modalTitle'), 24),
    close: plain(t('done'), 24),
    blocks: [section(matched ? t('requestedMatched') : t('requestedUnmatched'))],
  };
}

export function renderAlreadyCoaching(
  tr: Translator,
  e: EngagementView,
  status: string,
): { text: string; blocks: Block[] } {
  const t = tr.of(coachingText);
  const text = status === 'active' ? t('alreadyActive', { coach: e.coachId ?? '' }) : t('alreadyFinding');
  return { text, blocks: [section(text)] };
}

function engagementFields(tr: Translator, e: EngagementView): KnownBlock {
  const t = tr.of(coachingText);
  return fields([
    [t('fieldFocus'), safe(e.focus.join(', ') || '—', 1000)],
    [t('fieldCadence'), cadenceLabel(tr, e.cadence)],
    [t('fieldGoals'), safe(e.goals, 1500)],
  ]);
}

export function renderCoachProposal(tr: Translator, e: EngagementView): { text: string; blocks: Block[] } {
  const t = tr.of(coachingText);
  const text = t('proposal', { coachee: e.coacheeId });
  return {
    text,
    blocks: [
      section(`${text} ${t('proposalWhy')}`),
      engagementFields(tr, e),
      actions(COACHING_IDS.proposalActions, [
        button(t('accept'), COACHING_IDS.accept, String(e.id), 'primary'),
        button(t('pass'), COACHING_IDS.pass, String(e.id)),
      ]),
      context(t('passingIsFine')),
    ],
  };
}

export function renderCoachProposalResolved(
  tr: Translator,
  e: EngagementView,
  outcome: 'accepted' | 'passed' | 'closed' | 'not_yours',
): { text: string; blocks: Block[] } {
  const t = tr.of(coachingText);
  const coachee = e.coacheeId;
  const text =
    outcome === 'accepted'
      ? t('resolvedAccepted', { coachee })
      : outcome === 'passed'
        ? t('resolvedPassed', { coachee })
        : t('resolvedClosed', { coachee });
  const blocks: Block[] = [section(text), engagementFields(tr, e)];
  if (outcome === 'accepted')
    blocks.push(actions(COACHING_IDS.endActions, [button(t('endCoaching'), COACHING_IDS.end, String(e.id))]));
  return { text, blocks };
}

export function renderCoachingIntro(tr: Translator, e: EngagementView): { text: string; blocks: Block[] } {
  const t = tr.of(coachingText);
  const people = { coachee: e.coacheeId, coach: e.coachId ?? '' };
  const text = t('introWelcome', people);
  return {
    text,
    blocks: [
      header(t('introHeader')),
      section(`${text} ${t('introBody', people)}`),
      engagementFields(tr, e),
      actions(COACHING_IDS.endActions, [button(t('endCoaching'), COACHING_IDS.end, String(e.id))]),
      context(t('introEnd')),
    ],
  };
}

export function renderCoachingUnmatched(tr: Translator): { text: string; blocks: Block[] } {
  const text = tr.t(coachingText, 'unmatched');
  return { text, blocks: [section(text)] };
}

export function renderCoachingEnded(
  tr: Translator,
  e: EngagementView,
  forUser: string,
  reason: 'opted_out' | 'ended',
  endedBy: string,
): { text: string; blocks: Block[] } {
  const t = tr.of(coachingText);
  const other = forUser === e.coacheeId ? e.coachId : e.coacheeId;
  let text: string;
  if (reason === 'opted_out') {
    text =
      forUser === e.coacheeId
        ? other
          ? t('endedOptOutWith', { other })
          : t('endedOptOutAlone')
        : t('endedOptOutCoach', { coachee: e.coacheeId });
  } else {
    text =
      forUser === endedBy
        ? other
          ? t('endedByYouWith', { other })
          : t('endedByYou')
        : t('endedByOther', { endedBy });
  }
  return { text, blocks: [section(text)] };
}

/** "This coaching engagement has ended", replacing the buttons of the messages the app sent. */
export function renderCoachingGone(tr: Translator): { text: string; blocks: Block[] } {
  const text = tr.t(coachingText, 'endedText');
  return { text, blocks: [section(text)] };
}
