import { startTestApp, type TestApp } from '../support/test-app';
import { ALICE, aliceTyped, BOB, buildWorld, CAROL, MEMBER, type World } from './world';

/** /pmo my-data: a JSON file in the person's DM with exactly their data, and nobody else's. */
describe('my data', () => {
  let t: TestApp;
  let world: World;
  let data: Record<string, unknown> & {
    requests: { reference: string; need: string; handled_by: string | null; history: unknown[] }[];
    check_in_answers: { rating: number | null; what_changed: string | null }[];
    consent: { topics: { topic: string; opted_in: boolean }[]; history: unknown[] };
    invitations_and_rsvps: { rsvp: string | null }[];
    coaching: { goals: string; coach: string | null }[];
  };
  let text: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
    const res = await t.slash(ALICE, 'my-data');
    expect(res.body.text).toContain('arrives in your DM');
    const file = await t.fake.waitFor(() => t.fake.filesIn(ALICE)[0], 'the my-data file');
    expect(file.channel).toBe(`D${ALICE}`);
    expect(file.filename).toMatch(/^pmo-my-data-2026-11-24\.json$/);
    text = file.bytes?.toString('utf8') ?? '';
    data = JSON.parse(text);
  }, 60_000);
  afterAll(() => t.stop());

  it('is shared in her DM (through the three-step upload), with a comment saying what it is', () => {
    expect(t.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(t.fake.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: `D${ALICE}`,
    });
    expect(t.fake.messagesIn(ALICE).at(-1)?.text).toContain(
      'everything PMO Concierge keeps about you (JSON)',
    );
  });

  it('holds her requests with their history, her check-in answers, consent, RSVPs and coaching', () => {
    expect(data.format).toBe('pmo-concierge.my-data.v1');
    expect(data.requests.map((r) => r.reference)).toEqual([
      `PMO-${world.aliceRequestId}`,
      `PMO-${world.aliceDeliveredId}`,
    ]);
    expect(data.requests[0]).toMatchObject({
      need: aliceTyped.need,
      project: aliceTyped.project,
      link: aliceTyped.link,
    });
    expect(data.requests[0]?.history).toEqual([expect.objectContaining({ by: 'you', to: 'new' })]);
    expect(data.requests[1]?.handled_by).toBe('a PMO member');
    expect(data.check_in_answers).toEqual([
      expect.objectContaining({
        rating: 4,
        what_changed: aliceTyped.whatChanged,
        could_be_better: aliceTyped.couldBeBetter,
      }),
    ]);
    expect(data.consent.topics).toEqual([
      expect.objectContaining({ topic: 'Change management clinics', opted_in: true }),
    ]);
    expect(data.consent.history).toHaveLength(1);
    expect(data.invitations_and_rsvps).toEqual([
      expect.objectContaining({ invitation: 'Clinic one', rsvp: 'going' }),
    ]);
    expect(data.coaching).toEqual([
      expect.objectContaining({ goals: aliceTyped.coachingGoals, coach: 'a PMO member' }),
    ]);
  });

  it('holds nobody else’s data: not their requests, answers or ids — not even the member who helped her', () => {
    for (const other of [
      BOB,
      CAROL,
      MEMBER,
      'bob-need-lemur',
      'bob-comment-tapir',
      'carol-comment-yak',
      'ULEAD1',
    ])
      expect([other, text.includes(other)]).toEqual([other, false]);
  });

  it('Bob gets only his own', async () => {
    await t.slash(BOB, 'my-data');
    const file = await t.fake.waitFor(() => t.fake.filesIn(BOB)[0], 'Bob’s file');
    const bob = file.bytes?.toString('utf8') ?? '';
    expect(bob).toContain('bob-need-lemur');
    expect(bob).not.toContain(ALICE);
    expect(bob).not.toContain(aliceTyped.need);
  });
});
