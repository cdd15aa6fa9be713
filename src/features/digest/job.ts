import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { enqueueMessages } from '../../outbox/enqueue';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import { shareFile } from '../../slack/kit/files';
import { renderDigest } from './blocks';
import { type ChartData, chartAltText, chartData, renderChartPng } from './chart';
import { storeDigestFigures } from './figures';
import { digestText } from './messages';
import { computeDigest, digestPeriod, isQuietWeek } from './service';

const DIGEST_KIND = OUTBOX_KINDS.digest;
const digestKey = (runKey: string, part: 'main' | 'thread') => `digest.${runKey}.${part}`;

/** The digest slot for `now`: the period's first local day in PMO_TIMEZONE. */
export function digestRunKey(deps: Pick<Deps, 'config'>, now: Date): string {
  return digestPeriod(now, deps.config.pmo.timezone).runKey;
}

/**
 * Posts the leads' digest to PMO_CHANNEL_ID: the main message and, in its thread, the reply
 * with the details. Enqueued in one transaction; the dedupe keys make a second run for the
 * same period (another replica, a retry, `npm run job -- digest`) enqueue nothing.
 */
export async function runDigestJob(deps: Deps, _client: WebClient, now: Date) {
  const { db, config } = deps;
  const data = await computeDigest(db, now, config.pmo.timezone);
  // What leads see on Home until the figures are next recomputed: the numbers just posted.
  await storeDigestFigures(db, data, now);
  // Posted in the PMO channel: in the PMO's language, the chart and its alt text too.
  const tr = translatorFor(deps.languages.pmo());
  const rendered = renderDigest(data, now, { quiet: isQuietWeek(data) }, tr);
  const runKey = data.period.runKey;
  const chart = await drawChart(deps, data, runKey, tr);
  const enqueued = await db.transaction().execute(async (trx) => {
    let count = await enqueueMessages(trx, [
      {
        kind: DIGEST_KIND.main,
        dedupeKey: digestKey(runKey, 'main'),
        channel: config.pmo.channelId,
        payload: rendered.main,
      },
    ]);
    if (count > 0) {
      // Every digest carries its chart, a quiet week's too; its figures are frozen with the text.
      await trx
        .insertInto('digest_charts')
        .values({
          run_key: runKey,
          chart: JSON.stringify(chart.data),
          png: chart.png,
          alt_text: chartAltText(chart.data, tr),
          ...(chart.png ? {} : { status: 'failed' as const, error: chart.error }),
        })
        .onConflict((oc) => oc.column('run_key').doNothing())
        .execute();
    }
    if (rendered.thread && count > 0) {
      count += await enqueueMessages(trx, [
        {
          kind: DIGEST_KIND.thread,
          dedupeKey: digestKey(runKey, 'thread'),
          channel: config.pmo.channelId,
          payload: rendered.thread,
          // Sent in the main post's thread once that is out.
          parentKey: digestKey(runKey, 'main'),
        },
      ]);
    }
    return count;
  });
  if (enqueued > 0) deps.outbox.kick();
  return { runKey, enqueued, quiet: !rendered.thread };
}

/**
 * Drawn here, before anything is enqueued, so the sender only uploads (a second of CPU on the
 * first draw, while the renderers load, never sits between a post and its chart). A digest
 * already enqueued for this slot is not drawn again.
 */
async function drawChart(
  deps: Pick<Deps, 'db' | 'logger'>,
  data: Awaited<ReturnType<typeof computeDigest>>,
  runKey: string,
  tr: Translator,
): Promise<{ data: ChartData; png: Buffer | null; error?: string }> {
  const chart = chartData(data);
  const done = await deps.db
    .selectFrom('digest_charts')
    .select('run_key')
    .where('run_key', '=', runKey)
    .executeTakeFirst();
  if (done) return { data: chart, png: null, error: 'already drawn' };
  try {
    return { data: chart, png: await renderChartPng(chart, tr) };
  } catch (err) {
    // The digest goes out without its chart rather than not at all.
    deps.logger.error({ err, runKey }, 'the digest chart could not be drawn');
    return { data: chart, png: null, error: String((err as Error).message ?? err).slice(0, 500) };
  }
}

const runKeyOf = (dedupeKey: string) => dedupeKey.replace(/^digest\./, '').replace(/\.main$/, '');

/**
 * The digest is posted: share its chart in its thread. Called once, when the post is recorded
 * (the outbox's afterSent), and the chart row is claimed pending → sharing first, so a chart is
 * shared at most once whatever replicas or reconciliations do. A failed upload is recorded and
 * not retried: the digest is out either way, and a chart days late would only confuse.
 */
export async function shareDigestChart(
  deps: Pick<Deps, 'db' | 'logger' | 'languages'>,
  client: WebClient,
  dedupeKey: string,
  posted: { channel: string; ts: string },
): Promise<'shared' | 'failed' | 'none'> {
  const { db, logger } = deps;
  const runKey = runKeyOf(dedupeKey);
  const claimed = await db
    .updateTable('digest_charts')
    .set({ status: 'sharing', updated_at: new Date() })
    .where('run_key', '=', runKey)
    .where('status', '=', 'pending')
    .returning(['chart', 'png', 'alt_text'])
    .executeTakeFirst();
  if (!claimed?.png) return 'none';
  const chart = (typeof claimed.chart === 'string' ? JSON.parse(claimed.chart) : claimed.chart) as ChartData;
  try {
    const bytes = Buffer.from(claimed.png);
    const { fileId } = await shareFile(client, {
      channelId: posted.channel,
      threadTs: posted.ts,
      filename: `pmo-digest-${runKey}.png`,
      title: translatorFor(deps.languages.pmo()).t(digestText, 'chartFileTitle', { lastDay: chart.lastDay }),
      bytes,
      altText: claimed.alt_text,
    });
    await db
      .updateTable('digest_charts')
      .set({ status: 'shared', file_id: fileId, updated_at: new Date() })
      .where('run_key', '=', runKey)
      .execute();
    return 'shared';
  } catch (err) {
    logger.warn({ err, runKey }, 'the digest chart could not be shared; the digest stands without it');
    await db
      .updateTable('digest_charts')
      .set({
        status: 'failed',
        error: String((err as Error).message ?? err).slice(0, 500),
        updated_at: new Date(),
      })
      .where('run_key', '=', runKey)
      .execute();
    return 'failed';
  }
}
