import type { Deps } from '../../deps';
import { type InstallSource, removeInstallationOf } from '../../slack/installations/removal';
import { onEvent } from '../../slack/kit';
import { recordStopped } from '../../slack/work-state';
import { cancelScheduledErasure, scheduleDeactivatedErasure } from './erase';

/**
 * Slack's events about the workspace: a deactivated account is erased later (a job, after
 * ERASE_DEACTIVATED_AFTER_DAYS); uninstalling the app or revoking its tokens stops Slack work.
 * Installed through OAuth, the app may serve several installations (workspaces, an organisation):
 * the event removes that one, and Slack work stops only when none remains.
 */
const stopSlackWork = async (deps: Deps, reason: string, source: InstallSource) => {
  if (deps.config.slack.oauth) {
    const { removed, remaining } = await removeInstallationOf(deps.db, source);
    deps.logger.warn({ installation: removed ?? 'none', remaining }, `installation removed: ${reason}`);
    if (remaining > 0) return;
  }
  await recordStopped(deps.db, reason, deps.clock.now());
  await deps.slackWork.stop(reason);
};

/** Bolt's context names the workspace or organisation the event is about. */
const sourceOf = (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) => ({
  teamId: context.teamId,
  enterpriseId: context.enterpriseId,
  isEnterpriseInstall: context.isEnterpriseInstall,
});

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
  onEvent('app_uninstalled', ({ context }, deps) =>
    stopSlackWork(deps, 'the app was uninstalled from the workspace (app_uninstalled)', sourceOf(context)),
  ),
  onEvent('tokens_revoked', async ({ event, context }, deps) => {
    const bot = (event as { tokens?: { bot?: string[] } }).tokens?.bot ?? [];
    // Only the bot token matters to this app (it has no user tokens).
    if (bot.length === 0) return;
    await stopSlackWork(deps, 'the bot token was revoked (tokens_revoked)', sourceOf(context));
  }),
];
