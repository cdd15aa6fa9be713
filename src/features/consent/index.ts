import { defineFeature } from '../../feature';
import { optinCommand, optoutCommand, topicsCommand } from './commands';
import { consentFeature } from './listeners';

/** Opt in per topic, opt out or pause in one click: nobody is invited who did not ask. */
export const consent = defineFeature({
  ...consentFeature,
  subcommands: [optinCommand, optoutCommand, topicsCommand],
});
