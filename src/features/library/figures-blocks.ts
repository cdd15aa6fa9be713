import type { Translator } from '../../i18n';
import { SLACK_USER_ID } from '../../lib/input';
import { type Block, button, context, fields, header, mention, safe, section } from '../../slack/kit/blocks';
import type { LibraryFigures } from './figures';
import { LIBRARY_IDS as IDS } from './ids';
import { ENGLISH, kindName } from './language';
import { libraryText } from './messages';
import type { LibraryPick } from './picks';

/**
 * The library's value picture as Block Kit, pure: a lead's Home, the digest's library fields,
 * a person's "From the PMO library". Every title and search is text people typed: escaped and
 * cut to fit. The translator comes last (English by default) so callers in other features keep
 * working until they pass their reader's.
 */

/** Drafts a lead's Home lists before "and N more". */
export const HOME_DRAFTS = 3;

const openButton = (tr: Translator, id: number) =>
  button(tr.t(libraryText, 'open'), `${IDS.openPrefix}${id}`, String(id));

/** "by <@U1>", or "by a former member" where the id is not one Slack knows. */
const byOwner = (tr: Translator, id: string) =>
  SLACK_USER_ID.test(id)
    ? tr.t(libraryText, 'byOwner', { owner: mention(id) })
    : tr.t(libraryText, 'byFormerMember');

/** `compare` formats a figure against the window before (the digest's ▲/▼); plain numbers without. */
export type Compare = (current: number, previous: number) => string;

/** The figures as label/value pairs for one fields section (≤ 10 fields, each ≤ 2000). */
export function libraryFields(
  f: LibraryFigures,
  opts: { window: string; compare?: Compare },
  tr: Translator = ENGLISH,
): [string, string][] {
  const t = tr.of(libraryText);
  const n = (v: number) => tr.number(v);
  const versus = (cur: number, prev: number) => (opts.compare ? opts.compare(cur, prev) : n(cur));
  const used = f.mostUsed.length
    ? f.mostUsed
        .map((u) => `${safe(u.title, 120)} · ${n(u.adoptions)}${u.recent ? ` (+${n(u.recent)})` : ''}`)
        .join('\n')
    : t('noAdoptions');
  const useful =
    f.usefulPercent === null
      ? t('noAnswers')
      : t('ratingSummary', { useful: f.useful, notUseful: f.notUseful, percent: f.usefulPercent });
  const misses = f.misses.length
    ? f.misses.map((m) => `“${safe(m.words, 100)}” · ${t('times', { count: m.count })}`).join('\n')
    : t('none');
  // "New adoptions (7 days)": the caller's window (its words, in its reader's language) after the label.
  const inWindow = (label: string) => `${label} (${opts.window})`;
  return [
    [t('fieldMostUsed'), used],
    [inWindow(t('fieldNewAdoptions')), versus(f.adoptions, f.adoptionsBefore)],
    [inWindow(t('fieldUseful')), useful],
    [inWindow(t('fieldAvoided')), versus(f.avoided, f.avoidedBefore)],
    [inWindow(t('fieldPublished')), t('publishedValue', { newly: f.newlyPublished, published: f.published })],
    [
      t('fieldStale'),
      f.stale === 0 ? t('none') : t('staleValue', { stale: f.stale, published: f.published }),
    ],
    [t('fieldMisses'), misses],
  ];
}

/** A lead's Home: the drafts waiting for review, each with Open (which offers Publish), then the figures. */
export function renderLibraryLeadBlocks(
  f: LibraryFigures,
  command: string,
  tr: Translator = ENGLISH,
): Block[] {
  const t = tr.of(libraryText);
  const blocks: Block[] = [header(t('libraryTitle'))];
  const d = f.drafts;
  blocks.push(context(d.total === 0 ? t('noDrafts') : t('draftsWait', { count: d.total })));
  for (const item of d.items.slice(0, HOME_DRAFTS))
    blocks.push(
      section(`*${safe(item.title, 200)}* · ${kindName(tr, item.kind)} · ${byOwner(tr, item.ownerId)}`, {
        accessory: openButton(tr, item.id),
      }),
    );
  const rest = d.total - Math.min(d.items.length, HOME_DRAFTS);
  if (rest > 0) blocks.push(context(t('moreDrafts', { count: rest, command })));
  // The period of the lead's snapshot above it: the digest's 7 days.
  blocks.push(fields(libraryFields(f, { window: t('thisPeriod') }, tr)));
  return blocks;
}

/** "From the PMO library" on a person's Home; nothing at all when nothing matches their topics or requests. */
export function renderLibraryPicks(picks: LibraryPick[], command: string, tr: Translator = ENGLISH): Block[] {
  if (picks.length === 0) return [];
  const t = tr.of(libraryText);
  return [
    header(t('picksHeader')),
    ...picks.map((p) =>
      section(`*${safe(p.title, 200)}* · ${kindName(tr, p.kind)}\n${safe(p.summary, 300)}`, {
        accessory: openButton(tr, p.id),
      }),
    ),
    context(t('picksFooter', { command })),
  ];
}
