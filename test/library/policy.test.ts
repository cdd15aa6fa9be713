import {
  canEdit,
  canPublish,
  canRetire,
  canSee,
  canTake,
  type EntryFacts,
  firstReviewDate,
  isStale,
  type LibraryActor,
  missKey,
} from '../../src/features/library/policy';

const lead: LibraryActor = { id: 'ULEAD1', lead: true, member: true };
const owner: LibraryActor = { id: 'UOWNER', lead: false, member: true };
const member: LibraryActor = { id: 'UOTHER', lead: false, member: true };
const requester: LibraryActor = { id: 'UREQ', lead: false, member: false };
const entry = (status: EntryFacts['status']): EntryFacts => ({ ownerId: 'UOWNER', status });

describe('library policy', () => {
  it.each([
    ['2026-11-24', '2026-12-24', false],
    ['2026-11-24', '2026-12-25', true],
    ['2026-11-24', '2026-11-24', false],
    ['2027-05-24', '2026-11-24', false],
    ['2026-01-31', '2026-03-03', true],
  ])('review by %s, today %s: stale %s (after 30 days)', (reviewBy, today, stale) => {
    expect(isStale(reviewBy, today)).toBe(stale);
  });

  it.each([
    ['2026-11-24', '2027-05-24'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2026-12-15', '2027-06-15'],
  ])('an entry written on %s is reviewed by %s', (today, reviewBy) => {
    expect(firstReviewDate(today)).toBe(reviewBy);
  });

  const ACTORS: Record<string, LibraryActor> = { lead, owner, 'other member': member, requester };
  type Row = [string, EntryFacts['status'], boolean, boolean, boolean, boolean];
  // who, status → sees, edits, publishes, retires
  it.each<Row>([
    ['lead', 'draft', true, true, true, true],
    ['lead', 'published', true, true, false, true],
    ['lead', 'retired', true, false, false, false],
    ['owner', 'draft', true, true, false, false],
    ['owner', 'published', true, true, false, false],
    ['owner', 'retired', true, false, false, false],
    ['other member', 'draft', true, false, false, false],
    ['other member', 'published', true, false, false, false],
    ['requester', 'draft', false, false, false, false],
    ['requester', 'published', true, false, false, false],
    ['requester', 'retired', false, false, false, false],
  ])(
    '%s on a %s entry: sees %s, edits %s, publishes %s, retires %s',
    (who, status, sees, edits, publishes, retires) => {
      const actor = ACTORS[who] as LibraryActor;
      const e = entry(status);
      expect([canSee(actor, e), canEdit(actor, e), canPublish(actor, e), canRetire(actor, e)]).toEqual([
        sees,
        edits,
        publishes,
        retires,
      ]);
    },
  );

  it.each([
    ['draft', false],
    ['published', true],
    ['retired', false],
  ] as const)('a %s entry can be adopted and rated: %s', (status, open) => {
    expect(canTake(entry(status))).toBe(open);
  });

  it('counts a search by its words, whatever the case and spacing', () => {
    expect(missKey('  Quantum   Blockchain ')).toBe('quantum blockchain');
    expect(missKey('x'.repeat(500))).toHaveLength(200);
  });
});
