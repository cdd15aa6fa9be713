import type { ModalView } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
import { mention } from '../../slack/kit/blocks';
import { PRIVACY_IDS } from './ids';
import { privacyText } from './messages';

/**
 * Pure Block Kit for the privacy feature: the two confirmation modals and their answers, in the
 * language of the person who opened them. The two confirmation modals are also opened by other
 * code and tests with their historical arguments: the translator comes last there, English by
 * default.
 */

function whatIsErased(tr: Translator, self: boolean): string[] {
  const t = tr.of(privacyText);
  return self
    ? [t('erasedSelf'), t('staysSelf'), t('afterSelf')]
    : [t('erasedOther'), t('staysOther'), t('afterOther')];
}

function section(text: string) {
  return { type: 'section' as const, text: { type: 'mrkdwn' as const, text } };
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });

export function renderForgetMeModal(tr: Translator = translatorFor('en')): ModalView {
  const t = tr.of(privacyText);
  return {
    type: 'modal',
    callback_id: PRIVACY_IDS.forgetMeModal,
    title: plain(t('forgetMeTitle')),
    submit: plain(t('forgetMeSubmit')),
    close: plain(t('cancel')),
    blocks: [
      section(t('forgetMeIntro')),
      ...whatIsErased(tr, true).map(section),
      section(t('forgetMeCopyFirst')),
    ],
  };
}

export function renderEraseModal(userId: string, tr: Translator = translatorFor('en')): ModalView {
  const t = tr.of(privacyText);
  return {
    type: 'modal',
    callback_id: PRIVACY_IDS.eraseModal,
    private_metadata: JSON.stringify({ userId }),
    title: plain(t('eraseTitle')),
    submit: plain(t('eraseSubmit')),
    close: plain(t('cancel')),
    blocks: [
      section(t('eraseIntro', { person: mention(userId) })),
      ...whatIsErased(tr, false).map(section),
      section(t('eraseAudit')),
    ],
  };
}

export function renderErasedModal(tr: Translator, self: boolean): ModalView {
  const t = tr.of(privacyText);
  return {
    type: 'modal',
    title: plain(self ? t('forgetMeTitle') : t('eraseTitle')),
    close: plain(t('close')),
    blocks: [section(self ? t('doneSelf') : t('doneOther'))],
  };
}
