/**
 * Pure privacy rules: what an erased or retired person's id becomes, and how a spreadsheet
 * cell is kept from becoming a formula.
 */

export { ERASED_PREFIX, isAnonymousMarker, newErasureMarker, RETIRED_PREFIX } from '../../lib/anonymous-ids';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab / carriage return before
 * one) gets a leading apostrophe, as OWASP's CSV-injection advice says; the text stays readable.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Whole hours between two instants, one decimal; undefined when either is missing. */
export function hoursBetween(from: Date | null, to: Date | null): number | undefined {
  if (!from || !to) return undefined;
  return Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 10) / 10;
}
