import http from 'node:http';
import type { Logger } from '../logger';
import { type AdmissionLimit, attachSlot } from './admission';
import { checkSlackRequest, type EnvelopeRules, type Surface } from './slack-envelope';

export interface HttpRoutes {
  /** POST /slack/events, once the app is ready; until then 503 so Slack retries later. */
  slack(): http.RequestListener | undefined;
  /** What a Slack request must pass before Bolt sees it (signature, envelope). */
  envelope: EnvelopeRules;
  /** true when ready; false, or the reason (said in the answer), when not. */
  ready(): Promise<boolean | string>;
  /** GET /metrics; undefined answers 404. */
  metrics?: http.RequestListener;
  /**
   * Installation through OAuth: GET /slack/install and GET /slack/oauth_redirect, by path. Absent
   * in single-token mode (404); undefined until the database is up (503).
   */
  oauth?(): Record<string, http.RequestListener> | undefined;
  /** Extra routes (the sandbox's page and API) keyed by path; they check their own methods. */
  extra?: Record<string, http.RequestListener>;
  /** Bounds the Slack requests being handled at once (see admission.ts). */
  admission?: AdmissionLimit;
  /** Called when the answer to a Slack request has been sent (ack latency). */
  onSlackAnswered?(surface: Surface, status: number, seconds: number): void;
  /** Called when a request ended before its body did: the client left, or our time limit cut it. */
  onAborted?(reason: AbortReason): void;
}

export type AbortReason = 'client' | 'timeout';

/**
 * Timeouts set on purpose: a client that sends its headers or body slowly (or never) is cut off
 * instead of holding a socket and its buffers for ever. Slack sends small bodies at once.
 */
export interface HttpTimeouts {
  /** Whole request (headers and body) received within this. */
  requestMs: number;
  headersMs: number;
  /** Idle keep-alive sockets; above a load balancer's idle timeout (often 60 s) avoids 502s. */
  keepAliveMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  requestMs: 15_000,
  headersMs: 10_000,
  keepAliveMs: 65_000,
};

/**
 * The process's one HTTP server: health probes, metrics, then Slack's endpoint. It exists in
 * Socket Mode too, so probes work the same whichever way Slack reaches us. No request can throw
 * out of it: an unexpected error is logged and answered 500.
 */
export function createHttpServer(
  routes: HttpRoutes,
  logger: Logger,
  timeouts: HttpTimeouts = DEFAULT_HTTP_TIMEOUTS,
): http.Server {
  const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = pathOf(req.url);
    const method = req.method ?? '';
    if (path === '/healthz' || path === '/readyz' || path === '/metrics') {
      if (method !== 'GET' && method !== 'HEAD')
        return sendJson(res, 405, { error: 'method not allowed' }, 'GET');
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (path === '/metrics')
        return routes.metrics ? routes.metrics(req, res) : sendJson(res, 404, notFound);
      routes.ready().then(
        (ok) =>
          sendJson(
            res,
            ok === true ? 200 : 503,
            ok === true
              ? { status: 'ready' }
              : { status: 'not ready', ...(typeof ok === 'string' ? { reason: ok } : {}) },
          ),
        () => sendJson(res, 503, { status: 'not ready' }),
      );
      return;
    }
    if (path === '/slack/events') {
      if (method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' }, 'POST');
      return handleSlack(req, res);
    }
    if ((path === '/slack/install' || path === '/slack/oauth_redirect') && routes.oauth) {
      const listener = routes.oauth()?.[path];
      return listener ? listener(req, res) : sendJson(res, 503, { error: 'starting' });
    }
    const extra = routes.extra?.[path];
    if (extra) return extra(req, res);
    sendJson(res, 404, notFound);
  };

  const handleSlack = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const listener = routes.slack();
    if (!listener) return sendJson(res, 503, { error: 'starting' });
    const started = process.hrtime.bigint();
    let surface: Surface = 'unverified';
    res.on('finish', () =>
      routes.onSlackAnswered?.(surface, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9),
    );
    checkSlackRequest(req, routes.envelope)
      .then(async (check) => {
        if (!check.ok) return sendJson(res, check.status, { error: check.error });
        surface = check.surface;
        if (routes.admission) attachSlot(req, res, await routes.admission.admit());
        listener(req, res);
      })
      .catch((err) => fail(req, res, err));
  };

  // Sockets our own request time limit cut off: their requests end as "aborted" too.
  const timedOut = new WeakSet<object>();

  const fail = (req: http.IncomingMessage, res: http.ServerResponse, err: unknown): void => {
    // A client going away is not our failure: counted, and logged only for debugging.
    if (!req.complete && (req.destroyed || (err as { code?: string }).code === 'ECONNRESET')) {
      const reason: AbortReason = timedOut.has(req.socket) ? 'timeout' : 'client';
      routes.onAborted?.(reason);
      logger.debug({ reason, path: pathOf(req.url) }, 'HTTP request ended before its body');
      if (!res.headersSent && !res.destroyed) sendJson(res, 400, { error: 'incomplete request' });
      return;
    }
    logger.error(
      { err, method: req.method, path: pathOf(req.url) },
      'unexpected error answering an HTTP request',
    );
    if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    else res.destroy();
  };

  const server = http.createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // How often Node looks for requests past their timeouts (default 30 s, too coarse).
      connectionsCheckingInterval: Math.min(1000, timeouts.requestMs),
    },
    (req, res) => {
      try {
        route(req, res);
      } catch (err) {
        fail(req, res, err);
      }
    },
  );
  server.on('clientError', (err, socket) => {
    logger.debug({ err }, 'bad HTTP request from a client');
    const cut = (err as { code?: string }).code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (cut) timedOut.add(socket);
    const status = cut ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}

const notFound = { error: 'not found' };

/** The path without the query string; an unparsable URL is no route of ours. */
function pathOf(url: string | undefined): string {
  if (!url || !URL.canParse(url, 'http://localhost')) return '';
  return new URL(url, 'http://localhost').pathname;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, allow?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(allow ? { allow } : {}) });
  res.end(JSON.stringify(body));
}

export function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stop accepting connections and wait for requests in flight to finish. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
