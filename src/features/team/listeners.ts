import { z } from 'zod';
import { slackUserId } from '../../lib/input';
import { action, type Feature, view } from '../../slack/kit';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { listServices } from '../catalog';
import { renderMemberModal, renderTeam, renderTeamModal } from './blocks';
import { TEAM_IDS } from './ids';
import { getMember, listTeam, memberFormSchema, removeMember, saveMember } from './service';

/**
 * `/pmo team` (leads): members, their skills and capacity. From a lead's Home the list is in a
 * modal: the form is pushed over it and the list redrawn in place.
 */

const LEADS_ONLY = 'Only PMO leads manage the team.';

export const teamFeature: Feature = {
  name: 'team',
  actions: [
    action({
      id: TEAM_IDS.add,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: z.unknown(),
      run: async (click) => click.openModal(renderMemberModal(await listServices(click.deps.db))),
    }),
    action({
      id: TEAM_IDS.edit,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: slackUserId,
      run: async (click) => {
        const member = await getMember(click.deps.db, click.value);
        if (!member) return click.tell('That person is no longer on the team.');
        await click.openModal(renderMemberModal(await listServices(click.deps.db), member));
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
        const members = await listTeam(deps.db);
        const team = renderTeam(members, deps.config.pmo.leadIds);
        if (click.place.kind === 'modal') {
          await client.views.update({
            view_id: click.place.viewId,
            view: renderTeamModal(members, deps.config.pmo.leadIds),
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
      fields: { userId: TEAM_IDS.user, skillIds: TEAM_IDS.skills, weeklyCapacity: TEAM_IDS.capacity },
      schema: () => memberFormSchema,
      submit: async (s) => {
        await saveMember(s.deps.db, { ...s.values, addedBy: s.userId });
        await recordAudit(s.deps.db, {
          actor: s.userId,
          action: AUDIT_ACTIONS.teamSave,
          target: s.values.userId,
          subject: 'member',
          detail: { skills: s.values.skillIds.length, weeklyCapacity: s.values.weeklyCapacity },
          at: s.deps.clock.now(),
        });
        return undefined;
      },
    }),
  ],
};
