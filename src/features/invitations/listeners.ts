import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { action, type Feature, parseForm, redrawMessage, view } from '../../slack/kit';
import { listTopics } from '../consent';
import {
  renderAnnouncementOptIn,
  renderConfirmModal,
  renderDraftGoneModal,
  renderSendFailedModal,
  renderSendingModal,
  renderSentModal,
} from './blocks';
import { optOutFromInvitation, pauseFromInvitation, renderDmNow } from './delivery';
import { INVITE_IDS, RSVP_IDS } from './ids';
import { invitationsText } from './messages';
import { rsvpDecline, rsvpGoing } from './rsvp';
import {
  composeSchema,
  computeAudience,
  currentSummary,
  loadDraft,
  optInFromAnnouncement,
  saveDraft,
  sendInvitation,
  topicNames,
} from './service';

/**
 * Invitations in Slack: `/pmo invite` (compose → audience preview → confirm), the invitation
 * DM's buttons, and "Opt me in" on an open announcement. A DM is only ever redrawn where the
 * database says the app posted it for the person who clicked.
 */

// The kit answers a refusal before a translator exists: it stays the catalogue's English.
const MEMBERS_ONLY = invitationsText.messages.en.membersOnly;

/** The translator of the person a click, a form or a redrawn DM is for. */
const translatorOf = async (deps: Deps, client: WebClient, userId: string): Promise<Translator> =>
  translatorFor(await deps.languages.of(client, userId));

/** "Not invited", in the clicker's language. */
const notInvited = async (deps: Deps, client: WebClient, userId: string) =>
  (await translatorOf(deps, client, userId)).t(invitationsText, 'notInvited');

/**
 * Redraws the invitation DM the app posted to `userId` (never a message a payload names), in
 * `userId`'s language: the person promoted from the waitlist may speak another than the clicker.
 */
async function redrawDm(deps: Deps, client: WebClient, invitationId: number, userId: string): Promise<void> {
  const posted = await deps.db
    .selectFrom('invitation_recipients')
    .select(['message_channel', 'message_ts'])
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!posted?.message_channel || !posted.message_ts) return;
  const [tz, tr] = await Promise.all([
    deps.people.timeZone(client, userId),
    translatorOf(deps, client, userId),
  ]);
  const payload = await renderDmNow(deps.db, invitationId, userId, deps.clock.now(), tz, tr);
  if (!payload) return;
  await redrawMessage(deps, client, { channel: posted.message_channel, ts: posted.message_ts }, payload);
}

/** The PMO channel's summary, in the PMO's language. */
async function redrawSummary(deps: Deps, client: WebClient, invitationId: number): Promise<void> {
  const summary = await currentSummary(deps.db, invitationId, translatorFor(deps.languages.pmo()));
  // Not posted yet: the sender renders it with the counts of the moment it posts.
  if (!summary) return;
  await redrawMessage(deps, client, summary, summary.payload);
}

/** "I'm in": a seat if there is one, else the waitlist. Works once. */
const going = action({
  id: RSVP_IDS.going,
  value: rowId,
  run: async ({ deps, client, userId, value: id, tell }) => {
    const tz = await deps.people.timeZone(client, userId);
    const outcome = await rsvpGoing(deps.db, id, userId, deps.clock.now(), tz);
    if (outcome === 'not_invited') return tell(await notInvited(deps, client, userId));
    await redrawDm(deps, client, id, userId);
    if (outcome === 'going' || outcome === 'waitlist') await redrawSummary(deps, client, id);
  },
});

/** "Not this time" (or stepping back later): frees a seat for the first on the waitlist. */
const decline = action({
  id: RSVP_IDS.decline,
  value: rowId,
  run: async ({ deps, client, userId, value: id, tell }) => {
    const result = await rsvpDecline(deps, id, userId, deps.clock.now());
    if (result.outcome === 'not_invited') return tell(await notInvited(deps, client, userId));
    await redrawDm(deps, client, id, userId);
    if (result.outcome !== 'declined') return;
    if (result.promoted) await redrawDm(deps, client, id, result.promoted.userId);
    await redrawSummary(deps, client, id);
  },
});

/** "Pause 4 weeks": applies at once to every invitation not yet delivered, queued ones too. */
const pause = action({
  id: INVITE_IDS.pause,
  value: rowId,
  run: async ({ deps, client, userId, value: id, tell }) => {
    const tz = await deps.people.timeZone(client, userId);
    const result = await pauseFromInvitation(deps.db, id, userId, deps.clock.now(), tz);
    if (!result) return tell(await notInvited(deps, client, userId));
    await redrawDm(deps, client, id, userId);
    await deps.surfaces.refreshHome(client, userId);
  },
});

/** "Opt out of this topic": one click, applies at once, including to queued invitations. */
const optOutTopic = action({
  id: INVITE_IDS.optOutTopic,
  value: rowId,
  run: async ({ deps, client, userId, value: id, tell }) => {
    const result = await optOutFromInvitation(deps, id, userId, deps.clock.now());
    if (!result) return tell(await notInvited(deps, client, userId));
    await redrawDm(deps, client, id, userId);
    await deps.surfaces.refreshHome(client, userId);
  },
});

/** "Opt me in" on an open announcement: the clicker, and only the clicker, is opted in. */
const announceOptIn = action({
  id: INVITE_IDS.announceOptIn,
  value: rowId,
  run: async ({ deps, client, userId, value: id, tell, respond }) => {
    const [result, tr] = await Promise.all([
      optInFromAnnouncement(deps.db, id, userId, deps.clock.now()),
      translatorOf(deps, client, userId),
    ]);
    if (!result) return tell(tr.t(invitationsText, 'announcementClosed'));
    const answer = renderAnnouncementOptIn(tr, result, deps.config.pmo.command);
    if (respond) await respond({ response_type: 'ephemeral', replace_original: false, ...answer });
    else await tell(answer.text);
    if (result.changed.length) {
      await redrawSummary(deps, client, id);
      await deps.surfaces.refreshHome(client, userId);
    }
  },
});

const COMPOSE_FIELDS = {
  title: INVITE_IDS.title,
  message: INVITE_IDS.message,
  topicIds: INVITE_IDS.topics,
  eventDate: INVITE_IDS.date,
  link: INVITE_IDS.link,
  seats: INVITE_IDS.seats,
  rsvpDeadline: INVITE_IDS.deadline,
  mode: INVITE_IDS.mode,
  channel: INVITE_IDS.channel,
};

/**
 * /pmo invite, first submit: validate (parsed here rather than by the kit, so the field errors
 * are in the member's language), then show the audience preview (after consent, pauses and
 * caps) in the same modal. Nothing is sent until the member confirms.
 */
const compose = view({
  callbackId: INVITE_IDS.composeModal,
  audience: 'members',
  refusal: MEMBERS_ONLY,
  submit: async (s) => {
    const { db, clock, config } = s.deps;
    const [tr, topics] = await Promise.all([translatorOf(s.deps, s.client, s.userId), listTopics(db)]);
    const schema = composeSchema(
      localDate(clock.now(), config.pmo.timezone),
      topics.map((t) => t.id),
      tr,
    );
    const form = parseForm(s.body.view, COMPOSE_FIELDS, schema);
    if (!form.ok) return { errors: form.errors };
    const draft = form.values;
    const { audience } = await computeAudience(db, draft.topicIds, clock.now(), config.pmo.timezone);
    const draftId = await saveDraft(db, s.userId, draft);
    return {
      update: renderConfirmModal(draft, await topicNames(db, draft.topicIds), audience, draftId, tr),
    };
  },
});

/**
 * /pmo invite, confirmed: one transaction writes the invitation, one outbox row per person and
 * the PMO summary. The draft is the submission key, so a double submit — or the same draft
 * confirmed again from another view — sends nothing twice.
 */
const confirm = view({
  callbackId: INVITE_IDS.confirmModal,
  audience: 'members',
  refusal: MEMBERS_ONLY,
  metadata: z.object({ draftId: rowId }),
  submit: async (s) => {
    const { db, clock, logger } = s.deps;
    const [draft, tr] = await Promise.all([
      loadDraft(db, s.metadata.draftId, s.userId),
      translatorOf(s.deps, s.client, s.userId),
    ]);
    if (!draft) {
      logger.warn({ user: s.userId }, 'invitation confirmation without a usable draft');
      return { update: renderDraftGoneModal(tr) };
    }
    // A large audience takes a moment to write; Slack wants the answer within 3 s, so the
    // modal says "sending" first and is updated once the invitation is safely stored.
    s.later(async () => {
      let outcome: ModalView;
      try {
        const result = await sendInvitation(
          s.deps,
          { draft, submissionKey: `draft:${s.metadata.draftId}`, createdBy: s.userId },
          clock.now(),
        );
        outcome = renderSentModal(tr, draft.mode, result.queued, draft.channel);
      } catch (err) {
        logger.error({ err, user: s.userId }, 'sending an invitation failed');
        outcome = renderSendFailedModal(tr);
      }
      // The person may have closed the modal meanwhile: the invitation stands either way.
      await s.client.views
        .update({ view_id: s.viewId, view: outcome })
        .catch((err: Error) => logger.warn({ err }, 'could not show the invitation’s outcome in its modal'));
    });
    return { update: renderSendingModal(tr) };
  },
});

export const invitationsFeature: Feature = {
  name: 'invitations',
  actions: [going, decline, pause, optOutTopic, announceOptIn],
  views: [compose, confirm],
};
