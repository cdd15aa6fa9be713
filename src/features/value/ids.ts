/** Slack ids of "you said, we did": callback and block ids, unique across the app by their prefix. */

export const VALUE_IDS = {
  /** `/pmo feedback`: the period's feedback by service, and the form to record what was done. */
  feedbackView: 'value_feedback',
  serviceBlock: 'value_feedback_service',
  serviceInput: 'value_feedback_service_input',
  actionBlock: 'value_feedback_action',
  actionInput: 'value_feedback_action_input',
} as const;
