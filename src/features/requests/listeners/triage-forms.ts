import type { z } from 'zod';
import type { Translator } from '../../../i18n';
import { type Submission, view } from '../../../slack/kit';
import type { RequestWithService } from '../blocks/common';
import { refusalText } from '../blocks/messages';
import { offerToSave } from '../delivered-work';
import { askFormSchemaIn, assignFormSchemaIn, declineFormSchemaIn, deliverFormSchemaIn } from '../form';
import { refreshRequestHomes } from '../homes';
import { TRIAGE_IDS } from '../ids';
import { assignRequest, declineRequest, deliverRequest, type TransitionResult } from '../lifecycle';
import { requestsText } from '../messages';
import { askQuestion } from '../service';
import { refreshTriagePost } from '../triage-post';
import { requestMeta } from './common';

/** The triage modals' submissions: assign, deliver, decline, and a question to the requester. */

/**
 * A triage modal whose submission is one step of the lifecycle: members only (checked again at
 * submit), the conditional update decides the rest, and a refused step says why on its input.
 */
function stepForm<F>(
  callbackId: string,
  fields: Record<string, string>,
  /** The form's rules, their field errors in the member's language. */
  schema: (tr: Translator) => z.ZodType<F>,
  errorBlock: string,
  step: (
    s: Submission<{ requestId: number }, F>,
  ) => Promise<TransitionResult | { ok: false; notMember: true }>,
  /** What the member who took the step sees next, after the post and Homes are redrawn. */
  afterward?: (s: Submission<{ requestId: number }, F>, request: RequestWithService) => Promise<void>,
) {
  return view({
    callbackId,
    audience: 'members',
    metadata: requestMeta,
    fields,
    schema: async ({ tr }) => schema(await tr()),
    submit: async (s) => {
      const tr = await s.tr();
      const result = await step(s);
      if ('notMember' in result) return { errors: { [errorBlock]: tr.t(requestsText, 'assignNotMember') } };
      if (!result.ok) return { errors: { [errorBlock]: refusalText(tr, result.current, s.userId) } };
      s.later(async () => {
        await refreshTriagePost(s.deps, s.client, result.request);
        await refreshRequestHomes(s.deps, s.client, result.request, { id: s.userId });
        await afterward?.(s, result.request);
      });
      return undefined;
    },
  });
}

const assignForm = stepForm(
  TRIAGE_IDS.assignModal,
  { assignee: TRIAGE_IDS.assignee },
  assignFormSchemaIn,
  TRIAGE_IDS.assignee,
  async (s) => assignRequest(s.deps, s.metadata.requestId, await s.actor(), s.values.assignee),
);

const deliverForm = stepForm(
  TRIAGE_IDS.deliverModal,
  { note: TRIAGE_IDS.delivered, links: TRIAGE_IDS.links },
  deliverFormSchemaIn,
  TRIAGE_IDS.delivered,
  async (s) => deliverRequest(s.deps, s.metadata.requestId, await s.actor(), s.values),
  (s, request) => offerToSave(s.deps, s.client, request, s.userId),
);

const declineForm = stepForm(
  TRIAGE_IDS.declineModal,
  { reason: TRIAGE_IDS.reason },
  declineFormSchemaIn,
  TRIAGE_IDS.reason,
  async (s) => declineRequest(s.deps, s.metadata.requestId, await s.actor(), s.values.reason),
);

const askForm = view({
  callbackId: TRIAGE_IDS.askModal,
  audience: 'members',
  metadata: requestMeta,
  fields: { question: TRIAGE_IDS.question },
  schema: async ({ tr }) => askFormSchemaIn(await tr()),
  submit: async (s) => {
    const result = await askQuestion(s.deps, {
      requestId: s.metadata.requestId,
      askedBy: s.userId,
      actor: await s.actor(),
      question: s.values.question,
      submissionKey: s.viewId,
    });
    if (!result.ok) {
      const tr = await s.tr();
      return { errors: { [TRIAGE_IDS.question]: refusalText(tr, result.current, s.userId) } };
    }
    return undefined;
  },
});

export const triageForms = [assignForm, deliverForm, declineForm, askForm];
