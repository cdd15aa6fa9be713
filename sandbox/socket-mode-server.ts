import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

type Json = Record<string, unknown>;

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

interface Pending {
  envelope: Json;
  sentOn?: WebSocket;
  resolve(ack: Json): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Slack's side of Socket Mode, on the stand-in's port: `apps.connections.open` hands out a
 * one-time `ws://` URL; a connection gets `hello`, then envelopes (`slash_commands`,
 * `interactive`, `events_api`) whose acknowledgement — with its payload — comes back on the
 * socket. Like Slack, it re-sends an envelope left unacknowledged when its connection went away,
 * asks a client to reconnect with `disconnect` (`refresh_requested`), and pings the client.
 */
export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, Pending>();
  private readonly tickets = new Set<string>();
  private readonly pinger: NodeJS.Timeout;
  /** Connections opened so far (a reconnect makes it grow). */
  opened = 0;

  constructor(
    server: http.Server,
    private readonly baseUrl: () => string,
    private readonly appId = 'A0TEST',
  ) {
    server.on('upgrade', (req, socket, head) => {
      const ticket = /^\/socket\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      if (!ticket || !this.tickets.delete(ticket)) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
    // Slack pings its clients; @slack/socket-mode reconnects when the pings stop.
    this.pinger = setInterval(() => {
      for (const ws of this.sockets) ws.ping();
    }, 5000);
    this.pinger.unref();
  }

  /** What `apps.connections.open` answers: a URL good for one connection. */
  connectionUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.baseUrl().replace(/^http/, 'ws')}/socket/${ticket}`;
  }

  /** Open connections now. */
  get connected(): number {
    return this.sockets.size;
  }

  /**
   * Sends an envelope and resolves with the client's acknowledgement (`{envelope_id, payload?}`).
   * With no connection open it waits for the next one; no acknowledgement in `timeoutMs` rejects.
   */
  send(
    type: EnvelopeType,
    payload: Json,
    opts: { retryAttempt?: number; retryReason?: string; timeoutMs?: number } = {},
  ): Promise<Json> {
    const envelope: Json = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      retry_attempt: opts.retryAttempt ?? 0,
      retry_reason: opts.retryReason ?? '',
    };
    const id = String(envelope.envelope_id);
    return new Promise<Json>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no acknowledgement of the ${type} envelope within ${opts.timeoutMs ?? 3000} ms`));
      }, opts.timeoutMs ?? 3000);
      const p: Pending = { envelope, resolve, reject, timer };
      this.pending.set(id, p);
      this.transmit(p);
    });
  }

  /** Asks every client to reconnect, as Slack does; the old connection closes soon after. */
  disconnect(
    reason: 'refresh_requested' | 'warning' | 'link_disabled' = 'refresh_requested',
    closeAfterMs = 500,
  ) {
    for (const ws of [...this.sockets]) {
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'stand-in' } }));
      setTimeout(() => ws.close(), closeAfterMs).unref();
    }
  }

  close(): void {
    clearInterval(this.pinger);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error('the stand-in stopped'));
    }
    this.pending.clear();
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    this.opened++;
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'stand-in', approximate_connection_time: 3600 },
        connection_info: { app_id: this.appId },
      }),
    );
    ws.on('message', (data) => {
      let message: Json;
      try {
        message = JSON.parse(String(data)) as Json;
      } catch {
        return;
      }
      const p = this.pending.get(String(message.envelope_id));
      if (!p) return;
      this.pending.delete(String(message.envelope_id));
      clearTimeout(p.timer);
      p.resolve(message);
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      // What that connection left unacknowledged goes out again on the next one.
      for (const p of this.pending.values()) if (p.sentOn === ws) this.transmit(p, true);
    });
    for (const p of this.pending.values()) if (!p.sentOn) this.transmit(p);
  }

  /** On the newest open connection; a re-send says so, as Slack's retries do. */
  private transmit(p: Pending, retry = false): void {
    const ws = [...this.sockets].filter((s) => s.readyState === s.OPEN).at(-1);
    p.sentOn = ws;
    if (!ws) return;
    if (retry)
      p.envelope = {
        ...p.envelope,
        retry_attempt: Number(p.envelope.retry_attempt) + 1,
        retry_reason: 'timeout',
      };
    ws.send(JSON.stringify(p.envelope));
  }
}
