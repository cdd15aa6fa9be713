import type { HomeView, ModalView } from '@slack/types';
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
import { benefitsSummary, periodLabel } from '../digest';
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
  STATUS_LABELS,
  stepsFor,
} from '../requests';
import { renderSettingsSummary } from '../settings';
import { HOME_IDS } from './ids';
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

const neededBy = (r: RequestWithService) => (r.needed_by ? `needed by ${r.needed_by}` : 'no date');
const owner = (r: RequestWithService) => (r.owner_id ? mention(r.owner_id) : 'nobody yet');

/** One request in one line and a half: what, where it stands, who has it, by when, what next. */
export function requestLine(r: RequestWithService): string {
  return (
    `${STATUS_EMOJI[r.status]} *${reference(r.id)}* · ${safe(r.service_name, 100)} · ${safe(r.project, 150)}\n` +
    `${STATUS_LABELS[r.status]} · owner: ${owner(r)} · ${neededBy(r)} · next: ${nextStep(r)}`
  );
}

const moreButton = (list: HomeList, shown: number, total: number): Block[] =>
  total > shown
    ? [
        actions(`home_more_${list}`, [
          button(`Show more (${total - shown} more)`, `${HOME_IDS.morePrefix}${list}`, list),
        ]),
      ]
    : [];

function requesterBlocks(m: HomeModel): Block[] {
  const blocks: Block[] = [header('Your requests')];
  if (m.requests.length === 0) blocks.push(section('You have no open requests.'));
  for (const r of m.requests.slice(0, HOME_FIRST.requests)) {
    blocks.push(section(requestLine(r)));
    const buttons = requesterButtons(r, m.now);
    if (buttons) blocks.push(buttons);
  }
  blocks.push(...moreButton('requests', HOME_FIRST.requests, m.requests.length));
  blocks.push(
    actions('home_request_actions', [button('New request', HOME_IDS.newRequest, 'new', 'primary')]),
  );

  if (m.checkin) {
    blocks.push(header('Check-in'));
    // The check-in DM's own blocks: the same 1–5 buttons, answered by the same listener. Only
    // one at a time: its action ids are fixed, and ids must be unique on a surface.
    blocks.push(...renderCheckinAsk(m.checkin.subject, { reminder: false }).blocks);
    if (m.checkin.pending > 1)
      blocks.push(
        context(`${m.checkin.pending - 1} more check-in(s) waiting — the next shows once you answer.`),
      );
  }

  blocks.push(header('Your topics'));
  const paused = m.consent.pausedUntil !== null && m.consent.pausedUntil > m.today;
  blocks.push(
    section(
      paused
        ? `:double_vertical_bar: Invitations are paused until *${m.consent.pausedUntil}*.`
        : 'The PMO invites you only about the topics you opt in to.',
      {
        accessory: paused
          ? button('Resume invitations', HOME_IDS.resume, 'resume')
          : button(`Pause ${PAUSE_WEEKS} weeks`, HOME_IDS.pause, 'pause'),
      },
    ),
  );
  if (m.consent.topics.length === 0) blocks.push(section('No topics yet.'));
  for (const t of m.consent.topics.slice(0, HOME_FIRST.topics)) {
    const id = String(t.id);
    blocks.push(
      section(
        `${t.optedIn ? ':white_check_mark: ' : ''}*${safe(t.name, 100)}*${t.optedIn ? ' · opted in' : ''}\n${safe(t.description, 300)}`,
        {
          accessory: t.optedIn
            ? button('Opt out', `${HOME_IDS.topicOutPrefix}${id}`, id)
            : button('Opt in', `${HOME_IDS.topicInPrefix}${id}`, id, 'primary'),
        },
      ),
    );
  }
  if (m.consent.topics.length > HOME_FIRST.topics)
    blocks.push(
      context(
        `and ${m.consent.topics.length - HOME_FIRST.topics} more topics: \`${m.command} optin\` shows them all.`,
      ),
    );

  blocks.push(...renderLibraryPicks(m.library ?? [], m.command));

  blocks.push(header('Your coaching'));
  if (!m.coaching) {
    blocks.push(section(`No coaching right now. \`${m.command} coaching\` asks for a coach.`));
  } else {
    const e = m.coaching.engagement;
    blocks.push(
      section(
        m.coaching.status === 'active'
          ? `Coached by ${e.coachId ? mention(e.coachId) : 'your coach'} · goals: ${safe(e.goals, 500)}`
          : `We are finding you a coach · goals: ${safe(e.goals, 500)}`,
      ),
      actions(COACHING_IDS.endActions, [button('End coaching', COACHING_IDS.end, String(e.id), 'danger')]),
    );
  }

  blocks.push(header('What the PMO offers'));
  blocks.push(section(catalogueLines(m, HOME_FIRST.catalogue)));
  blocks.push(...moreButton('catalogue', HOME_FIRST.catalogue, m.catalogue.length));
  return blocks;
}

function catalogueLines(m: HomeModel, max: number): string {
  if (m.catalogue.length === 0) return 'The catalogue is empty right now.';
  return m.catalogue
    .slice(0, max)
    .map((s) => `*${safe(s.name, 100)}* — ${safe(s.description, 300)}`)
    .join('\n');
}

function countLine(list: Counted<RequestWithService>, none: string, some: string): Block {
  return context(list.total === 0 ? none : `${list.total} ${some}`);
}

/** What "My work" offers on each item (the rest is on the triage post). */
const HOME_WORK_STEPS: RequestAction[] = ['start', 'deliver', 'ask', 'unclaim'];

function memberBlocks(m: HomeModel): Block[] {
  const mb = m.member;
  if (!mb) return [];
  const blocks: Block[] = [divider(), header('Triage queue')];
  blocks.push(countLine(mb.queue, 'Nothing waiting — the queue is empty.', 'unclaimed, oldest first'));
  for (const r of mb.queue.items.slice(0, HOME_FIRST.queue)) {
    blocks.push(
      section(requestLine(r), {
        accessory: claimButton(r.id),
      }),
    );
  }
  blocks.push(...moreButton('queue', HOME_FIRST.queue, mb.queue.total));

  blocks.push(header('My work'));
  blocks.push(countLine(mb.mine, 'Nothing claimed by you.', 'claimed or in progress'));
  for (const r of mb.mine.items.slice(0, HOME_FIRST.mine)) {
    const id = String(r.id);
    blocks.push(
      section(requestLine(r)),
      actions(
        `home_work_${id}`,
        // The owner's own steps on their work, as the policy offers them, one set per request.
        pmoStepButtons(
          r.id,
          stepsFor('pmo', r.status).filter((step) => HOME_WORK_STEPS.includes(step)),
          (a) => perItem(a, id),
        ),
      ),
    );
  }
  blocks.push(...moreButton('mine', HOME_FIRST.mine, mb.mine.total));

  blocks.push(header('Overdue'));
  blocks.push(
    countLine(mb.overdue, 'Nothing overdue.', `open past their needed-by date (today is ${m.today})`),
  );
  for (const r of mb.overdue.items.slice(0, HOME_FIRST.overdue)) blocks.push(section(requestLine(r)));
  blocks.push(...moreButton('overdue', HOME_FIRST.overdue, mb.overdue.total));

  blocks.push(header('My coachees'));
  blocks.push(
    section(
      mb.coachees.length === 0
        ? 'Nobody is being coached by you right now.'
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

function leadBlocks(m: HomeModel): Block[] {
  const d = m.lead?.digest;
  if (!d) return [];
  const c = d.current;
  const optedIn = d.optedInByTopic.map((t) => `${safe(t.topic, 80)}: ${t.people}`).join(' · ');
  return [
    divider(),
    header(`This period · ${periodLabel(d.period.firstDay, d.period.lastDay)}`),
    fields([
      ['Requests', String(c.newRequests)],
      ['Delivered', String(c.delivered)],
      [
        'Average value',
        c.averageRating === null ? '—' : `${c.averageRating.toFixed(1)} / 5 (${c.answers} answers)`,
      ],
      ['Waiting now', `${d.unclaimed} unclaimed · ${d.inProgress} in progress`],
    ]),
    ...(d.targets && hasTargetNews(d.targets) ? [fields(renderTargetFields(d.targets))] : []),
    section(`*Benefits realised by service* (last 8 weeks)\n${benefitsSummary(d.benefits, 150)}`),
    context(`Opted-in people by topic: ${optedIn || 'nobody yet'}`),
    actions('home_admin', [
      button('Manage catalogue', HOME_IDS.manageCatalog, 'catalog'),
      button('Manage topics', HOME_IDS.manageTopics, 'topics'),
      button('Manage team', HOME_IDS.manageTeam, 'team'),
    ]),
    ...(m.lead?.settings ? renderSettingsSummary(m.lead.settings.current, m.lead.settings.envLeads) : []),
  ];
}

/**
 * The Home tab for this person, with an optional one-line notice on top (what just happened).
 * The notice is app-written mrkdwn (it may mention people); callers escape any user text in it.
 */
export function renderHome(m: HomeModel, notice?: string): HomeView {
  const top: Block[] = [];
  if (notice) top.push(context(`:information_source: ${notice}`));
  top.push(
    section(
      m.role === 'lead'
        ? '*Your PMO* — your requests, the team queue and this period at a glance.'
        : m.role === 'member'
          ? '*Your PMO* — your requests and the team queue at a glance.'
          : '*Your PMO* — your requests, check-ins, topics and coaching at a glance.',
    ),
  );
  // Leads and members see their team sections first: that is what they come to Home for.
  let blocks = [
    ...top,
    ...leadBlocks(m),
    ...(m.lead?.digest.library ? renderLibraryLeadBlocks(m.lead.digest.library, m.command) : []),
    ...memberBlocks(m),
    divider(),
    ...requesterBlocks(m),
    ...renderAwayHomeBlocks(m.away),
  ];
  if (blocks.length > HOME_MAX_BLOCKS) {
    blocks = blocks.slice(0, HOME_MAX_BLOCKS - 1);
    blocks.push(context('Some sections did not fit; the slash commands show everything.'));
  }
  return { type: 'home', blocks };
}

const LIST_TITLES: Record<HomeList, string> = {
  requests: 'Your open requests',
  queue: 'Triage queue',
  mine: 'My work',
  overdue: 'Overdue',
  catalogue: 'What the PMO offers',
};

/** The whole of one Home list, in a modal (read-only: act on items from Home or the post). */
export function renderHomeListModal(m: HomeModel, list: HomeList): ModalView {
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
    lines = c.items.map(requestLine);
    total = c.total;
  }
  const blocks: Block[] = [section(`*${LIST_TITLES[list]}* · ${total}`)];
  for (const line of lines.slice(0, MODAL_ITEMS)) blocks.push(section(line));
  const shown = Math.min(lines.length, MODAL_ITEMS);
  if (total > shown) blocks.push(context(`and ${total - shown} more`));
  if (lines.length === 0) blocks.push(section('Nothing here.'));
  return {
    type: 'modal',
    callback_id: HOME_IDS.moreModal,
    title: plain(LIST_TITLES[list], 24),
    close: plain('Close', 24),
    blocks,
  };
}
