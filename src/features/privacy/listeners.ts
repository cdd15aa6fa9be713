import { z } from 'zod';
import { translatorFor } from '../../i18n';
import { slackUserId } from '../../lib/input';
import { type Feature, view } from '../../slack/kit';
import { renderErasedModal } from './blocks';
import { erasePerson } from './erase';
import { PRIVACY_IDS } from './ids';
import { privacyText } from './messages';

/** The confirmation modals of forget-me and a lead's erase: the submission is the consent. */
export const privacyFeature: Feature = {
  name: 'privacy',
  views: [
    view({
      callbackId: PRIVACY_IDS.forgetMeModal,
      audience: 'everyone',
      // Who is erased is the submitter, never a value of the payload.
      submit: async (s) => {
        // Their language is looked up before the erasure forgets it.
        const tr = translatorFor(await s.deps.languages.of(s.client, s.userId));
        await erasePerson(s.deps, { userId: s.userId, reason: 'self' });
        return { update: renderErasedModal(tr, true) };
      },
    }),
    view({
      callbackId: PRIVACY_IDS.eraseModal,
      audience: 'leads',
      // The kit's refusal is one fixed text (English) until routes can be given a translator.
      refusal: translatorFor('en').t(privacyText, 'eraseRefusal'),
      metadata: z.object({ userId: slackUserId }),
      submit: async (s) => {
        const tr = translatorFor(await s.deps.languages.of(s.client, s.userId));
        await erasePerson(s.deps, { userId: s.metadata.userId, reason: 'lead', requestedBy: s.userId });
        return { update: renderErasedModal(tr, false) };
      },
    }),
  ],
};
