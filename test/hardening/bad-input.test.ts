import { sql } from 'kysely';
import { renderAwayModal } from '../../src/features/calendar/blocks';
import { renderServiceModal } from '../../src/features/catalog/blocks';
import { renderCheckinDetailsModal, renderFollowupModal } from '../../src/features/checkins/blocks';
import { renderCoachingModal } from '../../src/features/coaching/blocks';
import { renderOptinModal } from '../../src/features/consent/blocks';
import { getConsentState } from '../../src/features/consent/service';
import { renderTopicForm } from '../../src/features/consent/topics-blocks';
import { renderComposeModal, renderConfirmModal } from '../../src/features/invitations/blocks';
import {
  renderAdoptModal,
  renderBrowseModal,
  renderEntryForm,
  renderRateModal,
} from '../../src/features/library/blocks';
import { entryChoices, type LibraryEntry } from '../../src/features/library/service';
import { renderEraseModal, renderForgetMeModal } from '../../src/features/privacy/blocks';
import {
  renderAskModal,
  renderAssignModal,
  renderDeclineModal,
  renderDeliverModal,
  renderEditModal,
  renderReplyModal,
  renderRequestModal,
} from '../../src/features/requests/blocks/modals';
import { getRequest } from '../../src/features/requests/service';
import { settingsModalFor } from '../../src/features/settings/listeners';
import { renderMemberModal } from '../../src/features/team/blocks';
import { translatorFor } from '../../src/i18n';
import type { FakeView } from '../support/fake-slack';
import { type InputValue, LEAD, LEAD2, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';
import { dmDraft, feedbackModalFor, seedWorld, type World } from './world';

/** The renderers speak English to the payloads these tests forge. */
const EN = translatorFor('en');

/**
 * Every input of every modal the app answers, filled with what a forged
 * payload can hold. Whatever it is, the person gets a field error or their submission is taken
 * (cleaned), answered in the ack itself — never a crash, a silent 404, or something stored that
 * should not be (a NUL, 100,000 characters, an impossible date, markup shown unescaped). How fast
 * the ack comes is measured by `npm run bench -- ack`, not here: a busy machine would fail it.
 */

type Json = Record<string, unknown>;

interface FormCase {
  /** Who submits: someone allowed to, so it is the input that is tested. */
  actor: string;
  view: (w: World, t: TestApp) => Promise<unknown>;
  valid: (w: World) => Record<string, InputValue>;
}

const tomorrow = '2026-11-25';

const FORMS: Record<string, FormCase> = {
  // No inputs: the submission is the confirmation (an erasure of someone nobody else is).
  privacy_forget_me: { actor: 'UFORGET1', view: async () => renderForgetMeModal(), valid: () => ({}) },
  privacy_erase: { actor: LEAD, view: async () => renderEraseModal('UGONE1'), valid: () => ({}) },
  request_modal: {
    actor: 'UREQ1',
    view: async (w) =>
      renderRequestModal(EN, [{ id: w.service, name: 'S', description: 'D', retired: false }], ''),
    valid: (w) => ({
      request_service: String(w.service),
      request_project: 'Apollo',
      request_need: 'Help',
      request_value: 'Value',
      request_needed_by: tomorrow,
      request_impact: 'important',
      request_link: null,
    }),
  },
  request_edit_modal: {
    actor: 'UREQ1',
    view: async (w, t) => renderEditModal(EN, (await getRequest(t.db, w.rNew))!),
    valid: () => ({ request_need: 'Help', request_value: 'Value', request_needed_by: tomorrow }),
  },
  request_reply_modal: {
    actor: 'UREQ1',
    view: async (w) => renderReplyModal(EN, w.rNew, 'Q?', w.question),
    valid: () => ({ request_answer: 'An answer' }),
  },
  triage_assign_modal: {
    actor: LEAD,
    view: async (w, t) =>
      renderAssignModal(EN, (await getRequest(t.db, w.rClaimed))!, { requestId: w.rClaimed }),
    valid: () => ({ triage_assignee: 'UM1' }),
  },
  triage_deliver_modal: {
    actor: LEAD,
    view: async (w, t) =>
      renderDeliverModal(EN, (await getRequest(t.db, w.rClaimed))!, { requestId: w.rClaimed }),
    valid: () => ({ triage_delivered: 'Done', triage_links: null }),
  },
  triage_decline_modal: {
    actor: LEAD,
    view: async (w, t) =>
      renderDeclineModal(EN, (await getRequest(t.db, w.rClaimed))!, { requestId: w.rClaimed }),
    valid: () => ({ triage_reason: 'Not for us' }),
  },
  triage_ask_modal: {
    actor: LEAD,
    view: async (w, t) => renderAskModal(EN, (await getRequest(t.db, w.rNew))!, { requestId: w.rNew }),
    valid: () => ({ triage_question: 'Why?' }),
  },
  catalog_modal: {
    actor: LEAD,
    view: async () => renderServiceModal(EN),
    valid: () => ({ catalog_name: 'New service', catalog_description: 'What it is' }),
  },
  calendar_away_modal: {
    actor: 'UREQ1',
    view: async () => renderAwayModal('2026-11-24', undefined),
    valid: () => ({ calendar_away_first_day: tomorrow, calendar_away_last_day: tomorrow }),
  },
  team_modal: {
    actor: LEAD,
    view: async (w) => renderMemberModal([{ id: w.service, name: 'S', description: 'D', retired: false }]),
    valid: (w) => ({ team_user: 'UM3', team_skills: [String(w.service)], team_capacity: '5' }),
  },
  settings_modal: {
    actor: LEAD,
    view: async (_w, t) => settingsModalFor(t.service.deps),
    valid: () => ({
      settings_leads: [LEAD, LEAD2],
      settings_channel: PMO_CHANNEL,
      settings_timezone: 'UTC',
      settings_hours: '09-17',
      settings_days: ['1', '2', '3', '4', '5'],
      settings_holidays: null,
      settings_checkin_after: '7',
      settings_checkin_hours: '09-17',
      settings_checkin_days: ['1', '2', '3', '4', '5'],
      settings_digest_day: '1',
      settings_digest_time: '09:00',
      settings_retention: '730',
    }),
  },
  consent_optin_modal: {
    actor: 'UREQ1',
    view: async (_w, t) => renderOptinModal(await getConsentState(t.db, 'UREQ1'), '2026-11-24'),
    valid: (w) => ({ consent_topics: [String(w.topic)], consent_cap: 'two_per_month', consent_pause: null }),
  },
  topic_form_modal: {
    actor: LEAD,
    view: async () => renderTopicForm(undefined, 'VLIST1'),
    valid: () => ({ topic_name: `Topic ${Math.random()}`, topic_description: null }),
  },
  invite_compose_modal: {
    actor: LEAD,
    view: async (w) => renderComposeModal([{ id: w.topic, name: 'T' }]),
    valid: (w) => ({
      invite_title: 'Clinic',
      invite_message: 'Come',
      invite_topics: [String(w.topic)],
      invite_date: null,
      invite_link: null,
      invite_seats: null,
      invite_deadline: null,
      invite_mode: 'dm',
      invite_channel: null,
    }),
  },
  invite_confirm_modal: {
    actor: LEAD,
    view: async (w) =>
      renderConfirmModal(
        dmDraft(w.topic, 'T', 'M'),
        ['T'],
        { reach: 0, optedIn: 0, paused: 0, atCap: 0, deactivated: 0 },
        w.draft,
      ),
    valid: () => ({}),
  },
  coaching_request_modal: {
    actor: 'UREQ5',
    view: async (w) => renderCoachingModal(EN, [{ id: w.service, name: 'S' }]),
    valid: (w) => ({
      coaching_focus: [String(w.service)],
      coaching_goals: 'Grow',
      coaching_cadence: 'weekly',
    }),
  },
  checkin_details: {
    actor: 'UREQ1',
    view: async (w) =>
      renderCheckinDetailsModal(
        { checkinId: w.answered, kind: 'delivery', service: 'S', project: 'P', requestId: w.rNew },
        4,
        { offerFollowup: true, followupAfterDays: 60 },
      ),
    valid: () => ({ checkin_what_changed: null, checkin_could_be_better: null, checkin_followup: [] }),
  },
  checkin_followup_answer: {
    actor: 'UREQ1',
    view: async (w) =>
      renderFollowupModal({
        checkinId: w.followup,
        kind: 'followup',
        service: 'S',
        project: 'P',
        requestId: w.rNew,
      }),
    valid: () => ({ checkin_realised: 'yes', checkin_outcome: ['saved_time'], checkin_outcome_note: null }),
  },
  library_form_modal: {
    actor: LEAD,
    view: async (_w, t) => renderEntryForm(EN, await entryChoices(t.db)),
    valid: () => ({
      library_kind: 'template',
      library_title: 'Risk register',
      library_summary: 'A sheet',
      library_body: null,
      library_link: null,
    }),
  },
  library_adopt_modal: {
    actor: 'UREQ1',
    view: async () => renderAdoptModal(EN, { id: 999999, title: 'E' } as LibraryEntry),
    valid: () => ({ library_team: 'Apollo' }),
  },
  library_rate_modal: {
    actor: 'UREQ1',
    view: async () => renderRateModal(EN, { id: 999999, title: 'E' } as LibraryEntry),
    valid: () => ({ library_useful: 'yes', library_comment: null }),
  },
  library_browse_modal: {
    actor: 'UREQ1',
    view: async () => renderBrowseModal(EN, { words: '', kind: null }, [], '2026-11-24', '/pmo'),
    valid: () => ({ library_words: 'risk', library_kind_filter: null }),
  },
  value_feedback: {
    actor: LEAD,
    view: async (w) => feedbackModalFor(w),
    valid: (w) => ({ value_feedback_service: String(w.service), value_feedback_action: 'We cut the form' }),
  },
};

const MARKUP = '<!channel> <https://evil.example|win> <@U0EVIL>';
/** Values that must be refused with a field error (nothing stored). */
const REFUSE: Record<string, unknown[]> = {
  plain_text_input: ['x'.repeat(100_000)],
  url_text_input: ['x'.repeat(100_000), 'javascript:alert(1)'],
  datepicker: ['2027-02-29', 'zzzz', '9999-12-31', '1900-01-01'],
  number_input: ['-1', '1e309', 'abc', '99999999999'],
  static_select: ['bogus', '99999999999'],
  radio_buttons: ['bogus'],
  users_select: ['UX> <!channel>', 'bogus'],
};
/** Values that may be taken, cleaned, but never crash or be stored or shown raw. */
const SURVIVE: Record<string, unknown[]> = {
  plain_text_input: ['before\u0000after', '\u200b\u200f\u202e', MARKUP, 'مرحبا \u202eRTL', 42],
  url_text_input: ['https://example.com/\u0000', 42],
  datepicker: [20270101],
  number_input: [5.5, 'x'.repeat(10_000)],
  static_select: [7],
  radio_buttons: [7],
  multi_static_select: [['bogus'], ['99999999999']],
  checkboxes: [['bogus']],
  users_select: [42],
  channels_select: ['CX> <!channel> <https://evil.example|win'],
};

function inputsOf(view: Json): { block: string; type: string }[] {
  return ((view.blocks as Json[]) ?? [])
    .filter((b) => b.type === 'input')
    .map((b) => ({ block: String(b.block_id), type: String((b.element as Json).type) }));
}

describe('bad input in every modal', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t);
    // The topics list the topic form was pushed over.
    t.fake.views.set('VLIST1', {
      id: 'VLIST1',
      user: LEAD,
      view: { type: 'modal', blocks: [] },
      hash: 'h',
      kind: 'modal',
      stack: [],
    });
  });
  afterAll(() => t.stop());

  it('covers every modal the app registers', () => {
    expect(t.service.slack.routes.views.filter((id) => !(id in FORMS))).toEqual([]);
  });

  /** The modal as Slack holds it open for the person (so views.update on it works). */
  const asFake = (actor: string, view: unknown, id: string): FakeView => {
    const open: FakeView = { id, user: actor, view: view as Json, hash: 'h', kind: 'modal', stack: [] };
    t.fake.views.set(id, open);
    return open;
  };
  let seq = 0;

  /** Submits one modal with `values`; checks it was answered and names only real inputs. */
  async function submit(
    callbackId: string,
    override: (valid: Record<string, InputValue>) => Record<string, unknown>,
  ) {
    const form = FORMS[callbackId]!;
    const view = (await form.view(w, t)) as Json;
    const res = await t.submit(
      form.actor,
      asFake(form.actor, view, `VBAD${++seq}`),
      override(form.valid(w)) as never,
    );
    expect(res.status).toBe(200);
    const inputs = inputsOf(view).map((i) => i.block);
    if (res.body.response_action === 'errors') {
      const errors = res.body.errors as Record<string, string>;
      for (const [block, text] of Object.entries(errors)) {
        expect(inputs).toContain(block);
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(300);
      }
    }
    return res;
  }

  const refusals = Object.keys(FORMS).flatMap((callbackId) => [[callbackId] as const]);

  it.each(refusals)(
    '%s: impossible values get a field error on their own input, and nothing is stored',
    async (callbackId) => {
      const view = (await FORMS[callbackId]!.view(w, t)) as Json;
      for (const { block, type } of inputsOf(view)) {
        for (const bad of REFUSE[type] ?? []) {
          // A date in the past is fine where none is asked for in the future (none here) — every
          // date in these forms must be today or later.
          const res = await submit(callbackId, (valid) => ({ ...valid, [block]: bad }));
          expect([block, String(bad).slice(0, 20), res.body.response_action]).toEqual([
            block,
            String(bad).slice(0, 20),
            'errors',
          ]);
          expect(Object.keys(res.body.errors as Json)).toContain(block);
        }
      }
      await t.settle();
    },
  );

  it.each(refusals)(
    '%s: odd values (NUL, zero-width, RTL, markup, wrong types) are answered, never a crash',
    async (callbackId) => {
      const view = (await FORMS[callbackId]!.view(w, t)) as Json;
      for (const { block, type } of inputsOf(view)) {
        for (const odd of SURVIVE[type] ?? []) {
          const res = await submit(callbackId, (valid) => ({ ...valid, [block]: odd }));
          expect(['errors', 'update', undefined]).toContain(res.body.response_action);
        }
      }
      // A view without any state, and one whose state is not an object.
      for (const state of [undefined, 'nonsense']) {
        const form = FORMS[callbackId]!;
        const raw = (await form.view(w, t)) as Json;
        const res = await t.post(
          new URLSearchParams({
            payload: JSON.stringify({
              type: 'view_submission',
              user: { id: form.actor },
              team: { id: 'T0TEST' },
              view: { ...raw, id: `VNOSTATE${++seq}`, ...(state ? { state } : {}) },
            }),
          }).toString(),
          'application/x-www-form-urlencoded',
        );
        expect(res.status).toBe(200);
        expect(['errors', 'update', undefined]).toContain(res.body.response_action);
      }
      await t.settle();
    },
  );

  it('left no NUL, no invisible-only text, nothing over 10,000 characters in the database, and showed no raw markup', async () => {
    await t.settle();
    await t.flush();
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(t.db);
    for (const { table_name } of tables.rows) {
      const rows = (await sql<Json>`SELECT * FROM ${sql.table(table_name)}`.execute(t.db)).rows;
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string' || table_name === 'outbox') continue;
          expect([table_name, column, value.includes('\u0000')]).toEqual([table_name, column, false]);
          expect([table_name, column, value.length > 10_000]).toEqual([table_name, column, false]);
          if (value.length > 0)
            expect([table_name, column, /^[\s\u200b-\u200f\u202a-\u202e\ufeff]+$/.test(value)]).toEqual([
              table_name,
              column,
              false,
            ]);
        }
      }
    }
    // Whatever was shown to people: user text escaped, never a live @channel or link.
    const shown = JSON.stringify([
      t.fake.calls.filter((c) => /^(chat|views)\./.test(c.method)).map((c) => c.args),
      t.fake.messagesIn(PMO_CHANNEL),
    ]);
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<https://evil.example');
    expect(
      t.logs
        .filter((l) => Number(l.level) >= 50)
        .map((l) => `${l.msg} ${l.callbackId ?? ''} ${JSON.stringify(l.err).slice(0, 300)}`),
    ).toEqual([]);
  });
});
