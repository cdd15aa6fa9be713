import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { recordDetails } from '../../services/checkins';
import { CHECKIN_IDS } from '../ids';

const Metadata = z.object({ c: z.number().int().positive() });
const Text = z
  .string()
  .nullish()
  .transform((v) => (v?.trim() ? v.trim().slice(0, 1000) : null));
const State = z.object({
  [CHECKIN_IDS.whatChangedBlock]: z.object({ [CHECKIN_IDS.whatChangedInput]: z.object({ value: Text }) }),
  [CHECKIN_IDS.couldBeBetterBlock]: z.object({ [CHECKIN_IDS.couldBeBetterInput]: z.object({ value: Text }) }),
  [CHECKIN_IDS.followupBlock]: z
    .object({
      [CHECKIN_IDS.followupInput]: z.object({
        selected_options: z.array(z.object({ value: z.string() })).default([]),
      }),
    })
    .optional(),
});

/** The optional "tell us more" modal after a rating: comments and the follow-up agreement. */
export function registerCheckinDetails(app: App, deps: Deps): void {
  app.view(CHECKIN_IDS.detailsView, async ({ ack, body, view }) => {
    const meta = Metadata.safeParse(safeJson(view.private_metadata));
    const state = State.safeParse(view.state.values);
    if (!meta.success || !state.success) {
      deps.logger.warn(
        { callbackId: view.callback_id, issues: (meta.error ?? state.error)?.issues },
        'unreadable check-in details submission',
      );
      await ack();
      return;
    }
    await ack();
    const s = state.data;
    await recordDetails(deps.db, {
      checkinId: meta.data.c,
      userId: body.user.id,
      whatChanged: s[CHECKIN_IDS.whatChangedBlock][CHECKIN_IDS.whatChangedInput].value,
      couldBeBetter: s[CHECKIN_IDS.couldBeBetterBlock][CHECKIN_IDS.couldBeBetterInput].value,
      followupAgreed:
        s[CHECKIN_IDS.followupBlock]?.[CHECKIN_IDS.followupInput].selected_options.some(
          (o) => o.value === 'yes',
        ) ?? false,
    });
  });
}

export function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
