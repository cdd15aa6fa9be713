import type { Subcommand } from '../../slack/commands/subcommand';
import { renderCatalog } from './blocks';
import { listServices } from './service';

/** `/pmo catalog` (leads): the services, with Add, Edit, Retire and Restore. */
export const catalogCommand: Subcommand = {
  name: 'catalog',
  aliases: ['catalogue'],
  usage: 'catalog',
  summary: 'manage the service catalogue',
  audience: 'leads',
  run: async ({ ack, deps }) => {
    const services = await listServices(deps.db, { includeRetired: true });
    await ack({ response_type: 'ephemeral', ...renderCatalog(services) });
  },
};
