import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../deps';

export const TRIGGER_EXPIRED_TEXT =
  'Sorry — Slack stopped waiting before the form could open (it allows 3 seconds). Please try again; nothing was lost.';

/**
 * A modal opens only within 3 s of the click or command (trigger_id). When we miss that — a
 * burst of requests, a slow Slack — the person would otherwise see nothing at all; tell them
 * privately instead, where Slack gives us a way to (commands and message buttons).
 */
export function answerWhenTriggerExpired({ logger }: Deps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (err) {
      const slackError = (err as { data?: { error?: string } }).data?.error;
      if (slackError !== 'expired_trigger_id') throw err;
      logger.warn('a modal could not open in time (expired_trigger_id)');
      const respond = (args as { respond?: (r: unknown) => Promise<unknown> }).respond;
      await respond?.({
        response_type: 'ephemeral',
        replace_original: false,
        text: TRIGGER_EXPIRED_TEXT,
      }).catch(() => undefined);
    }
  };
}
