/** Slack ids of intake: the shortcuts' and the workflow step's callback ids (public: they are in manifest.yml), and the offer's button. */

export const INTAKE_IDS = {
  /** Message shortcut "Ask the PMO about this". */
  messageShortcut: 'pmo_ask_about_message',
  /** Global shortcut "New PMO request". */
  globalShortcut: 'pmo_new_request',
  /** Workflow Builder custom step "Request a PMO service". */
  workflowStep: 'create_pmo_request',
  /** "File this as a PMO request?" offered after a reaction; the value is the offer's id. */
  fileOffer: 'intake_file',
  offerActions: 'intake_offer_actions',
} as const;
