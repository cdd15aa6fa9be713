import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { App } from '@slack/bolt';
import { sql } from 'kysely';
import { type Sandbox, startSandbox } from '../../sandbox/start-sandbox';
import { createLogger } from '../../src/logger';
import { chromiumAvailable, SandboxBrowser } from './sandbox-browser';

/**
 * The sandbox page in a real browser: a person picks who they are, types /pmo commands, sees
 * the app's answers rendered from Block Kit, opens modals, submits them, and runs the jobs.
 * Everything goes through the app's signed /slack/events, as from Slack.
 */
jest.setTimeout(120_000);

const ci = Boolean(process.env.CI);
if (!chromiumAvailable && !ci) {
  console.warn(
    'Skipping the sandbox browser test: /usr/bin/chromium is missing (apt-get install chromium). It always runs in CI.',
  );
}
const describeInBrowser = chromiumAvailable || ci ? describe : describe.skip;

describeInBrowser('the sandbox page in chromium', () => {
  let sandbox: Sandbox;
  let b: SandboxBrowser;
  let dir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    if (!chromiumAvailable)
      throw new Error('CI must install chromium (.ci/run does): /usr/bin/chromium is missing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-sandbox-'));
    const destination = new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    });
    sandbox = await startSandbox({
      env: {},
      port: 0,
      pgliteDir: path.join(dir, 'db'),
      overrides: { SCHEDULER_ENABLED: 'false' },
      logger: createLogger({ level: 'warn', pretty: false, destination }),
    });
    b = await SandboxBrowser.open(sandbox.url);
  });

  afterAll(async () => {
    await b?.close();
    await sandbox?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    expect(sandbox?.standIn.violations ?? []).toEqual([]);
  });

  it('shows /pmo help as an ephemeral reply to the person who typed it', async () => {
    await b.selectPerson('Sam Rivera');
    await b.openTab('pmo');
    await b.typeCommand('/pmo help');
    await b.ephemerals.getByText('For everyone').waitFor();
    const shown = (await b.ephemerals.textContent()) ?? '';
    expect(shown).toContain('PMO Concierge');
    expect(shown).toContain('/pmo help');
    expect(shown).toContain('Only visible to you');
    // mrkdwn is rendered, not shown raw
    expect(shown).not.toContain('*For everyone*');
    await b.screenshot('help');

    // Someone else does not see Sam's ephemeral reply.
    await b.selectPerson('Mei Chen');
    expect((await b.ephemerals.textContent()) ?? '').not.toContain('For everyone');
  });

  it('lets a cast member switch their Slack language, and the app answers in it at once', async () => {
    await b.selectPerson('Sam Rivera');
    await b.openTab('pmo');
    await b.page.getByTestId('slack-language').selectOption('fr-FR');
    await b.typeCommand('/pmo language');
    await b.ephemerals.getByText('PMO Concierge vous parle en').last().waitFor();
    // Back to English: the next answer is English again.
    await b.page.getByTestId('slack-language').selectOption('en-US');
    await b.typeCommand('/pmo language');
    await b.ephemerals.getByText('PMO Concierge speaks').last().waitFor();
  });

  it('sends app_home_opened through the signed path when the Home tab is opened', async () => {
    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from processed_events`.execute(sandbox.deps.db))
          .rows[0]?.n,
      );
    const before = await count();
    await b.selectPerson('Amara Okafor');
    await b.openTab('Home');
    await sandbox.standIn.waitFor(async () => (await count()) > before, 'the app_home_opened event');
    await b.page
      .getByText(/has not published a Home tab|PMO Concierge — Home/)
      .first()
      .waitFor();
    await b.openTab('pmo');
  });

  it('runs scheduled jobs with a time shift and shows the app time moving', async () => {
    const before = sandbox.clock.now().getTime();
    const toast = await b.runJobs('+8 days');
    expect(toast).toContain('message(s) delivered');
    expect(sandbox.clock.offsetMs).toBe(8 * 24 * 3600 * 1000);
    expect(sandbox.clock.now().getTime() - before).toBeGreaterThanOrEqual(8 * 24 * 3600 * 1000);
    await b.page.getByTestId('clock').getByText('(+8 d)').waitFor();
  });

  it('posts what a person types as a message, with thread replies indented, and delivers message events', async () => {
    const events = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from processed_events`.execute(sandbox.deps.db))
          .rows[0]?.n,
      );
    const before = await events();
    await b.selectPerson('Tom Becker');
    await b.openTab('general');
    await b.typeCommand('Anyone tried the *new* template?');
    await b.replyInThread('Anyone tried the', 'Yes, last week');
    const thread = b.pane.getByTestId('thread');
    await thread.getByText('Yes, last week').waitFor();
    expect((await thread.textContent()) ?? '').toContain('1 reply');
    expect((await b.pane.locator('.message strong').first().textContent()) ?? '').toBe('new');
    await sandbox.standIn.waitFor(async () => (await events()) >= before + 2, 'two message events');
    const reply = sandbox.standIn.messagesIn(sandbox.standIn.messages.at(-1)?.channel ?? '').at(-1);
    expect(reply).toMatchObject({ user: 'UTOM', text: 'Yes, last week' });
    expect(reply?.thread_ts).toBeDefined();
  });

  it('files a request, claims and delivers it, answers the check-in and runs the digest', async () => {
    // Check-ins go out in the requester's working hours: start the story on a Monday at 09:00
    // UTC (10:00 or 11:00 in Paris, Tom's time zone), whenever the test runs.
    const now = sandbox.clock.now();
    const monday = new Date(now);
    monday.setUTCHours(9, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
    sandbox.clock.shift(monday.getTime() - now.getTime());

    // Tom asks the PMO for help (in English: his Slack is French in the cast).
    await b.selectPerson('Tom Becker');
    await b.page.getByTestId('slack-language').selectOption('en-US');
    await b.openTab('general');
    await b.typeCommand('/pmo request A stakeholder map for the Atlas roll-out');
    await b.modal.waitFor();
    await b.fillInput('Service', 'Stakeholder management');
    await b.fillInput('Project or team', 'Atlas');
    await b.fillInput('What value do you expect, and who benefits?', 'Sponsors aligned before the pilot');
    await b.fillInput('Needed by', monday.toISOString().slice(0, 10));
    await b.fillInput('Impact', 'Important');
    await b.submitModal();
    await b.modal.waitFor({ state: 'detached' });
    await sandbox.deps.outbox.drain();
    await b.openTab('Messages');
    await b.pane
      .getByText(/PMO-\d+/)
      .first()
      .waitFor();
    await b.screenshot('request-confirmed');

    // Amara, a lead, claims it in the PMO channel and delivers it.
    await b.selectPerson('Amara Okafor');
    await b.openTab('pmo');
    const triage = b.pane.locator('.message').filter({ hasText: 'Atlas' }).last();
    await triage.waitFor();
    expect((await triage.textContent()) ?? '').toContain('Sponsors aligned before the pilot');
    await b.clickButton('Claim');
    await triage
      .getByText(/Claimed by|claimed/i)
      .first()
      .waitFor();
    await b.clickButton('Deliver…');
    await b.modal.waitFor();
    await b.fillInput('What was delivered?', 'A stakeholder map and an engagement plan');
    await b.submitModal();
    await b.modal.waitFor({ state: 'detached' });
    await triage
      .getByText(/Delivered/i)
      .first()
      .waitFor();
    await b.screenshot('triage-delivered');
    const request = await sandbox.deps.db
      .selectFrom('requests')
      .selectAll()
      .where('project', '=', 'Atlas')
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: 'delivered', owner_id: 'UAMARA' });

    // Eight days later the check-in reaches Tom, who rates it 5.
    await b.runJobs('+8 days');
    await b.selectPerson('Tom Becker');
    await b.openTab('Messages');
    await b.pane
      .getByText(/How much value did/)
      .first()
      .waitFor();
    await b.clickButton('5 · a lot');
    if (await b.modal.count()) {
      await b.fillInput('What changed thanks to it?', 'The sponsors agreed on the pilot scope');
      await b.submitModal();
      await b.modal.waitFor({ state: 'detached' });
    }
    await b.pane
      .getByText(/recorded 5\/5/)
      .first()
      .waitFor();
    const checkin = await sandbox.deps.db
      .selectFrom('checkins')
      .selectAll()
      .where('request_id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(checkin).toMatchObject({ status: 'answered', rating: 5 });

    // A week on, the digest in the PMO channel counts the delivery and its rating.
    await b.runJobs('+7 days');
    await b.selectPerson('Jonas Weber');
    await b.openTab('pmo');
    const digest = b.pane.locator('.message').filter({ hasText: 'PMO digest' }).last();
    await digest.waitFor();
    expect((await digest.textContent()) ?? '').toMatch(/5(\.0)?\b/);
    // Its chart, in its thread: the PNG the app drew, shown with its alt text.
    const chart = digest.locator('img[alt*="new requests"]');
    await chart.waitFor();
    const width = await chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(width).toBeGreaterThanOrEqual(600);
    await b.screenshot('digest');
  });

  describe('Block Kit round trips, with a probe listener the test adds to the running app', () => {
    // No feature of this branch opens a modal yet, so the test registers one listener pair on
    // the app's own Bolt instance: a button that opens a modal with every input the page
    // renders, and a submission handler that rejects one value with a field error.
    const submitted: Record<string, Record<string, Record<string, unknown>>>[] = [];
    beforeAll(async () => {
      const bolt: App = sandbox.service.slack.bolt;
      bolt.action('probe_open', async ({ ack, body, client }) => {
        await ack();
        await client.views.open({
          trigger_id: (body as { trigger_id: string }).trigger_id,
          view: probeModal(),
        });
      });
      bolt.view('probe_modal', async ({ ack, view, body, client }) => {
        const title = view.state.values.title?.title_input?.value ?? '';
        if (title.trim().toLowerCase() === 'bad') {
          await ack({ response_action: 'errors', errors: { title: 'Give it a more telling title' } });
          return;
        }
        await ack();
        submitted.push(view.state.values as never);
        await client.chat.postMessage({
          channel: body.user.id,
          text: `Got *${title.replace(/[&<>]/g, '')}*`,
          blocks: [
            {
              type: 'section',
              text: { type: 'mrkdwn', text: `Got *${title.replace(/[&<>]/g, '')}* for <@${body.user.id}>` },
            },
          ],
        });
      });
      await bolt.client.chat.postMessage({
        channel: sandbox.config.pmo.channelId,
        text: 'Probe',
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: '*Probe* for <@UAMARA> — _see_ <https://example.com|the docs> &lt;b&gt;not bold&lt;/b&gt; `code`',
            },
            accessory: {
              type: 'overflow',
              action_id: 'probe_more',
              options: [
                { text: { type: 'plain_text', text: 'One' }, value: 'one' },
                { text: { type: 'plain_text', text: 'Two' }, value: 'two' },
              ],
            },
          },
          { type: 'divider' },
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'A context line' }] },
          {
            type: 'actions',
            block_id: 'probe_actions',
            elements: [
              {
                type: 'button',
                action_id: 'probe_open',
                text: { type: 'plain_text', text: 'Open the form' },
                style: 'primary',
                value: 'x',
              },
            ],
          },
        ],
      });
    });

    it('renders a message from Block Kit with mrkdwn shown as text, never as HTML', async () => {
      await b.selectPerson('Amara Okafor');
      await b.openTab('pmo');
      const message = b.pane.locator('.message').filter({ hasText: 'Probe' }).last();
      await message.waitFor();
      expect((await message.locator('strong').first().textContent()) ?? '').toBe('Probe');
      expect((await message.locator('em').first().textContent()) ?? '').toBe('see');
      expect(await message.locator('a').getAttribute('href')).toBe('https://example.com');
      expect((await message.locator('.mention').first().textContent()) ?? '').toBe('@Amara Okafor');
      const text = (await message.textContent()) ?? '';
      expect(text).toContain('<b>not bold</b>');
      expect(await message.locator('b').count()).toBe(0);
      expect(text).toContain('A context line');
    });

    it('replaces an ephemeral message when the app answers a click on it through response_url', async () => {
      const bolt: App = sandbox.service.slack.bolt;
      bolt.action('probe_ephemeral', async ({ ack, respond }) => {
        await ack();
        await respond({ replace_original: true, text: 'Thanks, noted.' });
      });
      await bolt.client.chat.postEphemeral({
        channel: sandbox.config.pmo.channelId,
        user: 'UMEI',
        text: 'Can we count on you?',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: 'Can we count on you?' } },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: 'probe_ephemeral',
                text: { type: 'plain_text', text: 'Count me in' },
              },
            ],
          },
        ],
      });
      await b.selectPerson('Mei Chen');
      await b.ephemerals.getByText('Can we count on you?').first().waitFor();
      await b.clickButton('Count me in');
      await b.ephemerals.getByText('Thanks, noted.').first().waitFor();
      await b.ephemerals.getByText('Can we count on you?').first().waitFor({ state: 'detached' });
      expect(sandbox.standIn.ephemeralsFor('UMEI').map((e) => e.text)).toEqual(['Thanks, noted.']);
    });

    it('opens a modal from a button, shows field errors under their input, and submits state.values', async () => {
      await b.selectPerson('Amara Okafor');
      await b.openTab('pmo');
      await b.clickButton('Open the form');
      await b.modal.waitFor();
      expect((await b.modal.getByRole('heading').first().textContent()) ?? '').toBe('Probe form');

      // A required field left empty is caught in the page, as Slack does, before anything is sent.
      await b.modal.locator('button[type=submit]').click();
      await b.modal.getByText('Please complete this required field.').first().waitFor();

      await b.fillInput('Title', 'bad');
      await b.fillInput('Details', 'Line one\nline two');
      await b.fillInput('Service', 'Change management');
      await b.fillInput('Topics', ['Mentoring', 'Lessons learned']);
      await b.fillInput('Needed by', '2026-12-15');
      await b.fillInput('Impact', 'High');
      await b.fillInput('Notify', ['By DM']);
      await b.fillInput('Sponsor', 'Jonas Weber');
      await b.fillInput('People', '3');
      await b.fillInput('Channel', '#pmo');
      await b.submitModal();
      const error = b.page.getByTestId('error-title');
      await error.getByText('Give it a more telling title').waitFor();
      await b.screenshot('modal-errors');

      await b.fillInput('Title', 'Roll-out plan');
      await b.submitModal();
      await b.modal.waitFor({ state: 'detached' });
      const values = submitted.at(-1);
      expect(values?.title?.title_input).toEqual({ type: 'plain_text_input', value: 'Roll-out plan' });
      expect(values?.details?.details_input).toEqual({
        type: 'plain_text_input',
        value: 'Line one\nline two',
      });
      expect(values?.service?.service_select).toMatchObject({
        type: 'static_select',
        selected_option: {
          value: 'change-management',
          text: { type: 'plain_text', text: 'Change management' },
        },
      });
      expect(
        ((values?.topics?.topics_select?.selected_options ?? []) as { value: string }[]).map((o) => o.value),
      ).toEqual(['mentoring', 'lessons-learned']);
      expect(values?.needed_by?.date).toEqual({ type: 'datepicker', selected_date: '2026-12-15' });
      expect(values?.impact?.impact_radio).toMatchObject({ selected_option: { value: 'high' } });
      expect(values?.notify?.notify_boxes).toMatchObject({ selected_options: [{ value: 'dm' }] });
      expect(values?.sponsor?.sponsor_user).toEqual({ type: 'users_select', selected_user: 'UJONAS' });
      expect(values?.people?.people_number).toEqual({ type: 'number_input', value: '3' });
      expect(values?.channel?.channel_select).toEqual({
        type: 'conversations_select',
        selected_conversation: sandbox.config.pmo.channelId,
      });
      expect(values?.note?.note_input).toEqual({ type: 'plain_text_input', value: null });

      await b.openTab('Messages');
      await b.pane.getByText('Got Roll-out plan for @Amara Okafor').waitFor();
      await b.screenshot('dm');
    });
  });
});

function probeModal() {
  const pt = (text: string) => ({ type: 'plain_text' as const, text });
  const option = (text: string, value: string) => ({ text: pt(text), value });
  return {
    type: 'modal' as const,
    callback_id: 'probe_modal',
    title: pt('Probe form'),
    submit: pt('Send'),
    close: pt('Cancel'),
    blocks: [
      { type: 'header', text: pt('Tell us') },
      {
        type: 'input',
        block_id: 'title',
        label: pt('Title'),
        element: { type: 'plain_text_input', action_id: 'title_input' },
      },
      {
        type: 'input',
        block_id: 'details',
        label: pt('Details'),
        element: { type: 'plain_text_input', action_id: 'details_input', multiline: true },
      },
      {
        type: 'input',
        block_id: 'service',
        label: pt('Service'),
        element: {
          type: 'static_select',
          action_id: 'service_select',
          options: [
            option('Change management', 'change-management'),
            option('Executive coaching', 'executive-coaching'),
          ],
        },
      },
      {
        type: 'input',
        block_id: 'topics',
        label: pt('Topics'),
        element: {
          type: 'multi_static_select',
          action_id: 'topics_select',
          options: [
            option('Mentoring', 'mentoring'),
            option('Lessons learned', 'lessons-learned'),
            option('Clinics', 'clinics'),
          ],
        },
      },
      {
        type: 'input',
        block_id: 'needed_by',
        label: pt('Needed by'),
        element: { type: 'datepicker', action_id: 'date' },
      },
      {
        type: 'input',
        block_id: 'impact',
        label: pt('Impact'),
        element: {
          type: 'radio_buttons',
          action_id: 'impact_radio',
          options: [option('Low', 'low'), option('High', 'high')],
        },
      },
      {
        type: 'input',
        block_id: 'notify',
        label: pt('Notify'),
        element: {
          type: 'checkboxes',
          action_id: 'notify_boxes',
          options: [option('By DM', 'dm'), option('In the channel', 'channel')],
        },
      },
      {
        type: 'input',
        block_id: 'sponsor',
        label: pt('Sponsor'),
        element: { type: 'users_select', action_id: 'sponsor_user' },
      },
      {
        type: 'input',
        block_id: 'people',
        label: pt('People'),
        element: { type: 'number_input', action_id: 'people_number', is_decimal_allowed: false },
      },
      {
        type: 'input',
        block_id: 'channel',
        label: pt('Channel'),
        element: { type: 'conversations_select', action_id: 'channel_select' },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: pt('Note'),
        element: { type: 'plain_text_input', action_id: 'note_input' },
      },
    ],
  };
}
