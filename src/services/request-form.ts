import { z } from 'zod';

/**
 * What a person typed into the request (and edit) form, checked before anything is stored.
 * Limits match the inputs' max_length, so a forged or replayed payload gets the same answer
 * as the form; errors come back per field for `response_action: errors`.
 */

export const LIMITS = { project: 150, need: 2000, value: 2000, link: 500 } as const;
export const IMPACTS = ['blocking', 'important', 'nice_to_have'] as const;
export type ImpactValue = (typeof IMPACTS)[number];
export const IMPACT_LABELS: Record<ImpactValue, string> = {
  blocking: 'Blocking',
  important: 'Important',
  nice_to_have: 'Nice to have',
};

const required = (label: string, max: number) =>
  z
    .string({ error: `Please tell us ${label}.` })
    .trim()
    .min(1, `Please tell us ${label}.`)
    .max(max, `Please keep this under ${max} characters.`);

const neededBy = (today: string) =>
  z
    .string({ error: 'Please pick a date.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Please pick a date.')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Please pick a date.')
    .refine((d) => d >= today, 'This date is in the past; please pick today or later.');

const link = z
  .string()
  .trim()
  .max(LIMITS.link, `Please keep the link under ${LIMITS.link} characters.`)
  .refine((v) => {
    if (!URL.canParse(v)) return false;
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  }, 'Please paste a web link starting with http:// or https://.');

export interface RawRequestForm {
  serviceId: string | null;
  project: string | null;
  need: string | null;
  value: string | null;
  neededBy: string | null;
  impact: string | null;
  link: string | null;
}

export interface RequestForm {
  serviceId: number;
  project: string;
  need: string;
  value: string;
  neededBy: string;
  impact: ImpactValue;
  link: string | null;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

type Parsed<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> };

function collect<K extends string>(error: z.ZodError): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0]) as K;
    errors[key] ??= issue.message;
  }
  return errors;
}

const blankToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v);

export function parseRequestForm(
  raw: RawRequestForm,
  today: string,
  activeServiceIds: number[],
): Parsed<RequestForm, keyof RequestForm> {
  const schema = z.object({
    serviceId: z.coerce
      .number({ error: 'Please choose a service.' })
      .int()
      .refine((id) => activeServiceIds.includes(id), 'Please choose a service from the list.'),
    project: required('the project or team', LIMITS.project),
    need: required('what you need', LIMITS.need),
    value: required('the value you expect and who benefits', LIMITS.value),
    neededBy: neededBy(today),
    impact: z.enum(IMPACTS, { error: 'Please choose the impact.' }),
    link: link.nullable(),
  });
  const res = schema.safeParse({
    ...raw,
    serviceId: blankToNull(raw.serviceId) ?? undefined,
    project: raw.project ?? undefined,
    need: raw.need ?? undefined,
    value: raw.value ?? undefined,
    neededBy: raw.neededBy ?? undefined,
    impact: raw.impact ?? undefined,
    link: blankToNull(raw.link),
  });
  return res.success ? { ok: true, value: res.data } : { ok: false, errors: collect(res.error) };
}

export interface EditForm {
  need: string;
  value: string;
  neededBy: string;
}

export function parseEditForm(
  raw: { need: string | null; value: string | null; neededBy: string | null },
  today: string,
): Parsed<EditForm, keyof EditForm> {
  const schema = z.object({
    need: required('what you need', LIMITS.need),
    value: required('the value you expect and who benefits', LIMITS.value),
    neededBy: neededBy(today),
  });
  const res = schema.safeParse({
    need: raw.need ?? undefined,
    value: raw.value ?? undefined,
    neededBy: raw.neededBy ?? undefined,
  });
  return res.success ? { ok: true, value: res.data } : { ok: false, errors: collect(res.error) };
}

/** A required free-text answer (decline reason, question, answer, delivery note). */
export function parseText(raw: string | null, what: string, max = 2000): Parsed<string, 'text'> {
  const res = required(what, max).safeParse(raw ?? undefined);
  return res.success
    ? { ok: true, value: res.data }
    : { ok: false, errors: { text: res.error.issues[0]?.message } };
}

/** Optional links, one per line or separated by spaces; each must be http(s). */
export function parseLinks(raw: string | null): Parsed<string[], 'links'> {
  const parts = (raw ?? '').split(/\s+/).filter(Boolean);
  if (parts.length > 10) return { ok: false, errors: { links: 'Please keep it to 10 links.' } };
  for (const p of parts) {
    if (!link.safeParse(p).success)
      return { ok: false, errors: { links: 'Each link must start with http:// or https://.' } };
  }
  return { ok: true, value: parts };
}
