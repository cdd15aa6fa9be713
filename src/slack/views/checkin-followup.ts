import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { recordFollowup } from '../../services/checkins';
import { OUTCOME_TAGS, renderFollowupThanks } from '../../views/checkins';
import { CHECKIN_IDS } from '../ids';
import { safeJson } from './checkin-details';

const Metadata = z.object({ c: z.number().int().positive(), ch: z.string(), ts: z.string() });
const tagValues = OUTCOME_TAGS.map(([t]) => t) as [string, ...string[]];
const State = z.object({
  [CHECKIN_IDS.outcomeBlock]: z.object({
    [CHECKIN_IDS.outcomeInput]: z.object({
      selected_options: z.array(z.object({ value: z.enum(tagValues) })).default([]),
    }),
  }),
  [CHECKIN_IDS.outcomeNoteBlock]: z
    .object({
      [CHECKIN_IDS.outcomeNoteInput]: z.object({
        value: z
          .string()
          .nullish()
          .transform((v) => (v?.trim() ? v.trim().slice(0, 1000) : null)),
      }),
    })
    .optional(),
});

/** "Did it change anything?": outcome tags stored once, the DM updated in place. */
export function registerCheckinFollowup(app: App, deps: Deps): void {
  app.view(CHECKIN_IDS.followupView, async ({ ack, body, view, client }) => {
    const meta = Metadata.safeParse(safeJson(view.private_metadata));
    const state = State.safeParse(view.state.values);
    if (!meta.success || !state.success) {
      deps.logger.warn(
        { callbackId: view.callback_id, issues: (meta.error ?? state.error)?.issues },
        'unreadable check-in follow-up submission',
      );
      await ack();
      return;
    }
    const tags = state.data[CHECKIN_IDS.outcomeBlock][CHECKIN_IDS.outcomeInput].selected_options.map(
      (o) => o.value,
    );
    if (tags.length === 0) {
      await ack({ response_action: 'errors', errors: { [CHECKIN_IDS.outcomeBlock]: 'Tick at least one.' } });
      return;
    }
    await ack();
    const outcome = await recordFollowup(deps.db, {
      checkinId: meta.data.c,
      userId: body.user.id,
      tags,
      note: state.data[CHECKIN_IDS.outcomeNoteBlock]?.[CHECKIN_IDS.outcomeNoteInput].value ?? null,
      now: deps.clock.now(),
    });
    if (outcome.status === 'recorded' && meta.data.ch && meta.data.ts) {
      const thanks = renderFollowupThanks(outcome.subject, outcome.tags);
      await client.chat.update({
        channel: meta.data.ch,
        ts: meta.data.ts,
        text: thanks.text,
        blocks: thanks.blocks,
      });
    }
  });
}
