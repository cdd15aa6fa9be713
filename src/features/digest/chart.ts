import { type Translator, translatorFor } from '../../i18n';
import { ALT_TEXT_MAX } from '../../slack/kit/files';
import { monthName, periodLabel } from './blocks';
import { digestText } from './messages';
import type { DigestData } from './service';

/**
 * The digest's chart: the last 8 weeks of requests, deliveries and average value, and this
 * period's demand against the skills on hand per service. Rendered on the server, with no
 * browser and no network: Vega-Lite compiles the spec, Vega's headless renderer draws SVG, and
 * resvg rasterises it to PNG with a font shipped in node_modules (dejavu-fonts-ttf) — never a
 * system font, which the slim Docker image does not have.
 */

export interface ChartData {
  /** 'YYYY-MM-DD' of the digest period's first and last day. */
  firstDay: string;
  lastDay: string;
  /** Oldest first; the last is the digest's period. */
  weeks: { firstDay: string; requests: number; delivered: number; averageValue: number | null }[];
  services: { name: string; demand: number; skills: number }[];
}

/** The chart's figures, frozen from the digest when it is enqueued. */
export function chartData(d: DigestData): ChartData {
  return {
    firstDay: d.period.firstDay,
    lastDay: d.period.lastDay,
    weeks: d.history.weeks.map((w) => ({
      firstDay: w.firstDay,
      requests: w.newRequests,
      delivered: w.delivered,
      averageValue: w.averageRating === null ? null : Math.round(w.averageRating * 10) / 10,
    })),
    services: d.services.map((s) => ({ name: s.name, demand: s.current, skills: s.members })),
  };
}

const english = translatorFor('en');

/** '2026-11-16' → '16 Nov', in the reader's language. */
export function weekLabel(firstDay: string, tr: Translator = english): string {
  const [, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  return tr.t(digestText, 'weekLabel', { day: String(d), month: monthName(m, tr) });
}

/** Services drawn (and named in the alt text); the rest are summed up as "and N more". */
const MAX_SERVICES = 12;

/**
 * What the chart shows, in words and numbers, for people who cannot see it (Slack's alt_txt,
 * at most 1,000 characters): every week's figures, then the services while they fit.
 */
export function chartAltText(c: ChartData, tr: Translator = english): string {
  const t = tr.of(digestText);
  // Figures in a list: no thousands separators, which would read as more items.
  const list = (values: (number | null)[]) =>
    values
      .map((v) => (v === null ? t('altNone') : tr.number(v, { useGrouping: false })))
      .join(t('altSeparator'));
  const head = t('altHead', {
    period: periodLabel(c.firstDay, c.lastDay, tr),
    firstWeek: weekLabel(c.weeks[0]?.firstDay ?? c.firstDay, tr),
    lastWeek: weekLabel(c.weeks.at(-1)?.firstDay ?? c.firstDay, tr),
    requests: list(c.weeks.map((w) => w.requests)),
    delivered: list(c.weeks.map((w) => w.delivered)),
    values: list(c.weeks.map((w) => w.averageValue)),
  });
  if (c.services.length === 0) return `${head} ${t('altNoServices')}`.slice(0, ALT_TEXT_MAX);
  let text = `${head} ${t('altServicesIntro')}`;
  for (const [i, s] of c.services.entries()) {
    const part = ` ${t('altService', { service: s.name, requests: s.demand, members: s.skills })}${i === c.services.length - 1 ? '.' : ';'}`;
    const rest = c.services.length - i;
    const more = ` ${t('altAndMore', { count: rest })}`;
    if (text.length + part.length > ALT_TEXT_MAX - more.length - 5 || i >= MAX_SERVICES) {
      text += more;
      break;
    }
    text += part;
  }
  return text.slice(0, ALT_TEXT_MAX);
}

const FONT = 'DejaVu Sans';
export const CHART_WIDTH = 720;

/** The Vega-Lite spec (pure): two panels, one above the other. */
export function chartSpec(c: ChartData, tr: Translator = english): Record<string, unknown> {
  const t = tr.of(digestText);
  const NEW = t('newRequests');
  const DELIVERED = t('delivered');
  const DEMAND = t('chartRequestsThisPeriod');
  const SKILLS = t('chartMembersWithSkill');
  const weeks = c.weeks.flatMap((w, i) => [
    { i, week: weekLabel(w.firstDay, tr), measure: NEW, n: w.requests },
    { i, week: weekLabel(w.firstDay, tr), measure: DELIVERED, n: w.delivered },
  ]);
  const values = c.weeks
    .map((w, i) => ({ i, week: weekLabel(w.firstDay, tr), value: w.averageValue }))
    .filter((w) => w.value !== null);
  const services = c.services.slice(0, MAX_SERVICES).flatMap((s) => [
    { service: s.name.slice(0, 40), measure: DEMAND, n: s.demand },
    { service: s.name.slice(0, 40), measure: SKILLS, n: s.skills },
  ]);
  const weekOrder = c.weeks.map((w) => weekLabel(w.firstDay, tr));
  const x = {
    field: 'week',
    type: 'ordinal',
    sort: weekOrder,
    title: t('chartWeekStarting'),
    axis: { labelAngle: 0 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 16,
    config: {
      font: FONT,
      view: { stroke: null },
      title: { fontSize: 15, anchor: 'start' },
      legend: { orient: 'top', title: null, labelLimit: 300 },
    },
    title: t('chartTitle', { period: periodLabel(c.firstDay, c.lastDay, tr) }),
    vconcat: [
      {
        title: t('chartWeeksTitle'),
        width: CHART_WIDTH,
        height: 220,
        layer: [
          {
            data: { values: weeks },
            mark: { type: 'bar' },
            encoding: {
              x,
              xOffset: { field: 'measure', sort: [NEW, DELIVERED] },
              y: {
                field: 'n',
                type: 'quantitative',
                title: t('chartRequestsAxis'),
                axis: { tickMinStep: 1 },
              },
              color: {
                field: 'measure',
                type: 'nominal',
                sort: [NEW, DELIVERED],
                scale: { range: ['#4c78a8', '#54a24b'] },
              },
            },
          },
          {
            data: { values },
            mark: { type: 'line', point: { color: '#e45756' }, color: '#e45756' },
            encoding: {
              x,
              y: {
                field: 'value',
                type: 'quantitative',
                title: t('chartValueAxis'),
                scale: { domain: [0, 5] },
                axis: { orient: 'right', titleColor: '#e45756' },
              },
            },
          },
        ],
        resolve: { scale: { y: 'independent', color: 'independent' } },
      },
      {
        title: t('chartServicesTitle'),
        width: CHART_WIDTH,
        height: { step: 12 },
        data: { values: services.length ? services : [{ service: t('chartNoServices'), measure: '', n: 0 }] },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'service', type: 'nominal', sort: null, title: null },
          yOffset: { field: 'measure', sort: [DEMAND, SKILLS] },
          x: { field: 'n', type: 'quantitative', title: t('chartCount'), axis: { tickMinStep: 1 } },
          color: {
            field: 'measure',
            type: 'nominal',
            sort: [DEMAND, SKILLS],
            scale: { range: ['#f58518', '#72b7b2'] },
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

type Renderers = [typeof import('vega'), typeof import('vega-lite'), typeof import('@resvg/resvg-js')];
let renderers: Promise<Renderers> | undefined;

/**
 * Vega and Vega-Lite are ES modules (vega-canvas uses top-level await), so they are imported,
 * not required; loaded once, on first use (about a second).
 */
function loadRenderers(): Promise<Renderers> {
  renderers ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
  return renderers;
}

/** The font file shipped with the app's dependencies. */
export const CHART_FONT_FILES = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

export async function renderChartPng(c: ChartData, tr: Translator = english): Promise<Buffer> {
  const [vega, vegaLite, resvg] = await loadRenderers();
  const compiled = vegaLite.compile(chartSpec(c, tr) as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG(1.25);
  view.finalize();
  const png = new resvg.Resvg(svg, {
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
