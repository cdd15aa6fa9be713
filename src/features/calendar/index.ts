import { defineFeature } from '../../feature';
import { minuteSlot } from '../../jobs/registry';
import { awayCommand, calendarCommand, queueCommand } from './commands';
import { runNudgesJob } from './job';
import { calendarFeature } from './listeners';
import { calendarOutboxHooks } from './outbox';

/** Working time, away periods, response targets and their nudges, the triage queue. */
export const calendar = defineFeature({
  ...calendarFeature,
  subcommands: [queueCommand, awayCommand, calendarCommand],
  outbox: (deps) => calendarOutboxHooks(deps),
  jobs: [{ name: 'nudges', schedule: (c) => c.schedule.nudgeCron, runKey: minuteSlot, run: runNudgesJob }],
});
