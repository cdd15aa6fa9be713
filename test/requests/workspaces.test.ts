import {
  workspaceLabel,
  workspaceOfEvent,
  workspaceOfInteraction,
} from '../../src/features/requests/workspace';
import type { FakeMessage } from '../support/fake-slack';
import { postInChannel } from '../support/intake';
import { addMember } from '../support/people';
import {
  FORM,
  fileRequest,
  inWorkspace,
  serviceId,
  statusOf,
  triagePost,
  validValues,
  waitForStatus,
} from '../support/requests';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Requests in an Enterprise Grid organisation: people in several workspaces file into one PMO
 * channel. Each request keeps the workspace its payload came from, and the triage post names it;
 * in a plain single workspace it says nothing about workspaces. A PMO member anywhere in the
 * organisation handles a request from any of its workspaces.
 */

const ORG = { id: 'E0ACME', name: 'Acme Corp' };
const SALES = { id: 'T0SALES', domain: 'acme-sales' };
const ENG = { id: 'T0ENG', domain: 'acme-eng' };

type Json = Record<string, unknown>;
const fieldTexts = (post: FakeMessage): string[] =>
  ((post.blocks ?? []) as Json[]).flatMap((b) =>
    ((b.fields as { text: string }[] | undefined) ?? []).map((f) => f.text),
  );
const workspaceField = (post: FakeMessage) => fieldTexts(post).find((f) => f.startsWith('*Workspace*'));

describe('when the triage post names the workspace', () => {
  const row = (team_id: string | null, team_name: string | null, enterprise_id: string | null) => ({
    team_id,
    team_name,
    enterprise_id,
  });
  it.each([
    ['a plain workspace', row('T0SALES', 'acme-sales', null), undefined],
    ['a request from before workspaces were kept', row(null, null, null), undefined],
    ['a Grid workspace with its name', row('T0SALES', 'acme-sales', 'E0ACME'), 'acme-sales'],
    ['a Grid workspace no payload named', row('T0SALES', null, 'E0ACME'), 'T0SALES'],
    ['an organisation without a workspace', row(null, null, 'E0ACME'), undefined],
  ])('%s', (_what, r, expected) => {
    expect(workspaceLabel(r)).toBe(expected);
  });
});

describe('the workspace of a payload', () => {
  it.each([
    [
      'a Grid submission',
      { team: SALES, user: { id: 'U1', team_id: 'T0SALES' }, enterprise: ORG },
      { teamId: 'T0SALES', teamName: 'acme-sales', enterpriseId: 'E0ACME' },
    ],
    [
      'an org-wide install’s submission without a team: the person’s workspace, unnamed',
      { team: null, user: { id: 'U1', team_id: 'T0ENG' }, enterprise: ORG, is_enterprise_install: true },
      { teamId: 'T0ENG', teamName: null, enterpriseId: 'E0ACME' },
    ],
    [
      'a plain workspace',
      { team: SALES, user: { id: 'U1', team_id: 'T0SALES' }, enterprise: null },
      { teamId: 'T0SALES', teamName: 'acme-sales', enterpriseId: null },
    ],
    [
      'a forged team id: the person’s workspace instead',
      { team: { id: '<!channel>', domain: 'x' }, user: { id: 'U1', team_id: 'T0ENG' } },
      { teamId: 'T0ENG', teamName: null, enterpriseId: null },
    ],
    [
      'a name with a control character, and an odd enterprise id: left out',
      { team: { id: 'T0SALES', domain: 'a\u0000b' }, enterprise: { id: 'acme' } },
      { teamId: 'T0SALES', teamName: null, enterpriseId: null },
    ],
    ['no workspace at all', { user: { id: 'U1' } }, undefined],
    ['not an object', 'team_id=T0SALES', undefined],
  ])('%s', (_what, body, expected) => {
    expect(workspaceOfInteraction(body)).toEqual(expected);
  });

  it.each([
    [
      'a Grid event',
      { team_id: 'T0ENG', enterprise_id: 'E0ACME', authorizations: [] },
      { teamId: 'T0ENG', teamName: null, enterpriseId: 'E0ACME' },
    ],
    [
      'an org-wide install: the authorization names the organisation only',
      {
        context_team_id: 'T0ENG',
        authorizations: [{ team_id: null, enterprise_id: 'E0ACME', is_enterprise_install: true }],
      },
      { teamId: 'T0ENG', teamName: null, enterpriseId: 'E0ACME' },
    ],
    [
      'a plain workspace',
      { team_id: 'T0SALES', authorizations: [{ team_id: 'T0SALES', enterprise_id: null }] },
      { teamId: 'T0SALES', teamName: null, enterpriseId: null },
    ],
    ['no workspace', { team_id: 'nope', authorizations: 'x' }, undefined],
  ])('%s', (_what, body, expected) => {
    expect(workspaceOfEvent(body)).toEqual(expected);
  });
});

describe('requests from the workspaces of one organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const sales = () => inWorkspace(t, SALES, { enterprise: ORG });
  const eng = () => inWorkspace(t, ENG, { enterprise: ORG });

  it('keeps each request’s workspace, and its triage post names it', async () => {
    const a = await sales().fileRequest('UANNSALES', { [FORM.project]: 'Pipeline review' });
    const b = await eng().fileRequest('UBOBENG', { [FORM.project]: 'Platform migration' });

    expect(a.request).toMatchObject({ team_id: 'T0SALES', team_name: 'acme-sales', enterprise_id: 'E0ACME' });
    expect(b.request).toMatchObject({ team_id: 'T0ENG', team_name: 'acme-eng', enterprise_id: 'E0ACME' });
    expect(workspaceField(a.post)).toBe('*Workspace*\nacme-sales');
    expect(workspaceField(b.post)).toBe('*Workspace*\nacme-eng');
  });

  it('a PMO member in another workspace claims it, and the post still says where it came from', async () => {
    await addMember(t, 'UMIAENG', ['change-management']);
    const { request, post } = await sales().fileRequest('UCARLSALES');

    await eng().click('UMIAENG', 'triage_claim', post);
    const claimed = await waitForStatus(t, request.id, 'claimed');
    expect(claimed.owner_id).toBe('UMIAENG');
    await t.settle();
    expect(fieldTexts(triagePost(t, request.id))).toEqual(
      expect.arrayContaining(['*Owner*\n<@UMIAENG>', '*Workspace*\nacme-sales']),
    );
  });

  it('an org-wide install’s submission without a team: the person’s workspace, by the name it was seen with', async () => {
    // A payload named the workspace earlier.
    await eng().fileRequest('UEVEENG');
    const ws = inWorkspace(t, ENG, { enterprise: ORG, isEnterpriseInstall: true });
    const view = await ws.openRequestForm('UDEVENG');
    const submission = {
      type: 'view_submission',
      team: null,
      user: { id: 'UDEVENG', username: 'udeveng', name: 'udeveng', team_id: 'T0ENG' },
      enterprise: ORG,
      is_enterprise_install: true,
      api_app_id: 'A0TEST',
      trigger_id: t.fake.issueTrigger('UDEVENG'),
      view: { ...view.view, id: view.id, hash: view.hash, state: { values: {} } },
      response_urls: [],
    };
    // The form's values as Slack sends them, then the payload with its team left out.
    const values = await validValues(t);
    submission.view.state.values = {
      [FORM.service]: {
        [FORM.service]: { type: 'static_select', selected_option: { value: values[FORM.service] } },
      },
      [FORM.project]: { [FORM.project]: { type: 'plain_text_input', value: values[FORM.project] } },
      [FORM.need]: { [FORM.need]: { type: 'plain_text_input', value: values[FORM.need] } },
      [FORM.value]: { [FORM.value]: { type: 'plain_text_input', value: values[FORM.value] } },
      [FORM.neededBy]: { [FORM.neededBy]: { type: 'datepicker', selected_date: values[FORM.neededBy] } },
      [FORM.impact]: { [FORM.impact]: { type: 'static_select', selected_option: { value: 'important' } } },
      [FORM.link]: { [FORM.link]: { type: 'plain_text_input', value: null } },
    };
    const res = await t.post(
      new URLSearchParams({ payload: JSON.stringify(submission) }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    expect(res.body.response_action).toBeUndefined();
    await t.flush();
    const row = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('submission_key', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ team_id: 'T0ENG', team_name: 'acme-eng', enterprise_id: 'E0ACME' });
    expect(workspaceField(triagePost(t, row.id))).toBe('*Workspace*\nacme-eng');
  });

  it('a request from a message (the shortcut) keeps the workspace it was filed in', async () => {
    const msg = postInChannel(t, 'UAUTHORENG', 'We need a risk review before the launch');
    const view = await eng().messageShortcut('UASKENG', msg, 'launch');
    const row = await eng().submit('UASKENG', view, {
      [FORM.service]: await serviceId(t, 'Change management'),
      [FORM.project]: 'launch',
      [FORM.need]: 'We need a risk review before the launch',
      [FORM.value]: 'A launch without surprises',
      [FORM.neededBy]: '2026-12-15',
      [FORM.impact]: 'important',
    });
    expect(row).toMatchObject({
      origin_ts: msg.ts,
      team_id: 'T0ENG',
      team_name: 'acme-eng',
      enterprise_id: 'E0ACME',
    });
    expect(workspaceField(triagePost(t, row.id))).toBe('*Workspace*\nacme-eng');
  });

  it('a workflow step keeps the workspace that ran it (named as the organisation’s requests named it)', async () => {
    await sales().fileRequest('UFAYSALES');
    await sales().functionExecuted(
      {
        requester: 'UFLOWSALES',
        service: 'Change management',
        need: 'Onboarding plan',
        expected_value: 'New joiners productive in two weeks',
      },
      'FxSales1',
    );
    await t.fake.waitFor(() => t.fake.completions.find((c) => c.executionId === 'FxSales1'), 'completion');
    const row = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('submission_key', '=', 'workflow:FxSales1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ team_id: 'T0SALES', team_name: 'acme-sales', enterprise_id: 'E0ACME' });
    await t.flush();
    expect(workspaceField(triagePost(t, row.id))).toBe('*Workspace*\nacme-sales');
  });
});

describe('requests in a plain workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('keep the workspace, and the triage post says nothing about workspaces', async () => {
    const { request, post } = await fileRequest(t, 'UPLAIN');
    expect(request).toMatchObject({ team_id: 'T0TEST', team_name: 'test', enterprise_id: null });
    expect(workspaceField(post)).toBeUndefined();
    expect(JSON.stringify(post.blocks)).not.toContain('Workspace');
  });

  it('a workflow step in a plain workspace: kept (named as its form’s request named it), not shown', async () => {
    await fileRequest(t, 'UPLAIN2');
    await t.functionExecuted(
      { requester: 'UFLOWPLAIN', service: 'Change management', need: 'A plan', expected_value: 'Value' },
      { executionId: 'FxPlain1' },
    );
    await t.fake.waitFor(() => t.fake.completions.find((c) => c.executionId === 'FxPlain1'), 'completion');
    const row = await statusOf(
      t,
      (
        await t.db
          .selectFrom('requests')
          .select('id')
          .where('submission_key', '=', 'workflow:FxPlain1')
          .executeTakeFirstOrThrow()
      ).id,
    );
    expect(row).toMatchObject({ team_id: 'T0TEST', team_name: 'test', enterprise_id: null });
    await t.flush();
    expect(workspaceField(triagePost(t, row.id))).toBeUndefined();
  });
});
