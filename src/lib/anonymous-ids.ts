import { randomBytes } from 'node:crypto';

/**
 * What an erased or retired person's id becomes. Shared below the features because the sender,
 * too, must never message such an id, whatever was queued for it.
 */

/** An erased person's id everywhere: one marker per person, so "distinct people" figures hold. */
export const ERASED_PREFIX = 'ERASED-';
/** A person on rows past retention: one per person and retention run. */
export const RETIRED_PREFIX = 'ANON-';

export function newErasureMarker(): string {
  return `${ERASED_PREFIX}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** Ids the app must never message (an erased or retired person's marker). */
export function isAnonymousMarker(id: string | null | undefined): boolean {
  return typeof id === 'string' && (id.startsWith(ERASED_PREFIX) || id.startsWith(RETIRED_PREFIX));
}
