import type { Database } from '../../src/db/client';
import type { FakeMessage } from '../support/fake-slack';
import { seedMember, seedRequest } from '../support/seed';
import { PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * The digest's chart: a PNG drawn on the server from 8 weeks of history, shared once
 * in the digest's thread with an alt text that states the figures; a failed upload leaves the
 * digest posted and is not retried.
 *
 * The digest runs Monday 2026-11-23 09:00 Paris: its 8 weeks start on the Mondays 28 Sep … 16 Nov.
 */
const WEEK_STARTS = [
  '2026-09-28',
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
];
/** Per week, oldest first: requests created, of which delivered the same week, ratings answered. */
const HISTORY = [
  { created: 1, delivered: 0, ratings: [] },
  { created: 2, delivered: 1, ratings: [4] },
  { created: 3, delivered: 1, ratings: [] },
  { created: 0, delivered: 0, ratings: [] },
  { created: 4, delivered: 2, ratings: [5, 3] },
  { created: 2, delivered: 2, ratings: [2] },
  { created: 1, delivered: 1, ratings: [5, 4, 4] },
  { created: 3, delivered: 1, ratings: [3] },
];

/** Tuesday (day 1) or Thursday (day 3) of a week, mid-morning in Paris. */
const dayOf = (week: number, day: number, hour = 9) => {
  const d = new Date(`${WEEK_STARTS[week]}T${String(hour).padStart(2, '0')}:00:00Z`);
  d.setUTCDate(d.getUTCDate() + day);
  return d.toISOString();
};

async function seedEightWeeks(db: Database) {
  let seq = 0;
  for (const [week, h] of HISTORY.entries()) {
    for (let i = 0; i < h.created; i++) {
      const delivered = i < h.delivered;
      const id = await seedRequest(db, {
        requester: `UR${week}${i}`,
        owner: delivered ? 'UM1' : undefined,
        service: week % 2 ? 'change-management' : 'tools-templates',
        createdAt: dayOf(week, 1),
        claimedAt: delivered ? dayOf(week, 1, 12) : undefined,
        deliveredAt: delivered ? dayOf(week, 3) : undefined,
      });
      if (i === 0) {
        for (const rating of h.ratings) {
          await db
            .insertInto('checkins')
            .values({
              kind: 'delivery',
              request_id: id,
              sequence: ++seq,
              user_id: `UR${week}${i}`,
              due_at: dayOf(week, 3),
              status: 'answered',
              rating,
              answered_at: dayOf(week, 4),
            })
            .execute();
        }
      }
    }
  }
  await seedMember(db, 'UM1', ['change-management', 'tools-templates']);
  await seedMember(db, 'UM2', ['change-management']);
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** "new requests 1, 2, 3; …" → [1, 2, 3] (none → null). */
function series(alt: string, name: string): (number | null)[] {
  const m = new RegExp(`${name} ([^;.]+(?:\\.\\d[^;.]*)*)[;.]`).exec(alt);
  if (!m?.[1]) throw new Error(`no ${name} in: ${alt}`);
  return m[1].split(', ').map((v) => (v === 'none' ? null : Number(v)));
}

describe('the digest chart', () => {
  let t: TestApp;
  let main: FakeMessage;

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_TIMEZONE: 'Europe/Paris' } });
    await seedEightWeeks(t.db);
    t.clock.set('2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('is a PNG of at least 600×300 in the digest thread, its alt text the seeded 8 weeks', async () => {
    await t.runJob('digest');
    main = t.fake.messagesIn(PMO_CHANNEL).find((m) => !m.thread_ts) as FakeMessage;
    expect(main.text).toMatch(/^PMO digest 16–22 Nov 2026/);
    const files = t.fake.filesIn(PMO_CHANNEL);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatchObject({ filename: 'pmo-digest-2026-11-16.png', threadTs: main.ts });
    const { width, height } = pngSize(file?.bytes as Buffer);
    expect(width).toBeGreaterThanOrEqual(600);
    expect(height).toBeGreaterThanOrEqual(300);

    const alt = file?.altText ?? '';
    expect(alt.length).toBeLessThanOrEqual(1000);
    expect(alt).toContain('PMO digest chart, 16–22 Nov 2026. Last 8 weeks, weeks starting 28 Sep to 16 Nov');
    expect(series(alt, 'new requests')).toEqual(HISTORY.map((h) => h.created));
    expect(series(alt, 'delivered')).toEqual(HISTORY.map((h) => h.delivered));
    const averages = HISTORY.map((h) =>
      h.ratings.length
        ? Math.round((h.ratings.reduce((a, b) => a + b, 0) / h.ratings.length) * 10) / 10
        : null,
    );
    expect(series(alt, 'average value out of 5')).toEqual(averages);
    // this period: 3 requests, 2 of Tools & templates (week 7 is odd: change management)
    expect(alt).toContain('Change management 3 requests, 2 members');
    expect(alt).toContain('Tools &amp; templates 0 requests, 1 member'.replace('&amp;', '&'));

    const row = await t.db.selectFrom('digest_charts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ run_key: '2026-11-16', status: 'shared', file_id: file?.id });
  });

  it('compares every figure with the previous period and the 8-week median', async () => {
    const fields = (main.blocks ?? []).flatMap(
      (b) => ((b as { fields?: { text: string }[] }).fields ?? []).map((f) => f.text) as string[],
    );
    // new requests by week 1 2 3 0 4 2 1 3: median 2; previous 1
    expect(fields).toContain('*New requests*\n3 (▲2) · 8-wk median 2');
    // delivered 0 1 1 0 2 2 1 1: median 1
    expect(fields).toContain('*Delivered*\n1 (=) · 8-wk median 1');
  });

  it('is shared once: running the digest again shares nothing more', async () => {
    await t.runJob('digest', new Date('2026-11-23T15:00:00Z'));
    await t.flush();
    expect(t.fake.filesIn(PMO_CHANNEL)).toHaveLength(1);
  });

  it('a failed upload still posts the digest, and the chart is not retried', async () => {
    t.fake.failNext('files.getUploadURLExternal', { error: 'file_uploads_disabled' });
    await t.runJob('digest', new Date('2026-11-30T08:00:00Z'));
    const post = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.text?.startsWith('PMO digest 23–29 Nov 2026'));
    expect(post).toBeDefined();
    expect(t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.thread_ts === post?.ts && !m.files)).toHaveLength(
      1,
    );
    const row = await t.db
      .selectFrom('digest_charts')
      .selectAll()
      .where('run_key', '=', '2026-11-23')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('file_uploads_disabled') });
    await t.runJob('digest', new Date('2026-11-30T10:00:00Z'));
    await t.flush();
    expect(t.fake.filesIn(PMO_CHANNEL).filter((f) => f.threadTs === post?.ts)).toHaveLength(0);
    expect(t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.text?.startsWith('PMO digest 23–29'))).toHaveLength(
      1,
    );
  });
});

describe('a quiet week’s digest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('carries the chart too: the 8-week trend still tells the story', async () => {
    await seedRequest(t.db, {
      requester: 'UA',
      service: 'tools-templates',
      createdAt: '2026-11-03T10:00:00Z',
      claimedAt: '2026-11-03T12:00:00Z',
      deliveredAt: '2026-11-05T10:00:00Z',
    });
    await t.runJob('digest', new Date('2026-11-23T09:00:00Z'));
    const [post] = t.fake.messagesIn(PMO_CHANNEL);
    expect(post?.text).toMatch(/^Quiet week/);
    const [file] = t.fake.filesIn(PMO_CHANNEL);
    expect(file?.threadTs).toBe(post?.ts);
    expect(series(file?.altText ?? '', 'new requests')).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
  });
});
