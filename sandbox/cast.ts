import type { Database } from '../src/db/client';

/**
 * The people of the sandbox: who you can "be" on the page. Ids look like Slack's so every
 * validation in the app accepts them; the stand-in answers users.info with these names and
 * time zones.
 */
export type CastRole = 'lead' | 'member' | 'requester';

export interface CastMember {
  id: string;
  name: string;
  tz: string;
  role: CastRole;
  title: string;
  /** Their Slack language (en-US when unset): what the app speaks with them until they choose. */
  locale?: string;
  /** Service slugs (db/migrations/…_seed_catalogue.sql) a member can deliver. */
  skills?: string[];
}

export const SANDBOX_PMO_CHANNEL = 'CSANDBOXPMO';
export const SANDBOX_GENERAL_CHANNEL = 'CSANDBOXGEN';

export const CAST: readonly CastMember[] = [
  { id: 'UAMARA', name: 'Amara Okafor', tz: 'Europe/London', role: 'lead', title: 'PMO lead' },
  {
    id: 'UJONAS',
    name: 'Jonas Weber',
    tz: 'Europe/Berlin',
    role: 'lead',
    title: 'PMO lead',
    locale: 'de-DE',
  },
  {
    id: 'UPRIYA',
    name: 'Priya Nair',
    tz: 'Asia/Kolkata',
    role: 'member',
    title: 'PMO member: change & coaching',
    skills: ['change-management', 'executive-coaching', 'training-mentoring', 'stakeholder-management'],
  },
  { id: 'USAM', name: 'Sam Rivera', tz: 'America/New_York', role: 'requester', title: 'Product manager' },
  { id: 'UMEI', name: 'Mei Chen', tz: 'Asia/Singapore', role: 'requester', title: 'Engineering team lead' },
  {
    id: 'UTOM',
    name: 'Tom Becker',
    tz: 'Europe/Paris',
    role: 'requester',
    title: 'Programme director',
    locale: 'fr-FR',
  },
];

export const castLeadIds = (): string[] => CAST.filter((c) => c.role === 'lead').map((c) => c.id);

/**
 * Members and their skills, and the people cache. Idempotent: a restarted sandbox keeps
 * what was done in it and never duplicates the cast. Topics and services come from the
 * migrations.
 */
export async function seedCast(db: Database, now: Date): Promise<void> {
  const [firstLead] = castLeadIds();
  await db.transaction().execute(async (trx) => {
    for (const person of CAST) {
      await trx
        .insertInto('people')
        .values({
          slack_user_id: person.id,
          display_name: person.name,
          tz: person.tz,
          locale: person.locale ?? 'en-US',
          refreshed_at: now,
        })
        .onConflict((oc) => oc.column('slack_user_id').doNothing())
        .execute();
      if (person.role !== 'member') continue;
      await trx
        .insertInto('members')
        .values({ slack_user_id: person.id, added_by: firstLead ?? person.id })
        .onConflict((oc) => oc.column('slack_user_id').doNothing())
        .execute();
      const services = await trx
        .selectFrom('services')
        .select('id')
        .where('slug', 'in', person.skills ?? [])
        .execute();
      if (services.length === 0) continue;
      await trx
        .insertInto('member_skills')
        .values(services.map((s) => ({ member_id: person.id, service_id: s.id })))
        .onConflict((oc) => oc.columns(['member_id', 'service_id']).doNothing())
        .execute();
    }
  });
}
