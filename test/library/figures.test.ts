import {
  FIGURE_LISTS,
  type RawLibraryFigures,
  staleBefore,
  summariseLibrary,
} from '../../src/features/library/figures';
import { isStale } from '../../src/features/library/policy';

/** The library's value picture, its arithmetic alone: the same for a lead's Home and the digest. */

const raw = (over: Partial<RawLibraryFigures> = {}): RawLibraryFigures => ({
  published: 0,
  drafts: 0,
  stale: 0,
  newlyPublished: 0,
  adoptions: 0,
  adoptionsBefore: 0,
  useful: 0,
  notUseful: 0,
  avoided: 0,
  avoidedBefore: 0,
  draftList: null,
  mostUsed: null,
  misses: null,
  ...over,
});

const draft = (id: number) => ({ id, kind: 'template' as const, title: `Draft ${id}`, ownerId: 'UMEMB1' });
const used = (id: number, adoptions: unknown, recent: unknown = 0) => ({
  id,
  kind: 'playbook' as const,
  title: `Entry ${id}`,
  adoptions: adoptions as number,
  recent: recent as number,
});

describe('summariseLibrary', () => {
  it.each([
    ['no answers: no percentage', { useful: 0, notUseful: 0 }, null],
    ['all useful', { useful: 3, notUseful: 0 }, 100],
    ['none useful', { useful: 0, notUseful: 2 }, 0],
    ['two of three, rounded', { useful: 2, notUseful: 1 }, 67],
    ['one of three, rounded', { useful: 1, notUseful: 2 }, 33],
    // bigint counts arrive from the driver as strings
    ['counts as strings', { useful: '5', notUseful: '3' }, 63],
  ] as const)('usefulness: %s', (_what, counts, percent) => {
    expect(summariseLibrary(raw(counts)).usefulPercent).toBe(percent);
  });

  it.each([
    ['nothing waiting', 0, [], { shown: 0, total: 0, more: 0 }],
    ['all shown', 2, [draft(1), draft(2)], { shown: 2, total: 2, more: 0 }],
    ['more than the list', 9, [1, 2, 3, 4, 5].map(draft), { shown: 5, total: 9, more: 4 }],
    // a draft published between the count and the list: never fewer than shown
    ['count behind the list', 1, [draft(1), draft(2)], { shown: 2, total: 2, more: 0 }],
    [
      'a longer list is cut',
      7,
      [1, 2, 3, 4, 5, 6, 7].map(draft),
      { shown: FIGURE_LISTS.drafts, total: 7, more: 2 },
    ],
  ] as const)('drafts: %s', (_what, total, list, want) => {
    const d = summariseLibrary(raw({ drafts: total, draftList: [...list] })).drafts;
    expect({ shown: d.items.length, total: d.total, more: d.more }).toEqual(want);
  });

  it.each([
    ['by adoptions, most first', [used(1, 2), used(2, 5), used(3, 3)], [2, 3, 1]],
    [
      'a tie goes to the most recent, then the oldest entry',
      [used(4, 2, 0), used(5, 2, 1), used(3, 2, 0)],
      [5, 3, 4],
    ],
    ['never more than the list holds', [used(1, 4), used(2, 3), used(3, 2), used(4, 1)], [1, 2, 3]],
    ['unused entries are not "most used"', [used(1, 0), used(2, '1')], [2]],
  ] as const)('most used: %s', (_what, list, ids) => {
    expect(summariseLibrary(raw({ mostUsed: [...list] })).mostUsed.map((u) => u.id)).toEqual(ids);
  });

  it('lists the most searched misses first, ties by their words, at most five', () => {
    const misses = [
      { words: 'raci', count: 2 },
      { words: 'okr', count: 7 },
      { words: 'budget', count: 2 },
      { words: 'a', count: 1 },
      { words: 'b', count: 1 },
      { words: 'c', count: 1 },
    ];
    expect(summariseLibrary(raw({ misses })).misses.map((m) => m.words)).toEqual([
      'okr',
      'budget',
      'raci',
      'a',
      'b',
    ]);
  });

  it.each([
    ['an empty library nobody searched', {}, false],
    ['a draft', { drafts: 1 }, true],
    ['a published entry', { published: 1 }, true],
    ['only a search that found nothing', { misses: [{ words: 'okr', count: 1 }] }, true],
  ] as const)('has news: %s', (_what, over, news) => {
    expect(summariseLibrary(raw(over as Partial<RawLibraryFigures>)).hasNews).toBe(news);
  });

  it('never counts more stale entries than are published, nor negative or odd counts', () => {
    const f = summariseLibrary(raw({ published: 2, stale: 5, adoptions: -3, avoided: 'x' }));
    expect([f.stale, f.adoptions, f.avoided]).toEqual([2, 0, 0]);
  });
});

describe('staleBefore is the policy’s isStale as a bound', () => {
  it.each([
    ['2026-11-24', '2026-10-25', false], // exactly 30 days past review: not yet stale
    ['2026-11-24', '2026-10-24', true],
    ['2026-11-24', '2026-11-24', false],
    ['2026-03-01', '2026-01-29', true], // across a short February
    ['2026-03-01', '2026-01-30', false],
    ['2027-01-05', '2026-12-05', true], // across the year's end
  ])('on %s, an entry due for review on %s', (today, reviewBy, stale) => {
    expect(isStale(reviewBy, today)).toBe(stale);
    expect(reviewBy < staleBefore(today)).toBe(stale);
  });
});
