import { defineFeature } from '../../feature';
import { inviteCommand } from './commands';
import { invitationsFeature } from './listeners';
import { invitationsText } from './messages';
import { invitationOutboxHooks } from './outbox';

/** Invitations to sessions, sent only to people opted in to the topic, with RSVP and waitlist. */
export const invitations = defineFeature(() => ({
  ...invitationsFeature,
  subcommands: [inviteCommand],
  catalogues: [invitationsText],
  outbox: invitationOutboxHooks,
}));

// What other features may use.
// Who may be told of something by a topic they opted in to: the library's news reuses the rule.
export { computeAudience } from './audience';
export { eligibility } from './eligibility';
export { capStanding } from './standing';
