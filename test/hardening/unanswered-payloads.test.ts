import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A signed payload that no listener is for still gets its answer from the app (an empty
 * 200), and is logged once at warn with its type, never as an unacknowledged error.
 */
describe('signed payloads nobody listens for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const base = {
    team: { id: 'T0TEST', domain: 'test' },
    user: { id: 'UREQ1', team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'x',
  };
  const form = (payload: object) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const warnings = () =>
    t.logs.filter((l) => l.level === 40 && String(l.msg).startsWith('no listener answered'));
  const unacked = () => t.logs.filter((l) => /not acknowledged/.test(String(l.msg ?? '')));

  it.each([
    [
      'block_actions with an empty actions array',
      { ...base, type: 'block_actions', actions: [], trigger_id: '1.2.x' },
    ],
    ['block_actions with no actions at all', { ...base, type: 'block_actions', trigger_id: '1.2.x' }],
    [
      'view_submission with an unknown callback_id',
      {
        ...base,
        type: 'view_submission',
        trigger_id: '1.2.x',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'no_such_form',
          state: { values: {} },
          private_metadata: '',
        },
      },
    ],
  ])('%s: answered at once with an empty 200, warned once by type', async (_name, payload) => {
    const before = warnings().length;
    const res = await t.post(form(payload), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await t.settle();
    const added = warnings().slice(before);
    expect(added.map((l) => l.type)).toEqual([(payload as { type: string }).type]);
    expect(unacked()).toEqual([]);
  });

  it('still lets the listeners answer what they own, without a warning', async () => {
    const before = warnings().length;
    expect((await t.slash('UREQ1', 'help')).status).toBe(200);
    await t.settle();
    expect(warnings().length).toBe(before);
  });
});
