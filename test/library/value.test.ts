import { recordSolved } from '../../src/features/library/moment-of-need';
import { addEntry, adoptEntry, moveEntry, rateEntry, recordMiss } from '../../src/features/library/service';
import { validateSurface } from '../support/block-kit';
import type { FakeView } from '../support/fake-slack';
import { actionIds, nextHome, openHome } from '../support/home';
import { entryForm } from '../support/library';
import { optInPeople } from '../support/people';
import { clickForModal } from '../support/requests';
import { seedMember, seedRequest } from '../support/seed';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * The library's value picture through the real app: a lead's Home (the drafts waiting for
 * review, the figures), a requester's "From the PMO library", and the weekly digest's library
 * section, from rows made by the library's own service functions at the app's clock.
 *
 * The clock ends on Tuesday 2026-11-24 (UTC): the digest's period is 17–23 Nov, the one before
 * 10–16 Nov; Home shows the same period as the digest.
 */

const MEMBER = 'UMEMB1';
const FAN = 'UREQFAN'; // opted in to the clinics topic, and asked for change management lately
const STRANGER = 'UREQNONE'; // no topics, no requests

type Json = Record<string, unknown>;

const form = entryForm;

/** Every text a person reads on a surface: headers, sections, fields, context. */
function readable(blocks: unknown): string[] {
  const out: string[] = [];
  for (const b of (blocks as Json[] | undefined) ?? []) {
    const text = b.text as { text?: string } | undefined;
    if (text?.text) out.push(text.text);
    for (const f of (b.fields as { text: string }[] | undefined) ?? []) out.push(f.text);
    for (const e of (b.elements as { text?: string }[] | undefined) ?? [])
      if (typeof e.text === 'string') out.push(e.text);
  }
  return out;
}

/** The readable texts from the block whose text is `heading` up to the next header. */
function sectionOf(blocks: unknown, heading: string): string[] {
  const list = (blocks as Json[] | undefined) ?? [];
  const start = list.findIndex((b) => (b.text as { text?: string } | undefined)?.text === heading);
  if (start < 0) return [];
  const end = list.findIndex((b, i) => i > start && b.type === 'header');
  return readable(list.slice(start + 1, end < 0 ? undefined : end));
}

describe('the library’s value picture', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  const drafts: number[] = [];

  const at = (iso: string) => t.clock.set(iso);
  const now = () => t.clock.now();

  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, []);

    // Written last spring: due for review on 1 Sep, so stale by now.
    at('2026-03-01T10:00:00Z');
    ids.kickoff = (
      await addEntry(
        t.db,
        MEMBER,
        form({ kind: 'standard', title: 'Kick-off standard' }),
        '2026-03-01',
        now(),
      )
    ).id;

    // The week before the period: one adoption, one "This solved it".
    at('2026-11-10T10:00:00Z');
    ids.risk = (
      await addEntry(
        t.db,
        MEMBER,
        form({ title: 'Risk register template', topics: ['change-clinics'] }),
        '2026-11-10',
        now(),
      )
    ).id;
    ids.retro = (
      await addEntry(
        t.db,
        MEMBER,
        form({ kind: 'playbook', title: 'Retrospective playbook', services: ['change-management'] }),
        '2026-11-10',
        now(),
      )
    ).id;
    ids.retired = (
      await addEntry(
        t.db,
        MEMBER,
        form({ title: 'Old budget sheet', topics: ['change-clinics'] }),
        '2026-11-10',
        now(),
      )
    ).id;
    for (const id of [ids.risk, ids.retro, ids.retired])
      await moveEntry(t.db, LEAD, id as number, 'published', now());
    await moveEntry(t.db, LEAD, ids.retired as number, 'retired', now());
    await adoptEntry(t.db, 'UREQOLD', ids.risk as number, 'Billing team', now());
    await recordSolved(t.db, ids.retro as number, 'VSOLVED0', '2026-11-12');
    await recordMiss(t.db, 'gantt chart', new Date('2026-11-01T10:00:00Z'));

    // In the period: the kick-off standard published, three adoptions, three answers, two
    // requests avoided, searches that found nothing, four drafts waiting for review.
    at('2026-11-18T10:00:00Z');
    await moveEntry(t.db, LEAD, ids.kickoff as number, 'published', now());
    await adoptEntry(t.db, 'UREQA', ids.risk as number, 'Payments', now());
    await adoptEntry(t.db, 'UREQB', ids.risk as number, 'Checkout', now());
    await adoptEntry(t.db, 'UREQC', ids.retro as number, 'Search', now());
    await rateEntry(t.db, 'UREQA', ids.risk as number, true, null, now());
    await rateEntry(t.db, 'UREQB', ids.risk as number, true, 'Saved us a day', now());
    await rateEntry(t.db, 'UREQC', ids.retro as number, false, null, now());
    await recordSolved(t.db, ids.retro as number, 'VSOLVED1', '2026-11-19');
    await recordSolved(t.db, ids.risk as number, 'VSOLVED2', '2026-11-23');
    for (let i = 0; i < 3; i++) await recordMiss(t.db, 'OKR  template', now());
    await recordMiss(t.db, 'raci <matrix>', now());
    for (const title of [
      'Steering <!channel> charter',
      'Benefits map',
      'Lessons from the ERP go-live',
      'RAID log',
    ])
      drafts.push((await addEntry(t.db, MEMBER, form({ kind: 'lesson', title }), '2026-11-20', now())).id);

    // The fan asked for change management lately and opted in to the clinics topic.
    await seedRequest(t.db, {
      requester: FAN,
      service: 'change-management',
      createdAt: '2026-11-20T10:00:00Z',
    });
    at('2026-11-24T10:00:00Z');
    await optInPeople(t, [FAN], 'change-clinics');
  }, 60_000);
  afterAll(() => t.stop());

  it('the digest posted by its job has a library section with the period’s numbers, valid Block Kit', async () => {
    const outcome = await t.runJob('digest');
    expect(outcome).toMatchObject({ ran: true, runKey: '2026-11-17' });
    const main = t.fake.messagesIn(PMO_CHANNEL).find((m) => !m.thread_ts && !m.files);
    const thread = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.thread_ts === main?.ts && !m.files);
    expect(thread).toBeDefined();
    expect(validateSurface('message', { text: thread?.text, blocks: thread?.blocks })).toEqual([]);
    const blocks = (thread?.blocks ?? []) as Json[];
    const at = blocks.findIndex((b) => b.block_id === 'digest_library');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(readable(blocks.slice(at, at + 3))).toEqual([
      '*PMO library*',
      '*Most used (adoptions)*\nRisk register template · 3 (+2)\nRetrospective playbook · 1 (+1)',
      '*New adoptions (7 days)*\n3 (▲2)',
      '*Useful? (7 days)*\n👍 2 helpful · 👎 1 not helpful (67% useful)',
      '*Requests avoided (7 days)*\n2 (▲1)',
      '*Published (7 days)*\n1 new · 3 in the library',
      '*Stale (past review)*\n1 of 3',
      // searched in the period, most searched first; the words escaped; the old miss left out
      '*Searches that found nothing*\n“okr template” · 3 times\n“raci &lt;matrix&gt;” · once',
      '4 drafts wait for review (Home lists them).',
    ]);
  });

  let home: FakeView;
  it('a lead’s Home shows the drafts waiting for review, oldest first, and the same figures', async () => {
    home = await openHome(t, LEAD);
    expect(validateSurface('home', home.view)).toEqual([]);
    const library = sectionOf(home.view.blocks, 'PMO library');
    expect(library.slice(0, 5)).toEqual([
      '4 drafts wait for a lead to review and publish, oldest first.',
      '*Steering &lt;!channel&gt; charter* · Lesson learned · by <@UMEMB1>',
      '*Benefits map* · Lesson learned · by <@UMEMB1>',
      '*Lessons from the ERP go-live* · Lesson learned · by <@UMEMB1>',
      'and 1 more: `/pmo library` lists drafts for the PMO.',
    ]);
    expect(library).toEqual(
      expect.arrayContaining([
        '*New adoptions (this period)*\n3',
        '*Useful? (this period)*\n👍 2 helpful · 👎 1 not helpful (67% useful)',
        '*Requests avoided (this period)*\n2',
        '*Stale (past review)*\n1 of 3',
        '*Searches that found nothing*\n“okr template” · 3 times\n“raci &lt;matrix&gt;” · once',
      ]),
    );
    const open = actionIds(home).filter((id) => id.startsWith('library_open:'));
    expect(open).toEqual(drafts.slice(0, 3).map((id) => `library_open:${id}`));
  });

  it('Open on a draft shows Publish; publishing takes it off the queue on Home', async () => {
    const modal = await clickForModal(
      t,
      LEAD,
      `library_open:${drafts[0]}`,
      { view: home },
      'library_entry_modal',
    );
    expect(JSON.stringify(modal.view.blocks)).toContain(`library_publish:${drafts[0]}`);
    const before = t.fake.homeOf(LEAD)?.hash;
    await t.click(LEAD, `library_publish:${drafts[0]}`, { view: modal });
    const after = await nextHome(t, LEAD, before);
    expect(validateSurface('home', after.view)).toEqual([]);
    const library = sectionOf(after.view.blocks, 'PMO library');
    expect(library[0]).toBe('3 drafts wait for a lead to review and publish, oldest first.');
    expect(library.join('\n')).not.toContain('Steering');
    const row = await t.db
      .selectFrom('library_entries')
      .select('status')
      .where('id', '=', drafts[0] as number)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
  });

  it('a stale Publish (already published) changes nothing and says so', async () => {
    const modal = await clickForModal(
      t,
      LEAD,
      `library_open:${drafts[1]}`,
      { view: t.fake.homeOf(LEAD) as FakeView },
      'library_entry_modal',
    );
    await moveEntry(t.db, LEAD, drafts[1] as number, 'published', now());
    const audits = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'library.publish')
      .execute();
    const pushes = t.fake.callsTo('views.push').length;
    await t.click(LEAD, `library_publish:${drafts[1]}`, { view: modal });
    const note = await t.fake.waitFor(() => t.fake.callsTo('views.push')[pushes], 'the note over the modal');
    expect(JSON.stringify(note.args)).toContain('That entry is already published, or gone.');
    expect(
      await t.db.selectFrom('audit_log').select('id').where('action', '=', 'library.publish').execute(),
    ).toHaveLength(audits.length);
  });

  it('a member’s Home has no review queue: that is for leads', async () => {
    const view = await openHome(t, MEMBER);
    expect(sectionOf(view.view.blocks, 'PMO library')).toEqual([]);
  });

  it('a requester’s Home shows published entries for their topic and their recent request’s service', async () => {
    const view = await openHome(t, FAN);
    expect(validateSurface('home', view.view)).toEqual([]);
    const picks = sectionOf(view.view.blocks, 'From the PMO library');
    const titles = picks.map((p) => /^\*([^*]+)\*/.exec(p)?.[1]).filter(Boolean);
    // the topic's entry and the service's; not the retired one, not drafts, not the unrelated standard
    expect(titles.sort()).toEqual(['Retrospective playbook', 'Risk register template']);
    expect(actionIds(view)).toEqual(
      expect.arrayContaining([`library_open:${ids.risk}`, `library_open:${ids.retro}`]),
    );
    expect(actionIds(view)).not.toContain(`library_open:${ids.retired}`);
    // Open from Home shows the entry, with We use this
    const opened = await clickForModal(t, FAN, `library_open:${ids.risk}`, { view }, 'library_entry_modal');
    expect(JSON.stringify(opened.view.blocks)).toContain(`library_adopt:${ids.risk}`);
  });

  it('someone with no topics and no recent requests is offered nothing', async () => {
    const view = await openHome(t, STRANGER);
    expect(sectionOf(view.view.blocks, 'From the PMO library')).toEqual([]);
    expect(actionIds(view).filter((id) => id.startsWith('library_'))).toEqual([]);
  });
});
