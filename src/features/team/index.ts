import { defineFeature } from '../../feature';
import { teamCommand } from './commands';
import { teamFeature } from './listeners';
import { teamText } from './messages';
import { rolesOf } from './roles';

/** The PMO's members and their skills; who is a lead. Offers the `roles` port. */
export const team = defineFeature(() => ({
  ...teamFeature,
  subcommands: [teamCommand],
  catalogues: [teamText],
  ports: (deps) => ({ roles: rolesOf(deps) }),
}));

// What other features may use.
export { renderTeam, renderTeamModal } from './blocks';
export { actorOf, isLead, isMember, type Role, roleOf } from './roles';
export { listTeam, openWorkByOwner } from './service';
