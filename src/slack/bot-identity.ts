import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger';

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/**
 * Who the app is in Slack (auth.test), asked once at start-up with retries. Bolt would
 * otherwise call auth.test itself from its constructor, and a Slack blip at that moment is an
 * unhandled rejection that kills the process. Given botId and botUserId, Bolt never calls it.
 */
export async function resolveBotIdentity(
  client: WebClient,
  logger: Logger,
  retry = { attempts: 8, initialDelayMs: 500 },
): Promise<BotIdentity> {
  let delay = retry.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.auth.test();
      if (res.bot_id && res.user_id) return { botId: res.bot_id, botUserId: res.user_id };
      throw new Error('auth.test did not name a bot: is SLACK_BOT_TOKEN a bot token (xoxb-)?');
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      // A wrong token will not get better by waiting.
      if (
        code === 'invalid_auth' ||
        code === 'not_authed' ||
        code === 'account_inactive' ||
        code === 'token_revoked'
      ) {
        throw new Error(`Slack rejected SLACK_BOT_TOKEN (${code})`);
      }
      if (attempt >= retry.attempts)
        throw new Error(`Slack's Web API did not answer auth.test after ${attempt} attempts`);
      logger.warn(
        { attempt, retryInMs: delay, error: code ?? (err as Error).message },
        'Slack is not reachable yet; retrying',
      );
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }
}
