import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../deps';
import { loadDraft, sendInvitation } from '../../../services/invitations';
import { isMember } from '../../../services/people';
import { renderSentModal } from '../../../views/invitations';
import { INVITE_IDS } from '../../ids';

const metadata = z.object({ draftId: z.number().int().positive() });

/**
 * /pmo invite, confirmed: one transaction writes the invitation, one outbox row per person and
 * the PMO summary. The view id is the submission key, so a double submit sends nothing twice.
 */
export function registerInviteConfirmSubmit(app: App, deps: Deps): void {
  app.view(INVITE_IDS.confirmModal, async ({ ack, body, view }) => {
    const { db, clock, config, outbox, logger } = deps;
    const meta = metadata.safeParse(safeJson(view.private_metadata));
    const draft = meta.success ? await loadDraft(db, meta.data.draftId, body.user.id) : undefined;
    if (!draft || !(await isMember(db, config, body.user.id))) {
      logger.warn({ user: body.user.id }, 'invitation confirmation without a usable draft');
      await ack({
        response_action: 'update',
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: 'Invitation' },
          close: { type: 'plain_text', text: 'Close' },
          blocks: [
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: 'This draft is no longer available; nothing was sent. Start again with `/pmo invite`.',
              },
            },
          ],
        },
      });
      return;
    }
    const result = await sendInvitation(
      db,
      config,
      { draft, submissionKey: `view:${view.id}`, createdBy: body.user.id },
      clock.now(),
    );
    await ack({ response_action: 'update', view: renderSentModal(draft.mode, result.queued, draft.channel) });
    outbox.kick();
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
