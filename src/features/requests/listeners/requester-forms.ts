import { z } from 'zod';
import { rowId } from '../../../lib/input';
import { view } from '../../../slack/kit';
import { refusalText } from '../blocks/messages';
import { answerFormSchemaIn, editFormSchema } from '../form';
import { refreshRequestHomes } from '../homes';
import { REQUEST_IDS } from '../ids';
import { requestsText } from '../messages';
import { answerQuestion, editRequest } from '../service';
import { refreshTriagePost } from '../triage-post';
import { requestMeta, today } from './common';

/** The requester's modals: editing a request and answering the PMO's question about it. */

const editForm = view({
  callbackId: REQUEST_IDS.editModal,
  metadata: requestMeta,
  fields: { need: REQUEST_IDS.need, value: REQUEST_IDS.value, neededBy: REQUEST_IDS.neededBy },
  // Field errors in the person's language (no Slack client here: their cached profile).
  schema: async ({ deps, tr }) => editFormSchema(today(deps), await tr()),
  submit: async (s) => {
    const { requestId } = s.metadata;
    const result = await editRequest(s.deps, {
      requestId,
      actor: s.userId,
      form: s.values,
      submissionKey: s.viewId,
    });
    if (!result.ok) {
      // Nothing about a request is told to someone who did not send it.
      const tr = await s.tr();
      const mine = result.current?.requester_id === s.userId;
      return {
        errors: {
          [REQUEST_IDS.need]: mine
            ? refusalText(tr, result.current, s.userId)
            : tr.t(requestsText, 'notYours'),
        },
      };
    }
    s.later(async () => {
      await refreshTriagePost(s.deps, s.client, result.request);
      await refreshRequestHomes(s.deps, s.client, result.request);
    });
    return undefined;
  },
});

const replyForm = view({
  callbackId: REQUEST_IDS.replyModal,
  metadata: z.object({ questionId: rowId }),
  fields: { answer: REQUEST_IDS.answer },
  schema: async ({ tr }) => answerFormSchemaIn(await tr()),
  submit: async (s) => {
    const result = await answerQuestion(s.deps, {
      questionId: s.metadata.questionId,
      actor: s.userId,
      answer: s.values.answer,
    });
    if (!result.ok && result.reason !== 'answered') {
      const tr = await s.tr();
      return { errors: { [REQUEST_IDS.answer]: tr.t(requestsText, 'notYours') } };
    }
    // Answered already (a double submit): the first answer stands; just close.
    return undefined;
  },
});

export const requesterForms = [editForm, replyForm];
