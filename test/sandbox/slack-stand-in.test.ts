import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import { actionOf, findElement, stateValuesOf } from '../../sandbox/block-state';
import { startSandbox } from '../../sandbox/start-sandbox';
import { createLogger } from '../../src/logger';
import { FakeSlack } from '../support/fake-slack';

/** What the sandbox page relies on in the stand-in, and the shapes it sends to the app. */
describe('the Slack stand-in, as the sandbox uses it', () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeEach(async () => {
    slack = await new FakeSlack({ token: 'xoxb-sandbox-abc' }).start();
    client = new WebClient('xoxb-sandbox-abc', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(() => slack.stop());

  const post = (url: string, body: object) => fetch(url, { method: 'POST', body: JSON.stringify(body) });

  it('accepts only its own token', async () => {
    const wrong = new WebClient('xoxb-test-token', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(wrong.auth.test()).rejects.toThrow(/invalid_auth/);
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('shows response_url posts as Slack does: ephemeral, in channel, replacing or deleting the original', async () => {
    let changes = 0;
    slack.onChange(() => changes++);
    const posted = await client.chat.postMessage({ channel: 'CPMO', text: 'original' });
    const forCommand = slack.responseUrl({ user: 'USAM', channel: 'CPMO' });
    await post(forCommand, { text: 'only for Sam' });
    await post(forCommand, { response_type: 'in_channel', text: 'for everyone' });
    expect(slack.ephemeralsFor('USAM').map((e) => e.text)).toEqual(['only for Sam']);
    expect(slack.ephemeralsFor('UMEI')).toEqual([]);
    expect(slack.messagesIn('CPMO').map((m) => m.text)).toEqual(['original', 'for everyone']);

    const forClick = slack.responseUrl({ user: 'USAM', channel: 'CPMO', messageTs: String(posted.ts) });
    await post(forClick, { replace_original: true, text: 'replaced' });
    expect(slack.messageAt('CPMO', String(posted.ts))?.text).toBe('replaced');
    await post(forClick, { delete_original: true });
    expect(slack.messageAt('CPMO', String(posted.ts))).toBeUndefined();

    const ephemeralTs = String(slack.ephemeralsFor('USAM')[0]?.ts);
    const onEphemeral = slack.responseUrl({
      user: 'USAM',
      channel: 'CPMO',
      messageTs: ephemeralTs,
      ephemeral: true,
    });
    await post(onEphemeral, { replace_original: true, text: 'ephemeral replaced' });
    expect(slack.ephemeralsFor('USAM').map((e) => e.text)).toEqual(['ephemeral replaced']);

    // Invalid Block Kit is recorded as a violation and shown nowhere.
    await post(forCommand, { text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] });
    expect(slack.violations.join()).toContain('empty text');
    expect(slack.ephemeralsFor('USAM')).toHaveLength(1);
    expect(changes).toBeGreaterThanOrEqual(6);
    expect(slack.responses).toHaveLength(6);
  });

  it('applies view_submission answers: errors keep the view, update replaces it, push stacks, clear closes all', async () => {
    const modal = (title: string) => ({
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: title },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: title } }],
    });
    await client.views.open({ trigger_id: slack.issueTrigger('USAM'), view: modal('First') });
    const first = slack.openModalOf('USAM')!;
    const firstHash = first.hash;
    slack.applyViewResponse(first.id, { response_action: 'errors', errors: { a: 'no' } });
    expect(slack.openModalOf('USAM')?.hash).toBe(firstHash);

    slack.applyViewResponse(first.id, { response_action: 'update', view: modal('Updated') });
    expect(slack.openModalOf('USAM')).toMatchObject({ id: first.id, view: { title: { text: 'Updated' } } });
    expect(slack.openModalOf('USAM')?.hash).not.toBe(firstHash);

    slack.applyViewResponse(first.id, { response_action: 'push', view: modal('Pushed') });
    expect(slack.modalStackOf('USAM').map((v) => (v.view.title as { text: string }).text)).toEqual([
      'Updated',
      'Pushed',
    ]);
    // An empty answer closes only the submitted view.
    slack.applyViewResponse(slack.openModalOf('USAM')!.id, {});
    expect(slack.modalStackOf('USAM').map((v) => v.id)).toEqual([first.id]);

    slack.applyViewResponse(first.id, { response_action: 'push', view: modal('Again') });
    slack.applyViewResponse(first.id, { response_action: 'clear' });
    expect(slack.modalStackOf('USAM')).toEqual([]);

    // A pushed view outside the limits is a violation, as from views.push.
    await client.views.open({ trigger_id: slack.issueTrigger('USAM'), view: modal('Base') });
    const base = slack.openModalOf('USAM')!;
    expect(slack.applyViewResponse(base.id, { response_action: 'update', view: modal('x'.repeat(25)) })).toBe(
      false,
    );
    expect(slack.violations.join()).toContain('modal title');
    expect(slack.openModalOf('USAM')?.view.title).toEqual({ type: 'plain_text', text: 'Base' });
    slack.violations.length = 0;
  });
});

describe('state.values and actions built from the element the app sent', () => {
  const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });
  const blocks = [
    {
      type: 'input',
      block_id: 'svc',
      element: { type: 'static_select', action_id: 's', options: [option('A', 'a')] },
    },
    {
      type: 'input',
      block_id: 'grp',
      element: {
        type: 'multi_static_select',
        action_id: 'm',
        option_groups: [
          { label: { type: 'plain_text', text: 'G' }, options: [option('B', 'b'), option('C', 'c')] },
        ],
      },
    },
    { type: 'input', block_id: 'txt', element: { type: 'plain_text_input', action_id: 't' } },
    { type: 'input', block_id: 'who', element: { type: 'multi_users_select', action_id: 'u' } },
    { type: 'input', block_id: 'when', element: { type: 'timepicker', action_id: 'tp' } },
    {
      type: 'actions',
      block_id: 'act',
      elements: [
        { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' }, value: 'v1' },
        { type: 'channels_select', action_id: 'ch' },
      ],
    },
  ];

  it('gives every input block a value (empty ones too) and only changed elements elsewhere', () => {
    const state = stateValuesOf(blocks, {
      svc: { s: 'a' },
      grp: { m: ['c', 'not-an-option'] },
      who: { u: ['UMEI', 'UTOM'] },
      act: { ch: 'CSANDBOXPMO' },
    });
    expect(state).toEqual({
      svc: { s: { type: 'static_select', selected_option: option('A', 'a') } },
      grp: { m: { type: 'multi_static_select', selected_options: [option('C', 'c')] } },
      txt: { t: { type: 'plain_text_input', value: null } },
      who: { u: { type: 'multi_users_select', selected_users: ['UMEI', 'UTOM'] } },
      when: { tp: { type: 'timepicker', selected_time: null } },
      act: { ch: { type: 'channels_select', selected_channel: 'CSANDBOXPMO' } },
    });
  });

  it("takes a button's value from the app's element, not from the page", () => {
    const found = findElement(blocks, 'act', 'go')!;
    expect(actionOf(found, 'forged')).toEqual({
      type: 'button',
      action_id: 'go',
      block_id: 'act',
      text: { type: 'plain_text', text: 'Go' },
      value: 'v1',
    });
    expect(findElement(blocks, 'act', 'nope')).toBeUndefined();
  });
});

describe('the sandbox page API', () => {
  it('answers only same-site JSON on localhost, and only for the cast', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-sandbox-api-'));
    const sandbox = await startSandbox({
      env: {},
      port: 0,
      pgliteDir: path.join(dir, 'db'),
      overrides: { SCHEDULER_ENABLED: 'false' },
      logger: createLogger({
        level: 'warn',
        pretty: false,
        destination: new Writable({ write: (_c, _e, cb) => cb() }),
      }),
    });
    try {
      const api = `http://127.0.0.1:${sandbox.port}/sandbox/api`;
      const json = { 'content-type': 'application/json' };
      const command = JSON.stringify({ user: 'USAM', channel: 'CSANDBOXPMO', text: '/pmo help' });

      // A form post from another web site (no preflight) is refused; so is another host name.
      expect((await fetch(`${api}/command`, { method: 'POST', body: command })).status).toBe(415);
      expect(await statusWithHost(`${api}/state`, 'evil.example')).toBe(403);
      expect(await statusWithHost(`${api}/state`, `localhost:${sandbox.port}`)).toBe(200);
      expect(
        (
          await fetch(`${api}/command`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ user: 'UNOTCAST', channel: 'CSANDBOXPMO', text: '/pmo help' }),
          })
        ).status,
      ).toBe(400);
      expect(sandbox.standIn.ephemerals).toEqual([]);

      const ok = await fetch(`${api}/command`, { method: 'POST', headers: json, body: command });
      expect(ok.status).toBe(200);
      expect(sandbox.standIn.ephemeralsFor('USAM')[0]?.text).toContain('/pmo help');

      // A command the app does not have is answered by "Slack", not sent to the app.
      await fetch(`${api}/command`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ user: 'USAM', channel: 'CSANDBOXPMO', text: '/jira create' }),
      });
      expect(sandbox.standIn.ephemeralsFor('USAM')[1]?.text).toContain('/jira is not a command');

      // The state a person sees: their ephemeral replies only.
      const state = (await (await fetch(`${api}/state?user=UMEI`)).json()) as {
        ephemerals: unknown[];
        me: string;
      };
      expect(state.me).toBe('UMEI');
      expect(state.ephemerals).toEqual([]);
    } finally {
      await sandbox.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** fetch() does not let a caller choose the Host header; a DNS-rebinding page would. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
