-- Range indexes for the leads' digest, which reads a 7-day window of each kind of event:
-- claims (median time to claim) and invitation deliveries (invitations sent, RSVP rate).

CREATE INDEX requests_claimed_idx ON requests (claimed_at) WHERE claimed_at IS NOT NULL;
CREATE INDEX invitation_recipients_delivered_idx ON invitation_recipients (delivered_at)
  WHERE delivery = 'delivered';
