import { slackDate, type Translator } from '../../i18n';
import { formatDate } from '../../lib/calendar';

/**
 * An instant ("due {date} at {time}") in mrkdwn: two Slack date tokens, which each reader's
 * Slack shows in their own zone and language; the fallbacks are in the message's language, UTC.
 * The words around them are the message's own (a message never holds another message).
 */
export function when(tr: Translator, instant: Date): { date: string; time: string } {
  return {
    date: slackDate(instant, tr.locale, 'UTC', 'date_short_pretty'),
    time: slackDate(instant, tr.locale, 'UTC', 'time'),
  };
}

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day of the PMO ('2026-12-01': away periods, closures, holidays) in the reader's
 * language: "Tue 1 Dec 2026", "mar. 1 déc. 2026". Days are not instants: a Slack date token
 * would move them by the reader's time zone, so they are written out, not tokenised.
 */
export function dayText(tr: Translator, day: string): string {
  if (tr.locale === 'en' || tr.locale === 'pseudo') return formatDate(day);
  let format = DAY_FORMATS.get(tr.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(tr.locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    DAY_FORMATS.set(tr.locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}
