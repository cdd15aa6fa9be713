import {
  type EngagementView,
  renderAlreadyCoaching,
  renderCoachingEnded,
  renderCoachingGone,
  renderCoachingIntro,
  renderCoachingModal,
  renderCoachingRequested,
  renderCoachingUnmatched,
  renderCoachProposal,
  renderCoachProposalResolved,
} from '../../src/features/coaching/blocks';
import { coachingText } from '../../src/features/coaching/messages';
import { coachingFormSchema } from '../../src/features/coaching/service';
import { LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { addMember } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

// Worst case: the longest a form lets through. Names without letters, so that in the
// pseudo-locale every letter left over is text that did not come from a catalogue.
const services = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, name: `${i} ${'9'.repeat(200)}` }));
const engagement: EngagementView = {
  id: 2_147_483_647,
  coacheeId: 'UCOACHEE00000001',
  coachId: 'UCOACH000000001',
  focus: services.slice(0, 100).map((s) => s.name),
  goals: '7'.repeat(2000),
  cadence: 'fortnightly',
};

describe('coaching views in every language, within Block Kit’s limits, every word from the catalogue', () => {
  const views = (locale: Locale) => {
    const tr = translatorFor(locale);
    const e = engagement;
    return {
      modal: ['modal', renderCoachingModal(tr, services)],
      requestedMatched: ['modal', renderCoachingRequested(tr, true)],
      requestedUnmatched: ['modal', renderCoachingRequested(tr, false)],
      alreadyActive: ['message', renderAlreadyCoaching(tr, e, 'active')],
      alreadyProposed: ['message', renderAlreadyCoaching(tr, e, 'proposed')],
      proposal: ['message', renderCoachProposal(tr, e)],
      accepted: ['message', renderCoachProposalResolved(tr, e, 'accepted')],
      passed: ['message', renderCoachProposalResolved(tr, e, 'passed')],
      closed: ['message', renderCoachProposalResolved(tr, e, 'closed')],
      intro: ['message', renderCoachingIntro(tr, e)],
      unmatched: ['message', renderCoachingUnmatched(tr)],
      optedOutCoachee: ['message', renderCoachingEnded(tr, e, e.coacheeId, 'opted_out', e.coacheeId)],
      optedOutAlone: [
        'message',
        renderCoachingEnded(tr, { ...e, coachId: null }, e.coacheeId, 'opted_out', e.coacheeId),
      ],
      optedOutCoach: ['message', renderCoachingEnded(tr, e, e.coachId!, 'opted_out', e.coacheeId)],
      endedByMe: ['message', renderCoachingEnded(tr, e, e.coachId!, 'ended', e.coachId!)],
      endedByOther: ['message', renderCoachingEnded(tr, e, e.coacheeId, 'ended', e.coachId!)],
      gone: ['message', renderCoachingGone(tr)],
    } as const;
  };

  it.each(LOCALES)('%s', (locale) => {
    for (const [name, [surface, payload]] of Object.entries(views(locale))) {
      expect([name, validateSurface(surface, payload as never)]).toEqual([name, []]);
      if (locale === 'pseudo') expect([name, uncataloguedText(payload)]).toEqual([name, []]);
    }
  });

  it.each(LOCALES)('the form’s errors in %s come from the catalogue', (locale) => {
    const parsed = coachingFormSchema([1], translatorFor(locale)).safeParse({
      serviceIds: ['x'],
      goals: ' ',
      cadence: 'daily',
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => i.message) ?? [];
    expect(messages.length).toBeGreaterThan(0);
    if (locale === 'pseudo')
      expect(uncataloguedText(messages.map((text) => ({ type: 'mrkdwn', text })))).toEqual([]);
  });

  it('the help summary is translated', () => {
    expect(translatorFor('de').t(coachingText, 'summary')).toContain('Coach');
    expect(translatorFor('fr').t(coachingText, 'summary')).not.toBe(coachingText.messages.en.summary);
  });
});

describe('coaching through the app, in each person’s language', () => {
  let t: TestApp;
  let execCoaching: number;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: 'UMARIE', name: 'Marie', locale: 'fr-FR' },
        { id: 'UHANS', name: 'Hans', locale: 'de-DE' },
        { id: 'UANNA', name: 'Anna', locale: 'en-GB' },
        { id: 'UPILAR', name: 'Pilar', locale: 'es-ES' },
      ],
    });
    execCoaching = (
      await t.db
        .selectFrom('services')
        .select('id')
        .where('slug', '=', 'executive-coaching')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.stop());

  async function openForm(user: string) {
    const seen = new Set(t.fake.views.keys());
    await t.slash(user, 'coaching');
    return t.fake.waitFor(() => {
      const v = t.fake.openModalOf(user);
      return v && !seen.has(v.id) ? v : undefined;
    }, `the coaching modal of ${user}`);
  }

  it('a French-speaking person gets the form, its errors and the answer in French; English stays English', async () => {
    const fr = await openForm('UMARIE');
    expect(JSON.stringify(fr.view)).toContain('Trouver un coach');
    expect(JSON.stringify(fr.view)).toContain('Toutes les deux semaines');
    const wrong = await t.submit('UMARIE', fr, {
      coaching_focus: [],
      coaching_goals: ' ',
      coaching_cadence: 'weekly',
    });
    expect(wrong.body).toMatchObject({
      response_action: 'errors',
      errors: {
        coaching_focus: 'Choisissez au moins un thème.',
        coaching_goals: 'Dites-nous en quelques mots sur quoi vous souhaitez travailler.',
      },
    });

    const en = await openForm('UANNA');
    expect(JSON.stringify(en.view)).toContain('Find me a coach');
    expect(JSON.stringify(en.view)).not.toContain('Trouver');
  });

  it('the coach is asked in their language, and the coachee told in theirs', async () => {
    await addMember(t, 'UHANS', ['executive-coaching'], 3);
    const form = await openForm('UPILAR');
    const res = await t.submit('UPILAR', form, {
      coaching_focus: [String(execCoaching)],
      coaching_goals: 'Liderar la reorganización',
      coaching_cadence: 'monthly',
    });
    await t.flush();
    expect(JSON.stringify(res.body.view)).toContain('hemos contactado a un coach');
    const proposal = await t.fake.waitFor(
      () => t.fake.messagesIn('UHANS').find((m) => (m.text ?? '').includes('wünscht sich Coaching')),
      'the proposal in German',
    );
    expect(JSON.stringify(proposal.blocks)).toContain('Monatlich');
    expect(JSON.stringify(proposal.blocks)).toContain('Annehmen');
  });
});
