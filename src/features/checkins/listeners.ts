import { z } from 'zod';
import { translatorFor } from '../../i18n';
import { INT4_MAX, rowId } from '../../lib/input';
import { postedMessage } from '../../outbox/enqueue';
import { action, type Feature, redrawMessage, STALE_CLICK, view } from '../../slack/kit';
import { parseForm } from '../../slack/kit/form';
import {
  renderCheckinDetailsModal,
  renderCheckinThanks,
  renderFollowupModal,
  renderFollowupThanks,
} from './blocks';
import { CHECKIN_IDS, CHECKIN_RATE_ACTION_RE } from './ids';
import { checkinsText } from './messages';
import {
  checkinDedupe,
  detailsForm,
  followupForm,
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
    // The clicker's language is asked while the rating is recorded: the trigger lasts 3 s.
    const [outcome, language] = await Promise.all([
      recordRating(deps, { ...value, userId, now: deps.clock.now() }, (id) => deps.languages.of(client, id)),
      deps.languages.of(client, userId),
    ]);
    const tr = translatorFor(language);
    const t = tr.of(checkinsText);
    if (outcome.status !== 'recorded') {
      const text =
        outcome.status === 'already'
          ? outcome.rating === null
            ? t('alreadyAnswered')
            : t('alreadyRated', { rating: outcome.rating })
          : outcome.status === 'closed'
            ? t('checkinClosed')
            : t('checkinNotForYou');
      // From Home there is no response_url: the note goes on top of the re-published tab.
      return tell(text);
    }
    // The trigger lasts 3 s: the modal first, then the message update. The modal is optional:
    // if Slack refuses it (an expired trigger), the rating still stands and the DM must still
    // lose its buttons.
    await client.views
      .open({
        trigger_id: triggerId,
        view: renderCheckinDetailsModal(
          outcome.subject,
          outcome.rating,
          {
            offerFollowup: outcome.offerFollowup,
            followupAfterDays: deps.config.checkins.followupAfterDays,
          },
          tr,
        ),
      })
      .catch((err: Error) =>
        deps.logger.warn(
          { err, checkinId: outcome.subject.checkinId },
          'could not open the check-in details modal',
        ),
      );
    const thanks = renderCheckinThanks(outcome.subject, outcome.rating, tr);
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
    const [open, language] = await Promise.all([
      openFollowup(deps.db, { checkinId, userId }),
      deps.languages.of(client, userId),
    ]);
    const tr = translatorFor(language);
    const t = tr.of(checkinsText);
    if (open.status !== 'open') {
      return tell(
        open.status === 'already'
          ? t('followupAlready')
          : open.status === 'closed'
            ? t('followupClosed')
            : t('followupNotForYou'),
      );
    }
    await client.views.open({ trigger_id: triggerId, view: renderFollowupModal(open.subject, tr) });
  },
});

const checkinMeta = z.object({ c: rowId });

const DETAILS_FIELDS = {
  whatChanged: CHECKIN_IDS.whatChangedBlock,
  couldBeBetter: CHECKIN_IDS.couldBeBetterBlock,
  followup: CHECKIN_IDS.followupBlock,
};
const FOLLOWUP_FIELDS = {
  realised: CHECKIN_IDS.realisedBlock,
  tags: CHECKIN_IDS.outcomeBlock,
  note: CHECKIN_IDS.outcomeNoteBlock,
};

/*
 * The two modals parse their fields in submit, not through the route's schema: the field
 * errors are written in the person's language, which takes the Slack client to know.
 */

/** The optional "tell us more" modal after a rating: comments and the follow-up agreement. */
const details = view({
  callbackId: CHECKIN_IDS.detailsView,
  metadata: checkinMeta,
  submit: async (s) => {
    const tr = translatorFor(await s.deps.languages.of(s.client, s.userId));
    const form = parseForm(s.body.view, DETAILS_FIELDS, detailsForm(tr));
    if (!form.ok) return { errors: form.errors };
    const saved = await recordDetails(s.deps.db, {
      checkinId: s.metadata.c,
      userId: s.userId,
      whatChanged: form.values.whatChanged,
      couldBeBetter: form.values.couldBeBetter,
      followupAgreed: form.values.followup,
    });
    if (!saved) return { errors: { [CHECKIN_IDS.whatChangedBlock]: tr.t(checkinsText, 'notForYouSaved') } };
    return undefined;
  },
});

/** "Did it change anything?": outcome tags stored once, the DM updated in place. */
const followup = view({
  callbackId: CHECKIN_IDS.followupView,
  metadata: checkinMeta,
  submit: async (s) => {
    const { deps } = s;
    const tr = translatorFor(await deps.languages.of(s.client, s.userId));
    const t = tr.of(checkinsText);
    const form = parseForm(s.body.view, FOLLOWUP_FIELDS, followupForm(tr));
    if (!form.ok) return { errors: form.errors };
    const outcome = await recordFollowup(deps.db, {
      checkinId: s.metadata.c,
      userId: s.userId,
      realised: form.values.realised,
      tags: form.values.tags,
      note: form.values.note,
      now: deps.clock.now(),
    });
    if (outcome.status === 'not_found')
      return { errors: { [CHECKIN_IDS.realisedBlock]: t('notForYouSaved') } };
    if (outcome.status === 'closed') return { errors: { [CHECKIN_IDS.realisedBlock]: t('followupClosed') } };
    if (outcome.status === 'recorded') {
      s.later(async () => {
        const stored = await loadSubject(deps.db, s.metadata.c);
        if (!stored?.messageChannel || !stored.messageTs) return;
        const thanks = renderFollowupThanks(outcome.subject, outcome.tags, outcome.realised, tr);
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
