-- Invitations, second step: cap reservations, drafts of invitations being previewed, and the
-- lookups the send-time consent check runs for every recipient.

-- Set when the send-time check lets an invitation through, before it is posted: a second
-- sender counting the same person's cap sees it, so two invitations cannot both slip under
-- a cap while each is in flight. Cleared when the delivery is skipped or fails.
ALTER TABLE invitation_recipients ADD COLUMN cap_reserved_at timestamptz;
CREATE INDEX invitation_recipients_cap_idx ON invitation_recipients (user_id, cap_reserved_at)
  WHERE cap_reserved_at IS NOT NULL;
CREATE INDEX invitation_recipients_waitlist_idx ON invitation_recipients (invitation_id, rsvp, rsvp_at);

-- What a member composed in /pmo invite, kept while they look at the audience preview
-- (a message can be longer than a modal's private_metadata allows).
CREATE TABLE invitation_drafts (
  id bigserial PRIMARY KEY,
  created_by text NOT NULL,
  draft jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Opt-ins that came from an open announcement, so its summary can count them.
CREATE INDEX consent_events_invitation_idx ON consent_events ((detail ->> 'invitation_id'))
  WHERE source = 'announcement_button';

-- "Is anyone still queued for this invitation?" runs after every delivery of a fan-out.
CREATE INDEX invitation_recipients_queued_idx ON invitation_recipients (invitation_id)
  WHERE delivery = 'queued';
