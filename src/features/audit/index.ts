import { defineFeature } from '../../feature';
import { auditCommand } from './commands';
import { auditText } from './messages';

/** The audit log: who changed what in the PMO's records, for leads. */
export const audit = defineFeature(() => ({
  name: 'audit',
  subcommands: [auditCommand],
  catalogues: [auditText],
}));

// What other features may use.
export { AUDIT_ACTIONS, type AuditAction, recordAudit } from './service';
