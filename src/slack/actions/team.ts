import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { listServices } from '../../services/catalog';
import { isLead } from '../../services/people';
import { getMember, listTeam, removeMember } from '../../services/team';
import { renderMemberModal, renderTeam } from '../../views/team';
import { TEAM_IDS } from '../ids';
import { tellClicker } from './respond';

const LEADS_ONLY = 'Only PMO leads manage the team.';
const userId = z.string().regex(/^[UW][A-Z0-9]+$/);

/** Buttons of the `/pmo team` list. Leads only, re-checked on every click. */
export function registerTeamActions(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(TEAM_IDS.add, async ({ ack, body, respond, client }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    const services = await listServices(deps.db);
    await client.views.open({ trigger_id: body.trigger_id, view: renderMemberModal(services) });
  });

  app.action<BlockAction<ButtonAction>>(TEAM_IDS.edit, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    const id = userId.safeParse(action.value);
    const member = id.success ? await getMember(deps.db, id.data) : undefined;
    if (!member) return tellClicker(respond, 'That person is no longer on the team.');
    const services = await listServices(deps.db);
    await client.views.open({ trigger_id: body.trigger_id, view: renderMemberModal(services, member) });
  });

  app.action<BlockAction<ButtonAction>>(TEAM_IDS.remove, async ({ ack, body, action, respond }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    const id = userId.safeParse(action.value);
    if (!id.success) return;
    await removeMember(deps.db, id.data);
    const members = await listTeam(deps.db);
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...renderTeam(members, deps.config.pmo.leadIds),
    });
  });
}
