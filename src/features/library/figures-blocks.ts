import { SLACK_USER_ID } from '../../lib/input';
import { type Block, button, context, fields, header, mention, safe, section } from '../../slack/kit/blocks';
import type { LibraryFigures } from './figures';
import { LIBRARY_IDS as IDS } from './ids';
import type { LibraryPick } from './picks';
import { KINDS } from './policy';

/**
 * The library's value picture as Block Kit, pure: a lead's review queue and figures on Home,
 * the digest's library fields, a person's "From the PMO library". Every title and search is
 * text people typed: escaped and cut to fit.
 */

/** Drafts a lead's Home lists before "and N more". */
export const HOME_DRAFTS = 3;

const openButton = (id: number) => button('Open', `${IDS.openPrefix}${id}`, String(id));

const owner = (id: string) => (SLACK_USER_ID.test(id) ? mention(id) : 'a former member');

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** `compare` formats a figure against the window before (the digest's ▲/▼); plain numbers without. */
export type Compare = (current: number, previous: number) => string;

/** The figures as label/value pairs for one fields section (≤ 10 fields, each ≤ 2000). */
export function libraryFields(
  f: LibraryFigures,
  opts: { window: string; compare?: Compare },
): [string, string][] {
  const versus = (cur: number, prev: number) => (opts.compare ? opts.compare(cur, prev) : String(cur));
  const used = f.mostUsed.length
    ? f.mostUsed
        .map((u) => `${safe(u.title, 120)} · ${u.adoptions}${u.recent ? ` (+${u.recent})` : ''}`)
        .join('\n')
    : 'No adoptions yet';
  const useful =
    f.usefulPercent === null
      ? 'No answers'
      : `👍 ${f.useful} · 👎 ${f.notUseful} (${f.usefulPercent}% useful)`;
  const misses = f.misses.length
    ? f.misses.map((m) => `“${safe(m.words, 100)}” · ${times(m.count)}`).join('\n')
    : 'None';
  return [
    ['Most used (adoptions)', used],
    [`New adoptions (${opts.window})`, versus(f.adoptions, f.adoptionsBefore)],
    [`Useful? (${opts.window})`, useful],
    [`Requests avoided (${opts.window})`, versus(f.avoided, f.avoidedBefore)],
    [`Published (${opts.window})`, `${f.newlyPublished} new · ${f.published} in the library`],
    ['Stale (past review)', f.stale === 0 ? 'None' : `${f.stale} of ${f.published}`],
    ['Searches that found nothing', misses],
  ];
}

/** A lead's Home: the drafts waiting for review, each with Open (which offers Publish), then the figures. */
export function renderLibraryLeadBlocks(f: LibraryFigures, command: string): Block[] {
  const blocks: Block[] = [header('PMO library')];
  const d = f.drafts;
  blocks.push(
    context(
      d.total === 0
        ? 'No drafts waiting for review.'
        : `${d.total === 1 ? '1 draft waits' : `${d.total} drafts wait`} for a lead to review and publish, oldest first.`,
    ),
  );
  for (const item of d.items.slice(0, HOME_DRAFTS))
    blocks.push(
      section(`*${safe(item.title, 200)}* · ${KINDS[item.kind]} · by ${owner(item.ownerId)}`, {
        accessory: openButton(item.id),
      }),
    );
  const rest = d.total - Math.min(d.items.length, HOME_DRAFTS);
  if (rest > 0) blocks.push(context(`and ${rest} more: \`${command} library\` lists drafts for the PMO.`));
  // The period of the lead's snapshot above it: the digest's 7 days.
  blocks.push(fields(libraryFields(f, { window: 'this period' })));
  return blocks;
}

/** "From the PMO library" on a person's Home; nothing at all when nothing matches their topics or requests. */
export function renderLibraryPicks(picks: LibraryPick[], command: string): Block[] {
  if (picks.length === 0) return [];
  return [
    header('From the PMO library'),
    ...picks.map((p) =>
      section(`*${safe(p.title, 200)}* · ${KINDS[p.kind]}\n${safe(p.summary, 300)}`, {
        accessory: openButton(p.id),
      }),
    ),
    context(`For your topics and recent requests. \`${command} library [words]\` searches it all.`),
  ];
}
