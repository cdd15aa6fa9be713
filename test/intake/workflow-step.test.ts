import { dmsTo, triagePost } from '../support/requests';
import { PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * The Workflow Builder step `create_pmo_request`. A function_executed event
 * files a request through the same service as the form, with the execution's token for the
 * calls made for the step, then completes it; bad inputs complete it with an error a workflow
 * author understands; a redelivered event is answered 200 and files and completes nothing again.
 */

const REQUESTER = 'UFLOW1';

const inputs = (overrides: Record<string, unknown> = {}) => ({
  requester: REQUESTER,
  service: 'change MANAGEMENT',
  need: 'Onboarding plan for the new squad',
  expected_value: 'New joiners productive in two weeks',
  project: 'Squad Phoenix',
  needed_by: '2026-12-20',
  ...overrides,
});

describe('the create_pmo_request workflow step', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const completionOf = (executionId: string) =>
    t.fake.waitFor(
      () => t.fake.completions.find((c) => c.executionId === executionId),
      `completion of ${executionId}`,
    );

  it('files the request (service matched in any letter case) and completes with its reference', async () => {
    const token = t.fake.issueFunctionToken('Fx1');
    const res = await t.functionExecuted(inputs(), { executionId: 'Fx1', token, eventId: 'EvFx1' });
    expect(res.status).toBe(200);
    const done = await completionOf('Fx1');
    const request = await t.db
      .selectFrom('requests')
      .innerJoin('services', 'services.id', 'requests.service_id')
      .select([
        'requests.id',
        'requester_id',
        'services.name',
        'project',
        'need',
        'expected_value',
        'needed_by',
        'submission_key',
      ])
      .where('submission_key', '=', 'workflow:Fx1')
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      requester_id: REQUESTER,
      name: 'Change management',
      project: 'Squad Phoenix',
      need: 'Onboarding plan for the new squad',
      expected_value: 'New joiners productive in two weeks',
      needed_by: '2026-12-20',
    });
    expect(done).toEqual({
      executionId: 'Fx1',
      outcome: 'success',
      outputs: { reference: `PMO-${request.id}` },
      token,
    });
    // Calls made for the step use the execution's token; the outbox's own messages do not.
    const stepCalls = t.fake.calls.filter((c) => c.token === token).map((c) => c.method);
    expect(stepCalls).toContain('functions.completeSuccess');
    await t.flush();
    expect(triagePost(t, request.id)).toBeDefined();
    expect(dmsTo(t, REQUESTER).some((m) => m.text?.includes(`PMO-${request.id}`))).toBe(true);
  });

  it('a redelivered event (same event id, X-Slack-Retry-Num) is answered 200 and changes nothing', async () => {
    const token = t.fake.issueFunctionToken('Fx2');
    const first = await t.functionExecuted(inputs({ need: 'Retro facilitation' }), {
      executionId: 'Fx2',
      token,
      eventId: 'EvFx2',
    });
    expect(first.status).toBe(200);
    await completionOf('Fx2');
    const retry = await t.functionExecuted(inputs({ need: 'Retro facilitation' }), {
      executionId: 'Fx2',
      token,
      eventId: 'EvFx2',
      retryNum: 1,
    });
    expect(retry.status).toBe(200);
    await t.settle();
    expect(
      await t.db.selectFrom('requests').select('id').where('submission_key', '=', 'workflow:Fx2').execute(),
    ).toHaveLength(1);
    expect(t.fake.completions.filter((c) => c.executionId === 'Fx2')).toHaveLength(1);
    expect(
      t.fake.callsTo('functions.completeSuccess').filter((c) => c.args.function_execution_id === 'Fx2'),
    ).toHaveLength(1);
  });

  it.each([
    [
      'an unknown service, named in the error',
      { service: 'Astrology' },
      /no PMO service called "Astrology".*Change management/,
    ],
    ['a missing need', { need: '' }, /needs "need".*was empty/],
    ['a missing expected value', { expected_value: undefined }, /needs "expected_value"/],
    ['a missing requester', { requester: undefined }, /needs "requester"/],
    // The form's own words for its rules, about the input the author set.
    [
      'a past needed-by date',
      { needed_by: '2026-11-01' },
      /"needed_by" .*is "2026-11-01"\. This date is in the past/,
    ],
    ['a date that is no date', { needed_by: 'soon' }, /"needed_by" \(a date, YYYY-MM-DD\) is "soon"/],
    [
      'a need longer than the form takes',
      { need: 'x'.repeat(2001) },
      /"need" .*is 2001 characters long\. Please keep this under 2000/,
    ],
  ])('completes with an error for %s, and files nothing', async (_what, overrides, message) => {
    const executionId = `FxErr${Math.random().toString(36).slice(2, 8)}`;
    const before = await t.db.selectFrom('requests').select('id').execute();
    const res = await t.functionExecuted(inputs(overrides), { executionId });
    expect(res.status).toBe(200);
    const done = await completionOf(executionId);
    expect(done.outcome).toBe('error');
    expect(done.error).toMatch(message);
    expect(await t.db.selectFrom('requests').select('id').execute()).toHaveLength(before.length);
  });

  it('takes a step without the optional project and date', async () => {
    const res = await t.functionExecuted(inputs({ project: undefined, needed_by: undefined }), {
      executionId: 'Fx3',
    });
    expect(res.status).toBe(200);
    const done = await completionOf('Fx3');
    expect(done.outcome).toBe('success');
    const r = await t.db
      .selectFrom('requests')
      .select(['project', 'needed_by'])
      .where('submission_key', '=', 'workflow:Fx3')
      .executeTakeFirstOrThrow();
    expect(r).toEqual({ project: 'Not given (filed from a workflow)', needed_by: null });
    await t.flush();
    expect(t.fake.messagesIn(PMO_CHANNEL).some((m) => JSON.stringify(m.blocks).includes('not said'))).toBe(
      true,
    );
  });
});
