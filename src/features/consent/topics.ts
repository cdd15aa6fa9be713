import { z } from 'zod';
import type { Database } from '../../db/client';
import { optionalText, requiredText } from '../../lib/input';

/** A topic as a lead types it; the form and createTopic/updateTopic use the same rule. */
export const topicFormSchema = z.object({
  name: requiredText({ what: 'the name of the topic', max: 75 }),
  description: optionalText({ max: 300 }).transform((v) => v ?? ''),
});

/** Topics people opt in to. Leads add, rename and retire them; retired topics invite nobody. */
export interface TopicInfo {
  id: number;
  slug: string;
  name: string;
  description: string;
  retired: boolean;
}

/** The coaching topic: asking for coaching opts you in, opting out of it ends coaching. */
export const COACHING_TOPIC_SLUG = 'executive-coaching';

const toInfo = (r: {
  id: number;
  slug: string;
  name: string;
  description: string;
  retired_at: Date | null;
}): TopicInfo => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  retired: r.retired_at !== null,
});

export async function listTopics(
  db: Database,
  opts: { includeRetired?: boolean } = {},
): Promise<TopicInfo[]> {
  let q = db
    .selectFrom('topics')
    .select(['id', 'slug', 'name', 'description', 'retired_at'])
    .orderBy('sort_order')
    .orderBy('id');
  if (!opts.includeRetired) q = q.where('retired_at', 'is', null);
  return (await q.execute()).map(toInfo);
}

export async function getTopic(db: Database, id: number): Promise<TopicInfo | undefined> {
  const row = await db
    .selectFrom('topics')
    .select(['id', 'slug', 'name', 'description', 'retired_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toInfo(row);
}

export async function topicBySlug(db: Database, slug: string): Promise<TopicInfo | undefined> {
  const row = await db
    .selectFrom('topics')
    .select(['id', 'slug', 'name', 'description', 'retired_at'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toInfo(row);
}

/** What a person can see of typed text: format characters (zero-width, BOM, joiners) go. */
export const visibleText = (s: string) => s.replace(/\p{Cf}/gu, '').trim();

const normalise = (s: string) =>
  visibleText(s)
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** What someone typed after `/pmo optout`: a slug, a name, or an unambiguous start of one. */
export function matchTopic(topics: TopicInfo[], typed: string): TopicInfo | undefined {
  const t = normalise(typed);
  if (!t) return undefined;
  const exact = topics.find((x) => normalise(x.slug) === t || normalise(x.name) === t);
  if (exact) return exact;
  const starts = topics.filter((x) => normalise(x.name).startsWith(t) || normalise(x.slug).startsWith(t));
  return starts.length === 1 ? starts[0] : undefined;
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/&/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'topic'
  );
}

export class TopicError extends Error {
  constructor(
    readonly code: 'duplicate_name' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

export async function createTopic(
  db: Database,
  form: { name: string; description: string },
): Promise<TopicInfo> {
  const input = topicFormSchema.parse(form);
  const slug = slugify(input.name);
  const clash = await db
    .selectFrom('topics')
    .select('id')
    .where((eb) =>
      eb.or([eb('slug', '=', slug), eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase())]),
    )
    .executeTakeFirst();
  if (clash) throw new TopicError('duplicate_name', 'A topic with this name already exists.');
  const max = await db
    .selectFrom('topics')
    .select((eb) => eb.fn.max<number>('sort_order').as('m'))
    .executeTakeFirst();
  const row = await db
    .insertInto('topics')
    .values({ slug, name: input.name, description: input.description, sort_order: Number(max?.m ?? 0) + 10 })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning(['id', 'slug', 'name', 'description', 'retired_at'])
    .executeTakeFirst();
  if (!row) throw new TopicError('duplicate_name', 'A topic with this name already exists.');
  return toInfo(row);
}

export async function updateTopic(
  db: Database,
  id: number,
  form: { name: string; description: string; retired: boolean },
  now: Date,
): Promise<TopicInfo> {
  const input = { ...topicFormSchema.parse(form), retired: form.retired === true };
  const clash = await db
    .selectFrom('topics')
    .select('id')
    .where('id', '<>', id)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (clash) throw new TopicError('duplicate_name', 'Another topic already has this name.');
  const current = await getTopic(db, id);
  if (!current) throw new TopicError('not_found', 'This topic no longer exists.');
  // The slug stays: people type it in `/pmo optout <topic>` and it names the topic in events.
  const row = await db
    .updateTable('topics')
    .set({
      name: input.name,
      description: input.description,
      retired_at: input.retired ? (current.retired ? undefined : now) : null,
    })
    .where('id', '=', id)
    .returning(['id', 'slug', 'name', 'description', 'retired_at'])
    .executeTakeFirstOrThrow();
  return toInfo(row);
}
