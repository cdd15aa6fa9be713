import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { type Translator, translatorFor } from '../../i18n';
import { requestsText } from './messages';

const EN = translatorFor('en');

/**
 * An honest wait estimate for one service: how long its requests of the last 90 days took to be
 * claimed and to be delivered (medians, from the moment they were asked), and how many members
 * with that skill are on the team now. Under MIN_HISTORY requests that reached a step, that
 * figure is "not enough history yet" rather than a number drawn from one or two cases.
 *
 * Cheap by design: one aggregate over one service's 90 days (index requests (service_id,
 * created_at)) and one count over member_skills, so the form can redraw it as the person picks.
 */

export const ESTIMATE_WINDOW_DAYS = 90;
export const MIN_HISTORY = 5;

export interface WaitEstimate {
  /** Requests for the service asked in the window. */
  asked: number;
  /** Median hours from asking to being claimed, or null without enough history. */
  claimHours: number | null;
  /** Median hours from asking to delivery, or null without enough history. */
  deliverHours: number | null;
  /** Active members with this skill who are not away today. */
  available: number;
}

const DAY_MS = 86_400_000;

/** `today`: the PMO's local date; members away on it are not counted as available. */
export async function waitEstimate(
  db: Database,
  serviceId: number,
  now: Date,
  today: string,
): Promise<WaitEstimate> {
  const since = new Date(now.getTime() - ESTIMATE_WINDOW_DAYS * DAY_MS);
  const hours = (column: 'claimed_at' | 'delivered_at') =>
    sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (${sql.ref(
      column,
    )} - created_at)) / 3600.0) filter (where ${sql.ref(column)} is not null)`;
  const history = await db
    .selectFrom('requests')
    .select((eb) => [
      eb.fn.countAll<number>().as('asked'),
      eb.fn.count<number>('claimed_at').as('claimed'),
      eb.fn.count<number>('delivered_at').as('delivered'),
      hours('claimed_at').as('claim_hours'),
      hours('delivered_at').as('deliver_hours'),
    ])
    .where('service_id', '=', serviceId)
    .where('created_at', '>=', since)
    .where('created_at', '<=', now)
    .executeTakeFirstOrThrow();
  const team = await db
    .selectFrom('member_skills')
    .innerJoin('members', 'members.slack_user_id', 'member_skills.member_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_skills.service_id', '=', serviceId)
    .where('members.active', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('away_periods')
            .select('away_periods.user_id')
            .whereRef('away_periods.user_id', '=', 'members.slack_user_id')
            .where('away_periods.first_day', '<=', today)
            .where('away_periods.last_day', '>=', today),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  const enough = (n: number, value: number | null) =>
    Number(n) >= MIN_HISTORY && value !== null ? Number(value) : null;
  return {
    asked: Number(history.asked),
    claimHours: enough(history.claimed, history.claim_hours),
    deliverHours: enough(history.delivered, history.deliver_hours),
    available: Number(team.n),
  };
}

/** "about 5 hours", "about 3 days": a duration as people say it, never falsely precise. */
export function describeHours(hours: number, tr: Translator = EN): string {
  const t = tr.of(requestsText);
  if (hours < 1) return t('duration', { unit: 'under', n: 0 });
  if (hours < 36) return t('duration', { unit: 'hours', n: Math.round(hours) });
  const days = Math.round(hours / 24);
  if (days < 14) return t('duration', { unit: 'days', n: days });
  return t('duration', { unit: 'weeks', n: Math.round(days / 7) });
}

/** The estimate in one or two plain sentences (mrkdwn-safe: no user text in it). */
export function describeEstimate(e: WaitEstimate, tr: Translator = EN): string {
  const t = tr.of(requestsText);
  const people = e.available === 0 ? t('nobodyWithSkill') : t('availableMembers', { count: e.available });
  if (e.claimHours === null && e.deliverHours === null)
    return t('noHistory', { min: MIN_HISTORY, days: ESTIMATE_WINDOW_DAYS, people });
  const steps =
    e.claimHours !== null && e.deliverHours !== null
      ? t('bothMedians', {
          claim: describeHours(e.claimHours, tr),
          deliver: describeHours(e.deliverHours, tr),
        })
      : e.claimHours !== null
        ? t('claimMedian', { claim: describeHours(e.claimHours, tr) })
        : t('deliverMedian', { deliver: describeHours(e.deliverHours ?? 0, tr) });
  return t('typicalWait', { days: ESTIMATE_WINDOW_DAYS, steps, people });
}
