import { listMyRequests } from '../../services/requests';
import { renderMyRequests } from '../../views/request-status';
import type { Subcommand } from './subcommand';

/** `/pmo status` (or `mine`): my requests, with Edit / Cancel for open ones. */
export const statusCommand: Subcommand = {
  name: 'status',
  aliases: ['mine'],
  usage: 'status',
  summary: 'your requests: status, owner, next step; edit or cancel an open one',
  audience: 'everyone',
  run: async ({ ack, command, deps }) => {
    const mine = await listMyRequests(deps.db, command.user_id);
    await ack({
      response_type: 'ephemeral',
      ...renderMyRequests(mine, deps.clock.now(), deps.config.pmo.command),
    });
  },
};
