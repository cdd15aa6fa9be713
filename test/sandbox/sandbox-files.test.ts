import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { SandboxPage } from '../../sandbox/page-api';
import { createLogger } from '../../src/logger';
import { shareFile } from '../../src/slack/kit/files';
import { FakeSlack } from '../support/fake-slack';

/** The sandbox page shows a shared file (the digest's chart) as an image, served same-origin. */
describe('the sandbox page and shared files', () => {
  let fake: FakeSlack;
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    const page = new SandboxPage(fake, createLogger({ level: 'silent', pretty: false }));
    const route = page.routes()['/sandbox/api/file'];
    server = http.createServer((req, res) => route?.(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await fake.stop();
  });

  it('serves a shared PNG by id, and nothing for an unknown or unshared one', async () => {
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const parent = fake.postAs('ULEAD1', 'CPMO', 'The digest');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { fileId } = await shareFile(client, {
      channelId: 'CPMO',
      threadTs: parent.ts,
      filename: 'chart.png',
      bytes,
      altText: 'Requests: 1, 2',
    });
    const res = await fetch(`${url}/sandbox/api/file?id=${fileId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(`${url}/sandbox/api/file?id=F404`)).status).toBe(404);
  });
});
