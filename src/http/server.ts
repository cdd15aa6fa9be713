import http from 'node:http';
import type { Logger } from '../logger';
import { type AdmissionLimit, attachSlot } from './admission';
import { bufferAndCheckSlackBody } from './slack-envelope';

export interface HttpRoutes {
  /** POST /slack/events, once the app is ready; until then 503 so Slack retries later. */
  slack(): http.RequestListener | undefined;
  ready(): Promise<boolean>;
  /** Extra routes (metrics, sandbox) keyed by path. */
  extra?: Record<string, http.RequestListener>;
  /** Bounds the Slack requests being handled at once (see admission.ts). */
  admission?: AdmissionLimit;
  /** Called when the answer to a Slack request has been sent (ack latency). */
  onSlackAnswered?(req: http.IncomingMessage, status: number, seconds: number): void;
}

/**
 * The process's one HTTP server: health probes, then Slack's endpoint. It exists in Socket
 * Mode too, so probes work the same whichever way Slack reaches us.
 */
export function createHttpServer(routes: HttpRoutes, logger: Logger): http.Server {
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && url === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url === '/readyz') {
      routes.ready().then(
        (ok) => sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unavailable' }),
        () => sendJson(res, 503, { status: 'database unavailable' }),
      );
      return;
    }
    if (url === '/slack/events') {
      const listener = routes.slack();
      if (!listener) return sendJson(res, 503, { error: 'starting' });
      const started = process.hrtime.bigint();
      res.on('finish', () =>
        routes.onSlackAnswered?.(req, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9),
      );
      bufferAndCheckSlackBody(req).then(
        async (check) => {
          if (check !== 'ok') return sendJson(res, check === 'too_large' ? 413 : 400, { error: check });
          if (routes.admission) attachSlot(req, res, await routes.admission.admit());
          listener(req, res);
        },
        () => sendJson(res, 400, { error: 'unreadable body' }),
      );
      return;
    }
    const extra = url ? routes.extra?.[url] : undefined;
    if (extra) return extra(req, res);
    sendJson(res, 404, { error: 'not found' });
  });
  server.on('clientError', (err, socket) => {
    logger.debug({ err }, 'bad HTTP request from a client');
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  return server;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
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
