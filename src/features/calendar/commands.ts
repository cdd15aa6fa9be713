import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { isCalendarDate } from '../../lib/input';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderCalendar, renderQueue } from './blocks';
import { dayText } from './dates';
import { calendarText } from './messages';
import { parseAwayCommand } from './policy';
import { listWaiting } from './queue';
import {
  addClosure,
  awayBetween,
  awayPeriodOf,
  clearAway,
  loadCalendar,
  removeClosure,
  setAway,
  upcomingDaysOff,
} from './service';

/** The translator of the person who typed the command. */
export const translatorOf = async (
  deps: Pick<Deps, 'languages'>,
  client: WebClient,
  userId: string,
): Promise<Translator> => translatorFor(await deps.languages.of(client, userId));

/** `/pmo queue` (members): what is waiting for the PMO, the least time left first, with Claim. */
export const queueCommand: Subcommand = {
  name: 'queue',
  usage: 'queue',
  summary: (tr) => tr.t(calendarText, 'queueSummary'),
  audience: 'members',
  run: async ({ ack, client, command, deps }) => {
    const tr = await translatorOf(deps, client, command.user_id);
    const { items, total } = await listWaiting(deps.db, deps.clock.now());
    await ack({ response_type: 'ephemeral', ...renderQueue(tr, items, total, deps.requests.claimButton) });
  },
};

/**
 * `/pmo calendar` (members): working days and hours, holidays, closures, who is away.
 * Leads add and remove closure days: `calendar close 2026-12-24 [reason]`, `calendar open 2026-12-24`.
 */
export const calendarCommand: Subcommand = {
  name: 'calendar',
  usage: 'calendar [close|open YYYY-MM-DD [reason]]',
  summary: (tr) => tr.t(calendarText, 'calendarSummary'),
  audience: 'members',
  run: async ({ ack, client, command, rest, deps }) => {
    const { db, config, clock } = deps;
    const tr = await translatorOf(deps, client, command.user_id);
    const t = tr.of(calendarText);
    const lead = deps.roles.isLead(command.user_id);
    const [verb = '', day = '', ...reasonWords] = rest.trim().split(/\s+/);
    const say = (text: string) => ack({ response_type: 'ephemeral', text });
    if (verb === 'close' || verb === 'open') {
      if (!lead) return say(t('onlyLeadsCalendar'));
      if (!isCalendarDate(day)) return say(t('dayFormat'));
      if (verb === 'close') {
        await addClosure(db, day, reasonWords.join(' ').slice(0, 100), command.user_id);
        return say(t('closedOn', { day: dayText(tr, day) }));
      }
      return say(
        (await removeClosure(db, day))
          ? t('workingAgain', { day: dayText(tr, day) })
          : t('notClosure', { day: dayText(tr, day) }),
      );
    }
    if (verb !== '') return say(t('calendarUsage'));
    const now = clock.now();
    const calendar = await loadCalendar(db, config, now);
    const today = calendar.today(now);
    const daysOff = await upcomingDaysOff(db, config, today);
    const away = await awayBetween(db, today, today);
    await ack({
      response_type: 'ephemeral',
      ...renderCalendar(
        tr,
        calendar.rules,
        config.calendar.holidays,
        daysOff,
        away,
        config.pmo.command,
        lead,
      ),
    });
  },
};

/** `/pmo away until YYYY-MM-DD` (anyone); leads: `/pmo away @someone until …`; `/pmo away back`. */
export const awayCommand: Subcommand = {
  name: 'away',
  usage: 'away [@person] [from YYYY-MM-DD] until YYYY-MM-DD | away back',
  summary: (tr) => tr.t(calendarText, 'awaySummary'),
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    const { db, config, clock } = deps;
    const tr = await translatorOf(deps, client, command.user_id);
    const t = tr.of(calendarText);
    const say = (text: string) => ack({ response_type: 'ephemeral', text });
    const parsed = parseAwayCommand(rest, tr);
    if ('error' in parsed) return say(parsed.error);
    const who = parsed.userId ?? command.user_id;
    const self = who === command.user_id;
    if (!self && !deps.roles.isLead(command.user_id)) return say(t('onlyLeadsAway'));
    const person = { self: self ? 'yes' : 'no', person: `<@${who}>` };
    const today = localDate(clock.now(), config.calendar.timezone);
    if (parsed.action === 'show') {
      const p = await awayPeriodOf(db, who, today);
      return say(
        p
          ? t('awayFromUntil', { ...person, first: dayText(tr, p.firstDay), last: dayText(tr, p.lastDay) })
          : t('notAwayHint', { ...person, command: config.pmo.command }),
      );
    }
    if (parsed.action === 'clear')
      return say(
        (await clearAway(db, who))
          ? self
            ? t('welcomeBack')
            : t('isBack', { person: person.person })
          : t('notAway', person),
      );
    const result = await setAway(db, {
      userId: who,
      firstDay: parsed.firstDay ?? today,
      lastDay: parsed.lastDay!,
      setBy: command.user_id,
      today,
    });
    if (!result.ok) return say(t(result.error));
    return say(
      t('awaySet', {
        ...person,
        first: dayText(tr, result.period.firstDay),
        last: dayText(tr, result.period.lastDay),
      }),
    );
  },
};
