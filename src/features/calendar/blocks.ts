import type { Button, ModalView } from '@slack/types';
import { formatDate } from '../../lib/calendar';
import { reference } from '../../lib/request-reference';
import type { CalendarRules } from '../../lib/working-calendar';
import { actions, type Block, button, context, fields, header, safe, section } from '../../slack/kit/blocks';
import { CALENDAR_IDS } from './ids';
import type { AwayPeriod, DayOff } from './service';
import { rateText, type TargetReport } from './targets-report';

/** Pure Block Kit of the calendar feature. Times are Slack date tokens: each reader sees their own zone. */

/** "<!date^…>" renders in the reader's own time zone, with a plain fallback. */
export function when(instant: Date): string {
  return `<!date^${Math.floor(instant.getTime() / 1000)}^{date_short_pretty} at {time}|${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

export interface AlertSubject {
  requestId: number;
  serviceName: string;
  project: string;
  due: Date;
}

/** The one nudge to a suggested member, in their working hours, before the first-response target. */
export function renderNudge(s: AlertSubject, claim: Button) {
  const text = `${reference(s.requestId)} · ${s.serviceName} is waiting for a first response (due ${when(s.due)}).`;
  return {
    text,
    blocks: [
      section(
        `:wave: *${reference(s.requestId)} · ${safe(s.serviceName, 100)}* — ${safe(s.project, 150)}\nIt is waiting for a first response, due ${when(s.due)}. Your skills match it: could you claim it, or ask the requester a question?`,
        { accessory: claim },
      ),
      context('You get one note like this per request. The triage post in the PMO channel has the details.'),
    ] satisfies Block[],
  };
}

/** The one escalation to a lead when a target passes. */
export function renderEscalation(
  s: AlertSubject & { target: 'first_response' | 'delivery'; owner: string | null },
) {
  const what = s.target === 'first_response' ? 'a first response' : 'delivery';
  const text = `Overdue: ${reference(s.requestId)} · ${s.serviceName} — ${what} was due ${when(s.due)}.`;
  return {
    text,
    blocks: [
      section(
        `:alarm_clock: *Overdue: ${reference(s.requestId)} · ${safe(s.serviceName, 100)}* — ${safe(s.project, 150)}\n${what === 'delivery' ? 'Delivery' : 'A first response'} was due ${when(s.due)}.${s.owner ? ` Owner: <@${s.owner}>.` : ' Nobody has claimed it.'}`,
      ),
      context('Leads get one note like this per request and target; the triage post shows it as overdue.'),
    ] satisfies Block[],
  };
}

/** "Still interested?" after three invitations in a row with no click. */
export function renderStillInterested(checkId: number) {
  const text = 'Still interested in invitations from the PMO?';
  const value = String(checkId);
  return {
    text,
    blocks: [
      section(
        ':wave: *Still interested?* You have not clicked on the last three invitations from the PMO — no problem at all. Shall we keep sending them? Until you answer, we hold new invitations back (for eight weeks at most).',
      ),
      actions(CALENDAR_IDS.stillActions, [
        button('Keep them coming', CALENDAR_IDS.stillKeep, value, 'primary'),
        button('Pause 3 months', CALENDAR_IDS.stillPause, value),
        button('Opt out', CALENDAR_IDS.stillOptOut, value),
      ]),
    ] satisfies Block[],
  };
}

export function renderStillAnswered(answer: 'keep' | 'pause' | 'optout', pausedUntil?: string) {
  const line =
    answer === 'keep'
      ? ':white_check_mark: Thanks — invitations will keep coming for the topics you chose.'
      : answer === 'pause'
        ? `:pause_button: Paused: no invitations until ${formatDate(pausedUntil ?? '')}.`
        : ':wave: You are opted out of every topic. `/pmo optin` brings them back any time.';
  return { text: line, blocks: [section(line)] satisfies Block[] };
}

export interface QueueItem {
  id: number;
  serviceName: string;
  project: string;
  due: Date | null;
  overdue: boolean;
}

/** `/pmo queue`: what is waiting, ordered by time left, with Claim buttons. */
export function renderQueue(items: QueueItem[], total: number, claimButton: (requestId: number) => Button) {
  if (items.length === 0) {
    const text = 'Nothing is waiting for a first response. :tada:';
    return { text, blocks: [section(text)] };
  }
  const blocks: Block[] = [header('Waiting for a first response')];
  for (const r of items) {
    const left = r.due
      ? r.overdue
        ? `:alarm_clock: *overdue* since ${when(r.due)}`
        : `due ${when(r.due)}`
      : 'no target';
    blocks.push(
      section(`*${reference(r.id)} · ${safe(r.serviceName, 100)}* — ${safe(r.project, 150)}\n${left}`, {
        accessory: claimButton(r.id),
      }),
    );
  }
  if (total > items.length)
    blocks.push(context(`${total - items.length} more waiting — the soonest due are shown.`));
  return { text: `${total} request${total === 1 ? '' : 's'} waiting for a first response`, blocks };
}

const WEEKDAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `/pmo calendar`: working days and hours, the holidays' region, the next days off. */
export function renderCalendar(
  rules: CalendarRules,
  holidays: string | undefined,
  daysOff: DayOff[],
  away: AwayPeriod[],
  command: string,
  isLead: boolean,
) {
  const blocks: Block[] = [
    header('The PMO’s working calendar'),
    fields([
      ['Working days', rules.days.map((d) => WEEKDAY[d]).join(', ')],
      [
        'Working hours',
        `${String(rules.hours.start).padStart(2, '0')}:00–${String(rules.hours.end).padStart(2, '0')}:00 (${rules.timezone})`,
      ],
      ['Public holidays', holidays ?? 'none configured'],
    ]),
    section(
      daysOff.length
        ? `*Next days off*\n${daysOff.map((d) => `• ${formatDate(d.day)} — ${safe(d.name, 100)}${d.why === 'closure' ? ' (PMO closure)' : ''}`).join('\n')}`
        : '*Next days off*\nNone.',
    ),
  ];
  if (away.length)
    blocks.push(
      section(`*Away*\n${away.map((a) => `• <@${a.userId}> until ${formatDate(a.lastDay)}`).join('\n')}`),
    );
  if (isLead)
    blocks.push(
      context(
        `Add a closure: \`${command} calendar close YYYY-MM-DD [reason]\` · remove it: \`${command} calendar open YYYY-MM-DD\``,
      ),
    );
  return { text: 'The PMO’s working calendar', blocks };
}

/** Home's "Away…" modal (anyone, for themselves). */
export function renderAwayModal(today: string, current: AwayPeriod | undefined): ModalView {
  return {
    type: 'modal',
    callback_id: CALENDAR_IDS.awayModal,
    title: { type: 'plain_text', text: 'Away' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(
        'While you are away the PMO does not suggest you for requests, nudge you or match you as a coach; check-ins and invitations wait until you are back.',
      ),
      {
        type: 'input',
        block_id: CALENDAR_IDS.awayFirstDay,
        label: { type: 'plain_text', text: 'First day away' },
        element: {
          type: 'datepicker',
          action_id: CALENDAR_IDS.awayFirstDay,
          initial_date: current?.firstDay ?? today,
        },
      },
      {
        type: 'input',
        block_id: CALENDAR_IDS.awayLastDay,
        label: { type: 'plain_text', text: 'Last day away' },
        element: {
          type: 'datepicker',
          action_id: CALENDAR_IDS.awayLastDay,
          ...(current ? { initial_date: current.lastDay } : {}),
        },
      },
    ],
  };
}

/** Home: one line about the person's own time away, with its buttons. */
export function renderAwayHomeBlocks(current: AwayPeriod | undefined): Block[] {
  return [
    section(
      current
        ? `:palm_tree: You are away from ${formatDate(current.firstDay)} until ${formatDate(current.lastDay)}.`
        : 'Going on leave? Tell the PMO and it will leave you in peace meanwhile.',
    ),
    actions('calendar_away_home', [
      button(current ? 'Change…' : 'Away…', CALENDAR_IDS.awayOpen, 'away'),
      ...(current ? [button('I’m back', CALENDAR_IDS.awayClear, 'back')] : []),
    ]),
  ];
}

/** Quiet by default: a period with nothing due, overdue or away shows no target figures. */
export function hasTargetNews(r: TargetReport): boolean {
  return r.firstResponse.total + r.delivery.total + r.overdueTotal + r.awayThisWeek.length > 0;
}

/** The digest's and Home's response-target figures. */
export function renderTargetFields(r: TargetReport): [string, string][] {
  return [
    ['First response on target', rateText(r.firstResponse)],
    ['Delivery on target', rateText(r.delivery)],
    ['Overdue now', String(r.overdueTotal)],
    [
      'Away this week',
      r.awayThisWeek.length
        ? r.awayThisWeek
            .map((a) => `<@${a.userId}>`)
            .join(', ')
            .slice(0, 1900)
        : 'nobody',
    ],
  ];
}

/** The digest thread's detail: what is overdue, and who is away until when. */
export function renderTargetDetails(r: TargetReport): Block[] {
  const overdue = r.overdue.map(
    (o) =>
      `• ${reference(o.requestId)}: ${o.target === 'first_response' ? 'first response' : 'delivery'} was due ${when(o.due)}`,
  );
  const blocks: Block[] = [
    section(
      `*Overdue now*${r.overdueTotal > r.overdue.length ? ` (the ${r.overdue.length} oldest of ${r.overdueTotal})` : ''}\n${overdue.length ? overdue.join('\n') : 'Nothing overdue.'}`,
    ),
  ];
  if (r.awayThisWeek.length)
    blocks.push(
      section(
        `*Away this week*\n${r.awayThisWeek.map((a) => `• <@${a.userId}> ${formatDate(a.firstDay)} – ${formatDate(a.lastDay)}`).join('\n')}`,
      ),
    );
  return blocks;
}
