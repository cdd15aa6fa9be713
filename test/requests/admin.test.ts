import type { FakeView } from '../support/fake-slack';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';
import {
  asMessage,
  clickAndHear,
  clickForModal,
  FORM,
  fileRequest,
  inputElement,
  newResponses,
  openRequestForm,
  optionTexts,
  serviceId,
  statusOf,
  triagePost,
} from './request-helpers';

const REQUESTER = 'UREQ3';
const MIA = 'UMIA1';
const NOAH = 'UNOAH1';

type Json = Record<string, unknown>;
const serviceOptions = (view: FakeView) => optionTexts(inputElement(view, FORM.service).options);

describe('/pmo catalog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('is for leads only', async () => {
    const res = await t.slash(REQUESTER, 'catalog');
    expect(res.body.text).toContain('for PMO leads');
  });

  it('retires a service: it leaves the form, old requests keep it; restoring brings it back', async () => {
    const { request } = await fileRequest(t, REQUESTER, {
      [FORM.service]: await serviceId(t, 'Specialised task'),
    });
    const id = await serviceId(t, 'Specialised task');
    const list = asMessage((await t.slash(LEAD, 'catalog')).body, LEAD);
    expect(JSON.stringify(list.blocks)).toContain('Organisational learning');

    // A non-lead's forged click changes nothing.
    expect(await clickAndHear(t, REQUESTER, `catalog_retire:${id}`, { message: list })).toContain(
      'Only PMO leads',
    );
    expect(serviceOptions(await openRequestForm(t, REQUESTER))).toContain('Specialised task');

    const before = t.fake.responses.length;
    await t.click(LEAD, `catalog_retire:${id}`, { message: list });
    const [redrawn] = await newResponses(t, before);
    expect(JSON.stringify(redrawn?.blocks)).toContain(`catalog_restore:${id}`);
    expect(serviceOptions(await openRequestForm(t, REQUESTER))).not.toContain('Specialised task');

    // History keeps the name.
    const mine = await t.slash(REQUESTER, 'status');
    expect(JSON.stringify(mine.body.blocks)).toContain(`PMO-${request.id}* · Specialised task`);

    const redrawnList = asMessage(redrawn as Json, LEAD);
    await t.click(LEAD, `catalog_restore:${id}`, { message: redrawnList });
    await t.fake.waitFor(() => t.fake.responses.length > before + 1, 'restore answer');
    expect(serviceOptions(await openRequestForm(t, REQUESTER))).toContain('Specialised task');
  });

  it('adds and edits services through a modal, with field errors', async () => {
    const list = asMessage((await t.slash(LEAD, 'catalog')).body, LEAD);
    const add = await clickForModal(t, LEAD, 'catalog_add', { message: list }, 'catalog_modal');
    const bad = await t.submit(LEAD, add, { catalog_name: '', catalog_description: 'x'.repeat(301) });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { catalog_name: expect.any(String), catalog_description: expect.any(String) },
    });
    await t.submit(LEAD, add, {
      catalog_name: 'Portfolio review',
      catalog_description: 'A fresh look at your portfolio.',
    });
    const form = await openRequestForm(t, REQUESTER);
    expect(serviceOptions(form)).toContain('Portfolio review');

    const id = await serviceId(t, 'Portfolio review');
    const list2 = asMessage((await t.slash(LEAD, 'catalog')).body, LEAD);
    const edit = await clickForModal(t, LEAD, `catalog_edit:${id}`, { message: list2 }, 'catalog_modal');
    const nameInput = (edit.view.blocks as Json[]).find((b) => b.block_id === 'catalog_name')
      ?.element as Json;
    expect(nameInput.initial_value).toBe('Portfolio review');
    await t.submit(LEAD, edit, {
      catalog_name: 'Portfolio health check',
      catalog_description: 'Is the portfolio still worth it?',
    });
    const row = await t.db
      .selectFrom('services')
      .selectAll()
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Portfolio health check', slug: 'portfolio-review' });
    // Forms are drawn from a short-lived copy of the catalogue; a change shows at once.
    expect(serviceOptions(await openRequestForm(t, REQUESTER))).toContain('Portfolio health check');
  });
});

describe('/pmo team', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MIA, name: 'Mia Change' },
        { id: NOAH, name: 'Noah Change' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('is for leads only', async () => {
    expect((await t.slash(MIA, 'team')).body.text).toContain('for PMO leads');
  });

  it('adds a member who can then claim and is suggested for matching requests, least open work first', async () => {
    const early = await fileRequest(t, REQUESTER);
    expect(await clickAndHear(t, MIA, 'triage_claim', { message: early.post })).toContain('Only PMO members');

    const change = await serviceId(t, 'Change management');
    const addMember = async (user: string) => {
      const list = asMessage((await t.slash(LEAD, 'team')).body, LEAD);
      const modal = await clickForModal(t, LEAD, 'team_add', { message: list }, 'team_modal');
      const bad = await t.submit(LEAD, modal, {
        team_user: user,
        team_skills: [change],
        team_capacity: '-1',
      });
      expect(bad.body).toEqual({ response_action: 'errors', errors: { team_capacity: expect.any(String) } });
      const ok = await t.submit(LEAD, modal, { team_user: user, team_skills: [change], team_capacity: '3' });
      expect(ok.body.response_action).toBeUndefined();
    };
    await addMember(MIA);
    await addMember(NOAH);
    const team = await t.slash(LEAD, 'team');
    expect(JSON.stringify(team.body.blocks)).toContain(`<@${MIA}> · capacity 3/week`);
    expect(JSON.stringify(team.body.blocks)).toContain('Skills: Change management');

    // Mia may act now, and takes the early request: she has more open work than Noah.
    expect(await clickAndHear(t, MIA, 'triage_claim', { message: early.post })).toContain('You claimed it');
    expect((await statusOf(t, early.request.id)).owner_id).toBe(MIA);

    const next = await fileRequest(t, REQUESTER);
    const context = JSON.stringify(next.post.blocks);
    expect(context).toContain('Suggested');
    expect(context.indexOf('Noah Change (0 open)')).toBeGreaterThan(-1);
    expect(context.indexOf('Noah Change')).toBeLessThan(context.indexOf('Mia Change (1 open)'));
    // Suggested by name: nobody is notified for a suggestion.
    expect(context).not.toContain(`<@${NOAH}>`);
    expect(context).not.toContain(`<@${MIA}>`);
    // A request for another service suggests neither.
    const other = await fileRequest(t, REQUESTER, {
      [FORM.service]: await serviceId(t, 'Executive coaching'),
    });
    expect(JSON.stringify(other.post.blocks)).not.toContain('Mia Change');
  });

  it('edits skills and removes a member, who can then no longer act', async () => {
    const list = asMessage((await t.slash(LEAD, 'team')).body, LEAD);
    const edit = await clickForModal(t, LEAD, `team_edit:${NOAH}`, { message: list }, 'team_modal');
    const skills = (edit.view.blocks as Json[]).find((b) => b.block_id === 'team_skills')?.element as Json;
    expect((skills.initial_options as Json[]).map((o) => (o.text as Json).text)).toEqual([
      'Change management',
    ]);
    const coaching = await serviceId(t, 'Executive coaching');
    await t.submit(LEAD, edit, { team_user: NOAH, team_skills: [coaching], team_capacity: '2' });
    const fresh = await fileRequest(t, REQUESTER, { [FORM.service]: coaching });
    expect(JSON.stringify(triagePost(t, fresh.request.id).blocks)).toContain('Noah Change (0 open)');

    const before = t.fake.responses.length;
    await t.click(LEAD, `team_remove:${NOAH}`, { message: list });
    const [redrawn] = await newResponses(t, before);
    expect(JSON.stringify(redrawn?.blocks)).not.toContain(`<@${NOAH}> ·`);
    expect(await clickAndHear(t, NOAH, 'triage_claim', { message: fresh.post })).toContain(
      'Only PMO members',
    );
    expect((await statusOf(t, fresh.request.id)).status).toBe('new');
  });
});
