import type { CatalogService } from '../../src/features/catalog';
import { renderMemberModal, renderTeam, renderTeamModal, SKILLS_SHOWN } from '../../src/features/team/blocks';
import { teamText } from '../../src/features/team/messages';
import type { TeamMember } from '../../src/features/team/service';
import { catalogueProblems, LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { safe } from '../../src/slack/kit/blocks';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { asMessage, clickForModal } from '../support/requests';
import { LEAD, LEAD2, startTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

// Worst case: more members than the list shows, each with many long skills and big numbers.
const SKILLS = Array.from({ length: 12 }, (_, i) => `Skill ${i} ${'S'.repeat(80)}`);
const members: TeamMember[] = Array.from({ length: 30 }, (_, i) => ({
  id: `UMEMBER${String(i).padStart(3, '0')}`,
  weeklyCapacity: 100,
  skillIds: SKILLS.map((_, j) => j + 1),
  skillNames: SKILLS,
  openWork: 12_345,
}));
const services: CatalogService[] = Array.from({ length: 120 }, (_, i) => ({
  id: i + 1,
  name: `Service ${i} ${'N'.repeat(60)}`,
  description: 'D',
  retired: false,
}));
const LEADS = ['ULEAD1', 'ULEAD2', 'ULEAD3'];
// Values as the views show them: the skills cut to their budget, the services' names.
const DATA = [safe(SKILLS.join(', '), SKILLS_SHOWN), ...SKILLS, ...services.map((s) => s.name)];

describe('team: every view in every language', () => {
  it('the catalogue is complete and valid', () => {
    expect(catalogueProblems(teamText)).toEqual([]);
  });

  it.each(LOCALES)('modal titles, submits and closes fit 24 characters in %s', (locale) => {
    const t = translatorFor(locale).of(teamText);
    for (const key of ['teamTitle', 'titleAdd', 'titleEdit', 'save', 'cancel', 'close'] as const)
      expect([key, t(key).length <= 24]).toEqual([key, true]);
  });

  describe.each(LOCALES)('in %s', (locale) => {
    const tr = translatorFor(locale);
    const views: [string, 'modal' | 'message', Json][] = [
      ['the team', 'message', renderTeam(members, LEADS, tr) as never],
      ['no members yet', 'message', renderTeam([], LEADS, tr) as never],
      [
        'one member without skills',
        'message',
        renderTeam([{ ...members[0]!, skillNames: [], skillIds: [] }], LEADS, tr) as never,
      ],
      ['the team in a modal', 'modal', renderTeamModal(members, LEADS, tr) as never],
      ['add a member', 'modal', renderMemberModal(services, undefined, tr) as never],
      ['edit a member', 'modal', renderMemberModal(services, members[0], tr) as never],
    ];
    it.each(views)(
      '%s: within Block Kit’s limits, every word from the catalogue',
      (_name, surface, payload) => {
        expect(validateSurface(surface, payload)).toEqual([]);
        if (locale === 'pseudo') expect(uncataloguedText(payload, DATA)).toEqual([]);
      },
    );
  });

  it('numbers as each language writes them', () => {
    const fr = JSON.stringify(renderTeam(members.slice(0, 1), LEADS, translatorFor('fr')).blocks);
    expect(fr).toContain(`capacité 100/semaine · ${translatorFor('fr').number(12_345)} en cours`);
    expect(renderTeam(members.slice(0, 1), LEADS, translatorFor('de')).text).toBe('PMO-Team (1 Mitglied)');
  });
});

describe('/pmo team through the app, in the lead’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: LEAD2, name: 'Léa', locale: 'fr-FR' },
        { id: LEAD, name: 'Lee', locale: 'en-GB' },
        { id: 'UMIA1', name: 'Mia Change' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('a French lead sees the team, the form and its errors in French; an English lead in English', async () => {
    const fr = await t.slash(LEAD2, 'team');
    expect(fr.body.text).toBe('Équipe PMO (0 membre)');
    expect(JSON.stringify(fr.body.blocks)).toContain('Aucun membre pour l’instant. Ajoutez le premier.');
    const en = await t.slash(LEAD, 'team');
    expect(en.body.text).toBe('PMO team (0 members)');
    expect(JSON.stringify(en.body.blocks)).toContain('No members yet. Add the first one.');

    const message = asMessage(fr.body, LEAD2);
    const modal = await clickForModal(t, LEAD2, 'team_add', { message }, 'team_modal');
    expect((modal.view.title as Json).text).toBe('Ajouter un membre');
    expect((modal.view.submit as Json).text).toBe('Enregistrer');
    const bad = await t.submit(LEAD2, modal, { team_user: 'UMIA1', team_capacity: '1000' });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { team_capacity: 'Veuillez indiquer un nombre entier de 0 à 100.' },
    });
    const ok = await t.submit(LEAD2, modal, { team_user: 'UMIA1', team_capacity: '3' });
    expect(ok.status).toBe(200);
    expect(JSON.stringify((await t.slash(LEAD2, 'team')).body.blocks)).toContain(
      '<@UMIA1> · capacité 3/semaine · 0 en cours',
    );
    expect(t.fake.violations).toEqual([]);
  });
});
