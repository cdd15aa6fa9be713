import net from 'node:net';
import { signedHeaders } from '../support/slack-signing';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app';

/**
 * A client that hangs up mid-request, or is cut off by the server's own time limit, is not a
 * server failure: it is counted by reason and never logged as an error. Real failures still are.
 */
describe('requests that end before their body does', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { METRICS_TOKEN: 'metrics-secret' },
      httpTimeouts: { requestMs: 1000, headersMs: 1000, keepAliveMs: 1000 },
    });
  });
  afterAll(() => t.stop());

  const scrape = async () =>
    (await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } })).text();
  const aborted = (text: string, reason: string) =>
    Number(
      text.match(new RegExp(`pmo_http_requests_aborted_total\\{reason="${reason}"\\} (\\d+)`))?.[1] ?? 0,
    );
  const errors = () =>
    t.logs.filter((l) => (l.level as number) >= 50 && /HTTP request/.test(String(l.msg ?? '')));

  /** Headers and half the body of a signed slash command, then whatever `then` does to the socket. */
  const halfRequest = (then: (socket: net.Socket) => void): Promise<void> => {
    const { port } = new URL(t.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    const body = 'command=%2Fpmo&text=help&user_id=UREQ1';
    const headers = signedHeaders(SIGNING_SECRET, body);
    socket.on('error', () => {});
    // Read (and drop) whatever the server answers, so its end of the socket reaches us.
    socket.resume();
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `X-Slack-Request-Timestamp: ${headers['x-slack-request-timestamp']}\r\n` +
        `X-Slack-Signature: ${headers['x-slack-signature']}\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 10),
      () => then(socket),
    );
    return closed;
  };

  it('counts a client that hangs up as reason="client", logs no error, and keeps serving', async () => {
    const before = await scrape();
    await Promise.all(Array.from({ length: 5 }, () => halfRequest((s) => setTimeout(() => s.destroy(), 50))));
    await waitFor(async () => aborted(await scrape(), 'client') - aborted(before, 'client') === 5);
    expect(errors()).toEqual([]);
    expect((await t.slash('UREQ1', 'help')).status).toBe(200);
  });

  it('counts a client the server times out as reason="timeout", logs no error', async () => {
    const before = await scrape();
    // The client sends nothing more; the server's 1 s request limit ends it.
    await halfRequest(() => {});
    await waitFor(async () => aborted(await scrape(), 'timeout') - aborted(before, 'timeout') === 1);
    expect(aborted(await scrape(), 'client')).toBe(aborted(before, 'client'));
    expect(errors()).toEqual([]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
