import {
  asMessage,
  clickAndHear,
  clickForModal,
  dmsTo,
  FORM,
  fileRequest,
  inputElement,
  newResponses,
  openRequestForm,
  serviceId,
  statusOf,
  triagePost,
  validValues,
} from '../support/requests';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

const REQUESTER = 'UREQ2';

describe('the request form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('opens with the services (and their descriptions) and the need prefilled from the command', async () => {
    const view = await openRequestForm(t, REQUESTER, 'Need a retro facilitator');
    const options = inputElement(view, FORM.service).options as { description: { text: string } }[];
    expect(options).toHaveLength(10);
    expect(options[0]?.description.text).toContain('templates');
    expect(inputElement(view, FORM.need).initial_value).toBe('Need a retro facilitator');
  });

  it('tells the person privately when the form could not open in time (expired trigger)', async () => {
    const responsesBefore = t.fake.responses.length;
    t.fake.failNext('views.open', { error: 'expired_trigger_id' });
    const ack = await t.slash(REQUESTER, 'request help');
    expect(ack.status).toBe(200);
    await t.fake.waitFor(() => t.fake.responses.length > responsesBefore, 'an ephemeral answer');
    expect(t.fake.responses.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Please try again; nothing was lost.'),
    });
  });

  it('answers missing fields with field errors and stores nothing', async () => {
    const view = await openRequestForm(t, REQUESTER);
    const res = await t.submit(REQUESTER, view, {});
    expect(res.body.response_action).toBe('errors');
    expect(Object.keys(res.body.errors as object).sort()).toEqual(
      [FORM.service, FORM.project, FORM.need, FORM.value, FORM.neededBy, FORM.impact].sort(),
    );
    const blank = await t.submit(REQUESTER, view, await validValues(t, { [FORM.need]: '   ' }));
    expect(blank.body.errors).toEqual({ [FORM.need]: expect.stringContaining('what you need') });
    expect(await t.db.selectFrom('requests').selectAll().execute()).toHaveLength(0);
  });

  it('refuses text longer than the form allows, past dates and links that are not web links', async () => {
    const view = await openRequestForm(t, REQUESTER);
    const cases: [Record<string, string>, string][] = [
      [{ [FORM.need]: 'x'.repeat(2001) }, FORM.need],
      [{ [FORM.value]: 'x'.repeat(2001) }, FORM.value],
      [{ [FORM.project]: 'p'.repeat(151) }, FORM.project],
      [{ [FORM.neededBy]: '2026-11-23' }, FORM.neededBy],
      [{ [FORM.neededBy]: 'tomorrow' }, FORM.neededBy],
      [{ [FORM.link]: 'javascript:alert(1)' }, FORM.link],
      [{ [FORM.link]: 'not a link' }, FORM.link],
      [{ [FORM.impact]: 'urgent!!' }, FORM.impact],
      [{ [FORM.service]: '99999' }, FORM.service],
    ];
    for (const [override, block] of cases) {
      const res = await t.submit(REQUESTER, view, await validValues(t, override));
      expect({ override: Object.keys(override), body: res.body }).toEqual({
        override: Object.keys(override),
        body: { response_action: 'errors', errors: { [block]: expect.any(String) } },
      });
    }
    expect(await t.db.selectFrom('requests').selectAll().execute()).toHaveLength(0);
    // Today and a real link are fine.
    const ok = await t.submit(
      REQUESTER,
      view,
      await validValues(t, { [FORM.neededBy]: '2026-11-24', [FORM.link]: 'https://wiki.example.com/apollo' }),
    );
    expect(ok.body.response_action).toBeUndefined();
    expect(await t.db.selectFrom('requests').select('link').execute()).toEqual([
      { link: 'https://wiki.example.com/apollo' },
    ]);
  });

  it('shows injected mentions and <!channel> as text, and fits very long text in the post', async () => {
    const { request, post } = await fileRequest(t, REQUESTER, {
      [FORM.project]: '<!here> team',
      [FORM.need]: `<!channel> please <@U123> look ${'&'.repeat(1900)}`,
      [FORM.value]: '<https://evil.example|click me> & more',
    });
    await t.flush();
    const dm = dmsTo(t, REQUESTER).find((m) => m.text?.includes(`PMO-${request.id}`));
    for (const surface of [post, dm]) {
      const json = JSON.stringify(surface);
      expect(json).not.toContain('<!channel>');
      expect(json).not.toContain('<!here>');
      expect(json).not.toContain('<@U123>');
      expect(json).not.toContain('<https://evil');
    }
    expect(JSON.stringify(post.blocks)).toContain('&lt;!channel&gt; please &lt;@U123&gt;');
    expect(post.text).toContain('&lt;!here&gt;');
    // The raw text is stored as typed.
    expect((await statusOf(t, request.id)).need.startsWith('<!channel> please <@U123>')).toBe(true);
  });
});

describe('the needed-by date is judged in the PMO time zone', () => {
  let t: TestApp;
  beforeAll(async () => {
    // 12:00 UTC on the 24th is already the 25th in Auckland.
    t = await startTestApp({ env: { PMO_TIMEZONE: 'Pacific/Auckland' } });
    t.clock.set('2026-11-24T12:00:00Z');
  });
  afterAll(() => t.stop());

  it('treats the 24th as past and the 25th as today', async () => {
    const view = await openRequestForm(t, REQUESTER);
    const past = await t.submit(REQUESTER, view, await validValues(t, { [FORM.neededBy]: '2026-11-24' }));
    expect(past.body.errors).toEqual({ [FORM.neededBy]: expect.stringContaining('past') });
    const today = await t.submit(REQUESTER, view, await validValues(t, { [FORM.neededBy]: '2026-11-25' }));
    expect(today.body.response_action).toBeUndefined();
  });
});

describe('/pmo status', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('says so when I have no requests', async () => {
    const res = await t.slash(REQUESTER, 'status');
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.text).toContain('no requests');
  });

  it('lists my requests with status, owner, age and next step, and only mine', async () => {
    const a = await fileRequest(t, REQUESTER, { [FORM.project]: 'First <b>' });
    t.clock.advance(3 * 24 * 60 * 60 * 1000);
    const b = await fileRequest(t, REQUESTER, { [FORM.project]: 'Second' });
    await fileRequest(t, 'USOMEONE', { [FORM.project]: 'Not mine' });
    await clickAndHear(t, LEAD, 'triage_claim', { message: a.post });

    for (const word of ['status', 'mine']) {
      const res = await t.slash(REQUESTER, word);
      const json = JSON.stringify(res.body.blocks);
      expect(json).toContain(`PMO-${a.request.id}`);
      expect(json).toContain(`PMO-${b.request.id}`);
      expect(json).not.toContain('Not mine');
      expect(json).toContain('First &lt;b&gt;');
      expect(json).toContain(`owner: <@${LEAD}>`);
      expect(json).toContain('opened 3 days ago');
      expect(json).toContain('next: the owner starts work');
      expect(json).toContain(`status_edit:${a.request.id}`);
      expect(json).toContain(`status_cancel:${b.request.id}`);
    }
  });

  it('edits need, value and date of an open request, and updates the triage post in place', async () => {
    const { request, post } = await fileRequest(t, REQUESTER, { [FORM.project]: 'Editable' });
    const list = asMessage((await t.slash(REQUESTER, 'status')).body, REQUESTER);
    const modal = await clickForModal(
      t,
      REQUESTER,
      `status_edit:${request.id}`,
      { message: list },
      'request_edit_modal',
    );
    expect(inputElement(modal, FORM.need).initial_value).toBe(request.need);

    const past = await t.submit(REQUESTER, modal, {
      [FORM.need]: 'x',
      [FORM.value]: 'y',
      [FORM.neededBy]: '2020-01-01',
    });
    expect(past.body.errors).toEqual({ [FORM.neededBy]: expect.any(String) });

    const updatesBefore = post.updates;
    await t.submit(REQUESTER, modal, {
      [FORM.need]: 'A sharper need',
      [FORM.value]: 'A clearer value',
      [FORM.neededBy]: '2027-01-10',
    });
    const r = await statusOf(t, request.id);
    expect(r).toMatchObject({
      need: 'A sharper need',
      expected_value: 'A clearer value',
      needed_by: '2027-01-10',
    });
    await t.fake.waitFor(() => post.updates > updatesBefore, 'triage post update');
    expect(JSON.stringify(triagePost(t, request.id).blocks)).toContain('A sharper need');
    expect(t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.ts === post.ts)).toHaveLength(1);
  });

  it('cancels from the list, which is redrawn, and refuses to edit what is closed', async () => {
    const { request, post } = await fileRequest(t, REQUESTER, { [FORM.project]: 'To cancel' });
    const list = asMessage((await t.slash(REQUESTER, 'status')).body, REQUESTER);
    const before = t.fake.responses.length;
    await t.click(REQUESTER, `status_cancel:${request.id}`, { message: list });
    const [redrawn] = await newResponses(t, before);
    expect(redrawn).toMatchObject({ replace_original: true });
    expect(JSON.stringify(redrawn?.blocks)).toContain(`PMO-${request.id} is cancelled`);
    expect((await statusOf(t, request.id)).status).toBe('cancelled');
    expect(JSON.stringify(post.blocks)).toContain('Cancelled');

    const answer = await clickAndHear(t, REQUESTER, `status_edit:${request.id}`, { message: list });
    expect(answer).toContain('cancelled');
    // Someone else's request cannot be edited through a forged click.
    const notMine = await clickAndHear(t, 'USOMEONE', `status_edit:${request.id}`, { message: list });
    expect(notMine).toContain('Only the person');
  });
});

describe('a retired service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('is refused by the form even if a stale modal still offers it', async () => {
    const view = await openRequestForm(t, REQUESTER);
    const id = await serviceId(t, 'Specialised task');
    await t.db
      .updateTable('services')
      .set({ retired_at: t.clock.now() })
      .where('id', '=', Number(id))
      .execute();
    const res = await t.submit(REQUESTER, view, await validValues(t, { [FORM.service]: id }));
    expect(res.body).toEqual({ response_action: 'errors', errors: { [FORM.service]: expect.any(String) } });
  });
});
