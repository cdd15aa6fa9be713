import { defineFeature } from '../../feature';
import { minuteSlot } from '../../jobs/registry';
import { awayCommand, calendarCommand, queueCommand } from './commands';
import { runNudgesJob } from './job';
import { calendarFeature } from './listeners';
import { calendarText } from './messages';
import { calendarOutboxHooks } from './outbox';

/** Working time, away periods, response targets and their nudges, the triage queue. */
export const calendar = defineFeature(() => ({
  ...calendarFeature,
  subcommands: [queueCommand, awayCommand, calendarCommand],
  outbox: (deps, client) => calendarOutboxHooks(deps, client),
  catalogues: [calendarText],
  jobs: [{ name: 'nudges', schedule: (c) => c.schedule.nudgeCron, runKey: minuteSlot, run: runNudgesJob }],
}));

// What other features may use.
export { notAway } from './away-filter';
export { hasTargetNews, renderAwayHomeBlocks, renderTargetDetails, renderTargetFields } from './blocks';
export { deferCheckinsOfAway, invitationGate } from './deferral';
export { checkinsSilenced, DEFAULT_TARGETS, type Overdue, overdueTarget, SILENCE_CHECKINS } from './policy';
export { type AwayPeriod, awayPeriodOf, targetsForNewRequest } from './service';
export { checkSilence } from './silence';
export { computeTargetReport, type TargetReport } from './targets-report';
