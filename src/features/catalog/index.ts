import { defineFeature } from '../../feature';
import { catalogCommand } from './commands';
import { catalogFeature } from './listeners';

/** The PMO's service catalogue, kept by leads. */
export const catalog = defineFeature({ ...catalogFeature, subcommands: [catalogCommand] });
