/**
 * How people name a request, everywhere the app shows or exports one: `PMO-42`. Requesters
 * quote it in threads and leads search for it, so it is one rule.
 */
export const reference = (id: number): string => `PMO-${id}`;
