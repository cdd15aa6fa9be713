import type { Database } from '../../src/db/client';
import type { RequestStatus } from '../../src/db/schema';

/**
 * Seeds history straight into the tables (requests, members, check-ins…), for tests of features
 * that read what other features wrote. Assertions still go through what people see.
 */

let seq = 0;

export async function serviceId(db: Database, slug: string): Promise<number> {
  const row = await db.selectFrom('services').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

export async function topicId(db: Database, slug: string): Promise<number> {
  const row = await db.selectFrom('topics').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

export interface SeedRequest {
  requester: string;
  service: string;
  project?: string;
  status?: RequestStatus;
  owner?: string | null;
  createdAt: string;
  claimedAt?: string;
  startedAt?: string;
  deliveredAt?: string;
}

export async function seedRequest(db: Database, r: SeedRequest): Promise<number> {
  const row = await db
    .insertInto('requests')
    .values({
      submission_key: `seed-${++seq}-${Math.random()}`,
      requester_id: r.requester,
      service_id: await serviceId(db, r.service),
      project: r.project ?? 'Apollo',
      need: 'Help',
      expected_value: 'Value',
      impact: 'important',
      status: r.status ?? (r.deliveredAt ? 'delivered' : r.claimedAt ? 'claimed' : 'new'),
      owner_id: r.owner ?? null,
      created_at: r.createdAt,
      updated_at: r.createdAt,
      claimed_at: r.claimedAt ?? null,
      started_at: r.startedAt ?? null,
      delivered_at: r.deliveredAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedMember(
  db: Database,
  userId: string,
  skills: string[],
  active = true,
): Promise<void> {
  await db.insertInto('members').values({ slack_user_id: userId, added_by: 'ULEAD1', active }).execute();
  for (const slug of skills) {
    await db
      .insertInto('member_skills')
      .values({ member_id: userId, service_id: await serviceId(db, slug) })
      .execute();
  }
}
