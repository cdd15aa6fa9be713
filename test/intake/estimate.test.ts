import { blockOf } from '../support/intake';
import { FORM, openRequestForm, serviceId } from '../support/requests';
import { seedMember, seedRequest } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An honest wait estimate for the chosen service, in the form (redrawn when the
 * service changes) and in the confirmation DM: medians over the last 90 days to claim and to
 * deliver, "not enough history yet" under five requests, and the members with that skill now.
 */

const REQUESTER = 'UWAIT1';
const h = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();

describe('the wait estimate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Five change-management requests this month: claimed after 4, 6, 8, 10 and 12 hours,
    // delivered after 2 to 6 days — medians 8 hours and 4 days.
    for (let i = 0; i < 5; i++) {
      const asked = `2026-11-0${i + 1}T09:00:00Z`;
      await seedRequest(t.db, {
        requester: 'USEED',
        service: 'change-management',
        createdAt: asked,
        claimedAt: h(asked, 4 + 2 * i),
        deliveredAt: h(asked, 24 * (2 + i)),
      });
    }
    // Older than 90 days: it does not count, however slow it was.
    await seedRequest(t.db, {
      requester: 'USEED',
      service: 'change-management',
      createdAt: '2026-06-01T09:00:00Z',
      claimedAt: '2026-07-01T09:00:00Z',
      deliveredAt: '2026-08-01T09:00:00Z',
    });
    // Four executive-coaching requests: not enough history.
    for (let i = 0; i < 4; i++)
      await seedRequest(t.db, {
        requester: 'USEED',
        service: 'executive-coaching',
        createdAt: `2026-11-1${i}T09:00:00Z`,
        claimedAt: `2026-11-1${i}T10:00:00Z`,
      });
    await seedMember(t.db, 'UMEM1', ['change-management', 'executive-coaching']);
    await seedMember(t.db, 'UMEM2', ['change-management']);
    await seedMember(t.db, 'UMEM3', ['change-management'], false);
  });
  afterAll(() => t.stop());

  const estimateText = (view: { view: Record<string, unknown> }) =>
    JSON.stringify(blockOf(view as never, 'request_estimate'));

  it('is redrawn in the form when the service changes, and reaches the confirmation DM', async () => {
    const view = await openRequestForm(t, REQUESTER);
    expect(estimateText(view)).toContain('Choose a service to see how long it usually takes');

    // The fake keeps the view it hands out and updates it in place: keep what it was.
    const { hash } = view;
    const blocksBefore = structuredClone(view.view.blocks) as { block_id?: string }[];
    const updates = t.fake.callsTo('views.update').length;
    await t.click(
      REQUESTER,
      FORM.service,
      { view },
      { selectedOption: await serviceId(t, 'Change management') },
    );
    await t.fake.waitFor(() => t.fake.callsTo('views.update').length > updates, 'the form redrawn');
    const call = t.fake.callsTo('views.update').at(-1)!;
    expect(call.args).toMatchObject({ view_id: view.id, hash });
    const redrawn = t.fake.views.get(view.id)!;
    expect(estimateText(redrawn)).toContain(
      'picked up in about 8 hours and delivered in about 4 days (medians). 2 members with this skill are available now.',
    );
    // Everything else on the form is as it was.
    const others = (blocks: unknown) =>
      (blocks as { block_id?: string }[]).filter((b) => b.block_id !== 'request_estimate');
    expect(others(redrawn.view.blocks)).toEqual(others(blocksBefore));
    expect(others(redrawn.view.blocks)).toHaveLength(blocksBefore.length - 1);

    await t.click(
      REQUESTER,
      FORM.service,
      { view: redrawn },
      { selectedOption: await serviceId(t, 'Executive coaching') },
    );
    await t.fake.waitFor(
      () => estimateText(t.fake.views.get(view.id)!).includes('not enough history yet') || undefined,
      'the second estimate',
    );
    expect(estimateText(t.fake.views.get(view.id)!)).toContain('1 member with this skill is available now.');

    await t.submit(REQUESTER, t.fake.views.get(view.id)!, {
      [FORM.service]: await serviceId(t, 'Change management'),
      [FORM.project]: 'Apollo',
      [FORM.need]: 'A change plan',
      [FORM.value]: 'Adoption in weeks',
      [FORM.neededBy]: '2026-12-15',
      [FORM.impact]: 'important',
    });
    await t.flush();
    const dm = t.fake.messagesIn(REQUESTER).find((m) => m.text?.includes('is in'));
    expect(JSON.stringify(dm?.blocks)).toContain('picked up in about 8 hours and delivered in about 4 days');
  });

  it('says "nobody lists this skill" and "not enough history" for a service without either', async () => {
    const view = await openRequestForm(t, REQUESTER);
    const updates = t.fake.callsTo('views.update').length;
    await t.click(
      REQUESTER,
      FORM.service,
      { view },
      { selectedOption: await serviceId(t, 'Specialised task') },
    );
    await t.fake.waitFor(() => t.fake.callsTo('views.update').length > updates, 'the form redrawn');
    const text = estimateText(t.fake.views.get(view.id)!);
    expect(text).toContain('not enough history yet (fewer than 5 requests in the last 90 days)');
    expect(text).toContain('Nobody on the PMO team lists this skill right now');
  });

  it('does not count a member who is away today as available', async () => {
    await t.db
      .insertInto('away_periods')
      .values({ user_id: 'UMEM2', first_day: '2026-11-20', last_day: '2026-12-04', set_by: 'UMEM2' })
      .execute();
    const view = await openRequestForm(t, REQUESTER);
    const updates = t.fake.callsTo('views.update').length;
    await t.click(
      REQUESTER,
      FORM.service,
      { view },
      { selectedOption: await serviceId(t, 'Change management') },
    );
    await t.fake.waitFor(() => t.fake.callsTo('views.update').length > updates, 'the form redrawn');
    expect(estimateText(t.fake.views.get(view.id)!)).toContain('1 member with this skill is available now.');
    await t.db.deleteFrom('away_periods').where('user_id', '=', 'UMEM2').execute();
  });
});
