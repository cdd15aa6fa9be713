import { z } from 'zod';
import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { dateFrom, rowId } from '../../lib/input';
import { postedMessage } from '../../outbox/enqueue';
import { action, type Feature, parseForm, redrawMessage, view } from '../../slack/kit';
import { renderAwayModal, renderStillAnswered } from './blocks';
import { translatorOf } from './commands';
import { CALENDAR_IDS } from './ids';
import { calendarText } from './messages';
import { awayPeriodOf, clearAway, setAway } from './service';
import { answerStillInterested, type StillAnswer } from './silence';

/**
 * The calendar feature's buttons: "Still interested?" (only the person asked, once), and time
 * away from Home (for oneself; leads set it for others with `/pmo away @person …`). Each answer
 * is in the language of the person who clicked.
 */

const still = (id: string, answer: StillAnswer) =>
  action({
    id,
    value: rowId,
    run: async ({ deps, client, userId, value: checkId, tell }) => {
      const tr = await translatorOf(deps, client, userId);
      const outcome = await answerStillInterested(deps, {
        checkId,
        userId,
        answer,
        now: deps.clock.now(),
        today: todayOf(deps),
      });
      if (!outcome.ok) return tell(tr.t(calendarText, 'stillClosed'));
      const done = renderStillAnswered(tr, outcome.answer, outcome.pausedUntil);
      const posted = await postedMessage(deps.db, `calendar.still.${checkId}`);
      if (posted) await redrawMessage(deps, client, posted, done);
      await deps.surfaces.refreshHome(client, userId, { notice: done.text });
    },
  });

/** The PMO's calendar day: away periods are local days. */
const todayOf = (deps: Deps) => localDate(deps.clock.now(), deps.config.calendar.timezone);

const AWAY_FIELDS = { firstDay: CALENDAR_IDS.awayFirstDay, lastDay: CALENDAR_IDS.awayLastDay };

/** The away modal's days, with its field errors in the person's language. */
function awaySchema(tr: Translator, today: string) {
  const t = tr.of(calendarText);
  const day = (pick: string) => dateFrom(today, { required: pick }, tr);
  return z.object({ firstDay: day(t('pickFirstDay')), lastDay: day(t('pickLastDay')) });
}

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
        const tr = await translatorOf(deps, click.client, click.userId);
        const day = todayOf(deps);
        await click.openModal(renderAwayModal(day, await awayPeriodOf(deps.db, click.userId, day), tr));
      },
    }),
    action({
      id: CALENDAR_IDS.awayClear,
      value: z.unknown(),
      run: async ({ deps, client, userId }) => {
        const tr = await translatorOf(deps, client, userId);
        const back = await clearAway(deps.db, userId);
        await deps.surfaces.refreshHome(client, userId, {
          notice: tr.t(calendarText, back ? 'welcomeBack' : 'youWereNotAway'),
        });
      },
    }),
  ],
  views: [
    view({
      callbackId: CALENDAR_IDS.awayModal,
      // The days are read here rather than by a route schema: the field errors need the
      // person's language, which takes their Slack client to know.
      submit: async (s) => {
        const { deps } = s;
        const tr = await translatorOf(deps, s.client, s.userId);
        const day = todayOf(deps);
        const form = parseForm(s.body.view, AWAY_FIELDS, awaySchema(tr, day));
        if (!form.ok) return { errors: form.errors };
        const result = await setAway(deps.db, {
          userId: s.userId,
          ...form.values,
          setBy: s.userId,
          today: day,
        });
        if (!result.ok) return { errors: { [CALENDAR_IDS.awayLastDay]: tr.t(calendarText, result.error) } };
        s.later(() => deps.surfaces.refreshHome(s.client, s.userId));
        return undefined;
      },
    }),
  ],
};
