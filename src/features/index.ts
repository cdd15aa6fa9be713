import type { FeatureManifest, FeatureModule } from '../feature';
import type { Catalogue } from '../i18n';
import { inputText } from '../lib/input-text';
import { commandsText } from '../slack/commands/messages';
import { kitText } from '../slack/kit/kit-text';
import { audit } from './audit';
import { calendar } from './calendar';
import { catalog } from './catalog';
import { checkins } from './checkins';
import { coaching } from './coaching';
import { consent } from './consent';
import { digest } from './digest';
import { home } from './home';
import { intake } from './intake';
import { invitations } from './invitations';
import { language } from './language';
import { library } from './library';
import { privacy } from './privacy';
import { requests } from './requests';
import { settings } from './settings';
import { team } from './team';
import { value } from './value';

/**
 * Every feature of the app, and the only list of them: the app, the job runner and the sandbox
 * are composed from it (compose.ts). The order is the help's order of commands.
 */
const MODULES: readonly FeatureModule[] = [
  requests,
  digest,
  team,
  catalog,
  consent,
  coaching,
  invitations,
  library,
  intake,
  calendar,
  privacy,
  settings,
  language,
  audit,
  value,
  checkins,
  home,
];

// Every feature module has loaded by now (they are this file's imports): safe to build.
export const FEATURES: readonly FeatureManifest[] = MODULES.map((feature) => feature.manifest());

/**
 * Every catalogue the app speaks from: each feature's (its manifest lists them) and the shared
 * infrastructure's (the command router's help and apologies, the kit's refusals). The catalogue check reads this.
 */
export const CATALOGUES: readonly Catalogue[] = [
  ...FEATURES.flatMap((f) => f.catalogues ?? []),
  commandsText,
  kitText,
  inputText,
];
