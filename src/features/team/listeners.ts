import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { slackUserId } from '../../lib/input';
import { action, type Feature, parseForm, view } from '../../slack/kit';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { listServices } from '../catalog';
import { renderMemberModal, renderTeam, renderTeamModal } from './blocks';
import { TEAM_IDS } from './ids';
import { teamText } from './messages';
import { getMember, listTeam, memberFormSchemaFor, removeMember, saveMember } from './service';

/**
 * `/pmo team` (leads): members, their skills and capacity. From a lead's Home the list is in a
 * modal: the form is pushed over it and the list redrawn in place.
 */

// The kit answers a refusal before a translator exists: it stays the catalogue's English.
const LEADS_ONLY = teamText.messages.en.leadsOnly;

const FIELDS = { userId: TEAM_IDS.user, skillIds: TEAM_IDS.skills, weeklyCapacity: TEAM_IDS.capacity };

/** The translator of the lead a click or a form answers. */
const translatorOf = async (deps: Deps, client: WebClient, userId: string): Promise<Translator> =>
  translatorFor(await deps.languages.of(client, userId));

export const teamFeature: Feature = {
  name: 'team',
  actions: [
    action({
      id: TEAM_IDS.add,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: z.unknown(),
      run: async (click) => {
        const tr = await translatorOf(click.deps, click.client, click.userId);
        await click.openModal(renderMemberModal(await listServices(click.deps.db), undefined, tr));
      },
    }),
    action({
      id: TEAM_IDS.edit,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: slackUserId,
      run: async (click) => {
        const tr = await translatorOf(click.deps, click.client, click.userId);
        const member = await getMember(click.deps.db, click.value);
        if (!member) return click.tell(tr.t(teamText, 'gone'));
        await click.openModal(renderMemberModal(await listServices(click.deps.db), member, tr));
      },
    }),
    action({
      id: TEAM_IDS.remove,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: slackUserId,
      run: async (click) => {
        const { deps, client } = click;
        await removeMember(deps.db, click.value);
        await recordAudit(deps.db, {
          actor: click.userId,
          action: AUDIT_ACTIONS.teamRemove,
          target: click.value,
          subject: 'member',
          at: deps.clock.now(),
        });
        const tr = await translatorOf(deps, client, click.userId);
        const members = await listTeam(deps.db);
        const team = renderTeam(members, deps.config.pmo.leadIds, tr);
        if (click.place.kind === 'modal') {
          await client.views.update({
            view_id: click.place.viewId,
            view: renderTeamModal(members, deps.config.pmo.leadIds, tr),
          });
        } else if (click.respond) {
          await click.respond({ response_type: 'ephemeral', replace_original: true, ...team });
        }
      },
    }),
  ],
  views: [
    view({
      callbackId: TEAM_IDS.modal,
      audience: 'leads',
      refusal: LEADS_ONLY,
      // Parsed here rather than by the kit, so the field errors are in the lead's language.
      submit: async (s) => {
        const tr = await translatorOf(s.deps, s.client, s.userId);
        const form = parseForm(s.body.view, FIELDS, memberFormSchemaFor(tr));
        if (!form.ok) return { errors: form.errors };
        const values = form.values;
        await saveMember(s.deps.db, { ...values, addedBy: s.userId });
        await recordAudit(s.deps.db, {
          actor: s.userId,
          action: AUDIT_ACTIONS.teamSave,
          target: values.userId,
          subject: 'member',
          detail: { skills: values.skillIds.length, weeklyCapacity: values.weeklyCapacity },
          at: s.deps.clock.now(),
        });
        return undefined;
      },
    }),
  ],
};
