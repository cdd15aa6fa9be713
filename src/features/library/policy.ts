import type { LibraryKind, LibraryStatus, RequestStatus } from '../../db/schema';
import { addDays } from '../../lib/calendar';

/** The library's rules, pure: who may do what to an entry, and when an entry is stale. */

/** The kinds, in order; what people read is the catalogue's `kind` message (language.ts `kindName`). */
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

/** A request as the library needs to know it to save what was made for it. */
export interface DeliveredFacts {
  status: RequestStatus;
  /** The member who holds it: on a delivered request, the one who delivered it (only the owner delivers). */
  ownerId: string | null;
}

/**
 * What was made for a request is saved for others once it is delivered (closed: the requester
 * confirmed it), by the member who delivered it or by a lead. Anyone else, or a request still in
 * the works, gets no form: there is nothing to save yet, or it is not theirs to tell.
 */
export const canSaveFromRequest = (actor: LibraryActor, r: DeliveredFacts): boolean =>
  (r.status === 'delivered' || r.status === 'closed') &&
  (actor.lead || (actor.member && r.ownerId === actor.id));

/** An entry comes up for review on its review-by date. */
export const isDueForReview = (reviewBy: string, today: string): boolean => reviewBy <= today;

export interface ReviewFacts extends EntryFacts {
  reviewBy: string;
}

/** Its owner (while a member) and the leads answer a published entry's review: keep, edit or retire it. */
export const canReview = (actor: LibraryActor, e: ReviewFacts): boolean =>
  e.status === 'published' && (actor.lead || (actor.member && actor.id === e.ownerId));

/**
 * Retiring is a lead's call, except at review: the owner who is asked whether their entry is
 * still right may answer "no" themselves, rather than wait for a lead to act on it. Before its
 * review date, or once its owner left the PMO, only a lead retires it.
 */
export const canRetireAtReview = (actor: LibraryActor, e: ReviewFacts, today: string): boolean =>
  canRetire(actor, e) || (canReview(actor, e) && isDueForReview(e.reviewBy, today));

/**
 * Kept as it is: due again six months after the day it was looked at (not after the date it was
 * due), so an owner who answers late is not asked again within weeks.
 */
export const nextReviewDate = (today: string): string => firstReviewDate(today);

/** What decides whether a change to an entry is news for the people who follow its topics. */
export interface NewsFacts {
  status: LibraryStatus;
  kind: LibraryKind;
  title: string;
  summary: string;
  topics: string[];
}

const sameWords = (a: string, b: string) =>
  a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Is this change "New in the PMO library"? A publish is; so is an edit of a published entry that
 * changes what it is (its kind, title or summary, beyond case and spacing) or files it under a
 * topic it was not under (new to that topic's followers). A fix to the body, the link or the
 * services is not: people are told about new things, not every typo.
 */
export function isNews(before: NewsFacts, after: NewsFacts): boolean {
  if (after.status !== 'published') return false;
  if (before.status !== 'published') return true;
  return (
    before.kind !== after.kind ||
    !sameWords(before.title, after.title) ||
    !sameWords(before.summary, after.summary) ||
    after.topics.some((t) => !before.topics.includes(t))
  );
}

/** The ISO week a local day ('YYYY-MM-DD') falls in, as '2026-W48': one news DM per person per week. */
export function newsWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7;
  // The week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
