import { sql } from 'kysely';
import { connectPglite, connectPostgres } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';

/**
 * `npm run seed -- --requests 100000 --feedback 300000`: a year of synthetic history for the
 * digest benchmark, generated inside the database (generate_series) so seeding takes seconds.
 * Uses DATABASE_URL (or PGLITE_DIR). Feedback = answered check-ins: one per delivered request
 * (delivery), the rest spread over coaching engagements.
 */
function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

export async function seedHistory(
  db: Awaited<ReturnType<typeof connectPglite>>['db'],
  requests: number,
  feedback: number,
  now = new Date(),
): Promise<void> {
  const nowIso = now.toISOString();
  // Members with skills, so supply vs demand has something to compare.
  await sql`insert into members (slack_user_id, weekly_capacity, added_by)
    select 'UMEMBER' || g, 5, 'USEED' from generate_series(1, 20) g on conflict do nothing`.execute(db);
  await sql`insert into member_skills (member_id, service_id)
    select 'UMEMBER' || g, s.id from generate_series(1, 20) g join services s on (s.id + g) % 3 = 0
    on conflict do nothing`.execute(db);
  // Requests over the last 365 days; status follows age.
  await sql`
    insert into requests (submission_key, requester_id, service_id, project, need, expected_value, needed_by,
      impact, status, owner_id, created_at, updated_at, claimed_at, delivered_at, closed_at)
    select 'seed-' || g, 'UREQ' || (g % 3000), 1 + (g % 10), 'Project ' || (g % 200), 'Need ' || g, 'Value ' || g,
      null, (array['blocking','important','nice_to_have'])[1 + g % 3],
      case when g % 20 = 0 then 'new' when g % 20 = 1 then 'declined' when g % 20 < 5 then 'in_progress'
           when g % 20 < 12 then 'delivered' else 'closed' end,
      case when g % 20 in (0, 1) then null else 'UMEMBER' || (1 + g % 20) end,
      c, c,
      case when g % 20 in (0, 1) then null else c + interval '5 hours' end,
      case when g % 20 >= 5 then c + interval '4 days' end,
      case when g % 20 >= 12 then c + interval '6 days' end
    from generate_series(1, ${requests}) g,
      lateral (select ${nowIso}::timestamptz - (g * (365.0 * 86400 / ${requests})) * interval '1 second' as c) t
  `.execute(db);
  await sql`insert into request_events (request_id, actor_id, from_status, to_status, created_at)
    select id, requester_id, null, 'new', created_at from requests where submission_key like 'seed-%'`.execute(
    db,
  );
  const deliveryFeedback = Math.min(feedback, Math.floor(requests * 0.75));
  await sql`
    insert into checkins (kind, request_id, user_id, due_at, status, sent_at, rating, what_changed, answered_at, created_at)
    select 'delivery', r.id, r.requester_id, r.delivered_at, 'answered', r.delivered_at, 1 + (r.id % 5),
      case when r.id % 4 = 0 then 'It helped the team' end, r.delivered_at + interval '8 days', r.delivered_at
    from requests r where r.delivered_at is not null and r.submission_key like 'seed-%'
    order by r.id limit ${deliveryFeedback}
  `.execute(db);
  const remaining = feedback - deliveryFeedback;
  if (remaining > 0) {
    const engagements = Math.max(1, Math.ceil(remaining / 24));
    await sql`insert into coaching_engagements (coachee_id, coach_id, goals, cadence, status, created_at, started_at)
      select 'UCOACHEE' || g, 'UMEMBER' || (1 + g % 20), 'Goals', 'fortnightly', 'ended', ${nowIso}::timestamptz - interval '400 days',
        ${nowIso}::timestamptz - interval '400 days'
      from generate_series(1, ${engagements}) g`.execute(db);
    await sql`
      insert into checkins (kind, engagement_id, sequence, user_id, due_at, status, rating, answered_at, created_at)
      select 'coaching', e.id, s, e.coachee_id, t.at, 'answered', 1 + ((e.id + s) % 5), t.at, t.at
      from coaching_engagements e cross join generate_series(1, 24) s,
        lateral (select ${nowIso}::timestamptz - (s * 15) * interval '1 day' as at) t
      where e.coachee_id like 'UCOACHEE%'
      order by e.id, s limit ${remaining}
    `.execute(db);
  }
  await sql`analyze`.execute(db);
}

async function main(): Promise<void> {
  const requests = arg('requests', 100_000);
  const feedback = arg('feedback', 300_000);
  const url = process.env.DATABASE_URL?.trim();
  const handle = url
    ? connectPostgres(url, { max: 2 })
    : await connectPglite(process.env.PGLITE_DIR || './.data/pglite');
  try {
    await migrateToLatest(handle.db);
    const started = Date.now();
    await seedHistory(handle.db, requests, feedback);
    process.stdout.write(
      `Seeded ${requests} requests and ${feedback} feedback answers in ${Date.now() - started} ms\n`,
    );
  } finally {
    await handle.close();
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`Seeding failed: ${err.message}\n`);
    process.exit(1);
  });
}
