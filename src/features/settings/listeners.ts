import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { action, type Feature, type ViewAnswer, view } from '../../slack/kit';
import { cannotPostIn } from '../requests';
import { renderSettingsModal } from './blocks';
import { SETTINGS_FIELDS, type SettingsForm, settingsFormSchema } from './form';
import { SETTINGS_IDS } from './ids';
import { saveSettings } from './service';

/**
 * `/pmo settings` and the Settings button on a lead's Home open the form; its submission is
 * checked again on submit (still a lead? the channel one the app can post in? nobody saved
 * meanwhile?) before anything is saved.
 */

export const LEADS_ONLY = 'Only PMO leads change the PMO’s settings.';

export function settingsModalFor(deps: Pick<Deps, 'settings' | 'config'>) {
  const { settings } = deps;
  return renderSettingsModal({
    settings: settings.settings,
    envLeads: settings.env.leadIds,
    version: settings.version,
    command: deps.config.pmo.command,
  });
}

/** Why the app cannot post in the chosen channel, as a field error; undefined when it can. */
async function channelProblem(client: WebClient, deps: Deps, channelId: string): Promise<string | undefined> {
  try {
    const reason = await cannotPostIn(client, channelId);
    return reason
      ? 'The app is not in that channel, so it cannot post there. Type `/invite @PMO Concierge` in the channel, then save again.'
      : undefined;
  } catch (err) {
    deps.logger.warn({ err, channelId }, 'could not check the chosen PMO channel');
    return 'Slack did not say whether the app can post in that channel. Please try again in a moment.';
  }
}

export const settingsFeature: Feature = {
  name: 'settings',
  actions: [
    action({
      id: SETTINGS_IDS.open,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: z.unknown(),
      run: async (click) => {
        await click.deps.settings.refresh();
        await click.openModal(settingsModalFor(click.deps));
      },
    }),
  ],
  views: [
    view({
      callbackId: SETTINGS_IDS.modal,
      audience: 'leads',
      refusal: LEADS_ONLY,
      metadata: z.object({ v: z.number().int().min(0) }),
      fields: SETTINGS_FIELDS,
      schema: ({ deps }) => settingsFormSchema(deps.settings.settings.digestCron),
      submit: async (s): Promise<ViewAnswer> => {
        const { deps, client, userId } = s;
        // Another replica may have removed this lead in the last half minute: ask the database.
        await deps.settings.refresh();
        if (!deps.roles.isLead(userId)) return { errors: { [SETTINGS_IDS.leads]: LEADS_ONLY } };
        const chosen = s.values as SettingsForm;
        if (chosen.channelId !== deps.settings.settings.channelId) {
          const problem = await channelProblem(client, deps, chosen.channelId);
          if (problem) return { errors: { [SETTINGS_IDS.channel]: problem } };
        }
        const outcome = await saveSettings(deps, {
          userId,
          chosen: { language: deps.settings.settings.language, ...chosen },
          version: s.metadata.v,
        });
        if (outcome.ok) {
          s.later(() =>
            deps.surfaces.refreshHome(client, userId, {
              notice: outcome.changed.length ? 'Settings saved.' : 'Nothing changed in the settings.',
            }),
          );
          return undefined;
        }
        if (outcome.reason === 'leads') return { errors: { [SETTINGS_IDS.leads]: outcome.error } };
        return {
          errors: {
            [SETTINGS_IDS.leads]:
              'Another lead saved the settings while this form was open, so nothing was saved. Close it and open the settings again.',
          },
        };
      },
    }),
  ],
};
