import { FIGURES_MAX_AGE_MS } from '../../src/features/digest';
import { homeText, openHome } from '../support/home';
import { seedMember, seedRequest } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

const asOf = (iso: string) => `<!date^${Date.parse(iso) / 1000}^{time}`;
const delivered = (text: string) => Number(/\*Delivered\*\\n(\d+)/.exec(text)?.[1]);

/** A lead's Home shows the digest's figures as last computed, says when, and recomputes them rarely. */
describe('the digest figures on a lead’s Home', () => {
  let t: TestApp;
  let n = 0;
  // A request delivered in the digest's period (the 7 whole days before 24 Nov).
  const deliverOne = () =>
    seedRequest(t.db, {
      requester: 'UREQ1',
      owner: 'UMEMBER1',
      service: 'change-management',
      project: `Done ${++n}`,
      createdAt: '2026-11-17T09:00:00Z',
      claimedAt: '2026-11-17T10:00:00Z',
      deliveredAt: '2026-11-20T09:00:00Z',
    });

  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, 'UMEMBER1', ['change-management']);
    await deliverOne();
  });
  afterAll(() => t.stop());

  it('shows the figures with the time they were computed', async () => {
    const text = homeText(await openHome(t, LEAD));
    expect(text).toContain('This period · 17–23 Nov 2026');
    expect(delivered(text)).toBe(1);
    expect(text).toContain(asOf('2026-11-24T10:00:00Z'));
    expect(text).toContain(`recomputed once more than ${FIGURES_MAX_AGE_MS / 60_000} minutes old`);
  });

  it('a publish within the interval shows the same figures, for every lead, not a new count', async () => {
    await deliverOne();
    t.clock.advance(FIGURES_MAX_AGE_MS - 1000);
    for (const lead of [LEAD, 'ULEAD2']) {
      const text = homeText(await openHome(t, lead));
      expect(delivered(text)).toBe(1);
      expect(text).toContain(asOf('2026-11-24T10:00:00Z'));
    }
  });

  it('once older than the interval, the next publish recomputes them', async () => {
    t.clock.advance(1000);
    const text = homeText(await openHome(t, LEAD));
    expect(delivered(text)).toBe(2);
    expect(text).toContain(asOf('2026-11-24T10:05:00Z'));
  });

  it('while another replica recomputes (it holds the row), the previous figures are shown', async () => {
    await deliverOne();
    t.clock.advance(FIGURES_MAX_AGE_MS);
    // Another replica took the lease a moment ago and has not finished.
    await t.db
      .withTables<{ digest_figures: { period_key: string; computing_until: Date | null } }>()
      .updateTable('digest_figures')
      .set({ computing_until: new Date(t.clock.now().getTime() + 30_000) })
      .execute();
    let text = homeText(await openHome(t, LEAD));
    expect(delivered(text)).toBe(2);
    expect(text).toContain(asOf('2026-11-24T10:05:00Z'));
    // It died: once its lease is over, this replica recomputes.
    t.clock.advance(30_000);
    text = homeText(await openHome(t, LEAD));
    expect(delivered(text)).toBe(3);
    expect(text).toContain(asOf('2026-11-24T10:10:30Z'));
  });

  it('a new day is a new period: its figures are computed for it', async () => {
    t.clock.set('2026-11-25T10:11:00Z');
    const text = homeText(await openHome(t, LEAD));
    expect(text).toContain('This period · 18–24 Nov 2026');
    expect(delivered(text)).toBe(3);
    expect(text).toContain(asOf('2026-11-25T10:11:00Z'));
  });

  it('the weekly digest keeps the figures it posted: Home shows them until they are old', async () => {
    t.clock.advance(FIGURES_MAX_AGE_MS);
    await deliverOne();
    await t.runJob('digest');
    await deliverOne();
    const text = homeText(await openHome(t, LEAD));
    expect(delivered(text)).toBe(4);
    expect(text).toContain(asOf('2026-11-25T10:16:00Z'));
  });
});
