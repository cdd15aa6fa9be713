import { defineFeature } from '../../feature';
import { libraryCommand } from './commands';
import { browseLibrary, libraryFeature } from './listeners';

/** The PMO's library: templates, standards, playbooks, training and lessons people pull themselves. */
export const library = defineFeature(() => ({
  ...libraryFeature,
  subcommands: [libraryCommand],
  shortcuts: [browseLibrary],
}));
