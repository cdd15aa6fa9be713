import { defineFeature } from '../../feature';
import { settingsCommand } from './commands';
import { settingsFeature } from './listeners';
import { settingsText } from './messages';

/**
 * The PMO's settings in Slack, for leads: what the environment sets by default (leads, channel,
 * working calendar, check-ins, digest, retention), changed in a form and audited. The rule of
 * which value wins and the store every replica polls are shared infrastructure (src/settings).
 */
export const settings = defineFeature(() => ({
  ...settingsFeature,
  subcommands: [settingsCommand],
  catalogues: [settingsText],
}));

// What other features may use.
export { renderSettingsSummary, settingsButton } from './blocks';
