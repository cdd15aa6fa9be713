import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { action, type Feature, parseForm, type ViewAnswer, view } from '../../slack/kit';
import { cannotPostIn } from '../requests';
import { renderSettingsModal } from './blocks';
import { SETTINGS_FIELDS, type SettingsForm, settingsFormSchema } from './form';
import { SETTINGS_IDS } from './ids';
import { settingsText } from './messages';
import { saveSettings } from './service';

/**
 * `/pmo settings` and the Settings button on a lead's Home open the form; its submission is
 * checked again on submit (still a lead? the channel one the app can post in? nobody saved
 * meanwhile?) before anything is saved.
 */

/** The kit's refusal (said before the clicker's language is known) stays English. */
export const LEADS_ONLY = settingsText.messages.en.leadsOnly;

export function settingsModalFor(
  deps: Pick<Deps, 'settings' | 'config'>,
  tr: Translator = translatorFor('en'),
) {
  const { settings } = deps;
  return renderSettingsModal(tr, {
    settings: settings.settings,
    envLeads: settings.env.leadIds,
    version: settings.version,
    command: deps.config.pmo.command,
  });
}

/** Why the app cannot post in the chosen channel, as a field error; undefined when it can. */
async function channelProblem(
  tr: Translator,
  client: WebClient,
  deps: Deps,
  channelId: string,
): Promise<string | undefined> {
  try {
    const reason = await cannotPostIn(client, channelId);
    return reason ? tr.t(settingsText, 'channelNotIn') : undefined;
  } catch (err) {
    deps.logger.warn({ err, channelId }, 'could not check the chosen PMO channel');
    return tr.t(settingsText, 'channelUnknown');
  }
}

/** The leads PMO_LEAD_IDS names that the form left out (they always stay), in the lead's words. */
function envLeadsStay(
  tr: Translator,
  envLeads: readonly string[],
  chosen: readonly string[],
): string | undefined {
  const removed = envLeads.filter((id) => !chosen.includes(id));
  if (!removed.length) return undefined;
  return tr.t(settingsText, 'envLeadsStay', {
    leads: removed.map((id) => `<@${id}>`).join(', '),
    count: removed.length,
  });
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
        const tr = translatorFor(await click.deps.languages.of(click.client, click.userId));
        await click.deps.settings.refresh();
        await click.openModal(settingsModalFor(click.deps, tr));
      },
    }),
  ],
  views: [
    view({
      callbackId: SETTINGS_IDS.modal,
      audience: 'leads',
      refusal: LEADS_ONLY,
      metadata: z.object({ v: z.number().int().min(0) }),
      // The form is read on submit, where the lead's language is known (the kit's schema step has
      // no Slack client to ask it with), so its field errors are in their language.
      submit: async (s): Promise<ViewAnswer> => {
        const { deps, client, userId } = s;
        const tr = translatorFor(await deps.languages.of(client, userId));
        const t = tr.of(settingsText);
        const form = parseForm(s.body.view, SETTINGS_FIELDS, settingsFormSchema(deps.settings.settings, tr));
        if (!form.ok) return { errors: form.errors };
        // Another replica may have removed this lead in the last half minute: ask the database.
        await deps.settings.refresh();
        if (!deps.roles.isLead(userId)) return { errors: { [SETTINGS_IDS.leads]: t('leadsOnly') } };
        const chosen = form.values as SettingsForm;
        if (chosen.channelId !== deps.settings.settings.channelId) {
          const problem = await channelProblem(tr, client, deps, chosen.channelId);
          if (problem) return { errors: { [SETTINGS_IDS.channel]: problem } };
        }
        const outcome = await saveSettings(deps, {
          userId,
          chosen,
          version: s.metadata.v,
        });
        if (outcome.ok) {
          s.later(() =>
            deps.surfaces.refreshHome(client, userId, {
              notice: outcome.changed.length ? t('saved') : t('unchanged'),
            }),
          );
          return undefined;
        }
        if (outcome.reason === 'leads')
          return {
            errors: {
              [SETTINGS_IDS.leads]:
                envLeadsStay(tr, deps.settings.env.leadIds, chosen.leadIds) ?? outcome.error,
            },
          };
        return { errors: { [SETTINGS_IDS.leads]: t('stale') } };
      },
    }),
  ],
};
