/** Slack ids of /pmo catalog (leads): action, callback and block ids, unique across the app by their prefix. */

export const CATALOG_IDS = {
  add: 'catalog_add',
  editPrefix: 'catalog_edit:',
  retirePrefix: 'catalog_retire:',
  restorePrefix: 'catalog_restore:',
  edit: /^catalog_edit:\d+$/,
  retire: /^catalog_retire:\d+$/,
  restore: /^catalog_restore:\d+$/,
  modal: 'catalog_modal',
  name: 'catalog_name',
  description: 'catalog_description',
  /** Response targets in working days; empty: the defaults. */
  firstResponseDays: 'catalog_first_response_days',
  deliveryDays: 'catalog_delivery_days',
} as const;
