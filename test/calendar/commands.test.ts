import { ManualClock } from '../../src/clock';
import { asMessage, clickForModal, fileRequest } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * The calendar's commands and the catalogue's targets: closure days leads add with
 * `/pmo calendar`, targets per service set in the catalogue, and `/pmo queue` by time left.
 */

const MEMBER = 'UMEMQ';
const text = (res: { body: Record<string, unknown> }) => String(res.body.text ?? '');

describe('/pmo calendar, catalogue targets, /pmo queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Tuesday 1 December 2026, 16:00 UTC (the PMO's zone here), working hours 09–17.
    t = await startTestApp({ clock: new ManualClock('2026-12-01T16:00:00Z') });
    await seedMember(t.db, MEMBER, ['change-management']);
  });
  afterAll(() => t.stop());

  it('leads add closure days; targets skip them; members see them', async () => {
    expect(text(await t.slash(MEMBER, 'calendar close 2026-12-02'))).toContain('Only PMO leads');
    expect(text(await t.slash(LEAD, 'calendar close 2026-12-2'))).toContain('YYYY-MM-DD');
    expect(text(await t.slash(LEAD, 'calendar close 2026-12-02 Team day'))).toContain('closed on');
    const shown = await t.slash(MEMBER, 'calendar');
    expect(JSON.stringify(shown.body.blocks)).toContain('Team day');
    expect(JSON.stringify(shown.body.blocks)).not.toContain('calendar close YYYY');
    expect(text(await t.slash('UREQ9', 'calendar'))).toContain('is for PMO members');

    const { request } = await fileRequest(t, 'UREQ1', { request_needed_by: '2027-01-29' });
    // 1 h on Tuesday, Wednesday closed, 7 h on Thursday → Thursday 16:00.
    expect(request.first_response_due?.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(text(await t.slash(LEAD, 'calendar open 2026-12-02'))).toContain('working day again');
  });

  it('a lead sets a service’s targets in the catalogue; new requests use them', async () => {
    const service = await t.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', 'change-management')
      .executeTakeFirstOrThrow();
    const list = asMessage((await t.slash(LEAD, 'catalog')).body, LEAD);
    expect(JSON.stringify(list.blocks)).toContain('First response 1 working day (default)');
    const edit = await clickForModal(
      t,
      LEAD,
      `catalog_edit:${service.id}`,
      { message: list },
      'catalog_modal',
    );
    const bad = await t.submit(LEAD, edit, {
      catalog_name: 'Change management',
      catalog_description: 'Plan and support the people side of a change.',
      catalog_first_response_days: '0',
      catalog_delivery_days: null,
    });
    expect(bad.body).toMatchObject({
      response_action: 'errors',
      errors: { catalog_first_response_days: expect.any(String) },
    });
    const ok = await t.submit(LEAD, edit, {
      catalog_name: 'Change management',
      catalog_description: 'Plan and support the people side of a change.',
      catalog_first_response_days: '2',
      catalog_delivery_days: '5',
    });
    expect(ok.body.response_action).toBeUndefined();
    t.clock.set('2026-12-07T09:00:00Z'); // Monday morning
    const { request } = await fileRequest(t, 'UREQ2', { request_needed_by: '2027-01-29' });
    expect(request.first_response_due?.toISOString()).toBe('2026-12-08T17:00:00.000Z');
    // The form asks for a needed-by date: delivery is due at the end of that day's working hours.
    expect(request.delivery_due?.toISOString()).toBe('2027-01-29T17:00:00.000Z');
  });

  it('/pmo queue lists what waits, the least time left first, with Claim', async () => {
    expect(text(await t.slash('UREQ9', 'queue'))).toContain('is for PMO members');
    const res = await t.slash(MEMBER, 'queue');
    const blocks = JSON.stringify(res.body.blocks);
    const [first, second] = await t.db
      .selectFrom('requests')
      .select('id')
      .orderBy('first_response_due')
      .execute();
    expect(blocks.indexOf(`PMO-${first!.id} ·`)).toBeLessThan(blocks.indexOf(`PMO-${second!.id} ·`));
    expect(blocks).toContain('overdue');
    expect(blocks).toContain(`triage_claim:${first!.id}`);
    await t.click(MEMBER, `triage_claim:${first!.id}`, { message: asMessage(res.body, MEMBER) });
    await t.settle();
    const row = await t.db
      .selectFrom('requests')
      .select(['status', 'owner_id'])
      .where('id', '=', first!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'claimed', owner_id: MEMBER });
  });
});
