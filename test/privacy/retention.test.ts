import { computeDigest } from '../../src/features/digest/service';
import { seedRequest } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';
import { whereFound } from './world';

/** RETENTION_DAYS: old finished requests and feedback lose their words and ids, not their figures. */
describe('retention', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { RETENTION_DAYS: '730' } });
    // Three years ago, three people, each closed or declined; one still open; one recent.
    const old = (who: string, status: 'closed' | 'declined' | 'new', project: string) =>
      seedRequest(t.db, {
        requester: who,
        owner: status === 'new' ? null : 'UOLDMEMBER1',
        service: 'change-management',
        project,
        status,
        createdAt: '2023-11-01T10:00:00Z',
        claimedAt: status === 'new' ? undefined : '2023-11-01T12:00:00Z',
        deliveredAt: status === 'closed' ? '2023-11-05T10:00:00Z' : undefined,
      });
    ids.closedA = await old('UOLDA1', 'closed', 'old-project-a');
    ids.closedA2 = await old('UOLDA1', 'closed', 'old-project-a2');
    ids.declinedB = await old('UOLDB1', 'declined', 'old-project-b');
    ids.openC = await old('UOLDC1', 'new', 'old-project-c-open');
    ids.recent = await seedRequest(t.db, {
      requester: 'UNEW1',
      owner: 'UOLDMEMBER1',
      service: 'change-management',
      project: 'recent-project',
      status: 'closed',
      createdAt: '2026-10-01T10:00:00Z',
      claimedAt: '2026-10-01T12:00:00Z',
      deliveredAt: '2026-10-05T10:00:00Z',
    });
    await t.db
      .updateTable('requests')
      .set({ need: 'old-need-secret', closed_at: '2023-11-06T10:00:00Z', decline_reason: 'old-reason' })
      .where('id', 'in', [ids.closedA!, ids.closedA2!, ids.declinedB!])
      .execute();
    await t.db
      .updateTable('requests')
      .set({ closed_at: '2026-10-06T10:00:00Z' })
      .where('id', '=', ids.recent!)
      .execute();
    for (const [id, who, rating, when] of [
      [ids.closedA, 'UOLDA1', 4, '2023-11-10T10:00:00Z'],
      [ids.recent, 'UNEW1', 5, '2026-10-10T10:00:00Z'],
    ] as const) {
      await t.db
        .insertInto('checkins')
        .values({
          kind: 'delivery',
          request_id: id,
          user_id: who,
          due_at: when,
          status: 'answered',
          rating,
          what_changed: `${who}-comment-words`,
          answered_at: when,
          created_at: when,
        })
        .execute();
    }
    await t.db
      .insertInto('request_events')
      .values({
        request_id: ids.declinedB!,
        actor_id: 'UOLDMEMBER1',
        to_status: 'declined',
        note: 'old-reason',
        created_at: '2023-11-06T10:00:00Z',
      })
      .execute();
  });
  afterAll(() => t.stop());

  it('removes the words and anonymises the people of finished requests and feedback past retention', async () => {
    const digestThen = await computeDigest(t.db, new Date('2023-11-13T10:00:00Z'), 'UTC');
    const outcome = await t.runJob('privacy');
    expect(outcome).toMatchObject({
      ran: true,
      result: { erased: 0, retention: { requests: 3, checkins: 1 } },
    });

    for (const needle of [
      'old-need-secret',
      'old-project-a',
      'old-project-b',
      'old-reason',
      'UOLDA1-comment-words',
      'UOLDA1',
      'UOLDB1',
    ])
      expect([needle, await whereFound(t.db, needle)]).toEqual([needle, []]);
    const rows = await t.db.selectFrom('requests').selectAll().orderBy('id').execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const a1 = byId.get(ids.closedA!);
    const a2 = byId.get(ids.closedA2!);
    // One marker per person within a run: A's two requests share one, B has another.
    expect(a1?.requester_id).toMatch(/^ANON-[0-9A-F]{12}$/);
    expect(a2?.requester_id).toBe(a1?.requester_id);
    expect(byId.get(ids.declinedB!)?.requester_id).not.toBe(a1?.requester_id);
    // Figures stay: status, service, dates, the rating.
    expect(a1).toMatchObject({ status: 'closed', project: '', need: '' });
    expect(a1?.delivered_at?.toISOString()).toBe('2023-11-05T10:00:00.000Z');
    const rating = await t.db
      .selectFrom('checkins')
      .select(['rating', 'user_id'])
      .where('request_id', '=', ids.closedA!)
      .executeTakeFirstOrThrow();
    expect(rating).toEqual({ rating: 4, user_id: a1?.requester_id });
    const digestNow = await computeDigest(t.db, new Date('2023-11-13T10:00:00Z'), 'UTC');
    expect(digestNow.current).toEqual(digestThen.current);
    expect(digestNow.previous).toEqual(digestThen.previous);
  });

  it('leaves open requests and recent ones alone', async () => {
    expect(await whereFound(t.db, 'old-project-c-open')).toEqual(['requests.project']);
    expect(await whereFound(t.db, 'recent-project')).toEqual(['requests.project']);
    expect(await whereFound(t.db, 'UNEW1-comment-words')).toEqual(['checkins.what_changed']);
  });

  it('a second run the same day is a no-op; the next day finds nothing new to do', async () => {
    expect(await t.runJob('privacy')).toMatchObject({ ran: false });
    t.clock.set('2026-11-25T10:00:00Z');
    expect(await t.runJob('privacy')).toMatchObject({
      ran: true,
      result: { retention: { requests: 0, checkins: 0 } },
    });
  });
});
