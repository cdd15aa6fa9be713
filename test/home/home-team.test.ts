import {
  actionIds,
  clickOnHome,
  homeText,
  nextHome,
  openHome,
  seedCoaching,
  setNeededBy,
} from '../support/home';
import { fileRequest } from '../support/requests';
import { seedMember, seedRequest } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/** A member's Home (queue, my work, overdue, coachees) and a lead's (snapshot, admin). */
describe('Home for a PMO member and a lead', () => {
  let t: TestApp;
  let oldest: number;
  let newer: number;
  let mine: number;
  let late: number;

  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, 'UMEMBER1', ['change-management']);
    oldest = await seedRequest(t.db, {
      requester: 'UREQ1',
      service: 'change-management',
      project: 'Oldest waiting',
      createdAt: '2026-11-18T09:00:00Z',
    });
    newer = await seedRequest(t.db, {
      requester: 'UREQ2',
      service: 'tools-templates',
      project: 'Newer waiting',
      createdAt: '2026-11-23T09:00:00Z',
    });
    mine = await seedRequest(t.db, {
      requester: 'UREQ2',
      owner: 'UMEMBER1',
      service: 'stakeholder-management',
      project: 'Mine in hand',
      createdAt: '2026-11-19T09:00:00Z',
      claimedAt: '2026-11-19T12:00:00Z',
    });
    late = await seedRequest(t.db, {
      requester: 'UREQ3',
      owner: 'UMEMBER2',
      service: 'change-management',
      project: 'Late one',
      status: 'in_progress',
      createdAt: '2026-11-01T09:00:00Z',
      claimedAt: '2026-11-01T12:00:00Z',
      startedAt: '2026-11-02T12:00:00Z',
    });
    await setNeededBy(t, late, '2026-11-23');
    // due today in the PMO's time zone: not overdue
    await setNeededBy(t, mine, '2026-11-24');
    // delivered and rated in the digest's period (the 7 whole days before today)
    await seedRequest(t.db, {
      requester: 'UREQ1',
      owner: 'UMEMBER1',
      service: 'change-management',
      project: 'Done last week',
      createdAt: '2026-11-17T09:00:00Z',
      claimedAt: '2026-11-17T10:00:00Z',
      deliveredAt: '2026-11-20T09:00:00Z',
    });
    await seedCoaching(t, 'UCOACHEE', 'UMEMBER1', 'Grow as a sponsor');
  });
  afterAll(() => t.stop());

  it('a member sees the queue oldest first with Claim, their work, overdue items and coachees', async () => {
    const home = await openHome(t, 'UMEMBER1');
    const text = homeText(home);
    expect(text).toContain('Triage queue');
    expect(text.indexOf('Oldest waiting')).toBeLessThan(text.indexOf('Newer waiting'));
    const ids = actionIds(home);
    expect(ids).toEqual(
      expect.arrayContaining([
        `triage_claim:${oldest}`,
        `triage_claim:${newer}`,
        `triage_start:${mine}`,
        `triage_deliver:${mine}`,
      ]),
    );
    expect(text).toContain('My work');
    expect(text).toContain('Mine in hand');
    expect(text).toContain('Overdue');
    expect(text).toContain('Late one');
    expect(text).toContain('needed by <!date^');
    expect(text).toContain('{date_short}|Nov 23, 2026>');
    // needed today is not overdue yet
    const overdueSection = text.slice(text.indexOf('Overdue'), text.indexOf('My coachees'));
    expect(overdueSection).not.toContain('Mine in hand');
    expect(text).toContain('<@UCOACHEE>');
    expect(text).toContain('Grow as a sponsor');
    // a member is a requester too; no lead sections
    expect(text).toContain('Your requests');
    expect(text).not.toContain('Manage catalogue');
  });

  it('Claim on Home claims through the triage listener: row, triage post, both Homes refreshed', async () => {
    // A request filed the real way, so it has its triage post in the PMO channel.
    const { request, post } = await fileRequest(t, 'UREQ4');
    // The requester looks at Home too, and should see the claim.
    const requesterHome = await openHome(t, 'UREQ4');
    const requesterHash = requesterHome.hash;
    expect(homeText(requesterHome)).toContain('owner: nobody yet');
    await openHome(t, 'UMEMBER1');
    const after = await clickOnHome(t, 'UMEMBER1', `triage_claim:${request.id}`, (x) =>
      x.includes('You claimed it'),
    );
    expect(actionIds(after)).not.toContain(`triage_claim:${request.id}`);
    expect(actionIds(after)).toContain(`triage_start:${request.id}`);
    const row = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'claimed', owner_id: 'UMEMBER1' });
    await t.fake.waitFor(() => post.updates > 0, 'the triage post updated');
    expect(JSON.stringify(post.blocks)).toContain('<@UMEMBER1>');
    expect(actionIds({ ...after, view: { blocks: post.blocks } })).not.toContain('triage_claim');
    const reqAfter = await nextHome(t, 'UREQ4', requesterHash);
    expect(homeText(reqAfter)).toContain('owner: <@UMEMBER1>');
  });

  it('a second Claim of the same request is refused on Home, nothing changes', async () => {
    const home = await openHome(t, 'UMEMBER2');
    // UMEMBER2 is not a member yet: no queue, no Claim on their Home
    expect(actionIds(home)).not.toContain(`triage_claim:${newer}`);
    await seedMember(t.db, 'UMEMBER2', []);
    await openHome(t, 'UMEMBER2');
    await clickOnHome(t, 'UMEMBER2', `triage_claim:${newer}`, (x) => x.includes('You claimed it'));
    // the stale Home of UMEMBER1 still shows Claim for it
    const stale = t.fake.homeOf('UMEMBER1');
    if (!stale) throw new Error('no Home');
    const staleView = { ...stale, view: structuredClone(stale.view) };
    const blocks = staleView.view.blocks as Record<string, unknown>[];
    blocks.push({
      type: 'actions',
      block_id: 'stale',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Claim' },
          action_id: `triage_claim:${newer}`,
          value: String(newer),
        },
      ],
    });
    await clickOnHome(
      t,
      'UMEMBER1',
      `triage_claim:${newer}`,
      (x) => x.includes('already claimed') || x.includes('claimed by'),
      staleView,
    );
    const row = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', newer)
      .executeTakeFirstOrThrow();
    expect(row.owner_id).toBe('UMEMBER2');
  });

  it('Deliver… from My work opens the same deliver modal as the triage post', async () => {
    const home = t.fake.homeOf('UMEMBER1');
    if (!home) throw new Error('no Home');
    await t.click('UMEMBER1', `triage_deliver:${mine}`, { view: home });
    const modal = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf('UMEMBER1');
      return m?.view.callback_id === 'triage_deliver_modal' ? m : undefined;
    }, 'the deliver modal');
    expect(JSON.parse(String(modal.view.private_metadata))).toEqual({ requestId: mine });
  });

  it('a lead sees this period’s snapshot from the digest’s numbers and the admin buttons', async () => {
    const home = await openHome(t, LEAD);
    const text = homeText(home);
    expect(text).toContain('This period · 17–23 Nov 2026');
    expect(text).toMatch(/\*Delivered\*\\n1/);
    expect(text).toContain('Opted-in people by topic');
    expect(actionIds(home)).toEqual(
      expect.arrayContaining(['home_manage_catalog', 'home_manage_topics', 'home_manage_team']),
    );
    // leads see the member sections too
    expect(text).toContain('Triage queue');
  });

  it('Manage catalogue opens the /pmo catalog list in a modal; its Add pushes the service form', async () => {
    const home = t.fake.homeOf(LEAD);
    if (!home) throw new Error('no Home');
    await t.click(LEAD, 'home_manage_catalog', { view: home });
    const list = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf(LEAD);
      return m?.view.callback_id === 'home_admin_modal' ? m : undefined;
    }, 'the catalogue modal');
    expect(homeText(list)).toContain('Service catalogue');
    expect(actionIds(list)).toContain('catalog_add');
    await t.click(LEAD, 'catalog_add', { view: list });
    await t.fake.waitFor(() => t.fake.openModalOf(LEAD)?.view.callback_id === 'catalog_modal', 'the form');
    // pushed over the list, not replacing it
    expect(t.fake.modalStackOf(LEAD).map((v) => v.view.callback_id)).toEqual([
      'home_admin_modal',
      'catalog_modal',
    ]);
    t.fake.closeView(t.fake.openModalOf(LEAD)?.id ?? '');
    // Retire redraws the list in place
    const retire = actionIds(list).find((id) => id.startsWith('catalog_retire:'));
    if (!retire) throw new Error('no Retire');
    const before = list.hash;
    await t.click(LEAD, retire, { view: list });
    await t.fake.waitFor(() => list.hash !== before, 'the list redrawn');
    expect(homeText(list)).toContain('(retired)');
  });

  it('Manage topics opens the /pmo topics modal, Manage team the /pmo team list', async () => {
    const home = t.fake.homeOf(LEAD);
    if (!home) throw new Error('no Home');
    await t.click(LEAD, 'home_manage_topics', { view: home });
    await t.fake.waitFor(() => t.fake.openModalOf(LEAD)?.view.callback_id === 'topic_list_modal', 'topics');
    await t.click(LEAD, 'home_manage_team', { view: home });
    const team = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf(LEAD);
      return m?.view.callback_id === 'home_admin_modal' && homeText(m).includes('PMO team') ? m : undefined;
    }, 'team');
    expect(homeText(team)).toContain('<@UMEMBER1>');
    expect(actionIds(team)).toContain('team_add');
  });

  it('a member clicking a lead button is refused on Home', async () => {
    const home = t.fake.homeOf('UMEMBER1');
    if (!home) throw new Error('no Home');
    const forged = structuredClone(home);
    (forged.view.blocks as Record<string, unknown>[]).push({
      type: 'actions',
      block_id: 'forged',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, action_id: 'home_manage_team' }],
    });
    await clickOnHome(t, 'UMEMBER1', 'home_manage_team', (x) => x.includes('Only PMO leads'), forged);
    expect(t.fake.openModalOf('UMEMBER1')?.view.callback_id).not.toBe('home_admin_modal');
  });
});
