import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Database } from '../../db/client';
import {
  deleteInstallation,
  findInstallation,
  type InstallationRow,
  type InstallTarget,
  installKey,
  saveInstallation,
} from './repository';

/**
 * @slack/oauth's InstallationStore over the `installations` table: what an OAuth callback
 * stores (an install, or a reinstall replacing the tokens). The installer's user token and id
 * are not kept: the app acts as its bot only.
 */
export function databaseInstallationStore(
  db: Database,
  onStored: (installation: InstallationRow) => Promise<void> | void = () => undefined,
): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const bot = installation.bot;
      if (!bot) throw new Error('the installation has no bot token (the bot scopes were not granted)');
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const values = {
        enterpriseId: installation.enterprise?.id,
        enterpriseName: installation.enterprise?.name,
        teamId: installation.team?.id,
        teamName: installation.team?.name,
        isEnterpriseInstall,
        appId: installation.appId,
        botId: bot.id,
        botUserId: bot.userId,
        botToken: bot.token,
        botScopes: bot.scopes,
        botRefreshToken: bot.refreshToken,
        botTokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : undefined,
      };
      await saveInstallation(db, values, new Date());
      const key = installKey(
        targetOf(isEnterpriseInstall, installation.enterprise?.id, installation.team?.id),
      );
      const row = await findInstallation(db, key);
      if (row) await onStored(row);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const row = await findInstallation(
        db,
        installKey(targetOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId)),
      );
      if (!row) throw new Error('no installation for this workspace or organisation');
      return asInstallation(row);
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await deleteInstallation(
        db,
        installKey(targetOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId)),
      );
    },
  };
}

function targetOf(
  orgWide: boolean,
  enterpriseId: string | undefined,
  teamId: string | undefined,
): InstallTarget {
  if (orgWide && enterpriseId) return { enterpriseId };
  if (!teamId) throw new Error('an installation names its workspace, or is org-wide');
  return { teamId };
}

function asInstallation(row: InstallationRow): Installation {
  return {
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? undefined } : undefined,
    enterprise: row.enterprise_id
      ? { id: row.enterprise_id, name: row.enterprise_name ?? undefined }
      : undefined,
    user: { id: '', token: undefined, scopes: undefined },
    bot: {
      id: row.bot_id,
      userId: row.bot_user_id,
      token: row.bot_token,
      scopes: row.bot_scopes.split(',').filter(Boolean),
      refreshToken: row.bot_refresh_token ?? undefined,
      expiresAt: row.bot_token_expires_at ? Math.floor(row.bot_token_expires_at.getTime() / 1000) : undefined,
    },
    appId: row.app_id ?? undefined,
    isEnterpriseInstall: row.is_enterprise_install,
    authVersion: 'v2',
    tokenType: 'bot',
  } as Installation;
}
