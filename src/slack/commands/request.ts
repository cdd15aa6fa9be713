import { listServices } from '../../services/catalog';
import { todayIn } from '../../services/request-form';
import { renderRequestModal } from '../../views/request-forms';
import type { Subcommand } from './subcommand';

/** `/pmo request [text]`: the request form, opened inside the trigger's 3 seconds. */
export const requestCommand: Subcommand = {
  name: 'request',
  usage: 'request [what you need]',
  summary: 'ask the PMO for help: what you need, the value you expect, by when',
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    await ack();
    const services = await listServices(deps.db);
    const today = todayIn(deps.config.pmo.timezone, deps.clock.now());
    await client.views.open({
      trigger_id: command.trigger_id,
      view: renderRequestModal(services, rest.trim(), today),
    });
  },
};
