import type { Deps } from '../../deps';
import { onEvent } from '../../slack/kit';
import { recordStopped } from '../../slack/work-state';
import { cancelScheduledErasure, scheduleDeactivatedErasure } from './erase';

/**
 * Slack's events about the workspace: a deactivated account is erased later (a job, after
 * ERASE_DEACTIVATED_AFTER_DAYS); uninstalling the app or revoking its tokens stops Slack work.
 */
const stopSlackWork = async (deps: Deps, reason: string) => {
  await recordStopped(deps.db, reason, deps.clock.now());
  await deps.slackWork.stop(reason);
};

export const privacyEvents = [
  onEvent('user_change', async ({ event }, deps) => {
    const user = event.user as { id?: string; deleted?: boolean };
    if (!user?.id) return;
    if (user.deleted) {
      if (await scheduleDeactivatedErasure(deps, user.id))
        deps.logger.info(
          { afterDays: deps.config.privacy.eraseDeactivatedAfterDays },
          'a deactivated account will be erased',
        );
    } else await cancelScheduledErasure(deps.db, user.id);
  }),
  onEvent('app_uninstalled', (_args, deps) =>
    stopSlackWork(deps, 'the app was uninstalled from the workspace (app_uninstalled)'),
  ),
  onEvent('tokens_revoked', async ({ event }, deps) => {
    const bot = (event as { tokens?: { bot?: string[] } }).tokens?.bot ?? [];
    // Only the bot token matters to this app (it has no user tokens).
    if (bot.length === 0) return;
    await stopSlackWork(deps, 'the bot token was revoked (tokens_revoked)');
  }),
];
