import type { ModalView } from '@slack/types';
import type { InvitationCap } from '../../db/schema';
import { slackDate, type Translator, translatorFor } from '../../i18n';
import { type Block, context, option, plain, safe, section } from '../../slack/kit/blocks';
import { CAPS } from './caps';
import { CONSENT_IDS } from './ids';
import { consentText } from './messages';
import type { ChoicesResult, ConsentState, OptOutResult } from './service';
import type { TopicInfo } from './topics';

/**
 * /pmo optin (the modal and what it says after saving) and the /pmo optout answers, in the
 * language of the person they are for. Topic names are the PMO's data, shown as typed.
 * Renderers other features (and tests) call keep their arguments, the translator last.
 */

/** A cap as the reader reads it ("At most one invitation a week"). */
export const capLabel = (tr: Translator, cap: InvitationCap): string => tr.t(consentText, `cap_${cap}`);

/** A calendar day (YYYY-MM-DD) as a Slack date token: noon UTC is that day nearly everywhere. */
const dayToken = (tr: Translator, day: string) =>
  slackDate(new Date(`${day}T12:00:00Z`), tr.locale, 'UTC', 'date_long');

export function renderOptinModal(
  state: ConsentState,
  today: string,
  tr: Translator = translatorFor('en'),
): ModalView {
  const t = tr.of(consentText);
  const topics = state.topics.filter((x) => !x.retired);
  const options = topics.map((x) => option(x.name, String(x.id), x.description || undefined));
  const initial = options.filter((_, i) => topics[i]?.optedIn);
  // Checkboxes allow at most 10 options; a longer list becomes a multi-select.
  const topicElement =
    options.length <= 10
      ? { type: 'checkboxes' as const, action_id: CONSENT_IDS.topics, options }
      : {
          type: 'multi_static_select' as const,
          action_id: CONSENT_IDS.topics,
          placeholder: plain(t('chooseTopics'), 150),
          options: options.slice(0, 100),
        };
  const capOptions = (Object.keys(CAPS) as InvitationCap[]).map((c) => option(capLabel(tr, c), c));
  const paused = state.pausedUntil && state.pausedUntil > today ? state.pausedUntil : null;
  return {
    type: 'modal',
    callback_id: CONSENT_IDS.modal,
    title: plain(t('optinTitle'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('cancel'), 24),
    blocks: [
      section(t('optinIntro')),
      // No topics at all (every one retired): nothing to choose, the cap and pause still apply.
      ...(options.length
        ? [
            {
              type: 'input' as const,
              block_id: CONSENT_IDS.topics,
              optional: true,
              label: plain(t('topicsLabel')),
              element: initial.length ? { ...topicElement, initial_options: initial } : topicElement,
            },
          ]
        : [section(t('noTopics'))]),
      {
        type: 'input',
        block_id: CONSENT_IDS.cap,
        label: plain(t('capLabel')),
        hint: plain(t('capHint')),
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
        label: plain(t('pauseLabel')),
        hint: plain(t('pauseHint')),
        element: {
          type: 'datepicker',
          action_id: CONSENT_IDS.pause,
          ...(paused ? { initial_date: paused } : {}),
        },
      },
    ],
  };
}

/**
 * Topic names, listed; a very long list is cut (with an ellipsis) so that the sentence around
 * it, in any language, still fits its block.
 */
function names(topics: TopicInfo[], max = 1200): string {
  const shown: string[] = [];
  let length = 0;
  for (const x of topics) {
    if (length + x.name.length + 2 > max) return `${shown.join(', ')}, …`;
    shown.push(x.name);
    length += x.name.length + 2;
  }
  return shown.join(', ');
}

export function renderOptinSaved(tr: Translator, result: ChoicesResult, today: string): ModalView {
  const t = tr.of(consentText);
  const lines: string[] = [];
  if (result.optedIn.length) lines.push(t('optedIn', { topics: safe(names(result.optedIn)) }));
  if (result.optedOut.length) lines.push(t('optedOut', { topics: safe(names(result.optedOut)) }));
  if (result.capChanged) lines.push(t('capChanged', { cap: result.state.cap }));
  if (result.pauseChanged) {
    const p = result.state.pausedUntil;
    lines.push(p && p > today ? t('pausedUntil', { date: dayToken(tr, p) }) : t('notPaused'));
  }
  if (result.coachingEnded) lines.push(t('coachingEnded'));
  if (lines.length === 0) lines.push(t('nothingChanged'));
  const on = result.state.topics.filter((x) => x.optedIn && !x.retired);
  const blocks: Block[] = [
    section(lines.join('\n')),
    context(on.length ? t('youHearAbout', { topics: safe(names(on, 2000), 2500) }) : t('notOptedInAny')),
  ];
  return { type: 'modal', title: plain(t('optinTitle'), 24), close: plain(t('done'), 24), blocks };
}

export function renderOptOutAnswer(
  scope: 'all' | TopicInfo,
  result: OptOutResult,
  command: string,
  tr: Translator = translatorFor('en'),
): { text: string; blocks: Block[] } {
  const t = tr.of(consentText);
  let text: string;
  if (scope === 'all') {
    text = result.changed.length ? t('optedOutAll', { topics: names(result.changed) }) : t('notOptedInAll');
  } else {
    const still = {
      topic: scope.name,
      left: result.stillIn.length ? 'some' : 'none',
      topics: names(result.stillIn),
    };
    text = result.changed.length ? t('optedOutOne', still) : t('notOptedInOne', still);
  }
  if (result.coachingEnded) text += ` ${t('coachingEnded')}`;
  const blocks: Block[] = [section(safe(text, 2900)), context(t('changeMind', { command }))];
  return { text, blocks };
}

/**
 * A topic name that matches nothing changes nothing: the answer names what was typed and the
 * topics this person could opt out of, and says plainly how to opt out of everything.
 */
export function renderUnknownTopic(
  tr: Translator,
  typed: string,
  yours: TopicInfo[],
  command: string,
): { text: string; blocks: Block[] } {
  const t = tr.of(consentText);
  const shown = { invisible: typed ? 'no' : 'yes', typed: safe(typed, 100) };
  const text = yours.length
    ? t('unknownWithTopics', { ...shown, topics: names(yours) })
    : t('unknownNoTopics', shown);
  // Whole lines only, as many as fit one section.
  const lines: string[] = [];
  let length = 0;
  for (const x of yours) {
    const line = t('yourTopicLine', { name: safe(x.name, 150), command, slug: x.slug });
    if (length + line.length + 1 > 2900) break;
    lines.push(line);
    length += line.length + 1;
  }
  const list = lines.join('\n');
  return {
    text,
    blocks: [
      section(safe(text, 2900)),
      ...(yours.length ? [section(list)] : []),
      context(yours.length ? t('optoutAllHint', { command }) : t('optinHint', { command })),
    ],
  };
}
