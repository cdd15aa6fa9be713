import {
  asMessage,
  clickAndHear,
  clickForModal,
  FORM,
  fileRequest,
  newResponses,
  serviceId,
  statusOf,
  triagePost,
} from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

const REQUESTER = 'UREQ3';
const MIA = 'UMIA1';
const NOAH = 'UNOAH1';

type Json = Record<string, unknown>;

describe('/pmo team', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MIA, name: 'Mia Change' },
        { id: NOAH, name: 'Noah Change' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('is for leads only', async () => {
    expect((await t.slash(MIA, 'team')).body.text).toContain('for PMO leads');
  });

  it('adds a member who can then claim and is suggested for matching requests, least open work first', async () => {
    const early = await fileRequest(t, REQUESTER);
    expect(await clickAndHear(t, MIA, 'triage_claim', { message: early.post })).toContain('Only PMO members');

    const change = await serviceId(t, 'Change management');
    const addMember = async (user: string) => {
      const list = asMessage((await t.slash(LEAD, 'team')).body, LEAD);
      const modal = await clickForModal(t, LEAD, 'team_add', { message: list }, 'team_modal');
      const bad = await t.submit(LEAD, modal, {
        team_user: user,
        team_skills: [change],
        team_capacity: '-1',
      });
      expect(bad.body).toEqual({ response_action: 'errors', errors: { team_capacity: expect.any(String) } });
      const ok = await t.submit(LEAD, modal, { team_user: user, team_skills: [change], team_capacity: '3' });
      expect(ok.body.response_action).toBeUndefined();
    };
    await addMember(MIA);
    await addMember(NOAH);
    const team = await t.slash(LEAD, 'team');
    expect(JSON.stringify(team.body.blocks)).toContain(`<@${MIA}> · capacity 3/week`);
    expect(JSON.stringify(team.body.blocks)).toContain('Skills: Change management');

    // Mia may act now, and takes the early request: she has more open work than Noah.
    expect(await clickAndHear(t, MIA, 'triage_claim', { message: early.post })).toContain('You claimed it');
    expect((await statusOf(t, early.request.id)).owner_id).toBe(MIA);

    const next = await fileRequest(t, REQUESTER);
    const context = JSON.stringify(next.post.blocks);
    expect(context).toContain('Suggested');
    expect(context.indexOf('Noah Change (0 open)')).toBeGreaterThan(-1);
    expect(context.indexOf('Noah Change')).toBeLessThan(context.indexOf('Mia Change (1 open)'));
    // Suggested by name: nobody is notified for a suggestion.
    expect(context).not.toContain(`<@${NOAH}>`);
    expect(context).not.toContain(`<@${MIA}>`);
    // A request for another service suggests neither.
    const other = await fileRequest(t, REQUESTER, {
      [FORM.service]: await serviceId(t, 'Executive coaching'),
    });
    expect(JSON.stringify(other.post.blocks)).not.toContain('Mia Change');
  });

  it('edits skills and removes a member, who can then no longer act', async () => {
    const list = asMessage((await t.slash(LEAD, 'team')).body, LEAD);
    const edit = await clickForModal(t, LEAD, `team_edit:${NOAH}`, { message: list }, 'team_modal');
    const skills = (edit.view.blocks as Json[]).find((b) => b.block_id === 'team_skills')?.element as Json;
    expect((skills.initial_options as Json[]).map((o) => (o.text as Json).text)).toEqual([
      'Change management',
    ]);
    const coaching = await serviceId(t, 'Executive coaching');
    await t.submit(LEAD, edit, { team_user: NOAH, team_skills: [coaching], team_capacity: '2' });
    const fresh = await fileRequest(t, REQUESTER, { [FORM.service]: coaching });
    expect(JSON.stringify(triagePost(t, fresh.request.id).blocks)).toContain('Noah Change (0 open)');

    const before = t.fake.responses.length;
    await t.click(LEAD, `team_remove:${NOAH}`, { message: list });
    const [redrawn] = await newResponses(t, before);
    expect(JSON.stringify(redrawn?.blocks)).not.toContain(`<@${NOAH}> ·`);
    expect(await clickAndHear(t, NOAH, 'triage_claim', { message: fresh.post })).toContain(
      'Only PMO members',
    );
    expect((await statusOf(t, fresh.request.id)).status).toBe('new');
  });
});
