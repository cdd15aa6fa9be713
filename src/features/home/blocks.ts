import type { HomeView, ModalView } from '@slack/types';
import { slackDate, type Translator, translatorFor } from '../../i18n';
import {
  actions,
  type Block,
  button,
  context,
  divider,
  fields,
  header,
  mention,
  plain,
  safe,
  section,
} from '../../slack/kit/blocks';
import { hasTargetNews, renderAwayHomeBlocks, renderTargetFields } from '../calendar';
import { renderCheckinAsk } from '../checkins';
import { COACHING_IDS } from '../coaching';
import { benefitsSummary, FIGURES_MAX_AGE_MS, periodLabel } from '../digest';
import { renderLibraryLeadBlocks, renderLibraryPicks } from '../library';
import {
  claimButton,
  nextStep,
  perItem,
  pmoStepButtons,
  type RequestAction,
  type RequestWithService,
  reference,
  requesterButtons,
  STATUS_EMOJI,
  statusLabel,
  stepsFor,
} from '../requests';
import { renderSettingsSummary } from '../settings';
import { HOME_IDS } from './ids';
import { homeText } from './messages';
import type { Counted, HomeList, HomeModel } from './service';

/**
 * The Home tab: a requester's requests, check-in, topics, coaching and the catalogue; a
 * member's queue, work, overdue items and coachees; a lead's snapshot and admin buttons.
 * Every button here carries the action id of the same button elsewhere (the triage post,
 * /pmo status, the check-in DM, the coaching DM), so one listener serves both.
 * Home allows 100 blocks: each list shows its first few items and a Show more.
 */

export const HOME_MAX_BLOCKS = 100;
/** Items shown per list on Home before "Show more". */
export const HOME_FIRST = { requests: 5, queue: 5, mine: 5, overdue: 5, topics: 10, catalogue: 8 } as const;
/** Items a Show more modal lists (one block each, leaving room for the heading and the rest). */
export const MODAL_ITEMS = 90;

const PAUSE_WEEKS = 4;

/**
 * A calendar day (YYYY-MM-DD) as a Slack date token: each viewer's Slack writes it in their own
 * language. Noon UTC names the same day in every time zone people work in.
 */
export const dayToken = (tr: Translator, day: string): string =>
  slackDate(new Date(`${day}T12:00:00Z`), tr.locale, 'UTC', 'date_short');

const neededBy = (tr: Translator, r: RequestWithService) =>
  r.needed_by ? tr.t(homeText, 'neededBy', { date: dayToken(tr, r.needed_by) }) : tr.t(homeText, 'noDate');
const owner = (tr: Translator, r: RequestWithService) =>
  r.owner_id ? mention(r.owner_id) : tr.t(homeText, 'ownerNobody');

/** One request in one line and a half: what, where it stands, who has it, by when, what next. */
export function requestLine(r: RequestWithService, tr: Translator = translatorFor('en')): string {
  return tr.t(homeText, 'requestLine', {
    emoji: STATUS_EMOJI[r.status],
    ref: reference(r.id),
    service: safe(r.service_name, 100),
    project: safe(r.project, 150),
    status: statusLabel(tr, r.status),
    owner: owner(tr, r),
    neededBy: neededBy(tr, r),
    next: nextStep(r, tr),
  });
}

const moreButton = (tr: Translator, list: HomeList, shown: number, total: number): Block[] =>
  total > shown
    ? [
        actions(`home_more_${list}`, [
          button(tr.t(homeText, 'showMore', { count: total - shown }), `${HOME_IDS.morePrefix}${list}`, list),
        ]),
      ]
    : [];

function requesterBlocks(tr: Translator, m: HomeModel): Block[] {
  const t = tr.of(homeText);
  const blocks: Block[] = [header(t('yourRequests'))];
  if (m.requests.length === 0) blocks.push(section(t('noOpenRequests')));
  for (const r of m.requests.slice(0, HOME_FIRST.requests)) {
    blocks.push(section(requestLine(r, tr)));
    const buttons = requesterButtons(r, m.now, tr);
    if (buttons) blocks.push(buttons);
  }
  blocks.push(...moreButton(tr, 'requests', HOME_FIRST.requests, m.requests.length));
  blocks.push(
    actions('home_request_actions', [button(t('newRequest'), HOME_IDS.newRequest, 'new', 'primary')]),
  );

  if (m.checkin) {
    blocks.push(header(t('checkinHeader')));
    // The check-in DM's own blocks: the same 1–5 buttons, answered by the same listener. Only
    // one at a time: its action ids are fixed, and ids must be unique on a surface.
    blocks.push(...renderCheckinAsk(m.checkin.subject, { reminder: false }, tr).blocks);
    if (m.checkin.pending > 1) blocks.push(context(t('checkinsWaiting', { count: m.checkin.pending - 1 })));
  }

  blocks.push(header(t('topicsHeader')));
  const paused = m.consent.pausedUntil !== null && m.consent.pausedUntil > m.today;
  blocks.push(
    section(
      paused && m.consent.pausedUntil
        ? t('paused', { date: dayToken(tr, m.consent.pausedUntil) })
        : t('optInOnly'),
      {
        accessory: paused
          ? button(t('resume'), HOME_IDS.resume, 'resume')
          : button(t('pauseWeeks', { weeks: PAUSE_WEEKS }), HOME_IDS.pause, 'pause'),
      },
    ),
  );
  if (m.consent.topics.length === 0) blocks.push(section(t('noTopics')));
  for (const topic of m.consent.topics.slice(0, HOME_FIRST.topics)) {
    const id = String(topic.id);
    const words = { name: safe(topic.name, 100), description: safe(topic.description, 300) };
    blocks.push(
      section(topic.optedIn ? t('topicOptedIn', words) : t('topic', words), {
        accessory: topic.optedIn
          ? button(t('optOut'), `${HOME_IDS.topicOutPrefix}${id}`, id)
          : button(t('optIn'), `${HOME_IDS.topicInPrefix}${id}`, id, 'primary'),
      }),
    );
  }
  if (m.consent.topics.length > HOME_FIRST.topics)
    blocks.push(
      context(t('moreTopics', { count: m.consent.topics.length - HOME_FIRST.topics, command: m.command })),
    );

  blocks.push(...renderLibraryPicks(m.library ?? [], m.command, tr));

  blocks.push(header(t('coachingHeader')));
  if (!m.coaching) {
    blocks.push(section(t('noCoaching', { command: m.command })));
  } else {
    const e = m.coaching.engagement;
    const goals = safe(e.goals, 500);
    blocks.push(
      section(
        m.coaching.status === 'active'
          ? t('coachedBy', { coach: e.coachId ? mention(e.coachId) : t('yourCoach'), goals })
          : t('findingCoach', { goals }),
      ),
      actions(COACHING_IDS.endActions, [button(t('endCoaching'), COACHING_IDS.end, String(e.id), 'danger')]),
    );
  }

  blocks.push(header(t('offersHeader')));
  blocks.push(section(catalogueLines(tr, m, HOME_FIRST.catalogue)));
  blocks.push(...moreButton(tr, 'catalogue', HOME_FIRST.catalogue, m.catalogue.length));
  return blocks;
}

function catalogueLines(tr: Translator, m: HomeModel, max: number): string {
  if (m.catalogue.length === 0) return tr.t(homeText, 'catalogueEmpty');
  return m.catalogue
    .slice(0, max)
    .map((s) => `*${safe(s.name, 100)}* — ${safe(s.description, 300)}`)
    .join('\n');
}

function countLine(list: Counted<RequestWithService>, none: string, some: (count: number) => string): Block {
  return context(list.total === 0 ? none : some(list.total));
}

/** What "My work" offers on each item (the rest is on the triage post). */
const HOME_WORK_STEPS: RequestAction[] = ['start', 'deliver', 'ask', 'unclaim'];

function memberBlocks(tr: Translator, m: HomeModel): Block[] {
  const mb = m.member;
  if (!mb) return [];
  const t = tr.of(homeText);
  const blocks: Block[] = [divider(), header(t('triageHeader'))];
  blocks.push(countLine(mb.queue, t('queueNone'), (count) => t('queueSome', { count })));
  for (const r of mb.queue.items.slice(0, HOME_FIRST.queue)) {
    blocks.push(
      section(requestLine(r, tr), {
        accessory: claimButton(r.id, tr),
      }),
    );
  }
  blocks.push(...moreButton(tr, 'queue', HOME_FIRST.queue, mb.queue.total));

  blocks.push(header(t('myWorkHeader')));
  blocks.push(countLine(mb.mine, t('mineNone'), (count) => t('mineSome', { count })));
  for (const r of mb.mine.items.slice(0, HOME_FIRST.mine)) {
    const id = String(r.id);
    blocks.push(
      section(requestLine(r, tr)),
      actions(
        `home_work_${id}`,
        // The owner's own steps on their work, as the policy offers them, one set per request.
        pmoStepButtons(
          r.id,
          stepsFor('pmo', r.status).filter((step) => HOME_WORK_STEPS.includes(step)),
          (a) => perItem(a, id),
          tr,
        ),
      ),
    );
  }
  blocks.push(...moreButton(tr, 'mine', HOME_FIRST.mine, mb.mine.total));

  blocks.push(header(t('overdueHeader')));
  blocks.push(
    countLine(mb.overdue, t('overdueNone'), (count) =>
      t('overdueSome', { count, today: dayToken(tr, m.today) }),
    ),
  );
  for (const r of mb.overdue.items.slice(0, HOME_FIRST.overdue)) blocks.push(section(requestLine(r, tr)));
  blocks.push(...moreButton(tr, 'overdue', HOME_FIRST.overdue, mb.overdue.total));

  blocks.push(header(t('coacheesHeader')));
  blocks.push(
    section(
      mb.coachees.length === 0
        ? t('noCoachees')
        : mb.coachees
            .map(
              (e) =>
                `${mention(e.coacheeId)} · ${safe(e.focus.join(', ') || '—', 200)} · ${safe(e.goals, 200)}`,
            )
            .join('\n'),
    ),
  );
  return blocks;
}

function leadBlocks(tr: Translator, m: HomeModel): Block[] {
  const lead = m.lead;
  if (!lead) return [];
  const d = lead.digest;
  const t = tr.of(homeText);
  const c = d.current;
  const optedIn = d.optedInByTopic.map((x) => `${safe(x.topic, 80)}: ${tr.number(x.people)}`).join(' · ');
  const rating = (n: number) => tr.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return [
    divider(),
    header(t('periodHeader', { period: periodLabel(d.period.firstDay, d.period.lastDay, tr) })),
    // Last computed, not live: the lead is told how old the figures are.
    context(
      t('figuresAsOf', {
        time: slackDate(lead.asOf, tr.locale, lead.timeZone, 'time'),
        minutes: FIGURES_MAX_AGE_MS / 60_000,
      }),
    ),
    fields([
      [t('fieldRequests'), tr.number(c.newRequests)],
      [t('fieldDelivered'), tr.number(c.delivered)],
      [
        t('fieldAverage'),
        c.averageRating === null
          ? '—'
          : t('averageValue', { rating: rating(c.averageRating), count: c.answers }),
      ],
      [
        t('fieldWaiting'),
        t('waitingValue', { unclaimed: tr.number(d.unclaimed), inProgress: tr.number(d.inProgress) }),
      ],
    ]),
    ...(d.targets && hasTargetNews(d.targets) ? [fields(renderTargetFields(d.targets, tr))] : []),
    section(t('benefits', { summary: benefitsSummary(d.benefits, 150, tr) })),
    context(t('optedInByTopic', { list: optedIn || t('nobodyYet') })),
    actions('home_admin', [
      button(t('manageCatalogue'), HOME_IDS.manageCatalog, 'catalog'),
      button(t('manageTopics'), HOME_IDS.manageTopics, 'topics'),
      button(t('manageTeam'), HOME_IDS.manageTeam, 'team'),
    ]),
    ...(m.lead?.settings ? renderSettingsSummary(m.lead.settings.current, m.lead.settings.envLeads, tr) : []),
  ];
}

/**
 * The Home tab for this person, in their language, with an optional one-line notice on top
 * (what just happened). The notice is app-written mrkdwn (it may mention people); callers
 * escape any user text in it.
 */
export function renderHome(tr: Translator, m: HomeModel, notice?: string): HomeView {
  const t = tr.of(homeText);
  const top: Block[] = [];
  if (notice) top.push(context(`:information_source: ${notice}`));
  top.push(section(t('intro', { role: m.role })));
  // Leads and members see their team sections first: that is what they come to Home for.
  let blocks = [
    ...top,
    ...leadBlocks(tr, m),
    ...(m.lead?.digest.library ? renderLibraryLeadBlocks(m.lead.digest.library, m.command, tr) : []),
    ...memberBlocks(tr, m),
    divider(),
    ...requesterBlocks(tr, m),
    ...renderAwayHomeBlocks(m.away, tr),
  ];
  if (blocks.length > HOME_MAX_BLOCKS) {
    blocks = blocks.slice(0, HOME_MAX_BLOCKS - 1);
    blocks.push(context(t('didNotFit')));
  }
  return { type: 'home', blocks };
}

/** The whole of one Home list, in a modal (read-only: act on items from Home or the post). */
export function renderHomeListModal(tr: Translator, m: HomeModel, list: HomeList): ModalView {
  const t = tr.of(homeText);
  let lines: string[];
  let total: number;
  if (list === 'catalogue') {
    lines = m.catalogue.map((s) => `*${safe(s.name, 100)}* — ${safe(s.description, 300)}`);
    total = lines.length;
  } else {
    const c: Counted<RequestWithService> =
      list === 'requests'
        ? { items: m.requests, total: m.requests.length }
        : (m.member?.[list] ?? { items: [], total: 0 });
    lines = c.items.map((r) => requestLine(r, tr));
    total = c.total;
  }
  const title = t('listTitle', { list });
  const blocks: Block[] = [section(`*${title}* · ${tr.number(total)}`)];
  for (const line of lines.slice(0, MODAL_ITEMS)) blocks.push(section(line));
  const shown = Math.min(lines.length, MODAL_ITEMS);
  if (total > shown) blocks.push(context(t('andMore', { count: total - shown })));
  if (lines.length === 0) blocks.push(section(t('nothingHere')));
  return {
    type: 'modal',
    callback_id: HOME_IDS.moreModal,
    title: plain(title, 24),
    close: plain(t('close'), 24),
    blocks,
  };
}
