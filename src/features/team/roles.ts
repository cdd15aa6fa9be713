import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { Roles } from '../../ports';

/** Who people are to the PMO: leads from PMO_LEAD_IDS, members from the `members` table. */
export type Role = 'lead' | 'member' | 'requester';

export function isLead(config: Config, userId: string): boolean {
  return config.pmo.leadIds.includes(userId);
}

export async function isMember(db: Database, config: Config, userId: string): Promise<boolean> {
  if (isLead(config, userId)) return true;
  const row = await db
    .selectFrom('members')
    .select('slack_user_id')
    .where('slack_user_id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Who is acting, as a policy needs to know them. */
export async function actorOf(
  deps: { db: Database; config: Config },
  userId: string,
): Promise<{ id: string; lead: boolean; member: boolean }> {
  const lead = isLead(deps.config, userId);
  return { id: userId, lead, member: lead || (await isMember(deps.db, deps.config, userId)) };
}

export async function roleOf(db: Database, config: Config, userId: string): Promise<Role> {
  if (isLead(config, userId)) return 'lead';
  return (await isMember(db, config, userId)) ? 'member' : 'requester';
}

/** The `roles` port the team feature offers every other feature. */
export function rolesOf(deps: { db: Database; config: Config }): Roles {
  return {
    isLead: (userId) => isLead(deps.config, userId),
    isMember: (userId) => isMember(deps.db, deps.config, userId),
    actor: (userId) => actorOf(deps, userId),
  };
}
