import { z } from 'zod';
import type { Database } from '../../db/client';
import { OPEN_WORK_STATUSES } from '../../db/enums';
import { type Translator, translatorFor } from '../../i18n';
import { chosenUser, rowIdOr, wholeNumber } from '../../lib/input';
import { teamText } from './messages';

/**
 * A member as a lead sets them up; the modal and saveMember use the same rule. The modal's
 * field errors are in the lead's language.
 */
export function memberFormSchemaFor(tr: Translator) {
  const t = tr.of(teamText);
  const fromList = t('chooseFromList');
  return z.object({
    userId: chosenUser(t('choosePerson')),
    skillIds: z.array(rowIdOr(fromList), { error: fromList }).max(100),
    weeklyCapacity: wholeNumber(0, 100, t('capacityError')),
  });
}
export const memberFormSchema = memberFormSchemaFor(translatorFor('en'));
export type MemberForm = z.output<typeof memberFormSchema>;

/**
 * The PMO team: members leads add with `/pmo team`, their skills (the services they deliver)
 * and weekly capacity. Removing a member keeps the row (active = false) so history still
 * names them.
 */
export interface TeamMember {
  id: string;
  weeklyCapacity: number;
  skillIds: number[];
  skillNames: string[];
  openWork: number;
}

export async function listTeam(db: Database): Promise<TeamMember[]> {
  const members = await db
    .selectFrom('members')
    .select(['slack_user_id', 'weekly_capacity'])
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('slack_user_id')
    .execute();
  if (members.length === 0) return [];
  const ids = members.map((m) => m.slack_user_id);
  const skills = await db
    .selectFrom('member_skills')
    .innerJoin('services', 'services.id', 'member_skills.service_id')
    .select(['member_skills.member_id', 'services.id', 'services.name'])
    .where('member_skills.member_id', 'in', ids)
    .orderBy('services.sort_order')
    .execute();
  const load = await openWorkByOwner(db, ids);
  return members.map((m) => {
    const mine = skills.filter((s) => s.member_id === m.slack_user_id);
    return {
      id: m.slack_user_id,
      weeklyCapacity: m.weekly_capacity,
      skillIds: mine.map((s) => s.id),
      skillNames: mine.map((s) => s.name),
      openWork: load.get(m.slack_user_id) ?? 0,
    };
  });
}

export async function getMember(db: Database, userId: string): Promise<TeamMember | undefined> {
  return (await listTeam(db)).find((m) => m.id === userId);
}

export async function openWorkByOwner(db: Database, ownerIds: string[]): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('requests')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_id', 'in', ownerIds)
    .where('status', 'in', [...OPEN_WORK_STATUSES])
    .groupBy('owner_id')
    .execute();
  return new Map(rows.map((r) => [String(r.owner_id), Number(r.n)]));
}

/** Adds or updates a member; their skills are replaced by `skillIds` (unknown ids ignored). */
export async function saveMember(db: Database, form: MemberForm & { addedBy: string }): Promise<void> {
  const input = { ...memberFormSchema.parse(form), addedBy: form.addedBy };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('members')
      .values({
        slack_user_id: input.userId,
        weekly_capacity: input.weeklyCapacity,
        active: true,
        added_by: input.addedBy,
      })
      .onConflict((oc) =>
        oc.column('slack_user_id').doUpdateSet({ weekly_capacity: input.weeklyCapacity, active: true }),
      )
      .execute();
    await trx.deleteFrom('member_skills').where('member_id', '=', input.userId).execute();
    if (input.skillIds.length === 0) return;
    const known = await trx.selectFrom('services').select('id').where('id', 'in', input.skillIds).execute();
    if (known.length === 0) return;
    await trx
      .insertInto('member_skills')
      .values(known.map((k) => ({ member_id: input.userId, service_id: k.id })))
      .execute();
  });
}

export async function removeMember(db: Database, userId: string): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set({ active: false })
    .where('slack_user_id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
