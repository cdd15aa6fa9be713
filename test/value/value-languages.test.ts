import {
  periodText,
  renderActionRecorded,
  renderFeedbackModal,
  renderYouSaid,
} from '../../src/features/value/blocks';
import type { ServiceFeedback } from '../../src/features/value/service';
import { LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { seedRequest } from '../support/seed';
import { LEAD, LEAD2, startTestApp, type TestApp } from '../support/test-app';

/**
 * "You said, we did" in every language, with worst-case values, within Block Kit's limits and
 * with no word outside the catalogue; and, through the app, each lead in their own language.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
// Worst-case user data is made of x: `data` takes every x out, whatever was cut to fit.
const x = (n: number) => 'x'.repeat(n);
const DATA = ['x', '…'];

const feedback = (n: number, action: string | null): ServiceFeedback[] =>
  Array.from({ length: n }, (_, i) => ({
    serviceId: 1_000 + i,
    name: x(150),
    people: i === 0 ? 1 : 123_456,
    averageRating: i % 2 ? null : 3.6,
    comments: i === 2 ? [] : Array.from({ length: 10 }, () => x(3000)),
    action: i % 3 === 0 ? action : null,
  }));

describe.each(LOCALES)('“You said, we did” in %s', (locale) => {
  const tr = translatorFor(locale);
  const label = periodText(tr, '2026-11-16', '2026-11-22');
  const check = (surface: 'message' | 'modal', payload: unknown) => {
    expect(validateSurface(surface, payload as never)).toEqual([]);
    if (locale === 'pseudo') expect(uncataloguedText(payload, [...DATA, label])).toEqual([]);
  };

  it('the feedback modal: many services, long comments; and with every “we did” recorded', () => {
    check('modal', renderFeedbackModal(label, '2026-11-16', feedback(45, x(500)), tr));
    check('modal', renderFeedbackModal(label, '2026-11-16', feedback(1, x(500)), tr));
  });

  it('the modal once recorded, and the DM in its three forms', () => {
    check('modal', renderActionRecorded(tr, x(150), 123_456));
    check('modal', renderActionRecorded(tr, x(150), 1));
    for (const said of [
      { words: x(3000) },
      { rating: 5 },
      { realised: 'not_yet' as const },
      { realised: null },
    ])
      check('message', renderYouSaid(tr, { service: x(150), period: label, said, did: x(500) }));
  });
});

describe('through the app, each lead in their own language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { PMO_TIMEZONE: 'Europe/Paris' },
      users: [
        { id: LEAD, name: 'Léa', locale: 'fr-FR' },
        { id: LEAD2, name: 'Lee', locale: 'en-GB' },
        { id: 'UFBES', name: 'Ana', locale: 'es-ES', tz: 'Europe/Paris' },
      ],
    });
    const id = await seedRequest(t.db, {
      requester: 'UFBES',
      owner: 'UM1',
      service: 'change-management',
      createdAt: '2026-11-01T10:00:00Z',
      claimedAt: '2026-11-01T12:00:00Z',
      deliveredAt: '2026-11-05T10:00:00Z',
    });
    await t.db
      .insertInto('checkins')
      .values({
        kind: 'delivery',
        request_id: id,
        user_id: 'UFBES',
        due_at: '2026-11-10T10:00:00Z',
        status: 'answered',
        rating: 4,
        answered_at: '2026-11-18T10:00:00Z',
      })
      .execute();
    t.clock.set('2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('a French lead reads the modal in French, an English one in English; the DM is in Spanish', async () => {
    await t.slash(LEAD, 'feedback');
    const fr = await t.fake.waitFor(() => t.fake.openModalOf(LEAD), 'the French modal');
    expect(fr.view.title).toMatchObject({ text: 'Vos avis, nos actions' });
    expect(JSON.stringify(fr.view.blocks)).toContain('*Retours · 16–22 nov. 2026*');
    expect(JSON.stringify(fr.view.blocks)).toContain('1 personne · 4,0/5');

    await t.slash(LEAD2, 'feedback');
    const en = await t.fake.waitFor(() => t.fake.openModalOf(LEAD2), 'the English modal');
    expect(en.view.title).toMatchObject({ text: 'You said, we did' });
    expect(JSON.stringify(en.view.blocks)).toContain('*Feedback · 16–22 Nov 2026*');

    const service = await t.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', 'change-management')
      .executeTakeFirstOrThrow();
    const empty = await t.submit(LEAD, fr, {
      value_feedback_service: String(service.id),
      value_feedback_action: ' ',
    });
    expect(JSON.stringify(empty.body)).toContain('Veuillez indiquer ce que le PMO a fait.');
    const done = await t.submit(LEAD, fr, {
      value_feedback_service: String(service.id),
      value_feedback_action: 'Formulaire raccourci',
    });
    expect(JSON.stringify(done.body)).toContain('1 personne ayant donné un retour recevra');
    await t.flush();
    const dm = JSON.stringify(t.fake.messagesIn('UFBES')[0]?.blocks);
    expect(dm).toContain('*Usted dijo:* lo puntuó con 4/5');
    expect(dm).toContain('*Nosotros hicimos:* Formulaire raccourci');
  });
});
