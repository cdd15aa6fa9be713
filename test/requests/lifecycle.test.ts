import {
  actionIdsOf,
  clickAndHear,
  clickForModal,
  dmsTo,
  fileRequest,
  newResponses,
  openRequestForm,
  statusOf,
  triagePost,
  validValues,
  waitForStatus,
} from '../support/requests';
import { LEAD, LEAD2, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

const REQUESTER = 'UREQ1';
const DAY = 24 * 60 * 60 * 1000;

describe('a request from form to close', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ users: [{ id: REQUESTER, name: 'Rita Requester' }] });
  });
  afterAll(() => t.stop());

  it('goes new → claimed → in progress → delivered → closed, updating one triage post in place', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    expect(request.status).toBe('new');

    // The requester has a reference and knows what happens next.
    const confirmation = dmsTo(t, REQUESTER)[0];
    expect(confirmation?.text).toContain(`PMO-${request.id}`);
    expect(JSON.stringify(confirmation?.blocks)).toContain('What happens next');

    // The triage post shows the request and the first buttons; its ts is recorded.
    expect(post.channel).toBe(PMO_CHANNEL);
    const shown = JSON.stringify(post.blocks);
    for (const part of [
      'Change management',
      'Apollo rollout',
      'people side',
      'adopt the CRM',
      // The needed-by day as a Slack date token (each viewer sees it in their language).
      '^{date}|December 15, 2026>',
      'Important',
      'Rita Requester',
    ]) {
      expect(shown).toContain(part);
    }
    expect(actionIdsOf(post.blocks)).toEqual([
      'triage_claim',
      'triage_assign',
      'triage_ask',
      'triage_decline',
    ]);
    expect((await statusOf(t, request.id)).triage_ts).toBe(post.ts);

    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('You claimed it');
    expect(actionIdsOf(post.blocks)).toEqual(
      expect.arrayContaining(['triage_start', 'triage_deliver', 'triage_unclaim']),
    );
    expect(JSON.stringify(post.blocks)).toContain(`<@${LEAD}>`);

    await clickAndHear(t, LEAD, 'triage_start', { message: post });
    expect(actionIdsOf(post.blocks)).toEqual(['triage_deliver', 'triage_ask']);

    const deliver = await clickForModal(t, LEAD, 'triage_deliver', { message: post }, 'triage_deliver_modal');
    const res = await t.submit(LEAD, deliver, {
      triage_delivered: 'A stakeholder map and a 6-week adoption plan',
      triage_links: 'https://docs.example.com/plan',
    });
    expect(res.body.response_action).toBeUndefined();
    const delivered = await waitForStatus(t, request.id, 'delivered');
    expect(delivered.delivery_links).toBe('https://docs.example.com/plan');
    expect(delivered.delivered_at?.toISOString()).toBe(t.clock.now().toISOString());
    await t.fake.waitFor(() => actionIdsOf(post.blocks).length === 0, 'buttons gone after delivery');
    expect(JSON.stringify(post.blocks)).toContain('waiting for the requester');

    await t.flush();
    const deliveredDm = dmsTo(t, REQUESTER).find((m) => m.text?.includes('delivered'));
    expect(JSON.stringify(deliveredDm?.blocks)).toContain('6-week adoption plan');
    expect(await clickAndHear(t, REQUESTER, 'request_close', { message: deliveredDm! })).toContain('closed');
    expect((await statusOf(t, request.id)).status).toBe('closed');
    expect(JSON.stringify(post.blocks)).toContain('Closed');

    // One post, updated in place every time.
    expect(t.fake.messagesIn(PMO_CHANNEL).filter((m) => !m.thread_ts)).toHaveLength(1);
    expect(t.fake.callsTo('chat.update').every((c) => c.args.ts === post.ts)).toBe(true);
    expect(post.updates).toBeGreaterThanOrEqual(4);

    const history = await t.db
      .selectFrom('request_events')
      .select(['actor_id', 'from_status', 'to_status'])
      .where('request_id', '=', request.id)
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { actor_id: REQUESTER, from_status: null, to_status: 'new' },
      { actor_id: LEAD, from_status: 'new', to_status: 'claimed' },
      { actor_id: LEAD, from_status: 'claimed', to_status: 'in_progress' },
      { actor_id: LEAD, from_status: 'in_progress', to_status: 'delivered' },
      { actor_id: REQUESTER, from_status: 'delivered', to_status: 'closed' },
    ]);
    // Told at each step someone else took (claimed, started, delivered), never twice.
    const texts = dmsTo(t, REQUESTER).map((m) => m.text ?? '');
    expect(texts.filter((x) => x.includes('picked up'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('started work'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('has been delivered'))).toHaveLength(1);
  });

  it('declines kindly, with the reason and alternatives, and removes the buttons', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    const modal = await clickForModal(t, LEAD2, 'triage_decline', { message: post }, 'triage_decline_modal');
    const empty = await t.submit(LEAD2, modal, { triage_reason: '  ' });
    expect(empty.body).toMatchObject({
      response_action: 'errors',
      errors: { triage_reason: expect.any(String) },
    });
    await t.submit(LEAD2, modal, { triage_reason: 'We have no capacity for CRM work this quarter' });
    const r = await waitForStatus(t, request.id, 'declined');
    expect(r.decline_reason).toBe('We have no capacity for CRM work this quarter');
    await t.fake.waitFor(() => JSON.stringify(post.blocks).includes('Declined'), 'declined post');
    expect(actionIdsOf(post.blocks)).toEqual([]);
    await t.flush();
    const dm = dmsTo(t, REQUESTER).at(-1);
    const text = JSON.stringify(dm?.blocks);
    expect(text).toContain('no capacity for CRM work');
    expect(text).toContain('Other ways we can help');
    expect(text).toContain('/pmo request');
  });

  it('lets the requester cancel an open request, and tells the owner', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    await clickAndHear(t, LEAD, 'triage_claim', { message: post });
    const confirmation = dmsTo(t, REQUESTER).find((m) => m.text?.includes(`PMO-${request.id}`))!;
    // Someone else cannot cancel it.
    expect(await clickAndHear(t, 'UOTHER1', 'request_cancel', { message: confirmation })).toContain(
      'Only the person',
    );
    expect((await statusOf(t, request.id)).status).toBe('claimed');
    expect(await clickAndHear(t, REQUESTER, 'request_cancel', { message: confirmation })).toContain(
      'cancelled',
    );
    expect((await statusOf(t, request.id)).status).toBe('cancelled');
    expect(JSON.stringify(post.blocks)).toContain('Cancelled by the requester');
    expect(actionIdsOf(post.blocks)).toEqual([]);
    await t.flush();
    expect(dmsTo(t, LEAD).some((m) => m.text?.includes(`cancelled PMO-${request.id}`))).toBe(true);
    // A second click changes nothing.
    expect(await clickAndHear(t, REQUESTER, 'request_cancel', { message: confirmation })).toContain(
      'Nothing changed',
    );
  });

  it('reopens within 14 days of delivery (same owner, told), and refuses after', async () => {
    const deliverOne = async () => {
      const { request, post } = await fileRequest(t, REQUESTER);
      await clickAndHear(t, LEAD2, 'triage_claim', { message: post });
      const m = await clickForModal(t, LEAD2, 'triage_deliver', { message: post }, 'triage_deliver_modal');
      await t.submit(LEAD2, m, { triage_delivered: 'Done', triage_links: null });
      await waitForStatus(t, request.id, 'delivered');
      await t.flush();
      const dm = dmsTo(t, REQUESTER).find(
        (x) => x.text?.includes(`PMO-${request.id}`) && x.text.includes('delivered'),
      )!;
      return { request, post, dm };
    };

    const first = await deliverOne();
    t.clock.advance(13 * DAY);
    expect(await clickAndHear(t, REQUESTER, 'request_reopen', { message: first.dm })).toContain('reopened');
    const reopened = await statusOf(t, first.request.id);
    expect(reopened).toMatchObject({ status: 'in_progress', owner_id: LEAD2, delivered_at: null });
    expect(actionIdsOf(first.post.blocks)).toContain('triage_deliver');
    await t.flush();
    expect(dmsTo(t, LEAD2).some((m) => m.text?.includes(`reopened PMO-${first.request.id}`))).toBe(true);

    const second = await deliverOne();
    t.clock.advance(15 * DAY);
    const refusal = await clickAndHear(t, REQUESTER, 'request_reopen', { message: second.dm });
    expect(refusal).toContain('more than 14 days');
    expect((await statusOf(t, second.request.id)).status).toBe('delivered');
  });
});

describe('nothing twice, nobody by accident', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('makes one request from a double submit of the same view', async () => {
    const view = await openRequestForm(t, REQUESTER, 'double');
    const values = await validValues(t);
    await Promise.all([t.submit(REQUESTER, view, values), t.submit(REQUESTER, view, values)]);
    await t.submit(REQUESTER, view, values);
    await t.flush();
    const rows = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('submission_key', '=', view.id)
      .execute();
    expect(rows).toHaveLength(1);
    const id = rows[0]!.id;
    expect(
      t.fake.messagesIn(PMO_CHANNEL).filter((m) => JSON.stringify(m.blocks).includes(`PMO-${id} ·`)),
    ).toHaveLength(1);
    expect(dmsTo(t, REQUESTER).filter((m) => m.text?.includes(`PMO-${id}`))).toHaveLength(1);
    const events = await t.db.selectFrom('request_events').selectAll().where('request_id', '=', id).execute();
    expect(events).toHaveLength(1);
  });

  it('gives exactly one owner when two members claim at once, and tells the other who has it', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    const before = t.fake.responses.length;
    await Promise.all([
      t.click(LEAD, 'triage_claim', { message: post }),
      t.click(LEAD2, 'triage_claim', { message: post }),
    ]);
    const answers = (await newResponses(t, before, 2)).map((a) => String(a.text));
    const owner = (await statusOf(t, request.id)).owner_id;
    expect([LEAD, LEAD2]).toContain(owner);
    expect(answers.filter((a) => a.includes('You claimed it'))).toHaveLength(1);
    expect(answers.filter((a) => a.includes(`Already claimed by <@${owner}>`))).toHaveLength(1);
    const claims = await t.db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', request.id)
      .where('to_status', '=', 'claimed')
      .execute();
    expect(claims).toHaveLength(1);
    await t.flush();
    expect(dmsTo(t, REQUESTER).filter((m) => m.text?.includes('picked up'))).toHaveLength(1);
  });

  it("changes nothing on a non-member's click, and tells them why", async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    const updatesBefore = post.updates;
    for (const action of ['triage_claim', 'triage_decline', 'triage_assign', 'triage_ask']) {
      expect(await clickAndHear(t, 'UOUTSIDER', action, { message: post })).toContain('Only PMO members');
    }
    const r = await statusOf(t, request.id);
    expect(r).toMatchObject({ status: 'new', owner_id: null });
    expect(post.updates).toBe(updatesBefore);
    expect(t.fake.openModalOf('UOUTSIDER')).toBeUndefined();
    const events = await t.db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', request.id)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('assigns only to members, and the assignee hears about it', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    const modal = await clickForModal(t, LEAD, 'triage_assign', { message: post }, 'triage_assign_modal');
    const refused = await t.submit(LEAD, modal, { triage_assignee: 'UOUTSIDER' });
    expect(refused.body).toMatchObject({
      response_action: 'errors',
      errors: { triage_assignee: expect.stringContaining('Only PMO members') },
    });
    await t.submit(LEAD, modal, { triage_assignee: LEAD2 });
    const r = await waitForStatus(t, request.id, 'claimed');
    expect(r.owner_id).toBe(LEAD2);
    await t.fake.waitFor(() => JSON.stringify(post.blocks).includes(`<@${LEAD2}>`), 'owner on the post');
    await t.flush();
    expect(dmsTo(t, LEAD2).some((m) => m.text?.includes(`assigned PMO-${request.id}`))).toBe(true);
  });

  it('asks the requester a question by DM and threads the answer under the triage post', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    const ask = await clickForModal(t, LEAD, 'triage_ask', { message: post }, 'triage_ask_modal');
    await t.submit(LEAD, ask, { triage_question: 'Which teams go first?' });
    await t.submit(LEAD, ask, { triage_question: 'Which teams go first?' }); // double submit
    await t.flush();
    const questions = await t.db
      .selectFrom('request_questions')
      .selectAll()
      .where('request_id', '=', request.id)
      .execute();
    expect(questions).toHaveLength(1);
    const dm = dmsTo(t, REQUESTER).find((m) => JSON.stringify(m.blocks).includes('Which teams go first?'))!;
    expect(dm).toBeDefined();
    const reply = await clickForModal(t, REQUESTER, 'request_reply', { message: dm }, 'request_reply_modal');
    await t.submit(REQUESTER, reply, { request_answer: 'Sales EMEA, then <!channel> support' });
    await t.flush();
    const thread = t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.thread_ts === post.ts);
    expect(thread.map((m) => m.text)).toEqual([
      expect.stringContaining('Which teams go first?'),
      expect.stringContaining('Sales EMEA'),
    ]);
    expect(JSON.stringify(thread)).not.toContain('<!channel>');
    // Only the member who asked is mentioned, and only in the answer they are waiting for.
    expect(thread[0]?.text).not.toContain('<@');
    expect(thread[1]?.text).toContain(`<@${LEAD}>`);
    expect(JSON.stringify(thread)).not.toContain(`<@${REQUESTER}>`);
    const q = await t.db
      .selectFrom('request_questions')
      .selectAll()
      .where('request_id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(q.answer).toBe('Sales EMEA, then <!channel> support');
  });

  it('lets only the owner (or a lead) start work someone else claimed', async () => {
    await t.db.insertInto('members').values({ slack_user_id: 'UMEMB9', added_by: LEAD }).execute();
    const { request, post } = await fileRequest(t, REQUESTER);
    // What a slower screen still shows: the post before the claim.
    const stale = { ...post, blocks: structuredClone(post.blocks) };
    await clickAndHear(t, LEAD, 'triage_claim', { message: post });
    expect(await clickAndHear(t, 'UMEMB9', 'triage_start', { message: post })).toContain(
      `Already claimed by <@${LEAD}>`,
    );
    expect((await statusOf(t, request.id)).status).toBe('claimed');
    expect(await clickAndHear(t, 'UMEMB9', 'triage_claim', { message: stale })).toContain(
      `Already claimed by <@${LEAD}>`,
    );
    expect((await statusOf(t, request.id)).owner_id).toBe(LEAD);
  });
});

describe('after a restart', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ persistent: true });
  });
  afterAll(() => t.stop());

  it('keeps requests, posts and buttons working', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    await t.restart();
    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('You claimed it');
    await t.restart();
    await clickAndHear(t, LEAD, 'triage_start', { message: post });
    const m = await clickForModal(t, LEAD, 'triage_deliver', { message: post }, 'triage_deliver_modal');
    await t.restart();
    await t.submit(LEAD, m, { triage_delivered: 'Done after restarts', triage_links: null });
    await waitForStatus(t, request.id, 'delivered');
    await t.flush();
    expect(triagePost(t, request.id).ts).toBe(post.ts);
    // The post is brought up to date after the submission's ack, on its own time.
    await t.fake.waitFor(
      () => JSON.stringify(post.blocks).includes('Done after restarts'),
      'the triage post to show the delivery note',
    );
    const events = await t.db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', request.id)
      .execute();
    expect(events.map((e) => e.to_status)).toEqual(['new', 'claimed', 'in_progress', 'delivered']);
    expect(dmsTo(t, REQUESTER).filter((m) => m.text?.includes(`PMO-${request.id}`))).toHaveLength(4);
  });
});
