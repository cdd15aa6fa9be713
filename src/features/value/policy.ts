/**
 * "You said, we did" rules, pure. The DM reaches only someone who has not opted out of
 * everything (and, by the sender's check, in their own working hours).
 */

/**
 * Consent: a person who opted out of every topic they had (consent rows, none on) opted out of
 * everything and is not written to; someone who never opted in to anything, or is still in at
 * least one topic, gets the one DM about the feedback they gave.
 */
export function optedOutOfEverything(consents: { opted_in: boolean }[]): boolean {
  return consents.length > 0 && consents.every((c) => !c.opted_in);
}

/** The service's comments are shown only once this many different people gave feedback on it. */
export const MIN_PEOPLE_FOR_FEEDBACK = 3;
