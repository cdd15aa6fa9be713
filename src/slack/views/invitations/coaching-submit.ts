import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { activeServices, requestCoaching } from '../../../services/coaching';
import { CADENCE_LABEL, type Cadence, renderCoachingRequested } from '../../../views/coaching';
import { refreshHome } from '../../home-publisher';
import { COACHING_IDS } from '../../ids';
import { StateValues } from '../state-values';

export function registerCoachingSubmit(app: App, deps: Deps): void {
  app.view(COACHING_IDS.modal, async ({ ack, body, view, client }) => {
    const { db, clock, outbox } = deps;
    const v = new StateValues(view.state.values);
    const active = new Set((await activeServices(db)).map((s) => s.id));
    const serviceIds = v
      .options(COACHING_IDS.focus)
      .map(Number)
      .filter((id) => active.has(id));
    const goals = v.text(COACHING_IDS.goals);
    const cadence = v.option(COACHING_IDS.cadence);
    const errors: Record<string, string> = {};
    if (serviceIds.length === 0) errors[COACHING_IDS.focus] = 'Choose at least one focus area.';
    if (!goals) errors[COACHING_IDS.goals] = 'Tell us a little about what you want to work on.';
    if (!cadence || !(cadence in CADENCE_LABEL)) errors[COACHING_IDS.cadence] = 'Choose a cadence.';
    if (Object.keys(errors).length || !goals || !cadence) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const outcome = await requestCoaching(
      db,
      { coacheeId: body.user.id, serviceIds, goals, cadence: cadence as Cadence },
      clock.now(),
    );
    await ack({ response_action: 'update', view: renderCoachingRequested(outcome.kind !== 'unmatched') });
    outbox.kick();
    await refreshHome(deps, client, body.user.id);
  });
}
