import { defineFeature } from '../../feature';
import { feedbackCommand } from './commands';
import { valueFeature } from './listeners';
import { valueText } from './messages';
import { valueOutboxHooks } from './outbox';

/** Value feedback: what a delivery was worth to the people it was for. */
export const value = defineFeature(() => ({
  ...valueFeature,
  subcommands: [feedbackCommand],
  outbox: valueOutboxHooks,
  catalogues: [valueText],
}));
