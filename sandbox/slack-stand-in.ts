import http from 'node:http';
import { BOT_SCOPES } from '../src/slack/installations/scopes';
import { type Surface, validateSurface } from '../src/slack/kit/limits';
import { SocketModeServer } from './socket-mode-server';

/**
 * A stand-in for Slack's Web API on loopback: the tests' fake Slack and the sandbox's Slack.
 * It answers as Slack does — `{ok:false,error}` on HTTP 200, 429 with Retry-After, 5xx on
 * demand, `expired_trigger_id` for a trigger older than 3 s or used twice — keeps the messages
 * posted and the views opened, and records every call. Any payload outside the Block Kit
 * limits is answered `invalid_blocks` and kept in `violations`, which the test harness asserts
 * empty after every test and the sandbox page shows.
 *
 * It lives in src/ (not test/) because the sandbox runs it in production code; the tests
 * import it through test/support/fake-slack.ts under its historical name, FakeSlack.
 */

type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  name?: string;
  tz?: string;
  deleted?: boolean;
  /** Their Slack language, e.g. fr-FR (en-US when unset); users.info gives it with include_locale. */
  locale?: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: Json[];
  thread_ts?: string;
  metadata?: Json;
  user: string;
  /** The user id the message was addressed to when posted by user id (a DM). */
  dmUser?: string;
  /** Files shared with the message (files.completeUploadExternal), by id. */
  files?: string[];
  updates: number;
}

/**
 * A file as Slack keeps it after the three-step upload: files.getUploadURLExternal (name, length,
 * alt text), the bytes POSTed to the returned upload_url, then files.completeUploadExternal
 * sharing it into a channel (or a thread). Until completed it is `pending` and shown nowhere.
 */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length announced in step one; the upload must match it. */
  length: number;
  altText?: string;
  title?: string;
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  channel?: string;
  threadTs?: string;
  initialComment?: string;
  shared: boolean;
}

export interface FakeView {
  id: string;
  /** Who sees it: the user the trigger belonged to, or the Home tab's owner. */
  user: string;
  view: Json;
  hash: string;
  kind: 'modal' | 'home';
  stack: string[];
}

/** A message only one person sees (chat.postEphemeral, a slash command's reply, a response_url post). */
export interface FakeEphemeral {
  channel: string;
  user: string;
  text?: string;
  blocks?: Json[];
  /** Set by the stand-in; identifies the ephemeral message for replace_original and dismissal. */
  ts?: string;
}

/** What a response_url issued by `responseUrl()` belongs to (as Slack knows it). */
export interface ResponseContext {
  user: string;
  channel: string;
  /** The message the click came from: `replace_original` / `delete_original` act on it. */
  messageTs?: string;
  /** True when that message is an ephemeral one. */
  ephemeral?: boolean;
}

export interface StandInOptions {
  /** The bot token the app must present. Tests use xoxb-test-token; the sandbox a random one. */
  token?: string;
  /** The app's OAuth client id and secret (oauth.v2.access checks them). */
  oauthClient?: { id: string; secret: string };
  /** The app-level token that opens Socket Mode connections (xapp-test-token by default). */
  appToken?: string;
}

export interface RecordedCall {
  method: string;
  args: Json;
  status: number;
  response: Json;
  at: number;
  /** The token the call was made with (a workflow step's calls use its execution's token). */
  token?: string;
}

/** A workflow step's completion (functions.completeSuccess / completeError), as Slack records it. */
export interface FunctionCompletion {
  executionId: string;
  outcome: 'success' | 'error';
  outputs?: Json;
  error?: string;
  token: string;
}

interface Failure {
  status: number;
  error?: string;
  retryAfter?: number;
  remaining: number;
}

/**
 * Who the next installation through the authorize page is for, as the installing person picks
 * in Slack: a workspace (maybe of an organisation), or the whole organisation (org-wide), or
 * they press Cancel (`deny`). `expiresIn` turns token rotation on (seconds the token lives).
 */
export interface InstallChoice {
  team?: { id: string; name: string };
  enterprise?: { id: string; name: string };
  orgWide?: boolean;
  deny?: boolean;
  expiresIn?: number;
}

/** A bot token issued through OAuth, and the installation it belongs to. */
export interface IssuedToken {
  token: string;
  teamId?: string;
  enterpriseId?: string;
  orgWide: boolean;
  /** Epoch ms; unset when rotation is off. */
  expiresAt?: number;
  revoked: boolean;
}

interface Grant {
  choice: InstallChoice;
  redirectUri?: string;
  used: boolean;
}

/** A canvas as the stand-in keeps it: sections, each a heading and what follows it (or text before any heading). */
export interface FakeCanvas {
  id: string;
  /** The channel whose canvas tab it is (conversations.canvases.create, or canvases.create with channel_id). */
  channel?: string;
  title?: string;
  sections: { id: string; markdown: string }[];
  edits: number;
}

export const BOT_USER_ID = 'UPMOBOT';

/** Methods that only read: they do not change what a person would see. */
const READ_ONLY = new Set([
  'auth.test',
  'oauth.v2.access',
  'files.getUploadURLExternal',
  'functions.completeSuccess',
  'functions.completeError',
  'users.info',
  'conversations.open',
  'conversations.history',
  'chat.getPermalink',
  'canvases.sections.lookup',
]);

export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: FakeEphemeral[] = [];
  readonly views = new Map<string, FakeView>();
  readonly responses: { path: string; body: Json }[] = [];
  readonly violations: string[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Every file announced through files.getUploadURLExternal, shared or not, by id. */
  readonly files = new Map<string, FakeFile>();
  /** Workflow steps completed, in order. */
  readonly completions: FunctionCompletion[] = [];
  /** Canvases by id, and the messages pinned (pins.add), in order. */
  readonly canvases = new Map<string, FakeCanvas>();
  readonly pins: { channel: string; ts: string }[] = [];
  /** Conversations the app is not a member of: posting or reading there is `not_in_channel`. */
  readonly notInChannels = new Set<string>();
  /**
   * The scopes the installation granted, sent back as X-OAuth-Scopes like Slack does: the ones the
   * app asks for (a test may take one away).
   */
  scopes: string[] = [...BOT_SCOPES];
  /** Per-execution tokens of workflow steps (bot_access_token), by token. */
  private readonly functionTokens = new Map<string, string>();
  /** How long a trigger_id lives. Slack's is 3 s. */
  triggerTtlMs = 3000;
  private readonly latencies = new Map<string, number>();
  private readonly triggers = new Map<string, { user: string; issuedAt: number; used: boolean }>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly limits = new Map<
    string,
    { limit: number; windowMs: number; retryAfter: number; hits: number[] }
  >();
  private readonly responseContexts = new Map<string, ResponseContext>();
  private readonly listeners = new Set<() => void>();
  private readonly token: string;
  private readonly appToken: string;
  private readonly oauthClient: { id: string; secret: string };
  /** Bot tokens issued through OAuth (installs and refreshes), by token. */
  readonly issuedTokens = new Map<string, IssuedToken>();
  /** Refresh tokens: single-use, each for one installation. */
  private readonly refreshTokens = new Map<
    string,
    { used: boolean; issued: IssuedToken; expiresIn: number }
  >();
  private readonly grants = new Map<string, Grant>();
  /** Who the authorize page installs for next (a test or the sandbox sets it). */
  installChoice: InstallChoice = { team: { id: 'T0TEST', name: 'Test' } };
  /** The app's redirect URL as configured in its Slack settings (used when the link names none). */
  oauthRedirectUrl = '';
  /** How long a refreshed token lives (Slack: 12 hours). */
  refreshedTokenLifetimeSeconds = 43_200;
  private server?: http.Server;
  /** Slack's Socket Mode side, for an app started with an app-level token. */
  socketMode!: SocketModeServer;
  private seq = 0;
  private tsCounter = 0;
  url = '';
  /** Grows on every change a person could see (a message, a view, an ephemeral reply). */
  version = 0;

  constructor(opts: StandInOptions = {}) {
    this.token = opts.token ?? 'xoxb-test-token';
    this.appToken = opts.appToken ?? 'xapp-test-token';
    this.oauthClient = opts.oauthClient ?? { id: 'test-client-id', secret: 'test-client-secret' };
  }

  /** Slack revokes the tokens of an installation (uninstall, or an admin revoking them). */
  revokeInstallation(target: { teamId?: string; enterpriseId?: string }): void {
    for (const t of this.issuedTokens.values()) {
      if (target.teamId && t.teamId === target.teamId && !t.orgWide) t.revoked = true;
      if (target.enterpriseId && t.orgWide && t.enterpriseId === target.enterpriseId) t.revoked = true;
    }
  }

  /**
   * The authorize page (GET /oauth/v2/authorize): the person approves, and Slack sends the
   * browser back to the redirect URL with a one-time code and the state; or they cancel, and it
   * comes back with error=access_denied (and the state).
   */
  private authorizePage(url: URL, res: http.ServerResponse): void {
    const state = url.searchParams.get('state');
    const redirect = url.searchParams.get('redirect_uri') ?? this.oauthRedirectUrl;
    if (url.searchParams.get('client_id') !== this.oauthClient.id || !redirect) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('invalid_client_id or no redirect URL');
      return;
    }
    const back = new URL(redirect);
    if (this.installChoice.deny) back.searchParams.set('error', 'access_denied');
    else {
      const code = `code-${Date.now()}-${++this.seq}`;
      this.grants.set(code, {
        choice: { ...this.installChoice },
        redirectUri: url.searchParams.get('redirect_uri') ?? undefined,
        used: false,
      });
      back.searchParams.set('code', code);
    }
    if (state !== null) back.searchParams.set('state', state);
    this.calls.push({
      method: 'oauth/v2/authorize',
      args: Object.fromEntries(url.searchParams),
      status: 302,
      response: {},
      at: Date.now(),
    });
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  private issueBotToken(
    choice: InstallChoice,
    expiresIn: number | undefined,
  ): { issued: IssuedToken; refreshToken?: string } {
    const orgWide = choice.orgWide === true && choice.enterprise !== undefined;
    const owner = orgWide ? choice.enterprise!.id : (choice.team?.id ?? 'T0TEST');
    const n = ++this.seq;
    // Rotating tokens look like Slack's: xoxe.xoxb-… with a refresh token xoxe-….
    const token = expiresIn ? `xoxe.xoxb-1-${owner}-${n}` : `xoxb-${owner}-${n}`;
    const issued: IssuedToken = {
      token,
      teamId: orgWide ? undefined : choice.team?.id,
      enterpriseId: choice.enterprise?.id,
      orgWide,
      expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
      revoked: false,
    };
    this.issuedTokens.set(token, issued);
    if (!expiresIn) return { issued };
    const refreshToken = `xoxe-1-${owner}-${n}-refresh`;
    this.refreshTokens.set(refreshToken, { used: false, issued, expiresIn });
    return { issued, refreshToken };
  }

  /** oauth.v2.access: a code grant (an install) or a refresh grant (token rotation). */
  private oauthAccess(a: Json): Json {
    if (a.client_id !== this.oauthClient.id || a.client_secret !== this.oauthClient.secret)
      throw new Error('invalid_client');
    const choiceOf = (t: IssuedToken): InstallChoice => ({
      team: t.teamId ? { id: t.teamId, name: t.teamId } : undefined,
      enterprise: t.enterpriseId ? { id: t.enterpriseId, name: t.enterpriseId } : undefined,
      orgWide: t.orgWide,
    });
    if (a.grant_type === 'refresh_token') {
      const refresh = this.refreshTokens.get(String(a.refresh_token ?? ''));
      if (!refresh || refresh.used || refresh.issued.revoked) throw new Error('invalid_grant');
      refresh.used = true;
      const choice = choiceOf(refresh.issued);
      const { issued, refreshToken } = this.issueBotToken(choice, this.refreshedTokenLifetimeSeconds);
      return {
        ...this.installationFields(choice, issued),
        refresh_token: refreshToken,
        expires_in: this.refreshedTokenLifetimeSeconds,
      };
    }
    const grant = this.grants.get(String(a.code ?? ''));
    if (!grant || grant.used) throw new Error('invalid_code');
    if (grant.redirectUri !== undefined && a.redirect_uri !== grant.redirectUri)
      throw new Error('bad_redirect_uri');
    grant.used = true;
    const { issued, refreshToken } = this.issueBotToken(grant.choice, grant.choice.expiresIn);
    return {
      ...this.installationFields(grant.choice, issued),
      authed_user: { id: 'UINSTALLER' },
      ...(refreshToken ? { refresh_token: refreshToken, expires_in: grant.choice.expiresIn } : {}),
    };
  }

  private installationFields(choice: InstallChoice, issued: IssuedToken): Json {
    return {
      ok: true,
      app_id: 'A0TEST',
      access_token: issued.token,
      token_type: 'bot',
      scope: this.scopes.join(','),
      bot_user_id: BOT_USER_ID,
      // An org-wide install belongs to the organisation: no team.
      team: issued.orgWide ? null : (choice.team ?? { id: 'T0TEST', name: 'Test' }),
      enterprise: choice.enterprise ?? null,
      is_enterprise_install: issued.orgWide,
    };
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}`;
    this.socketMode = new SocketModeServer(this.server, () => this.url);
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.socketMode.close();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** Called after every visible change; returns a function that unsubscribes. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a visible change made from outside the Web API (e.g. a modal closed by a response_action). */
  changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /**
   * A response_url for a command or a click, as Slack would put in the payload. Posts to it are
   * kept in `responses` and, like Slack, shown: ephemeral to `user` by default, in the channel
   * with `response_type: in_channel`, or replacing / deleting the message the click came from.
   */
  responseUrl(context: ResponseContext): string {
    const id = `${Date.now()}-${++this.seq}`;
    this.responseContexts.set(id, context);
    return `${this.url}/respond/${id}`;
  }

  /** Ephemeral messages shown to one person, oldest first. */
  ephemeralsFor(user: string): FakeEphemeral[] {
    return this.ephemerals.filter((e) => e.user === user);
  }

  /** A person closes an ephemeral message ("Dismiss"). */
  dismissEphemeral(user: string, ts: string): void {
    const i = this.ephemerals.findIndex((e) => e.user === user && e.ts === ts);
    if (i >= 0) {
      this.ephemerals.splice(i, 1);
      this.changed();
    }
  }

  /** Keeps a reply only one person sees (a slash command's acknowledgement body, for instance). */
  addEphemeral(e: FakeEphemeral): FakeEphemeral {
    const kept = { ...e, ts: e.ts ?? this.nextTs() };
    this.ephemerals.push(kept);
    this.changed();
    return kept;
  }

  /** A message a person typed (the sandbox's message box): kept like the app's own posts. */
  postAs(user: string, channel: string, text: string, threadTs?: string): FakeMessage {
    const msg: FakeMessage = {
      channel,
      ts: this.nextTs(),
      text,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      user,
      ...(channel === `D${user}` ? { dmUser: user } : {}),
      updates: 0,
    };
    this.messages.push(msg);
    this.changed();
    return msg;
  }

  messageAt(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** The user's modals, bottom of the stack first. */
  modalStackOf(user: string): FakeView[] {
    return [...this.views.values()].filter((v) => v.kind === 'modal' && v.user === user);
  }

  /**
   * What Slack does with the answer to a view_submission: nothing more than closing the view
   * (empty answer), replacing it (`update`), stacking a new one (`push`), closing them all
   * (`clear`); `errors` leaves it open. A view outside the limits is recorded in `violations`
   * and changes nothing (false), as Slack refuses it.
   */
  applyViewResponse(viewId: string, answer: Json): boolean {
    try {
      this.applyViewAnswer(viewId, answer);
      return true;
    } catch {
      return false;
    }
  }

  private applyViewAnswer(viewId: string, answer: Json): void {
    const v = this.views.get(viewId);
    if (!v) return;
    const action = answer.response_action;
    if (action === 'errors') return;
    if (action === 'update' && answer.view) {
      const view = answer.view as Json;
      this.checkBlocks('modal', view, 'response_action:update');
      v.view = view;
      v.hash = `h${++this.seq}`;
    } else if (action === 'push' && answer.view) {
      const view = answer.view as Json;
      this.checkBlocks('modal', view, 'response_action:push');
      const id = `V${++this.seq}`;
      this.views.set(id, { id, user: v.user, view, hash: `h${this.seq}`, kind: 'modal', stack: [] });
    } else if (action === 'clear') {
      for (const m of this.modalStackOf(v.user)) this.views.delete(m.id);
    } else {
      this.views.delete(viewId);
    }
    this.changed();
  }

  /** A person closes a modal with its close button (or the ×). */
  closeView(viewId: string): void {
    if (this.views.delete(viewId)) this.changed();
  }

  /** A trigger the app may use once within `triggerTtlMs` (what a click or a command carries). */
  issueTrigger(user: string): string {
    const id = `${Date.now()}.${++this.seq}.trigger`;
    this.triggers.set(id, { user, issuedAt: Date.now(), used: false });
    return id;
  }

  /**
   * A workflow step's execution: Slack gives the app a token for it (`bot_access_token` in
   * function_executed), valid for the calls made for that step, including its completion.
   */
  issueFunctionToken(executionId: string): string {
    const token = `xwfp-${executionId}-${++this.seq}`;
    this.functionTokens.set(token, executionId);
    return token;
  }

  /** The app leaves (or was never in) a conversation: posts and reads there are refused. */
  removeBotFrom(channel: string): void {
    this.notInChannels.add(channel);
  }

  /** The next `times` calls to `method` fail: HTTP status 500/503, 429 (Retry-After) or `{ok:false,error}`. */
  failNext(
    method: string,
    failure: { status?: number; error?: string; retryAfter?: number; times?: number },
  ): void {
    const list = this.failures.get(method) ?? [];
    list.push({
      status: failure.status ?? 200,
      error: failure.error,
      retryAfter: failure.retryAfter,
      remaining: failure.times ?? 1,
    });
    this.failures.set(method, list);
  }

  /** Answers `method` only after `ms` (a slow Slack), so tests can see how many calls overlap. */
  answerSlowly(method: string, ms: number): void {
    this.latencies.set(method, ms);
  }

  /** At most `limit` calls to `method` per `windowMs`; beyond that HTTP 429 with Retry-After. */
  rateLimit(method: string, limit: number, windowMs: number, retryAfterSeconds = 1): void {
    this.limits.set(method, { limit, windowMs, retryAfter: retryAfterSeconds, hits: [] });
  }

  /** The channel canvas of a channel, if it has one. */
  canvasOf(channel: string): FakeCanvas | undefined {
    return [...this.canvases.values()].find((c) => c.channel === channel);
  }

  /** A canvas's whole markdown, sections in order. */
  canvasMarkdown(id: string): string {
    return (this.canvases.get(id)?.sections ?? []).map((s) => s.markdown).join('');
  }

  private canvasSections(markdown: string): { id: string; markdown: string }[] {
    const parts: string[] = [];
    for (const line of markdown.split(/(?<=\n)/)) {
      if (/^#{1,3} /.test(line) || parts.length === 0) parts.push(line);
      else parts[parts.length - 1] += line;
    }
    return parts.filter((p) => p.length > 0).map((p) => ({ id: `temp:C:${++this.seq}`, markdown: p }));
  }

  private newCanvas(a: Json, channel: string | undefined): Json {
    const id = `F0CANVAS${++this.seq}`;
    const content = a.document_content as { markdown?: string } | undefined;
    this.canvases.set(id, {
      id,
      channel,
      title: a.title as string | undefined,
      sections: this.canvasSections(String(content?.markdown ?? '')),
      edits: 0,
    });
    return { ok: true, canvas_id: id };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages posted into a channel id, or into the DM with a user id. */
  messagesIn(channelOrUser: string): FakeMessage[] {
    return this.messages.filter(
      (m) => m.channel === channelOrUser || m.dmUser === channelOrUser || m.channel === `D${channelOrUser}`,
    );
  }

  /** The modal currently on top of the user's stack, or undefined. */
  openModalOf(user: string): FakeView | undefined {
    const modals = [...this.views.values()].filter((v) => v.kind === 'modal' && v.user === user);
    return modals[modals.length - 1];
  }

  homeOf(user: string): FakeView | undefined {
    return [...this.views.values()].find((v) => v.kind === 'home' && v.user === user);
  }

  /** Polls the probe (awaited, so a probe that reads the database waits for its answer) until it holds. */
  async waitFor<T>(
    probe: () => T | undefined | false | Promise<T | undefined | false>,
    what = 'condition',
    timeoutMs = 5000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private nextTs(): string {
    this.tsCounter++;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = req.url ?? '/';
    if (req.method === 'GET' && url.startsWith('/oauth/v2/authorize'))
      return this.authorizePage(new URL(url, this.url), res);
    if (url.startsWith('/upload/')) return this.receiveUpload(url.slice('/upload/'.length), req, bytes, res);
    if (req.method === 'GET' && url.startsWith('/files/'))
      return this.serveFile(url.slice('/files/'.length), res);
    if (url.startsWith('/respond/')) {
      const body = raw ? (JSON.parse(raw) as Json) : {};
      this.responses.push({ path: url, body });
      const context = this.responseContexts.get(url.slice('/respond/'.length));
      if (context) this.applyResponse(context, body);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs(raw, req.headers['content-type']);
    const latency = this.latencies.get(method);
    if (latency) await new Promise((r) => setTimeout(r, latency));
    const presented = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const reply = (status: number, body: Json, headers: Record<string, string> = {}) => {
      this.calls.push({ method, args, status, response: body, at: Date.now(), token: presented });
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-oauth-scopes': this.scopes.join(','),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };

    // Socket Mode connections are opened with the app-level token, everything else with the
    // bot's — or, for a workflow step's calls, with the token of its execution.
    const token = method === 'apps.connections.open' ? this.appToken : this.token;
    const stepToken = method !== 'apps.connections.open' && this.functionTokens.has(presented);
    // An OAuth installation's token: good until revoked or (with rotation) expired.
    const issued = method === 'apps.connections.open' ? undefined : this.issuedTokens.get(presented);
    if (issued?.revoked) return reply(200, { ok: false, error: 'token_revoked' });
    if (issued?.expiresAt !== undefined && Date.now() > issued.expiresAt)
      return reply(200, { ok: false, error: 'token_expired' });
    // oauth.v2.access authenticates with the client id and secret, not a token.
    if (presented !== token && !stepToken && !issued && method !== 'oauth.v2.access')
      return reply(200, { ok: false, error: 'invalid_auth' });
    if (method.startsWith('functions.') && !stepToken)
      // Only the execution's own token may complete it.
      return reply(200, { ok: false, error: 'not_allowed_token_type' });

    const limit = this.limits.get(method);
    if (limit) {
      const now = Date.now();
      limit.hits = limit.hits.filter((t) => now - t < limit.windowMs);
      if (limit.hits.length >= limit.limit) {
        return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limit.retryAfter) });
      }
      limit.hits.push(now);
    }
    const failure = this.failures.get(method)?.[0];
    if (failure) {
      failure.remaining--;
      if (failure.remaining <= 0) this.failures.get(method)?.shift();
      if (failure.status === 429)
        return reply(
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(failure.retryAfter ?? 1) },
        );
      if (failure.status >= 500) return reply(failure.status, { ok: false, error: 'internal_error' });
      return reply(200, { ok: false, error: failure.error ?? 'fatal_error' });
    }

    try {
      const body = this.dispatch(method, args, presented);
      reply(200, body);
      if (!READ_ONLY.has(method)) this.changed();
    } catch (err) {
      reply(200, { ok: false, error: (err as Error).message });
    }
  }

  /**
   * Step two of an upload: the bytes, raw or as a multipart form (Slack takes both). Like Slack's
   * upload host it answers 200 on success and does not check the bot token (the URL is the
   * credential); an unknown or completed file id is 404, bytes that do not match the announced
   * length 400 — the app learns it at completion, as with Slack.
   */
  private receiveUpload(id: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const file = this.files.get(id);
    const answer = (status: number, text: string) => {
      this.calls.push({ method: 'upload', args: { file: id }, status, response: { text }, at: Date.now() });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(text);
    };
    if (req.method !== 'POST' || !file || file.shared) {
      answer(404, 'not found');
      return;
    }
    const data = multipartFile(body, req.headers['content-type']) ?? body;
    if (data.length !== file.length) {
      answer(400, `length ${data.length} != ${file.length}`);
      return;
    }
    file.bytes = data;
    answer(200, `OK - ${data.length}`);
  }

  /** A shared file's bytes, for the sandbox page (Slack serves them behind its own login). */
  private serveFile(id: string, res: http.ServerResponse): void {
    const file = this.files.get(id);
    if (!file?.shared || !file.bytes) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeOf(file.filename) });
    res.end(file.bytes);
  }

  /** The files shared into a channel id or the DM with a user id, oldest first. */
  filesIn(channelOrUser: string): FakeFile[] {
    return [...this.files.values()].filter(
      (f) => f.shared && (f.channel === channelOrUser || f.channel === `D${channelOrUser}`),
    );
  }

  private checkBlocks(surface: Surface, payload: Json, method: string): void {
    const problems = validateSurface(surface, payload);
    if (problems.length) {
      this.violations.push(...problems.map((p) => `${method}: ${p}`));
      this.changed();
      throw new Error('invalid_blocks');
    }
  }

  /** A post to a response_url, shown as Slack shows it. Invalid blocks are recorded, not shown. */
  private applyResponse(context: ResponseContext, body: Json): void {
    try {
      if (body.delete_original === true || body.delete_original === 'true') {
        if (context.ephemeral) this.dismissEphemeral(context.user, String(context.messageTs));
        else {
          const i = this.messages.findIndex(
            (m) => m.channel === context.channel && m.ts === context.messageTs,
          );
          if (i >= 0) this.messages.splice(i, 1);
          this.changed();
        }
        return;
      }
      this.checkBlocks('message', body, 'response_url');
      const replace = body.replace_original === true || body.replace_original === 'true';
      if (replace && context.messageTs) {
        if (context.ephemeral) {
          const e = this.ephemerals.find((x) => x.user === context.user && x.ts === context.messageTs);
          if (e) {
            e.text = body.text as string | undefined;
            e.blocks = body.blocks as Json[] | undefined;
          }
        } else {
          const msg = this.messageAt(context.channel, context.messageTs);
          if (msg) {
            if (body.text !== undefined) msg.text = body.text as string;
            if (body.blocks !== undefined) msg.blocks = body.blocks as Json[];
            msg.updates++;
          }
        }
        this.changed();
        return;
      }
      if (body.response_type === 'in_channel') {
        this.messages.push({
          channel: context.channel,
          ts: this.nextTs(),
          text: body.text as string | undefined,
          blocks: body.blocks as Json[] | undefined,
          thread_ts: body.thread_ts as string | undefined,
          user: BOT_USER_ID,
          updates: 0,
        });
        this.changed();
        return;
      }
      this.addEphemeral({
        channel: context.channel,
        user: context.user,
        text: body.text as string | undefined,
        blocks: body.blocks as Json[] | undefined,
      });
    } catch {
      // invalid_blocks: already recorded in `violations`
    }
  }

  private user(id: string): FakeUser {
    const known = this.users.get(id);
    if (known) return known;
    if (!/^[UW][A-Z0-9]+$/.test(id)) throw new Error('user_not_found');
    // Anyone with a Slack-looking id exists, in UTC, unless a test says otherwise.
    return { id, name: id.toLowerCase(), tz: 'UTC' };
  }

  private useTrigger(triggerId: unknown): { user: string } {
    const t = this.triggers.get(String(triggerId));
    if (!t) throw new Error('invalid_trigger_id');
    if (t.used || Date.now() - t.issuedAt > this.triggerTtlMs) throw new Error('expired_trigger_id');
    t.used = true;
    return t;
  }

  private notIn(channel: unknown): void {
    if (this.notInChannels.has(String(channel))) throw new Error('not_in_channel');
  }

  private dispatch(method: string, a: Json, token = ''): Json {
    switch (method) {
      case 'functions.completeSuccess':
      case 'functions.completeError': {
        const executionId = String(a.function_execution_id ?? '');
        if (this.functionTokens.get(token) !== executionId) throw new Error('invalid_function_execution_id');
        if (this.completions.some((c) => c.executionId === executionId))
          throw new Error('function_execution_already_completed');
        this.completions.push(
          method === 'functions.completeSuccess'
            ? { executionId, outcome: 'success', outputs: (a.outputs as Json) ?? {}, token }
            : { executionId, outcome: 'error', error: String(a.error ?? ''), token },
        );
        return { ok: true };
      }
      case 'apps.connections.open':
        return { ok: true, url: this.socketMode.connectionUrl() };
      case 'oauth.v2.access':
        return this.oauthAccess(a);
      case 'auth.test': {
        const issued = this.issuedTokens.get(token);
        return {
          ok: true,
          user_id: BOT_USER_ID,
          bot_id: 'BPMOBOT',
          team_id: issued ? (issued.teamId ?? '') : 'T0TEST',
          team: issued ? (issued.teamId ?? '') : 'Test',
          user: 'pmo',
          url: issued?.orgWide
            ? `https://${issued.enterpriseId}.enterprise.slack.com/`
            : 'https://test.slack.com/',
          ...(issued?.enterpriseId ? { enterprise_id: issued.enterpriseId } : {}),
          ...(issued?.orgWide ? { is_enterprise_install: true } : {}),
        };
      }
      case 'chat.postMessage': {
        const channel = String(a.channel ?? '');
        if (!channel) throw new Error('channel_not_found');
        this.notIn(channel);
        this.checkBlocks('message', a, method);
        let dmUser: string | undefined;
        let target = channel;
        if (/^[UW]/.test(channel)) {
          const u = this.user(channel);
          if (u.deleted) throw new Error('user_disabled');
          dmUser = channel;
          target = `D${channel}`;
        }
        const msg: FakeMessage = {
          channel: target,
          ts: this.nextTs(),
          text: a.text as string | undefined,
          blocks: a.blocks as Json[] | undefined,
          thread_ts: a.thread_ts as string | undefined,
          metadata: a.metadata as Json | undefined,
          user: BOT_USER_ID,
          dmUser,
          updates: 0,
        };
        this.messages.push(msg);
        return { ok: true, channel: target, ts: msg.ts, message: { ...msg } };
      }
      case 'chat.update': {
        const msg = this.messages.find((m) => m.channel === a.channel && m.ts === a.ts);
        if (!msg) throw new Error('message_not_found');
        this.checkBlocks('message', { text: a.text ?? msg.text, blocks: a.blocks ?? msg.blocks }, method);
        if (a.text !== undefined) msg.text = a.text as string;
        if (a.blocks !== undefined) msg.blocks = a.blocks as Json[];
        msg.updates++;
        return { ok: true, channel: msg.channel, ts: msg.ts };
      }
      case 'chat.postEphemeral': {
        this.notIn(a.channel);
        this.checkBlocks('message', a, method);
        const ts = this.nextTs();
        this.ephemerals.push({
          channel: String(a.channel),
          user: String(a.user),
          text: a.text as string,
          blocks: a.blocks as Json[],
          ts,
        });
        return { ok: true, message_ts: ts };
      }
      case 'chat.delete': {
        const i = this.messages.findIndex((m) => m.channel === a.channel && m.ts === a.ts);
        if (i < 0) throw new Error('message_not_found');
        this.messages.splice(i, 1);
        return { ok: true, channel: a.channel, ts: a.ts };
      }
      case 'files.getUploadURLExternal': {
        const filename = String(a.filename ?? '');
        const length = Number(a.length);
        if (!filename || !Number.isInteger(length) || length <= 0) throw new Error('invalid_arguments');
        const altText = a.alt_txt === undefined ? undefined : String(a.alt_txt);
        if (altText !== undefined && altText.length > 1000) throw new Error('alt_txt_too_large');
        const id = `F${String(++this.seq).padStart(8, '0')}`;
        this.files.set(id, { id, filename, length, altText, shared: false });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = (typeof a.files === 'string' ? safeJson(a.files) : a.files) as unknown;
        if (!Array.isArray(list) || list.length === 0) throw new Error('invalid_arguments');
        const channel = a.channel_id === undefined ? undefined : String(a.channel_id);
        if (channel !== undefined && !/^[CDG][A-Z0-9]+$/.test(channel)) throw new Error('invalid_channel');
        if (a.thread_ts !== undefined && !channel) throw new Error('invalid_arguments');
        if (a.thread_ts !== undefined && !this.messageAt(channel!, String(a.thread_ts)))
          throw new Error('invalid_thread_ts');
        const files = list.map((f: { id?: unknown; title?: unknown }) => {
          const file = this.files.get(String(f.id));
          // Slack: the bytes must have arrived, and a file is completed once.
          if (!file?.bytes || file.shared) throw new Error('file_not_found');
          return { file, title: f.title === undefined ? undefined : String(f.title) };
        });
        for (const { file, title } of files) {
          file.title = title ?? file.filename;
          file.shared = channel !== undefined;
          file.channel = channel;
          file.threadTs = a.thread_ts === undefined ? undefined : String(a.thread_ts);
          file.initialComment = a.initial_comment === undefined ? undefined : String(a.initial_comment);
        }
        if (channel) {
          this.messages.push({
            channel,
            ts: this.nextTs(),
            text: a.initial_comment === undefined ? '' : String(a.initial_comment),
            ...(a.thread_ts !== undefined ? { thread_ts: String(a.thread_ts) } : {}),
            user: BOT_USER_ID,
            ...(channel.startsWith('D') ? { dmUser: channel.slice(1) } : {}),
            files: files.map(({ file }) => file.id),
            updates: 0,
          });
        }
        return {
          ok: true,
          files: files.map(({ file }) => ({ id: file.id, title: file.title, name: file.filename })),
        };
      }
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://example.slack.com/archives/${a.channel}/p${String(a.message_ts).replace('.', '')}`,
        };
      case 'views.open':
      case 'views.push': {
        const { user } = this.useTrigger(a.trigger_id);
        const view = a.view as Json;
        this.checkBlocks('modal', view, method);
        const stack = [...this.views.values()].filter((v) => v.kind === 'modal' && v.user === user);
        if (method === 'views.push' && stack.length >= 3) throw new Error('push_limit_reached');
        if (method === 'views.open') for (const v of stack) this.views.delete(v.id);
        const id = `V${++this.seq}`;
        const stored: FakeView = { id, user, view, hash: `h${this.seq}`, kind: 'modal', stack: [] };
        this.views.set(id, stored);
        return { ok: true, view: { id, hash: stored.hash, ...view } };
      }
      case 'views.update': {
        const v = this.views.get(String(a.view_id));
        if (!v) throw new Error('not_found');
        if (a.hash && a.hash !== v.hash) throw new Error('hash_conflict');
        const view = a.view as Json;
        this.checkBlocks(v.kind === 'home' ? 'home' : 'modal', view, method);
        v.view = view;
        v.hash = `h${++this.seq}`;
        return { ok: true, view: { id: v.id, hash: v.hash, ...view } };
      }
      case 'views.publish': {
        const user = String(a.user_id);
        this.user(user);
        const view = a.view as Json;
        this.checkBlocks('home', view, method);
        const existing = this.homeOf(user);
        if (existing) {
          existing.view = view;
          existing.hash = `h${++this.seq}`;
          return { ok: true, view: { id: existing.id, hash: existing.hash, ...view } };
        }
        const id = `VH${++this.seq}`;
        this.views.set(id, { id, user, view, hash: `h${this.seq}`, kind: 'home', stack: [] });
        return { ok: true, view: { id, ...view } };
      }
      case 'users.info': {
        const u = this.user(String(a.user));
        return {
          ok: true,
          user: {
            id: u.id,
            name: u.name ?? u.id.toLowerCase(),
            real_name: u.name ?? u.id,
            deleted: u.deleted ?? false,
            tz: u.tz ?? 'UTC',
            is_bot: false,
            profile: { display_name: u.name ?? u.id, real_name: u.name ?? u.id },
            // As Slack: the locale only when asked for.
            ...(a.include_locale === true || a.include_locale === 'true'
              ? { locale: u.locale ?? 'en-US' }
              : {}),
          },
        };
      }
      case 'conversations.open': {
        const users = String(a.users ?? '')
          .split(',')
          .filter(Boolean);
        if (users.length === 0) throw new Error('users_list_not_supplied');
        for (const u of users) this.user(u);
        const id = users.length === 1 ? `D${users[0]}` : `G${users.sort().join('')}`.slice(0, 20);
        return { ok: true, channel: { id } };
      }
      case 'conversations.history': {
        this.notIn(a.channel);
        const oldest = Number(a.oldest ?? 0);
        const latest = a.latest === undefined ? Number.POSITIVE_INFINITY : Number(a.latest);
        const limit = a.limit === undefined ? 100 : Number(a.limit);
        const msgs = this.messages
          .filter((m) => m.channel === a.channel)
          .filter((m) => Number(m.ts) >= oldest && Number(m.ts) <= latest)
          .map((m) => ({
            ts: m.ts,
            text: m.text,
            metadata: m.metadata,
            user: m.user,
            ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
          }))
          .reverse()
          .slice(0, limit);
        return { ok: true, messages: msgs, has_more: false };
      }
      case 'conversations.canvases.create': {
        const channel = String(a.channel_id ?? '');
        if (!channel) throw new Error('channel_not_found');
        this.notIn(channel);
        if (this.canvasOf(channel)) throw new Error('channel_canvas_already_exists');
        return this.newCanvas(a, channel);
      }
      case 'canvases.create':
        return this.newCanvas(a, a.channel_id ? String(a.channel_id) : undefined);
      case 'canvases.delete': {
        if (!this.canvases.delete(String(a.canvas_id))) throw new Error('canvas_not_found');
        return { ok: true };
      }
      case 'canvases.sections.lookup': {
        const canvas = this.canvases.get(String(a.canvas_id));
        if (!canvas) throw new Error('canvas_not_found');
        const criteria = (a.criteria ?? {}) as { section_types?: string[]; contains_text?: string };
        if (!criteria.section_types?.length && !criteria.contains_text) throw new Error('invalid_arguments');
        const level = (md: string) => /^(#{1,3}) /.exec(md)?.[1]?.length;
        const sections = canvas.sections.filter((s) => {
          const h = level(s.markdown);
          const types = criteria.section_types;
          if (types?.length && !types.some((t) => (t === 'any_header' ? h !== undefined : t === `h${h}`)))
            return false;
          return (
            !criteria.contains_text || s.markdown.toLowerCase().includes(criteria.contains_text.toLowerCase())
          );
        });
        return { ok: true, sections: sections.map((s) => ({ id: s.id })) };
      }
      case 'canvases.edit': {
        const canvas = this.canvases.get(String(a.canvas_id));
        if (!canvas) throw new Error('canvas_not_found');
        const changes = (Array.isArray(a.changes) ? a.changes : []) as {
          operation?: string;
          section_id?: string;
          document_content?: { markdown?: string };
        }[];
        // Slack takes one change per call.
        if (changes.length !== 1) throw new Error('invalid_arguments');
        const [change] = changes as [(typeof changes)[number]];
        const added = this.canvasSections(String(change.document_content?.markdown ?? ''));
        const at = canvas.sections.findIndex((s) => s.id === change.section_id);
        switch (change.operation) {
          case 'insert_at_end':
            canvas.sections.push(...added);
            break;
          case 'insert_at_start':
            canvas.sections.unshift(...added);
            break;
          case 'replace':
            if (!change.section_id) canvas.sections = added;
            else if (at < 0) throw new Error('canvas_editing_failed');
            else canvas.sections.splice(at, 1, ...added);
            break;
          case 'delete':
            if (at < 0) throw new Error('canvas_editing_failed');
            canvas.sections.splice(at, 1);
            break;
          default:
            throw new Error('invalid_arguments');
        }
        canvas.edits++;
        return { ok: true };
      }
      case 'pins.add': {
        this.notIn(a.channel);
        const msg = this.messages.find((m) => m.channel === a.channel && m.ts === a.timestamp);
        if (!msg) throw new Error('message_not_found');
        if (this.pins.some((p) => p.channel === msg.channel && p.ts === msg.ts))
          throw new Error('already_pinned');
        this.pins.push({ channel: msg.channel, ts: msg.ts });
        return { ok: true };
      }
      default:
        throw new Error('unknown_method');
    }
  }
}

function parseArgs(raw: string, contentType: string | undefined): Json {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Json;
  const out: Json = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // @slack/web-api sends objects and arrays as JSON strings in form bodies.
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

/** The first file part of a multipart/form-data body, or undefined when the body is raw bytes. */
function multipartFile(body: Buffer, contentType: string | undefined): Buffer | undefined {
  const boundary = /multipart\/form-data;\s*boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) return undefined;
    const next = body.indexOf(delimiter, headerEnd);
    if (next < 0) return undefined;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    if (/filename=/i.test(headers)) return body.subarray(headerEnd + 4, next - 2);
    start = next;
  }
  return undefined;
}

function contentTypeOf(filename: string): string {
  if (/\.png$/i.test(filename)) return 'image/png';
  if (/\.csv$/i.test(filename)) return 'text/csv; charset=utf-8';
  if (/\.json$/i.test(filename)) return 'application/json';
  return 'application/octet-stream';
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
