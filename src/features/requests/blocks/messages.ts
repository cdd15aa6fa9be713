import type { Button } from '@slack/types';
import type { RequestRow, RequestStatus } from '../../../db/schema';
import type { Translator } from '../../../i18n';
import { actions, type Block, button, context, mention, safe, section } from '../../../slack/kit/blocks';
import { REQUEST_IDS } from '../ids';
import { requestsText } from '../messages';
import { asRequester, REOPEN_WINDOW_DAYS, type RequestAction, stepsOf } from '../policy';
import { neededByDate, type RequestWithService, reference, statusInSentence, statusLabel } from './common';

/** Direct messages about a request: to the requester, the owner, an assignee, each in their language. */

type Message = { text: string; blocks: Block[] };

/** The requester's buttons in a DM, for the steps the policy gives them when the DM is written. */
const requesterButtons = (tr: Translator, r: RequestRow): Block[] => {
  const t = tr.of(requestsText);
  const id = String(r.id);
  const look: Partial<Record<RequestAction, Button>> = {
    edit: button(t('editRequest'), REQUEST_IDS.edit, id),
    cancel: button(t('cancelRequest'), REQUEST_IDS.cancel, id, 'danger', {
      confirm: {
        title: { type: 'plain_text', text: t('cancelConfirmTitle') },
        text: { type: 'plain_text', text: t('cancelConfirmText', { ref: reference(r.id) }) },
        confirm: { type: 'plain_text', text: t('cancelConfirm') },
        deny: { type: 'plain_text', text: t('cancelDeny') },
      },
    }),
    close: button(t('closeDone'), REQUEST_IDS.close, id, 'primary'),
    reopen: button(t('reopen'), REQUEST_IDS.reopen, id),
  };
  const steps = stepsOf(r, asRequester(r), r.updated_at).flatMap((s) => look[s] ?? []);
  return steps.length ? [actions(REQUEST_IDS.requesterActions, steps)] : [];
};

/** The reply under the message a request came from, when its author chose it. No mention. */
export function renderOriginReply(tr: Translator, r: RequestWithService): Message {
  const text = tr.t(requestsText, 'originReply', {
    ref: reference(r.id),
    service: safe(r.service_name, 100),
  });
  return { text, blocks: [context(`:inbox_tray: ${text}`)] };
}

export function renderRequestConfirmation(
  tr: Translator,
  r: RequestWithService,
  command: string,
  estimate?: string,
): Message {
  const t = tr.of(requestsText);
  const text = t('confirmation', { ref: reference(r.id), service: safe(r.service_name, 100) });
  return {
    text,
    blocks: [
      section(`:inbox_tray: *${text}*\n>${safe(r.need, 500)}`),
      section(t('whatHappensNext')),
      ...(estimate ? [context(estimate)] : []),
      ...requesterButtons(tr, r),
      context(t('statusHint', { command })),
    ],
  };
}

/** The requester hears about every step someone else took on their request. */
export function renderRequesterUpdate(
  tr: Translator,
  r: RequestWithService,
  actor: string,
  to: RequestStatus,
  command: string,
): Message {
  const t = tr.of(requestsText);
  const ref = `${reference(r.id)} (${safe(r.service_name, 100)})`;
  switch (to) {
    case 'claimed': {
      const text = t('claimedUpdate', { owner: mention(r.owner_id ?? actor), ref });
      return {
        text,
        blocks: [section(`:raised_hand: ${text} ${t('inTouch')}`), ...requesterButtons(tr, r)],
      };
    }
    case 'in_progress': {
      const text = t('startedUpdate', { owner: mention(r.owner_id ?? actor), ref });
      return { text, blocks: [section(`:hammer_and_wrench: ${text}`), ...requesterButtons(tr, r)] };
    }
    case 'delivered': {
      const text = t('deliveredUpdate', { ref, actor: mention(actor) });
      return {
        text,
        blocks: [
          section(`:package: ${text}`),
          section(`${t('whatWasDelivered')}\n${safe(r.delivery_note, 2000)}`),
          ...(r.delivery_links ? [section(`${t('linksHeading')}\n${safe(r.delivery_links, 2000)}`)] : []),
          section(t('deliveredAsk', { days: REOPEN_WINDOW_DAYS })),
          ...requesterButtons(tr, r),
        ],
      };
    }
    case 'declined': {
      const text = t('declinedUpdate', { ref });
      return {
        text,
        blocks: [
          section(`${t('declinedWhy', { text })}\n>${safe(r.decline_reason, 1500)}`),
          section(t('otherWays', { command })),
        ],
      };
    }
    default: {
      const text = t('statusUpdate', { ref, status: statusLabel(tr, to) });
      return { text, blocks: [section(text), ...requesterButtons(tr, r)] };
    }
  }
}

export function renderOwnerNotice(
  tr: Translator,
  r: RequestWithService,
  what: 'reopened' | 'cancelled' | 'assigned' | 'edited',
  actor: string,
): Message {
  const t = tr.of(requestsText);
  const ref = `${reference(r.id)} (${safe(r.service_name, 100)}: ${safe(r.project, 150)})`;
  const requester = mention(r.requester_id);
  const text =
    what === 'reopened'
      ? t('ownerReopened', { requester, ref })
      : what === 'cancelled'
        ? t('ownerCancelled', { requester, ref })
        : what === 'edited'
          ? t('ownerEdited', { requester, ref })
          : t('ownerAssigned', { actor: mention(actor), ref });
  const details =
    what === 'edited'
      ? [
          section(`${t('whatTheyNeedNow')}\n${safe(r.need, 1500)}`),
          section(
            `${t('valueTheyExpect')}\n${safe(r.expected_value, 1000)}\n${t('neededByInline', {
              date: neededByDate(tr, r.needed_by),
            })}`,
          ),
        ]
      : [];
  return { text, blocks: [section(text), ...details] };
}

export function renderQuestionDm(
  tr: Translator,
  r: RequestWithService,
  questionId: number,
  askedBy: string,
  question: string,
) {
  const t = tr.of(requestsText);
  const text = t('questionDm', {
    askedBy: mention(askedBy),
    ref: reference(r.id),
    service: safe(r.service_name, 100),
  });
  return {
    text,
    blocks: [
      section(`:question: ${text}`),
      section(`>${safe(question, 2000)}`),
      actions(REQUEST_IDS.requesterActions, [
        button(t('reply'), REQUEST_IDS.reply, String(questionId), 'primary'),
      ]),
    ],
  };
}

/** Why a click changed nothing, told to the person who clicked. */
export function refusalText(tr: Translator, current: RequestRow | undefined, actor: string): string {
  const t = tr.of(requestsText);
  if (!current) return t('gone');
  const ref = reference(current.id);
  const status = statusInSentence(tr, current.status);
  if (current.status === 'claimed' || current.status === 'in_progress') {
    if (current.owner_id && current.owner_id !== actor)
      return t('alreadyClaimed', { owner: mention(current.owner_id), ref, status });
  }
  return t('nothingChanged', { ref, status });
}
