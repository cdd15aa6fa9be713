import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { listServices } from '../../services/catalog';
import { isLead } from '../../services/people';
import { getMember, listTeam, removeMember } from '../../services/team';
import { ADMIN_TITLES, renderAdminModal } from '../../views/home';
import { renderMemberModal, renderTeam } from '../../views/team';
import { TEAM_IDS } from '../ids';
import { inModal, openOrPush } from './in-modal';
import { tellClicker } from './respond';

const LEADS_ONLY = 'Only PMO leads manage the team.';
const userId = z.string().regex(/^[UW][A-Z0-9]+$/);

/**
 * Buttons of the `/pmo team` list. Leads only, re-checked on every click. From a lead's Home
 * the list is in a modal: the form is pushed over it and the list redrawn in place.
 */
export function registerTeamActions(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(TEAM_IDS.add, async ({ ack, body, respond, client }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    const services = await listServices(deps.db);
    await openOrPush(client, body, renderMemberModal(services));
  });

  app.action<BlockAction<ButtonAction>>(TEAM_IDS.edit, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    const id = userId.safeParse(action.value);
    const member = id.success ? await getMember(deps.db, id.data) : undefined;
    if (!member) return tellClicker(respond, 'That person is no longer on the team.');
    const services = await listServices(deps.db);
    await openOrPush(client, body, renderMemberModal(services, member));
  });

  app.action<BlockAction<ButtonAction>>(TEAM_IDS.remove, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    const id = userId.safeParse(action.value);
    if (!id.success) return;
    await removeMember(deps.db, id.data);
    const members = await listTeam(deps.db);
    const modal = inModal(body);
    if (modal) {
      await client.views.update({
        view_id: modal,
        view: renderAdminModal(ADMIN_TITLES.team, renderTeam(members, deps.config.pmo.leadIds)),
      });
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...renderTeam(members, deps.config.pmo.leadIds),
    });
  });
}
