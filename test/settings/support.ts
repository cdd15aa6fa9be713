import type { FakeView } from '../support/fake-slack';
import { nextModal, viewIds } from '../support/requests';
import { type InputValue, PMO_CHANNEL, type TestApp } from '../support/test-app';

/** Shared steps of the settings tests: open the form as a lead does, fill it in. */

type Json = Record<string, unknown>;

/**
 * The form as it opened (each input's initial value), with `overrides` by block id: what a lead
 * submits who changes only those fields.
 */
export function settingsValues(
  modal: FakeView,
  overrides: Record<string, InputValue> = {},
): Record<string, InputValue> {
  const values: Record<string, InputValue> = {};
  for (const block of modal.view.blocks as Json[]) {
    if (block.type !== 'input') continue;
    const e = block.element as Json;
    const option = (o: unknown) => String((o as Json).value);
    values[String(block.block_id)] =
      (e.initial_users as string[] | undefined) ??
      (e.initial_conversation as string | undefined) ??
      (e.initial_options ? (e.initial_options as Json[]).map(option) : undefined) ??
      (e.initial_option ? option(e.initial_option) : undefined) ??
      (e.initial_value as string | undefined) ??
      null;
  }
  return { ...values, ...overrides };
}

/** `/pmo settings` typed by `user`: the form it opens. */
export async function openSettings(t: TestApp, user: string): Promise<FakeView> {
  const seen = viewIds(t);
  const res = await t.slash(user, 'settings');
  if (res.status !== 200) throw new Error(`slash answered ${res.status}`);
  return nextModal(t, user, 'settings_modal', seen);
}

/** Opens the form and submits it with these changes; the submission's answer. */
export async function saveSettings(t: TestApp, user: string, overrides: Record<string, InputValue> = {}) {
  const modal = await openSettings(t, user);
  return (await t.submit(user, modal, settingsValues(modal, overrides))).body;
}

export const digestPosts = (t: TestApp, channel = PMO_CHANNEL) =>
  t.fake
    .messagesIn(channel)
    .filter((m) => !m.thread_ts && /^(PMO digest|Quiet week in the PMO)/.test(m.text ?? ''));
