import type { Subcommand } from '../../slack/commands/subcommand';
import { renderCatalog } from './blocks';
import { translatorOf } from './language';
import { catalogText } from './messages';
import { listServices } from './service';

/** `/pmo catalog` (leads): the services, with Add, Edit, Retire and Restore. */
export const catalogCommand: Subcommand = {
  name: 'catalog',
  aliases: ['catalogue'],
  usage: 'catalog',
  summary: (tr) => tr.t(catalogText, 'summary'),
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    const [services, tr] = await Promise.all([
      listServices(deps.db, { includeRetired: true }),
      translatorOf(deps, client, command.user_id),
    ]);
    await ack({ response_type: 'ephemeral', ...renderCatalog(services, tr) });
  },
};
