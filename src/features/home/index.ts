import { defineFeature } from '../../feature';
import { homeOpened } from './events';
import { homeFeature } from './listeners';
import { homeText } from './messages';
import { refreshHome, refreshHomes } from './publisher';

/**
 * Each person's Home tab: what they asked for, what waits on them, their topics; the PMO's queue
 * for members and leads. Home reads every feature and no feature reads Home: others refresh it
 * through the `surfaces` port it offers.
 */
export const home = defineFeature(() => ({
  ...homeFeature,
  events: [homeOpened],
  catalogues: [homeText],
  ports: (deps) => ({
    surfaces: {
      refreshHome: (client, userId, opts) => refreshHome(deps, client, userId, opts),
      refreshHomes: (client, userIds, notices) => refreshHomes(deps, client, userIds, notices),
    },
  }),
}));
