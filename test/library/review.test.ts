import {
  canRetire,
  canRetireAtReview,
  canReview,
  canSaveFromRequest,
  type DeliveredFacts,
  isDueForReview,
  type LibraryActor,
  nextReviewDate,
  type ReviewFacts,
} from '../../src/features/library/policy';
import { addEntry, type EntryForm, moveEntry } from '../../src/features/library/service';
import { validateSurface } from '../support/block-kit';
import type { FakeMessage } from '../support/fake-slack';
import { clickForModal, dmsTo, newResponses } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * The owner's review DM through the real app: the daily job asks once per review cycle, the
 * outbox holds the DM until the owner's working hours, and Keep / Edit / Retire act on the
 * entry as it is now.
 */

const OWNER = 'UOWNREV';
const OTHER = 'UOTHREV';
const GONE_OWNER = 'UGONEREV';
const OUTSIDER = 'UOUTREV';

const form = (over: Partial<EntryForm> = {}): EntryForm => ({
  kind: 'playbook',
  title: 'Kick-off playbook',
  summary: 'How to run a project kick-off in ninety minutes.',
  body: '',
  link: null,
  topics: [],
  services: [],
  ...over,
});

const textOf = (x: unknown) => JSON.stringify(x) ?? '';
const reviewDms = (t: TestApp, user: string) =>
  dmsTo(t, user).filter((m) => textOf(m.blocks).includes('library_keep:'));

/** A published entry of `owner`, due for review on `reviewBy`. */
async function dueEntry(t: TestApp, owner: string, reviewBy: string, title: string): Promise<number> {
  const e = await addEntry(t.db, owner, form({ title }), '2026-05-24', t.clock.now());
  await moveEntry(t.db, LEAD, e.id, 'published', t.clock.now());
  await t.db.updateTable('library_entries').set({ review_by: reviewBy }).where('id', '=', e.id).execute();
  return e.id;
}

const entryRow = (t: TestApp, id: number) =>
  t.db.selectFrom('library_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function clickAndHear(
  t: TestApp,
  user: string,
  actionId: string,
  message: FakeMessage,
  value?: string,
) {
  const before = t.fake.responses.length;
  await t.click(user, actionId, { message }, value ? { value, blockId: 'forged' } : {});
  return (await newResponses(t, before))[0] ?? {};
}

describe('the owner’s review DM', () => {
  let t: TestApp;
  let kept: number;
  let retired: number;
  let notYet: number;
  let orphan: number;
  beforeAll(async () => {
    // 10:00 UTC is 05:00 in New York: outside the owner's working hours.
    t = await startTestApp({ users: [{ id: OWNER, name: 'Olga Owner', tz: 'America/New_York' }] });
    await seedMember(t.db, OWNER, []);
    await seedMember(t.db, OTHER, []);
    await seedMember(t.db, GONE_OWNER, [], false);
    kept = await dueEntry(t, OWNER, '2026-11-24', 'Kick-off playbook');
    retired = await dueEntry(t, OWNER, '2026-11-20', 'Old status report template');
    notYet = await dueEntry(t, OWNER, '2026-11-25', 'Not due yet');
    orphan = await dueEntry(t, GONE_OWNER, '2026-11-24', 'Owner left');
  });
  afterAll(() => t.stop());

  let dm: FakeMessage;
  it('the job on the due date enqueues one DM per due entry, held until the owner’s working hours', async () => {
    const outcome = await t.runJob('library-review');
    expect(outcome).toMatchObject({ ran: true, result: { asked: 2, ownerGone: 1 } });
    // Enqueued, not sent: it is 05:00 for the owner.
    expect(reviewDms(t, OWNER)).toEqual([]);
    const rows = await t.db.selectFrom('outbox').selectAll().where('kind', '=', 'library.review').execute();
    expect(rows.map((r) => r.recipient_id)).toEqual([OWNER, OWNER]);
    expect(rows.every((r) => r.status === 'pending' && r.not_before !== null)).toBe(true);
    expect((await entryRow(t, kept)).review_asked_for).toBe('2026-11-24');
    expect((await entryRow(t, notYet)).review_asked_for).toBeNull();
    // Nobody outside the PMO is messaged: the owner who left is not asked.
    expect((await entryRow(t, orphan)).review_asked_for).toBeNull();

    // 14:30 UTC is 09:30 in New York: the drain sends both.
    t.clock.set('2026-11-24T14:30:00Z');
    await t.flush();
    const dms = reviewDms(t, OWNER);
    expect(dms).toHaveLength(2);
    for (const m of dms) expect(validateSurface('message', { text: m.text, blocks: m.blocks })).toEqual([]);
    dm = dms.find((m) => textOf(m.blocks).includes(`library_keep:${kept}`))!;
    expect(textOf(dm.blocks)).toContain('Kick-off playbook');
    expect(textOf(dm.blocks)).toContain(`library_edit:${kept}`);
    expect(textOf(dm.blocks)).toContain(`library_review_retire:${kept}`);
    expect(dmsTo(t, GONE_OWNER)).toEqual([]);
  });

  it('a second run, that day or the next, sends nothing more', async () => {
    expect(await t.runJob('library-review')).toMatchObject({ ran: false });
    t.clock.set('2026-11-25T14:30:00Z');
    const next = await t.runJob('library-review');
    // The next day only the entry newly due is asked about.
    expect(next).toMatchObject({ ran: true, result: { asked: 1 } });
    await t.flush();
    expect(reviewDms(t, OWNER)).toHaveLength(3);
    t.clock.set('2026-11-26T14:30:00Z');
    expect(await t.runJob('library-review')).toMatchObject({ ran: true, result: { asked: 0 } });
    expect(reviewDms(t, OWNER)).toHaveLength(3);
    t.clock.set('2026-11-24T14:30:00Z');
  });

  it('Edit opens the entry form for the owner', async () => {
    const modal = await clickForModal(
      t,
      OWNER,
      `library_edit:${kept}`,
      { message: dm },
      'library_form_modal',
    );
    expect(validateSurface('modal', modal.view)).toEqual([]);
    expect(textOf(modal.view)).toContain('Kick-off playbook');
  });

  it('someone else’s forged Keep or Retire changes nothing', async () => {
    const before = await entryRow(t, kept);
    for (const who of [OTHER, OUTSIDER]) {
      for (const id of [`library_keep:${kept}`, `library_review_retire:${kept}`]) {
        const said = await clickAndHear(t, who, id, dm, String(kept));
        expect(String(said.text)).toContain('Only its owner and the PMO leads');
      }
    }
    expect(await entryRow(t, kept)).toEqual(before);
  });

  it('Keep moves review_by on six months, audited, version unchanged; the DM loses its buttons', async () => {
    const before = await entryRow(t, kept);
    await clickAndHear(t, OWNER, `library_keep:${kept}`, dm);
    const after = await entryRow(t, kept);
    expect(after).toMatchObject({ review_by: '2027-05-24', version: before.version, status: 'published' });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'library.keep')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: OWNER })]);
    expect(textOf(dm.blocks)).toContain('Kept as it is');
    expect(textOf(dm.blocks)).not.toContain('library_keep:');
  });

  it('a second Keep (a stale DM) changes nothing, and the kept entry is not asked about again', async () => {
    const stale = { ...dm, blocks: reviewDms(t, OWNER)[0]?.blocks ?? [] } as FakeMessage;
    const said = await clickAndHear(t, OWNER, `library_keep:${kept}`, stale, String(kept));
    expect(String(said.text)).toContain('Already reviewed');
    expect(
      await t.db.selectFrom('audit_log').select('id').where('action', '=', 'library.keep').execute(),
    ).toHaveLength(1);
    t.clock.set('2026-11-27T14:30:00Z');
    expect(await t.runJob('library-review')).toMatchObject({ ran: true, result: { asked: 0 } });
    t.clock.set('2026-11-24T14:30:00Z');
  });

  it('the owner (not a lead) retires their own entry at review; a stale Retire after it changes nothing', async () => {
    const retireDm = reviewDms(t, OWNER).find((m) =>
      textOf(m.blocks).includes(`library_review_retire:${retired}`),
    )!;
    const stale = { ...retireDm, blocks: [...(retireDm.blocks ?? [])] } as FakeMessage;
    await clickAndHear(t, OWNER, `library_review_retire:${retired}`, retireDm);
    expect((await entryRow(t, retired)).status).toBe('retired');
    const audits = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'library.retire')
      .execute();
    expect(audits).toEqual([expect.objectContaining({ actor_id: OWNER })]);
    expect(textOf(retireDm.blocks)).toContain('Retired');

    const before = await entryRow(t, retired);
    for (const id of [`library_review_retire:${retired}`, `library_keep:${retired}`]) {
      const said = await clickAndHear(t, OWNER, id, stale, String(retired));
      expect(String(said.text)).toContain('retired');
    }
    expect(await entryRow(t, retired)).toEqual(before);
    expect(
      await t.db.selectFrom('audit_log').select('id').where('action', '=', 'library.retire').execute(),
    ).toHaveLength(1);
  });

  it('a DM still queued when the entry was reviewed meanwhile is not sent', async () => {
    const id = await dueEntry(t, OWNER, '2026-11-24', 'Reviewed before the DM went out');
    t.clock.set('2026-11-28T04:00:00Z'); // a Saturday, before working hours: held
    await t.runJob('library-review');
    await t.db.updateTable('library_entries').set({ review_by: '2027-05-28' }).where('id', '=', id).execute();
    t.clock.set('2026-11-30T14:30:00Z');
    await t.flush();
    expect(reviewDms(t, OWNER).filter((m) => textOf(m.blocks).includes(`library_keep:${id}`))).toEqual([]);
    const row = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('dedupe_key', '=', `library.review.${id}.2026-11-24`)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('skipped');
  });
});

describe('review and save rules', () => {
  const lead: LibraryActor = { id: 'ULEAD', lead: true, member: true };
  const owner: LibraryActor = { id: 'UOWNER', lead: false, member: true };
  const other: LibraryActor = { id: 'UOTHER', lead: false, member: true };
  const leftOwner: LibraryActor = { id: 'UOWNER', lead: false, member: false };
  const outsider: LibraryActor = { id: 'UOUT', lead: false, member: false };
  const entry = (status: ReviewFacts['status'], reviewBy = '2026-11-24'): ReviewFacts => ({
    ownerId: 'UOWNER',
    status,
    reviewBy,
  });
  const TODAY = '2026-11-24';

  it.each([
    ['2026-11-24', true],
    ['2026-11-01', true],
    ['2026-11-25', false],
  ])('review by %s is due today: %s', (reviewBy, due) => {
    expect(isDueForReview(reviewBy, TODAY)).toBe(due);
  });

  it.each([
    // actor, status, review by, may review, may retire at review
    ['owner', owner, 'published', TODAY, true, true],
    ['owner, not yet due', owner, 'published', '2026-12-24', true, false],
    ['owner of a draft', owner, 'draft', TODAY, false, false],
    ['owner of a retired entry', owner, 'retired', TODAY, false, false],
    ['owner who left the PMO', leftOwner, 'published', TODAY, false, false],
    ['another member', other, 'published', TODAY, false, false],
    ['someone outside the PMO', outsider, 'published', TODAY, false, false],
    ['a lead', lead, 'published', '2026-12-24', true, true],
    ['a lead, retired entry', lead, 'retired', TODAY, false, false],
  ] as const)('%s', (_who, actor, status, reviewBy, review, retire) => {
    const e = entry(status, reviewBy);
    expect(canReview(actor, e)).toBe(review);
    expect(canRetireAtReview(actor, e, TODAY)).toBe(retire);
    // Outside review, retiring stays a lead's call.
    if (!actor.lead) expect(canRetire(actor, e)).toBe(false);
  });

  it.each([
    ['2026-11-24', '2027-05-24'],
    ['2026-08-31', '2027-02-28'],
  ])('kept on %s: next due %s', (today, next) => {
    expect(nextReviewDate(today)).toBe(next);
  });

  const request = (status: DeliveredFacts['status'], ownerId: string | null = 'UOWNER'): DeliveredFacts => ({
    status,
    ownerId,
  });
  it.each([
    ['the member who delivered it', owner, request('delivered'), true],
    ['the member who delivered it, closed since', owner, request('closed'), true],
    ['the member, still in progress', owner, request('in_progress'), false],
    ['another member', other, request('delivered'), false],
    ['a lead', lead, request('delivered'), true],
    ['a lead, declined', lead, request('declined'), false],
    ['the deliverer who left the PMO', leftOwner, request('delivered'), false],
    ['someone outside the PMO', outsider, request('delivered', 'UOUT'), false],
  ] as const)('saving from a request: %s', (_who, actor, r, may) => {
    expect(canSaveFromRequest(actor, r)).toBe(may);
  });
});
