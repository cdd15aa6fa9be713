import { renderAnnouncementFailureNow } from '../../src/features/invitations/announcement';
import {
  type AudienceView,
  type InvitationDraft,
  type InvitationView,
  renderAnnouncement,
  renderAnnouncementFailed,
  renderAnnouncementOptIn,
  renderComposeModal,
  renderConfirmModal,
  renderDraftGoneModal,
  renderInvitationDm,
  renderPromotedDm,
  renderSendFailedModal,
  renderSendingModal,
  renderSentModal,
  renderSummary,
} from '../../src/features/invitations/blocks';
import { composeSchema } from '../../src/features/invitations/compose';
import { invitationsText } from '../../src/features/invitations/messages';
import { catalogueProblems, LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { invitationDms, optInPeople, sendInvitation } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

// Worst case: the longest title and message the form allows, many long topics, big numbers.
const TITLE = `Workshop ${'W'.repeat(141)}`;
const MESSAGE = `Bring a change you are leading. ${'M'.repeat(2468)}`;
const TOPICS = Array.from({ length: 12 }, (_, i) => `Topic ${i} ${'T'.repeat(66)}`);
const topics = TOPICS.map((name, i) => ({ id: i + 1, name }));
// Links show up to 1,000 characters (the form allows 2,000: the view cuts, it never overflows).
const LINK = `https://example.com/${'l'.repeat(950)}`;
const LONG_LINK = `https://example.com/${'l'.repeat(1970)}`;
// Dates and numbers are values (formatted per language), not words from a catalogue.
const DATES = ['Tue, 8 Dec 2026', 'Mon, 7 Dec 2026', 'Tue, 5 Jan 2027'];
const DATA = [TITLE, MESSAGE, ...TOPICS, LINK, ...DATES, 'not_in_channel', 'ratelimited', '/pmo'];

const draft = (mode: 'dm' | 'channel'): InvitationDraft => ({
  title: TITLE,
  message: MESSAGE,
  topicIds: topics.map((t) => t.id),
  eventDate: '2026-12-08',
  link: LINK,
  seats: 100_000,
  rsvpDeadline: '2026-12-07',
  mode,
  channel: mode === 'channel' ? 'CANNOUNCE' : null,
});

const view = (mode: 'dm' | 'channel', link = LINK): InvitationView => ({
  id: 42,
  title: TITLE,
  message: MESSAGE,
  eventDate: '2026-12-08',
  link,
  seats: 100_000,
  rsvpDeadline: '2026-12-07',
  mode,
  announceChannel: mode === 'channel' ? 'CANNOUNCE' : null,
  createdBy: 'UMEMBER',
  topicNames: TOPICS,
});

const BIG: AudienceView = { reach: 123_456, optedIn: 234_567, paused: 1_234, atCap: 5_678, deactivated: 12 };
const NONE: AudienceView = { reach: 0, optedIn: 1, paused: 1, atCap: 0, deactivated: 0 };

function views(locale: Locale): [string, 'modal' | 'message', Json][] {
  const tr = translatorFor(locale);
  const dm = (state: Parameters<typeof renderInvitationDm>[3]) =>
    renderInvitationDm(tr, view('dm'), TOPICS[0]!, state);
  const base = { rsvp: null, pausedUntil: null, optedOut: false, closed: false } as const;
  return [
    ['compose', 'modal', renderComposeModal(topics, tr) as never],
    ['confirm dm', 'modal', renderConfirmModal(draft('dm'), TOPICS, BIG, 7, tr) as never],
    ['confirm nobody', 'modal', renderConfirmModal(draft('dm'), TOPICS, NONE, 7, tr) as never],
    ['confirm channel', 'modal', renderConfirmModal(draft('channel'), TOPICS, BIG, 7, tr) as never],
    ['sending', 'modal', renderSendingModal(tr) as never],
    ['send failed', 'modal', renderSendFailedModal(tr) as never],
    ['draft gone', 'modal', renderDraftGoneModal(tr) as never],
    ['sent dm', 'modal', renderSentModal(tr, 'dm', 123_456, null) as never],
    ['sent one', 'modal', renderSentModal(tr, 'dm', 1, null) as never],
    ['sent channel', 'modal', renderSentModal(tr, 'channel', 0, 'CANNOUNCE') as never],
    ['dm new', 'message', dm(base)],
    ['dm going', 'message', dm({ ...base, rsvp: 'going' })],
    ['dm waitlist', 'message', dm({ ...base, rsvp: 'waitlist', waitlistPosition: 12_345 })],
    [
      'dm declined, paused, opted out',
      'message',
      dm({ ...base, rsvp: 'declined', pausedUntil: '2027-01-05', optedOut: true }),
    ],
    ['dm closed', 'message', dm({ ...base, closed: true })],
    ['announcement', 'message', renderAnnouncement(tr, view('channel'))],
    [
      'summary dm',
      'message',
      renderSummary(tr, view('dm'), {
        reach: 123_456,
        going: 99_999,
        waitlist: 23_457,
        declined: 1,
        optIns: 0,
      }),
    ],
    [
      'summary channel',
      'message',
      renderSummary(tr, view('channel'), { reach: 0, going: 0, waitlist: 0, declined: 0, optIns: 54_321 }),
    ],
    ['promoted', 'message', renderPromotedDm(tr, view('dm'))],
    ['promoted, longest link', 'message', renderPromotedDm(tr, view('dm', LONG_LINK))],
    [
      'opt-in changed',
      'message',
      renderAnnouncementOptIn(tr, { changed: TOPICS, already: [], cap: 'one_per_week' }, '/pmo'),
    ],
    [
      'opt-in already',
      'message',
      renderAnnouncementOptIn(tr, { changed: [], already: TOPICS, cap: 'two_per_month' }, '/pmo'),
    ],
    ['announcement failed', 'message', renderAnnouncementFailed(tr, TITLE, 'CANNOUNCE', 'not_in_channel')],
    [
      'announcement failed, other',
      'message',
      renderAnnouncementFailed(tr, TITLE, 'CANNOUNCE', 'ratelimited'),
    ],
  ];
}

describe('invitations: every view in every language', () => {
  it('the catalogue is complete and valid', () => {
    expect(catalogueProblems(invitationsText)).toEqual([]);
  });

  it.each(LOCALES)('modal titles, submits and closes fit 24 characters in %s', (locale) => {
    const t = translatorFor(locale).of(invitationsText);
    const short = [
      'composeTitle',
      'composeSubmit',
      'cancel',
      'close',
      'confirmTitle',
      'send',
      'postAnnouncement',
      'sendingTitle',
      'notSentTitle',
      'draftGoneTitle',
      'sentTitle',
      'done',
    ] as const;
    for (const key of short) expect([key, t(key).length <= 24]).toEqual([key, true]);
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it.each(views(locale).map(([name, surface, payload]) => [name, surface, payload] as const))(
      '%s: within Block Kit’s limits, every word from the catalogue',
      (_name, surface, payload) => {
        expect(validateSurface(surface, payload)).toEqual([]);
        if (locale === 'pseudo')
          expect(uncataloguedText(payload, [LONG_LINK.slice(0, 999), ...DATA])).toEqual([]);
      },
    );
  });

  it('counts and dates are written as each language writes them', () => {
    const fr = JSON.stringify(renderConfirmModal(draft('dm'), TOPICS, BIG, 7, translatorFor('fr')));
    const n = translatorFor('fr').number(123_456);
    expect(fr).toContain(`Elle atteindra *${n} personnes*`);
    expect(fr).toContain('mar. 8 déc. 2026');
    const en = JSON.stringify(renderConfirmModal(draft('dm'), TOPICS, BIG, 7, translatorFor('en')));
    expect(en).toContain('This will reach *123,456 people*');
    expect(en).toContain('Tue, 8 Dec 2026');
    const de = renderSentModal(translatorFor('de'), 'dm', 1, null);
    expect(JSON.stringify(de)).toContain('unterwegs zu 1 Person.');
  });

  it.each(LOCALES)('the compose form’s errors are in %s, and every one from the catalogue', (locale) => {
    const tr = translatorFor(locale);
    const parsed = composeSchema('2026-12-01', [1], tr).safeParse({
      title: ' ',
      message: 'M'.repeat(2501),
      topicIds: null,
      eventDate: '2026-11-01',
      link: 'not a link',
      seats: '0',
      rsvpDeadline: '2040-01-01',
      mode: 'channel',
      channel: null,
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => i.message) ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(7);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(150);
    if (locale === 'pseudo')
      expect(
        uncataloguedText({
          blocks: messages.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
        }),
      ).toEqual([]);
    if (locale === 'de') expect(messages).toContain('Bitte geben Sie einen Titel an.');
  });
});

describe('invitations through the app: each person in their own language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: 'UMARIE', name: 'Marie', locale: 'fr-FR' },
        { id: 'UHANS', name: 'Hans', locale: 'de-DE' },
        { id: 'UANA', name: 'Ana', locale: 'es-ES' },
        { id: 'UEMMA', name: 'Emma', locale: 'en-US' },
        { id: 'UCLAIRE', name: 'Claire', locale: 'fr-FR' },
      ],
    });
    for (const member of ['UMEMBER', 'UCLAIRE'])
      await t.db
        .insertInto('members')
        .values({ slack_user_id: member, weekly_capacity: 5, added_by: 'ULEAD1' })
        .execute();
  });
  afterAll(() => t.stop());

  const dmsOf = (user: string) =>
    t.fake.messagesIn(user).filter((m) => JSON.stringify(m.blocks ?? []).includes('rsvp_going'));

  it('one invitation reaches each recipient in their language; the PMO summary stays in the PMO’s', async () => {
    await optInPeople(t, ['UMARIE', 'UHANS', 'UANA', 'UEMMA'], 'change-clinics');
    await sendInvitation(t, 'UMEMBER', { topics: ['change-clinics'], date: '2026-12-08', seats: 10 });
    await t.flush();

    const fr = dmsOf('UMARIE');
    const ts = fr[0]?.ts;
    expect(fr).toHaveLength(1);
    expect(fr[0]?.text).toBe(
      'Invitation : Change clinic: stakeholder maps — vous la recevez car vous êtes inscrit(e) au thème Change management clinics.',
    );
    expect(JSON.stringify(fr[0]?.blocks)).toContain('Je participe');
    expect(JSON.stringify(fr[0]?.blocks)).toContain('mar. 8 déc. 2026');
    expect(JSON.stringify(dmsOf('UHANS')[0]?.blocks)).toContain('Ich bin dabei');
    expect(JSON.stringify(dmsOf('UANA')[0]?.blocks)).toContain('Asistiré');
    // The PMO channel's summary is in the PMO's language (English here).
    expect(
      t.fake.messagesIn('CPMO').filter((m) => (m.text ?? '').startsWith('Invitation sent by')),
    ).toHaveLength(1);
    // English speakers still get English.
    expect(invitationDms(t, 'UEMMA')).toHaveLength(1);
    expect(JSON.stringify(invitationDms(t, 'UEMMA')[0]?.blocks)).toContain("I'm in");
    // A click redraws the DM in the clicker's language.
    await t.click('UMARIE', 'rsvp_going', { message: fr[0]! });
    await t.fake.waitFor(
      () =>
        JSON.stringify(t.fake.messagesIn('UMARIE').find((m) => m.ts === ts)?.blocks ?? []).includes(
          '*Vous participez.*',
        ),
      'the DM redrawn in French',
    );
    expect(t.fake.violations).toEqual([]);
  });

  it('a French member composes in French, with French field errors', async () => {
    await t.slash('UCLAIRE', 'invite');
    const modal = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf('UCLAIRE');
      return m?.view.callback_id === 'invite_compose_modal' ? m : undefined;
    }, 'the invite modal');
    expect((modal.view.title as Json).text).toBe('Nouvelle invitation');
    const res = await t.submit('UCLAIRE', modal, { invite_title: ' ', invite_mode: 'channel' });
    expect(res.body.response_action).toBe('errors');
    const errors = res.body.errors as Record<string, string>;
    expect(errors.invite_title).toBe('Veuillez indiquer un titre.');
    expect(errors.invite_topics).toBe('Choisissez au moins un thème.');
  });

  it('a failed announcement is told to its sender as it goes, in the language asked for', async () => {
    t.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const id = await sendInvitation(t, 'UMEMBER', {
      topics: ['mentoring'],
      mode: 'channel',
      channel: 'CPRIVATE',
    });
    await t.flush();
    // UMEMBER speaks English: the notice went in English.
    expect(
      t.fake.messagesIn('UMEMBER').some((m) => (m.text ?? '').includes('could not be posted in <#CPRIVATE>')),
    ).toBe(true);
    const de = await renderAnnouncementFailureNow(t.db, id, translatorFor('de'));
    expect(de?.text).toContain('konnte nicht in <#CPRIVATE> veröffentlicht werden (not_in_channel).');
    expect(de?.text).toContain('Die App ist nicht in diesem Kanal');
  });
});
