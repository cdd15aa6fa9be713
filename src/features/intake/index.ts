import { defineFeature } from '../../feature';
import { intakeCommand } from './commands';
import { intakeFeature } from './listeners';

/** Requests from where the work happens: shortcuts, a workflow step, a reaction. */
export const intake = defineFeature(() => ({ ...intakeFeature, subcommands: [intakeCommand] }));
