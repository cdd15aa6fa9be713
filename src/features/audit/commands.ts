import { mentionedUser } from '../../lib/input';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderAudit } from './blocks';
import { latestAudit } from './service';

/** `/pmo audit [@person]` (leads): the latest changes, or those made by or about one person. */
export const auditCommand: Subcommand = {
  name: 'audit',
  usage: 'audit [@person]',
  summary: 'who changed what: the latest changes, or those by or about one person',
  audience: 'leads',
  run: async ({ ack, rest, deps }) => {
    const typed = rest.trim();
    const person = typed ? mentionedUser(typed) : undefined;
    if (typed && !person) {
      await ack({ response_type: 'ephemeral', text: 'Name one person, like `/pmo audit @someone`.' });
      return;
    }
    const rows = await latestAudit(deps.db, { person, limit: person ? 50 : 25 });
    await ack({ response_type: 'ephemeral', ...renderAudit(rows, person) });
  },
};
