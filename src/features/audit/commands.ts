import { translatorFor } from '../../i18n';
import { mentionedUser } from '../../lib/input';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderAudit } from './blocks';
import { auditText } from './messages';
import { latestAudit } from './service';

/** `/pmo audit [@person]` (leads): the latest changes, or those made by or about one person. */
export const auditCommand: Subcommand = {
  name: 'audit',
  usage: 'audit [@person]',
  summary: (tr) => tr.t(auditText, 'auditSummary'),
  audience: 'leads',
  run: async ({ ack, client, command, rest, deps }) => {
    const tr = translatorFor(await deps.languages.of(client, command.user_id));
    const typed = rest.trim();
    const person = typed ? mentionedUser(typed) : undefined;
    if (typed && !person) {
      await ack({ response_type: 'ephemeral', text: tr.t(auditText, 'nameOnePerson') });
      return;
    }
    const rows = await latestAudit(deps.db, { person, limit: person ? 50 : 25 });
    await ack({ response_type: 'ephemeral', ...renderAudit(tr, rows, person) });
  },
};
