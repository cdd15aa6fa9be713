import type { AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import type { Logger } from '../../logger';
import {
  deploymentInstallation,
  findInstallation,
  type InstallationRow,
  installKey,
  lockInstallation,
  saveRefreshedToken,
} from './repository';
import { TokenUnavailable } from './token-unavailable';

/**
 * A rotated token is refreshed this long before it expires (Slack's tokens last 12 hours; the
 * same margin as @slack/oauth's own authorize).
 */
const REFRESH_MARGIN_MS = 2 * 60 * 60 * 1000;
/**
 * After a refresh token is refused (invalid_grant: used already, or revoked), asking again cannot
 * succeed until the app is reinstalled: wait this long between tries instead of asking on every call.
 */
const REFUSED_COOLDOWN_MS = 5 * 60 * 1000;
/** After any other failed refresh (Slack down), the next call may try again, but not sooner than this. */
const FAILED_COOLDOWN_MS = 1000;

export interface InstallationsOptions {
  db: Database;
  logger: Logger;
  clientId: string;
  clientSecret: string;
  apiUrl?: string;
}

/**
 * Tokens of the OAuth installations. Each Slack request is authorised with its workspace's
 * installation (or its organisation's, for an org-wide install); outgoing work (the outbox, the
 * jobs) uses the deployment's installation. Expiry is in Slack's time (the system clock), not
 * the app's clock, which tests and the sandbox move.
 *
 * Refresh tokens are single-use, so across replicas exactly one refresh may happen: the
 * refresher locks the row (SELECT … FOR UPDATE), reads it again and, if another replica has
 * refreshed meanwhile, uses that token. Within a process, callers share one refresh.
 */
export class Installations {
  private readonly oauthClient: WebClient;
  private readonly refreshing = new Map<string, Promise<InstallationRow>>();
  private readonly cooldown = new Map<string, { until: number; why: string }>();

  constructor(private readonly opts: InstallationsOptions) {
    // oauth.v2.access takes the client id and secret, no token; no retries of its own: a failed
    // refresh is retried by the next call.
    this.oauthClient = new WebClient(undefined, {
      ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
      retryConfig: { retries: 0 },
      timeout: 10_000,
    });
  }

  /** Bolt's `authorize`: the token of the workspace (or organisation) a request comes from. */
  readonly authorize = async (source: AuthorizeSourceData<boolean>): Promise<AuthorizeResult> => {
    const row = await this.forSource(source);
    if (!row) {
      throw new TokenUnavailable(
        'not_installed',
        `the app is not installed for ${source.enterpriseId ?? ''}${source.enterpriseId && source.teamId ? '/' : ''}${source.teamId ?? ''}`,
      );
    }
    const usable = await this.usable(row);
    return {
      botToken: usable.bot_token,
      botId: usable.bot_id,
      botUserId: usable.bot_user_id,
      teamId: source.teamId ?? usable.team_id ?? undefined,
      enterpriseId: usable.enterprise_id ?? source.enterpriseId ?? undefined,
    };
  };

  /** The deployment's token (see deploymentInstallation), refreshed when it is about to expire. */
  async deploymentToken(): Promise<string> {
    const row = await deploymentInstallation(this.opts.db);
    if (!row) throw new TokenUnavailable('not_installed', 'the app is not installed yet');
    return (await this.usable(row)).bot_token;
  }

  async installed(): Promise<boolean> {
    return (await deploymentInstallation(this.opts.db)) !== undefined;
  }

  /** An org-wide install serves every workspace of its organisation; else the workspace's own. */
  private async forSource(source: AuthorizeSourceData<boolean>): Promise<InstallationRow | undefined> {
    const { db } = this.opts;
    const org = source.enterpriseId
      ? () => findInstallation(db, installKey({ enterpriseId: source.enterpriseId! }))
      : undefined;
    if (source.isEnterpriseInstall && org) return org();
    const team = source.teamId
      ? await findInstallation(db, installKey({ teamId: source.teamId }))
      : undefined;
    return team ?? (await org?.());
  }

  private async usable(row: InstallationRow): Promise<InstallationRow> {
    if (!needsRefresh(row, Date.now())) return row;
    const key = row.install_key;
    const running = this.refreshing.get(key);
    if (running) return running;
    const refresh = this.refresh(key).finally(() => this.refreshing.delete(key));
    this.refreshing.set(key, refresh);
    return refresh;
  }

  private async refresh(key: string): Promise<InstallationRow> {
    const waiting = this.cooldown.get(key);
    if (waiting && Date.now() < waiting.until)
      throw new TokenUnavailable('refresh_failed', `the token could not be refreshed (${waiting.why})`);
    const { db, logger } = this.opts;
    try {
      const row = await db.transaction().execute(async (trx) => {
        const locked = await lockInstallation(trx, key);
        if (!locked) throw new TokenUnavailable('not_installed', 'the installation was removed');
        // Another replica refreshed while this one waited for the lock: its token is good.
        if (!needsRefresh(locked, Date.now())) return locked;
        const res = await this.oauthClient.oauth.v2.access({
          client_id: this.opts.clientId,
          client_secret: this.opts.clientSecret,
          grant_type: 'refresh_token',
          refresh_token: locked.bot_refresh_token ?? '',
        });
        if (!res.access_token || !res.refresh_token || !res.expires_in)
          throw new Error('oauth.v2.access answered without a token');
        const now = new Date();
        const tokens = {
          botToken: res.access_token,
          refreshToken: res.refresh_token,
          expiresAt: new Date(now.getTime() + res.expires_in * 1000),
        };
        await saveRefreshedToken(trx, key, tokens, now);
        return {
          ...locked,
          bot_token: tokens.botToken,
          bot_refresh_token: tokens.refreshToken,
          bot_token_expires_at: tokens.expiresAt,
          updated_at: now,
        };
      });
      this.cooldown.delete(key);
      logger.info({ installation: key, expiresAt: row.bot_token_expires_at }, 'Slack token refreshed');
      return row;
    } catch (err) {
      if (err instanceof TokenUnavailable) throw err;
      const error = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
      const refused = error === 'invalid_grant' || error === 'invalid_refresh_token';
      this.cooldown.set(key, {
        until: Date.now() + (refused ? REFUSED_COOLDOWN_MS : FAILED_COOLDOWN_MS),
        why: error,
      });
      // Never the token: only which installation and Slack's error code.
      logger.error(
        { installation: key, error },
        refused
          ? 'Slack refused to refresh the token (the refresh token was used already or revoked); reinstall the app if this lasts'
          : 'Slack token refresh failed; it is tried again on the next call',
      );
      throw new TokenUnavailable('refresh_failed', `the token could not be refreshed (${error})`);
    }
  }
}

/** A rotated token (it has an expiry) that expires within the margin. */
export function needsRefresh(
  row: Pick<InstallationRow, 'bot_refresh_token' | 'bot_token_expires_at'>,
  nowMs: number,
): boolean {
  if (!row.bot_refresh_token || !row.bot_token_expires_at) return false;
  return row.bot_token_expires_at.getTime() - nowMs <= REFRESH_MARGIN_MS;
}
