import type { Button } from '@slack/types';
import type { RequestRow, RequestStatus } from '../../../db/schema';
import { actions, type Block, button, context, mention, safe, section } from '../../../slack/kit/blocks';
import { REQUEST_IDS } from '../ids';
import { asRequester, type RequestAction, stepsOf } from '../policy';
import { type RequestWithService, reference, STATUS_LABELS } from './common';

/** Direct messages about a request: to the requester, the owner, an assignee. */

type Message = { text: string; blocks: Block[] };

/** The requester's buttons in a DM, for the steps the policy gives them when the DM is written. */
const requesterButtons = (r: RequestRow): Block[] => {
  const id = String(r.id);
  const look: Partial<Record<RequestAction, Button>> = {
    edit: button('Edit request', REQUEST_IDS.edit, id),
    cancel: button('Cancel request', REQUEST_IDS.cancel, id, 'danger', {
      confirm: {
        title: { type: 'plain_text', text: 'Cancel this request?' },
        text: { type: 'plain_text', text: `${reference(r.id)} will be closed and the PMO told.` },
        confirm: { type: 'plain_text', text: 'Cancel it' },
        deny: { type: 'plain_text', text: 'Keep it' },
      },
    }),
    close: button("It's done — close", REQUEST_IDS.close, id, 'primary'),
    reopen: button('Reopen', REQUEST_IDS.reopen, id),
  };
  const steps = stepsOf(r, asRequester(r), r.updated_at).flatMap((s) => look[s] ?? []);
  return steps.length ? [actions(REQUEST_IDS.requesterActions, steps)] : [];
};

/** The reply under the message a request came from, when its author chose it. No mention. */
export function renderOriginReply(r: RequestWithService): Message {
  const text = `Filed as ${reference(r.id)} (${safe(r.service_name, 100)}) with the PMO.`;
  return { text, blocks: [context(`:inbox_tray: ${text}`)] };
}

export function renderRequestConfirmation(
  r: RequestWithService,
  command: string,
  estimate?: string,
): Message {
  const ref = reference(r.id);
  const text = `Thanks — your request ${ref} (${safe(r.service_name, 100)}) is in.`;
  return {
    text,
    blocks: [
      section(`:inbox_tray: *${text}*\n>${safe(r.need, 500)}`),
      section(
        '*What happens next:* the PMO team sees it now in their channel. A member whose skills ' +
          'match will pick it up, may ask you a question here, and you will hear from me at each step.',
      ),
      ...(estimate ? [context(estimate)] : []),
      ...requesterButtons(r),
      context(`Use \`${command} status\` any time to see your requests.`),
    ],
  };
}

/** The requester hears about every step someone else took on their request. */
export function renderRequesterUpdate(
  r: RequestWithService,
  actor: string,
  to: RequestStatus,
  command: string,
): Message {
  const ref = `${reference(r.id)} (${safe(r.service_name, 100)})`;
  switch (to) {
    case 'claimed': {
      const text = `${mention(r.owner_id ?? actor)} has picked up ${ref}.`;
      return {
        text,
        blocks: [section(`:raised_hand: ${text} They will be in touch.`), ...requesterButtons(r)],
      };
    }
    case 'in_progress': {
      const text = `${mention(r.owner_id ?? actor)} has started work on ${ref}.`;
      return { text, blocks: [section(`:hammer_and_wrench: ${text}`), ...requesterButtons(r)] };
    }
    case 'delivered': {
      const text = `${ref} has been delivered by ${mention(actor)}.`;
      return {
        text,
        blocks: [
          section(`:package: ${text}`),
          section(`*What was delivered*\n${safe(r.delivery_note, 2000)}`),
          ...(r.delivery_links ? [section(`*Links*\n${safe(r.delivery_links, 2000)}`)] : []),
          section(
            'Did it give you the value you expected? Close it when it is done, or reopen it within 14 days.',
          ),
          ...requesterButtons(r),
        ],
      };
    }
    case 'declined': {
      const text = `The PMO can't take on ${ref} this time.`;
      return {
        text,
        blocks: [
          section(`${text} We're sorry — here is why:\n>${safe(r.decline_reason, 1500)}`),
          section(
            '*Other ways we can help:*\n' +
              '• another service in the catalogue may fit better — try `' +
              command +
              ' request` again and pick it\n' +
              '• bring the question to the PMO office hours or ask in the PMO channel\n' +
              '• if things change, send a new request any time: it will be looked at afresh',
          ),
        ],
      };
    }
    default: {
      const text = `${ref} is now: ${STATUS_LABELS[to]}.`;
      return { text, blocks: [section(text), ...requesterButtons(r)] };
    }
  }
}

export function renderOwnerNotice(
  r: RequestWithService,
  what: 'reopened' | 'cancelled' | 'assigned' | 'edited',
  actor: string,
): Message {
  const ref = `${reference(r.id)} (${safe(r.service_name, 100)}: ${safe(r.project, 150)})`;
  const text =
    what === 'reopened'
      ? `${mention(r.requester_id)} reopened ${ref}: it is back in progress with you.`
      : what === 'cancelled'
        ? `${mention(r.requester_id)} cancelled ${ref}. Nothing more to do on it.`
        : what === 'edited'
          ? `${mention(r.requester_id)} edited ${ref}, which you own.`
          : `${mention(actor)} assigned ${ref} to you.`;
  const details =
    what === 'edited'
      ? [
          section(`*What they need now*\n${safe(r.need, 1500)}`),
          section(
            `*Value they expect*\n${safe(r.expected_value, 1000)}\n*Needed by* ${r.needed_by ?? 'not said'}`,
          ),
        ]
      : [];
  return { text, blocks: [section(text), ...details] };
}

export function renderQuestionDm(
  r: RequestWithService,
  questionId: number,
  askedBy: string,
  question: string,
) {
  const text = `${mention(askedBy)} from the PMO has a question about ${reference(r.id)} (${safe(r.service_name, 100)}).`;
  return {
    text,
    blocks: [
      section(`:question: ${text}`),
      section(`>${safe(question, 2000)}`),
      actions(REQUEST_IDS.requesterActions, [
        button('Reply', REQUEST_IDS.reply, String(questionId), 'primary'),
      ]),
    ],
  };
}

/** Why a click changed nothing, told to the person who clicked. */
export function refusalText(current: RequestRow | undefined, actor: string): string {
  if (!current) return 'I cannot find that request any more.';
  const ref = reference(current.id);
  if (current.status === 'claimed' || current.status === 'in_progress') {
    if (current.owner_id && current.owner_id !== actor)
      return `Already claimed by ${mention(current.owner_id)} — ${ref} is ${STATUS_LABELS[current.status].toLowerCase()}.`;
  }
  return `Nothing changed: ${ref} is now ${STATUS_LABELS[current.status].toLowerCase()}.`;
}
