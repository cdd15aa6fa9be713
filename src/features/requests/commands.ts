import type { Subcommand } from '../../slack/commands/subcommand';
import { renderMyRequests } from './blocks/status-list';
import { openRequestForm } from './open-form';
import { listMyRequests } from './service';

/** `/pmo request [text]`: the request form, opened inside the trigger's 3 seconds. */
export const requestCommand: Subcommand = {
  name: 'request',
  usage: 'request [what you need]',
  summary: 'ask the PMO for help: what you need, the value you expect, by when',
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    await ack();
    await openRequestForm(deps, client, command.trigger_id, rest.trim());
  },
};

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
