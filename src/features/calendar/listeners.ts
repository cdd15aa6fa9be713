import { z } from 'zod';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { dateFrom, rowId } from '../../lib/input';
import { postedMessage } from '../../outbox/enqueue';
import { action, type Feature, redrawMessage, view } from '../../slack/kit';
import { renderAwayModal, renderStillAnswered } from './blocks';
import { CALENDAR_IDS } from './ids';
import { awayPeriodOf, clearAway, setAway } from './service';
import { answerStillInterested, type StillAnswer } from './silence';

/**
 * The calendar feature's buttons: "Still interested?" (only the person asked, once), and time
 * away from Home (for oneself; leads set it for others with `/pmo away @person …`).
 */

const still = (id: string, answer: StillAnswer) =>
  action({
    id,
    value: rowId,
    run: async ({ deps, client, userId, value: checkId, tell }) => {
      const outcome = await answerStillInterested(deps, {
        checkId,
        userId,
        answer,
        now: deps.clock.now(),
        today: todayOf(deps),
      });
      if (!outcome.ok) return tell('This question is closed or not yours — nothing changed.');
      const done = renderStillAnswered(outcome.answer, outcome.pausedUntil);
      const posted = await postedMessage(deps.db, `calendar.still.${checkId}`);
      if (posted) await redrawMessage(deps, client, posted, done);
      await deps.surfaces.refreshHome(client, userId, { notice: done.text });
    },
  });

/** The PMO's calendar day: away periods are local days. */
const todayOf = (deps: Deps) => localDate(deps.clock.now(), deps.config.calendar.timezone);

export const calendarFeature: Feature = {
  name: 'calendar',
  actions: [
    still(CALENDAR_IDS.stillKeep, 'keep'),
    still(CALENDAR_IDS.stillPause, 'pause'),
    still(CALENDAR_IDS.stillOptOut, 'optout'),
    action({
      id: CALENDAR_IDS.awayOpen,
      value: z.unknown(),
      run: async (click) => {
        const { deps } = click;
        const day = todayOf(deps);
        await click.openModal(renderAwayModal(day, await awayPeriodOf(deps.db, click.userId, day)));
      },
    }),
    action({
      id: CALENDAR_IDS.awayClear,
      value: z.unknown(),
      run: async ({ deps, client, userId }) => {
        const back = await clearAway(deps.db, userId);
        await deps.surfaces.refreshHome(client, userId, {
          notice: back ? 'Welcome back!' : 'You were not away.',
        });
      },
    }),
  ],
  views: [
    view({
      callbackId: CALENDAR_IDS.awayModal,
      fields: { firstDay: CALENDAR_IDS.awayFirstDay, lastDay: CALENDAR_IDS.awayLastDay },
      schema: async ({ deps }) => {
        const day = todayOf(deps);
        return z.object({
          firstDay: dateFrom(day, { required: 'Pick your first day away.' }),
          lastDay: dateFrom(day, { required: 'Pick your last day away.' }),
        });
      },
      submit: async (s) => {
        const { deps } = s;
        const day = todayOf(deps);
        const result = await setAway(deps.db, { userId: s.userId, ...s.values, setBy: s.userId, today: day });
        if (!result.ok) return { errors: { [CALENDAR_IDS.awayLastDay]: result.error } };
        s.later(() => deps.surfaces.refreshHome(s.client, s.userId));
        return undefined;
      },
    }),
  ],
};
