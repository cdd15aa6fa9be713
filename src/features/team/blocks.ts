import type { ModalView } from '@slack/types';
import {
  actions,
  type Block,
  button,
  context,
  mention,
  option,
  plain,
  safe,
  section,
} from '../../slack/kit/blocks';
import { renderAdminModal } from '../../slack/kit/modals';
import type { CatalogService } from '../catalog';
import { TEAM_IDS } from './ids';
import type { TeamMember } from './service';

/** `/pmo team`: members with skills, capacity and open work; Add, Edit, Remove. */
export function renderTeam(members: TeamMember[], leadIds: string[]) {
  const blocks: Block[] = [
    section('*PMO team* — members act on triage posts and are suggested for requests matching their skills.'),
    context(`Leads (from PMO_LEAD_IDS): ${leadIds.map(mention).join(', ')}`),
  ];
  if (members.length === 0) blocks.push(section('No members yet. Add the first one.'));
  for (const m of members.slice(0, 22)) {
    blocks.push(
      section(
        `${mention(m.id)} · capacity ${m.weeklyCapacity}/week · ${m.openWork} open\n` +
          `Skills: ${m.skillNames.length ? m.skillNames.map((n) => safe(n, 100)).join(', ') : 'none yet'}`,
      ),
      actions(`team_actions_${m.id}`, [
        button('Edit', `${TEAM_IDS.editPrefix}${m.id}`, m.id),
        button('Remove', `${TEAM_IDS.removePrefix}${m.id}`, m.id, 'danger'),
      ]),
    );
  }
  blocks.push(actions('team_footer', [button('Add a member', TEAM_IDS.add, 'add', 'primary')]));
  return { text: `PMO team (${members.length} members)`, blocks };
}

export function renderMemberModal(services: CatalogService[], member?: TeamMember): ModalView {
  const skillOptions = services.slice(0, 100).map((s) => option(s.name, String(s.id)));
  const initial = skillOptions.filter((o) => member?.skillIds.includes(Number(o.value)));
  return {
    type: 'modal',
    callback_id: TEAM_IDS.modal,
    title: plain(member ? 'Edit member' : 'Add a member', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'input',
        block_id: TEAM_IDS.user,
        label: plain('Person'),
        element: {
          type: 'users_select',
          action_id: TEAM_IDS.user,
          ...(member ? { initial_user: member.id } : {}),
        },
      },
      {
        type: 'input',
        block_id: TEAM_IDS.skills,
        label: plain('Skills — the services they deliver'),
        optional: true,
        element: {
          type: 'multi_static_select',
          action_id: TEAM_IDS.skills,
          options: skillOptions,
          ...(initial.length ? { initial_options: initial } : {}),
        },
      },
      {
        type: 'input',
        block_id: TEAM_IDS.capacity,
        label: plain('Weekly capacity (requests)'),
        element: {
          type: 'number_input',
          action_id: TEAM_IDS.capacity,
          is_decimal_allowed: false,
          min_value: '0',
          max_value: '100',
          initial_value: String(member?.weeklyCapacity ?? 5),
        },
      },
    ],
  };
}

/** The same list in a modal, as a lead opens it from Home (and sees it redrawn there). */
export function renderTeamModal(members: TeamMember[], leadIds: string[]): ModalView {
  return renderAdminModal('PMO team', renderTeam(members, leadIds));
}
