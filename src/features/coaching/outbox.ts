import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { type Language, translatorFor } from '../../i18n';
import type { BeforeSendResult, OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { openConversation } from '../../slack/kit/conversations';
import {
  renderCoachingEnded,
  renderCoachingIntro,
  renderCoachingUnmatched,
  renderCoachProposal,
} from './blocks';
import { loadEngagementView } from './end';
import { introParticipants, recordIntroChannel } from './service';

/** `coaching.<id>.intro` → id */
function engagementIdOf(dedupeKey: string): number | undefined {
  const m = /^coaching\.(\d+)\./.exec(dedupeKey);
  return m ? Number(m[1]) : undefined;
}

/** `coaching.<id>.ended.<user>` / `coaching.<id>.proposal.<coach>` → the person it is for. */
function recipientOf(dedupeKey: string): string | undefined {
  return /^coaching\.\d+\.(?:ended|proposal)\.(.+)$/.exec(dedupeKey)?.[1];
}

/**
 * What the outbox does with coaching messages. Each is rendered again at send time in the
 * language of the person it goes to (it was enqueued, inside the change's transaction, in
 * English). The introduction goes to a group DM of coach and coachee, opened by the sender (the
 * interactive path stays fast), and only while the engagement is active: it is written in their
 * language when they share one, in the PMO's otherwise.
 */
export function coachingOutboxHooks(
  deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'languages'>>,
  client: WebClient,
): Record<KindsOf<'coaching'>, OutboxHooks> {
  const { db } = deps;
  const languageOf = async (userId: string): Promise<Language> => {
    try {
      return deps.languages ? await deps.languages.of(client, userId) : 'en';
    } catch {
      return deps.languages?.pmo() ?? 'en';
    }
  };
  const rendered = (payload: { text: string; blocks: unknown[] } | undefined): BeforeSendResult =>
    payload ? { payload: payload as never } : undefined;
  return {
    'coaching.intro': {
      beforeSend: async (row) => {
        const id = engagementIdOf(row.dedupe_key);
        const e = id ? await introParticipants(db, id) : undefined;
        if (!id || !e) return { skip: 'engagement_not_active' };
        const [coach, coachee] = await Promise.all([languageOf(e.coachId), languageOf(e.coacheeId)]);
        const language = coach === coachee ? coach : (deps.languages?.pmo() ?? 'en');
        const view = await loadEngagementView(db, id);
        return {
          channel: await openConversation(client, [e.coachId, e.coacheeId]),
          ...(view ? { payload: renderCoachingIntro(translatorFor(language), view) as never } : {}),
        };
      },
      recordSent: async (trx, row, posted) => {
        const id = engagementIdOf(row.dedupe_key);
        if (id) await recordIntroChannel(trx, id, posted.channel);
      },
    },
    'coaching.proposal': {
      beforeSend: async (row) => {
        const id = engagementIdOf(row.dedupe_key);
        const coach = recipientOf(row.dedupe_key) ?? row.channel;
        const view = id ? await loadEngagementView(db, id) : undefined;
        return rendered(view && renderCoachProposal(translatorFor(await languageOf(coach)), view));
      },
    },
    'coaching.unmatched': {
      beforeSend: async (row) =>
        rendered(renderCoachingUnmatched(translatorFor(await languageOf(row.channel)))),
    },
    'coaching.ended': {
      beforeSend: async (row) => {
        const id = engagementIdOf(row.dedupe_key);
        const user = recipientOf(row.dedupe_key) ?? row.channel;
        if (!id) return undefined;
        const [view, ended] = await Promise.all([
          loadEngagementView(db, id),
          db
            .selectFrom('coaching_engagements')
            .select(['ended_by', 'end_reason'])
            .where('id', '=', id)
            .executeTakeFirst(),
        ]);
        if (!view || !ended?.ended_by || (ended.end_reason !== 'opted_out' && ended.end_reason !== 'ended'))
          return undefined;
        const tr = translatorFor(await languageOf(user));
        return rendered(renderCoachingEnded(tr, view, user, ended.end_reason, ended.ended_by));
      },
    },
  };
}
