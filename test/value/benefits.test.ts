import type { FakeMessage } from '../support/fake-slack';
import { homeText, openHome } from '../support/home';
import { seedRequest } from '../support/seed';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * Benefits realised: the follow-up quotes back what the requester expected at intake
 * and asks "Did it happen?"; the answers roll up per service in the digest and on a lead's Home,
 * quotes only once 3 different people answered for that service.
 *
 * FOLLOWUP_AFTER_DAYS=14: deliveries on Mon 16 Nov, ratings on Tue 24 Nov, follow-ups due Tue
 * 8 Dec; the digest of Mon 14 Dec reads the 8 weeks from 19 Oct.
 */
const PEOPLE = [
  { user: 'UA', service: 'change-management', expected: 'Halve the onboarding time', rating: 4 },
  { user: 'UB', service: 'change-management', expected: 'A steering group that decides', rating: 5 },
  { user: 'UC', service: 'change-management', expected: 'Fewer escalations', rating: 3 },
  { user: 'UD', service: 'tools-templates', expected: 'One status template', rating: 4 },
  { user: 'UE', service: 'tools-templates', expected: 'A risk log people use', rating: 2 },
];
const ANSWERS: Record<string, { realised: string; note?: string }> = {
  UA: { realised: 'yes', note: 'Onboarding is down to 3 days' },
  UB: { realised: 'partly', note: 'Some teams adopted it' },
  UC: { realised: 'no' },
  UD: { realised: 'yes', note: 'Only UD would say this' },
  UE: { realised: 'not_yet', note: 'Only UE would say this' },
};

const blockText = (m: FakeMessage | undefined) => JSON.stringify(m?.blocks ?? []);

describe('benefits realised', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { FOLLOWUP_AFTER_DAYS: '14' } });
    for (const p of PEOPLE) {
      const id = await seedRequest(t.db, {
        requester: p.user,
        owner: 'UM1',
        service: p.service,
        project: `Project of ${p.user}`,
        createdAt: '2026-11-02T10:00:00Z',
        claimedAt: '2026-11-02T12:00:00Z',
        deliveredAt: '2026-11-16T10:00:00Z',
      });
      await t.db.updateTable('requests').set({ expected_value: p.expected }).where('id', '=', id).execute();
      await t.db
        .insertInto('checkins')
        .values({
          kind: 'delivery',
          request_id: id,
          sequence: 1,
          user_id: p.user,
          due_at: '2026-11-23T10:00:00Z',
          status: 'answered',
          rating: p.rating,
          followup_agreed: true,
          answered_at: '2026-11-24T11:00:00Z',
        })
        .execute();
    }
  });
  afterAll(() => t.stop());

  it('the follow-up quotes the expected value and asks whether it happened', async () => {
    await t.runJob('checkins', new Date('2026-12-08T11:00:00Z'));
    for (const p of PEOPLE) {
      const [dm] = t.fake.messagesIn(p.user);
      expect(blockText(dm)).toContain(`You expected: _${p.expected}_. *Did it happen?*`);
    }
    // nobody sees another person's expectation
    expect(blockText(t.fake.messagesIn('UA')[0])).not.toContain('steering group');
  });

  it('each answer is stored with the follow-up: yes / partly / not yet / no, and what changed', async () => {
    t.clock.set('2026-12-08T12:00:00Z');
    for (const p of PEOPLE) {
      const [dm] = t.fake.messagesIn(p.user);
      await t.click(p.user, 'checkin_followup_open', { message: dm as FakeMessage });
      const modal = await t.fake.waitFor(() => {
        const m = t.fake.openModalOf(p.user);
        return m?.view.callback_id === 'checkin_followup_answer' ? m : undefined;
      }, 'follow-up modal');
      expect(JSON.stringify(modal.view.blocks)).toContain(`You expected: _${p.expected}_`);
      const answer = ANSWERS[p.user] as { realised: string; note?: string };
      if (p.user === 'UA') {
        const empty = await t.submit(p.user, modal, {});
        expect(empty.body).toEqual({
          response_action: 'errors',
          errors: { checkin_realised: 'Pick one: yes, partly, not yet or no.' },
        });
      }
      const res = await t.submit(p.user, modal, {
        checkin_realised: answer.realised,
        checkin_outcome_note: answer.note ?? null,
      });
      expect(res.status).toBe(200);
    }
    const rows = await t.db
      .selectFrom('checkins')
      .select(['user_id', 'realised', 'what_changed', 'status'])
      .where('kind', '=', 'followup')
      .orderBy('user_id')
      .execute();
    expect(rows).toEqual(
      PEOPLE.map((p) => ({
        user_id: p.user,
        realised: ANSWERS[p.user]?.realised,
        what_changed: ANSWERS[p.user]?.note ?? null,
        status: 'answered',
      })),
    );
  });

  it('rolls up per service in the digest: delivered, value, realised, quotes from 3 people on', async () => {
    // a request this week, so the digest is not a one-line quiet week
    await seedRequest(t.db, {
      requester: 'UF',
      service: 'tools-templates',
      createdAt: '2026-12-09T10:00:00Z',
    });
    await t.runJob('digest', new Date('2026-12-14T08:00:00Z'));
    const main = t.fake.messagesIn(PMO_CHANNEL).find((m) => !m.thread_ts);
    const thread = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.thread_ts === main?.ts && !m.files);
    const section = (thread?.blocks ?? []).find(
      (b) => (b as { block_id?: string }).block_id === 'digest_benefits',
    ) as { text: { text: string } } | undefined;
    expect(section?.text.text).toBe(
      [
        '*Benefits realised by service* (last 8 weeks: delivered, rated, "did it happen?")',
        // in catalogue order; two people answered for Tools & templates: their words stay private
        '• *Tools &amp; templates*: 2 delivered · value 3.0/5 (2 ratings) · realised: 1 yes, 0 partly, 1 not yet, 0 no',
        '• *Change management*: 3 delivered · value 4.0/5 (3 ratings) · realised: 1 yes, 1 partly, 0 not yet, 1 no',
        '> Onboarding is down to 3 days',
        '> Some teams adopted it',
      ].join('\n'),
    );
    expect(JSON.stringify(t.fake.messagesIn(PMO_CHANNEL))).not.toContain('Only U');
  });

  it('and on a lead’s Home', async () => {
    t.clock.set('2026-12-14T09:00:00Z');
    const home = homeText(await openHome(t, LEAD));
    expect(home).toContain(
      '• *Change management*: 3 delivered · value 4.0/5 (3 ratings) · realised: 1 yes, 1 partly, 0 not yet, 1 no\\n> Onboarding is down to 3 days\\n> Some teams adopted it',
    );
    expect(home).toContain('realised: 1 yes, 0 partly, 1 not yet, 0 no');
    expect(home).not.toContain('Only U');
  });
});
