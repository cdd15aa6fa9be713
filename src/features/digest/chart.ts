import { ALT_TEXT_MAX } from '../../slack/kit/files';
import { periodLabel } from './blocks';
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2026-11-16' → '16 Nov'. */
export function weekLabel(firstDay: string): string {
  const [, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''}`;
}

/** Services drawn (and named in the alt text); the rest are summed up as "and N more". */
const MAX_SERVICES = 12;

/**
 * What the chart shows, in words and numbers, for people who cannot see it (Slack's alt_txt,
 * at most 1,000 characters): every week's figures, then the services while they fit.
 */
export function chartAltText(c: ChartData): string {
  const list = (values: (number | null)[]) => values.map((v) => (v === null ? 'none' : String(v))).join(', ');
  const head =
    `PMO digest chart, ${periodLabel(c.firstDay, c.lastDay)}. Last 8 weeks, weeks starting ` +
    `${weekLabel(c.weeks[0]?.firstDay ?? c.firstDay)} to ${weekLabel(c.weeks.at(-1)?.firstDay ?? c.firstDay)}: ` +
    `new requests ${list(c.weeks.map((w) => w.requests))}; ` +
    `delivered ${list(c.weeks.map((w) => w.delivered))}; ` +
    `average value out of 5 ${list(c.weeks.map((w) => w.averageValue))}.`;
  if (c.services.length === 0) return `${head} No services with demand or skills yet.`.slice(0, ALT_TEXT_MAX);
  let text = `${head} This period, requests against members with the skill:`;
  for (const [i, s] of c.services.entries()) {
    const part = ` ${s.name} ${plural(s.demand, 'request')}, ${plural(s.skills, 'member')}${i === c.services.length - 1 ? '.' : ';'}`;
    const rest = c.services.length - i;
    if (text.length + part.length > ALT_TEXT_MAX - 20 || i >= MAX_SERVICES) {
      text += ` and ${rest} more.`;
      break;
    }
    text += part;
  }
  return text.slice(0, ALT_TEXT_MAX);
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

const FONT = 'DejaVu Sans';
export const CHART_WIDTH = 720;

/** The Vega-Lite spec (pure): two panels, one above the other. */
export function chartSpec(c: ChartData): Record<string, unknown> {
  const weeks = c.weeks.flatMap((w, i) => [
    { i, week: weekLabel(w.firstDay), measure: 'New requests', n: w.requests },
    { i, week: weekLabel(w.firstDay), measure: 'Delivered', n: w.delivered },
  ]);
  const values = c.weeks
    .map((w, i) => ({ i, week: weekLabel(w.firstDay), value: w.averageValue }))
    .filter((w) => w.value !== null);
  const services = c.services.slice(0, MAX_SERVICES).flatMap((s) => [
    { service: s.name.slice(0, 40), measure: 'Requests this period', n: s.demand },
    { service: s.name.slice(0, 40), measure: 'Members with the skill', n: s.skills },
  ]);
  const weekOrder = c.weeks.map((w) => weekLabel(w.firstDay));
  const x = {
    field: 'week',
    type: 'ordinal',
    sort: weekOrder,
    title: 'Week starting',
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
    title: `PMO digest · ${periodLabel(c.firstDay, c.lastDay)}`,
    vconcat: [
      {
        title: 'Last 8 weeks: requests, deliveries and average value',
        width: CHART_WIDTH,
        height: 220,
        layer: [
          {
            data: { values: weeks },
            mark: { type: 'bar' },
            encoding: {
              x,
              xOffset: { field: 'measure', sort: ['New requests', 'Delivered'] },
              y: { field: 'n', type: 'quantitative', title: 'Requests', axis: { tickMinStep: 1 } },
              color: {
                field: 'measure',
                type: 'nominal',
                sort: ['New requests', 'Delivered'],
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
                title: 'Average value (1–5, red)',
                scale: { domain: [0, 5] },
                axis: { orient: 'right', titleColor: '#e45756' },
              },
            },
          },
        ],
        resolve: { scale: { y: 'independent', color: 'independent' } },
      },
      {
        title: 'This period: demand against skills on hand, per service',
        width: CHART_WIDTH,
        height: { step: 12 },
        data: { values: services.length ? services : [{ service: 'No services yet', measure: '', n: 0 }] },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'service', type: 'nominal', sort: null, title: null },
          yOffset: { field: 'measure', sort: ['Requests this period', 'Members with the skill'] },
          x: { field: 'n', type: 'quantitative', title: 'Count', axis: { tickMinStep: 1 } },
          color: {
            field: 'measure',
            type: 'nominal',
            sort: ['Requests this period', 'Members with the skill'],
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

export async function renderChartPng(c: ChartData): Promise<Buffer> {
  const [vega, vegaLite, resvg] = await loadRenderers();
  const compiled = vegaLite.compile(chartSpec(c) as never).spec;
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
