import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { rowId } from '../../lib/input';
import { postedMessage } from '../../outbox/enqueue';
import { action, type Feature, redrawMessage, view } from '../../slack/kit';
import { renderCoachingRequested, renderCoachProposalResolved } from './blocks';
import { COACHING_IDS } from './ids';
import {
  acceptCoaching,
  activeServices,
  coachingFormSchema,
  endCoaching,
  introKey,
  loadEngagementView,
  type ProposalOutcome,
  passCoaching,
  proposalKey,
  requestCoaching,
} from './service';

/**
 * Coaching in Slack: `/pmo coaching`'s form, the coach's Accept / Pass, and either side's End.
 * Each works once, only for the people of the engagement, and only ever updates the messages
 * the app sent them (found by their outbox key), never one a payload names.
 */

const NOT_YOURS = 'This coaching request was not sent to you, so nothing changed.';
const ENDED_TEXT = 'This coaching engagement has ended. Thank you both.';

async function updatePosted(
  deps: Deps,
  client: WebClient,
  key: string,
  message: { text: string; blocks: unknown[] },
): Promise<void> {
  const posted = await postedMessage(deps.db, key);
  if (posted) await redrawMessage(deps, client, posted, message);
}

type Answer = (deps: Deps, id: number, coachId: string, now: Date) => Promise<ProposalOutcome>;

const proposalAnswer = (actionId: string, answer: Answer) =>
  action({
    id: actionId,
    value: rowId,
    run: async ({ deps, client, userId, value: id, tell }) => {
      const outcome = await answer(deps, id, userId, deps.clock.now());
      if (outcome === 'not_yours') return tell(NOT_YOURS);
      const engagement = await loadEngagementView(deps.db, id);
      if (!engagement) return;
      if (outcome !== 'closed')
        await deps.surfaces.refreshHomes(client, [engagement.coacheeId, engagement.coachId]);
      await updatePosted(
        deps,
        client,
        proposalKey(id, userId),
        renderCoachProposalResolved(engagement, outcome),
      );
    },
  });

const end = action({
  id: COACHING_IDS.end,
  value: rowId,
  run: async ({ deps, client, userId, value: id, tell, place }) => {
    const outcome = await endCoaching(deps, id, userId, deps.clock.now());
    if (outcome === 'not_yours')
      return tell('Only the coach or the person being coached can end this engagement.');
    // On Home the clicker's note comes with the Home refresh below.
    if (place.kind === 'home' || outcome === 'not_open')
      await tell(outcome === 'ended' ? ENDED_TEXT : 'This coaching engagement had already ended.');
    if (outcome !== 'ended') return;
    const ended = await loadEngagementView(deps.db, id);
    if (!ended) return;
    const others = [ended.coacheeId, ended.coachId].filter((u) => place.kind !== 'home' || u !== userId);
    await deps.surfaces.refreshHomes(client, others);
    // The buttons go from the introduction and the coach's accepted proposal; both are told by DM.
    const gone = {
      text: ENDED_TEXT,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ENDED_TEXT } }],
    };
    await updatePosted(deps, client, introKey(id), gone);
    if (ended.coachId) await updatePosted(deps, client, proposalKey(id, ended.coachId), gone);
  },
});

const requestForm = view({
  callbackId: COACHING_IDS.modal,
  fields: { serviceIds: COACHING_IDS.focus, goals: COACHING_IDS.goals, cadence: COACHING_IDS.cadence },
  schema: async ({ deps }) => coachingFormSchema((await activeServices(deps.db)).map((s) => s.id)),
  submit: async (s) => {
    const { deps } = s;
    const outcome = await requestCoaching(deps, { coacheeId: s.userId, ...s.values }, deps.clock.now());
    s.later(() => deps.surfaces.refreshHome(s.client, s.userId));
    return { update: renderCoachingRequested(outcome.kind !== 'unmatched') };
  },
});

export const coachingFeature: Feature = {
  name: 'coaching',
  actions: [
    proposalAnswer(COACHING_IDS.accept, acceptCoaching),
    proposalAnswer(COACHING_IDS.pass, passCoaching),
    end,
  ],
  views: [requestForm],
};
