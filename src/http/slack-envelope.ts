import type http from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Bolt crashes with a TypeError (and answers 500) on a few shapes Slack never sends, such as an
 * `event_callback` whose `event` is not an object. We buffer the body first — Bolt reuses
 * `req.rawBody` when it is already there — and answer 400 to those instead.
 */
export async function bufferAndCheckSlackBody(
  req: http.IncomingMessage,
): Promise<'ok' | 'malformed' | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  (req as http.IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  return isMalformedEnvelope(raw.toString('utf8'), req.headers['content-type']) ? 'malformed' : 'ok';
}

function isMalformedEnvelope(raw: string, contentType: string | undefined): boolean {
  let body: unknown;
  if (contentType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(raw).get('payload');
    if (payload === null) return false;
    body = tryJson(payload);
    if (!isObject(body) || typeof body.type !== 'string') return true;
    // Every interactive payload Slack sends names the person; views carry the view.
    if (!isObject(body.user) || typeof body.user.id !== 'string') return true;
    return body.type.startsWith('view_') && !isObject(body.view);
  }
  body = tryJson(raw);
  if (!isObject(body)) return false; // Bolt answers 400/404 to these itself
  if (body.type === 'event_callback') return !isObject(body.event) || typeof body.event.type !== 'string';
  return false;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> & {
  event?: unknown;
  type?: unknown;
  user?: unknown;
  view?: unknown;
  id?: unknown;
} {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
