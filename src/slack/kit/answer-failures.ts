import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { isDatabaseUnavailable } from '../../db/errors';
import type { Deps } from '../../deps';
import { firstInputBlock } from './form';

export const DATABASE_DOWN_TEXT =
  "Sorry — the PMO app can't reach its database right now. Please try again in a minute; nothing you sent was lost.";
export const TRIGGER_EXPIRED_TEXT =
  'Sorry — Slack stopped waiting before the form could open (it allows 3 seconds). Please try again; nothing was lost.';
export const SOMETHING_WENT_WRONG =
  'Sorry — something went wrong on our side. If what you did does not show, please try again in a minute.';

/**
 * The one place a failing listener is answered, so nobody is left with Slack's generic error
 * (or nothing at all) and each failure is logged once, with context:
 * - the database is unreachable → an honest "try again; nothing was lost" (the write rolled back);
 * - a modal missed its 3 s (expired_trigger_id) → "try again";
 * - anything else → a kind apology, and the error logged for us.
 * In a modal the answer is a field error on its first input, so what was typed stays.
 */
export function answerFailures({ logger }: Deps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (err) {
      const body = args.body as {
        type?: string;
        command?: string;
        view?: unknown;
        user?: { id?: string };
        user_id?: string;
        actions?: { action_id?: string }[];
      };
      const context = {
        user: body.user?.id ?? body.user_id,
        type: body.type ?? (body.command ? 'command' : undefined),
        callbackId: (body.view as { callback_id?: string } | undefined)?.callback_id,
        actionId: body.actions?.[0]?.action_id,
      };
      let text: string;
      if (isDatabaseUnavailable(err)) {
        logger.warn({ err, ...context }, 'database unavailable while handling a Slack request');
        text = DATABASE_DOWN_TEXT;
      } else if ((err as { data?: { error?: string } }).data?.error === 'expired_trigger_id') {
        logger.warn(context, 'a modal could not open in time (expired_trigger_id)');
        text = TRIGGER_EXPIRED_TEXT;
      } else {
        logger.error({ err, ...context }, 'unhandled error in a Slack listener');
        text = SOMETHING_WENT_WRONG;
      }
      const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
      const respond = (args as { respond?: (r: unknown) => Promise<unknown> }).respond;
      if (ack && body.type === 'view_submission') {
        const block = firstInputBlock(body.view);
        if (block && (await tryAck(ack, { response_action: 'errors', errors: { [block]: text } }))) return;
      } else if (ack && body.command) {
        if (await tryAck(ack, { response_type: 'ephemeral', text })) return;
      }
      if (ack) await tryAck(ack);
      await respond?.({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  };
}

/** Bolt throws when a request was already acknowledged; then the answer goes by response_url. */
async function tryAck(ack: (r?: unknown) => Promise<void>, response?: unknown): Promise<boolean> {
  try {
    await ack(response);
    return true;
  } catch {
    return false;
  }
}
