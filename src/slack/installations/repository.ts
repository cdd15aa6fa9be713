import type { Selectable } from 'kysely';
import type { Database } from '../../db/client';
import type { InstallationsTable } from '../../db/schema';

export type InstallationRow = Selectable<InstallationsTable>;

/** Who an installation is for: an organisation (org-wide install) or one workspace. */
export type InstallTarget = { enterpriseId: string } | { teamId: string };

/** The row's key: 'E:<enterprise id>' for an org-wide install, 'T:<team id>' for a workspace. */
export function installKey(target: InstallTarget): string {
  return 'enterpriseId' in target ? `E:${target.enterpriseId}` : `T:${target.teamId}`;
}

export interface InstallationValues {
  enterpriseId?: string;
  enterpriseName?: string;
  teamId?: string;
  teamName?: string;
  isEnterpriseInstall: boolean;
  appId?: string;
  botId: string;
  botUserId: string;
  botToken: string;
  botScopes: string[];
  botRefreshToken?: string;
  botTokenExpiresAt?: Date;
}

/** An install, or a reinstall of the same workspace or organisation (which replaces its tokens). */
export async function saveInstallation(db: Database, v: InstallationValues, now: Date): Promise<void> {
  const target: InstallTarget =
    v.isEnterpriseInstall && v.enterpriseId ? { enterpriseId: v.enterpriseId } : { teamId: v.teamId ?? '' };
  const values = {
    enterprise_id: v.enterpriseId ?? null,
    enterprise_name: v.enterpriseName ?? null,
    team_id: v.isEnterpriseInstall ? null : (v.teamId ?? null),
    team_name: v.isEnterpriseInstall ? null : (v.teamName ?? null),
    is_enterprise_install: v.isEnterpriseInstall,
    app_id: v.appId ?? null,
    bot_id: v.botId,
    bot_user_id: v.botUserId,
    bot_token: v.botToken,
    bot_scopes: v.botScopes.join(','),
    bot_refresh_token: v.botRefreshToken ?? null,
    bot_token_expires_at: v.botTokenExpiresAt ?? null,
    updated_at: now,
  };
  await db
    .insertInto('installations')
    .values({ install_key: installKey(target), installed_at: now, ...values })
    .onConflict((oc) => oc.column('install_key').doUpdateSet(values))
    .execute();
}

export async function findInstallation(db: Database, key: string): Promise<InstallationRow | undefined> {
  return db.selectFrom('installations').selectAll().where('install_key', '=', key).executeTakeFirst();
}

/** The row, locked until the transaction ends: the one replica refreshing its token holds it. */
export async function lockInstallation(trx: Database, key: string): Promise<InstallationRow | undefined> {
  return trx
    .selectFrom('installations')
    .selectAll()
    .where('install_key', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The deployment's installation, whose token the outbox and the jobs use: one deployment serves
 * one organisation's PMO, so the org-wide install when there is one, else the workspace
 * installed first.
 */
export async function deploymentInstallation(db: Database): Promise<InstallationRow | undefined> {
  return db
    .selectFrom('installations')
    .selectAll()
    .orderBy('is_enterprise_install', 'desc')
    .orderBy('installed_at')
    .orderBy('install_key')
    .limit(1)
    .executeTakeFirst();
}

export async function saveRefreshedToken(
  trx: Database,
  key: string,
  tokens: { botToken: string; refreshToken: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('installations')
    .set({
      bot_token: tokens.botToken,
      bot_refresh_token: tokens.refreshToken,
      bot_token_expires_at: tokens.expiresAt,
      updated_at: now,
    })
    .where('install_key', '=', key)
    .execute();
}

/** Removes an installation; true when there was one. */
export async function deleteInstallation(db: Database, key: string): Promise<boolean> {
  const res = await db.deleteFrom('installations').where('install_key', '=', key).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function countInstallations(db: Database): Promise<number> {
  const row = await db
    .selectFrom('installations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
