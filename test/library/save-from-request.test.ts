import { renderEntryForm } from '../../src/features/library/blocks';
import { prefillFrom } from '../../src/features/library/save-from-request';
import { entryChoices } from '../../src/features/library/service';
import type { DeliveredWork } from '../../src/features/requests';
import { translatorFor } from '../../src/i18n';
import { validateSurface } from '../support/block-kit';
import type { FakeMessage, FakeView } from '../support/fake-slack';
import {
  clickAndHear,
  clickForModal,
  fileRequest,
  inputElement,
  newResponses,
  waitForStatus,
} from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * "Save what you made for others": a member delivers a request through the triage post, sees a
 * private offer to save it, and the library's form opens prefilled from the request; saving it
 * makes a draft linked to the request, audited. Forged and stale clicks open nothing.
 */

const MEMBER = 'UDELIV1';
const OTHER = 'UDELIV2';
const REQUESTER = 'UREQSAVE';
const OUTSIDER = 'UOUTSAVE';

type Json = Record<string, unknown>;
const textOf = (x: unknown) => JSON.stringify(x) ?? '';

/** An ephemeral message as a surface one can click in. */
const asClickable = (e: { channel: string; ts?: string; text?: string; blocks?: Json[] }): FakeMessage =>
  ({ channel: e.channel, ts: String(e.ts), text: e.text, blocks: e.blocks, updates: 0 }) as FakeMessage;

async function claimAndStart(t: TestApp, member: string) {
  const filed = await fileRequest(t, REQUESTER);
  await clickAndHear(t, member, 'triage_claim', { message: filed.post });
  await clickAndHear(t, member, 'triage_start', { message: filed.post });
  return filed;
}

async function deliver(t: TestApp, member: string, post: FakeMessage, requestId: number) {
  const m = await clickForModal(t, member, 'triage_deliver', { message: post }, 'triage_deliver_modal');
  const res = await t.submit(member, m, {
    triage_delivered: 'A stakeholder map and a six-week adoption plan, with the sponsor briefing.',
    triage_links: 'https://docs.example.com/plan',
  });
  expect(res.body.response_action).toBeUndefined();
  await waitForStatus(t, requestId, 'delivered');
  await t.settle();
}

describe('save what you made for others', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, ['change-management']);
    await seedMember(t.db, OTHER, ['change-management']);
  });
  afterAll(() => t.stop());

  let requestId: number;
  let offer: FakeMessage;
  it('after delivering, only the member who delivered sees the offer, with the library’s button', async () => {
    const { request, post } = await claimAndStart(t, MEMBER);
    requestId = request.id;
    expect(t.fake.ephemeralsFor(MEMBER).some((e) => textOf(e.blocks).includes('library_save_from'))).toBe(
      false,
    );
    await deliver(t, MEMBER, post, request.id);
    const offers = t.fake.ephemeralsFor(MEMBER).filter((e) => textOf(e.blocks).includes('library_save_from'));
    expect(offers).toHaveLength(1);
    const shown = offers[0]!;
    expect(validateSurface('message', { text: shown.text, blocks: shown.blocks })).toEqual([]);
    expect(shown.text).toContain(`PMO-${request.id} is delivered`);
    expect(textOf(shown.blocks)).toContain(`library_save_from:${request.id}`);
    // Nobody else is offered anything, and the triage post keeps no such button.
    for (const u of [OTHER, REQUESTER, LEAD])
      expect(t.fake.ephemeralsFor(u).some((e) => textOf(e.blocks).includes('library_save_from'))).toBe(false);
    expect(textOf(post.blocks)).not.toContain('library_save_from');
    offer = asClickable(shown);
  });

  it('the click opens the entry form prefilled from the request (valid Block Kit); saving makes a linked, audited draft', async () => {
    const form = await clickForModal(
      t,
      MEMBER,
      `library_save_from:${requestId}`,
      { message: offer },
      'library_form_modal',
    );
    expect(validateSurface('modal', form.view)).toEqual([]);
    expect(JSON.parse(String(form.view.private_metadata))).toEqual({
      entryId: null,
      fromRequestId: requestId,
    });
    expect(inputElement(form, 'library_kind').initial_option).toMatchObject({ value: 'lesson' });
    expect(inputElement(form, 'library_title').initial_value).toBe('Change management: Apollo rollout');
    expect(String(inputElement(form, 'library_summary').initial_value)).toContain('stakeholder map');
    const body = String(inputElement(form, 'library_body').initial_value);
    expect(body).toContain('Help planning the people side of the new CRM'); // the need
    expect(body).toContain('Sales teams adopt the CRM'); // the value
    expect(inputElement(form, 'library_link').initial_value).toBe('https://docs.example.com/plan');
    expect(
      ((inputElement(form, 'library_services').initial_options as Json[]) ?? []).map((o) => o.value),
    ).toEqual(['change-management']);

    const res = await t.submit(MEMBER, form, {
      library_kind: 'lesson',
      library_title: 'Change management: Apollo rollout',
      library_summary: 'How we planned the people side of a CRM rollout in six weeks.',
      library_body: 'Stakeholder map first, then the sponsor briefing.',
      library_link: 'https://docs.example.com/plan',
      library_services: ['change-management'],
    });
    expect(res.body.response_action).toBe('update');
    expect(textOf(res.body.view)).toContain('draft');
    const row = await t.db
      .selectFrom('library_entries')
      .selectAll()
      .where('from_request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'draft',
      owner_id: MEMBER,
      kind: 'lesson',
      services: ['change-management'],
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'library.add')
      .where('actor_id', '=', MEMBER)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ entry: row.id, fromRequest: requestId });
  });

  it('a forged click by someone outside the PMO, by another member, or on an undelivered request opens nothing', async () => {
    const { request: open } = await claimAndStart(t, OTHER);
    const cases: [string, number, string][] = [
      [OUTSIDER, requestId, 'for the PMO member who delivered it'],
      [REQUESTER, requestId, 'for the PMO member who delivered it'],
      [OTHER, requestId, `Only the member who delivered PMO-${requestId}`],
      [OTHER, open.id, `PMO-${open.id} is not delivered`],
      [MEMBER, 999999, 'no longer there'],
    ];
    for (const [who, id, said] of cases) {
      const opens = t.fake.callsTo('views.open').length;
      const before = t.fake.responses.length;
      await t.click(
        who,
        `library_save_from:${id}`,
        { message: offer },
        { value: String(id), blockId: 'forged' },
      );
      const [answer] = await newResponses(t, before);
      expect(String(answer?.text)).toContain(said);
      await t.settle();
      expect(t.fake.callsTo('views.open').length).toBe(opens);
    }
  });

  it('a form naming a request the submitter did not deliver (forged metadata) saves nothing', async () => {
    const drafts = await t.db.selectFrom('library_entries').select('id').execute();
    const forged = {
      id: 'VFORGEDSAVE',
      user: OTHER,
      view: renderEntryForm(translatorFor('en'), await entryChoices(t.db), undefined, {
        requestId,
        reference: `PMO-${requestId}`,
        prefill: { kind: 'lesson', title: 'x', summary: 'x', body: '', link: null, topics: [], services: [] },
      }),
      hash: 'h',
      kind: 'modal',
      stack: [],
    } as unknown as FakeView;
    const res = await t.submit(OTHER, forged, {
      library_kind: 'lesson',
      library_title: 'Not mine to save',
      library_summary: 'Forged.',
    });
    expect(res.body.response_action).toBe('errors');
    expect(await t.db.selectFrom('library_entries').select('id').execute()).toEqual(drafts);
  });

  it('a lead may save it too; a form kept open while the request was reopened saves nothing', async () => {
    const form = await clickForModal(
      t,
      LEAD,
      `library_save_from:${requestId}`,
      { message: offer },
      'library_form_modal',
    );
    await t.db.updateTable('requests').set({ status: 'in_progress' }).where('id', '=', requestId).execute();
    const drafts = await t.db.selectFrom('library_entries').select('id').execute();
    const res = await t.submit(LEAD, form, {
      library_kind: 'lesson',
      library_title: 'Saved too late',
      library_summary: 'Should not be saved.',
    });
    expect(res.body.response_action).toBe('errors');
    expect(textOf(res.body.errors)).toContain('no longer delivered');
    expect(await t.db.selectFrom('library_entries').select('id').execute()).toEqual(drafts);
  });
});

describe('the form’s first draft, from a delivered request', () => {
  const work = (over: Partial<DeliveredWork> = {}): DeliveredWork => ({
    id: 7,
    status: 'delivered',
    ownerId: 'UM',
    serviceSlug: 'change-management',
    serviceName: 'Change management',
    project: 'Apollo',
    need: 'A plan',
    expectedValue: 'Adoption',
    deliveryNote: 'The plan',
    deliveryLinks: [],
    ...over,
  });

  it.each([
    ['tools-templates', 'template'],
    ['change-management', 'lesson'],
    ['organisational-learning', 'lesson'],
  ])('a delivery of %s is saved as a %s', (serviceSlug, kind) => {
    expect(prefillFrom(work({ serviceSlug })).kind).toBe(kind);
  });

  it('keeps within the form’s limits, takes only an http(s) link, and falls back to the need without a note', () => {
    const p = prefillFrom(
      work({
        project: 'x'.repeat(400),
        deliveryNote: null,
        need: 'n'.repeat(5000),
        deliveryLinks: ['ftp://old.example/file', 'https://ok.example/doc'],
      }),
    );
    expect(p.title.length).toBeLessThanOrEqual(150);
    expect(p.summary.length).toBeLessThanOrEqual(300);
    expect(p.summary.startsWith('nnn')).toBe(true);
    expect(p.body.length).toBeLessThanOrEqual(3000);
    expect(p.link).toBe('https://ok.example/doc');
    expect(prefillFrom(work({ deliveryLinks: ['javascript:alert(1)'] })).link).toBeNull();
  });
});
