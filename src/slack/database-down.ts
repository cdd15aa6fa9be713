import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { isDatabaseUnavailable } from '../db/errors';
import type { Deps } from '../deps';

export const DATABASE_DOWN_TEXT =
  "Sorry — the PMO app can't reach its database right now. Please try again in a minute; nothing you sent was lost.";

/**
 * When the database is unreachable, a person gets a friendly, honest answer instead of Slack's
 * generic error: in the modal (field error on its first input, so what they typed stays), or
 * as an ephemeral message. The write that failed was rolled back, so trying again is safe.
 */
export function answerWhenDatabaseDown({ logger }: Deps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      logger.warn({ err }, 'database unavailable while handling a Slack request');
      const body = args.body as {
        type?: string;
        command?: string;
        view?: { blocks?: { type: string; block_id?: string }[] };
        user?: { id: string };
        user_id?: string;
        channel?: { id: string };
        channel_id?: string;
      };
      const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
      const respond = (args as { respond?: (r: unknown) => Promise<unknown> }).respond;
      if (body.type === 'view_submission') {
        const firstInput = body.view?.blocks?.find((b) => b.type === 'input' && b.block_id)?.block_id;
        if (
          ack &&
          firstInput &&
          (await tryAck(ack, { response_action: 'errors', errors: { [firstInput]: DATABASE_DOWN_TEXT } }))
        )
          return;
      } else if (
        body.command &&
        ack &&
        (await tryAck(ack, { response_type: 'ephemeral', text: DATABASE_DOWN_TEXT }))
      ) {
        return;
      }
      if (ack) await tryAck(ack);
      if (respond) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: DATABASE_DOWN_TEXT,
        }).catch(() => undefined);
      }
    }
  };
}

/** Bolt throws when a request was already acknowledged; that is fine here. */
async function tryAck(ack: (r?: unknown) => Promise<void>, response?: unknown): Promise<boolean> {
  try {
    await ack(response);
    return true;
  } catch {
    return false;
  }
}
