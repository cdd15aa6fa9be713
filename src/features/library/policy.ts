import type { LibraryKind, LibraryStatus } from '../../db/schema';
import { addDays } from '../../lib/calendar';

/** The library's rules, pure: who may do what to an entry, and when an entry is stale. */

export const KINDS: Record<LibraryKind, string> = {
  template: 'Template',
  standard: 'Standard',
  playbook: 'Playbook',
  training: 'Training material',
  lesson: 'Lesson learned',
};
export const KIND_KEYS = Object.keys(KINDS) as [LibraryKind, ...LibraryKind[]];

/** An entry past its review date by this many days is shown as stale. */
export const STALE_AFTER_DAYS = 30;

export function isStale(reviewBy: string, today: string): boolean {
  return addDays(reviewBy, STALE_AFTER_DAYS) < today;
}

export interface LibraryActor {
  id: string;
  lead: boolean;
  member: boolean;
}

export interface EntryFacts {
  ownerId: string;
  status: LibraryStatus;
}

/** Drafts and retired entries are the PMO's working copies: members see them, others do not. */
export const canSee = (actor: LibraryActor, e: EntryFacts): boolean =>
  e.status === 'published' || actor.member || actor.lead;

/** Adoptions and ratings are for what the PMO offers now. */
export const canTake = (e: EntryFacts): boolean => e.status === 'published';

export const canAdd = (actor: LibraryActor): boolean => actor.member || actor.lead;

/** Its owner (while a member) and the leads edit an entry; a retired one is history. */
export const canEdit = (actor: LibraryActor, e: EntryFacts): boolean =>
  e.status !== 'retired' && (actor.lead || (actor.member && actor.id === e.ownerId));

export const canPublish = (actor: LibraryActor, e: EntryFacts): boolean => actor.lead && e.status === 'draft';

export const canRetire = (actor: LibraryActor, e: EntryFacts): boolean =>
  actor.lead && e.status !== 'retired';

/** A search's words as counted when nothing matched: one spelling for "Risk  Register" and "risk register". */
export function missKey(words: string): string {
  return words.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** A new entry is due for review six months after it is written (the 31st falls back to the month's end). */
export function firstReviewDate(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const month = m - 1 + 6;
  const year = y + Math.floor(month / 12);
  const lastDay = new Date(Date.UTC(year, (month % 12) + 1, 0)).getUTCDate();
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
