import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { localDate } from '../../../services/calendar';
import { computeAudience, draftSchema, saveDraft, topicNames } from '../../../services/invitations';
import { isMember } from '../../../services/people';
import { listTopics } from '../../../services/topics';
import { renderConfirmModal } from '../../../views/invitations';
import { INVITE_IDS } from '../../ids';
import { StateValues } from '../state-values';

/**
 * /pmo invite, first submit: validate, then show the audience preview (after consent, pauses
 * and caps) in the same modal. Nothing is sent until the member confirms.
 */
export function registerInviteComposeSubmit(app: App, deps: Deps): void {
  app.view(INVITE_IDS.composeModal, async ({ ack, body, view }) => {
    const { db, clock, config } = deps;
    if (!(await isMember(db, config, body.user.id))) {
      await ack({
        response_action: 'errors',
        errors: { [INVITE_IDS.title]: 'Only PMO members can send invitations.' },
      });
      return;
    }
    const v = new StateValues(view.state.values);
    const today = localDate(clock.now(), config.pmo.timezone);
    const errors: Record<string, string> = {};
    const active = new Set((await listTopics(db)).map((t) => t.id));
    const topicIds = v
      .options(INVITE_IDS.topics)
      .map(Number)
      .filter((id) => active.has(id));
    if (topicIds.length === 0) errors[INVITE_IDS.topics] = 'Choose at least one topic.';
    const eventDate = v.date(INVITE_IDS.date);
    if (eventDate && eventDate < today) errors[INVITE_IDS.date] = 'This date is in the past.';
    const rsvpDeadline = v.date(INVITE_IDS.deadline);
    if (rsvpDeadline && rsvpDeadline < today) errors[INVITE_IDS.deadline] = 'This date is in the past.';
    else if (rsvpDeadline && eventDate && rsvpDeadline > eventDate)
      errors[INVITE_IDS.deadline] = 'RSVPs should close on or before the date.';
    const seatsText = v.text(INVITE_IDS.seats);
    const seats = seatsText === null ? null : Number(seatsText);
    if (seats !== null && !(Number.isInteger(seats) && seats > 0 && seats <= 100_000))
      errors[INVITE_IDS.seats] = 'Seats must be a whole number above zero.';
    const link = v.text(INVITE_IDS.link);
    if (link && !/^https?:\/\/\S+$/i.test(link)) errors[INVITE_IDS.link] = 'A link starts with https://';
    const mode = v.option(INVITE_IDS.mode) === 'channel' ? 'channel' : 'dm';
    const channel = v.channel(INVITE_IDS.channel);
    if (mode === 'channel' && !channel) errors[INVITE_IDS.channel] = 'Choose the channel to announce in.';
    if (Object.keys(errors).length) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const draft = draftSchema.parse({
      title: v.text(INVITE_IDS.title) ?? '',
      message: v.text(INVITE_IDS.message) ?? '',
      topicIds,
      eventDate,
      link,
      seats,
      rsvpDeadline,
      mode,
      channel: mode === 'channel' ? channel : null,
    });
    const { audience } = await computeAudience(db, topicIds, clock.now(), config.pmo.timezone);
    const draftId = await saveDraft(db, body.user.id, draft);
    await ack({
      response_action: 'update',
      view: renderConfirmModal(draft, await topicNames(db, topicIds), audience, draftId),
    });
  });
}
