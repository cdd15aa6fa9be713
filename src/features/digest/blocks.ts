import type { KnownBlock } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
import { reference } from '../../lib/request-reference';
import { context, fields, header, safe, section } from '../../slack/kit/blocks';
import { hasTargetNews, renderTargetDetails, renderTargetFields } from '../calendar';
import { type LibraryFigures, libraryFields } from '../library';
import { MIN_PEOPLE_FOR_QUOTES, type ServiceBenefits } from './benefits';
import { type DigestHistory, type WeekFigures, weeklyMedian } from './history';
import { DIGEST_IDS } from './ids';
import { digestText } from './messages';
import { type DigestData, MIN_PEOPLE_FOR_COMMENTS } from './service';

/**
 * The leads' digest: one message that reads in 30 seconds (a header and two sections of
 * fields), the details in its thread. Pure: DigestData in, Block Kit out.
 */

export interface DigestMessages {
  main: { text: string; blocks: KnownBlock[] };
  /** Undefined for a quiet week (one line, no thread). */
  thread?: { text: string; blocks: KnownBlock[] };
}

const english = translatorFor('en');

/** Days and years go into messages as strings: ICU would group 2026 as "2,026". */
const MONTH_KEYS = [
  'month1',
  'month2',
  'month3',
  'month4',
  'month5',
  'month6',
  'month7',
  'month8',
  'month9',
  'month10',
  'month11',
  'month12',
] as const;

/** A month's short name in the reader's language (1 = January). */
export function monthName(month: number, tr: Translator = english): string {
  const key = MONTH_KEYS[month - 1];
  return key ? tr.t(digestText, key) : '';
}

/** '2026-11-16' … '2026-11-22' → '16–22 Nov 2026' (or '26 Oct – 1 Nov 2026'), in the reader's language. */
export function periodLabel(firstDay: string, lastDay: string, tr: Translator = english): string {
  const t = tr.of(digestText);
  const [y1, m1, d1] = firstDay.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = lastDay.split('-').map(Number) as [number, number, number];
  const days = { d1: String(d1), d2: String(d2) };
  if (y1 !== y2)
    return t('periodTwoYears', {
      ...days,
      m1: monthName(m1, tr),
      y1: String(y1),
      m2: monthName(m2, tr),
      y2: String(y2),
    });
  if (m1 !== m2)
    return t('periodTwoMonths', { ...days, m1: monthName(m1, tr), m2: monthName(m2, tr), year: String(y2) });
  return t('periodSameMonth', { ...days, month: monthName(m2, tr), year: String(y2) });
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** "5 (▲2)", "3 (▼1)", "4 (=)": the trend against the previous 7 days. */
export function trend(current: number, previous: number, format: (v: number) => string = String): string {
  const delta = round1(current - previous);
  if (delta > 0) return `${format(current)} (▲${format(delta)})`;
  if (delta < 0) return `${format(current)} (▼${format(-delta)})`;
  return `${format(current)} (=)`;
}

/** Durations: hours below two days, days above. */
export function duration(hours: number, tr: Translator = english): string {
  const t = tr.of(digestText);
  return hours < 48
    ? t('hours', { hours: tr.number(round1(hours)) })
    : t('days', { days: tr.number(round1(hours / 24)) });
}

function medianTrend(tr: Translator, current: number | null, previous: number | null): string {
  const t = tr.of(digestText);
  if (current === null)
    return previous === null ? '—' : t('wasDuration', { duration: duration(previous, tr) });
  if (previous === null) return duration(current, tr);
  const delta = current - previous;
  if (Math.abs(delta) < 0.05) return `${duration(current, tr)} (=)`;
  // the change in the same unit as the figure: "4.5 d (▼1 d)", not "4.5 d (▼24 h)"
  const change =
    current < 48
      ? t('hours', { hours: tr.number(round1(Math.abs(delta))) })
      : t('days', { days: tr.number(round1(Math.abs(delta) / 24)) });
  return `${duration(current, tr)} (${delta > 0 ? '▲' : '▼'}${change})`;
}

/** Joins list lines under a section's 3,000-character limit, saying how many did not fit. */
function lines(tr: Translator, items: string[], budget = 2700): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of items.entries()) {
    if (used + line.length + 1 > budget) {
      out.push(tr.t(digestText, 'andMore', { count: items.length - i }));
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

/** " · 8-wk median 4": a figure against its usual level, not just against last week. */
function usual(
  tr: Translator,
  h: DigestHistory,
  figure: (w: WeekFigures) => number | null,
  format = (v: number) => tr.number(round1(v)),
) {
  if (h.weeks.length === 0) return '';
  const m = weeklyMedian(h, figure);
  return m === null ? '' : ` · ${tr.t(digestText, 'usualMedian', { value: format(m) })}`;
}

/** 4 → "4.0" (in the reader's language: "4,0" in French). */
const oneDecimal = (tr: Translator, v: number) =>
  tr.number(round1(v), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** One service's benefits: delivered, rated, realised, and the quotes once enough people answered. */
export function benefitsLine(b: ServiceBenefits, quoteChars = 250, tr: Translator = english): string {
  const t = tr.of(digestText);
  const value =
    b.averageRating === null
      ? t('noRatings')
      : t('benefitValue', { average: oneDecimal(tr, b.averageRating), ratings: b.ratings });
  const realised = t('realisedCounts', {
    yes: b.realised.yes,
    partly: b.realised.partly,
    notYet: b.realised.not_yet,
    no: b.realised.no,
  });
  const quotes = b.quotes.map((q) => `\n> ${safe(q, quoteChars).replace(/\n/g, ' ')}`).join('');
  return t('benefitLine', { service: safe(b.name, 100), delivered: b.delivered, value, realised, quotes });
}

/** Every service's benefits, within a section's limit (the digest thread and a lead's Home). */
export function benefitsSummary(
  benefits: ServiceBenefits[],
  quoteChars = 250,
  tr: Translator = english,
  budget = 2700,
): string {
  return benefits.length
    ? lines(
        tr,
        benefits.map((b) => benefitsLine(b, quoteChars, tr)),
        budget,
      )
    : tr.t(digestText, 'noBenefits');
}

/**
 * Each list of the thread: five of them fit under a message's 13,000 characters of text, and
 * with the post above them in the preview.
 */
const THREAD_LIST_BUDGET = 1800;

export function renderDigest(
  d: DigestData,
  now: Date,
  opts: { quiet: boolean },
  tr: Translator = english,
): DigestMessages {
  const t = tr.of(digestText);
  const num = (v: number) => tr.number(v);
  const label = periodLabel(d.period.firstDay, d.period.lastDay, tr);
  if (opts.quiet) {
    const text = t('quiet', { period: label });
    return { main: { text, blocks: [section(text)] } };
  }
  const c = d.current;
  const p = d.previous;
  const h = d.history;
  const days = (since: Date) => Math.floor((now.getTime() - since.getTime()) / 86_400_000);
  const waiting = d.oldestWaiting
    ? t('oldestWaiting', {
        count: d.unclaimed,
        ref: reference(d.oldestWaiting.requestId),
        days: days(d.oldestWaiting.createdAt),
      })
    : num(d.unclaimed);
  const value =
    c.averageRating === null
      ? t('noAnswersYet')
      : t('valueFigure', {
          average: oneDecimal(tr, c.averageRating),
          trend: p.averageRating === null ? '' : ` (${trendSign(tr, c.averageRating - p.averageRating)})`,
          answers: c.answers,
          usual: usual(
            tr,
            h,
            (w) => w.averageRating,
            (v) => oneDecimal(tr, v),
          ),
        });
  const figure = (cur: number, prev: number, of: (w: WeekFigures) => number | null) =>
    trend(cur, prev, num) + usual(tr, h, of);

  const outrun = d.services.filter((s) => s.current > s.members);
  const main: KnownBlock[] = [
    header(t('header', { period: label })),
    {
      ...fields([
        [t('newRequests'), figure(c.newRequests, p.newRequests, (w) => w.newRequests)],
        [t('delivered'), figure(c.delivered, p.delivered, (w) => w.delivered)],
        [t('declined'), figure(c.declined, p.declined, (w) => w.declined)],
        [t('waitingForOwner'), waiting],
        [t('inProgress'), num(d.inProgress)],
        [
          t('medianToClaim'),
          medianTrend(tr, c.medianHoursToClaim, p.medianHoursToClaim) +
            over8Weeks(tr, h, h.medianHoursToClaim),
        ],
        [
          t('medianToDeliver'),
          medianTrend(tr, c.medianHoursToDeliver, p.medianHoursToDeliver) +
            over8Weeks(tr, h, h.medianHoursToDeliver),
        ],
      ]),
      block_id: DIGEST_IDS.flowBlock,
    },
    ...(d.targets && hasTargetNews(d.targets) ? [fields(renderTargetFields(d.targets, tr))] : []),
    {
      ...fields([
        [t('value'), value],
        [
          t('optInsOuts'),
          `${trend(c.optIns, p.optIns, num)} / ${trend(c.optOuts, p.optOuts, num)}${
            h.weeks.length
              ? ` · ${t('usualMedians', {
                  ins: num(round1(weeklyMedian(h, (w) => w.optIns) ?? 0)),
                  outs: num(round1(weeklyMedian(h, (w) => w.optOuts) ?? 0)),
                })}`
              : ''
          }`,
        ],
        [t('invitationsSent'), figure(c.invitationsSent, p.invitationsSent, (w) => w.invitationsSent)],
        [
          t('rsvpRate'),
          (c.invitationsSent === 0
            ? '—'
            : t('rsvpFigure', {
                percent: percent(tr, c.rsvpYes, c.invitationsSent),
                yes: c.rsvpYes,
                sent: c.invitationsSent,
              })) +
            usual(
              tr,
              h,
              (w) => (w.invitationsSent ? w.rsvpYes / w.invitationsSent : null),
              (v) => tr.number(v, { style: 'percent', maximumFractionDigits: 0 }),
            ),
        ],
        [t('repeatRequesters'), figure(c.repeatRequesters, p.repeatRequesters, (w) => w.repeatRequesters)],
      ]),
      block_id: DIGEST_IDS.engagementBlock,
    },
  ];
  if (outrun.length > 0) {
    main.push(
      section(
        t('outrun', {
          list: outrun
            .slice(0, 5)
            .map((s) =>
              t('outrunItem', { service: safe(s.name, 100), requests: s.current, members: s.members }),
            )
            .join(', '),
        }),
        { block_id: DIGEST_IDS.summaryBlock },
      ),
    );
  }
  main.push(context(t('footer', { period: label })));

  const thread: KnownBlock[] = [];
  const demand = d.services.filter((s) => s.current > 0 || s.previous > 0);
  thread.push(
    section(
      `${t('demandHeading')}\n${
        demand.length
          ? lines(
              tr,
              demand.map((s) => `• ${safe(s.name, 100)}: ${trend(s.current, s.previous, num)}`),
              THREAD_LIST_BUDGET,
            )
          : t('none')
      }`,
    ),
  );
  if (d.targets && hasTargetNews(d.targets)) thread.push(...renderTargetDetails(d.targets, tr));
  thread.push(
    section(
      `${t('valueHeading')}\n${
        c.answers === 0
          ? t('noAnswersInPeriod')
          : d.distribution.map((count, i) => t('distributionItem', { rating: i + 1, count })).join(' · ')
      }`,
      { block_id: DIGEST_IDS.valueBlock },
    ),
  );
  if (d.comments.length > 0) {
    thread.push(
      section(
        `${t('commentsHeading')}\n${lines(
          tr,
          d.comments.map((c) => `> ${safe(c, 250).replace(/\n/g, ' ')}`),
          THREAD_LIST_BUDGET,
        )}`,
      ),
    );
  } else if (c.answers > 0) {
    thread.push(context(t('commentsThreshold', { min: MIN_PEOPLE_FOR_COMMENTS })));
  }
  thread.push(
    section(`${t('benefitsHeading')}\n${benefitsSummary(d.benefits, 250, tr, THREAD_LIST_BUDGET)}`, {
      block_id: DIGEST_IDS.benefitsBlock,
    }),
  );
  if (d.benefits.some((b) => b.realisedPeople > 0 && b.quotes.length === 0)) {
    thread.push(context(t('quotesThreshold', { min: MIN_PEOPLE_FOR_QUOTES })));
  }
  if (d.library?.hasNews) thread.push(...libraryBlocks(tr, d.library));
  thread.push(
    section(
      `${t('topicsHeading')}\n${
        d.optedInByTopic.length
          ? lines(
              tr,
              d.optedInByTopic.map((o) => `• ${safe(o.topic, 100)}: ${num(o.people)}`),
              THREAD_LIST_BUDGET,
            )
          : t('nobodyOptedIn')
      }`,
    ),
  );
  thread.push(
    section(
      `${t('supplyHeading')}\n${
        d.services.length
          ? lines(
              tr,
              d.services.map((s) =>
                t('supplyItem', {
                  service: safe(s.name, 100),
                  requests: s.current,
                  members: s.members,
                  short: s.current > s.members ? 'yes' : 'no',
                }),
              ),
              THREAD_LIST_BUDGET,
            )
          : t('noSkills')
      }`,
    ),
  );

  return {
    main: {
      text: t('mainText', {
        period: label,
        newRequests: c.newRequests,
        delivered: c.delivered,
        unclaimed: d.unclaimed,
      }),
      blocks: main,
    },
    thread: { text: t('threadText', { period: label }), blocks: thread },
  };
}

const percent = (tr: Translator, part: number, whole: number) =>
  whole === 0 ? '—' : tr.number(Math.round((part / whole) * 100) / 100, { style: 'percent' });

/** The library in the period: adoptions and requests avoided against the 7 days before (▲/▼). */
function libraryBlocks(tr: Translator, l: LibraryFigures): KnownBlock[] {
  const t = tr.of(digestText);
  const queue = l.drafts.total === 0 ? t('noDrafts') : t('draftsWait', { count: l.drafts.total });
  return [
    section(t('libraryHeading'), { block_id: DIGEST_IDS.libraryBlock }),
    fields(
      libraryFields(
        l,
        {
          window: t('libraryWindow'),
          compare: (cur, prev) => trend(cur, prev, (v) => tr.number(v)),
        },
        tr,
      ),
    ),
    context(queue),
  ];
}

/** " · 8 wks 3.5 h": the time over every claim or delivery of the last 8 weeks. */
function over8Weeks(tr: Translator, h: DigestHistory, hours: number | null): string {
  return h.weeks.length === 0 || hours === null
    ? ''
    : ` · ${tr.t(digestText, 'over8Weeks', { duration: duration(hours, tr) })}`;
}

function trendSign(tr: Translator, delta: number): string {
  const r = round1(delta);
  if (r > 0) return `▲${oneDecimal(tr, r)}`;
  if (r < 0) return `▼${oneDecimal(tr, -r)}`;
  return '=';
}
