import { intlLocaleOf, type Locale } from './languages';

/**
 * Dates in mrkdwn go out as Slack date tokens, which each viewer's Slack renders in their own
 * time zone and language; the fallback (shown where tokens are not rendered: notifications,
 * old clients) is written in the message's locale and the given time zone. Plain-text fields
 * (titles, buttons, options) cannot hold tokens: they use `localDate`.
 */
export type SlackDateFormat =
  | 'date_num'
  | 'date'
  | 'date_short'
  | 'date_long'
  | 'date_pretty'
  | 'date_short_pretty'
  | 'date_long_pretty'
  | 'time';

const FALLBACK: Record<SlackDateFormat, Intl.DateTimeFormatOptions> = {
  date_num: { year: 'numeric', month: '2-digit', day: '2-digit' },
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  date_short: { year: 'numeric', month: 'short', day: 'numeric' },
  date_long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  date_pretty: { year: 'numeric', month: 'long', day: 'numeric' },
  date_short_pretty: { year: 'numeric', month: 'short', day: 'numeric' },
  date_long_pretty: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
};

/** The date as this locale writes it in `timeZone` (for plain text and tokens' fallbacks). */
export function localDate(date: Date, locale: Locale, timeZone: string, format: SlackDateFormat): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { ...FALLBACK[format], timeZone }).format(date);
}

/** `<!date^1733900000^{date_short_pretty}|Dec 11, 2024>` */
export function slackDate(date: Date, locale: Locale, timeZone: string, format: SlackDateFormat): string {
  const seconds = Math.floor(date.getTime() / 1000);
  // The fallback is plain text inside mrkdwn: characters Slack reads as markup are escaped.
  const fallback = localDate(date, locale, timeZone, format).replace(/[<>|&]/g, ' ');
  return `<!date^${seconds}^{${format}}|${fallback}>`;
}
