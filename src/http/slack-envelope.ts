import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/**
 * The front door of POST /slack/events: everything the HTTP layer checks before Bolt sees a
 * request. Nothing here trusts the body until its signature is checked, so an unsigned request
 * can neither label a metric nor reach a listener.
 */

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_SIGNATURE_AGE_S = 5 * 60;

/**
 * Metric labels for Slack requests, a fixed list: a label per value an attacker could choose
 * would grow /metrics without bound.
 */
export const SURFACES = [
  'command',
  'block_actions',
  'view_submission',
  'view_closed',
  'block_suggestion',
  'shortcut',
  'message_action',
  'event',
  'url_verification',
  'other',
  /** Refused before its body was trusted (bad signature, malformed, too large). */
  'unverified',
] as const;
export type Surface = (typeof SURFACES)[number];

export type EnvelopeCheck =
  | { ok: true; surface: Surface }
  | { ok: false; status: 400 | 401 | 413; error: string };

export interface EnvelopeRules {
  signingSecret: string;
  /** Origins a `response_url` may point at; anything else is a forged payload. */
  responseUrlOrigins: string[];
  now?: () => number;
}

/** Slack's own response_url hosts, plus the Web API's origin when it is not Slack's (tests, sandbox). */
export function responseUrlOrigins(apiUrl: string | undefined): string[] {
  const origins = ['https://hooks.slack.com', 'https://hooks.slack-gov.com'];
  if (apiUrl && URL.canParse(apiUrl)) {
    const origin = new URL(apiUrl).origin;
    if (!/^https:\/\/([a-z0-9-]+\.)*slack(-gov)?\.com$/.test(origin)) origins.push(origin);
  }
  return origins;
}

/**
 * Buffers the body (Bolt reuses `req.rawBody` when it is already there), checks the signature,
 * then the envelope's shape: Bolt crashes with a TypeError on a few shapes Slack never sends (an
 * `event_callback` whose `event` is not an object) and would post to any `response_url` a
 * payload names.
 */
export async function checkSlackRequest(
  req: http.IncomingMessage,
  rules: EnvelopeRules,
): Promise<EnvelopeCheck> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, error: 'too_large' };
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  (req as http.IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  const now = Math.floor((rules.now?.() ?? Date.now()) / 1000);
  if (!signatureIsValid(req.headers, raw, rules.signingSecret, now))
    return { ok: false, status: 401, error: 'invalid_signature' };
  const body = parseBody(raw.toString('utf8'), req.headers['content-type']);
  const problem = envelopeProblem(body, rules.responseUrlOrigins);
  if (problem) return { ok: false, status: 400, error: problem };
  return { ok: true, surface: surfaceOf(body) };
}

export function signatureIsValid(
  headers: http.IncomingHttpHeaders,
  raw: Buffer,
  secret: string,
  nowSeconds: number,
): boolean {
  const timestamp = Number(headers['x-slack-request-timestamp']);
  const signature = headers['x-slack-signature'];
  if (!Number.isInteger(timestamp) || typeof signature !== 'string') return false;
  if (Math.abs(nowSeconds - timestamp) > MAX_SIGNATURE_AGE_S) return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Parsed =
  | { kind: 'form'; fields: URLSearchParams; payload: unknown }
  | { kind: 'json'; body: unknown }
  | { kind: 'unreadable' };

/** Bolt form-parses only for exactly this content type; anything else is JSON to it. */
function parseBody(raw: string, contentType: string | undefined): Parsed {
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = new URLSearchParams(raw);
    const payload = fields.get('payload');
    return { kind: 'form', fields, payload: payload === null ? undefined : tryJson(payload) };
  }
  const body = tryJson(raw);
  return body === undefined ? { kind: 'unreadable' } : { kind: 'json', body };
}

function envelopeProblem(parsed: Parsed, origins: string[]): string | undefined {
  if (parsed.kind === 'unreadable') return 'malformed';
  if (parsed.kind === 'form') {
    const responseUrl = parsed.fields.get('response_url');
    if (responseUrl !== null && !allowedUrl(responseUrl, origins)) return 'foreign_response_url';
    if (!parsed.fields.has('payload')) return undefined;
    const body = parsed.payload;
    if (!isObject(body) || typeof body.type !== 'string') return 'malformed';
    // Every interactive payload Slack sends names the person; views carry the view.
    if (!isObject(body.user) || typeof body.user.id !== 'string') return 'malformed';
    if (body.type.startsWith('view_') && !isObject(body.view)) return 'malformed';
    const urls = [
      body.response_url,
      ...(Array.isArray(body.response_urls)
        ? body.response_urls.map((u: unknown) => (isObject(u) ? u.response_url : undefined))
        : []),
    ].filter((u) => u !== undefined);
    if (urls.some((u) => typeof u !== 'string' || !allowedUrl(u, origins))) return 'foreign_response_url';
    return undefined;
  }
  const body = parsed.body;
  if (!isObject(body)) return 'malformed';
  if (body.type === 'event_callback') {
    if (!isObject(body.event) || typeof body.event.type !== 'string') return 'malformed';
  }
  return undefined;
}

function allowedUrl(url: string, origins: string[]): boolean {
  if (!URL.canParse(url)) return false;
  return origins.includes(new URL(url).origin);
}

/** The kind of Slack request, for metric labels: always one of SURFACES. */
function surfaceOf(parsed: Parsed): Surface {
  if (parsed.kind === 'form') {
    if (parsed.fields.has('command')) return 'command';
    const type = isObject(parsed.payload) ? parsed.payload.type : undefined;
    return known(type);
  }
  if (parsed.kind === 'json' && isObject(parsed.body)) {
    return parsed.body.type === 'event_callback' ? 'event' : known(parsed.body.type);
  }
  return 'other';
}

function known(type: unknown): Surface {
  return typeof type === 'string' && (SURFACES as readonly string[]).includes(type) && type !== 'unverified'
    ? (type as Surface)
    : 'other';
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON object, inspected field by field
function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
