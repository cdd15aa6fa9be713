import type { Button, ModalView } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
import { reference } from '../../lib/request-reference';
import type { CalendarRules } from '../../lib/working-calendar';
import {
  actions,
  type Block,
  button,
  context,
  fields,
  header,
  plain,
  safe,
  section,
} from '../../slack/kit/blocks';
import { dayText, when } from './dates';
import { CALENDAR_IDS } from './ids';
import { calendarText } from './messages';
import type { AwayPeriod, DayOff } from './service';
import { rateText, type TargetReport } from './targets-report';

/**
 * Pure Block Kit of the calendar feature, in the translator's language. Instants are Slack date
 * tokens (each reader sees their own zone); PMO calendar days are written out in the language.
 */

export interface AlertSubject {
  requestId: number;
  serviceName: string;
  project: string;
  due: Date;
}

/** The one nudge to a suggested member, in their working hours, before the first-response target. */
export function renderNudge(tr: Translator, s: AlertSubject, claim: Button) {
  const t = tr.of(calendarText);
  const due = when(tr, s.due);
  const ref = reference(s.requestId);
  const text = t('nudgeText', { ref, service: s.serviceName, ...due });
  return {
    text,
    blocks: [
      section(
        t('nudgeBody', { ref, service: safe(s.serviceName, 100), project: safe(s.project, 150), ...due }),
        { accessory: claim },
      ),
      context(t('nudgeNote')),
    ] satisfies Block[],
  };
}

/** The one escalation to a lead when a target passes. */
export function renderEscalation(
  tr: Translator,
  s: AlertSubject & { target: 'first_response' | 'delivery'; owner: string | null },
) {
  const t = tr.of(calendarText);
  const due = when(tr, s.due);
  const ref = reference(s.requestId);
  const text = t('escalationText', { ref, service: s.serviceName, target: s.target, ...due });
  const owner = s.owner ? t('escalationOwner', { owner: `<@${s.owner}>` }) : t('escalationUnclaimed');
  return {
    text,
    blocks: [
      section(
        `${t('escalationBody', {
          ref,
          service: safe(s.serviceName, 100),
          project: safe(s.project, 150),
          target: s.target,
          ...due,
        })} ${owner}`,
      ),
      context(t('escalationNote')),
    ] satisfies Block[],
  };
}

/** "Still interested?" after three invitations in a row with no click. */
export function renderStillInterested(tr: Translator, checkId: number) {
  const t = tr.of(calendarText);
  const value = String(checkId);
  return {
    text: t('stillText'),
    blocks: [
      section(t('stillBody')),
      actions(CALENDAR_IDS.stillActions, [
        button(t('stillKeep'), CALENDAR_IDS.stillKeep, value, 'primary'),
        button(t('stillPause'), CALENDAR_IDS.stillPause, value),
        button(t('stillOptOut'), CALENDAR_IDS.stillOptOut, value),
      ]),
    ] satisfies Block[],
  };
}

export function renderStillAnswered(
  tr: Translator,
  answer: 'keep' | 'pause' | 'optout',
  pausedUntil?: string,
) {
  const t = tr.of(calendarText);
  const line =
    answer === 'keep'
      ? t('stillKept')
      : answer === 'pause'
        ? t('stillPaused', { day: pausedUntil ? dayText(tr, pausedUntil) : '' })
        : t('stillOptedOut');
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
export function renderQueue(
  tr: Translator,
  items: QueueItem[],
  total: number,
  claimButton: (requestId: number) => Button,
) {
  const t = tr.of(calendarText);
  if (items.length === 0) {
    const text = t('queueEmpty');
    return { text, blocks: [section(text)] };
  }
  const blocks: Block[] = [header(t('queueHeader'))];
  for (const r of items) {
    const left = r.due
      ? r.overdue
        ? t('queueOverdue', when(tr, r.due))
        : t('queueDue', when(tr, r.due))
      : t('queueNoTarget');
    blocks.push(
      section(`*${reference(r.id)} · ${safe(r.serviceName, 100)}* — ${safe(r.project, 150)}\n${left}`, {
        accessory: claimButton(r.id),
      }),
    );
  }
  if (total > items.length) blocks.push(context(t('queueMore', { count: total - items.length })));
  return { text: t('queueText', { total }), blocks };
}

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** `/pmo calendar`: working days and hours, the holidays' region, the next days off. */
export function renderCalendar(
  tr: Translator,
  rules: CalendarRules,
  holidays: string | undefined,
  daysOff: DayOff[],
  away: AwayPeriod[],
  command: string,
  isLead: boolean,
) {
  const t = tr.of(calendarText);
  const dayOff = (d: DayOff) =>
    `• ${dayText(tr, d.day)} — ${d.name ? safe(d.name, 100) : t('pmoClosed')}${d.why === 'closure' ? ` ${t('closureMark')}` : ''}`;
  const blocks: Block[] = [
    header(t('calendarTitle')),
    fields([
      [t('workingDays'), rules.days.map((d) => t('weekday', { day: String(d) })).join(', ')],
      [t('workingHours'), `${hour(rules.hours.start)}–${hour(rules.hours.end)} (${rules.timezone})`],
      [t('publicHolidays'), holidays ?? t('noneConfigured')],
    ]),
    section(
      `${t('nextDaysOff')}\n${daysOff.length ? daysOff.slice(0, 20).map(dayOff).join('\n') : t('noDaysOff')}`,
    ),
  ];
  if (away.length)
    blocks.push(
      section(
        `${t('awayHeading')}\n${away
          .map((a) => t('awayUntil', { person: `<@${a.userId}>`, day: dayText(tr, a.lastDay) }))
          .join('\n')}`,
      ),
    );
  if (isLead) blocks.push(context(t('closureHint', { command })));
  return { text: t('calendarTitle'), blocks };
}

/**
 * Home's "Away…" modal (anyone, for themselves). The translator comes last (English by
 * default): test/hardening renders this modal too.
 */
export function renderAwayModal(
  today: string,
  current: AwayPeriod | undefined,
  tr: Translator = translatorFor('en'),
): ModalView {
  const t = tr.of(calendarText);
  return {
    type: 'modal',
    callback_id: CALENDAR_IDS.awayModal,
    title: plain(t('awayTitle'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('cancel'), 24),
    blocks: [
      section(t('awayIntro')),
      {
        type: 'input',
        block_id: CALENDAR_IDS.awayFirstDay,
        label: plain(t('firstDayAway'), 2000),
        element: {
          type: 'datepicker',
          action_id: CALENDAR_IDS.awayFirstDay,
          initial_date: current?.firstDay ?? today,
        },
      },
      {
        type: 'input',
        block_id: CALENDAR_IDS.awayLastDay,
        label: plain(t('lastDayAway'), 2000),
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
export function renderAwayHomeBlocks(
  current: AwayPeriod | undefined,
  tr: Translator = translatorFor('en'),
): Block[] {
  const t = tr.of(calendarText);
  return [
    section(
      current
        ? t('homeAway', { first: dayText(tr, current.firstDay), last: dayText(tr, current.lastDay) })
        : t('homeNotAway'),
    ),
    actions('calendar_away_home', [
      button(current ? t('homeChange') : t('homeAwayButton'), CALENDAR_IDS.awayOpen, 'away'),
      ...(current ? [button(t('homeBack'), CALENDAR_IDS.awayClear, 'back')] : []),
    ]),
  ];
}

/** Quiet by default: a period with nothing due, overdue or away shows no target figures. */
export function hasTargetNews(r: TargetReport): boolean {
  return r.firstResponse.total + r.delivery.total + r.overdueTotal + r.awayThisWeek.length > 0;
}

/** The digest's and Home's response-target figures. */
export function renderTargetFields(
  r: TargetReport,
  tr: Translator = translatorFor('en'),
): [string, string][] {
  const t = tr.of(calendarText);
  return [
    [t('firstResponseOnTarget'), rateText(r.firstResponse, tr)],
    [t('deliveryOnTarget'), rateText(r.delivery, tr)],
    [t('overdueNow'), tr.number(r.overdueTotal)],
    [
      t('awayThisWeek'),
      r.awayThisWeek.length
        ? r.awayThisWeek
            .map((a) => `<@${a.userId}>`)
            .join(', ')
            .slice(0, 1900)
        : t('nobody'),
    ],
  ];
}

/** The digest thread's detail: what is overdue, and who is away until when. */
export function renderTargetDetails(r: TargetReport, tr: Translator = translatorFor('en')): Block[] {
  const t = tr.of(calendarText);
  const overdue = r.overdue.map((o) =>
    t('overdueLine', { ref: reference(o.requestId), target: o.target, ...when(tr, o.due) }),
  );
  const more =
    r.overdueTotal > r.overdue.length
      ? ` ${t('overdueOldest', { shown: r.overdue.length, total: r.overdueTotal })}`
      : '';
  const blocks: Block[] = [
    section(`${t('overdueHeading')}${more}\n${overdue.length ? overdue.join('\n') : t('nothingOverdue')}`),
  ];
  if (r.awayThisWeek.length)
    blocks.push(
      section(
        `${t('awayThisWeekHeading')}\n${r.awayThisWeek
          .map((a) => `• <@${a.userId}> ${dayText(tr, a.firstDay)} – ${dayText(tr, a.lastDay)}`)
          .join('\n')}`,
      ),
    );
  return blocks;
}
