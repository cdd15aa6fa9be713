import type { WebClient } from '@slack/web-api';

/**
 * The conversation id (D… or a group DM's G…/C…) for one person or several: files are shared
 * into a conversation, and history is read from one, never from a user id. Slack answers an
 * existing conversation when there is one; an answer without a channel is an error here, not an
 * "undefined" passed on to the next call.
 */
export async function openConversation(client: WebClient, users: string | string[]): Promise<string> {
  const opened = await client.conversations.open({ users: Array.isArray(users) ? users.join(',') : users });
  const id = opened.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}
