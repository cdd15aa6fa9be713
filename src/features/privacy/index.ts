import { defineFeature } from '../../feature';
import { daySlot } from '../../jobs/registry';
import { eraseCommand, exportCommand, forgetMeCommand, myDataCommand } from './commands';
import { privacyEvents } from './events';
import { runPrivacyJob } from './job';
import { privacyFeature } from './listeners';
import { privacyText } from './messages';

/** Personal data: see it, export it, erase it; retention; deactivated accounts; uninstalls. */
export const privacy = defineFeature(() => ({
  ...privacyFeature,
  subcommands: [myDataCommand, forgetMeCommand, eraseCommand, exportCommand],
  events: privacyEvents,
  catalogues: [privacyText],
  // One run per day: due erasures of deactivated accounts, then retention.
  jobs: [{ name: 'privacy', schedule: (c) => c.schedule.privacyCron, runKey: daySlot, run: runPrivacyJob }],
}));

// What other features may use.
