import type { FakeView } from './fake-slack';
import { nextModal, viewIds } from './requests';
import type { TestApp } from './test-app';

/** Shared steps of the intake tests: a message in a channel, a shortcut on it, the form it opens. */

export const TEAM_CHANNEL = 'CTEAM';

/** Someone posts in a channel (as the sandbox's message box does). */
export function postInChannel(t: TestApp, user: string, text: string, channel = TEAM_CHANNEL) {
  return t.fake.postAs(user, channel, text);
}

/** "Ask the PMO about this" on `message`; returns the form it opened. */
export async function shortcutForm(
  t: TestApp,
  user: string,
  message: { channel: string; ts: string; text?: string; user?: string; thread_ts?: string },
  channelName = 'apollo-rollout',
): Promise<FakeView> {
  const seen = viewIds(t);
  const res = await t.messageShortcut(user, message, { channelName });
  if (res.status !== 200) throw new Error(`shortcut answered ${res.status}`);
  return nextModal(t, user, 'request_modal', seen);
}

export const blockOf = (view: FakeView, blockId: string) =>
  (view.view.blocks as Record<string, unknown>[]).find((b) => b.block_id === blockId);
