import type { FilesGetUploadURLExternalResponse, WebClient } from '@slack/web-api';

/** A file the app shares: a data export in someone's DM, a chart under the digest. */
export interface FileToShare {
  /** A channel id (C…, G…) or a DM's id from conversations.open (D…): not a user id. */
  channelId: string;
  /** Share it as a reply in this thread. */
  threadTs?: string;
  filename: string;
  title?: string;
  bytes: Buffer;
  /** What an image shows, for screen readers (Slack caps it at 1,000 characters). */
  altText?: string;
  /** The message the file is shared with. */
  initialComment?: string;
}

/** Slack's own limit on an image's alt text. */
export const ALT_TEXT_MAX = 1000;

/**
 * Shares a file through Slack's current upload flow (files.upload is retired): ask
 * files.getUploadURLExternal for an upload URL, POST the bytes there, then
 * files.completeUploadExternal shares the file into the channel or thread.
 *
 * Why not @slack/web-api's filesUploadV2, which runs the same three steps: it sends the alt text
 * as `alt_text`, while the method documents `alt_txt` — an image's description would be lost.
 * A failed step throws (a WebAPI error, or an Error naming the HTTP status of the upload); the
 * caller decides whether that stops anything (a digest posts without its chart).
 */
export async function shareFile(client: WebClient, file: FileToShare): Promise<{ fileId: string }> {
  const slot = (await client.apiCall('files.getUploadURLExternal', {
    filename: file.filename,
    length: file.bytes.length,
    ...(file.altText ? { alt_txt: file.altText.slice(0, ALT_TEXT_MAX) } : {}),
  })) as FilesGetUploadURLExternalResponse;
  const uploadUrl = slot.upload_url;
  const fileId = slot.file_id;
  if (typeof uploadUrl !== 'string' || typeof fileId !== 'string') {
    throw new Error('files.getUploadURLExternal answered without an upload_url or file_id');
  }
  const uploaded = await fetch(uploadUrl, {
    method: 'POST',
    body: file.bytes,
    headers: { 'content-type': 'application/octet-stream' },
    signal: AbortSignal.timeout(30_000),
  });
  // Drain the body so the connection can be reused.
  await uploaded.arrayBuffer();
  if (!uploaded.ok) throw new Error(`the file upload answered HTTP ${uploaded.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: fileId, title: file.title ?? file.filename }],
    channel_id: file.channelId,
    ...(file.threadTs ? { thread_ts: file.threadTs } : {}),
    ...(file.initialComment ? { initial_comment: file.initialComment } : {}),
  } as Parameters<WebClient['files']['completeUploadExternal']>[0]);
  return { fileId };
}
