import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger';

export interface PostedAt {
  channel: string;
  ts: string;
}

/**
 * Redraws a message the app posted, in place, after what it shows has changed and been stored.
 * Best effort: a message that is gone (deleted by an admin, past retention) or a Slack error is
 * logged, not thrown — the change stands, and the person was already answered.
 */
export async function redrawMessage(
  deps: { logger: Logger },
  client: WebClient,
  where: PostedAt,
  message: { text: string; blocks?: unknown[] },
): Promise<boolean> {
  try {
    await client.chat.update({
      channel: where.channel,
      ts: where.ts,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks as never } : {}),
    });
    return true;
  } catch (err) {
    deps.logger.warn({ err, channel: where.channel }, 'could not redraw a message in place');
    return false;
  }
}
