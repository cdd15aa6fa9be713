import { type AppAnswer, AppDriver } from '../../sandbox/app-driver';
import type { FakeMessage, FakeView } from './fake-slack';
import { type InputValue, PMO_CHANNEL, SIGNING_SECRET, type TestApp } from './test-app';

/** Shared steps for the request tests: they drive the app the way people do. */

type Json = Record<string, unknown>;

export const FORM = {
  service: 'request_service',
  project: 'request_project',
  need: 'request_need',
  value: 'request_value',
  neededBy: 'request_needed_by',
  impact: 'request_impact',
  link: 'request_link',
} as const;

export async function serviceId(t: TestApp, name: string): Promise<string> {
  const row = await t.db
    .selectFrom('services')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * Waits for a modal with `callbackId` opened after `seen` (the fake keeps submitted modals). The
 * app first finishes the requests sent so far (views.open is part of that work), so how busy the
 * machine is does not matter: the modal is there, or it never will be.
 */
export async function nextModal(
  t: TestApp,
  user: string,
  callbackId: string,
  seen: Set<string>,
): Promise<FakeView> {
  await t.settle();
  return t.fake.waitFor(() => {
    const v = t.fake.openModalOf(user);
    return v && v.view.callback_id === callbackId && !seen.has(v.id) ? v : undefined;
  }, `modal ${callbackId}`);
}

export const viewIds = (t: TestApp) => new Set(t.fake.views.keys());

export async function openRequestForm(t: TestApp, user: string, text = ''): Promise<FakeView> {
  const seen = viewIds(t);
  const res = await t.slash(user, `request ${text}`.trim());
  if (res.status !== 200) throw new Error(`slash answered ${res.status}`);
  return nextModal(t, user, 'request_modal', seen);
}

export async function validValues(t: TestApp, overrides: Record<string, InputValue> = {}) {
  return {
    [FORM.service]: await serviceId(t, 'Change management'),
    [FORM.project]: 'Apollo rollout',
    [FORM.need]: 'Help planning the people side of the new CRM',
    [FORM.value]: 'Sales teams adopt the CRM in weeks, not months',
    [FORM.neededBy]: '2026-12-15',
    [FORM.impact]: 'important',
    [FORM.link]: null,
    ...overrides,
  } as Record<string, InputValue>;
}

/** Opens the form, submits it, delivers the outbox; returns the request and its triage post. */
export async function fileRequest(t: TestApp, user: string, overrides: Record<string, InputValue> = {}) {
  const view = await openRequestForm(t, user);
  const res = await t.submit(user, view, await validValues(t, overrides));
  if (res.status !== 200 || res.body.response_action)
    throw new Error(`submit refused: ${res.status} ${res.text}`);
  await t.flush();
  const request = await t.db
    .selectFrom('requests')
    .selectAll()
    .where('submission_key', '=', view.id)
    .executeTakeFirstOrThrow();
  return { request, view, post: triagePost(t, request.id) };
}

export function triagePost(t: TestApp, requestId: number): FakeMessage {
  const post = t.fake
    .messagesIn(PMO_CHANNEL)
    .find((m) => !m.thread_ts && JSON.stringify(m.blocks).includes(`PMO-${requestId} ·`));
  if (!post) throw new Error(`no triage post for PMO-${requestId}`);
  return post;
}

export const actionIdsOf = (blocks: unknown): string[] =>
  ((blocks as Json[] | undefined) ?? [])
    .flatMap((b) => ((b.elements as Json[] | undefined) ?? []).map((e) => e.action_id))
    .filter((x): x is string => typeof x === 'string');

/**
 * Waits until `n` more response_url answers arrived than `before`, and returns the new ones. They
 * are part of the requests' work, which the app finishes first (see nextModal).
 */
export async function newResponses(t: TestApp, before: number, n = 1): Promise<Json[]> {
  await t.settle();
  await t.fake.waitFor(() => t.fake.responses.length >= before + n, 'response_url answers');
  return t.fake.responses.slice(before).map((r) => r.body);
}

/** Clicks and waits for the private answer to the clicker. */
export async function clickAndHear(
  t: TestApp,
  user: string,
  actionId: string,
  where: { message?: FakeMessage; view?: FakeView },
): Promise<string> {
  const before = t.fake.responses.length;
  const res = await t.click(user, actionId, where);
  if (res.status !== 200) throw new Error(`click answered ${res.status}`);
  const [answer] = await newResponses(t, before);
  return String(answer?.text ?? '');
}

/** Clicks a button that opens a modal and returns the modal. */
export async function clickForModal(
  t: TestApp,
  user: string,
  actionId: string,
  where: { message?: FakeMessage; view?: FakeView },
  callbackId: string,
): Promise<FakeView> {
  const seen = viewIds(t);
  await t.click(user, actionId, where);
  return nextModal(t, user, callbackId, seen);
}

export async function statusOf(t: TestApp, id: number) {
  return t.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Polls until the request reaches `status`. No deadline of its own: how long the work after an
 * ack takes depends on how busy the machine is, and the test's timeout already bounds the wait.
 */
export async function waitForStatus(t: TestApp, id: number, status: string) {
  for (;;) {
    const r = await statusOf(t, id);
    if (r.status === status) return r;
    await new Promise((res) => setTimeout(res, 20));
  }
}

/** An ephemeral answer to a slash command, as a message the harness can click in. */
export function asMessage(body: Json, user: string): FakeMessage {
  return {
    channel: `D${user}`,
    ts: `${Date.now() / 1000}`,
    text: body.text as string,
    blocks: body.blocks as Json[],
    user: 'UPMOBOT',
    updates: 0,
  };
}

export const dmsTo = (t: TestApp, user: string) => t.fake.messagesIn(user).filter((m) => m.dmUser === user);

/** The element of an input block in a modal. */
export function inputElement(view: FakeView, blockId: string): Json {
  const block = (view.view.blocks as Json[]).find((b) => b.block_id === blockId);
  if (!block) throw new Error(`no input ${blockId}`);
  return block.element as Json;
}

export const optionTexts = (options: unknown): string[] =>
  ((options as { text: { text: string } }[] | undefined) ?? []).map((o) => o.text.text);

/**
 * People of one workspace (of an Enterprise Grid organisation when `enterprise` is given): their
 * commands, clicks, forms, shortcuts and workflow runs carry that workspace as Slack's payloads
 * do, through the same Slack-client simulator TestApp drives the app with.
 */
export function inWorkspace(
  t: TestApp,
  team: { id: string; domain: string },
  org: { enterprise?: { id: string; name: string }; isEnterpriseInstall?: boolean } = {},
) {
  const driver = new AppDriver(t.fake, SIGNING_SECRET, () => `${t.url}/slack/events`, {
    team,
    appId: 'A0TEST',
    ackTimeoutMs: 30_000,
    ...org,
  });
  const person = (user: string) => ({ id: user, name: user.toLowerCase() });
  const answered = (a: AppAnswer) => {
    if (a.status !== 200) throw new Error(`the app answered ${a.status}: ${a.error ?? a.text}`);
    return a;
  };
  const self = {
    driver,
    async openRequestForm(user: string): Promise<FakeView> {
      const seen = viewIds(t);
      answered(
        await driver.command(person(user), t.config.pmo.command, 'request', {
          id: 'CGENERAL',
          name: 'general',
        }),
      );
      return nextModal(t, user, 'request_modal', seen);
    },
    /** Submits the request form (the form's own input types only) and returns the stored row. */
    async submit(user: string, view: FakeView, values: Record<string, InputValue>) {
      const a = answered(await driver.viewSubmission(person(user), view, requestFormState(view, values)));
      if (a.body.response_action) throw new Error(`submit refused: ${a.text}`);
      await t.flush();
      return t.db
        .selectFrom('requests')
        .selectAll()
        .where('submission_key', '=', view.id)
        .executeTakeFirstOrThrow();
    },
    /** `/pmo request` → the form → submitted with valid values (and `overrides`). */
    async fileRequest(user: string, overrides: Record<string, InputValue> = {}) {
      const view = await self.openRequestForm(user);
      const request = await self.submit(user, view, await validValues(t, overrides));
      return { request, post: triagePost(t, request.id) };
    },
    /** A button in a message, with the value the message gave it. */
    async click(user: string, actionId: string, message: FakeMessage): Promise<AppAnswer> {
      const block = ((message.blocks ?? []) as Json[]).find((b) =>
        ((b.elements as Json[] | undefined) ?? []).some((e) => e.action_id === actionId),
      );
      const element = ((block?.elements as Json[] | undefined) ?? []).find((e) => e.action_id === actionId);
      if (!block || !element) throw new Error(`no ${actionId} in that message`);
      return answered(
        await driver.blockAction(
          person(user),
          { type: 'button', action_id: actionId, block_id: block.block_id, value: element.value },
          { message },
        ),
      );
    },
    async messageShortcut(user: string, message: FakeMessage, channelName: string): Promise<FakeView> {
      const seen = viewIds(t);
      answered(
        await driver.messageShortcut(
          person(user),
          'pmo_ask_about_message',
          { id: message.channel, name: channelName },
          message,
        ),
      );
      return nextModal(t, user, 'request_modal', seen);
    },
    async functionExecuted(inputs: Json, executionId: string): Promise<AppAnswer> {
      return answered(await driver.functionExecuted('create_pmo_request', inputs, { executionId }));
    },
  };
  return self;
}

/** A request form's state.values for `values` by block id (unlisted inputs empty). */
function requestFormState(view: FakeView, values: Record<string, InputValue>): Json {
  const state: Record<string, Json> = {};
  for (const block of (view.view.blocks as Json[]) ?? []) {
    if (block.type !== 'input') continue;
    const element = block.element as Json;
    const type = String(element.type);
    const v = values[String(block.block_id)] ?? null;
    const option = (value: string) =>
      ((element.options as Json[] | undefined) ?? []).find((o) => o.value === value) ?? { value };
    const chosen: Json =
      type === 'datepicker'
        ? { type, selected_date: v }
        : type === 'static_select'
          ? { type, selected_option: v === null ? null : option(String(v)) }
          : type === 'checkboxes'
            ? { type, selected_options: (v === null ? [] : [v].flat()).map(option) }
            : { type, value: v === null ? null : String(v) };
    state[String(block.block_id)] = { [String(element.action_id)]: chosen };
  }
  return state;
}
