import {
  actionIdsOf,
  asMessage,
  clickAndHear,
  clickForModal,
  dmsTo,
  FORM,
  fileRequest,
  openRequestForm,
  statusOf,
  validValues,
} from '../support/requests';
import { LEAD, LEAD2, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

const REQUESTER = 'UREQ4';

describe('request edge cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('unclaims back to the queue without bothering the requester', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    await clickAndHear(t, LEAD, 'triage_claim', { message: post });
    await t.flush();
    const dmsBefore = dmsTo(t, REQUESTER).length;
    expect(await clickAndHear(t, LEAD, 'triage_unclaim', { message: post })).toContain('back in the queue');
    expect(await statusOf(t, request.id)).toMatchObject({ status: 'new', owner_id: null });
    expect(actionIdsOf(post.blocks)).toContain('triage_claim');
    await t.flush();
    expect(dmsTo(t, REQUESTER)).toHaveLength(dmsBefore);
    // And it can be claimed again.
    expect(await clickAndHear(t, LEAD2, 'triage_claim', { message: post })).toContain('You claimed it');
  });

  it('refuses a delivery without a note or with a link that is not a web link', async () => {
    const { request, post } = await fileRequest(t, REQUESTER);
    await clickAndHear(t, LEAD, 'triage_claim', { message: post });
    const modal = await clickForModal(t, LEAD, 'triage_deliver', { message: post }, 'triage_deliver_modal');
    const res = await t.submit(LEAD, modal, {
      triage_delivered: '',
      triage_links: 'ftp://files.example.com/x',
    });
    expect(res.body).toEqual({
      response_action: 'errors',
      errors: { triage_delivered: expect.any(String), triage_links: expect.any(String) },
    });
    expect((await statusOf(t, request.id)).status).toBe('claimed');
  });

  it('brings a triage post up to date when the request changed while the post was queued', async () => {
    // Slack is briefly down: the confirmation and the triage post wait for a retry.
    t.fake.failNext('chat.postMessage', { status: 500, times: 2 });
    const view = await openRequestForm(t, REQUESTER);
    await t.submit(REQUESTER, view, await validValues(t, { [FORM.project]: 'Queued' }));
    await t.fake.waitFor(
      () => t.fake.callsTo('chat.postMessage').filter((c) => c.status === 500).length === 2,
    );
    const request = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('submission_key', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(request.triage_ts).toBeNull();
    // Cancelled from /pmo status while the post is still queued: nothing to update yet.
    const list = asMessage((await t.slash(REQUESTER, 'status')).body, REQUESTER);
    await clickAndHear(t, REQUESTER, `status_cancel:${request.id}`, { message: list });
    expect(await statusOf(t, request.id)).toMatchObject({ status: 'cancelled', triage_ts: null });
    // The retry posts what was queued ("new"), and the after-send hook brings it up to date.
    const post = await t.fake.waitFor(() => {
      const found = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.text?.includes(`PMO-${request.id} ·`));
      return found && JSON.stringify(found.blocks).includes('Cancelled by the requester') ? found : undefined;
    }, 'the triage post, updated');
    expect(post.updates).toBe(1);
    expect(actionIdsOf(post.blocks)).toEqual([]);
    expect((await statusOf(t, request.id)).triage_ts).toBe(post.ts);
  });

  it('tells the owner when the requester edits a request they own', async () => {
    const { request, post } = await fileRequest(t, REQUESTER, { [FORM.project]: 'Owned' });
    await clickAndHear(t, LEAD2, 'triage_claim', { message: post });
    await t.flush();
    const confirmation = dmsTo(t, REQUESTER).find((m) => m.text?.includes(`your request PMO-${request.id}`))!;
    const modal = await clickForModal(
      t,
      REQUESTER,
      'request_edit',
      { message: confirmation },
      'request_edit_modal',
    );
    await t.submit(REQUESTER, modal, {
      [FORM.need]: 'Now also <!channel> the support team',
      [FORM.value]: 'Fewer tickets',
      [FORM.neededBy]: '2027-02-01',
    });
    await t.flush();
    const notice = dmsTo(t, LEAD2).find((m) => m.text?.includes(`edited PMO-${request.id}`));
    expect(JSON.stringify(notice?.blocks)).toContain('Now also &lt;!channel&gt; the support team');
    expect(JSON.stringify(notice)).not.toContain('<!channel>');
  });

  it('escapes a service name typed by a lead wherever it is shown in mrkdwn', async () => {
    const row = await t.db
      .insertInto('services')
      .values({ slug: 'odd', name: 'Odd <!channel> service', description: 'x', sort_order: 999 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { request, post } = await fileRequest(t, REQUESTER, { [FORM.service]: String(row.id) });
    await t.flush();
    const dm = dmsTo(t, REQUESTER).find((m) => m.text?.includes(`PMO-${request.id}`));
    for (const m of [post, dm]) {
      expect(m?.text).toContain('&lt;!channel&gt;');
      expect(JSON.stringify(m?.blocks).replace(/"type":"header","text":\{[^}]*\}/g, '')).not.toContain(
        '<!channel>',
      );
    }
    expect(t.fake.messagesIn(PMO_CHANNEL).every((m) => !m.text?.includes('<!channel>'))).toBe(true);
  });

  it('offers Reopen in /pmo status for a closed request only while the 14 days last', async () => {
    const { request, post } = await fileRequest(t, REQUESTER, { [FORM.project]: 'Closed then reopened' });
    await clickAndHear(t, LEAD, 'triage_claim', { message: post });
    const m = await clickForModal(t, LEAD, 'triage_deliver', { message: post }, 'triage_deliver_modal');
    await t.submit(LEAD, m, { triage_delivered: 'Workshop run', triage_links: null });
    await t.fake.waitFor(() => JSON.stringify(post.blocks).includes('Workshop run'), 'delivered post');
    const delivered = asMessage((await t.slash(REQUESTER, 'status')).body, REQUESTER);
    await clickAndHear(t, REQUESTER, `status_close:${request.id}`, { message: delivered });
    expect((await statusOf(t, request.id)).status).toBe('closed');

    t.clock.advance(15 * 24 * 60 * 60 * 1000);
    expect(JSON.stringify((await t.slash(REQUESTER, 'status')).body.blocks)).not.toContain(
      `status_reopen:${request.id}`,
    );
    t.clock.advance(-2 * 24 * 60 * 60 * 1000);
    const list = asMessage((await t.slash(REQUESTER, 'status')).body, REQUESTER);
    expect(await clickAndHear(t, REQUESTER, `status_reopen:${request.id}`, { message: list })).toContain(
      'reopened',
    );
    expect(await statusOf(t, request.id)).toMatchObject({
      status: 'in_progress',
      owner_id: LEAD,
      closed_at: null,
    });
  });
});
