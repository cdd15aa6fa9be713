import type { KnownBlock } from '@slack/types';
import { reference } from '../../lib/request-reference';
import { context, fields, header, safe, section } from '../../slack/kit/blocks';
import { hasTargetNews, renderTargetDetails, renderTargetFields } from '../calendar';
import { type LibraryFigures, libraryFields } from '../library';
import { REALISED_ANSWERS, type ServiceBenefits } from './benefits';
import { type DigestHistory, type WeekFigures, weeklyMedian } from './history';
import { DIGEST_IDS } from './ids';
import type { DigestData } from './service';

/**
 * The leads' digest: one message that reads in 30 seconds (a header and two sections of
 * fields), the details in its thread. Pure: DigestData in, Block Kit out.
 */

export interface DigestMessages {
  main: { text: string; blocks: KnownBlock[] };
  /** Undefined for a quiet week (one line, no thread). */
  thread?: { text: string; blocks: KnownBlock[] };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-11-16' … '2026-11-22' → '16–22 Nov 2026' (or '26 Oct – 1 Nov 2026'). */
export function periodLabel(firstDay: string, lastDay: string): string {
  const [y1, m1, d1] = firstDay.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = lastDay.split('-').map(Number) as [number, number, number];
  const mon = (m: number) => MONTHS[m - 1] ?? '';
  if (y1 !== y2) return `${d1} ${mon(m1)} ${y1} – ${d2} ${mon(m2)} ${y2}`;
  if (m1 !== m2) return `${d1} ${mon(m1)} – ${d2} ${mon(m2)} ${y2}`;
  return `${d1}–${d2} ${mon(m2)} ${y2}`;
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
export function duration(hours: number): string {
  return hours < 48 ? `${round1(hours)} h` : `${round1(hours / 24)} d`;
}

function medianTrend(current: number | null, previous: number | null): string {
  if (current === null) return previous === null ? '—' : `— (was ${duration(previous)})`;
  if (previous === null) return duration(current);
  const delta = current - previous;
  if (Math.abs(delta) < 0.05) return `${duration(current)} (=)`;
  // the change in the same unit as the figure: "4.5 d (▼1 d)", not "4.5 d (▼24 h)"
  const change = current < 48 ? `${round1(Math.abs(delta))} h` : `${round1(Math.abs(delta) / 24)} d`;
  return `${duration(current)} (${delta > 0 ? '▲' : '▼'}${change})`;
}

/** Joins list lines under a section's 3,000-character limit, saying how many did not fit. */
function lines(items: string[], budget = 2700): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of items.entries()) {
    if (used + line.length + 1 > budget) {
      out.push(`… and ${items.length - i} more`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

/** " · 8-wk median 4": a figure against its usual level, not just against last week. */
function usual(
  h: DigestHistory,
  figure: (w: WeekFigures) => number | null,
  format = (v: number) => String(round1(v)),
) {
  if (h.weeks.length === 0) return '';
  const m = weeklyMedian(h, figure);
  return m === null ? '' : ` · 8-wk median ${format(m)}`;
}

/** One service's benefits: delivered, rated, realised, and the quotes once enough people answered. */
export function benefitsLine(b: ServiceBenefits, quoteChars = 250): string {
  const value =
    b.averageRating === null
      ? 'no ratings'
      : `value ${round1(b.averageRating).toFixed(1)}/5 (${plural(b.ratings, 'rating')})`;
  const realised = REALISED_ANSWERS.map((a) => `${b.realised[a.value]} ${a.label.toLowerCase()}`).join(', ');
  const quotes = b.quotes.map((q) => `\n> ${safe(q, quoteChars).replace(/\n/g, ' ')}`).join('');
  return `• *${safe(b.name, 100)}*: ${b.delivered} delivered · ${value} · realised: ${realised}${quotes}`;
}

/** Every service's benefits, within a section's limit (the digest thread and a lead's Home). */
export function benefitsSummary(benefits: ServiceBenefits[], quoteChars = 250): string {
  return benefits.length
    ? lines(benefits.map((b) => benefitsLine(b, quoteChars)))
    : 'No deliveries or answers in the last 8 weeks.';
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function renderDigest(d: DigestData, now: Date, opts: { quiet: boolean }): DigestMessages {
  const label = periodLabel(d.period.firstDay, d.period.lastDay);
  if (opts.quiet) {
    const text = `Quiet week in the PMO (${label}): no new requests, deliveries, answers or invitations.`;
    return { main: { text, blocks: [section(text)] } };
  }
  const c = d.current;
  const p = d.previous;
  const h = d.history;
  const days = (since: Date) => Math.floor((now.getTime() - since.getTime()) / 86_400_000);
  const waiting = d.oldestWaiting
    ? `${d.unclaimed} · oldest ${reference(d.oldestWaiting.requestId)}, ${plural(days(d.oldestWaiting.createdAt), 'day')}`
    : String(d.unclaimed);
  const value =
    c.averageRating === null
      ? 'no answers yet'
      : `${round1(c.averageRating).toFixed(1)}/5${
          p.averageRating === null ? '' : ` (${trendSign(c.averageRating - p.averageRating)})`
        } · ${plural(c.answers, 'answer')}${usual(
          h,
          (w) => w.averageRating,
          (v) => round1(v).toFixed(1),
        )}`;

  const outrun = d.services.filter((s) => s.current > s.members);
  const main: KnownBlock[] = [
    header(`PMO digest · ${label}`),
    {
      ...fields([
        ['New requests', trend(c.newRequests, p.newRequests) + usual(h, (w) => w.newRequests)],
        ['Delivered', trend(c.delivered, p.delivered) + usual(h, (w) => w.delivered)],
        ['Declined', trend(c.declined, p.declined) + usual(h, (w) => w.declined)],
        ['Waiting for an owner', waiting],
        ['In progress', String(d.inProgress)],
        [
          'Median time to claim',
          medianTrend(c.medianHoursToClaim, p.medianHoursToClaim) + over8Weeks(h, h.medianHoursToClaim),
        ],
        [
          'Median time to deliver',
          medianTrend(c.medianHoursToDeliver, p.medianHoursToDeliver) + over8Weeks(h, h.medianHoursToDeliver),
        ],
      ]),
      block_id: DIGEST_IDS.flowBlock,
    },
    ...(d.targets && hasTargetNews(d.targets) ? [fields(renderTargetFields(d.targets))] : []),
    {
      ...fields([
        ['Value', value],
        [
          'Opt-ins / opt-outs',
          `${trend(c.optIns, p.optIns)} / ${trend(c.optOuts, p.optOuts)}${
            h.weeks.length
              ? ` · 8-wk medians ${round1(weeklyMedian(h, (w) => w.optIns) ?? 0)} / ${round1(weeklyMedian(h, (w) => w.optOuts) ?? 0)}`
              : ''
          }`,
        ],
        [
          'Invitations sent',
          trend(c.invitationsSent, p.invitationsSent) + usual(h, (w) => w.invitationsSent),
        ],
        [
          'RSVP rate',
          (c.invitationsSent === 0
            ? '—'
            : `${percent(c.rsvpYes, c.invitationsSent)} (${c.rsvpYes} of ${c.invitationsSent})`) +
            usual(
              h,
              (w) => (w.invitationsSent ? w.rsvpYes / w.invitationsSent : null),
              (v) => `${Math.round(v * 100)}%`,
            ),
        ],
        [
          'Repeat requesters',
          trend(c.repeatRequesters, p.repeatRequesters) + usual(h, (w) => w.repeatRequesters),
        ],
      ]),
      block_id: DIGEST_IDS.engagementBlock,
    },
  ];
  if (outrun.length > 0) {
    main.push(
      section(
        `*Demand outruns skills:* ${outrun
          .slice(0, 5)
          .map(
            (s) => `${safe(s.name, 100)} (${plural(s.current, 'request')}, ${plural(s.members, 'member')})`,
          )
          .join(', ')}`,
        { block_id: DIGEST_IDS.summaryBlock },
      ),
    );
  }
  main.push(
    context(
      `Last 7 days (${label}) against the 7 before and the median week of the last 8. Details and the chart in the thread.`,
    ),
  );

  const thread: KnownBlock[] = [];
  const demand = d.services.filter((s) => s.current > 0 || s.previous > 0);
  thread.push(
    section(
      `*New requests by service*\n${
        demand.length
          ? lines(demand.map((s) => `• ${safe(s.name, 100)}: ${trend(s.current, s.previous)}`))
          : 'None.'
      }`,
    ),
  );
  if (d.targets && hasTargetNews(d.targets)) thread.push(...renderTargetDetails(d.targets));
  thread.push(
    section(
      `*Value*\n${c.answers === 0 ? 'No answers in the period.' : d.distribution.map((count, i) => `${i + 1}/5: ${count}`).join(' · ')}`,
      { block_id: DIGEST_IDS.valueBlock },
    ),
  );
  if (d.comments.length > 0) {
    thread.push(
      section(
        `*What people said* (not attributed)\n${lines(d.comments.map((t) => `> ${safe(t, 250).replace(/\n/g, ' ')}`))}`,
      ),
    );
  } else if (c.answers > 0) {
    thread.push(context('Comments are shown once at least 3 people answered in the period.'));
  }
  thread.push(
    section(
      `*Benefits realised by service* (last 8 weeks: delivered, rated, "did it happen?")\n${benefitsSummary(
        d.benefits,
      )}`,
      { block_id: DIGEST_IDS.benefitsBlock },
    ),
  );
  if (d.benefits.some((b) => b.realisedPeople > 0 && b.quotes.length === 0)) {
    thread.push(context('What people said changed is quoted once at least 3 people answered for a service.'));
  }
  if (d.library?.hasNews) thread.push(...libraryBlocks(d.library));
  thread.push(
    section(
      `*Opted-in people per topic*\n${
        d.optedInByTopic.length
          ? lines(d.optedInByTopic.map((t) => `• ${safe(t.topic, 100)}: ${t.people}`))
          : 'Nobody has opted in yet.'
      }`,
    ),
  );
  thread.push(
    section(
      `*Supply vs demand* (requests this period · active members with the skill)\n${
        d.services.length
          ? lines(
              d.services.map(
                (s) =>
                  `• ${safe(s.name, 100)}: ${plural(s.current, 'request')} · ${plural(s.members, 'member')}${s.current > s.members ? ' ⚠' : ''}`,
              ),
            )
          : 'No skills recorded yet.'
      }`,
    ),
  );

  return {
    main: {
      text: `PMO digest ${label}: ${plural(c.newRequests, 'new request')}, ${c.delivered} delivered, ${d.unclaimed} waiting for an owner.`,
      blocks: main,
    },
    thread: { text: `Details for ${label}`, blocks: thread },
  };
}

/** The library in the period: adoptions and requests avoided against the 7 days before (▲/▼). */
function libraryBlocks(l: LibraryFigures): KnownBlock[] {
  const queue =
    l.drafts.total === 0
      ? 'No drafts wait for review.'
      : `${l.drafts.total === 1 ? '1 draft waits' : `${l.drafts.total} drafts wait`} for review (Home lists them).`;
  return [
    section('*PMO library*', { block_id: DIGEST_IDS.libraryBlock }),
    fields(libraryFields(l, { window: '7 days', compare: trend })),
    context(queue),
  ];
}

/** " · 8 wks 3.5 h": the time over every claim or delivery of the last 8 weeks. */
function over8Weeks(h: DigestHistory, hours: number | null): string {
  return h.weeks.length === 0 || hours === null ? '' : ` · 8 wks ${duration(hours)}`;
}

function trendSign(delta: number): string {
  const r = round1(delta);
  if (r > 0) return `▲${r.toFixed(1)}`;
  if (r < 0) return `▼${(-r).toFixed(1)}`;
  return '=';
}
