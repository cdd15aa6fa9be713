import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { DEFAULT_CAP } from '../consent';
import { type EligibilityFacts, LONGEST_CAP_WINDOW_MS } from './eligibility';

/** Epoch milliseconds from a numeric[] (numbers or numeric strings, depending on the driver). */
function toDates(value: unknown): Date[] {
  return Array.isArray(value) ? value.filter((v) => v !== null).map((v) => new Date(Number(v))) : [];
}

/**
 * A person's pause, cap and the cap units they have used within the longest window, in one read:
 * what the eligibility rule needs besides consent and deactivation. `exceptInvitation` leaves out
 * the reservation of the invitation being checked (it is the one about to be counted).
 */
export async function capStanding(
  db: Database,
  userId: string,
  now: Date,
  exceptInvitation?: number,
): Promise<Pick<EligibilityFacts, 'pausedUntil' | 'cap' | 'reservations'>> {
  const prefs = await db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('x'))
    .leftJoin('invitation_prefs', (join) => join.on('invitation_prefs.user_id', '=', userId))
    .select((eb) => [
      'invitation_prefs.cap',
      'invitation_prefs.paused_until',
      eb
        .selectFrom('invitation_recipients')
        .select(sql<number[] | null>`array_agg(extract(epoch from cap_reserved_at) * 1000)`.as('r'))
        .where('user_id', '=', userId)
        .$if(exceptInvitation !== undefined, (q) =>
          q.where('invitation_id', '<>', exceptInvitation as number),
        )
        .where('delivery', '<>', 'skipped')
        .where('cap_reserved_at', '>', new Date(now.getTime() - LONGEST_CAP_WINDOW_MS))
        .as('reserved'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pausedUntil: prefs.paused_until,
    cap: prefs.cap ?? DEFAULT_CAP,
    reservations: toDates(prefs.reserved),
  };
}
