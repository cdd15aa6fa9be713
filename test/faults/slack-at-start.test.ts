import { FakeSlack } from '../support/fake-slack';
import { startTestApp } from '../support/test-app';

/** Slack's Web API failing while the app starts: retried, never an unhandled crash. */
describe('Slack unreachable at start', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await new FakeSlack().start();
  });
  afterEach(() => fake.stop());

  it('retries auth.test on 5xx and starts once Slack answers', async () => {
    fake.failNext('auth.test', { status: 503, times: 2 });
    const t = await startTestApp({ fake });
    try {
      expect(fake.callsTo('auth.test').map((c) => c.status)).toEqual([503, 503, 200]);
      const help = await t.slash('UREQ1', 'help');
      expect(help.status).toBe(200);
      // Bolt was given the identity: it does not call auth.test per request.
      expect(fake.callsTo('auth.test')).toHaveLength(3);
    } finally {
      await t.stop();
    }
  });

  it('stops start-up with a clear reason when Slack rejects the token', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    await expect(startTestApp({ fake })).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
  });
});
