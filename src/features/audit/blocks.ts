import type { AuditRow } from './service';

/** `/pmo audit`: the latest entries, one line each, within Block Kit's limits. */

const WORDS: Record<string, string> = {
  'catalog.add': 'added a service',
  'catalog.edit': 'edited a service',
  'catalog.retire': 'retired a service',
  'catalog.restore': 'restored a service',
  'topic.add': 'added a topic',
  'topic.edit': 'edited a topic',
  'team.save': 'added or edited a member',
  'team.remove': 'removed a member',
  'request.assign': 'assigned a request',
  'request.decline': 'declined a request',
  'invitation.send': 'sent an invitation',
  'privacy.erase': 'erased a person',
  'privacy.erase_scheduled': 'scheduled an erasure',
  'privacy.export': 'exported requests',
  'settings.change': 'changed the PMO settings',
};

const SLACK_ID = /^[UW][A-Z0-9]{2,20}$/;
/** A Slack id renders as a mention; an erased person's marker stays as it is. */
const who = (id: string) => (SLACK_ID.test(id) ? `<@${id}>` : `\`${id}\``);
const plain = (s: string, max: number) => s.replace(/[<>&*_~`]/g, '').slice(0, max);

export function auditLine(row: AuditRow): string {
  const when = row.at.toISOString().slice(0, 16).replace('T', ' ');
  const what = WORDS[row.action] ?? row.action;
  const subject = row.subject ? ` — ${plain(row.subject, 120)}` : '';
  const target = row.target ? ` (${who(row.target)})` : '';
  return `\`${when} UTC\` ${who(row.actor)} ${what}${subject}${target}`;
}

export function renderAudit(rows: AuditRow[], person?: string): { text: string; blocks: unknown[] } {
  const heading = person ? `Audit log for ${who(person)}` : 'Audit log: the latest changes';
  if (rows.length === 0) {
    const text = `${heading}: nothing recorded yet.`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  // Sections of at most ~2,900 characters: Slack caps a section's text at 3,000.
  const chunks: string[] = [];
  let current = '';
  for (const line of rows.map(auditLine)) {
    if (current.length + line.length + 1 > 2900) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return {
    text: `${heading} (${rows.length})`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: person ? 'Audit log (filtered)' : 'Audit log' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${heading}, newest first, times in UTC.` }] },
      ...chunks.slice(0, 40).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } })),
    ],
  };
}
