import type { Deps } from '../../deps';
import { writeSettings } from '../../settings/repository';
import {
  changesBetween,
  checkLeads,
  effectiveSettings,
  type PmoSettings,
  SETTING_WORDS,
  type SettingKey,
  toSave,
} from '../../settings/settings';
import { AUDIT_ACTIONS, recordAudit } from '../audit';

export type SaveOutcome =
  | { ok: true; changed: string[] }
  | { ok: false; reason: 'stale' }
  | { ok: false; reason: 'leads'; error: string };

/**
 * Saves what a lead chose, if nobody saved since they opened the form (`version`), and records
 * each change from → to in the audit log, in one transaction. This replica sees it at once;
 * the others at their next poll.
 */
export async function saveSettings(
  deps: Pick<Deps, 'db' | 'clock' | 'settings'>,
  input: { userId: string; chosen: PmoSettings; version: number },
): Promise<SaveOutcome> {
  const { db, settings } = deps;
  const leads = checkLeads(settings.env.leadIds, input.chosen.leadIds);
  if (!leads.ok) return { ok: false, reason: 'leads', error: leads.error };
  const chosen = { ...input.chosen, leadIds: leads.leadIds };
  const saved = toSave(settings.env, chosen);
  const before = settings.settings;
  const changes = changesBetween(before, effectiveSettings(settings.env, saved));
  const changed = Object.keys(changes);
  if (changed.length === 0) return { ok: true, changed };
  const at = deps.clock.now();
  const written = await db.transaction().execute(async (trx) => {
    if (!(await writeSettings(trx, saved, { userId: input.userId, at, expectedVersion: input.version })))
      return false;
    await recordAudit(trx, {
      actor: input.userId,
      action: AUDIT_ACTIONS.settingsChange,
      subject: (changed as SettingKey[]).map((k) => SETTING_WORDS[k]).join(', '),
      detail: { changes },
      at,
    });
    return true;
  });
  if (!written) return { ok: false, reason: 'stale' };
  await settings.refresh();
  return { ok: true, changed };
}
