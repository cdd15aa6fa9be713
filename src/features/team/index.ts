import { defineFeature } from '../../feature';
import { teamCommand } from './commands';
import { teamFeature } from './listeners';
import { rolesOf } from './roles';

/** The PMO's members and their skills; who is a lead. Offers the `roles` port. */
export const team = defineFeature({
  ...teamFeature,
  subcommands: [teamCommand],
  ports: (deps) => ({ roles: rolesOf(deps) }),
});
