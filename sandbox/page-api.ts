import type http from 'node:http';
import { z } from 'zod';
import type { Config } from '../src/config';
import { roleOf } from '../src/features/team/roles';
import type { ScheduledJob } from '../src/jobs/registry';
import type { Logger } from '../src/logger';
import type { AppDriver, PersonRef } from './app-driver';
import { actionOf, findElement, type Selected, stateValuesOf } from './block-state';
import { CAST, SANDBOX_GENERAL_CHANNEL } from './cast';
import { runJobsNow, type SandboxDeps } from './jobs-bridge';
import { pageAsset } from './page-assets';
import type { FakeFile, FakeMessage, FakeView, SlackStandIn } from './slack-stand-in';

type Json = Record<string, unknown>;

/** How long a poll for changes waits before answering "nothing new". */
const LONG_POLL_MS = 15_000;
/** The Slack languages a cast member can switch to (one per language the app speaks). */
const SANDBOX_LOCALES = ['en-US', 'fr-FR', 'de-DE', 'es-ES'] as const;
const MAX_BODY = 256 * 1024;

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/);
const channelId = z.string().regex(/^[CDG][A-Z0-9]{2,}$/);
const ts = z.string().regex(/^\d+\.\d+$/);
const selected: z.ZodType<Selected> = z.union([
  z.string().max(3000),
  z.array(z.string().max(3000)).max(100),
  z.null(),
]);
const values = z.record(z.string().max(255), z.record(z.string().max(255), selected));

const bodies = {
  command: z.object({ user: userId, channel: channelId, text: z.string().max(4000) }),
  message: z.object({
    user: userId,
    channel: channelId,
    text: z.string().min(1).max(4000),
    threadTs: ts.optional(),
  }),
  action: z.object({
    user: userId,
    block_id: z.string().max(255),
    action_id: z.string().max(255),
    selected: selected.optional(),
    where: z.discriminatedUnion('type', [
      z.object({ type: z.literal('message'), channel: channelId, ts }),
      z.object({ type: z.literal('ephemeral'), ts }),
      z.object({ type: z.literal('view'), viewId: z.string().max(64), values }),
    ]),
  }),
  submit: z.object({ user: userId, viewId: z.string().max(64), values }),
  /** A cast member's Slack language, as they would change it in Slack's preferences. */
  slackLanguage: z.object({ user: userId, locale: z.enum(SANDBOX_LOCALES) }),
  close: z.object({ user: userId, viewId: z.string().max(64), values: values.optional() }),
  home: z.object({ user: userId }),
  shortcut: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), user: userId, channel: channelId, ts }),
    z.object({ kind: z.literal('global'), user: userId }),
  ]),
  dismiss: z.object({ user: userId, ts }),
  jobs: z.object({
    shiftMs: z
      .number()
      .int()
      .min(0)
      .max(400 * 24 * 3600 * 1000),
  }),
};

export interface PageContext {
  config: Config;
  deps: SandboxDeps;
  /** The service's scheduled jobs, run by "Run scheduled jobs now". */
  jobs: readonly ScheduledJob[];
  driver: AppDriver;
}

/**
 * The sandbox page and its small JSON API, served by the app's own HTTP server. The page
 * polls /sandbox/api/state for what one person sees; everything a person does goes to the app
 * through the driver (signed, on /slack/events), never around it.
 */
export class SandboxPage {
  private ctx?: PageContext;
  private readonly viewErrors = new Map<string, { hash: string; errors: Record<string, string> }>();
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly standIn: SlackStandIn,
    private readonly logger: Logger,
  ) {
    standIn.onChange(() => this.wake());
  }

  /** The app is up: the API can act. Until then it answers 503. */
  attach(ctx: PageContext): void {
    this.ctx = ctx;
  }

  /** Answers every waiting poll so the HTTP server can close without waiting for them. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  routes(): Record<string, http.RequestListener> {
    const asset = (name: string) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
      const { body, type } = pageAsset(name);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        // The page loads nothing from elsewhere and runs only its own script.
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    };
    const api = (fn: (ctx: PageContext, body: unknown, url: URL) => Promise<unknown>) => {
      return (req: http.IncomingMessage, res: http.ServerResponse) => {
        void this.handleApi(req, res, fn);
      };
    };
    return {
      '/sandbox': asset('index.html'),
      '/sandbox/': asset('index.html'),
      '/sandbox/app.js': asset('app.js'),
      '/sandbox/app.css': asset('app.css'),
      '/sandbox/api/state': api((ctx, _b, url) => this.state(ctx, url)),
      '/sandbox/api/command': api((ctx, b) => this.command(ctx, bodies.command.parse(b))),
      '/sandbox/api/message': api((ctx, b) => this.message(ctx, bodies.message.parse(b))),
      '/sandbox/api/action': api((ctx, b) => this.action(ctx, bodies.action.parse(b))),
      '/sandbox/api/submit': api((ctx, b) => this.submit(ctx, bodies.submit.parse(b))),
      '/sandbox/api/close': api((ctx, b) => this.closeModal(ctx, bodies.close.parse(b))),
      '/sandbox/api/home-opened': api((ctx, b) => this.homeOpened(ctx, bodies.home.parse(b))),
      '/sandbox/api/slack-language': api((ctx, b) => this.slackLanguage(ctx, bodies.slackLanguage.parse(b))),
      '/sandbox/api/shortcut': api((ctx, b) => this.shortcut(ctx, bodies.shortcut.parse(b))),
      '/sandbox/api/dismiss': api(async (_ctx, b) => {
        const { user, ts } = bodies.dismiss.parse(b);
        this.standIn.dismissEphemeral(user, ts);
        return { ok: true };
      }),
      // A shared file's bytes (the digest's chart), same-origin for the page's <img>.
      '/sandbox/api/file': (req, res) => {
        const id = new URL(req.url ?? '/', 'http://sandbox').searchParams.get('id') ?? '';
        const file = this.standIn.files.get(id);
        if (!file?.shared || !file.bytes) {
          res.writeHead(404);
          res.end();
          return;
        }
        res.writeHead(200, {
          'content-type': file.filename.endsWith('.png') ? 'image/png' : 'application/octet-stream',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(file.bytes);
      },
      '/sandbox/api/jobs': api(async (ctx, b) => {
        const run = await runJobsNow(ctx.deps, ctx.jobs, bodies.jobs.parse(b).shiftMs);
        this.standIn.changed();
        return run;
      }),
    };
  }

  private async handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    fn: (ctx: PageContext, body: unknown, url: URL) => Promise<unknown>,
  ): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        // While stopping, let the browser's kept-alive connection go so the server can close.
        ...(this.closed ? { connection: 'close' } : {}),
      });
      res.end(JSON.stringify(body));
    };
    try {
      // Loopback only, and only this page: another web site open in the same browser can
      // neither post here (a JSON body needs a CORS preflight we never grant) nor reach us
      // under another host name (DNS rebinding).
      if (!isLocalHost(req.headers.host))
        return send(403, { error: 'the sandbox answers on localhost only' });
      if (req.method === 'POST' && !String(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(415, { error: 'send JSON' });
      const ctx = this.ctx;
      if (!ctx) return send(503, { error: 'the sandbox is starting' });
      const url = new URL(req.url ?? '/', 'http://localhost');
      let body: unknown = {};
      if (req.method === 'POST') {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const c of req) {
          size += (c as Buffer).length;
          if (size > MAX_BODY) return send(413, { error: 'too large' });
          chunks.push(c as Buffer);
        }
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } else if (req.method !== 'GET') return send(405, { error: 'method not allowed' });
      send(200, await fn(ctx, body, url));
    } catch (err) {
      if (err instanceof z.ZodError || err instanceof SyntaxError || err instanceof BadRequest) {
        return send(400, { error: err instanceof z.ZodError ? z.prettifyError(err) : err.message });
      }
      this.logger.error({ err }, 'sandbox page API failed');
      send(500, { error: (err as Error).message });
    }
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  private person(id: string): PersonRef {
    const p = CAST.find((c) => c.id === id);
    if (!p) throw new BadRequest(`${id} is not in the sandbox's cast`);
    return { id: p.id, name: p.name };
  }

  private channelName(ctx: PageContext, id: string): string {
    if (id === ctx.config.pmo.channelId) return 'pmo';
    if (id === SANDBOX_GENERAL_CHANNEL) return 'general';
    if (id.startsWith('D')) return 'directmessage';
    return id.toLowerCase();
  }

  /** What `user` sees, once something changed after `since` (or after LONG_POLL_MS). */
  private async state(ctx: PageContext, url: URL): Promise<Json> {
    const asked = url.searchParams.get('user');
    // Without a choice yet, the page starts as the first requester.
    const fallback = CAST.find((c) => c.role === 'requester')?.id ?? '';
    const user = this.person(asked ? userId.parse(asked) : fallback).id;
    const since = Number(url.searchParams.get('since') ?? -1);
    if (since >= this.standIn.version && !this.closed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, LONG_POLL_MS);
        this.waiters.add(done);
      });
    }
    const { config, deps } = ctx;
    const cast = await Promise.all(
      CAST.map(async (c) => ({
        ...c,
        role: await roleOf(deps.db, config, c.id),
        locale: this.standIn.users.get(c.id)?.locale ?? 'en-US',
      })),
    );
    const channels = new Set([config.pmo.channelId, SANDBOX_GENERAL_CHANNEL]);
    for (const m of this.standIn.messages) if (!m.channel.startsWith('D')) channels.add(m.channel);
    const modalStack = this.standIn.modalStackOf(user);
    const modal = modalStack[modalStack.length - 1];
    const home = this.standIn.homeOf(user);
    const errors = modal ? this.viewErrors.get(modal.id) : undefined;
    return {
      version: this.standIn.version,
      me: user,
      command: config.pmo.command,
      cast,
      channels: [...channels].map((id) => ({
        id,
        name: this.channelName(ctx, id),
        messages: threaded(
          this.standIn.messages.filter((m) => m.channel === id),
          this.standIn.files,
        ),
      })),
      dm: { id: `D${user}`, messages: threaded(this.standIn.messagesIn(user), this.standIn.files) },
      ephemerals: this.standIn.ephemeralsFor(user).map((e) => ({
        ts: e.ts,
        channel: e.channel,
        text: e.text,
        blocks: e.blocks,
      })),
      home: home ? { id: home.id, hash: home.hash, view: home.view } : null,
      modal: modal
        ? {
            id: modal.id,
            hash: modal.hash,
            view: modal.view,
            depth: modalStack.length,
            errors: errors && errors.hash === modal.hash ? errors.errors : {},
          }
        : null,
      clock: { now: deps.clock.now().toISOString(), offsetMs: deps.clock.offsetMs },
      violations: this.standIn.violations.slice(-5),
    };
  }

  private async command(ctx: PageContext, b: z.infer<typeof bodies.command>): Promise<Json> {
    const user = this.person(b.user);
    const [, word = '', rest = ''] = /^\s*(\/\S+)?\s*(.*)$/s.exec(b.text) ?? [];
    const command = word || ctx.config.pmo.command;
    const channel = { id: b.channel, name: this.channelName(ctx, b.channel) };
    if (command !== ctx.config.pmo.command) {
      this.standIn.addEphemeral({
        channel: b.channel,
        user: user.id,
        text: `${command} is not a command this app has. Try ${ctx.config.pmo.command} help.`,
      });
      return { ok: false };
    }
    const answer = await ctx.driver.command(user, command, rest.trim(), channel);
    if (answer.error) {
      this.standIn.addEphemeral({
        channel: b.channel,
        user: user.id,
        text: `${command} failed with the error "${answer.error}"`,
      });
      return { ok: false, error: answer.error };
    }
    // An acknowledgement with content is the command's reply, as Slack shows it.
    const reply = answer.body;
    if (typeof reply.text === 'string' || Array.isArray(reply.blocks)) {
      if (reply.response_type === 'in_channel') {
        const url = this.standIn.responseUrl({ user: user.id, channel: b.channel });
        await fetch(url, { method: 'POST', body: JSON.stringify(reply) });
      } else {
        this.standIn.addEphemeral({
          channel: b.channel,
          user: user.id,
          text: reply.text as string | undefined,
          blocks: reply.blocks as Json[] | undefined,
        });
      }
    }
    return { ok: true };
  }

  /**
   * A shortcut, as Slack sends it: "Ask the PMO about this" from a message's menu
   * (message_action) or ⚡ "New PMO request" (shortcut). The app answers with a modal.
   */
  private async shortcut(ctx: PageContext, b: z.infer<typeof bodies.shortcut>): Promise<Json> {
    const user = this.person(b.user);
    let answer: Awaited<ReturnType<AppDriver['globalShortcut']>>;
    if (b.kind === 'message') {
      const message = this.standIn.messageAt(b.channel, b.ts);
      if (!message) throw new BadRequest('that message is gone');
      answer = await ctx.driver.messageShortcut(
        user,
        'pmo_ask_about_message',
        { id: b.channel, name: this.channelName(ctx, b.channel) },
        { ts: message.ts, text: message.text, user: message.user, thread_ts: message.thread_ts },
      );
    } else answer = await ctx.driver.globalShortcut(user, 'pmo_new_request');
    if (answer.error) {
      this.standIn.addEphemeral({
        channel: b.kind === 'message' ? b.channel : `D${user.id}`,
        user: user.id,
        text: `The shortcut failed with the error "${answer.error}"`,
      });
      return { ok: false, error: answer.error };
    }
    return { ok: true };
  }

  /** A plain message typed into a conversation: shown, and delivered as a message event. */
  private async message(ctx: PageContext, b: z.infer<typeof bodies.message>): Promise<Json> {
    const user = this.person(b.user);
    if (b.channel.startsWith('D') && b.channel !== `D${user.id}`)
      throw new BadRequest('not your conversation');
    const posted = this.standIn.postAs(user.id, b.channel, b.text, b.threadTs);
    const answer = await ctx.driver.event({
      type: 'message',
      channel: posted.channel,
      channel_type: posted.channel.startsWith('D') ? 'im' : 'channel',
      user: user.id,
      text: b.text,
      ts: posted.ts,
      event_ts: posted.ts,
      ...(b.threadTs ? { thread_ts: b.threadTs } : {}),
    });
    return { ok: !answer.error };
  }

  private async action(ctx: PageContext, b: z.infer<typeof bodies.action>): Promise<Json> {
    const user = this.person(b.user);
    const where = b.where;
    let blocks: Json[];
    let target: Parameters<AppDriver['blockAction']>[2];
    if (where.type === 'message') {
      const message = this.standIn.messageAt(where.channel, where.ts);
      if (!message) throw new BadRequest('that message is gone');
      blocks = message.blocks ?? [];
      target = { message };
    } else if (where.type === 'ephemeral') {
      const e = this.standIn.ephemeralsFor(user.id).find((x) => x.ts === where.ts);
      if (!e) throw new BadRequest('that message is gone');
      blocks = e.blocks ?? [];
      target = {
        message: { channel: e.channel, ts: where.ts, text: e.text, blocks: e.blocks },
        ephemeral: true,
      };
    } else {
      const view = this.viewOf(user.id, where.viewId);
      blocks = (view.view.blocks as Json[] | undefined) ?? [];
      target = { view, values: stateValuesOf(blocks, where.values) };
    }
    const found = findElement(blocks, b.block_id, b.action_id);
    if (!found) throw new BadRequest(`no element ${b.action_id} in that surface`);
    const answer = await ctx.driver.blockAction(user, actionOf(found, b.selected ?? null), target);
    if (answer.error)
      this.notice(user.id, where.type === 'message' ? where.channel : `D${user.id}`, answer.error);
    return { ok: !answer.error, error: answer.error };
  }

  private async submit(ctx: PageContext, b: z.infer<typeof bodies.submit>): Promise<Json> {
    const user = this.person(b.user);
    const view = this.viewOf(user.id, b.viewId);
    if (view.kind !== 'modal') throw new BadRequest('only modals are submitted');
    const blocks = (view.view.blocks as Json[] | undefined) ?? [];
    const answer = await ctx.driver.viewSubmission(user, view, stateValuesOf(blocks, b.values));
    if (answer.error)
      return { ok: false, error: `We had some trouble connecting (${answer.error}). Try again?` };
    if (answer.body.response_action === 'errors') {
      const errors = z.record(z.string(), z.string()).catch({}).parse(answer.body.errors);
      this.viewErrors.set(view.id, { hash: view.hash, errors });
      this.standIn.changed();
      return { ok: false, errors };
    }
    this.viewErrors.delete(view.id);
    if (!this.standIn.applyViewResponse(view.id, answer.body)) {
      return {
        ok: false,
        error: "Slack would have refused the app's answer (invalid_blocks): see the red banner.",
      };
    }
    return { ok: true };
  }

  private async closeModal(ctx: PageContext, b: z.infer<typeof bodies.close>): Promise<Json> {
    const user = this.person(b.user);
    const view = this.viewOf(user.id, b.viewId);
    this.standIn.closeView(view.id);
    this.viewErrors.delete(view.id);
    if (view.view.notify_on_close === true) {
      const blocks = (view.view.blocks as Json[] | undefined) ?? [];
      await ctx.driver.viewClosed(user, view, stateValuesOf(blocks, b.values ?? {}));
    }
    return { ok: true };
  }

  private async homeOpened(ctx: PageContext, b: z.infer<typeof bodies.home>): Promise<Json> {
    const user = this.person(b.user);
    const home = this.standIn.homeOf(user.id);
    const answer = await ctx.driver.event({
      type: 'app_home_opened',
      user: user.id,
      channel: `D${user.id}`,
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
      ...(home ? { view: { ...home.view, id: home.id, hash: home.hash } } : {}),
    });
    return { ok: !answer.error };
  }

  /**
   * Changes a cast member's Slack language the way Slack's preferences do: users.info answers
   * with the new locale, and the app hears a `user_change` (it asks Slack again next time).
   */
  private async slackLanguage(ctx: PageContext, b: z.infer<typeof bodies.slackLanguage>): Promise<Json> {
    const user = this.person(b.user);
    const fake = this.standIn.users.get(user.id);
    if (!fake) throw new BadRequest(`${user.id} is not in the sandbox's cast`);
    fake.locale = b.locale;
    const answer = await ctx.driver.event({
      type: 'user_change',
      user: { id: user.id, name: fake.name, tz: fake.tz, locale: b.locale },
      event_ts: `${Date.now() / 1000}`,
    });
    this.standIn.changed();
    return { ok: !answer.error };
  }

  private viewOf(user: string, viewId: string): FakeView {
    const view = this.standIn.views.get(viewId);
    if (!view || view.user !== user) throw new BadRequest('that view is closed');
    return view;
  }

  private notice(user: string, channel: string, error: string): void {
    this.standIn.addEphemeral({ channel, user, text: `⚠️ The app did not handle that: ${error}` });
  }
}

class BadRequest extends Error {}

function isLocalHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '');
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

interface ThreadedMessage {
  ts: string;
  user: string;
  text?: string;
  blocks?: Json[];
  /** Files shared with the message: shown as images, with their alt text. */
  files?: { id: string; title: string; altText: string }[];
  edited: boolean;
  replies: ThreadedMessage[];
}

/** Top-level messages in order, each with its thread replies. */
function threaded(messages: FakeMessage[], files: Map<string, FakeFile>): ThreadedMessage[] {
  const shape = (m: FakeMessage): ThreadedMessage => ({
    ts: m.ts,
    user: m.user,
    text: m.text,
    blocks: m.blocks,
    ...(m.files?.length
      ? {
          files: m.files.map((id) => {
            const f = files.get(id);
            return { id, title: f?.title ?? f?.filename ?? id, altText: f?.altText ?? '' };
          }),
        }
      : {}),
    edited: m.updates > 0,
    replies: [],
  });
  const top: ThreadedMessage[] = [];
  const byTs = new Map<string, ThreadedMessage>();
  for (const m of messages) {
    const parent = m.thread_ts && m.thread_ts !== m.ts ? byTs.get(m.thread_ts) : undefined;
    const s = shape(m);
    if (parent) parent.replies.push(s);
    else {
      top.push(s);
      byTs.set(m.ts, s);
    }
  }
  return top;
}
