import type { InputBlock, ModalView, PlainTextInput } from '@slack/types';
import { type Block, context, option, plain, safe, section } from '../../../slack/kit/blocks';
import type { CatalogService } from '../../catalog';
import { IMPACT_LABELS, IMPACTS, LIMITS } from '../form';
import { REQUEST_IDS, TRIAGE_IDS } from '../ids';
import { type RequestWithService, reference } from './common';

/** The modals of the request flow: the form, edit, and the triage and reply modals. */

const textInput = (
  blockId: string,
  label: string,
  opts: {
    multiline?: boolean;
    max: number;
    initial?: string | null;
    optional?: boolean;
    hint?: string;
    placeholder?: string;
  },
): InputBlock => {
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: blockId,
    multiline: opts.multiline ?? false,
    max_length: opts.max,
    ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.max) } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  };
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    optional: opts.optional ?? false,
    element,
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  };
};

const modal = (
  callbackId: string,
  title: string,
  submit: string,
  blocks: Block[],
  metadata?: unknown,
): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  title: plain(title, 24),
  submit: plain(submit, 24),
  close: plain('Cancel', 24),
  blocks,
  ...(metadata !== undefined ? { private_metadata: JSON.stringify(metadata) } : {}),
});

/** What the request form starts with: text from a command, a message, or nothing. */
export interface RequestPrefill {
  need?: string;
  project?: string;
  link?: string;
}

export interface RequestFormOptions {
  /** Opened from a message (a shortcut or a reaction): offer the thread reply, on by default. */
  fromMessage?: boolean;
  /** The chosen service's wait estimate, shown under the select (redrawn when it changes). */
  estimate?: string;
}

/** The context block under the service select: the chosen service's wait estimate. */
export function renderEstimateBlock(estimate?: string): Block {
  return {
    type: 'context',
    block_id: REQUEST_IDS.estimate,
    elements: [
      {
        type: 'mrkdwn',
        text: estimate ?? ':hourglass_flowing_sand: Choose a service to see how long it usually takes.',
      },
    ],
  };
}

/**
 * The library's suggestions for the chosen service, as the form shows them under the estimate:
 * their block ids are the form's, so the next choice of service finds them and replaces them.
 */
export function renderHelpBlocks(help: Block[]): Block[] {
  return help.slice(0, 20).map((b, i) => ({ ...b, block_id: `${REQUEST_IDS.helpPrefix}${i}` }));
}

export const isHelpBlock = (b: Block): boolean => (b.block_id ?? '').startsWith(REQUEST_IDS.helpPrefix);

export function renderRequestModal(
  services: CatalogService[],
  prefill: string | RequestPrefill,
  opts: RequestFormOptions = {},
): ModalView {
  const R = REQUEST_IDS;
  const p: RequestPrefill = typeof prefill === 'string' ? { need: prefill } : prefill;
  return modal(R.modal, 'Ask the PMO', 'Send request', [
    section('Tell us what you need and, above all, *what value you expect and for whom*.'),
    {
      type: 'input',
      block_id: R.service,
      label: plain('Service'),
      // Choosing a service redraws its wait estimate (views.update) before the form is sent.
      dispatch_action: true,
      element: {
        type: 'static_select',
        action_id: R.service,
        placeholder: plain('Choose a service'),
        options: services.slice(0, 100).map((s) => option(s.name, String(s.id), s.description)),
      },
    },
    renderEstimateBlock(opts.estimate),
    textInput(R.project, 'Project or team', { max: LIMITS.project, initial: p.project || null }),
    textInput(R.need, 'What do you need?', { multiline: true, max: LIMITS.need, initial: p.need || null }),
    textInput(R.value, 'What value do you expect, and who benefits?', {
      multiline: true,
      max: LIMITS.value,
      placeholder: 'e.g. the team ships its first release without rework',
    }),
    {
      type: 'input',
      block_id: R.neededBy,
      label: plain('Needed by'),
      // No default: a form left at "today" would make every request look overdue.
      element: { type: 'datepicker', action_id: R.neededBy },
    },
    {
      type: 'input',
      block_id: R.impact,
      label: plain('Impact'),
      element: {
        type: 'static_select',
        action_id: R.impact,
        options: IMPACTS.map((i) => option(IMPACT_LABELS[i], i)),
      },
    },
    // Slack marks optional inputs "(optional)" itself.
    textInput(R.link, 'Link', {
      max: LIMITS.link,
      optional: true,
      initial: p.link || null,
      placeholder: 'https://…',
      hint: 'A document, board or page that gives context.',
    }),
    ...(opts.fromMessage ? [threadReplyInput()] : []),
  ]);
}

const THREAD_REPLY_OPTION = {
  text: plain('Reply in the thread: “Filed as PMO-…”'),
  value: 'reply',
};

/** The checkbox, on by default, to have the app answer under the message the request came from. */
function threadReplyInput(): InputBlock {
  return {
    type: 'input',
    block_id: REQUEST_IDS.threadReply,
    label: plain('Let the thread know'),
    optional: true,
    element: {
      type: 'checkboxes',
      action_id: REQUEST_IDS.threadReply,
      options: [THREAD_REPLY_OPTION],
      initial_options: [THREAD_REPLY_OPTION],
    },
  };
}

export function renderEditModal(r: RequestWithService): ModalView {
  const R = REQUEST_IDS;
  return modal(
    R.editModal,
    `Edit ${reference(r.id)}`,
    'Save',
    [
      context(`${safe(r.service_name, 100)} · ${safe(r.project, 150)}`),
      textInput(R.need, 'What do you need?', { multiline: true, max: LIMITS.need, initial: r.need }),
      textInput(R.value, 'What value do you expect, and who benefits?', {
        multiline: true,
        max: LIMITS.value,
        initial: r.expected_value,
      }),
      {
        type: 'input',
        block_id: R.neededBy,
        label: plain('Needed by'),
        element: {
          type: 'datepicker',
          action_id: R.neededBy,
          ...(r.needed_by ? { initial_date: r.needed_by } : {}),
        },
      },
    ],
    { requestId: r.id },
  );
}

export function renderAssignModal(r: RequestWithService, meta: unknown): ModalView {
  return modal(
    TRIAGE_IDS.assignModal,
    `Assign ${reference(r.id)}`,
    'Assign',
    [
      section(`*${safe(r.service_name, 100)}* · ${safe(r.project, 150)}`),
      {
        type: 'input',
        block_id: TRIAGE_IDS.assignee,
        label: plain('Who takes it?'),
        hint: plain('A PMO member: a lead, or someone added with /pmo team.'),
        element: {
          type: 'users_select',
          action_id: TRIAGE_IDS.assignee,
          placeholder: plain('Choose a PMO member'),
        },
      },
    ],
    meta,
  );
}

export function renderDeliverModal(r: RequestWithService, meta: unknown): ModalView {
  return modal(
    TRIAGE_IDS.deliverModal,
    `Deliver ${reference(r.id)}`,
    'Deliver',
    [
      section(`*Value they expect*\n${safe(r.expected_value, 1500)}`),
      textInput(TRIAGE_IDS.delivered, 'What was delivered?', { multiline: true, max: 2000 }),
      textInput(TRIAGE_IDS.links, 'Links (optional)', {
        multiline: true,
        max: 2000,
        optional: true,
        hint: 'One per line, starting with https://',
      }),
    ],
    meta,
  );
}

export function renderDeclineModal(r: RequestWithService, meta: unknown): ModalView {
  return modal(
    TRIAGE_IDS.declineModal,
    `Decline ${reference(r.id)}`,
    'Decline',
    [
      section('The requester is told kindly, with your reason and other ways the PMO can help.'),
      textInput(TRIAGE_IDS.reason, 'Why can the PMO not take it on?', { multiline: true, max: 1500 }),
    ],
    meta,
  );
}

export function renderAskModal(r: RequestWithService, meta: unknown): ModalView {
  return modal(
    TRIAGE_IDS.askModal,
    `Ask about ${reference(r.id)}`,
    'Send question',
    [
      section(`*What they need*\n${safe(r.need, 1500)}`),
      textInput(TRIAGE_IDS.question, 'Your question to the requester', { multiline: true, max: 2000 }),
    ],
    meta,
  );
}

export function renderReplyModal(requestId: number, question: string, questionId: number): ModalView {
  return modal(
    REQUEST_IDS.replyModal,
    `Reply on ${reference(requestId)}`,
    'Send reply',
    [
      section(`>${safe(question, 2000)}`),
      textInput(REQUEST_IDS.answer, 'Your answer', { multiline: true, max: 2000 }),
    ],
    { questionId },
  );
}
