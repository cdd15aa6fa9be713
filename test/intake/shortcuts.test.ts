import { blockOf, postInChannel, shortcutForm, TEAM_CHANNEL } from '../support/intake';
import { FORM, inputElement, nextModal, serviceId, triagePost, viewIds } from '../support/requests';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * "Ask the PMO about this" on a message opens the request form
 * prefilled from it; the request keeps where it came from; the thread hears "Filed as PMO-…"
 * only when the person chose it and only where the app can post. The ⚡ shortcut opens the form.
 */

const ASKER = 'UASK1';
const AUTHOR = 'UAUTHOR';

async function values(t: TestApp, overrides: Record<string, string | string[] | null> = {}) {
  return {
    [FORM.service]: await serviceId(t, 'Change management'),
    [FORM.value]: 'Sales adopt the CRM in weeks',
    [FORM.neededBy]: '2026-12-15',
    [FORM.impact]: 'important',
    ...overrides,
  };
}

describe('the message shortcut', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('opens the form prefilled: the need in plain text, the permalink as link, the channel as project', async () => {
    const msg = postInChannel(
      t,
      AUTHOR,
      '*Help!* <@U123|maria> and I need a plan for <https://crm.example.com|the CRM> rollout &amp; training in <#C999|sales>',
    );
    const view = await shortcutForm(t, ASKER, msg);
    expect(inputElement(view, FORM.need).initial_value).toBe(
      'Help! @maria and I need a plan for the CRM (https://crm.example.com) rollout & training in #sales',
    );
    expect(inputElement(view, FORM.link).initial_value).toBe(
      `https://example.slack.com/archives/${TEAM_CHANNEL}/p${msg.ts.replace('.', '')}`,
    );
    expect(inputElement(view, FORM.project).initial_value).toBe('apollo-rollout');
    // "Needed by" has no default any more, and Slack marks optional inputs itself.
    expect(inputElement(view, FORM.neededBy).initial_date).toBeUndefined();
    expect(blockOf(view, FORM.link)?.label).toMatchObject({ text: 'Link' });
    // The thread reply is offered, on by default.
    const reply = inputElement(view, 'request_thread_reply');
    expect(reply.initial_options).toEqual([expect.objectContaining({ value: 'reply' })]);
    expect(t.fake.callsTo('chat.getPermalink').at(-1)?.args).toMatchObject({
      channel: TEAM_CHANNEL,
      message_ts: msg.ts,
    });
  });

  it('shortens a long message to fit the form', async () => {
    const msg = postInChannel(t, AUTHOR, `We need ${'very '.repeat(600)}much help`);
    const view = await shortcutForm(t, ASKER, msg);
    const need = String(inputElement(view, FORM.need).initial_value);
    expect(need.length).toBe(2000);
    expect(need.endsWith('…')).toBe(true);
  });

  it('stores where the request came from, shows the permalink on the triage post and replies in the thread', async () => {
    const msg = postInChannel(t, AUTHOR, 'Can the PMO help us plan the migration?');
    const view = await shortcutForm(t, ASKER, msg);
    const res = await t.submit(
      ASKER,
      view,
      await values(t, {
        [FORM.project]: 'apollo-rollout',
        [FORM.need]: 'Can the PMO help us plan the migration?',
        [FORM.link]: String(inputElement(view, FORM.link).initial_value),
        request_thread_reply: ['reply'],
      }),
    );
    expect(res.body.response_action).toBeUndefined();
    await t.flush();
    const request = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('submission_key', '=', view.id)
      .executeTakeFirstOrThrow();
    const permalink = `https://example.slack.com/archives/${TEAM_CHANNEL}/p${msg.ts.replace('.', '')}`;
    expect(request).toMatchObject({
      origin_channel: TEAM_CHANNEL,
      origin_ts: msg.ts,
      origin_permalink: permalink,
    });
    expect(JSON.stringify(triagePost(t, request.id).blocks)).toContain(
      `<${permalink}|the message it came from>`,
    );
    const replies = t.fake.messagesIn(TEAM_CHANNEL).filter((m) => m.thread_ts === msg.ts);
    expect(replies.map((m) => m.text)).toEqual([
      `Filed as PMO-${request.id} (Change management) with the PMO.`,
    ]);
    // A double submit files nothing more and replies nothing more.
    await t.submit(
      ASKER,
      view,
      await values(t, { [FORM.project]: 'x', [FORM.need]: 'y', request_thread_reply: ['reply'] }),
    );
    await t.flush();
    expect(t.fake.messagesIn(TEAM_CHANNEL).filter((m) => m.thread_ts === msg.ts)).toHaveLength(1);
  });

  it('replies under the thread’s parent when the message is a reply in a thread', async () => {
    const parent = postInChannel(t, AUTHOR, 'Release plan');
    const reply = t.fake.postAs(AUTHOR, TEAM_CHANNEL, 'we need a facilitator', parent.ts);
    const view = await shortcutForm(t, ASKER, { ...reply, thread_ts: parent.ts });
    await t.submit(
      ASKER,
      view,
      await values(t, { [FORM.project]: 'p', [FORM.need]: 'n', request_thread_reply: ['reply'] }),
    );
    await t.flush();
    expect(
      t.fake.messagesIn(TEAM_CHANNEL).filter((m) => m.thread_ts === parent.ts && m.user === 'UPMOBOT'),
    ).toHaveLength(1);
  });

  it('does not reply in the thread when the person unticks it', async () => {
    const msg = postInChannel(t, AUTHOR, 'Quiet please');
    const view = await shortcutForm(t, ASKER, msg);
    const res = await t.submit(
      ASKER,
      view,
      await values(t, { [FORM.project]: 'p', [FORM.need]: 'n', request_thread_reply: [] }),
    );
    expect(res.body.response_action).toBeUndefined();
    await t.flush();
    expect(
      await t.db.selectFrom('requests').select('id').where('submission_key', '=', view.id).execute(),
    ).toHaveLength(1);
    expect(t.fake.messagesIn(TEAM_CHANNEL).filter((m) => m.thread_ts === msg.ts)).toHaveLength(0);
  });

  it('skips the reply silently where the app cannot post (it is not in the conversation)', async () => {
    const msg = t.fake.postAs(AUTHOR, 'CPRIVATE', 'Somewhere the app is not');
    t.fake.removeBotFrom('CPRIVATE');
    const view = await shortcutForm(t, ASKER, msg, 'private-corner');
    const res = await t.submit(
      ASKER,
      view,
      await values(t, { [FORM.project]: 'p', [FORM.need]: 'n', request_thread_reply: ['reply'] }),
    );
    expect(res.body.response_action).toBeUndefined();
    await t.flush();
    const request = await t.db
      .selectFrom('requests')
      .select(['id', 'origin_channel'])
      .where('submission_key', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(request.origin_channel).toBe('CPRIVATE');
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CPRIVATE')).toHaveLength(0);
    const row = await t.db
      .selectFrom('outbox')
      .select(['status', 'skip_reason'])
      .where('dedupe_key', '=', `request.${request.id}.origin_reply`)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'skipped', skip_reason: expect.stringContaining('not_in_channel') });
    // The requester still got their confirmation.
    expect(t.fake.messagesIn(ASKER).some((m) => m.text?.includes(`PMO-${request.id}`))).toBe(true);
  });

  it('a thread reply goes where the app saw the message, not where a forged form says', async () => {
    // A form opened by /pmo request has no origin: ticking a forged checkbox replies nowhere.
    const seen = viewIds(t);
    await t.slash(ASKER, 'request');
    const view = await nextModal(t, ASKER, 'request_modal', seen);
    expect(blockOf(view, 'request_thread_reply')).toBeUndefined();
    const forged = {
      ...view,
      view: {
        ...view.view,
        blocks: [
          ...(view.view.blocks as unknown[]),
          {
            type: 'input',
            block_id: 'request_thread_reply',
            label: { type: 'plain_text', text: 'x' },
            element: { type: 'checkboxes', action_id: 'request_thread_reply', options: [] },
          },
        ],
      },
    };
    const posts = t.fake.callsTo('chat.postMessage').length;
    await t.submit(
      ASKER,
      forged,
      await values(t, { [FORM.project]: 'p', [FORM.need]: 'n', request_thread_reply: ['reply'] }),
    );
    await t.flush();
    const channels = t.fake
      .callsTo('chat.postMessage')
      .slice(posts)
      .map((c) => c.args.channel);
    expect(channels.sort()).toEqual([ASKER, 'CPMO'].sort());
  });
});

describe('the global shortcut', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('opens the same request form, empty, and files through it', async () => {
    const seen = viewIds(t);
    const res = await t.globalShortcut(ASKER);
    expect(res.status).toBe(200);
    const view = await nextModal(t, ASKER, 'request_modal', seen);
    expect(inputElement(view, FORM.need).initial_value).toBeUndefined();
    expect(blockOf(view, 'request_thread_reply')).toBeUndefined();
    const ok = await t.submit(
      ASKER,
      view,
      await values(t, { [FORM.project]: 'Apollo', [FORM.need]: 'A plan' }),
    );
    expect(ok.body.response_action).toBeUndefined();
    await t.flush();
    const request = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('submission_key', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(request.origin_channel).toBeNull();
    expect(triagePost(t, request.id)).toBeDefined();
  });
});
