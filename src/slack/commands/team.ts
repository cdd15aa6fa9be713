import { listTeam } from '../../services/team';
import { renderTeam } from '../../views/team';
import type { Subcommand } from './subcommand';

/** `/pmo team` (leads): members, their skills and capacity; add, edit, remove. */
export const teamCommand: Subcommand = {
  name: 'team',
  usage: 'team',
  summary: 'manage PMO members, their skills and capacity',
  audience: 'leads',
  run: async ({ ack, deps }) => {
    const members = await listTeam(deps.db);
    await ack({ response_type: 'ephemeral', ...renderTeam(members, deps.config.pmo.leadIds) });
  },
};
