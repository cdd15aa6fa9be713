import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger';

/**
 * Every verified request gets an answer. A signed payload no listener matches (a click with no
 * action, a form with an unknown callback id) would otherwise stay un-acked: Slack shows its
 * generic error after 3 s and the receiver logs an error. Bolt's own acks (Events API) and the
 * listeners' acks pass through the same `ack`, so one flag tells whether anyone answered.
 */
export function answerUnhandled(bolt: App, logger: Logger): void {
  const original = bolt.processEvent.bind(bolt);
  bolt.processEvent = async (event: ReceiverEvent) => {
    let acked = false;
    const tracked: ReceiverEvent = {
      ...event,
      ack: async (response?: unknown) => {
        acked = true;
        return event.ack(response as never);
      },
    };
    await original(tracked);
    if (acked) return;
    logger.warn({ type: payloadKind(event.body) }, 'no listener answered a verified Slack request');
    try {
      await event.ack();
    } catch {
      // The receiver already answered (its own timeout): nothing left to say.
    }
  };
}

/** The payload's kind, safe to log: a short identifier, never the payload itself. */
function payloadKind(body: Record<string, unknown>): string {
  const kind = body.type ?? (body.command !== undefined ? 'slash_command' : undefined);
  return typeof kind === 'string' && /^[a-z_]{1,40}$/.test(kind) ? kind : 'unknown';
}
