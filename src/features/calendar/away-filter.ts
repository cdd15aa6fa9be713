import { type ExpressionBuilder, sql } from 'kysely';

/**
 * "Not away on `day`", as a WHERE condition on a column holding a Slack user id: the one
 * filter routing (suggestions), coaching (matching) and the nudge job share.
 */
export const notAway =
  (userColumn: string, day: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: any table that has a user id column
  (_eb: ExpressionBuilder<any, any>) =>
    sql<boolean>`not exists (select 1 from away_periods ap where ap.user_id = ${sql.ref(userColumn)}
      and ap.first_day <= ${day} and ap.last_day >= ${day})`;
