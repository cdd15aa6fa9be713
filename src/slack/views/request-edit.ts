import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { localDate } from '../../services/calendar';
import { type EditForm, parseEditForm } from '../../services/request-form';
import { answerQuestion, editRequest } from '../../services/requests';
import { refusalText } from '../../views/request-messages';
import { refreshRequestHomes } from '../home-publisher';
import { REQUEST_IDS } from '../ids';
import { refreshTriagePost } from '../request-triage-post';
import { inputValue, parseMetadata, parseViewState } from '../view-state';
import { toBlockErrors } from './request-form';

const BLOCK_OF: Record<keyof EditForm, string> = {
  need: REQUEST_IDS.need,
  value: REQUEST_IDS.value,
  neededBy: REQUEST_IDS.neededBy,
};

/** The requester's own modals: edit an open request, answer a PMO question. */
export function registerRequesterViews(app: App, deps: Deps): void {
  app.view(REQUEST_IDS.editModal, async ({ ack, body, view, client }) => {
    const meta = parseMetadata(z.object({ requestId: z.number().int().positive() }), view.private_metadata);
    if (!meta) return void (await ack());
    const state = parseViewState(view.state.values);
    const parsed = parseEditForm(
      {
        need: inputValue(state, REQUEST_IDS.need),
        value: inputValue(state, REQUEST_IDS.value),
        neededBy: inputValue(state, REQUEST_IDS.neededBy),
      },
      localDate(deps.clock.now(), deps.config.pmo.timezone),
    );
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: toBlockErrors(parsed.errors, BLOCK_OF) });
      return;
    }
    const result = await editRequest(deps, {
      requestId: meta.requestId,
      actor: body.user.id,
      form: parsed.value,
      submissionKey: view.id,
    });
    if (!result.ok) {
      await ack({
        response_action: 'errors',
        errors: { [REQUEST_IDS.need]: refusalText(result.current, body.user.id).slice(0, 150) },
      });
      return;
    }
    await ack();
    await refreshTriagePost(deps, client, meta.requestId);
    await refreshRequestHomes(deps, client, meta.requestId);
  });

  app.view(REQUEST_IDS.replyModal, async ({ ack, body, view }) => {
    const meta = parseMetadata(z.object({ questionId: z.number().int().positive() }), view.private_metadata);
    if (!meta) return void (await ack());
    const answer = inputValue(parseViewState(view.state.values), REQUEST_IDS.answer)?.trim() ?? '';
    if (answer.length === 0 || answer.length > 2000) {
      await ack({
        response_action: 'errors',
        errors: {
          [REQUEST_IDS.answer]: answer
            ? 'Please keep it under 2000 characters.'
            : 'Please write your answer.',
        },
      });
      return;
    }
    const result = await answerQuestion(deps, { questionId: meta.questionId, actor: body.user.id, answer });
    if (!result.ok && result.reason === 'not_requester') {
      await ack({
        response_action: 'errors',
        errors: { [REQUEST_IDS.answer]: 'Only the requester can answer.' },
      });
      return;
    }
    // Answered already (a double submit): the first answer stands; just close.
    await ack();
  });
}
