/** Slack ids of the request form, the requester's buttons (DMs, /pmo status, Home) and the triage post: action, callback and block ids, unique across the app by their prefix. */

export const REQUEST_IDS = {
  modal: 'request_modal',
  editModal: 'request_edit_modal',
  replyModal: 'request_reply_modal',
  service: 'request_service',
  project: 'request_project',
  need: 'request_need',
  value: 'request_value',
  neededBy: 'request_needed_by',
  impact: 'request_impact',
  link: 'request_link',
  /** The wait estimate under the service select (a context block). */
  estimate: 'request_estimate',
  /** The library's suggestions under the estimate: `<prefix><n>`, so a redraw finds and replaces them. */
  helpPrefix: 'request_help_',
  /** "Reply in the thread" when the form was opened from a message. */
  threadReply: 'request_thread_reply',
  answer: 'request_answer',
  requesterActions: 'request_requester_actions',
  /** Buttons in the requester's DMs; the value is the request id (or question id for reply). */
  edit: 'request_edit',
  cancel: 'request_cancel',
  close: 'request_close',
  reopen: 'request_reopen',
  reply: 'request_reply',
} as const;

export const TRIAGE_IDS = {
  actions: 'triage_actions',
  claim: 'triage_claim',
  assign: 'triage_assign',
  ask: 'triage_ask',
  decline: 'triage_decline',
  start: 'triage_start',
  deliver: 'triage_deliver',
  unclaim: 'triage_unclaim',
  assignModal: 'triage_assign_modal',
  deliverModal: 'triage_deliver_modal',
  declineModal: 'triage_decline_modal',
  askModal: 'triage_ask_modal',
  assignee: 'triage_assignee',
  delivered: 'triage_delivered',
  links: 'triage_links',
  reason: 'triage_reason',
  question: 'triage_question',
  /** The deliverer's private offer to save what they made to the library. */
  saveOffer: 'triage_save_offer',
} as const;

export const STATUS_IDS = {
  /** `status_edit:<id>` etc.: action ids must be unique within one message. */
  editPrefix: 'status_edit:',
  cancelPrefix: 'status_cancel:',
  closePrefix: 'status_close:',
  reopenPrefix: 'status_reopen:',
  edit: /^status_edit:\d+$/,
  cancel: /^status_cancel:\d+$/,
  close: /^status_close:\d+$/,
  reopen: /^status_reopen:\d+$/,
} as const;

/**
 * Home lists many requests on one surface, and action ids must be unique per surface, so a
 * per-request button there is `<action id>:<request id>` (e.g. `triage_claim:42`). The triage
 * listeners answer both forms: one listener, one code path.
 */
export const perItem = (actionId: string, id: number | string): string => `${actionId}:${id}`;

export const perItemPattern = (actionId: string): RegExp => new RegExp(`^${actionId}:\\d+$`);
