/** Callback ids of the privacy feature's modals (prefixed, unique across the app). */
export const PRIVACY_IDS = {
  forgetMeModal: 'privacy_forget_me',
  eraseModal: 'privacy_erase',
} as const;
