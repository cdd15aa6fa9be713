import type { Subcommand } from '../../slack/commands/subcommand';
import { renderTeam } from './blocks';
import { listTeam } from './service';

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
