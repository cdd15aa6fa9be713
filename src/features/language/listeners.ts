import { z } from 'zod';
import { LANGUAGES, translatorFor } from '../../i18n';
import { action, type Feature, onEvent } from '../../slack/kit';
import { renderLanguagePicker } from './blocks';
import { FOLLOW_SLACK, LANGUAGE_IDS } from './ids';
import { applyChoice, forgetSlackLocale } from './service';

/** A click on the picker: only ever about the person who clicked, whatever the payload says. */
export const languageFeature: Feature = {
  name: 'language',
  actions: [
    action({
      id: new RegExp(`^${LANGUAGE_IDS.choose}_[a-z]+$`),
      value: z.enum([...LANGUAGES, FOLLOW_SLACK]),
      run: async (click) => {
        const { deps, client, userId, value } = click;
        const { now, notice } = await applyChoice(
          deps,
          client,
          userId,
          value === FOLLOW_SLACK ? null : value,
        );
        const picker = renderLanguagePicker(translatorFor(now.language), now, notice);
        if (click.respond)
          await click.respond({ response_type: 'ephemeral', replace_original: true, ...picker });
        else await click.tell(notice);
        await deps.surfaces.refreshHome(client, userId);
      },
    }),
  ],
  events: [
    // Someone changed their Slack profile (their language among it): ask Slack again next time.
    onEvent('user_change', async ({ event }, deps) => {
      const user = event.user as { id?: string };
      if (user?.id) await forgetSlackLocale(deps.db, user.id);
    }),
  ],
};
