import { defineFeature } from '../../feature';
import { languageCommand } from './commands';
import { languageFeature } from './listeners';
import { languageText } from './messages';
import { forgetLanguage } from './recent';
import { languageOf } from './service';

/**
 * Which language the app speaks with each person: their Slack locale (users.info, cached with
 * their time zone), unless they chose one with `/pmo language`. Offered to every feature as the
 * `languages` port, so a view is rendered with the translator of the person it is for.
 */
export const language = defineFeature(() => ({
  ...languageFeature,
  subcommands: [languageCommand],
  catalogues: [languageText],
  ports: (deps) => ({
    languages: {
      of: async (client, userId) => (await languageOf(deps, client, userId)).language,
      pmo: () => deps.config.pmo.language,
      forget: (userId) => forgetLanguage(deps.db, userId),
    },
  }),
}));

export { type LanguageSource, type PersonLanguage, resolveLanguage } from './service';
