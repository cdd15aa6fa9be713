import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type AppAnswer, AppDriver } from '../../sandbox/app-driver';
import { ManualClock } from '../../src/clock';
import { type Config, parseConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import type { HttpTimeouts } from '../../src/http/server';
import { findJob, type JobOutcome, runJob } from '../../src/jobs/registry';
import { createLogger } from '../../src/logger';
import { type RunningService, startService } from '../../src/start';
import { type FakeMessage, FakeSlack, type FakeUser, type FakeView } from './fake-slack';
import { signedHeaders } from './slack-signing';
import { createTestDatabase, type TestDatabase } from './test-database';

type Json = Record<string, unknown>;

export const SIGNING_SECRET = 'test-signing-secret';
export const PMO_CHANNEL = 'CPMO';
export const LEAD = 'ULEAD1';
export const LEAD2 = 'ULEAD2';

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: ManualClock;
  users?: FakeUser[];
  /** Keep the embedded database on disk so `restart()` finds the same data. */
  persistent?: boolean;
  /** Reuse a fake Slack (e.g. two instances talking to one Slack). */
  fake?: FakeSlack;
  /** Reuse a database (e.g. two instances on one database). */
  database?: TestDatabase;
  httpTimeouts?: HttpTimeouts;
  /** Socket Mode: the app connects to the fake's socket; commands and clicks travel on it. */
  socketMode?: boolean;
  /**
   * Installed through OAuth (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET; no
   * SLACK_BOT_TOKEN): nothing is installed until a test goes through /slack/install.
   */
  oauth?: boolean;
}

/** The OAuth credentials of an app started with `oauth: true` (the fake knows the same client). */
export const OAUTH_ENV = {
  SLACK_CLIENT_ID: 'test-client-id',
  SLACK_CLIENT_SECRET: 'test-client-secret',
  SLACK_STATE_SECRET: 'test-state-secret-0123456789',
};

/** Where Slack requests come from: a workspace, maybe of an organisation, and how the app is installed there. */
export interface Workspace {
  team: { id: string; domain: string };
  enterprise?: { id: string; name: string };
  isEnterpriseInstall?: boolean;
}

export interface HttpResult {
  status: number;
  body: Json;
  text: string;
}

/** A value for an input block, by its block_id; the element type in the view decides the shape. */
export type InputValue = string | string[] | null;

/**
 * Starts the real service (config → database → migrations → Bolt → HTTP) on an ephemeral port
 * against a fake Slack, and drives it the way Slack does: signed HTTP requests.
 */
export class TestApp {
  service!: RunningService;
  fake!: FakeSlack;
  clock!: ManualClock;
  config!: Config;
  logs: Json[] = [];
  /** The workspace requests come from (see `from`). */
  protected workspace: Workspace = { team: { id: 'T0TEST', domain: 'test' } };
  private ownsFake = false;
  private database!: TestDatabase;
  private ownsDatabase = false;
  private pgliteDir?: string;

  constructor(private readonly opts: TestAppOptions = {}) {}

  get db(): Database {
    return this.service.deps.db;
  }

  get url(): string {
    return `http://127.0.0.1:${this.service.port}`;
  }

  async start(): Promise<this> {
    this.clock = this.opts.clock ?? new ManualClock('2026-11-24T10:00:00Z');
    if (this.opts.fake) this.fake = this.opts.fake;
    else {
      this.fake = await new FakeSlack().start();
      this.ownsFake = true;
    }
    // Slack's triggers expire 3 s after the click, by the wall clock: on a busy machine the app's
    // work before views.open can take longer, and the modal would then never open. How fast the
    // app opens a modal is `npm run bench -- ack`'s to measure; a test that wants an expired
    // trigger says so (`failNext('views.open', { error: 'expired_trigger_id' })`). A trigger
    // used twice is still refused.
    this.fake.triggerTtlMs = Number.POSITIVE_INFINITY;
    for (const u of this.opts.users ?? []) this.fake.addUser(u);
    if (this.opts.database) this.database = this.opts.database;
    else {
      this.database = await createTestDatabase();
      this.ownsDatabase = true;
    }
    if (this.opts.persistent && !this.database.env.DATABASE_URL) {
      this.pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-pglite-'));
    }
    await this.boot();
    return this;
  }

  private async boot(): Promise<void> {
    this.config = parseConfig({
      ...(this.opts.oauth ? OAUTH_ENV : { SLACK_BOT_TOKEN: 'xoxb-test-token' }),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.fake.apiUrl,
      PMO_CHANNEL_ID: PMO_CHANNEL,
      PMO_LEAD_IDS: `${LEAD},${LEAD2}`,
      PORT: '0',
      LOG_LEVEL: 'info',
      SCHEDULER_ENABLED: 'false',
      ...this.database.env,
      ...(this.pgliteDir ? { PGLITE_DIR: path.join(this.pgliteDir, 'db') } : {}),
      ...(this.opts.socketMode ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
      ...this.opts.env,
    });
    const logs = this.logs;
    const destination = new Writable({
      write(chunk, _enc, cb) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Json);
        cb();
      },
    });
    const logger = createLogger({ level: this.config.logLevel, pretty: false, destination });
    this.service = await startService(this.config, {
      logger,
      clock: this.clock,
      host: '127.0.0.1',
      outboxPollMs: 200,
      httpTimeouts: this.opts.httpTimeouts,
    });
    // What the app's Slack settings would say: the browser comes back to this instance.
    if (this.opts.oauth) this.fake.oauthRedirectUrl = `${this.url}/slack/oauth_redirect`;
    // In Socket Mode the app connects in the background: wait until it can be reached.
    if (this.opts.socketMode)
      await this.fake.waitFor(() => this.service.slack.socket?.connected(), 'Socket Mode', 20_000);
  }

  /** Stops the process's service and starts it again on the same database. */
  async restart(): Promise<void> {
    await this.service.stop();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    if (this.ownsFake) await this.fake?.stop();
    if (this.ownsDatabase) await this.database?.drop();
    if (this.pgliteDir) fs.rmSync(this.pgliteDir, { recursive: true, force: true });
    if (this.fake?.violations.length) {
      throw new Error(`Slack would have rejected these payloads:\n${this.fake.violations.join('\n')}`);
    }
  }

  /**
   * Runs a scheduled job once as the scheduler would at the clock's time (or `at`), claiming its
   * slot in job_runs, then delivers the outbox.
   */
  async runJob(name: string, at: Date = this.clock.now()): Promise<JobOutcome> {
    const job = findJob(this.service.jobs, name);
    if (!job) throw new Error(`no job called ${name}`);
    const outcome = await runJob(job, this.service.deps, this.service.client, at, this.service.instanceId);
    await this.flush();
    return outcome;
  }

  /**
   * Resolves once every Slack request sent so far is fully handled (work after the ack too). It
   * waits for that, not for a time: how long the work takes depends on how busy the machine is,
   * so by default only the test's own timeout bounds it.
   */
  async settle(timeoutMs = Number.POSITIVE_INFINITY): Promise<void> {
    const { admission } = this.service;
    const deadline = Date.now() + timeoutMs;
    while (admission.inFlight > 0 || admission.waitingCount > 0) {
      if (Date.now() > deadline) throw new Error('Slack requests still in flight');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Delivers everything in the outbox now (instead of waiting for the poll). */
  async flush(): Promise<void> {
    await this.service.deps.outbox.drain();
  }

  async post(body: string, contentType: string, headers: Record<string, string> = {}): Promise<HttpResult> {
    const res = await fetch(`${this.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signedHeaders(SIGNING_SECRET, body), ...headers },
      body,
    });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = text ? (JSON.parse(text) as Json) : {};
    } catch {
      // plain-text acks are fine
    }
    return { status: res.status, body: parsed, text };
  }

  /**
   * The Slack-client simulator the sandbox plays Slack with (sandbox/app-driver.ts): the same
   * envelopes, signing and response_urls, so the tests and the sandbox cannot drift apart.
   */
  private get driver(): AppDriver {
    return new AppDriver(this.fake, SIGNING_SECRET, () => `${this.url}/slack/events`, {
      team: this.workspace.team,
      ...(this.workspace.enterprise ? { enterprise: this.workspace.enterprise } : {}),
      isEnterpriseInstall: this.workspace.isEnterpriseInstall ?? false,
      appId: 'A0TEST',
      ...(this.opts.socketMode ? { socket: this.fake.socketMode } : {}),
      // Tests measure the 3 s themselves; a slower answer is reported, not cut off.
      ackTimeoutMs: 30_000,
    });
  }

  /**
   * The same app, with requests coming from another workspace (of an organisation, maybe
   * installed org-wide): `app.from(ws).slash(…)`. Everything else is shared with this one.
   */
  from(workspace: Workspace): TestApp {
    const view = Object.create(this) as TestApp;
    view.workspace = workspace;
    return view;
  }

  /** `/pmo <text>` typed by `user` in `channel`. */
  async slash(user: string, text: string, channel = 'CGENERAL'): Promise<HttpResult> {
    const person = { id: user, name: user.toLowerCase() };
    return asResult(
      await this.driver.command(person, this.config.pmo.command, text, { id: channel, name: 'general' }),
    );
  }

  /**
   * A click on a button (or a selection) with `actionId`, in a message or a view. The block_id
   * and value default to the ones of the element found in that message or view; tests forge
   * other values (and blocks that do not exist) to play a hostile client.
   */
  async click(
    user: string,
    actionId: string,
    where: { message?: FakeMessage; view?: FakeView },
    extra: { value?: string; selectedOption?: string; selectedUser?: string; blockId?: string } = {},
  ): Promise<HttpResult> {
    const blocks = (where.message?.blocks ?? (where.view?.view.blocks as Json[] | undefined) ?? []) as Json[];
    const found = findElement(blocks, actionId);
    if (!found && !extra.blockId) throw new Error(`No element with action_id ${actionId} in that surface`);
    const element = found?.element ?? {};
    const action: Json = {
      type: element.type ?? 'button',
      action_id: actionId,
      block_id: extra.blockId ?? found?.blockId,
    };
    if (extra.value !== undefined || element.value !== undefined) action.value = extra.value ?? element.value;
    if (extra.selectedOption !== undefined) action.selected_option = { value: extra.selectedOption };
    if (extra.selectedUser !== undefined) action.selected_user = extra.selectedUser;
    const person = { id: user, name: user.toLowerCase() };
    if (where.message) {
      const m = where.message;
      const ephemeral = this.fake.ephemerals.some((e) => e.ts === m.ts && e.user === user);
      return asResult(
        await this.driver.blockAction(
          person,
          action,
          ephemeral ? { message: m, ephemeral: true } : { message: m, ephemeral: false },
        ),
      );
    }
    if (!where.view) throw new Error('click where? a message or a view');
    return asResult(await this.driver.blockAction(person, action, { view: where.view, values: {} }));
  }

  /** Submits a modal with values by block_id; unlisted inputs are submitted empty. */
  async submit(
    user: string,
    view: FakeView,
    values: Record<string, InputValue>,
    viewId = view.id,
  ): Promise<HttpResult> {
    const state: Record<string, Record<string, Json>> = {};
    for (const block of (view.view.blocks as Json[]) ?? []) {
      if (block.type !== 'input') continue;
      const blockId = String(block.block_id);
      const element = block.element as Json;
      const value = values[blockId];
      state[blockId] = { [String(element.action_id)]: stateValue(element, value ?? null) };
    }
    for (const key of Object.keys(values)) {
      if (!state[key]) throw new Error(`The view has no input block ${key}`);
    }
    const result = asResult(
      await this.driver.viewSubmission(
        { id: user, name: user.toLowerCase() },
        { ...view, id: viewId },
        state,
      ),
    );
    // A submission answered with `response_action: 'update'` replaces the modal, as in Slack.
    if (result.body.response_action === 'update' && result.body.view) {
      this.fake.applyViewResponse(viewId, result.body);
    }
    return result;
  }

  /** "Ask the PMO about this" (or another message shortcut) on `message`, by `user`. */
  async messageShortcut(
    user: string,
    message: { channel: string; ts: string; text?: string; user?: string; thread_ts?: string },
    opts: { callbackId?: string; channelName?: string } = {},
  ): Promise<HttpResult> {
    return asResult(
      await this.driver.messageShortcut(
        { id: user, name: user.toLowerCase() },
        opts.callbackId ?? 'pmo_ask_about_message',
        { id: message.channel, name: opts.channelName ?? message.channel.toLowerCase() },
        message,
      ),
    );
  }

  /** The ⚡ global shortcut `callbackId` (default "New PMO request"). */
  async globalShortcut(user: string, callbackId = 'pmo_new_request'): Promise<HttpResult> {
    return asResult(await this.driver.globalShortcut({ id: user, name: user.toLowerCase() }, callbackId));
  }

  /** A workflow runs the custom step `callbackId`; a redelivery passes the same event id and token. */
  async functionExecuted(
    inputs: Json,
    opts: { executionId: string; token?: string; eventId?: string; retryNum?: number; callbackId?: string },
  ): Promise<HttpResult> {
    return asResult(
      await this.driver.functionExecuted(opts.callbackId ?? 'create_pmo_request', inputs, opts),
    );
  }

  /** An Events API delivery (e.g. app_home_opened); a retry keeps its event id. */
  async event(event: Json, opts: { eventId?: string; retryNum?: number } = {}): Promise<HttpResult> {
    return asResult(await this.driver.event(event, opts));
  }
}

function asResult(answer: AppAnswer): HttpResult {
  if (answer.status === 0) throw new Error(`the app did not answer: ${answer.error}`);
  return { status: answer.status, body: answer.text.startsWith('{') ? answer.body : {}, text: answer.text };
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  return new TestApp(opts).start();
}

function findElement(blocks: Json[], actionId: string): { blockId: string; element: Json } | undefined {
  for (const b of blocks) {
    const candidates = [
      ...((b.elements as Json[] | undefined) ?? []),
      ...(b.accessory ? [b.accessory as Json] : []),
      ...(b.element ? [b.element as Json] : []),
    ];
    const element = candidates.find((e) => e.action_id === actionId);
    if (element) return { blockId: String(b.block_id), element };
  }
  return undefined;
}

function stateValue(element: Json, value: InputValue): Json {
  const type = String(element.type);
  const list = value === null ? [] : Array.isArray(value) ? value : [value];
  const optionFor = (v: string) => {
    const options = (element.options as Json[] | undefined) ?? [];
    const o = options.find((x) => x.value === v);
    return o ?? { value: v, text: { type: 'plain_text', text: v } };
  };
  switch (type) {
    case 'plain_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: value === null ? null : String(value) };
    case 'datepicker':
      return { type, selected_date: value };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: value === null ? null : optionFor(String(value)) };
    case 'multi_static_select':
    case 'checkboxes':
      return { type, selected_options: list.map(optionFor) };
    case 'users_select':
      return { type, selected_user: value };
    case 'multi_users_select':
      return { type, selected_users: list };
    case 'conversations_select':
    case 'channels_select':
      return { type, selected_conversation: value, selected_channel: value };
    default:
      throw new Error(`The harness cannot fill a ${type}`);
  }
}
