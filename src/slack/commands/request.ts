import { openRequestForm } from '../request-form-open';
import type { Subcommand } from './subcommand';

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
