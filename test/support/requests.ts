import type { FakeMessage, FakeView } from './fake-slack';
import { type InputValue, PMO_CHANNEL, type TestApp } from './test-app';

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

/** Waits for a modal with `callbackId` opened after `seen` (the fake keeps submitted modals). */
export function nextModal(
  t: TestApp,
  user: string,
  callbackId: string,
  seen: Set<string>,
): Promise<FakeView> {
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
  if (res.status !== 200 || res.body.response_action) throw new Error(`submit refused: ${res.text}`);
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

/** Waits until `n` more response_url answers arrived than `before`, and returns the new ones. */
export async function newResponses(t: TestApp, before: number, n = 1): Promise<Json[]> {
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

export async function waitForStatus(t: TestApp, id: number, status: string) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const r = await statusOf(t, id);
    if (r.status === status) return r;
    if (Date.now() > deadline) throw new Error(`PMO-${id} stayed ${r.status}, expected ${status}`);
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
