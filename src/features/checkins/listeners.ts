import { z } from 'zod';
import { INT4_MAX, rowId } from '../../lib/input';
import { postedMessage } from '../../outbox/enqueue';
import { action, type Feature, redrawMessage, STALE_CLICK, view } from '../../slack/kit';
import {
  renderCheckinDetailsModal,
  renderCheckinThanks,
  renderFollowupModal,
  renderFollowupThanks,
} from './blocks';
import { CHECKIN_IDS, CHECKIN_RATE_ACTION_RE } from './ids';
import {
  checkinDedupe,
  detailsFormSchema,
  followupFormSchema,
  loadSubject,
  openFollowup,
  recordDetails,
  recordFollowup,
  recordRating,
} from './service';

/**
 * Check-ins in Slack: 1–5 on the DM (or on Home), the optional "tell us more" modal, and the
 * later "did it change anything?". Only the person asked can answer, once; the DMs updated are
 * the ones the app sent that person (stored on the check-in and in the outbox).
 */

const NOT_FOR_YOU = 'This check-in is not for you, so nothing was saved.';

/** "checkinId:rating", as the view puts it on each button. */
const rateValue = z
  .string()
  .regex(/^\d{1,10}:[1-5]$/)
  .transform((v) => {
    const [checkinId, rating] = v.split(':').map(Number) as [number, number];
    return { checkinId, rating };
  })
  .refine((v) => v.checkinId >= 1 && v.checkinId <= INT4_MAX);

const rate = action({
  id: CHECKIN_RATE_ACTION_RE,
  value: rateValue,
  run: async ({ deps, client, userId, actionId, value, triggerId, tell }) => {
    // The button's own id names the rating too; a value that disagrees was never sent by us.
    if (actionId !== `${CHECKIN_IDS.ratePrefix}${value.rating}`) return tell(STALE_CLICK);
    const outcome = await recordRating(deps, { ...value, userId, now: deps.clock.now() });
    if (outcome.status !== 'recorded') {
      const text =
        outcome.status === 'already'
          ? `You already answered this check-in (recorded ${outcome.rating}/5). Thanks — nothing changed.`
          : outcome.status === 'closed'
            ? 'This check-in has closed. Thanks all the same.'
            : 'This check-in is not for you.';
      // From Home there is no response_url: the note goes on top of the re-published tab.
      return tell(text);
    }
    // The trigger lasts 3 s: the modal first, then the message update. The modal is optional:
    // if Slack refuses it (an expired trigger), the rating still stands and the DM must still
    // lose its buttons.
    await client.views
      .open({
        trigger_id: triggerId,
        view: renderCheckinDetailsModal(outcome.subject, outcome.rating, {
          offerFollowup: outcome.offerFollowup,
          followupAfterDays: deps.config.checkins.followupAfterDays,
        }),
      })
      .catch((err: Error) =>
        deps.logger.warn(
          { err, checkinId: outcome.subject.checkinId },
          'could not open the check-in details modal',
        ),
      );
    const thanks = renderCheckinThanks(outcome.subject, outcome.rating);
    // The question and its reminder (if one was sent) both lose their buttons.
    const stored = await loadSubject(deps.db, value.checkinId);
    const reminder = await postedMessage(deps.db, checkinDedupe(value.checkinId, 'remind'));
    const targets = [
      stored?.messageChannel && stored.messageTs
        ? { channel: stored.messageChannel, ts: stored.messageTs }
        : undefined,
      reminder,
    ];
    for (const target of targets) {
      if (target) await redrawMessage(deps, client, target, thanks);
    }
    await deps.surfaces.refreshHome(client, userId, { notice: thanks.text });
  },
});

/** "Tell us" on a follow-up DM: opens the outcome-tags modal while the question is open. */
const followupOpen = action({
  id: CHECKIN_IDS.followupOpen,
  value: rowId,
  run: async ({ deps, client, userId, value: checkinId, triggerId, tell }) => {
    const open = await openFollowup(deps.db, { checkinId, userId });
    if (open.status !== 'open') {
      return tell(
        open.status === 'already'
          ? 'You already answered this follow-up. Thanks — nothing changed.'
          : open.status === 'closed'
            ? 'This follow-up has closed. Thanks all the same.'
            : 'This follow-up is not for you.',
      );
    }
    await client.views.open({ trigger_id: triggerId, view: renderFollowupModal(open.subject) });
  },
});

const checkinMeta = z.object({ c: rowId });

/** The optional "tell us more" modal after a rating: comments and the follow-up agreement. */
const details = view({
  callbackId: CHECKIN_IDS.detailsView,
  metadata: checkinMeta,
  fields: {
    whatChanged: CHECKIN_IDS.whatChangedBlock,
    couldBeBetter: CHECKIN_IDS.couldBeBetterBlock,
    followup: CHECKIN_IDS.followupBlock,
  },
  schema: () => detailsFormSchema,
  submit: async (s) => {
    const saved = await recordDetails(s.deps.db, {
      checkinId: s.metadata.c,
      userId: s.userId,
      whatChanged: s.values.whatChanged,
      couldBeBetter: s.values.couldBeBetter,
      followupAgreed: s.values.followup,
    });
    if (!saved) return { errors: { [CHECKIN_IDS.whatChangedBlock]: NOT_FOR_YOU } };
    return undefined;
  },
});

/** "Did it change anything?": outcome tags stored once, the DM updated in place. */
const followup = view({
  callbackId: CHECKIN_IDS.followupView,
  metadata: checkinMeta,
  fields: {
    realised: CHECKIN_IDS.realisedBlock,
    tags: CHECKIN_IDS.outcomeBlock,
    note: CHECKIN_IDS.outcomeNoteBlock,
  },
  schema: () => followupFormSchema,
  submit: async (s) => {
    const { deps } = s;
    const outcome = await recordFollowup(deps.db, {
      checkinId: s.metadata.c,
      userId: s.userId,
      realised: s.values.realised,
      tags: s.values.tags,
      note: s.values.note,
      now: deps.clock.now(),
    });
    if (outcome.status === 'not_found') return { errors: { [CHECKIN_IDS.realisedBlock]: NOT_FOR_YOU } };
    if (outcome.status === 'closed')
      return { errors: { [CHECKIN_IDS.realisedBlock]: 'This follow-up has closed. Thanks all the same.' } };
    if (outcome.status === 'recorded') {
      s.later(async () => {
        const stored = await loadSubject(deps.db, s.metadata.c);
        if (!stored?.messageChannel || !stored.messageTs) return;
        const thanks = renderFollowupThanks(outcome.subject, outcome.tags, outcome.realised);
        await redrawMessage(deps, s.client, { channel: stored.messageChannel, ts: stored.messageTs }, thanks);
      });
    }
    return undefined;
  },
});

export const checkinsFeature: Feature = {
  name: 'checkins',
  actions: [rate, followupOpen],
  views: [details, followup],
};
