import { defineFeature } from '../../feature';
import { catalogCommand } from './commands';
import { catalogFeature } from './listeners';

/** The PMO's service catalogue, kept by leads. */
export const catalog = defineFeature(() => ({ ...catalogFeature, subcommands: [catalogCommand] }));

// What other features may use.
export { renderCatalog, renderCatalogModal } from './blocks';
export { activeServices, type CatalogService, listServices } from './service';
