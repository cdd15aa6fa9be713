import type { ModalView } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
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
import { teamText } from './messages';
import type { TeamMember } from './service';

/**
 * `/pmo team`: members with skills, capacity and open work; Add, Edit, Remove. Other features
 * call these renderers too: the translator comes last and defaults to English.
 */
/** How much of a member's list of skills the team list shows. */
export const SKILLS_SHOWN = 350;

export function renderTeam(members: TeamMember[], leadIds: string[], tr: Translator = translatorFor('en')) {
  const t = tr.of(teamText);
  const blocks: Block[] = [
    section(t('intro')),
    context(t('leads', { leads: leadIds.map(mention).join(', ') })),
  ];
  if (members.length === 0) blocks.push(section(t('empty')));
  for (const m of members.slice(0, 22)) {
    // A budget per member keeps 22 members with many skills within a message's 13,000 characters.
    const skills = m.skillNames.length ? safe(m.skillNames.join(', '), SKILLS_SHOWN) : t('noSkills');
    blocks.push(
      section(
        `${t('memberLine', { member: mention(m.id), capacity: tr.number(m.weeklyCapacity), open: tr.number(m.openWork) })}\n` +
          t('skillsLine', { skills }),
      ),
      actions(`team_actions_${m.id}`, [
        button(t('edit'), `${TEAM_IDS.editPrefix}${m.id}`, m.id),
        button(t('remove'), `${TEAM_IDS.removePrefix}${m.id}`, m.id, 'danger'),
      ]),
    );
  }
  blocks.push(actions('team_footer', [button(t('add'), TEAM_IDS.add, 'add', 'primary')]));
  return { text: t('fallback', { count: members.length }), blocks };
}

export function renderMemberModal(
  services: CatalogService[],
  member?: TeamMember,
  tr: Translator = translatorFor('en'),
): ModalView {
  const t = tr.of(teamText);
  const skillOptions = services.slice(0, 100).map((s) => option(s.name, String(s.id)));
  const initial = skillOptions.filter((o) => member?.skillIds.includes(Number(o.value)));
  return {
    type: 'modal',
    callback_id: TEAM_IDS.modal,
    title: plain(member ? t('titleEdit') : t('titleAdd'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('cancel'), 24),
    blocks: [
      {
        type: 'input',
        block_id: TEAM_IDS.user,
        label: plain(t('person')),
        element: {
          type: 'users_select',
          action_id: TEAM_IDS.user,
          ...(member ? { initial_user: member.id } : {}),
        },
      },
      {
        type: 'input',
        block_id: TEAM_IDS.skills,
        label: plain(t('skills')),
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
        label: plain(t('capacity')),
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
export function renderTeamModal(
  members: TeamMember[],
  leadIds: string[],
  tr: Translator = translatorFor('en'),
): ModalView {
  return {
    ...renderAdminModal(tr.t(teamText, 'teamTitle'), renderTeam(members, leadIds, tr)),
    close: plain(tr.t(teamText, 'close'), 24),
  };
}
