import { z } from 'zod';
import { type Translator, translatorFor } from '../i18n';
import { inputText } from './input-text';

/**
 * What people type and click, turned into values the app can store — one rule per kind of
 * input, used by the Slack kit (field errors in a modal) and by the services (which enforce
 * the same limits, whoever calls them). Everything from Slack is external input: a payload can
 * be forged with any value, so nothing here assumes the form's own limits were respected.
 */

/** PostgreSQL `integer`: an id beyond it is no row of ours (and would make the query fail). */
export const INT4_MAX = 2_147_483_647;

/** A row id carried in a button value, an option or private_metadata (`message` if it is not one). */
export const rowIdOr = (message?: string) =>
  z
    .union([z.string(), z.number()], message ? { error: message } : undefined)
    .transform(Number)
    .pipe(
      z
        .number(message ? { error: message } : undefined)
        .int(message)
        .min(1, message)
        .max(INT4_MAX, message),
    );
export const rowId = rowIdOr();

/**
 * Removes what is never meant as text: NUL and the other control characters (tabs and line
 * breaks stay; CRLF becomes LF), and lone surrogates, which PostgreSQL cannot store.
 */
export function cleanText(raw: string): string {
  return (
    raw
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
  );
}

/** Text with nothing a person can see (spaces, zero-width and other format characters) is empty. */
export function isBlank(text: string): boolean {
  return text.replace(/[\s\p{Cf}\p{Z}\p{M}]/gu, '').length === 0;
}

/**
 * A rule's field errors are in `tr`'s language (the person who typed); English where a caller
 * has no translator to give.
 */
const EN = translatorFor('en');

type TextRule = {
  max: number;
  /** Completes "Please tell us …" when a required text is missing (English). */
  what?: string;
  /** What a missing text is told, whole, in the reader's language (from the caller's catalogue). */
  missing?: string;
};

/** A required text: cleaned, trimmed, at least one visible character, at most `max` long. */
export function requiredText({ what, max, missing: said }: TextRule, tr: Translator = EN) {
  const missing = said ?? `Please tell us ${what ?? 'this'}.`;
  return z
    .string({ error: missing })
    .transform((v) => cleanText(v).trim())
    .refine((v) => !isBlank(v), missing)
    .refine((v) => v.length <= max, tr.t(inputText, 'tooLong', { max }));
}

/** An optional text: blank (or absent) becomes null. */
export function optionalText({ max }: { max: number }, tr: Translator = EN) {
  return z
    .string({ error: tr.t(inputText, 'typeText') })
    .nullish()
    .transform((v) => {
      const t = v == null ? '' : cleanText(v).trim();
      return isBlank(t) ? null : t;
    })
    .refine((v) => v === null || v.length <= max, tr.t(inputText, 'tooLong', { max }));
}

/** 'YYYY-MM-DD' that is a real day of the calendar (2027-02-29 is not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** How far ahead a date in a form may be: further is a typo, or a forged payload. */
export const MAX_YEARS_AHEAD = 5;

function yearsAhead(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) + years).padStart(4, '0')}${today.slice(4)}`;
}

/**
 * A date from a date picker, from `today` (the person's or the PMO's calendar day) to
 * MAX_YEARS_AHEAD years later; `after` makes today itself too early (a pause must end later).
 */
export function dateFrom(
  today: string,
  opts: { required?: string; after?: boolean } = {},
  tr: Translator = EN,
) {
  const pick = opts.required ?? tr.t(inputText, 'pickDate');
  const latest = yearsAhead(today, MAX_YEARS_AHEAD);
  return z
    .string({ error: pick })
    .refine(isCalendarDate, pick)
    .refine(
      (d) => (opts.after ? d > today : d >= today),
      tr.t(inputText, opts.after ? 'dateAfterToday' : 'dateInPast'),
    )
    .refine((d) => d <= latest, tr.t(inputText, 'dateTooFar', { years: MAX_YEARS_AHEAD }));
}

/** The same, or nothing: an empty date picker is null. */
export function optionalDateFrom(today: string, opts: { after?: boolean } = {}, tr: Translator = EN) {
  return z.union([z.null(), z.undefined().transform(() => null), dateFrom(today, opts, tr)]);
}

/** A web link: http(s) with a host, at most `max` long. One rule for every link field. */
export function webLink(max = 500, tr: Translator = EN) {
  return z
    .string({ error: tr.t(inputText, 'webLink') })
    .transform((v) => cleanText(v).trim())
    .refine((v) => v.length <= max, tr.t(inputText, 'linkTooLong', { max }))
    .refine(isWebLink, tr.t(inputText, 'webLink'));
}

/** An optional link: empty is null. */
export function optionalWebLink(max = 500, tr: Translator = EN) {
  return optionalText({ max }, tr).refine((v) => v === null || isWebLink(v), tr.t(inputText, 'webLink'));
}

export function isWebLink(value: string): boolean {
  if (/\s/.test(value) || !URL.canParse(value)) return false;
  const u = new URL(value);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
}

/** Slack ids have a known shape; anything else (markup, spaces) is refused, never echoed. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;
export const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{2,20}$/;
export const slackUserId = z.string().regex(SLACK_USER_ID);
export const slackChannelId = z.string().regex(SLACK_CHANNEL_ID);

/** A person chosen in a form; `message` when there is none (or a forged one). */
export const chosenUser = (message: string) => z.string({ error: message }).regex(SLACK_USER_ID, message);

/** A whole number typed in a text or number input. */
export function wholeNumber(min: number, max: number, message: string) {
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((v) => (typeof v === 'string' ? Number(cleanText(v).trim() || Number.NaN) : v))
    .pipe(z.number({ error: message }).int(message).min(min, message).max(max, message));
}

/**
 * The person a command names: `<@U123|name>` as Slack escapes a mention, `<@U123>`, or a bare
 * id. Anything else (two people, a name without @) is undefined.
 */
export function mentionedUser(text: string): string | undefined {
  const t = text.trim();
  const m = /^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$/.exec(t);
  const id = m?.[1] ?? t;
  return SLACK_USER_ID.test(id) ? id : undefined;
}
