import type { Database } from '../../db/client';

/**
 * The audit log: every change a member or lead makes (catalogue, topics, team, assign, decline,
 * erase, export, invitations sent), with who, when and what. Written in the change's own
 * transaction where the service has one, so a change and its record cannot part.
 */

export const AUDIT_ACTIONS = {
  catalogAdd: 'catalog.add',
  catalogEdit: 'catalog.edit',
  catalogRetire: 'catalog.retire',
  catalogRestore: 'catalog.restore',
  topicAdd: 'topic.add',
  topicEdit: 'topic.edit',
  teamSave: 'team.save',
  teamRemove: 'team.remove',
  requestAssign: 'request.assign',
  requestDecline: 'request.decline',
  invitationSend: 'invitation.send',
  erase: 'privacy.erase',
  eraseScheduled: 'privacy.erase_scheduled',
  export: 'privacy.export',
  libraryAdd: 'library.add',
  libraryEdit: 'library.edit',
  libraryPublish: 'library.publish',
  libraryRetire: 'library.retire',
  /** An owner or lead looked at an entry due for review and kept it as it is. */
  libraryKeep: 'library.keep',
  /** A lead changed the PMO's settings; `detail.changes` holds each one, from → to. */
  settingsChange: 'settings.change',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  /** The person the change was about (a member added, an assignee, an erased person). */
  target?: string | null;
  /** What it was about, in words: "PMO-42", "service Change management". Never free text typed by a requester. */
  subject?: string | null;
  /** Figures and ids only. */
  detail?: Record<string, unknown>;
  at: Date;
}

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actor,
      action: entry.action,
      target_user_id: entry.target ?? null,
      subject: entry.subject ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      created_at: entry.at,
    })
    .execute();
}

export interface AuditRow {
  id: number;
  actor: string;
  action: string;
  target: string | null;
  subject: string | null;
  detail: unknown;
  at: Date;
}

/** The latest entries, newest first; with `person`, those they made or that were about them. */
export async function latestAudit(
  db: Database,
  opts: { person?: string; limit?: number } = {},
): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'actor_id', 'action', 'target_user_id', 'subject', 'detail', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 25);
  const person = opts.person;
  if (person) q = q.where((eb) => eb.or([eb('actor_id', '=', person), eb('target_user_id', '=', person)]));
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor_id,
    action: r.action,
    target: r.target_user_id,
    subject: r.subject,
    detail: r.detail,
    at: r.created_at,
  }));
}
