import type { InputBlock, ModalView, PlainTextInput } from '@slack/types';
import { type Translator, translatorFor } from '../../../i18n';
import { type Block, context, option, plain, safe, section } from '../../../slack/kit/blocks';
import type { CatalogService } from '../../catalog';
import { IMPACTS, LIMITS } from '../form';
import { REQUEST_IDS, TRIAGE_IDS } from '../ids';
import { requestsText } from '../messages';
import { impactLabel, type RequestWithService, reference } from './common';

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
  tr: Translator,
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
  close: plain(tr.t(requestsText, 'cancel'), 24),
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
export function renderEstimateBlock(estimate?: string, tr: Translator = translatorFor('en')): Block {
  return {
    type: 'context',
    block_id: REQUEST_IDS.estimate,
    elements: [
      {
        type: 'mrkdwn',
        text: estimate ?? tr.t(requestsText, 'estimatePrompt'),
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
  tr: Translator,
  services: CatalogService[],
  prefill: string | RequestPrefill,
  opts: RequestFormOptions = {},
): ModalView {
  const t = tr.of(requestsText);
  const R = REQUEST_IDS;
  const p: RequestPrefill = typeof prefill === 'string' ? { need: prefill } : prefill;
  return modal(tr, R.modal, t('formTitle'), t('formSubmit'), [
    section(t('formIntro')),
    {
      type: 'input',
      block_id: R.service,
      label: plain(t('service')),
      // Choosing a service redraws its wait estimate (views.update) before the form is sent.
      dispatch_action: true,
      element: {
        type: 'static_select',
        action_id: R.service,
        placeholder: plain(t('chooseService'), 150),
        options: services.slice(0, 100).map((s) => option(s.name, String(s.id), s.description)),
      },
    },
    renderEstimateBlock(opts.estimate, tr),
    textInput(R.project, t('project'), { max: LIMITS.project, initial: p.project || null }),
    textInput(R.need, t('need'), { multiline: true, max: LIMITS.need, initial: p.need || null }),
    textInput(R.value, t('value'), {
      multiline: true,
      max: LIMITS.value,
      placeholder: t('valuePlaceholder'),
    }),
    {
      type: 'input',
      block_id: R.neededBy,
      label: plain(t('neededBy')),
      // No default: a form left at "today" would make every request look overdue.
      element: { type: 'datepicker', action_id: R.neededBy },
    },
    {
      type: 'input',
      block_id: R.impact,
      label: plain(t('impactLabel')),
      element: {
        type: 'static_select',
        action_id: R.impact,
        options: IMPACTS.map((i) => option(impactLabel(tr, i), i)),
      },
    },
    // Slack marks optional inputs "(optional)" itself.
    textInput(R.link, t('link'), {
      max: LIMITS.link,
      optional: true,
      initial: p.link || null,
      placeholder: t('linkPlaceholder'),
      hint: t('linkHint'),
    }),
    ...(opts.fromMessage ? [threadReplyInput(tr)] : []),
  ]);
}

/** The checkbox, on by default, to have the app answer under the message the request came from. */
function threadReplyInput(tr: Translator): InputBlock {
  const option = { text: plain(tr.t(requestsText, 'threadReplyOption'), 75), value: 'reply' };
  return {
    type: 'input',
    block_id: REQUEST_IDS.threadReply,
    label: plain(tr.t(requestsText, 'threadReply')),
    optional: true,
    element: {
      type: 'checkboxes',
      action_id: REQUEST_IDS.threadReply,
      options: [option],
      initial_options: [option],
    },
  };
}

export function renderEditModal(tr: Translator, r: RequestWithService): ModalView {
  const t = tr.of(requestsText);
  const R = REQUEST_IDS;
  return modal(
    tr,
    R.editModal,
    t('editTitle', { ref: reference(r.id) }),
    t('save'),
    [
      context(`${safe(r.service_name, 100)} · ${safe(r.project, 150)}`),
      textInput(R.need, t('need'), { multiline: true, max: LIMITS.need, initial: r.need }),
      textInput(R.value, t('value'), {
        multiline: true,
        max: LIMITS.value,
        initial: r.expected_value,
      }),
      {
        type: 'input',
        block_id: R.neededBy,
        label: plain(t('neededBy')),
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

export function renderAssignModal(tr: Translator, r: RequestWithService, meta: unknown): ModalView {
  const t = tr.of(requestsText);
  return modal(
    tr,
    TRIAGE_IDS.assignModal,
    t('assignTitle', { ref: reference(r.id) }),
    t('assignSubmit'),
    [
      section(`*${safe(r.service_name, 100)}* · ${safe(r.project, 150)}`),
      {
        type: 'input',
        block_id: TRIAGE_IDS.assignee,
        label: plain(t('assignee')),
        hint: plain(t('assigneeHint')),
        element: {
          type: 'users_select',
          action_id: TRIAGE_IDS.assignee,
          placeholder: plain(t('assigneePlaceholder'), 150),
        },
      },
    ],
    meta,
  );
}

export function renderDeliverModal(tr: Translator, r: RequestWithService, meta: unknown): ModalView {
  const t = tr.of(requestsText);
  return modal(
    tr,
    TRIAGE_IDS.deliverModal,
    t('deliverTitle', { ref: reference(r.id) }),
    t('deliverSubmit'),
    [
      section(`${t('valueTheyExpect')}\n${safe(r.expected_value, 1500)}`),
      textInput(TRIAGE_IDS.delivered, t('delivered'), { multiline: true, max: 2000 }),
      textInput(TRIAGE_IDS.links, t('links'), {
        multiline: true,
        max: 2000,
        optional: true,
        hint: t('linksHint'),
      }),
    ],
    meta,
  );
}

export function renderDeclineModal(tr: Translator, r: RequestWithService, meta: unknown): ModalView {
  const t = tr.of(requestsText);
  return modal(
    tr,
    TRIAGE_IDS.declineModal,
    t('declineTitle', { ref: reference(r.id) }),
    t('declineSubmit'),
    [section(t('declineIntro')), textInput(TRIAGE_IDS.reason, t('reason'), { multiline: true, max: 1500 })],
    meta,
  );
}

export function renderAskModal(tr: Translator, r: RequestWithService, meta: unknown): ModalView {
  const t = tr.of(requestsText);
  return modal(
    tr,
    TRIAGE_IDS.askModal,
    t('askTitle', { ref: reference(r.id) }),
    t('askSubmit'),
    [
      section(`${t('whatTheyNeed')}\n${safe(r.need, 1500)}`),
      textInput(TRIAGE_IDS.question, t('question'), { multiline: true, max: 2000 }),
    ],
    meta,
  );
}

export function renderReplyModal(
  tr: Translator,
  requestId: number,
  question: string,
  questionId: number,
): ModalView {
  const t = tr.of(requestsText);
  return modal(
    tr,
    REQUEST_IDS.replyModal,
    t('replyTitle', { ref: reference(requestId) }),
    t('replySubmit'),
    [
      section(`>${safe(question, 2000)}`),
      textInput(REQUEST_IDS.answer, t('answer'), { multiline: true, max: 2000 }),
    ],
    { questionId },
  );
}
