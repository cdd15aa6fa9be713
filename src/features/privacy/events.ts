import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { cancelScheduledErasure, scheduleDeactivatedErasure } from './erase';
import { recordStopped } from './installation';

/**
 * Slack's events about the workspace: a deactivated account is erased later (a job, after
 * ERASE_DEACTIVATED_AFTER_DAYS); uninstalling the app or revoking its tokens stops Slack work.
 */
export function registerPrivacyEvents(app: App, deps: Deps): void {
  app.event('user_change', async ({ event }) => {
    const user = event.user as { id?: string; deleted?: boolean };
    if (!user?.id) return;
    if (user.deleted) {
      if (await scheduleDeactivatedErasure(deps, user.id))
        deps.logger.info(
          { afterDays: deps.config.privacy.eraseDeactivatedAfterDays },
          'a deactivated account will be erased',
        );
    } else await cancelScheduledErasure(deps.db, user.id);
  });
  const stop = async (reason: string) => {
    await recordStopped(deps.db, reason, deps.clock.now());
    await deps.slackWork.stop(reason);
  };
  app.event('app_uninstalled', async () =>
    stop('the app was uninstalled from the workspace (app_uninstalled)'),
  );
  app.event('tokens_revoked', async ({ event }) => {
    const bot = (event as { tokens?: { bot?: string[] } }).tokens?.bot ?? [];
    // Only the bot token matters to this app (it has no user tokens).
    if (bot.length === 0) return;
    await stop('the bot token was revoked (tokens_revoked)');
  });
}
