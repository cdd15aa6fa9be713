import { z } from 'zod';
import { rowId } from '../../../lib/input';
import { action, redrawModalBlocks, view } from '../../../slack/kit';
import { listServices } from '../../catalog';
import { isHelpBlock, renderEstimateBlock, renderHelpBlocks } from '../blocks/modals';
import { describeEstimate, waitEstimate } from '../estimate';
import { requestFormSchema } from '../form';
import { REQUEST_IDS } from '../ids';
import { formOriginOf } from '../origin';
import { submitRequest } from '../service';
import { workspaceOfInteraction } from '../workspace';
import { today } from './common';

/**
 * The request form. Checked first (field errors keep the modal open), then stored before the
 * ack — one short transaction — so a closed modal always means a stored request. The view id is
 * the submission key: a double submit makes one request.
 */
export const requestForm = view({
  callbackId: REQUEST_IDS.modal,
  fields: {
    serviceId: REQUEST_IDS.service,
    project: REQUEST_IDS.project,
    need: REQUEST_IDS.need,
    value: REQUEST_IDS.value,
    neededBy: REQUEST_IDS.neededBy,
    impact: REQUEST_IDS.impact,
    link: REQUEST_IDS.link,
    threadReply: REQUEST_IDS.threadReply,
  },
  // Field errors in the person's language.
  schema: async ({ deps, tr }) =>
    requestFormSchema(
      today(deps),
      (await listServices(deps.db)).map((s) => s.id),
      {},
      await tr(),
    ).extend({
      // Only on a form opened from a message; absent elsewhere.
      threadReply: z.unknown().transform((v) => Array.isArray(v) && v.includes('reply')),
    }),
  submit: async (s) => {
    const { threadReply, ...form } = s.values;
    const origin = await formOriginOf(s.deps.db, s.viewId, s.userId);
    await submitRequest(s.deps, s.client, {
      submissionKey: s.viewId,
      requesterId: s.userId,
      form,
      ...(origin ? { origin: { ...origin, replyInThread: threadReply } } : {}),
      workspace: workspaceOfInteraction(s.body),
    });
    s.later(() => s.deps.surfaces.refreshHome(s.client, s.userId));
    return undefined;
  },
});

/**
 * Choosing a service in the form (dispatch_action) redraws its wait estimate in place, and under
 * it the library's entries for that service, which may answer the need at once (none: nothing
 * is added, and the last service's go). Only those blocks change; Slack keeps what was typed,
 * and the view hash makes a stale redraw (a quicker second choice) lose instead of overwrite.
 */
export const serviceChosen = action({
  id: REQUEST_IDS.service,
  value: rowId,
  run: async (click) => {
    const { deps } = click;
    const form = click.body.view;
    if (!form || form.callback_id !== REQUEST_IDS.modal || click.place.kind !== 'modal') return;
    const [estimate, help, tr] = await Promise.all([
      waitEstimate(deps.db, click.value, deps.clock.now(), today(deps)),
      deps.library.helpNow(click.value),
      click.tr(),
    ]);
    const text = describeEstimate(estimate, tr);
    await redrawModalBlocks(deps, click.client, form, (b) => {
      if (isHelpBlock(b)) return [];
      if (b.block_id === REQUEST_IDS.estimate)
        return [renderEstimateBlock(text, tr), ...renderHelpBlocks(help)];
      return b;
    });
  },
});
