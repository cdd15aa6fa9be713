import type http from 'node:http';
import { InstallProvider } from '@slack/oauth';
import type { Database } from '../../db/client';
import { boltLogger, type Logger } from '../../logger';
import { failedPage, installedPage, installPage } from './pages';
import type { InstallationRow } from './repository';
import { BOT_SCOPES } from './scopes';
import { databaseInstallationStore } from './store';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface OAuthRoutesOptions {
  db: Database;
  logger: Logger;
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** SLACK_API_URL: the Web API calls and, from its origin, the authorize page go there. */
  apiUrl?: string;
  /** An installation was stored (the service can start its Slack work). */
  onInstalled(installation: InstallationRow): Promise<void> | void;
}

/**
 * GET /slack/install (the "Add to Slack" page, which sets the state cookie) and
 * GET /slack/oauth_redirect (Slack sends the browser back here), through @slack/oauth's
 * InstallProvider. The state is signed with SLACK_STATE_SECRET and must match the browser's
 * cookie, so a forged or replayed callback stores nothing; every failure is a page saying why.
 */
export function oauthRoutes(opts: OAuthRoutesOptions): Record<string, http.RequestListener> {
  const { logger } = opts;
  const provider = new InstallProvider({
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    stateSecret: opts.stateSecret,
    installationStore: databaseInstallationStore(opts.db, opts.onInstalled),
    installUrlOptions: { scopes: [...BOT_SCOPES] },
    renderHtmlForInstallPath: installPage,
    authorizationUrl: authorizationUrlOf(opts.apiUrl),
    logger: boltLogger(logger.child({ component: 'oauth' })),
    clientOptions: {
      ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
      retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1000 },
      timeout: 10_000,
    },
  });

  const getOnly =
    (handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>): http.RequestListener =>
    (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' });
        res.end('method not allowed');
        return;
      }
      handle(req, res).catch((err) => {
        logger.error({ err, path: req.url?.split('?')[0] }, 'the installation page failed');
        if (!res.headersSent) sendHtml(res, failedPage(err as never));
      });
    };

  return {
    [INSTALL_PATH]: getOnly((req, res) => provider.handleInstallPath(req, res)),
    [REDIRECT_PATH]: getOnly((req, res) =>
      provider.handleCallback(req, res, {
        successAsync: async (installation, _options, _req, callbackRes) => {
          const where = installation.isEnterpriseInstall
            ? `the organisation ${installation.enterprise?.name ?? installation.enterprise?.id ?? ''}`
            : `the workspace ${installation.team?.name ?? installation.team?.id ?? ''}`;
          logger.info(
            {
              enterprise: installation.enterprise?.id,
              team: installation.team?.id,
              orgWide: installation.isEnterpriseInstall === true,
              rotation: installation.bot?.expiresAt !== undefined,
            },
            'the app was installed',
          );
          sendHtml(callbackRes, { status: 200, html: installedPage(where.trim()) });
        },
        failureAsync: async (error, _options, _req, callbackRes) => {
          const slackError = (error as { data?: { error?: string } }).data?.error;
          logger.warn({ code: error.code, slackError }, 'an installation callback was refused');
          sendHtml(callbackRes, failedPage(error));
        },
      }),
    ),
  };
}

/** Slack's authorize page lives beside its Web API: <origin of SLACK_API_URL>/oauth/v2/authorize. */
export function authorizationUrlOf(apiUrl: string | undefined): string {
  return `${new URL(apiUrl ?? 'https://slack.com/api/').origin}/oauth/v2/authorize`;
}

function sendHtml(res: http.ServerResponse, page: { status: number; html: string }): void {
  if (res.headersSent) return;
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page.html);
}
