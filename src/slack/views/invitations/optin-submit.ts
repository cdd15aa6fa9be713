import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { localDate } from '../../../services/calendar';
import { CAPS, saveChoices } from '../../../services/consent';
import { renderOptinSaved } from '../../../views/consent';
import { refreshHome } from '../../home-publisher';
import { CONSENT_IDS } from '../../ids';
import { StateValues } from '../state-values';

/** /pmo optin saved: topics, cap and pause, each change recorded as a consent event. */
export function registerOptinSubmit(app: App, deps: Deps): void {
  app.view(CONSENT_IDS.modal, async ({ ack, body, view, client }) => {
    const { db, clock, config, outbox } = deps;
    const values = new StateValues(view.state.values);
    const today = localDate(clock.now(), config.pmo.timezone);
    const pausedUntil = values.date(CONSENT_IDS.pause);
    if (pausedUntil && pausedUntil <= today) {
      await ack({
        response_action: 'errors',
        errors: { [CONSENT_IDS.pause]: 'Choose a date after today, or leave it empty.' },
      });
      return;
    }
    const cap = values.option(CONSENT_IDS.cap);
    if (!cap || !(cap in CAPS)) {
      await ack({ response_action: 'errors', errors: { [CONSENT_IDS.cap]: 'Choose how often at most.' } });
      return;
    }
    const topicIds = values
      .options(CONSENT_IDS.topics)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    const result = await saveChoices(
      db,
      body.user.id,
      { topicIds, cap: cap as keyof typeof CAPS, pausedUntil },
      'optin_modal',
      clock.now(),
    );
    await ack({ response_action: 'update', view: renderOptinSaved(result, today) });
    if (result.coachingEnded) outbox.kick();
    await refreshHome(deps, client, body.user.id);
  });
}
