import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../deps';
import { loadDraft, sendInvitation } from '../../../services/invitations';
import { isMember } from '../../../services/people';
import {
  renderDraftGoneModal,
  renderSendFailedModal,
  renderSendingModal,
  renderSentModal,
} from '../../../views/invitations';
import { INVITE_IDS } from '../../ids';

const metadata = z.object({ draftId: z.number().int().positive() });

/**
 * /pmo invite, confirmed: one transaction writes the invitation, one outbox row per person and
 * the PMO summary. The view id is the submission key, so a double submit sends nothing twice.
 */
export function registerInviteConfirmSubmit(app: App, deps: Deps): void {
  app.view(INVITE_IDS.confirmModal, async ({ ack, body, view, client }) => {
    const { db, clock, config, outbox, logger } = deps;
    const meta = metadata.safeParse(safeJson(view.private_metadata));
    const draft = meta.success ? await loadDraft(db, meta.data.draftId, body.user.id) : undefined;
    if (!draft || !(await isMember(db, config, body.user.id))) {
      logger.warn({ user: body.user.id }, 'invitation confirmation without a usable draft');
      await ack({ response_action: 'update', view: renderDraftGoneModal() });
      return;
    }
    // A large audience takes a moment to write; Slack wants the answer within 3 s, so the
    // modal says "sending" first and is updated once the invitation is safely stored.
    await ack({ response_action: 'update', view: renderSendingModal() });
    try {
      const result = await sendInvitation(
        db,
        config,
        { draft, submissionKey: `view:${view.id}`, createdBy: body.user.id },
        clock.now(),
      );
      outbox.kick();
      await client.views.update({
        view_id: view.id,
        view: renderSentModal(draft.mode, result.queued, draft.channel),
      });
    } catch (err) {
      logger.error({ err, user: body.user.id }, 'sending an invitation failed');
      await client.views.update({ view_id: view.id, view: renderSendFailedModal() }).catch(() => undefined);
    }
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
