import type { App, BlockAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Actor, Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { type Audience, audienceAllows } from './audience';
import { firstInputBlock, parseForm, parseMetadata } from './form';
import { kitText } from './kit-text';
import type { EventRoute, FunctionRoute, ShortcutRoute } from './listeners';

/**
 * How every feature meets Slack. A feature declares its buttons (ActionRoute) and its modals
 * (ViewRoute); the kit acks, parses the click's value or the form into typed values (or a clear
 * answer), checks who may act, and only then runs the feature's code. One Bolt listener per
 * feature dispatches on the id, instead of one matcher per button run for every request.
 */

/** Where a click happened. Channel and ts are the payload's: never a place to write to. */
export type ClickPlace =
  | { kind: 'message'; channel?: string; ts?: string }
  | { kind: 'home' }
  | { kind: 'modal'; viewId: string };

export interface Click<V> {
  deps: Deps;
  client: WebClient;
  userId: string;
  /** Who clicked, as roles see them: resolved once per click (the audience check uses it too). */
  actor(): Promise<Actor>;
  /** The clicker's translator: looked up once per click (the kit's own answers use it too). */
  tr(): Promise<Translator>;
  actionId: string;
  value: V;
  triggerId: string;
  place: ClickPlace;
  body: BlockAction;
  /** A private answer to the clicker, where they clicked (message, Home or modal). */
  tell(text: string): Promise<void>;
  /** Opens a modal; over a modal the click came from, it is pushed (opening would replace it). */
  openModal(view: ModalView): Promise<void>;
  /** The clicked private message's respond (an ephemeral list redrawn in place), when there is one. */
  respond?: RespondFn;
}

export interface ActionRoute<V = unknown> {
  id: string | RegExp;
  audience?: Audience;
  /** What someone outside the audience is told, in their language (a default per audience otherwise). */
  refusal?: Words;
  /** The button's value (or selected option / user), parsed; a forged one is answered, not run. */
  value: z.ZodType<V>;
  run(click: Click<V>): Promise<void>;
}

export type ViewAnswer =
  | { errors: Record<string, string> }
  | { update: ModalView }
  | { push: ModalView }
  | { clear: true }
  | undefined;

export interface Submission<M, F> {
  deps: Deps;
  client: WebClient;
  userId: string;
  viewId: string;
  metadata: M;
  values: F;
  body: ViewSubmitAction;
  /** Who submitted, as roles see them: resolved once per submission (the audience check uses it too). */
  actor(): Promise<Actor>;
  /** The submitter's translator, looked up once per submission. */
  tr(): Promise<Translator>;
  /** Work after the ack (Slack wants the answer within 3 s): refreshes, updates. */
  later(work: () => Promise<unknown>): void;
}

export interface FormContext {
  deps: Deps;
  userId: string;
  /** The submitter's translator (the one the submission gets), for field errors in their language. */
  tr(): Promise<Translator>;
}

export interface ViewRoute<M = unknown, F = unknown> {
  callbackId: string;
  audience?: Audience;
  refusal?: Words;
  metadata?: z.ZodType<M>;
  /** Field name → input block id; `schema` parses the raw values under those names. */
  fields?: Record<string, string>;
  schema?(ctx: FormContext): z.ZodType<F> | Promise<z.ZodType<F>>;
  submit(s: Submission<M, F>): Promise<ViewAnswer>;
}

/** Typed constructors: the route's value and form types are inferred from its schemas. */
export const action = <V>(route: ActionRoute<V>): ActionRoute<V> => route;
export const view = <M = undefined, F = undefined>(route: ViewRoute<M, F>): ViewRoute<M, F> => route;

/** What the kit routes for a feature: its buttons, modals, shortcuts, workflow steps and events. */
export interface Feature {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: each route carries its own value type
  actions?: ActionRoute<any>[];
  // biome-ignore lint/suspicious/noExplicitAny: each route carries its own form types
  views?: ViewRoute<any, any>[];
  shortcuts?: ShortcutRoute[];
  functions?: FunctionRoute[];
  // biome-ignore lint/suspicious/noExplicitAny: each route is typed by its own event name
  events?: EventRoute<any>[];
}

export interface RegisteredRoutes {
  actions: (string | RegExp)[];
  views: string[];
  shortcuts: string[];
}

/** The actor of one payload, looked up the first time something asks. */
function actorOnce(deps: Deps, userId: string): () => Promise<Actor> {
  let actor: Promise<Actor> | undefined;
  return () => {
    actor ??= deps.roles.actor(userId);
    return actor;
  };
}

/** Text a route gives the kit to say: in English, or in the reader's language from a catalogue. */
export type Words = string | ((tr: Translator) => string);

const wordsIn = (tr: Translator, words: Words) => (typeof words === 'function' ? words(tr) : words);

function refusalOf(tr: Translator, route: { audience?: Audience; refusal?: Words }): string {
  if (route.refusal) return wordsIn(tr, route.refusal);
  if (route.audience === 'members') return tr.t(kitText, 'onlyMembers');
  if (route.audience === 'leads') return tr.t(kitText, 'onlyLeads');
  return '';
}

/** The translator of the person a payload came from, looked up the first time it is needed. */
function translatorOnce(deps: Deps, client: WebClient, userId: string): () => Promise<Translator> {
  let tr: Promise<Translator> | undefined;
  return () => {
    tr ??= deps.languages.of(client, userId).then(
      (language) => translatorFor(language),
      // The database or Slack cannot say: the PMO's language rather than no answer.
      () => translatorFor(deps.config.pmo.language),
    );
    return tr;
  };
}

export const STALE_CLICK = kitText.messages.en.staleClick;
export const STALE_FORM = kitText.messages.en.staleForm;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const inner = (re: RegExp) => re.source.replace(/^\^/, '').replace(/\$$/, '');

/** One anchored pattern matching every id of a feature: Bolt runs one matcher per feature. */
function unionOf(ids: (string | RegExp)[]): RegExp {
  return new RegExp(
    `^(?:${ids.map((id) => (typeof id === 'string' ? escapeRe(id) : inner(id))).join('|')})$`,
  );
}

function findRoute<R extends { id: string | RegExp }>(routes: R[], id: string): R | undefined {
  return routes.find((r) => (typeof r.id === 'string' ? r.id === id : r.id.test(id)));
}

export function noticeModal(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title.slice(0, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }],
  };
}

export function registerFeatures(app: App, deps: Deps, features: Feature[]): RegisteredRoutes {
  const registered: RegisteredRoutes = { actions: [], views: [], shortcuts: [] };
  for (const feature of features) {
    for (const route of feature.shortcuts ?? []) {
      registered.shortcuts.push(route.callbackId);
      app.shortcut({ callback_id: route.callbackId, type: route.type }, async (args) => {
        await args.ack();
        await route.run(args, deps);
      });
    }
    for (const route of feature.functions ?? [])
      app.function(route.callbackId, (args) => route.run(args, deps));
    for (const route of feature.events ?? []) app.event(route.event, (args) => route.run(args, deps));
    const actions = feature.actions ?? [];
    const views = feature.views ?? [];
    if (actions.length) {
      registered.actions.push(...actions.map((a) => a.id));
      app.action(unionOf(actions.map((a) => a.id)), async (args) => {
        await args.ack();
        const body = args.body as BlockAction;
        const route = findRoute(actions, (args.payload as { action_id: string }).action_id);
        if (route) await runAction(deps, route, body, args.client, args.respond);
      });
    }
    if (views.length) {
      const byId = new Map(views.map((v) => [v.callbackId, v]));
      registered.views.push(...byId.keys());
      app.view(unionOf([...byId.keys()]), async (args) => {
        const route = byId.get(args.view.callback_id);
        if (route)
          await runView(deps, route, args.body as ViewSubmitAction, args.client, args.ack as ViewAck);
      });
    }
  }
  return registered;
}

function placeOf(body: BlockAction): ClickPlace {
  if (body.container?.type === 'view') {
    return body.view?.type === 'home'
      ? { kind: 'home' }
      : { kind: 'modal', viewId: String(body.view?.id ?? '') };
  }
  const c = body.container as { channel_id?: string; message_ts?: string } | undefined;
  return {
    kind: 'message',
    channel: c?.channel_id ?? body.channel?.id,
    ts: c?.message_ts ?? body.message?.ts,
  };
}

function clickValue(body: BlockAction): unknown {
  const a = body.actions?.[0] as Record<string, unknown> | undefined;
  if (!a) return undefined;
  if ('value' in a) return a.value;
  const option = a.selected_option as { value?: unknown } | undefined;
  if (option) return option.value;
  return a.selected_user ?? a.selected_date ?? a.selected_channel ?? a.selected_conversation;
}

async function runAction(
  deps: Deps,
  route: ActionRoute,
  body: BlockAction,
  client: WebClient,
  respond: RespondFn | undefined,
): Promise<void> {
  const userId = body.user.id;
  const place = placeOf(body);
  const actor = actorOnce(deps, userId);
  const tr = translatorOnce(deps, client, userId);
  const tell = async (text: string): Promise<void> => {
    if (place.kind === 'home') return deps.surfaces.refreshHome(client, userId, { notice: text });
    if (place.kind === 'modal') {
      // A modal has no response_url: the note is pushed over it (the click's trigger is fresh).
      await client.views
        .push({
          trigger_id: body.trigger_id,
          view: noticeModal((await tr()).t(kitText, 'noticeTitle'), text),
        })
        .catch((err: Error) => deps.logger.warn({ err }, 'could not show a note over a modal'));
      return;
    }
    if (respond) {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    deps.logger.info({ userId }, 'nowhere to answer a click');
  };
  const actionId = body.actions[0]?.action_id ?? '';
  const value = route.value.safeParse(clickValue(body));
  if (!value.success) {
    deps.logger.warn({ actionId, userId }, 'a click with a value the app never sent');
    return tell((await tr()).t(kitText, 'staleClick'));
  }
  if (!(await audienceAllows(route.audience, actor))) return tell(refusalOf(await tr(), route));
  await route.run({
    deps,
    client,
    userId,
    actor,
    tr,
    actionId,
    value: value.data,
    triggerId: body.trigger_id,
    place,
    body,
    tell,
    openModal: async (modal) => {
      if (place.kind === 'modal') await client.views.push({ trigger_id: body.trigger_id, view: modal });
      else await client.views.open({ trigger_id: body.trigger_id, view: modal });
    },
    respond,
  });
}

type ViewAck = (response?: Record<string, unknown>) => Promise<void>;

async function runView(
  deps: Deps,
  route: ViewRoute,
  body: ViewSubmitAction,
  client: WebClient,
  ack: ViewAck,
): Promise<void> {
  const userId = body.user.id;
  const actor = actorOnce(deps, userId);
  const tr = translatorOnce(deps, client, userId);
  const errorOnForm = async (text: string) => {
    const block = firstInputBlock(body.view);
    return block
      ? ack({ response_action: 'errors', errors: { [block]: text } })
      : ack({ response_action: 'update', view: noticeModal((await tr()).t(kitText, 'noticeTitle'), text) });
  };
  let metadata: unknown;
  if (route.metadata) {
    metadata = parseMetadata(route.metadata, body.view?.private_metadata);
    if (metadata === undefined) {
      deps.logger.warn(
        { callbackId: route.callbackId, userId },
        'a submission with metadata the app never wrote',
      );
      return errorOnForm((await tr()).t(kitText, 'staleForm'));
    }
  }
  if (!(await audienceAllows(route.audience, actor))) return errorOnForm(refusalOf(await tr(), route));
  let values: unknown;
  if (route.schema && route.fields) {
    const form = parseForm(body.view, route.fields, await route.schema({ deps, userId, tr }));
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    values = form.values;
  }
  const later: (() => Promise<unknown>)[] = [];
  const answer = await route.submit({
    deps,
    client,
    userId,
    viewId: String(body.view?.id ?? ''),
    metadata,
    values,
    body,
    actor,
    tr,
    later: (work) => later.push(work),
  });
  if (!answer) await ack();
  else if ('errors' in answer) await ack({ response_action: 'errors', errors: answer.errors });
  else if ('update' in answer) await ack({ response_action: 'update', view: answer.update });
  else if ('push' in answer) await ack({ response_action: 'push', view: answer.push });
  else await ack({ response_action: 'clear' });
  for (const work of later) await work();
}
