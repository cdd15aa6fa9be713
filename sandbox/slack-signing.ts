import { createHmac } from 'node:crypto';

/** Headers Slack sends: v0 HMAC-SHA256 over `v0:{timestamp}:{raw body}`. */
export function signedHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}
