import type { RequestListener } from 'node:http';
import { App, type Authorize, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Deps } from './deps';
import { holdAdmissionSlot, slotOf } from './http/admission';
import { boltLogger } from './logger';
import type { BotIdentity } from './slack/bot-identity';
import { registerCommands } from './slack/commands';
import type { Subcommand } from './slack/commands/subcommand';
import { dedupeEvents } from './slack/events/dedupe-events';
import {
  answerFailures,
  answerUnhandled,
  type Feature,
  type RegisteredRoutes,
  registerFeatures,
} from './slack/kit';

export interface SlackApp {
  bolt: App;
  /** The action and callback ids the app answers (the authorization matrix test reads them). */
  routes: RegisteredRoutes;
  /** HTTP mode: the listener for POST /slack/events (signature checked by Bolt). */
  slackRequestListener?: RequestListener;
  /** Socket Mode: connect / disconnect, and whether a connection is open now (readiness). */
  socket?: { start(): Promise<unknown>; stop(): Promise<unknown>; connected(): boolean };
}

/**
 * How requests are authorised: one bot token whose identity start.ts asked auth.test for, or
 * (OAuth) each request's installation, looked up by its workspace or organisation.
 */
export type SlackAuth = { identity: BotIdentity } | { authorize: Authorize<boolean> };

/**
 * The Bolt app with every listener registered and one error handler. Buildable without a port:
 * server.ts owns the HTTP server, main.ts owns the process.
 */
export function createSlackApp(
  deps: Deps,
  auth: SlackAuth,
  app: { features: readonly Feature[]; subcommands: Subcommand[] },
): SlackApp {
  const { config, logger } = deps;
  const logs = boltLogger(logger);
  const clientOptions = {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    // Interactive calls (views.open, chat.update…) retry briefly; long waits belong to the sender.
    retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 1000 },
    // A Slack call that hangs must not hold a listener (and its memory) forever.
    timeout: 10_000,
  };

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: logs,
      // Without it, apps.connections.open goes to Slack's own host whatever SLACK_API_URL says.
      installerOptions: { clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {} },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret,
      // The HTTP server checked the signature before handing the request over (slack-envelope.ts,
      // the only way in): a second HMAC per request would be CPU spent on nothing.
      signatureVerification: false,
      endpoints: '/slack/events',
      processBeforeResponse: false,
      logger: logs,
      // The HTTP server's admission slot rides along to the first middleware (see admission.ts).
      customPropertiesExtractor: (req) => ({ admissionSlot: slotOf(req) }),
    });
  }

  const bolt = new App({
    ...('authorize' in auth
      ? { authorize: auth.authorize }
      : {
          token: config.slack.botToken,
          // Known already (start.ts asked auth.test with retries), so Bolt does not ask again.
          botId: auth.identity.botId,
          botUserId: auth.identity.botUserId,
        }),
    receiver,
    logger: logs,
    clientOptions,
    // Events about our own messages are never interesting.
    ignoreSelf: true,
    // Bolt's conversation store keeps per-conversation state we never read; off, it costs nothing.
    convoStore: false,
  });

  // First: the request holds its admission slot until every listener is done (work after the
  // ack included). Then: any listener that fails is answered kindly and logged once.
  bolt.use(holdAdmissionSlot);
  bolt.use(answerFailures(deps));
  // Slack retries event deliveries: every event passes the de-duplicator before any listener.
  bolt.use(dedupeEvents(deps));
  registerCommands(bolt, deps, app.subcommands);
  const routes = registerFeatures(bolt, deps, [...app.features]);
  // Last: a verified request that no listener answered is acked here, within Slack's 3 s.
  answerUnhandled(bolt, logger);

  // Listener failures are answered and logged by answerFailures; what reaches here failed
  // outside any listener (Bolt's own processing).
  bolt.error(async (error) => {
    const err = error as Error & { code?: string; original?: Error };
    const slackError = (err.original as { data?: { error?: string } } | undefined)?.data?.error;
    if (slackError) deps.metrics.slackApiErrors.inc({ client: 'interactive', error: slackError });
    logger.error({ err: err.original ?? err, code: err.code }, 'unhandled error in a Slack listener');
  });

  if (receiver instanceof HTTPReceiver) {
    return { bolt, routes, slackRequestListener: receiver.requestListener };
  }
  const socket = receiver;
  // The client reconnects by itself (refresh_requested, a dropped link); readiness follows it.
  let connected = false;
  socket.client.on('connected', () => {
    connected = true;
    logger.info('Socket Mode connected');
  });
  // 'close' comes first: the client waits (5 s) before it says 'reconnecting'.
  for (const state of ['close', 'disconnected', 'reconnecting', 'connecting'])
    socket.client.on(state, () => {
      connected = false;
    });
  return {
    bolt,
    routes,
    socket: { start: () => socket.start(), stop: () => socket.stop(), connected: () => connected },
  };
}
