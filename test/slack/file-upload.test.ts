import { type FilesGetUploadURLExternalResponse, WebClient } from '@slack/web-api';
import { shareFile } from '../../src/slack/kit/files';
import { FakeSlack } from '../support/fake-slack';

/** Slack's three-step upload, against the fake Slack that keeps the bytes. */
describe('sharing a file', () => {
  let fake: FakeSlack;
  let client: WebClient;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    client = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(() => fake.stop());

  it('asks for an upload URL, sends the bytes, and shares the file in the DM with its alt text', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const { fileId } = await shareFile(client, {
      channelId: 'DUREQ1',
      filename: 'chart.png',
      title: 'Requests by week',
      bytes,
      altText: 'Requests: 3, 5, 8',
      initialComment: 'Here is your chart',
    });
    expect(fake.callsTo('files.getUploadURLExternal').at(-1)?.args).toMatchObject({
      filename: 'chart.png',
      length: String(bytes.length),
      alt_txt: 'Requests: 3, 5, 8',
    });
    const [file] = fake.filesIn('UREQ1');
    expect(file).toMatchObject({ id: fileId, title: 'Requests by week', altText: 'Requests: 3, 5, 8' });
    expect(file?.bytes?.equals(bytes)).toBe(true);
    expect(fake.messagesIn('UREQ1').at(-1)).toMatchObject({ text: 'Here is your chart', files: [fileId] });
  });

  it('shares into a thread', async () => {
    const parent = fake.postAs('ULEAD1', 'CPMO', 'The digest');
    await shareFile(client, {
      channelId: 'CPMO',
      threadTs: parent.ts,
      filename: 'a.csv',
      bytes: Buffer.from('a,b\n'),
    });
    expect(fake.filesIn('CPMO').at(-1)).toMatchObject({ threadTs: parent.ts, title: 'a.csv' });
  });

  it('throws when a step fails, and nothing is shared', async () => {
    const before = fake.filesIn('DUREQ2').length;
    fake.failNext('files.getUploadURLExternal', { error: 'file_uploads_disabled' });
    await expect(
      shareFile(client, { channelId: 'DUREQ2', filename: 'x.png', bytes: Buffer.from('x') }),
    ).rejects.toThrow(/file_uploads_disabled/);
    fake.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    await expect(
      shareFile(client, { channelId: 'DUREQ2', filename: 'x.png', bytes: Buffer.from('x') }),
    ).rejects.toThrow(/not_in_channel/);
    expect(fake.filesIn('DUREQ2')).toHaveLength(before);
  });

  it('is refused by the fake, as by Slack, when the bytes do not match the announced length', async () => {
    const slot = (await client.apiCall('files.getUploadURLExternal', {
      filename: 'y.csv',
      length: 10,
    })) as FilesGetUploadURLExternalResponse;
    const res = await fetch(String(slot.upload_url), { method: 'POST', body: 'short' });
    expect(res.status).toBe(400);
    await expect(
      client.files.completeUploadExternal({ files: [{ id: String(slot.file_id) }], channel_id: 'CPMO' }),
    ).rejects.toThrow(/file_not_found/);
  });
});
