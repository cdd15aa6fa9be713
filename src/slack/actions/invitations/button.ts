import { z } from 'zod';

/** What our button handlers need from a block_actions payload, parsed with zod. */
const buttonBody = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
  container: z
    .object({
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      view_id: z.string().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  view: z.object({ id: z.string() }).optional(),
});

export interface ButtonClick {
  userId: string;
  actionId: string;
  /** The id carried in the button's value (an invitation, engagement or topic id). */
  id: number | undefined;
  triggerId?: string;
  /** Where the clicked message is, for chat.update. */
  channel?: string;
  ts?: string;
  viewId?: string;
}

export function parseButton(body: unknown): ButtonClick {
  const b = buttonBody.parse(body);
  const action = b.actions[0] as { action_id: string; value?: string };
  const id = Number(action.value);
  return {
    userId: b.user.id,
    actionId: action.action_id,
    id: Number.isInteger(id) && id > 0 ? id : undefined,
    triggerId: b.trigger_id,
    channel: b.container?.channel_id ?? b.channel?.id,
    ts: b.container?.message_ts ?? b.message?.ts,
    viewId: b.container?.view_id ?? b.view?.id,
  };
}
