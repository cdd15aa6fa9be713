import type { Database } from '../../db/client';
import { countInstallations, deleteInstallation, installKey } from './repository';

/** Where an app_uninstalled or tokens_revoked event came from, as Bolt's context says. */
export interface InstallSource {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

/**
 * Removes the installation an uninstall (or revocation) was about: the organisation's for an
 * org-wide install, else the workspace's. Returns how many installations remain, so the caller
 * stops Slack work only when none does.
 */
export async function removeInstallationOf(
  db: Database,
  source: InstallSource,
): Promise<{ removed: string | undefined; remaining: number }> {
  const key =
    source.isEnterpriseInstall && source.enterpriseId
      ? installKey({ enterpriseId: source.enterpriseId })
      : source.teamId
        ? installKey({ teamId: source.teamId })
        : undefined;
  const removed = key && (await deleteInstallation(db, key)) ? key : undefined;
  return { removed, remaining: await countInstallations(db) };
}
