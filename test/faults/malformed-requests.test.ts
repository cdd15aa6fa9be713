import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';

/** Signed but nonsensical requests must never produce a 5xx or take the process down. */
describe('1,000 random or malformed signed bodies to /slack/events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const generators: (() => [body: string, contentType: string])[] = [
    () => [randomBytes(64).toString('base64'), 'application/json'],
    () => [randomBytes(64).toString('hex'), 'application/x-www-form-urlencoded'],
    () => [
      `payload=${encodeURIComponent(randomBytes(20).toString('hex'))}`,
      'application/x-www-form-urlencoded',
    ],
    () => ['payload=%7B%22type%22%3A%22block_actions%22%7D', 'application/x-www-form-urlencoded'],
    () => [
      `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', view: { callback_id: 'x' } }))}`,
      'application/x-www-form-urlencoded',
    ],
    () => [
      JSON.stringify({ type: 'event_callback', event: { type: 'app_home_opened' } }),
      'application/json',
    ],
    () => [JSON.stringify({ type: 'event_callback', event_id: 'E1', event: null }), 'application/json'],
    () => ['command=%2Fpmo&text=request', 'application/x-www-form-urlencoded'],
    () => [
      `command=%2Fpmo&user_id=U1&text=${encodeURIComponent(randomBytes(300).toString('latin1'))}`,
      'application/x-www-form-urlencoded',
    ],
    () => ['{"type":', 'application/json'],
    () => ['', 'application/json'],
    () => [JSON.stringify([1, 2, 3]), 'application/json'],
  ];

  // Requests no listener acknowledges are answered by Bolt after its 3 s timeout, so they go
  // out in large concurrent batches.
  it('answers every one without a 5xx and stays healthy', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i += 250) {
      const batch = Array.from({ length: 250 }, (_, j) => {
        const gen = generators[(i + j) % generators.length]!;
        const [body, type] = gen();
        return t.post(body, type).then((r) => r.status);
      });
      for (const status of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const fiveHundreds = [...statuses].filter(([s]) => s >= 500);
    expect(fiveHundreds).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await t.slash('UREQ1', 'help')).status).toBe(200);
  });
});
