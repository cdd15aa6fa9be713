import { ManualClock } from '../../src/clock';
import type { RequestStatus } from '../../src/db/schema';
import { actionIds, openHome } from '../support/home';
import { seedRequest } from '../support/seed';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * The digest's response-target figures on a seeded history: on-target rates for first response
 * and delivery over the last 7 days, what is overdue now, who is away this week — and the same
 * figures on a lead's Home.
 */

async function seed(
  t: TestApp,
  r: {
    status: RequestStatus;
    frDue?: string;
    frAt?: string;
    delDue?: string;
    deliveredAt?: string;
  },
): Promise<number> {
  const id = await seedRequest(t.db, {
    requester: 'UREQ',
    service: 'change-management',
    status: r.status,
    owner: r.status === 'new' ? null : 'UMEM',
    createdAt: '2026-11-30T08:00:00Z',
    ...(r.status !== 'new' ? { claimedAt: r.frAt ?? '2026-11-30T09:00:00Z' } : {}),
    ...(r.deliveredAt ? { deliveredAt: r.deliveredAt } : {}),
  });
  await t.db
    .updateTable('requests')
    .set({
      first_response_due: r.frDue ?? null,
      first_response_at: r.frAt ?? null,
      delivery_due: r.delDue ?? null,
    })
    .where('id', '=', id)
    .execute();
  return id;
}

describe('the digest’s response targets', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    // Monday 7 December 2026: the digest covers Monday 30 November – Sunday 6 December.
    t = await startTestApp({ clock: new ManualClock('2026-12-07T09:00:00Z') });
    // First response: answered in time (twice), late, never (overdue), and out of scope.
    ids.fr1 = await seed(t, {
      status: 'claimed',
      frDue: '2026-12-02T10:00:00Z',
      frAt: '2026-12-01T10:00:00Z',
    });
    ids.fr2 = await seed(t, {
      status: 'claimed',
      frDue: '2026-12-01T10:00:00Z',
      frAt: '2026-12-02T10:00:00Z',
    });
    ids.fr3 = await seed(t, { status: 'new', frDue: '2026-12-03T10:00:00Z' });
    ids.fr4 = await seed(t, {
      status: 'claimed',
      frDue: '2026-12-10T10:00:00Z',
      frAt: '2026-12-04T10:00:00Z',
    });
    ids.fr5 = await seed(t, {
      status: 'claimed',
      frDue: '2026-11-21T10:00:00Z',
      frAt: '2026-11-20T10:00:00Z',
    });
    ids.fr6 = await seed(t, { status: 'cancelled', frDue: '2026-12-05T10:00:00Z' });
    // Delivery: on time (twice), late, and past due while in progress (overdue).
    ids.d1 = await seed(t, {
      status: 'delivered',
      delDue: '2026-12-03T17:00:00Z',
      deliveredAt: '2026-12-02T10:00:00Z',
    });
    ids.d2 = await seed(t, {
      status: 'delivered',
      delDue: '2026-12-01T17:00:00Z',
      deliveredAt: '2026-12-03T10:00:00Z',
    });
    ids.d3 = await seed(t, { status: 'in_progress', delDue: '2026-12-04T17:00:00Z' });
    ids.d4 = await seed(t, {
      status: 'delivered',
      delDue: '2026-12-20T17:00:00Z',
      deliveredAt: '2026-12-05T10:00:00Z',
    });
    await t.db
      .insertInto('away_periods')
      .values([
        { user_id: 'UMEM', first_day: '2026-12-08', last_day: '2026-12-10', set_by: 'UMEM' },
        { user_id: 'UGONE', first_day: '2026-11-01', last_day: '2026-11-20', set_by: 'UGONE' },
      ])
      .execute();
  });
  afterAll(() => t.stop());

  it('shows on-target rates, the overdue list and who is away, in the posted digest', async () => {
    await t.runJob('digest');
    const [main] = t.fake.messagesIn(PMO_CHANNEL).filter((m) => (m.text ?? '').startsWith('PMO digest'));
    const shown = JSON.stringify(main?.blocks);
    // 6 in scope for first response minus the cancelled and the old one: fr1, fr4 of fr1–fr4.
    expect(shown).toContain('*First response on target*\\n50% (2 of 4)');
    expect(shown).toContain('*Delivery on target*\\n50% (2 of 4)');
    expect(shown).toContain('*Overdue now*\\n2');
    expect(shown).toContain('*Away this week*\\n<@UMEM>');
    expect(shown).not.toContain('UGONE');
    // The thread holds the details and the chart (a file, without blocks).
    const thread = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.thread_ts === main?.ts && m.blocks);
    const details = JSON.stringify(thread?.blocks);
    expect(details).toContain(`PMO-${ids.fr3}: first response was due`);
    expect(details).toContain(`PMO-${ids.d3}: delivery was due`);
    expect(details).not.toContain(`PMO-${ids.fr2}:`);
  });

  it('and the same figures on a lead’s Home', async () => {
    const home = await openHome(t, LEAD);
    const shown = JSON.stringify(home.view.blocks);
    expect(shown).toContain('*First response on target*\\n50% (2 of 4)');
    expect(shown).toContain('*Overdue now*\\n2');
    // Everyone's Home offers time away.
    expect(actionIds(home)).toContain('calendar_away_open');
  });
});
