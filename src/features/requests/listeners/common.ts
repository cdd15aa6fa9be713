import { z } from 'zod';
import type { Deps } from '../../../deps';
import type { Translator } from '../../../i18n';
import { localDate } from '../../../lib/calendar';
import { rowId } from '../../../lib/input';
import { perItemPattern } from '../ids';
import { requestsText } from '../messages';

/** What the request listeners share: the refusals they give and how they read ids and dates. */

// Told by the kit, in the clicker's language, to someone outside a route's audience.
export const NOT_A_MEMBER = (tr: Translator) => tr.t(requestsText, 'notAMember');

/** `triage_claim` (the triage post) or `triage_claim:<id>` (Home, where ids must be unique). */
export const anyForm = (actionId: string): RegExp =>
  new RegExp(`^${actionId}$|${perItemPattern(actionId).source}`);
export const today = (deps: Deps) => localDate(deps.clock.now(), deps.config.pmo.timezone);
export const requestMeta = z.object({ requestId: rowId });
