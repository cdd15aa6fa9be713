/**
 * Composing and sending invitations, as the rest of the feature (and the fan-out bench) calls it:
 * each part lives in the file named for what it holds.
 */
export {
  type AnnouncementOptIn,
  markAnnounced,
  optInFromAnnouncement,
  renderAnnouncementFailureNow,
  reportAnnouncementFailure,
} from './announcement';
export { computeAudience, type Recipient } from './audience';
export { composeSchema, draftSchema, loadDraft, saveDraft, topicNames } from './compose';
export { type SendResult, sendInvitation } from './fan-out';
export { InvitationViewCache, loadInvitationView } from './invitation-view';
export { currentSummary, recordSummaryPost, renderSummaryNow, summaryCounts } from './summary';
