import { signedHeaders } from './slack-signing';
import type { FakeMessage, FakeView, SlackStandIn } from './slack-stand-in';
import type { EnvelopeType, SocketModeServer } from './socket-mode-server';

type Json = Record<string, unknown>;

/** Slack gives an app 3 seconds to acknowledge; after that the person sees an error. */
const ACK_TIMEOUT_MS = 3000;

export interface DriverOptions {
  team?: { id: string; domain: string };
  /** The Enterprise Grid organisation the workspace belongs to (payloads then carry its id and name). */
  enterprise?: { id: string; name: string };
  /** The app is installed org-wide (keyed by the enterprise), not in this workspace alone. */
  isEnterpriseInstall?: boolean;
  appId?: string;
  /** How long to wait for the acknowledgement (Slack: 3 s). */
  ackTimeoutMs?: number;
  /**
   * Socket Mode: the same payloads go as envelopes over the stand-in's socket, and the
   * acknowledgement's payload is the answer (instead of signed HTTP to POST /slack/events).
   */
  socket?: SocketModeServer;
}

export interface AppAnswer {
  status: number;
  /** The acknowledgement body, parsed when it is JSON. */
  body: Json;
  /** The acknowledgement body as sent. */
  text: string;
  /** Set when the app did not answer in time or could not be reached (what Slack would show). */
  error?: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

/**
 * Plays Slack's part towards the app: every command, click, submission and event goes to the
 * app's own POST /slack/events, signed with the signing secret, exactly as Slack sends it — so
 * the sandbox exercises the same path as production and no second code path exists in the app.
 * The test rig drives the app through this same simulator (test/support/test-app.ts).
 */
export class AppDriver {
  private readonly team: { id: string; domain: string };
  private readonly enterprise?: { id: string; name: string };
  private readonly isEnterpriseInstall: boolean;
  private readonly appId: string;
  private readonly ackTimeoutMs: number;
  private readonly socket?: SocketModeServer;

  constructor(
    private readonly standIn: SlackStandIn,
    private readonly signingSecret: string,
    private readonly eventsUrl: () => string,
    opts: DriverOptions = {},
  ) {
    this.team = opts.team ?? { id: 'T0SANDBOX', domain: 'sandbox' };
    this.enterprise = opts.enterprise;
    this.isEnterpriseInstall = opts.isEnterpriseInstall ?? false;
    this.appId = opts.appId ?? 'A0SANDBOX';
    this.ackTimeoutMs = opts.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.socket = opts.socket;
  }

  /** `/pmo <text>` typed by `user` in `channel`. */
  command(user: PersonRef, command: string, text: string, channel: { id: string; name: string }) {
    const body = new URLSearchParams({
      token: 'legacy',
      team_id: this.team.id,
      team_domain: this.team.domain,
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: user.id,
      user_name: user.name,
      command,
      text,
      api_app_id: this.appId,
      is_enterprise_install: String(this.isEnterpriseInstall),
      ...(this.enterprise
        ? { enterprise_id: this.enterprise.id, enterprise_name: this.enterprise.name }
        : {}),
      response_url: this.standIn.responseUrl({ user: user.id, channel: channel.id }),
      trigger_id: this.standIn.issueTrigger(user.id),
    }).toString();
    return this.post(body, 'application/x-www-form-urlencoded');
  }

  /** A click or a selection in a message (`message`), an ephemeral message, or a view. */
  blockAction(
    user: PersonRef,
    action: Json,
    where:
      | { message: FakeMessage; ephemeral?: false }
      | { message: { channel: string; ts: string; text?: string; blocks?: Json[] }; ephemeral: true }
      | { view: FakeView; values: Json },
  ) {
    const payload: Json = {
      type: 'block_actions',
      user: this.userOf(user),
      ...this.orgFields(),
      api_app_id: this.appId,
      trigger_id: this.standIn.issueTrigger(user.id),
      actions: [{ ...action, action_ts: `${Date.now() / 1000}` }],
    };
    if ('message' in where) {
      const m = where.message;
      const ephemeral = where.ephemeral === true;
      payload.container = {
        type: 'message',
        message_ts: m.ts,
        channel_id: m.channel,
        is_ephemeral: ephemeral,
      };
      payload.channel = { id: m.channel, name: m.channel };
      payload.message = {
        type: 'message',
        ts: m.ts,
        text: m.text,
        blocks: m.blocks,
        ...('thread_ts' in m && m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      };
      payload.response_url = this.standIn.responseUrl({
        user: user.id,
        channel: m.channel,
        messageTs: m.ts,
        ephemeral,
      });
    } else {
      payload.container = { type: 'view', view_id: where.view.id };
      payload.view = this.viewPayload(where.view, where.values);
    }
    return this.post(form(payload), 'application/x-www-form-urlencoded');
  }

  /**
   * A message shortcut ("Ask the PMO about this" in a message's menu): Slack sends the message
   * and its channel, a trigger for a modal and a response_url.
   */
  messageShortcut(
    user: PersonRef,
    callbackId: string,
    channel: { id: string; name: string },
    message: { ts: string; text?: string; user?: string; thread_ts?: string },
  ) {
    return this.post(
      form({
        type: 'message_action',
        callback_id: callbackId,
        trigger_id: this.standIn.issueTrigger(user.id),
        action_ts: `${Date.now() / 1000}`,
        message_ts: message.ts,
        user: this.userOf(user),
        ...this.orgFields(),
        api_app_id: this.appId,
        token: 'legacy',
        channel: { id: channel.id, name: channel.name },
        message: {
          type: 'message',
          ts: message.ts,
          text: message.text ?? '',
          user: message.user ?? user.id,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        },
        response_url: this.standIn.responseUrl({ user: user.id, channel: channel.id }),
      }),
      'application/x-www-form-urlencoded',
    );
  }

  /** A global shortcut (⚡ in the composer or the search bar): a trigger, nothing else. */
  globalShortcut(user: PersonRef, callbackId: string) {
    return this.post(
      form({
        type: 'shortcut',
        callback_id: callbackId,
        trigger_id: this.standIn.issueTrigger(user.id),
        action_ts: `${Date.now() / 1000}`,
        user: this.userOf(user),
        ...this.orgFields(),
        api_app_id: this.appId,
        token: 'legacy',
      }),
      'application/x-www-form-urlencoded',
    );
  }

  /**
   * A workflow runs the app's custom step: an Events API `function_executed` carrying the
   * step's inputs and a token issued for this execution (`bot_access_token`). A redelivery keeps
   * the event id and the execution (and its token).
   */
  functionExecuted(
    callbackId: string,
    inputs: Json,
    opts: { executionId: string; token?: string; eventId?: string; retryNum?: number },
  ) {
    const token = opts.token ?? this.standIn.issueFunctionToken(opts.executionId);
    return this.event(
      {
        type: 'function_executed',
        function: {
          id: `Fn${callbackId.length}${this.appId}`,
          callback_id: callbackId,
          title: callbackId,
          description: '',
          type: 'app',
          input_parameters: [],
          output_parameters: [],
          app_id: this.appId,
          date_created: 1700000000,
          date_updated: 1700000000,
          date_deleted: 0,
        },
        inputs,
        function_execution_id: opts.executionId,
        workflow_execution_id: `Wx${opts.executionId}`,
        event_ts: `${Date.now() / 1000}`,
        bot_access_token: token,
      },
      { eventId: opts.eventId, retryNum: opts.retryNum },
    );
  }

  viewSubmission(user: PersonRef, view: FakeView, values: Json) {
    return this.post(
      form({
        type: 'view_submission',
        user: this.userOf(user),
        ...this.orgFields(),
        api_app_id: this.appId,
        trigger_id: this.standIn.issueTrigger(user.id),
        view: this.viewPayload(view, values),
        response_urls: [],
      }),
      'application/x-www-form-urlencoded',
    );
  }

  viewClosed(user: PersonRef, view: FakeView, values: Json) {
    return this.post(
      form({
        type: 'view_closed',
        user: this.userOf(user),
        ...this.orgFields(),
        api_app_id: this.appId,
        view: this.viewPayload(view, values),
        is_cleared: false,
      }),
      'application/x-www-form-urlencoded',
    );
  }

  /**
   * An Events API delivery (app_home_opened, message.im …). A redelivery keeps its `eventId`
   * and says so in X-Slack-Retry-Num, as Slack's retries do.
   */
  event(event: Json, opts: { eventId?: string; retryNum?: number } = {}) {
    return this.post(
      JSON.stringify({
        token: 'legacy',
        team_id: this.team.id,
        ...(this.enterprise ? { enterprise_id: this.enterprise.id } : {}),
        api_app_id: this.appId,
        type: 'event_callback',
        event_id: opts.eventId ?? `Ev${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
        is_ext_shared_channel: false,
        authorizations: [
          {
            // An org-wide install is authorised for the organisation, not for one workspace.
            enterprise_id: this.enterprise?.id ?? null,
            team_id: this.isEnterpriseInstall ? null : this.team.id,
            user_id: 'UPMOBOT',
            is_bot: true,
            is_enterprise_install: this.isEnterpriseInstall,
          },
        ],
      }),
      'application/json',
      opts.retryNum
        ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {},
    );
  }

  private viewPayload(view: FakeView, values: Json): Json {
    const stack = this.standIn.modalStackOf(view.user);
    const i = stack.findIndex((v) => v.id === view.id);
    return {
      ...view.view,
      id: view.id,
      hash: view.hash,
      team_id: this.team.id,
      app_id: this.appId,
      state: { values },
      root_view_id: stack[0]?.id ?? view.id,
      previous_view_id: i > 0 ? (stack[i - 1]?.id ?? null) : null,
    };
  }

  /** How interactive payloads name the workspace, its organisation and the kind of install. */
  private orgFields(): Json {
    return {
      team: this.team,
      ...(this.enterprise ? { enterprise: this.enterprise } : { enterprise: null }),
      is_enterprise_install: this.isEnterpriseInstall,
    };
  }

  private userOf(user: PersonRef): Json {
    return { id: user.id, username: user.name, name: user.name, team_id: this.team.id };
  }

  private async viaSocket(
    socket: SocketModeServer,
    body: string,
    contentType: string,
    headers: Record<string, string>,
  ): Promise<AppAnswer> {
    const { type, payload } = envelopeOf(body, contentType);
    try {
      const ack = await socket.send(type, payload, {
        retryAttempt: Number(headers['x-slack-retry-num'] ?? 0),
        retryReason: headers['x-slack-retry-reason'] ?? '',
        timeoutMs: this.ackTimeoutMs,
      });
      const answer = (ack.payload as Json | undefined) ?? {};
      return { status: 200, body: answer, text: ack.payload === undefined ? '' : JSON.stringify(answer) };
    } catch (err) {
      return { status: 0, body: {}, text: '', error: (err as Error).message };
    }
  }

  private async post(
    body: string,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<AppAnswer> {
    if (this.socket) return this.viaSocket(this.socket, body, contentType, headers);
    try {
      const res = await fetch(this.eventsUrl(), {
        method: 'POST',
        headers: { 'content-type': contentType, ...signedHeaders(this.signingSecret, body), ...headers },
        body,
        signal: AbortSignal.timeout(this.ackTimeoutMs),
      });
      const text = await res.text();
      let parsed: Json = {};
      try {
        parsed = text ? (JSON.parse(text) as Json) : {};
      } catch {
        // a plain-text acknowledgement is shown as the reply's text
        parsed = text ? { text } : {};
      }
      return res.status === 200
        ? { status: 200, body: parsed, text }
        : { status: res.status, body: parsed, text, error: `the app answered HTTP ${res.status}` };
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      return {
        status: 0,
        body: {},
        text: '',
        error: timedOut
          ? 'operation_timeout (the app did not answer within 3 seconds)'
          : (err as Error).message,
      };
    }
  }
}

/** What HTTP would POST, as Slack puts it in a Socket Mode envelope: parsed. */
function envelopeOf(body: string, contentType: string): { type: EnvelopeType; payload: Json } {
  if (contentType !== 'application/x-www-form-urlencoded')
    return { type: 'events_api', payload: JSON.parse(body) as Json };
  const fields = new URLSearchParams(body);
  const payload = fields.get('payload');
  return payload === null
    ? { type: 'slash_commands', payload: Object.fromEntries(fields) }
    : { type: 'interactive', payload: JSON.parse(payload) as Json };
}

function form(payload: Json): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
