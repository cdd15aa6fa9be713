import { z } from 'zod';
import { slackUserId } from '../../lib/input';
import { type Feature, view } from '../../slack/kit';
import { renderErasedModal } from './blocks';
import { erasePerson } from './erase';
import { PRIVACY_IDS } from './ids';

/** The confirmation modals of forget-me and a lead's erase: the submission is the consent. */
export const privacyFeature: Feature = {
  name: 'privacy',
  views: [
    view({
      callbackId: PRIVACY_IDS.forgetMeModal,
      audience: 'everyone',
      // Who is erased is the submitter, never a value of the payload.
      submit: async (s) => {
        await erasePerson(s.deps, { userId: s.userId, reason: 'self' });
        return { update: renderErasedModal(true) };
      },
    }),
    view({
      callbackId: PRIVACY_IDS.eraseModal,
      audience: 'leads',
      refusal: 'Only PMO leads can erase someone else. To erase your own data: `/pmo forget-me`.',
      metadata: z.object({ userId: slackUserId }),
      submit: async (s) => {
        await erasePerson(s.deps, { userId: s.metadata.userId, reason: 'lead', requestedBy: s.userId });
        return { update: renderErasedModal(false) };
      },
    }),
  ],
};
