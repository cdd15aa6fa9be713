import { defineFeature } from '../../feature';
import { catalogCommand } from './commands';
import { catalogFeature } from './listeners';
import { catalogText } from './messages';

/** The PMO's service catalogue, kept by leads. */
export const catalog = defineFeature(() => ({
  ...catalogFeature,
  subcommands: [catalogCommand],
  catalogues: [catalogText],
}));

// What other features may use.
export { renderCatalog, renderCatalogModal } from './blocks';
export { catalogText } from './messages';
export { activeServices, type CatalogService, listServices } from './service';
