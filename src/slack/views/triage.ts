import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { isMember } from '../../services/people';
import { parseLinks, parseText } from '../../services/request-form';
import {
  assignRequest,
  declineRequest,
  deliverRequest,
  type TransitionResult,
} from '../../services/request-lifecycle';
import { askQuestion } from '../../services/requests';
import { refusalText } from '../../views/request-messages';
import { refreshRequestHomes } from '../home-publisher';
import { TRIAGE_IDS } from '../ids';
import { refreshTriagePost } from '../request-triage-post';
import { inputValue, parseMetadata, parseViewState } from '../view-state';

const metaSchema = z.object({ requestId: z.number().int().positive() });

/**
 * The triage modals: assign, deliver, decline, ask. Each re-checks that the submitter is a
 * PMO member and lets the conditional update decide; a step someone else already took is
 * shown as an error in the modal instead of silently doing nothing.
 */
export function registerTriageViews(app: App, deps: Deps): void {
  const refused = (blockId: string, r: TransitionResult & { ok: false }, actor: string) => ({
    response_action: 'errors' as const,
    errors: { [blockId]: refusalText(r.current, actor).slice(0, 200) },
  });
  const notMember = (blockId: string) => ({
    response_action: 'errors' as const,
    errors: { [blockId]: 'Only PMO members can do this.' },
  });

  app.view(TRIAGE_IDS.assignModal, async ({ ack, body, view, client }) => {
    const meta = parseMetadata(metaSchema, view.private_metadata);
    if (!meta) return void (await ack());
    const actor = body.user.id;
    if (!(await isMember(deps.db, deps.config, actor)))
      return void (await ack(notMember(TRIAGE_IDS.assignee)));
    const assignee = inputValue(parseViewState(view.state.values), TRIAGE_IDS.assignee);
    if (!assignee) {
      return void (await ack({
        response_action: 'errors',
        errors: { [TRIAGE_IDS.assignee]: 'Please choose someone.' },
      }));
    }
    const result = await assignRequest(deps, meta.requestId, actor, assignee);
    if ('notMember' in result) {
      return void (await ack({
        response_action: 'errors',
        errors: {
          [TRIAGE_IDS.assignee]: 'Only PMO members can be assigned. A lead can add them with /pmo team.',
        },
      }));
    }
    if (!result.ok) return void (await ack(refused(TRIAGE_IDS.assignee, result, actor)));
    await ack();
    await refreshTriagePost(deps, client, meta.requestId);
    await refreshRequestHomes(deps, client, meta.requestId, { id: actor });
  });

  app.view(TRIAGE_IDS.deliverModal, async ({ ack, body, view, client }) => {
    const meta = parseMetadata(metaSchema, view.private_metadata);
    if (!meta) return void (await ack());
    const actor = body.user.id;
    if (!(await isMember(deps.db, deps.config, actor)))
      return void (await ack(notMember(TRIAGE_IDS.delivered)));
    const state = parseViewState(view.state.values);
    const note = parseText(inputValue(state, TRIAGE_IDS.delivered), 'what was delivered');
    const links = parseLinks(inputValue(state, TRIAGE_IDS.links));
    if (!note.ok || !links.ok) {
      const errors: Record<string, string> = {};
      if (!note.ok && note.errors.text) errors[TRIAGE_IDS.delivered] = note.errors.text;
      if (!links.ok && links.errors.links) errors[TRIAGE_IDS.links] = links.errors.links;
      return void (await ack({ response_action: 'errors', errors }));
    }
    const result = await deliverRequest(deps, meta.requestId, actor, {
      note: note.value,
      links: links.value,
    });
    if (!result.ok) return void (await ack(refused(TRIAGE_IDS.delivered, result, actor)));
    await ack();
    await refreshTriagePost(deps, client, meta.requestId);
    await refreshRequestHomes(deps, client, meta.requestId, { id: actor });
  });

  app.view(TRIAGE_IDS.declineModal, async ({ ack, body, view, client }) => {
    const meta = parseMetadata(metaSchema, view.private_metadata);
    if (!meta) return void (await ack());
    const actor = body.user.id;
    if (!(await isMember(deps.db, deps.config, actor))) return void (await ack(notMember(TRIAGE_IDS.reason)));
    const reason = parseText(
      inputValue(parseViewState(view.state.values), TRIAGE_IDS.reason),
      'a reason',
      1500,
    );
    if (!reason.ok) {
      return void (await ack({
        response_action: 'errors',
        errors: { [TRIAGE_IDS.reason]: reason.errors.text ?? '' },
      }));
    }
    const result = await declineRequest(deps, meta.requestId, actor, reason.value);
    if (!result.ok) return void (await ack(refused(TRIAGE_IDS.reason, result, actor)));
    await ack();
    await refreshTriagePost(deps, client, meta.requestId);
    await refreshRequestHomes(deps, client, meta.requestId, { id: actor });
  });

  app.view(TRIAGE_IDS.askModal, async ({ ack, body, view }) => {
    const meta = parseMetadata(metaSchema, view.private_metadata);
    if (!meta) return void (await ack());
    const actor = body.user.id;
    if (!(await isMember(deps.db, deps.config, actor)))
      return void (await ack(notMember(TRIAGE_IDS.question)));
    const question = parseText(
      inputValue(parseViewState(view.state.values), TRIAGE_IDS.question),
      'your question',
    );
    if (!question.ok) {
      return void (await ack({
        response_action: 'errors',
        errors: { [TRIAGE_IDS.question]: question.errors.text ?? '' },
      }));
    }
    const result = await askQuestion(deps, {
      requestId: meta.requestId,
      askedBy: actor,
      question: question.value,
      submissionKey: view.id,
    });
    if (!result.ok) {
      return void (await ack({
        response_action: 'errors',
        errors: { [TRIAGE_IDS.question]: refusalText(result.current, actor).slice(0, 200) },
      }));
    }
    await ack();
  });
}
