import { z } from 'zod';
import type { Database } from '../../db/client';
import { type Translator, translatorFor } from '../../i18n';
import { cleanText, isBlank, wholeNumber } from '../../lib/input';
import { catalogText } from './messages';

/** A required text, as lib/input's requiredText, with the field errors in the person's language. */
const requiredTextIn = (missing: string, tooLong: string, max: number) =>
  z
    .string({ error: missing })
    .transform((v) => cleanText(v).trim())
    .refine((v) => !isBlank(v), missing)
    .refine((v) => v.length <= max, tooLong);

/** An optional target in working days: empty means the PMO's default. */
const targetDays = (tr: Translator, max: number) =>
  z
    .union([z.null(), z.literal(''), wholeNumber(1, max, tr.t(catalogText, 'days', { max }))])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v));

/** A service as a lead types it, its field errors in `tr`'s language. */
export function serviceFormSchemaFor(tr: Translator) {
  const t = tr.of(catalogText);
  return z.object({
    name: requiredTextIn(t('nameMissing'), t('tooLong', { max: 75 }), 75),
    description: requiredTextIn(t('descriptionMissing'), t('tooLong', { max: 300 }), 300),
    firstResponseDays: targetDays(tr, 60),
    deliveryDays: targetDays(tr, 250),
  });
}

/** A service as a lead types it; the modal and addService/editService use the same rule. */
export const serviceFormSchema = serviceFormSchemaFor(translatorFor('en'));
export type ServiceForm = z.output<typeof serviceFormSchema>;

/**
 * The service catalogue: the PMO's offer. Retired services leave the request form but keep
 * their row, so old requests still name what was asked for.
 */
export interface CatalogService {
  id: number;
  name: string;
  description: string;
  retired: boolean;
  /** Response targets in working days; null (or absent): the defaults. */
  firstResponseDays?: number | null;
  deliveryDays?: number | null;
}

const toService = (r: {
  id: number;
  name: string;
  description: string;
  retired_at: Date | null;
  first_response_days: number | null;
  delivery_days: number | null;
}) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  retired: r.retired_at !== null,
  firstResponseDays: r.first_response_days,
  deliveryDays: r.delivery_days,
});

export async function listServices(db: Database, opts: { includeRetired?: boolean } = {}) {
  let q = db
    .selectFrom('services')
    .select(['id', 'name', 'description', 'retired_at', 'first_response_days', 'delivery_days'])
    .orderBy('sort_order')
    .orderBy('id');
  if (!opts.includeRetired) q = q.where('retired_at', 'is', null);
  return (await q.execute()).map(toService);
}

/**
 * The active services for the forms people open all day (the request form, Home), read from the
 * database at most every two seconds per process: a form opened in a burst of /pmo request costs
 * no query. A change made here is seen at once (the entry is dropped); one made by another
 * replica within two seconds. What a form submits is checked against the database, not this.
 */
const ACTIVE_TTL_MS = 2000;
const activeCache = new WeakMap<Database, { until: number; services: Promise<CatalogService[]> }>();

export function activeServices(db: Database): Promise<CatalogService[]> {
  const now = performance.now();
  const hit = activeCache.get(db);
  if (hit && hit.until > now) return hit.services;
  const services = listServices(db);
  activeCache.set(db, { until: now + ACTIVE_TTL_MS, services });
  // A failed read is not kept: the next form asks the database again.
  services.catch(() => activeCache.delete(db));
  return services;
}

function catalogueChanged(db: Database): void {
  activeCache.delete(db);
}

export async function getService(db: Database, id: number): Promise<CatalogService | undefined> {
  const row = await db
    .selectFrom('services')
    .select(['id', 'name', 'description', 'retired_at', 'first_response_days', 'delivery_days'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toService(row) : undefined;
}

function slugify(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'service';
}

export async function addService(db: Database, form: ServiceForm) {
  const input = serviceFormSchema.parse(form);
  const added = await db.transaction().execute(async (trx) => {
    const base = slugify(input.name);
    const taken = await trx.selectFrom('services').select('slug').where('slug', 'like', `${base}%`).execute();
    const slugs = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    const last = await trx
      .selectFrom('services')
      .select((eb) => eb.fn.max('sort_order').as('m'))
      .executeTakeFirst();
    return trx
      .insertInto('services')
      .values({
        slug,
        name: input.name,
        description: input.description,
        first_response_days: input.firstResponseDays,
        delivery_days: input.deliveryDays,
        sort_order: Number(last?.m ?? 0) + 10,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  catalogueChanged(db);
  return added;
}

export async function editService(db: Database, id: number, form: ServiceForm) {
  const input = serviceFormSchema.parse(form);
  const r = await db
    .updateTable('services')
    .set({
      name: input.name,
      description: input.description,
      first_response_days: input.firstResponseDays,
      delivery_days: input.deliveryDays,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  catalogueChanged(db);
  return Number(r.numUpdatedRows) > 0;
}

export async function setServiceRetired(db: Database, id: number, retired: boolean, now: Date) {
  const r = await db
    .updateTable('services')
    .set({ retired_at: retired ? now : null })
    .where('id', '=', id)
    .executeTakeFirst();
  catalogueChanged(db);
  return Number(r.numUpdatedRows) > 0;
}
