import type { Database } from '../../src/db/client';
import { seedRequest, topicId } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * "You said, we did": `/pmo feedback` shows leads the period's feedback by service
 * (comments only from 3 people on); an action recorded for a service reaches exactly the people
 * who gave feedback on it in that period, once, in their working hours, quoting only their own
 * words; someone opted out of everything is not written to.
 *
 * Monday 2026-11-23 10:00 in Paris (PMO_TIMEZONE): the period is 16–22 Nov; it is 18:00 in Tokyo.
 */
const NOW = '2026-11-23T09:00:00Z';

const WORDS: Record<string, string> = {
  UA: 'The intake form is far too long',
  UC: 'Tokyo words about change',
  UD: 'Words of someone who opted out',
  UG: 'Still opted in to one topic',
  UE: 'Another service entirely',
  UF: 'Said in the previous period',
};

async function answer(
  db: Database,
  user: string,
  service: string,
  rating: number,
  answeredAt: string,
  words?: string,
) {
  const id = await seedRequest(db, {
    requester: user,
    owner: 'UM1',
    service,
    createdAt: '2026-11-01T10:00:00Z',
    claimedAt: '2026-11-01T12:00:00Z',
    deliveredAt: '2026-11-05T10:00:00Z',
  });
  await db
    .insertInto('checkins')
    .values({
      kind: 'delivery',
      request_id: id,
      user_id: user,
      due_at: '2026-11-10T10:00:00Z',
      status: 'answered',
      rating,
      could_be_better: words ?? null,
      answered_at: answeredAt,
    })
    .execute();
}

describe('you said, we did', () => {
  let t: TestApp;
  let serviceId: number;

  beforeAll(async () => {
    t = await startTestApp({
      env: { PMO_TIMEZONE: 'Europe/Paris' },
      users: [
        { id: 'UA', tz: 'Europe/Paris' },
        { id: 'UB', tz: 'Europe/Paris' },
        { id: 'UC', tz: 'Asia/Tokyo' },
        { id: 'UD', tz: 'Europe/Paris' },
        { id: 'UE', tz: 'Europe/Paris' },
        { id: 'UF', tz: 'Europe/Paris' },
        { id: 'UG', tz: 'Europe/Paris' },
      ],
    });
    const db = t.db;
    await answer(db, 'UA', 'change-management', 4, '2026-11-17T10:00:00Z', WORDS.UA);
    await answer(db, 'UB', 'change-management', 2, '2026-11-18T10:00:00Z');
    await answer(db, 'UC', 'change-management', 5, '2026-11-19T10:00:00Z', WORDS.UC);
    await answer(db, 'UD', 'change-management', 3, '2026-11-20T10:00:00Z', WORDS.UD);
    await answer(db, 'UG', 'change-management', 4, '2026-11-21T10:00:00Z', WORDS.UG);
    await answer(db, 'UE', 'tools-templates', 1, '2026-11-18T10:00:00Z', WORDS.UE);
    await answer(db, 'UF', 'change-management', 2, '2026-11-12T10:00:00Z', WORDS.UF);
    const exec = await topicId(db, 'executive-coaching');
    const mentoring = await topicId(db, 'mentoring');
    await db
      .insertInto('consents')
      .values([
        // UD opted out of everything they had; UG of one topic only
        { user_id: 'UD', topic_id: exec, opted_in: false, updated_at: '2026-11-20T10:00:00Z' },
        { user_id: 'UD', topic_id: mentoring, opted_in: false, updated_at: '2026-11-20T10:00:00Z' },
        { user_id: 'UG', topic_id: exec, opted_in: false, updated_at: '2026-11-20T10:00:00Z' },
        { user_id: 'UG', topic_id: mentoring, opted_in: true, updated_at: '2026-11-20T10:00:00Z' },
      ])
      .execute();
    serviceId = (
      await db
        .selectFrom('services')
        .select('id')
        .where('slug', '=', 'change-management')
        .executeTakeFirstOrThrow()
    ).id;
    t.clock.set(NOW);
  });
  afterAll(() => t.stop());

  it('is for leads only', async () => {
    const denied = await t.slash('UA', 'feedback');
    expect(denied.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(denied.body)).not.toContain(WORDS.UA);
    expect(t.fake.openModalOf('UA')).toBeUndefined();
  });

  it('shows the period’s comments by service, unattributed, only from 3 people on', async () => {
    await t.slash(LEAD, 'feedback');
    const modal = await t.fake.waitFor(() => t.fake.openModalOf(LEAD), 'the feedback modal');
    const text = JSON.stringify(modal.view.blocks);
    expect(text).toContain('Feedback · 16–22 Nov 2026');
    expect(text).toContain('*Change management* · 5 people · 3.6/5');
    for (const user of ['UA', 'UC', 'UD', 'UG']) expect(text).toContain(WORDS[user]);
    // one person on Tools & templates: their words stay private; last period's are not this period's
    expect(text).toContain(
      '*Tools &amp; templates* · 1 person · 1.0/5\\n_Comments stay private below 3 people._',
    );
    expect(text).not.toContain(WORDS.UE);
    expect(text).not.toContain(WORDS.UF);
    // no names, no user ids
    expect(text).not.toMatch(/U[ABCDEFG]\b/);
  });

  it('tells exactly the feedback givers for that service and period, once, quoting only their words', async () => {
    const modal = t.fake.openModalOf(LEAD);
    if (!modal) throw new Error('no modal');
    const res = await t.submit(LEAD, modal, {
      value_feedback_service: String(serviceId),
      value_feedback_action: 'We cut the intake form to 4 questions',
    });
    expect(JSON.stringify(res.body)).toContain('5 people who gave feedback will hear');
    await t.flush();

    const dm = (user: string) => t.fake.messagesIn(user);
    for (const user of ['UA', 'UB', 'UG']) expect(dm(user)).toHaveLength(1);
    const ua = JSON.stringify(dm('UA')[0]?.blocks);
    expect(ua).toContain(`*You said:* “${WORDS.UA}”`);
    expect(ua).toContain('*We did:* We cut the intake form to 4 questions');
    expect(JSON.stringify(dm('UB')[0]?.blocks)).toContain('*You said:* you rated it 2/5');
    for (const user of ['UA', 'UB', 'UG']) {
      const text = JSON.stringify(dm(user));
      for (const [other, words] of Object.entries(WORDS))
        if (other !== user) expect(text).not.toContain(words);
    }
    // another service, another period: not feedback on this one
    expect(dm('UE')).toHaveLength(0);
    expect(dm('UF')).toHaveLength(0);
    // opted out of everything: not written to
    expect(dm('UD')).toHaveLength(0);
    const ud = await t.db
      .selectFrom('outbox')
      .select(['status', 'skip_reason'])
      .where('recipient_id', '=', 'UD')
      .executeTakeFirstOrThrow();
    expect(ud).toEqual({ status: 'skipped', skip_reason: 'opted out of everything' });
  });

  it('waits for the recipient’s working hours (18:00 in Tokyo), then arrives', async () => {
    expect(t.fake.messagesIn('UC')).toHaveLength(0);
    const waiting = await t.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('recipient_id', '=', 'UC')
      .executeTakeFirstOrThrow();
    expect(waiting).toEqual({ status: 'pending', attempts: 0, last_error: 'outside working hours' });
    // Just before the next morning in Tokyo it still waits; at 10:00 the wait is over.
    t.clock.set('2026-11-23T23:59:00Z');
    await t.flush();
    expect(t.fake.messagesIn('UC')).toHaveLength(0);
    t.clock.set('2026-11-24T01:00:00Z');
    await t.flush();
    expect(t.fake.messagesIn('UC')).toHaveLength(1);
    expect(JSON.stringify(t.fake.messagesIn('UC')[0]?.blocks)).toContain(WORDS.UC);
  });

  it('is recorded once per service and period: a second action tells nobody again', async () => {
    t.clock.set(NOW);
    await t.slash(LEAD, 'feedback');
    const modal = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf(LEAD);
      return JSON.stringify(m?.view.blocks).includes('We did: We cut') ? m : undefined;
    }, 'the modal again');
    const again = await t.submit(LEAD, modal, {
      value_feedback_service: String(serviceId),
      value_feedback_action: 'Something else',
    });
    expect(again.body).toMatchObject({
      response_action: 'errors',
      errors: { value_feedback_service: expect.stringContaining('Already recorded') },
    });
    await t.flush();
    for (const user of ['UA', 'UB', 'UC', 'UG']) expect(t.fake.messagesIn(user)).toHaveLength(1);
    const actions = await t.db.selectFrom('service_actions').select(['action', 'recipients']).execute();
    expect(actions).toEqual([{ action: 'We cut the intake form to 4 questions', recipients: 5 }]);
  });
});
