import { defineFeature } from '../../feature';
import { intakeCommand } from './commands';
import { intakeFeature } from './listeners';
import { intakeText } from './messages';

/** Requests from where the work happens: shortcuts, a workflow step, a reaction. */
export const intake = defineFeature(() => ({
  ...intakeFeature,
  subcommands: [intakeCommand],
  catalogues: [intakeText],
}));
