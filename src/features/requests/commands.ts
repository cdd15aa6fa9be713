import type { Subcommand } from '../../slack/commands/subcommand';
import { renderMyRequests } from './blocks/status-list';
import { translatorOf } from './language';
import { requestsText } from './messages';
import { openRequestForm } from './open-form';
import { listMyRequests } from './service';

/** `/pmo request [text]`: the request form, opened inside the trigger's 3 seconds. */
export const requestCommand: Subcommand = {
  name: 'request',
  usage: 'request [what you need]',
  summary: (tr) => tr.t(requestsText, 'requestSummary'),
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    await ack();
    const tr = await translatorOf(deps, client, command.user_id);
    await openRequestForm(deps, client, command.trigger_id, rest.trim(), {}, tr);
  },
};

/** `/pmo status` (or `mine`): my requests, with Edit / Cancel for open ones. */
export const statusCommand: Subcommand = {
  name: 'status',
  aliases: ['mine'],
  usage: 'status',
  summary: (tr) => tr.t(requestsText, 'statusSummary'),
  audience: 'everyone',
  run: async ({ ack, client, command, deps }) => {
    const [mine, tr] = await Promise.all([
      listMyRequests(deps.db, command.user_id),
      translatorOf(deps, client, command.user_id),
    ]);
    await ack({
      response_type: 'ephemeral',
      ...renderMyRequests(tr, mine, deps.clock.now(), deps.config.pmo.command),
    });
  },
};
