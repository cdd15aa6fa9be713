import { formatDate, localDate } from '../../lib/calendar';
import { isCalendarDate } from '../../lib/input';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderCalendar, renderQueue } from './blocks';
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

/** `/pmo queue` (members): what is waiting for the PMO, the least time left first, with Claim. */
export const queueCommand: Subcommand = {
  name: 'queue',
  usage: 'queue',
  summary: 'requests waiting for the PMO, the least time left first, with Claim',
  audience: 'members',
  run: async ({ ack, deps }) => {
    const { items, total } = await listWaiting(deps.db, deps.clock.now());
    await ack({ response_type: 'ephemeral', ...renderQueue(items, total, deps.requests.claimButton) });
  },
};

/**
 * `/pmo calendar` (members): working days and hours, holidays, closures, who is away.
 * Leads add and remove closure days: `calendar close 2026-12-24 [reason]`, `calendar open 2026-12-24`.
 */
export const calendarCommand: Subcommand = {
  name: 'calendar',
  usage: 'calendar [close|open YYYY-MM-DD [reason]]',
  summary: 'the PMO’s working days, hours, holidays and closures (leads add closure days)',
  audience: 'members',
  run: async ({ ack, command, rest, deps }) => {
    const { db, config, clock } = deps;
    const lead = deps.roles.isLead(command.user_id);
    const [verb = '', day = '', ...reasonWords] = rest.trim().split(/\s+/);
    const say = (text: string) => ack({ response_type: 'ephemeral', text });
    if (verb === 'close' || verb === 'open') {
      if (!lead) return say('Only PMO leads change the calendar.');
      if (!isCalendarDate(day))
        return say('Give the day as YYYY-MM-DD, e.g. `calendar close 2026-12-24 Team day`.');
      if (verb === 'close') {
        await addClosure(db, day, reasonWords.join(' ').slice(0, 100), command.user_id);
        return say(`The PMO is closed on ${formatDate(day)}: targets skip it, nobody is nudged on it.`);
      }
      return say(
        (await removeClosure(db, day))
          ? `${formatDate(day)} is a working day again.`
          : `${formatDate(day)} was not a closure day.`,
      );
    }
    if (verb !== '')
      return say('Say `calendar`, `calendar close YYYY-MM-DD [reason]` or `calendar open YYYY-MM-DD`.');
    const now = clock.now();
    const calendar = await loadCalendar(db, config, now);
    const today = calendar.today(now);
    const daysOff = await upcomingDaysOff(db, config, today);
    const away = await awayBetween(db, today, today);
    await ack({
      response_type: 'ephemeral',
      ...renderCalendar(calendar.rules, config.calendar.holidays, daysOff, away, config.pmo.command, lead),
    });
  },
};

/** `/pmo away until YYYY-MM-DD` (anyone); leads: `/pmo away @someone until …`; `/pmo away back`. */
export const awayCommand: Subcommand = {
  name: 'away',
  usage: 'away [@person] [from YYYY-MM-DD] until YYYY-MM-DD | away back',
  summary: 'time off: no suggestions, nudges or coaching while away; check-ins and invitations wait',
  audience: 'everyone',
  run: async ({ ack, command, rest, deps }) => {
    const { db, config, clock } = deps;
    const say = (text: string) => ack({ response_type: 'ephemeral', text });
    const parsed = parseAwayCommand(rest);
    if ('error' in parsed) return say(parsed.error);
    const who = parsed.userId ?? command.user_id;
    const self = who === command.user_id;
    if (!self && !deps.roles.isLead(command.user_id))
      return say('Only PMO leads set time away for someone else.');
    const name = self ? 'You are' : `<@${who}> is`;
    const today = localDate(clock.now(), config.calendar.timezone);
    if (parsed.action === 'show') {
      const p = await awayPeriodOf(db, who, today);
      return say(
        p
          ? `${name} away from ${formatDate(p.firstDay)} until ${formatDate(p.lastDay)}.`
          : `${name} not away. \`${config.pmo.command} away until YYYY-MM-DD\` sets it.`,
      );
    }
    if (parsed.action === 'clear')
      return say(
        (await clearAway(db, who)) ? `${self ? 'Welcome back!' : `<@${who}> is back.`}` : `${name} not away.`,
      );
    const result = await setAway(db, {
      userId: who,
      firstDay: parsed.firstDay ?? today,
      lastDay: parsed.lastDay!,
      setBy: command.user_id,
      today,
    });
    if (!result.ok) return say(result.error);
    return say(
      `${name} away from ${formatDate(result.period.firstDay)} until ${formatDate(result.period.lastDay)}. Meanwhile the PMO will not suggest, nudge or match ${self ? 'you' : 'them'}; check-ins and invitations wait until ${self ? 'you are' : 'they are'} back.`,
    );
  },
};
