import { z } from 'zod';
import type { Deps } from '../../../deps';
import { localDate } from '../../../lib/calendar';
import { rowId } from '../../../lib/input';
import { perItemPattern } from '../ids';

/** What the request listeners share: the refusals they give and how they read ids and dates. */

export const NOT_YOURS = 'Only the person who sent this request can do that.';
export const NOT_A_MEMBER =
  'Only PMO members can act on triage posts. If you would like to help with this request, ask a PMO lead to add you with `/pmo team`.';

/** `triage_claim` (the triage post) or `triage_claim:<id>` (Home, where ids must be unique). */
export const anyForm = (actionId: string): RegExp =>
  new RegExp(`^${actionId}$|${perItemPattern(actionId).source}`);
export const today = (deps: Deps) => localDate(deps.clock.now(), deps.config.pmo.timezone);
export const requestMeta = z.object({ requestId: rowId });
