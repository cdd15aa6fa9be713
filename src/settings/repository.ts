import type { z } from 'zod';
import { holidayRegion, hourRange, isValidCron, isValidTimeZone, slackUserId, weekdays } from '../config';
import type { Database } from '../db/client';
import { isLanguage } from '../i18n';
import type { Logger } from '../logger';
import { type HourRange, NOTHING_SAVED, type SavedSettings } from './settings';

/**
 * The one row of pmo_settings. Values are kept in the environment's own notation ("9-17",
 * "1-5") and read back through the environment's own rules (config.ts), so a value saved in
 * Slack and one set in the environment mean the same thing; a value that no longer passes
 * those rules is ignored (the environment's applies) rather than breaking every replica.
 */

export interface SettingsRow {
  saved: SavedSettings;
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The cheap question every replica asks every half minute. */
export async function readSettingsVersion(db: Database): Promise<number> {
  const row = await db.selectFrom('pmo_settings').select('version').executeTakeFirst();
  return row?.version ?? 0;
}

const hoursOut = (h: HourRange | null) => (h ? `${h.start}-${h.end}` : null);
const daysOut = (d: number[] | null) => (d ? d.join(',') : null);

function parsed<T>(schema: z.ZodType<T>, raw: unknown, logger: Logger, column: string): T | null {
  if (raw === null || raw === undefined) return null;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  logger.warn({ column }, 'a saved setting no longer passes its rule; the environment’s value applies');
  return null;
}

export async function readSettings(db: Database, logger: Logger): Promise<SettingsRow> {
  const row = await db.selectFrom('pmo_settings').selectAll().executeTakeFirst();
  if (!row) return { saved: NOTHING_SAVED, version: 0, updatedBy: null, updatedAt: null };
  const valid = (ok: boolean, value: string | null) => (ok ? value : null);
  // An erased lead's id became an anonymous marker: no longer a lead.
  const leads = row.lead_ids?.filter((id) => slackUserId.safeParse(id).success) ?? null;
  const saved: SavedSettings = {
    leadIds: leads?.length ? leads : null,
    channelId: row.channel_id,
    timezone: row.timezone === null ? null : valid(isValidTimeZone(row.timezone), row.timezone),
    workingHours: parsed(hourRange, row.working_hours, logger, 'working_hours'),
    workingDays: parsed(weekdays, row.working_days, logger, 'working_days'),
    // '' is "no public holidays", which the environment says by leaving PMO_HOLIDAYS out.
    holidays:
      row.holidays === null ? null : (parsed(holidayRegion, row.holidays, logger, 'holidays') ?? undefined),
    checkinAfterDays: row.checkin_after_days,
    checkinHours: parsed(hourRange, row.checkin_hours, logger, 'checkin_hours'),
    checkinDays: parsed(weekdays, row.checkin_days, logger, 'checkin_days'),
    digestCron: row.digest_cron === null ? null : valid(isValidCron(row.digest_cron), row.digest_cron),
    retentionDays: row.retention_days,
    language: row.language === null ? null : valid(isLanguage(row.language), row.language),
  } as SavedSettings;
  return { saved, version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

/**
 * Saves the settings if nobody saved others since `expectedVersion` was read (two leads'
 * forms cannot silently overwrite each other); false when someone did.
 */
export async function writeSettings(
  db: Database,
  saved: SavedSettings,
  by: { userId: string; at: Date; expectedVersion: number },
): Promise<boolean> {
  const updated = await db
    .updateTable('pmo_settings')
    .set((eb) => ({
      lead_ids: saved.leadIds,
      channel_id: saved.channelId,
      timezone: saved.timezone,
      working_hours: hoursOut(saved.workingHours),
      working_days: daysOut(saved.workingDays),
      holidays: saved.holidays === null ? null : (saved.holidays ?? ''),
      checkin_after_days: saved.checkinAfterDays,
      checkin_hours: hoursOut(saved.checkinHours),
      checkin_days: daysOut(saved.checkinDays),
      digest_cron: saved.digestCron,
      retention_days: saved.retentionDays,
      language: saved.language,
      version: eb('version', '+', 1),
      updated_by: by.userId,
      updated_at: by.at,
    }))
    .where('version', '=', by.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return updated !== undefined;
}
