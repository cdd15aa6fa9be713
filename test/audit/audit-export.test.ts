import { parse } from 'csv-parse/sync';
import { ALICE, aliceTyped, BOB, buildWorld, MEMBER, type World } from '../privacy/world';
import { asMessage, clickForModal, fileRequest, nextModal, viewIds } from '../support/requests';
import { LEAD, LEAD2, startTestApp, type TestApp } from '../support/test-app';

/** Leads: every admin change is in the audit log; /pmo audit shows it; /pmo export is a CSV. */
describe('audit log and export', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
  }, 60_000);
  afterAll(() => t.stop());

  const latestFile = (user: string, prefix: string) =>
    t.fake.waitFor(
      () =>
        t.fake
          .filesIn(user)
          .filter((f) => f.filename.startsWith(prefix))
          .at(-1),
      prefix,
    );

  it('records who, when and what for each admin action', async () => {
    // The member sent an invitation in the world. Now a lead edits the catalogue, the topics
    // and the team, assigns one request and declines another.
    const catalog = asMessage((await t.slash(LEAD, 'catalog')).body, LEAD);
    const addService = await clickForModal(t, LEAD, 'catalog_add', { message: catalog }, 'catalog_modal');
    await t.submit(LEAD, addService, {
      catalog_name: 'Portfolio review',
      catalog_description: 'A fresh look.',
    });
    const id = (
      await t.db
        .selectFrom('services')
        .select('id')
        .where('name', '=', 'Portfolio review')
        .executeTakeFirstOrThrow()
    ).id;
    await t.click(LEAD, `catalog_retire:${id}`, {
      message: asMessage((await t.slash(LEAD, 'catalog')).body, LEAD),
    });
    await t.settle();

    const seen = viewIds(t);
    await t.slash(LEAD, 'topics');
    const topics = await nextModal(t, LEAD, 'topic_list_modal', seen);
    const topicForm = await clickForModal(t, LEAD, 'topic_add', { view: topics }, 'topic_form_modal');
    await t.submit(LEAD, topicForm, { topic_name: 'Risk clinics', topic_description: 'Bring a risk.' });

    const team = asMessage((await t.slash(LEAD, 'team')).body, LEAD);
    const teamModal = await clickForModal(t, LEAD, 'team_add', { message: team }, 'team_modal');
    await t.submit(LEAD, teamModal, { team_user: 'UNEWMEMBER1', team_skills: [], team_capacity: '3' });
    await t.click(LEAD, 'team_remove:UNEWMEMBER1', {
      message: asMessage((await t.slash(LEAD, 'team')).body, LEAD),
    });
    await t.settle();

    const { post: one } = await fileRequest(t, BOB, { request_project: 'bob-second' });
    const assign = await clickForModal(t, LEAD, 'triage_assign', { message: one }, 'triage_assign_modal');
    await t.submit(LEAD, assign, { triage_assignee: MEMBER });
    const { post: two } = await fileRequest(t, BOB, { request_project: 'bob-third' });
    const decline = await clickForModal(t, LEAD2, 'triage_decline', { message: two }, 'triage_decline_modal');
    await t.submit(LEAD2, decline, { triage_reason: 'Not for us this quarter' });
    await t.settle();

    const rows = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'target_user_id', 'subject', 'created_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.actor_id, r.action, r.target_user_id])).toEqual([
      [MEMBER, 'invitation.send', null],
      [LEAD, 'catalog.add', null],
      [LEAD, 'catalog.retire', null],
      [LEAD, 'topic.add', null],
      [LEAD, 'team.save', 'UNEWMEMBER1'],
      [LEAD, 'team.remove', 'UNEWMEMBER1'],
      [LEAD, 'request.assign', MEMBER],
      [LEAD2, 'request.decline', null],
    ]);
    expect(rows.every((r) => r.created_at.toISOString() === t.clock.now().toISOString())).toBe(true);
    expect(rows.find((r) => r.action === 'catalog.add')?.subject).toBe('service Portfolio review');
  });

  it('/pmo audit is for leads; it lists the latest changes, and filters by person', async () => {
    const refused = await t.slash(BOB, 'audit');
    expect(refused.body.text).toContain('is for PMO leads');
    const all = await t.slash(LEAD, 'audit');
    const text = JSON.stringify(all.body);
    expect(text).toContain(`<@${MEMBER}> sent an invitation`);
    const filtered = await t.slash(LEAD, `audit <@${BOB}|bob>`);
    expect(JSON.stringify(filtered.body)).toContain('nothing recorded yet');
    const byMember = await t.slash(LEAD, `audit <@${MEMBER}>`);
    expect(JSON.stringify(byMember.body)).toContain('sent an invitation');
  });

  it('/pmo export is refused to anyone but a lead', async () => {
    const res = await t.slash(MEMBER, 'export');
    expect(res.body.text).toContain('is for PMO leads');
    expect(t.fake.filesIn(MEMBER)).toHaveLength(0);
  });

  it('gives a lead a CSV of every request, with times to claim and deliver and the value rating', async () => {
    await t.slash(LEAD, 'export');
    const file = await latestFile(LEAD, 'pmo-requests-');
    expect(file.channel).toBe(`D${LEAD}`);
    const rows = parse(file.bytes ?? Buffer.from(''), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'reference',
      'requester',
      'service',
      'project',
      'need',
      'status',
      'created_at',
      'claimed_at',
      'delivered_at',
      'closed_at',
      'hours_to_claim',
      'hours_to_deliver',
      'value_rating',
    ]);
    const delivered = rows.find((r) => r.reference === `PMO-${world.aliceDeliveredId}`);
    expect(delivered).toMatchObject({
      requester: ALICE,
      service: 'Change management',
      status: 'delivered',
      hours_to_claim: '2',
      hours_to_deliver: '336',
      value_rating: '4',
    });
    expect(rows.find((r) => r.reference === `PMO-${world.aliceRequestId}`)).toMatchObject({
      need: aliceTyped.need,
    });
    // No comment beside any request or person.
    expect(file.bytes?.toString()).not.toContain(aliceTyped.whatChanged);
    await t.settle();
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'privacy.export')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: LEAD })]);
  });

  it('puts comments in a file of their own, by week, only where 3 different people answered', async () => {
    const file = await latestFile(LEAD, 'pmo-comments-');
    const rows = parse(file.bytes ?? Buffer.from(''), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(['week', 'comment']);
    expect(rows.map((r) => r.comment)).toEqual(
      expect.arrayContaining([aliceTyped.whatChanged, 'bob-comment-tapir']),
    );
    expect(new Set(rows.map((r) => r.week))).toEqual(new Set(['2026-11-23']));
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    await t.db
      .updateTable('requests')
      .set({ project: '=HYPERLINK("http://evil.example","x")', need: '+1-2@3' })
      .where('id', '=', world.bobRequestId)
      .execute();
    await t.slash(LEAD2, 'export');
    const file = await latestFile(LEAD2, 'pmo-requests-');
    const rows = parse(file.bytes ?? Buffer.from(''), { columns: true }) as Record<string, string>[];
    const bob = rows.find((r) => r.reference === `PMO-${world.bobRequestId}`);
    expect(bob?.project).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(bob?.need).toBe(`'+1-2@3`);
  });

  it('after an erasure, the person’s id and words are gone from the export', async () => {
    const seen = viewIds(t);
    await t.slash(LEAD, `erase <@${ALICE}>`);
    await t.submit(LEAD, await nextModal(t, LEAD, 'privacy_erase', seen), {});
    await t.slash(LEAD, 'export');
    await t.fake.waitFor(
      () => t.fake.filesIn(LEAD).filter((f) => f.filename.startsWith('pmo-comments-')).length === 2,
      'a second export',
    );
    const requests = (await latestFile(LEAD, 'pmo-requests-')).bytes?.toString() ?? '';
    const comments = (await latestFile(LEAD, 'pmo-comments-')).bytes?.toString() ?? '';
    for (const needle of [ALICE, ...Object.values(aliceTyped)]) {
      expect([needle, requests.includes(needle) || comments.includes(needle)]).toEqual([needle, false]);
    }
    expect(requests).toMatch(/ERASED-[0-9A-F]{12}/);
    const erased = await t.slash(LEAD, 'audit');
    expect(JSON.stringify(erased.body)).toContain('erased a person');
  });
});
