import type { FakeView } from '../support/fake-slack';
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
} from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

const REQUESTER = 'UREQ3';

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
