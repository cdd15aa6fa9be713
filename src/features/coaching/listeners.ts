import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { rowId } from '../../lib/input';
import { postedMessage } from '../../outbox/enqueue';
import { action, type Feature, parseForm, redrawMessage, view } from '../../slack/kit';
import { renderCoachingGone, renderCoachingRequested, renderCoachProposalResolved } from './blocks';
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

import { coachingText } from './messages';

/** The translator of the person a click or a form is about: one per request. */
const translatorOf = async (deps: Deps, client: WebClient, userId: string) =>
  translatorFor(await deps.languages.of(client, userId));

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
      const tr = await translatorOf(deps, client, userId);
      if (outcome === 'not_yours') return tell(tr.t(coachingText, 'notYours'));
      const engagement = await loadEngagementView(deps.db, id);
      if (!engagement) return;
      if (outcome !== 'closed')
        await deps.surfaces.refreshHomes(client, [engagement.coacheeId, engagement.coachId]);
      await updatePosted(
        deps,
        client,
        proposalKey(id, userId),
        renderCoachProposalResolved(tr, engagement, outcome),
      );
    },
  });

const end = action({
  id: COACHING_IDS.end,
  value: rowId,
  run: async ({ deps, client, userId, value: id, tell, place }) => {
    const outcome = await endCoaching(deps, id, userId, deps.clock.now());
    const t = (await translatorOf(deps, client, userId)).of(coachingText);
    if (outcome === 'not_yours') return tell(t('endNotYours'));
    // On Home the clicker's note comes with the Home refresh below.
    if (place.kind === 'home' || outcome === 'not_open')
      await tell(outcome === 'ended' ? t('endedText') : t('alreadyEnded'));
    if (outcome !== 'ended') return;
    const ended = await loadEngagementView(deps.db, id);
    if (!ended) return;
    const others = [ended.coacheeId, ended.coachId].filter((u) => place.kind !== 'home' || u !== userId);
    await deps.surfaces.refreshHomes(client, others);
    // The buttons go from the introduction and the coach's accepted proposal; both are told by DM.
    // The introduction is shared: in the language both speak, or the PMO's.
    const [coachee, coach] = await Promise.all([
      deps.languages.of(client, ended.coacheeId),
      ended.coachId ? deps.languages.of(client, ended.coachId) : undefined,
    ]);
    const shared = !coach || coach === coachee ? coachee : deps.languages.pmo();
    await updatePosted(deps, client, introKey(id), renderCoachingGone(translatorFor(shared)));
    if (ended.coachId && coach)
      await updatePosted(
        deps,
        client,
        proposalKey(id, ended.coachId),
        renderCoachingGone(translatorFor(coach)),
      );
  },
});

const FORM_FIELDS = {
  serviceIds: COACHING_IDS.focus,
  goals: COACHING_IDS.goals,
  cadence: COACHING_IDS.cadence,
};

// The form is read on submit, where the person's language is known (the kit's schema step has
// no Slack client to ask it with), so its field errors are in their language.
const requestForm = view({
  callbackId: COACHING_IDS.modal,
  submit: async (s) => {
    const { deps, client, userId } = s;
    const tr = await translatorOf(deps, client, userId);
    const active = (await activeServices(deps.db)).map((x) => x.id);
    const form = parseForm(s.body.view, FORM_FIELDS, coachingFormSchema(active, tr));
    if (!form.ok) return { errors: form.errors };
    const outcome = await requestCoaching(deps, { coacheeId: userId, ...form.values }, deps.clock.now());
    s.later(() => deps.surfaces.refreshHome(client, userId));
    return { update: renderCoachingRequested(tr, outcome.kind !== 'unmatched') };
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
