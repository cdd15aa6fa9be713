import { parseConfig } from '../src/config';
import { connectPostgres } from '../src/db/client';
import { sendInvitation } from '../src/features/invitations/service';
import { signedHeaders } from '../test/support/slack-signing';
import { percentiles } from './load';
import { type BenchContext, SECRET } from './run';

const PEOPLE = 5000;
/** The fake's chat.postMessage limit, scaled so the run takes about a minute. */
const LIMIT = 80;
const WINDOW_MS = 1000;

/**
 * b. Invitation fan-out: 5,000 opted-in people; the fake Slack answers 429 + Retry-After past
 * 80 posts a second. Measures delivery time against the bound the limit allows, 429s,
 * duplicates and misses, and the acknowledgement latency of commands sent meanwhile.
 */
export async function fanOut(ctx: BenchContext): Promise<void> {
  const db = connectPostgres(ctx.databaseUrl, { max: 2 });
  try {
    const topic = await db.db
      .selectFrom('topics')
      .select('id')
      .where('slug', '=', 'training-workshops')
      .executeTakeFirstOrThrow();
    const people = Array.from({ length: PEOPLE }, (_, i) => `UFAN${String(i).padStart(5, '0')}`);
    // Consent rows as /pmo optin writes them, in bulk (the sender re-checks each at send time).
    for (let i = 0; i < people.length; i += 1000) {
      await db.db
        .insertInto('consents')
        .values(
          people
            .slice(i, i + 1000)
            .map((u) => ({ user_id: u, topic_id: topic.id, opted_in: true, updated_at: new Date() })),
        )
        .execute();
    }
    ctx.fake.rateLimit('chat.postMessage', LIMIT, WINDOW_MS, 1);
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      PMO_CHANNEL_ID: 'CPMO',
      PMO_LEAD_IDS: 'ULEAD1',
    });
    const postsBefore = ctx.fake.callsTo('chat.postMessage').length;
    // The app's own sender polls its outbox: nothing to wake from this process.
    await sendInvitation(
      { db: db.db, config, outbox: { kick: () => undefined } },
      {
        draft: {
          title: 'Bench workshop',
          message: 'A workshop for everyone who opted in.',
          topicIds: [topic.id],
          eventDate: null,
          link: null,
          seats: null,
          rsvpDeadline: null,
          mode: 'dm',
          channel: null,
        },
        submissionKey: `bench-${Date.now()}`,
        createdBy: 'ULEAD1',
      },
      new Date(),
    );

    // Interactive traffic while the fan-out runs: commands every 50 ms.
    const acks: number[] = [];
    let ackErrors = 0;
    const invitationDms = () => ctx.fake.messages.filter((m) => m.dmUser?.startsWith('UFAN'));
    const deadline = Date.now() + 5 * 60_000;
    let i = 0;
    while (Date.now() < deadline) {
      const delivered = invitationDms().length;
      const pending = await db.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['pending', 'sending'])
        .executeTakeFirstOrThrow();
      if (delivered > 0 && Number(pending.n) === 0) break;
      const user = `UASK${i++ % 20}`;
      const text = i % 2 ? 'help' : 'request ideas for onboarding';
      const body = new URLSearchParams({
        command: '/pmo',
        text,
        user_id: user,
        user_name: user,
        team_id: 'T0TEST',
        channel_id: 'CGENERAL',
        trigger_id: ctx.fake.issueTrigger(user),
        response_url: `${ctx.fake.url}/respond/f${i}`,
      }).toString();
      const t0 = performance.now();
      const res = await fetch(`${ctx.appUrl}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(SECRET, body) },
        body,
      });
      await res.arrayBuffer();
      acks.push(performance.now() - t0);
      if (res.status !== 200) ackErrors++;
      await new Promise((r) => setTimeout(r, 50));
    }
    const dms = invitationDms();
    const posts = ctx.fake.callsTo('chat.postMessage').slice(postsBefore);
    const accepted = posts.filter((c) => c.status === 200 && String(c.args.channel).startsWith('UFAN'));
    const first = accepted[0]?.at ?? 0;
    const last = accepted[accepted.length - 1]?.at ?? 0;
    const elapsedMs = last - first;
    const boundMs = ((PEOPLE - LIMIT) / LIMIT) * WINDOW_MS;
    const perPerson = new Map<string, number>();
    for (const m of dms) perPerson.set(m.dmUser!, (perPerson.get(m.dmUser!) ?? 0) + 1);
    const duplicates = [...perPerson.values()].filter((n) => n > 1).length;
    const misses = people.filter((p) => !perPerson.has(p)).length;
    const rateLimited = posts.filter((c) => c.status === 429).length;
    const ack = percentiles(acks);
    ctx.rows.push(
      {
        scenario: 'b. fan-out',
        measure: `${PEOPLE} DMs at ≤ ${LIMIT}/s: first to last post`,
        value: `${(elapsedMs / 1000).toFixed(1)} s (bound ${(boundMs / 1000).toFixed(1)} s, ${(elapsedMs / boundMs).toFixed(2)}×)`,
        target: '≤ 1.1× bound',
        met: elapsedMs <= boundMs * 1.1,
      },
      { scenario: 'b. fan-out', measure: '429s received', value: String(rateLimited) },
      {
        scenario: 'b. fan-out',
        measure: 'duplicates / misses',
        value: `${duplicates} / ${misses}`,
        target: '0 / 0',
        met: duplicates === 0 && misses === 0,
      },
      {
        scenario: 'b. fan-out',
        measure: `acks during the fan-out (n=${acks.length}, ${ackErrors} errors)`,
        value: `p50 ${ack.p50.toFixed(1)} ms · p99 ${ack.p99.toFixed(1)} ms · max ${ack.max.toFixed(1)} ms`,
      },
    );
  } finally {
    ctx.fake.rateLimit('chat.postMessage', 1_000_000, 1000, 1);
    await db.close();
  }
}
