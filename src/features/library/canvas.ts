import type { WebClient } from '@slack/web-api';
import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { LibraryKind } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
import type { ScheduledJob } from '../../jobs/registry';
import { type Block, context, header, safe, section } from '../../slack/kit/blocks';
import { pmoTranslator } from './language';
import { libraryText } from './messages';
import { KIND_KEYS } from './policy';

/**
 * The library index in the PMO channel: a channel canvas with one section per kind, created once
 * and then kept up to date section by section (`canvases.sections.lookup` finds a kind's heading,
 * `canvases.edit` replaces it), never recreated. Where the workspace cannot have a channel canvas
 * it is one pinned message, edited in place.
 *
 * Every change to what is published moves `wanted` on in the change's own transaction, so an
 * owed update survives any failure; a sync writes what the database says at that moment (many
 * changes, one write) and moves `written` on. A lease (in the database's time) keeps two syncs
 * apart, and the minute job retries whatever is still owed.
 */

/** The index's title in English; it is written in the PMO's language. */
export const INDEX_TITLE = libraryText.messages.en.libraryTitle;

/** Each kind's section heading (h2) in the PMO's language, found again by its text. */
const headingOf = (tr: Translator, kind: LibraryKind) => tr.t(libraryText, 'kindHeading', { kind });

/**
 * The heading a section was last written with (its first line): the one to look for in the
 * canvas, so a change of the PMO's language replaces the sections rather than adding new ones.
 */
const writtenHeading = (section: string | undefined) => /^## (.+)\n/.exec(section ?? '')?.[1];

/**
 * Where a channel canvas cannot be made, as Slack's docs for conversations.canvases.create say:
 * the workspace's plan has no channel canvases; a free workspace's channel already has its one
 * canvas tab; the channel already has a canvas (not one this app made: its id was never ours to
 * edit). Each leaves the pinned message; none is retried.
 */
export const CANVAS_UNAVAILABLE = [
  'team_tier_cannot_create_channel_canvases',
  'free_team_canvas_tab_already_exists',
  'channel_canvas_already_exists',
] as const;
/** The canvas was deleted in Slack: the index is not recreated behind the PMO's back. */
const CANVAS_GONE = ['canvas_not_found', 'canvas_deleted'];
const PER_SECTION = 200;

interface IndexEntry {
  kind: LibraryKind;
  title: string;
  summary: string;
  link: string | null;
}

/** In the change's transaction: the index owes an update. */
export async function markIndexStale(tx: Database): Promise<void> {
  await tx
    .insertInto('library_index')
    .values({ id: 1 })
    .onConflict((oc) => oc.column('id').doUpdateSet({ wanted: sql<number>`library_index.wanted + 1` }))
    .execute();
}

/** Canvas markdown of a person's words: one line, markup characters taken literally. */
function canvasText(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return cut.replace(/[\\`*_{}[\]()#+!|<>~&]/g, '\\$&');
}

const webLink = (link: string | null) =>
  link && /^https?:\/\/[^\s]+$/i.test(link) ? link.replace(/\(/g, '%28').replace(/\)/g, '%29') : null;

/** One kind's section of the canvas, heading included. */
export function renderKindSection(tr: Translator, kind: LibraryKind, entries: IndexEntry[]): string {
  const t = tr.of(libraryText);
  const mine = entries.filter((e) => e.kind === kind);
  const lines = mine.slice(0, PER_SECTION).map((e) => {
    const link = webLink(e.link);
    return `- **${canvasText(e.title, 150)}**: ${canvasText(e.summary, 300)}${link ? ` [${t('openLink')}](${link})` : ''}`;
  });
  if (mine.length > PER_SECTION) lines.push(`- ${t('canvasMore', { count: mine.length - PER_SECTION })}`);
  return `## ${headingOf(tr, kind)}\n${lines.length ? lines.join('\n') : t('nothingYet')}\n`;
}

export function renderCanvas(tr: Translator, sections: Record<LibraryKind, string>, command: string): string {
  const t = tr.of(libraryText);
  const intro = `# ${t('libraryTitle')}\n${t('canvasIntro', { command })}\n`;
  return [intro, ...KIND_KEYS.map((k) => sections[k])].join('');
}

/** The pinned message that stands in for the canvas. */
export function renderIndexMessage(
  tr: Translator,
  entries: IndexEntry[],
  command: string,
): { text: string; blocks: Block[] } {
  const t = tr.of(libraryText);
  const blocks: Block[] = [header(t('libraryTitle'))];
  for (const kind of KIND_KEYS) {
    const mine = entries.filter((e) => e.kind === kind);
    let body = '';
    let shown = 0;
    for (const e of mine) {
      const line = `• *${safe(e.title, 150)}*: ${safe(e.summary, 200)}\n`;
      if (body.length + line.length > 2700) break;
      body += line;
      shown++;
    }
    if (mine.length > shown) body += t('indexMore', { count: mine.length - shown });
    blocks.push(section(`*${headingOf(tr, kind)}*\n${body.trim() || t('nothingYet')}`));
  }
  blocks.push(context(t('indexFooter', { command })));
  return { text: t('indexText', { count: entries.length }), blocks };
}

async function publishedEntries(db: Database): Promise<IndexEntry[]> {
  return db
    .selectFrom('library_entries')
    .select(['kind', 'title', 'summary', 'link'])
    .where('status', '=', 'published')
    .orderBy(sql`lower(title)`)
    .orderBy('id')
    .execute();
}

type IndexRow = Awaited<ReturnType<typeof claim>>;

/** Takes the lease when an update is owed and nobody else is writing it. */
async function claim(db: Database) {
  return db
    .updateTable('library_index')
    .set({ lease_until: sql<Date>`now() + interval '60 seconds'` })
    .where('id', '=', 1)
    .whereRef('written', '<', 'wanted')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}

const slackError = (err: unknown) => (err as { data?: { error?: string } }).data?.error ?? '';

/**
 * Brings the index up to what the database says, as many times as changes keep coming; a
 * failure is logged and left owed (the minute job tries again). Never throws.
 */
export async function syncLibraryIndex(deps: Deps, client: WebClient): Promise<void> {
  const { db, logger } = deps;
  // An index that was never written is owed one: the first sync creates it.
  await db
    .insertInto('library_index')
    .values({ id: 1 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (;;) {
    const row = await claim(db);
    if (!row) return;
    try {
      await writeIndex(deps, client, row);
      await db
        .updateTable('library_index')
        .set({ written: row.wanted, lease_until: null, last_error: null, updated_at: deps.clock.now() })
        .where('id', '=', 1)
        .execute();
    } catch (err) {
      logger.error({ err, error: slackError(err) }, 'library index update failed; it will be retried');
      await db
        .updateTable('library_index')
        .set({
          lease_until: null,
          last_error: String(slackError(err) || (err as Error).message).slice(0, 500),
        })
        .where('id', '=', 1)
        .execute()
        .catch(() => undefined);
      return;
    }
  }
}

async function writeIndex(deps: Deps, client: WebClient, claimed: NonNullable<IndexRow>): Promise<void> {
  const { db, config } = deps;
  const channel = config.pmo.channelId;
  let row = claimed;
  if (row.channel !== channel) {
    // A new PMO channel gets an index of its own.
    row = { ...row, channel, canvas_id: null, message_ts: null, fallback_reason: null, sections: {} };
    await save(db, { channel, canvas_id: null, message_ts: null, fallback_reason: null, sections: {} });
  }
  // A channel post: in the PMO's language.
  const tr = pmoTranslator(deps);
  const entries = await publishedEntries(db);
  const sections = Object.fromEntries(KIND_KEYS.map((k) => [k, renderKindSection(tr, k, entries)])) as Record<
    LibraryKind,
    string
  >;

  if (!row.canvas_id && !row.fallback_reason) {
    try {
      const res = await client.conversations.canvases.create({
        channel_id: channel,
        title: tr.t(libraryText, 'libraryTitle'),
        document_content: { type: 'markdown', markdown: renderCanvas(tr, sections, config.pmo.command) },
      });
      await save(db, { canvas_id: String(res.canvas_id), sections });
      return;
    } catch (err) {
      const code = slackError(err);
      if (!(CANVAS_UNAVAILABLE as readonly string[]).includes(code)) throw err;
      deps.logger.info({ error: code }, 'no channel canvas here: the library index is a pinned message');
      row = { ...row, fallback_reason: code };
      await save(db, { fallback_reason: code });
    }
  }

  if (row.canvas_id && !row.fallback_reason) {
    const canvasId = row.canvas_id;
    const written = { ...(row.sections ?? {}) };
    try {
      for (const kind of KIND_KEYS) {
        if (written[kind] === sections[kind]) continue;
        const found = await client.canvases.sections.lookup({
          canvas_id: canvasId,
          criteria: {
            section_types: ['h2'],
            contains_text: writtenHeading(written[kind]) ?? headingOf(tr, kind),
          },
        });
        const sectionId = (found.sections as { id?: string }[] | undefined)?.[0]?.id;
        const document_content = { type: 'markdown' as const, markdown: sections[kind] };
        await client.canvases.edit({
          canvas_id: canvasId,
          changes: [
            // A heading someone removed from the canvas comes back at its end.
            sectionId
              ? { operation: 'replace', section_id: sectionId, document_content }
              : { operation: 'insert_at_end', document_content },
          ],
        });
        written[kind] = sections[kind];
        await save(db, { sections: written });
      }
      return;
    } catch (err) {
      const code = slackError(err);
      if (!CANVAS_GONE.includes(code)) throw err;
      deps.logger.warn(
        { error: code, canvasId },
        'the library canvas is gone: a pinned message takes its place',
      );
      row = { ...row, fallback_reason: code };
      await save(db, { fallback_reason: code });
    }
  }

  const message = renderIndexMessage(tr, entries, config.pmo.command);
  if (row.message_ts) {
    await client.chat.update({ channel, ts: row.message_ts, text: message.text, blocks: message.blocks });
    return;
  }
  const posted = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
  });
  // Kept before pinning, so a retry edits this message instead of posting another.
  await save(db, { message_ts: String(posted.ts) });
  try {
    await client.pins.add({ channel, timestamp: String(posted.ts) });
  } catch (err) {
    if (slackError(err) !== 'already_pinned')
      deps.logger.warn({ err }, 'the library index message could not be pinned');
  }
}

async function save(
  db: Database,
  set: Partial<{
    channel: string;
    canvas_id: string | null;
    message_ts: string | null;
    fallback_reason: string | null;
    sections: Record<string, string>;
  }>,
): Promise<void> {
  const { sections, ...rest } = set;
  await db
    .updateTable('library_index')
    .set({ ...rest, ...(sections ? { sections: JSON.stringify(sections) } : {}) })
    .where('id', '=', 1)
    .execute();
}

/** Every minute: cheap when nothing is owed (one conditional update finds nothing). */
export const indexJob: ScheduledJob = {
  name: 'library-index',
  schedule: () => '* * * * *',
  run: (deps, client) => syncLibraryIndex(deps, client),
};
