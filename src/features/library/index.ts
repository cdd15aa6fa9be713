import { defineFeature } from '../../feature';
import { libraryNewsHooks, newsActions, newsJob } from './announce';
import { indexJob } from './canvas';
import { libraryCommand } from './commands';
import { browseLibrary, libraryFeature } from './listeners';
import { libraryText } from './messages';
import { libraryPort, solvedIt } from './moment-of-need-listeners';
import { reviewActions, reviewJob, reviewOutboxHooks } from './review';
import { saveButton, saveFromRequest } from './save-from-request';

/** The PMO's library: templates, standards, playbooks, training and lessons people pull themselves. */
export const library = defineFeature(() => ({
  ...libraryFeature,
  actions: [...(libraryFeature.actions ?? []), solvedIt, saveFromRequest, ...reviewActions, ...newsActions],
  subcommands: [libraryCommand],
  catalogues: [libraryText],
  shortcuts: [browseLibrary],
  // The owner's review DM: a daily job asks, the outbox sends it in their working hours.
  // "New in the PMO library": a weekly job queues, the outbox checks consent again when it sends.
  outbox: (deps, client) => ({ ...reviewOutboxHooks(deps, client), ...libraryNewsHooks(deps, client) }),
  // The index in the PMO channel: what a change could not write at once is retried each minute.
  jobs: [reviewJob, newsJob, indexJob],
  // Requests shows the library's entries (in the form, to the claimer) and its save button through this port.
  ports: (deps) => ({ library: { ...libraryPort(deps), saveButton } }),
}));

// The library's value picture, for Home and the digest.
export {
  computeLibraryFigures,
  FIGURE_LISTS,
  type FiguresWindow,
  type LibraryFigures,
  staleBefore,
  summariseLibrary,
} from './figures';
export { type Compare, libraryFields, renderLibraryLeadBlocks, renderLibraryPicks } from './figures-blocks';
export { type LibraryPick, libraryPicksFor } from './picks';
