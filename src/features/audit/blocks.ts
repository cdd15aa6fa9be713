import { type KeyOf, slackDate, type Translator, translatorFor } from '../../i18n';
import { auditText } from './messages';
import { AUDIT_ACTIONS, type AuditRow } from './service';

/** `/pmo audit`: the latest entries, one line each, within Block Kit's limits, in the reader's language. */

/** Each recorded action's words: the catalogue key is the action's name in AUDIT_ACTIONS. */
const WORDS = new Map<string, KeyOf<typeof auditText>>(
  Object.entries(AUDIT_ACTIONS).map(([key, action]) => [action, key as KeyOf<typeof auditText>]),
);

const SLACK_ID = /^[UW][A-Z0-9]{2,20}$/;
/** A Slack id renders as a mention; an erased person's marker stays as it is. */
const who = (id: string) => (SLACK_ID.test(id) ? `<@${id}>` : `\`${id}\``);
const plain = (s: string, max: number) => s.replace(/[<>&*_~`]/g, '').slice(0, max);

/** One entry: when (a Slack date, in the reader's zone), who, what, about what. */
export function auditLine(row: AuditRow, tr: Translator = translatorFor('en')): string {
  const key = WORDS.get(row.action);
  const what = key ? tr.t(auditText, key) : tr.t(auditText, 'otherAction', { action: plain(row.action, 60) });
  const when = `${slackDate(row.at, tr.locale, 'UTC', 'date_short')} ${slackDate(row.at, tr.locale, 'UTC', 'time')}`;
  const subject = row.subject ? ` — ${plain(row.subject, 120)}` : '';
  const target = row.target ? ` (${who(row.target)})` : '';
  return `${when} ${who(row.actor)} ${what}${subject}${target}`;
}

export function renderAudit(
  tr: Translator,
  rows: AuditRow[],
  person?: string,
): { text: string; blocks: unknown[] } {
  const t = tr.of(auditText);
  const heading = { filtered: person ? 'yes' : 'no', person: person ? who(person) : '' };
  if (rows.length === 0) {
    const text = t('nothingYet', heading);
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  // Sections of at most ~2,900 characters: Slack caps a section's text at 3,000.
  const chunks: string[] = [];
  let current = '';
  for (const line of rows.map((r) => auditLine(r, tr))) {
    if (current.length + line.length + 1 > 2900) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return {
    text: t('counted', { ...heading, count: tr.number(rows.length) }),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: (person ? t('headerFiltered') : t('header')).slice(0, 150) },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: t('newestFirst', heading) }] },
      ...chunks.slice(0, 40).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    ],
  };
}
