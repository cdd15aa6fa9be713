import type { ModalView } from '@slack/types';
import type { InvitationCap } from '../../db/schema';
import { formatDate } from '../../lib/calendar';
import { type Block, context, option, plain, safe, section } from '../../slack/kit/blocks';
import { CAPS } from './caps';
import { CONSENT_IDS } from './ids';
import type { ChoicesResult, ConsentState, OptOutResult } from './service';
import type { TopicInfo } from './topics';

/** /pmo optin (the modal and what it says after saving) and the /pmo optout answers. */

export function renderOptinModal(state: ConsentState, today: string): ModalView {
  const topics = state.topics.filter((t) => !t.retired);
  const options = topics.map((t) => option(t.name, String(t.id), t.description || undefined));
  const initial = options.filter((_, i) => topics[i]?.optedIn);
  // Checkboxes allow at most 10 options; a longer list becomes a multi-select.
  const topicElement =
    options.length <= 10
      ? { type: 'checkboxes' as const, action_id: CONSENT_IDS.topics, options }
      : {
          type: 'multi_static_select' as const,
          action_id: CONSENT_IDS.topics,
          placeholder: plain('Choose topics', 150),
          options: options.slice(0, 100),
        };
  const capOptions = (Object.keys(CAPS) as InvitationCap[]).map((c) => option(CAPS[c].label, c));
  const paused = state.pausedUntil && state.pausedUntil > today ? state.pausedUntil : null;
  return {
    type: 'modal',
    callback_id: CONSENT_IDS.modal,
    title: plain('Your invitations', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      section(
        'Choose what the PMO may invite you to. Nothing else reaches you, every invitation has a one-click opt-out, and you can change this any time.',
      ),
      // No topics at all (every one retired): nothing to choose, the cap and pause still apply.
      ...(options.length
        ? [
            {
              type: 'input' as const,
              block_id: CONSENT_IDS.topics,
              optional: true,
              label: plain('Topics'),
              element: initial.length ? { ...topicElement, initial_options: initial } : topicElement,
            },
          ]
        : [section('There are no topics to opt in to at the moment.')]),
      {
        type: 'input',
        block_id: CONSENT_IDS.cap,
        label: plain('How often at most'),
        hint: plain('Holds across all topics together.'),
        element: {
          type: 'radio_buttons',
          action_id: CONSENT_IDS.cap,
          options: capOptions,
          initial_option: capOptions.find((o) => o.value === state.cap),
        },
      },
      {
        type: 'input',
        block_id: CONSENT_IDS.pause,
        optional: true,
        label: plain('Pause all invitations until'),
        hint: plain('Leave empty to receive invitations. You are invited again from this date on.'),
        element: {
          type: 'datepicker',
          action_id: CONSENT_IDS.pause,
          ...(paused ? { initial_date: paused } : {}),
        },
      },
    ],
  };
}

const names = (topics: TopicInfo[]) => topics.map((t) => t.name).join(', ');

export function renderOptinSaved(result: ChoicesResult, today: string): ModalView {
  const lines: string[] = [];
  if (result.optedIn.length) lines.push(`You opted in to ${safe(names(result.optedIn))}.`);
  if (result.optedOut.length) lines.push(`You opted out of ${safe(names(result.optedOut))}.`);
  if (result.capChanged) lines.push(`${CAPS[result.state.cap].label}, across all topics.`);
  if (result.pauseChanged) {
    const p = result.state.pausedUntil;
    lines.push(
      p && p > today ? `Invitations are paused until ${formatDate(p)}.` : 'Invitations are no longer paused.',
    );
  }
  if (result.coachingEnded) lines.push('Your coaching engagement has ended; both of you were told.');
  if (lines.length === 0) lines.push('Nothing changed.');
  const on = result.state.topics.filter((t) => t.optedIn && !t.retired);
  const blocks: Block[] = [
    section(lines.join('\n')),
    context(
      on.length
        ? `You hear about: ${safe(names(on), 2000)}.`
        : 'You are not opted in to any topic: the PMO will not invite you to anything.',
    ),
  ];
  return { type: 'modal', title: plain('Your invitations', 24), close: plain('Done', 24), blocks };
}

function stillLine(stillIn: TopicInfo[]): string {
  return stillIn.length
    ? `You still hear about: ${names(stillIn)}.`
    : 'You are not opted in to any topic now: the PMO will not invite you to anything.';
}

export function renderOptOutAnswer(
  scope: 'all' | TopicInfo,
  result: OptOutResult,
  command: string,
): { text: string; blocks: Block[] } {
  let text: string;
  if (scope === 'all') {
    text = result.changed.length
      ? `You opted out of everything: ${names(result.changed)}. The PMO will not invite you to anything.`
      : 'You were not opted in to any topic — nothing changed.';
  } else {
    text = result.changed.length
      ? `You opted out of ${scope.name}. ${stillLine(result.stillIn)}`
      : `You were not opted in to ${scope.name} — nothing changed. ${stillLine(result.stillIn)}`;
  }
  if (result.coachingEnded) text += ' Your coaching engagement has ended; both of you were told.';
  const blocks: Block[] = [
    section(safe(text, 2900)),
    context(`Change your mind any time with \`${command} optin\`.`),
  ];
  return { text, blocks };
}

/**
 * A topic name that matches nothing changes nothing: the answer names what was typed and the
 * topics this person could opt out of, and says plainly how to opt out of everything.
 */
export function renderUnknownTopic(
  typed: string,
  yours: TopicInfo[],
  command: string,
): { text: string; blocks: Block[] } {
  const shown = typed ? `“${safe(typed, 100)}”` : 'that (only invisible characters)';
  const text = yours.length
    ? `There is no topic called ${shown}; your topics are ${names(yours)}. Nothing changed.`
    : `There is no topic called ${shown}, and you are not opted in to any topic. Nothing changed.`;
  const list = yours.map((t) => `• *${safe(t.name, 150)}* — \`${command} optout ${t.slug}\``).join('\n');
  return {
    text,
    blocks: [
      section(safe(text, 2900)),
      ...(yours.length ? [section(list)] : []),
      context(
        yours.length
          ? `\`${command} optout all\` opts you out of everything.`
          : `\`${command} optin\` shows the topics you can choose.`,
      ),
    ],
  };
}
