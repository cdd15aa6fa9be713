/** Slack ids of /pmo team (leads): action, callback and block ids, unique across the app by their prefix. */

export const TEAM_IDS = {
  add: 'team_add',
  editPrefix: 'team_edit:',
  removePrefix: 'team_remove:',
  edit: /^team_edit:[UW][A-Z0-9]+$/,
  remove: /^team_remove:[UW][A-Z0-9]+$/,
  modal: 'team_modal',
  user: 'team_user',
  skills: 'team_skills',
  capacity: 'team_capacity',
} as const;
