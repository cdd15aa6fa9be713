import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { registerCoachingButtons } from './coaching-buttons';
import { registerAnnounceOptIn } from './invite-announce-optin';
import { registerInviteOptOutTopic } from './invite-optout-topic';
import { registerInvitePause } from './invite-pause';
import { registerRsvpDecline } from './rsvp-decline';
import { registerRsvpGoing } from './rsvp-going';
import { registerTopicButtons } from './topic-buttons';

/** Buttons of the invitation feature: the invitation DM, announcements, coaching, topics. */
export function registerInvitationActions(app: App, deps: Deps): void {
  registerRsvpGoing(app, deps);
  registerRsvpDecline(app, deps);
  registerInvitePause(app, deps);
  registerInviteOptOutTopic(app, deps);
  registerAnnounceOptIn(app, deps);
  registerCoachingButtons(app, deps);
  registerTopicButtons(app, deps);
}
