import { renderServiceModal } from '../../src/features/catalog/blocks';
import { renderCheckinDetailsModal, renderFollowupModal } from '../../src/features/checkins/blocks';
import { renderTopicForm } from '../../src/features/consent/topics-blocks';
import { renderComposeModal, renderConfirmModal } from '../../src/features/invitations/blocks';
import { renderAdoptModal, renderEntryForm, renderRateModal } from '../../src/features/library/blocks';
import { entryChoices, type getEntry } from '../../src/features/library/service';
import { renderEraseModal } from '../../src/features/privacy/blocks';
import {
  renderAskModal,
  renderAssignModal,
  renderDeclineModal,
  renderDeliverModal,
  renderEditModal,
  renderReplyModal,
} from '../../src/features/requests/blocks/modals';
import { getRequest } from '../../src/features/requests/service';
import { settingsModalFor } from '../../src/features/settings/listeners';
import { renderMemberModal } from '../../src/features/team/blocks';
import { translatorFor } from '../../src/i18n';
import type { FakeMessage, FakeView } from '../support/fake-slack';
import { type InputValue, LEAD, LEAD2, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';
import { dmDraft, feedbackModalFor, SECRET, seedWorld, snapshot, type World } from './world';

/** The renderers speak English to the payloads these tests forge. */
const EN = translatorFor('en');

/**
 * For every button and every modal the app answers — read from the routes the app
 * registered, so a new one cannot be forgotten — a forged payload from someone who may not act
 * (an outsider, a requester who is not the one concerned, a member where a lead or the owner is
 * needed) changes nothing in the database, updates nobody's message, reveals nothing, and gets a
 * clear answer (how fast it comes is `npm run bench -- ack`'s to measure: a busy machine would
 * fail a deadline here).
 */

type Role = 'outsider' | 'requester' | 'member';
const ACTOR: Record<Role, string> = { outsider: 'UOUTSIDER', requester: 'UREQ2', member: 'UM2' };
const ALL: Role[] = ['outsider', 'requester', 'member'];
const NOT_MEMBERS: Role[] = ['outsider', 'requester'];

interface ActionCase {
  /** The action_id as sent (a sample for a pattern). */
  actionId: string;
  value: (w: World) => string;
  forbidden: Role[];
}

/** Keyed by the registered id (a string, or a pattern's source). */
const ACTIONS: Record<string, ActionCase | { self: string }> = {
  '^triage_claim$|^triage_claim:\\d+$': {
    actionId: 'triage_claim',
    value: (w) => `${w.rNew}`,
    forbidden: NOT_MEMBERS,
  },
  '^triage_start$|^triage_start:\\d+$': {
    actionId: 'triage_start',
    value: (w) => `${w.rClaimed}`,
    forbidden: ALL,
  },
  '^triage_unclaim$|^triage_unclaim:\\d+$': {
    actionId: 'triage_unclaim:1',
    value: (w) => `${w.rClaimed}`,
    forbidden: ALL,
  },
  '^triage_assign$|^triage_assign:\\d+$': {
    actionId: 'triage_assign',
    value: (w) => `${w.rClaimed}`,
    forbidden: ALL,
  },
  '^triage_ask$|^triage_ask:\\d+$': {
    actionId: 'triage_ask',
    value: (w) => `${w.rNew}`,
    forbidden: NOT_MEMBERS,
  },
  '^triage_decline$|^triage_decline:\\d+$': {
    actionId: 'triage_decline',
    value: (w) => `${w.rClaimed}`,
    forbidden: ALL,
  },
  '^triage_deliver$|^triage_deliver:\\d+$': {
    actionId: 'triage_deliver',
    value: (w) => `${w.rClaimed}`,
    forbidden: ALL,
  },
  request_cancel: { actionId: 'request_cancel', value: (w) => `${w.rNew}`, forbidden: ALL },
  '^status_cancel:\\d+$': { actionId: 'status_cancel:7', value: (w) => `${w.rNew}`, forbidden: ALL },
  request_close: { actionId: 'request_close', value: (w) => `${w.rDelivered}`, forbidden: ALL },
  '^status_close:\\d+$': { actionId: 'status_close:7', value: (w) => `${w.rDelivered}`, forbidden: ALL },
  request_reopen: { actionId: 'request_reopen', value: (w) => `${w.rDelivered}`, forbidden: ALL },
  '^status_reopen:\\d+$': { actionId: 'status_reopen:7', value: (w) => `${w.rDelivered}`, forbidden: ALL },
  request_edit: { actionId: 'request_edit', value: (w) => `${w.rNew}`, forbidden: ALL },
  '^status_edit:\\d+$': { actionId: 'status_edit:7', value: (w) => `${w.rNew}`, forbidden: ALL },
  request_reply: { actionId: 'request_reply', value: (w) => `${w.question}`, forbidden: ALL },
  catalog_add: { actionId: 'catalog_add', value: () => 'add', forbidden: ALL },
  '^catalog_edit:\\d+$': { actionId: 'catalog_edit:1', value: (w) => `${w.service}`, forbidden: ALL },
  '^catalog_retire:\\d+$': { actionId: 'catalog_retire:1', value: (w) => `${w.service}`, forbidden: ALL },
  '^catalog_restore:\\d+$': { actionId: 'catalog_restore:1', value: (w) => `${w.service}`, forbidden: ALL },
  team_add: { actionId: 'team_add', value: () => 'add', forbidden: ALL },
  '^team_edit:[UW][A-Z0-9]+$': { actionId: 'team_edit:UM1', value: () => 'UM1', forbidden: ALL },
  '^team_remove:[UW][A-Z0-9]+$': { actionId: 'team_remove:UM1', value: () => 'UM1', forbidden: ALL },
  topic_add: { actionId: 'topic_add', value: () => 'add', forbidden: ALL },
  '^topic_edit_\\d+$': { actionId: 'topic_edit_1', value: (w) => `${w.topic}`, forbidden: ALL },
  rsvp_going: { actionId: 'rsvp_going', value: (w) => `${w.invitation}`, forbidden: ALL },
  rsvp_decline: { actionId: 'rsvp_decline', value: (w) => `${w.invitation}`, forbidden: ALL },
  invite_pause: { actionId: 'invite_pause', value: (w) => `${w.invitation}`, forbidden: ALL },
  invite_optout_topic: { actionId: 'invite_optout_topic', value: (w) => `${w.invitation}`, forbidden: ALL },
  // A DM invitation is no announcement: "Opt me in" on it opts nobody in.
  invite_announce_optin: {
    actionId: 'invite_announce_optin',
    value: (w) => `${w.invitation}`,
    forbidden: ALL,
  },
  coaching_accept: { actionId: 'coaching_accept', value: (w) => `${w.proposed}`, forbidden: ALL },
  coaching_pass: { actionId: 'coaching_pass', value: (w) => `${w.proposed}`, forbidden: ALL },
  coaching_end: { actionId: 'coaching_end', value: (w) => `${w.active}`, forbidden: ALL },
  '^checkin_rate_[1-5]$': { actionId: 'checkin_rate_4', value: (w) => `${w.checkin}:4`, forbidden: ALL },
  checkin_followup_open: { actionId: 'checkin_followup_open', value: (w) => `${w.followup}`, forbidden: ALL },
  home_new_request: { self: 'opens the clicker’s own empty request form' },
  // A topic that does not exist: toggling it changes nothing for anyone.
  '^home_topic_in:\\d+$': { actionId: 'home_topic_in:999999', value: () => '999999', forbidden: ALL },
  '^home_topic_out:\\d+$': { actionId: 'home_topic_out:999999', value: () => '999999', forbidden: ALL },
  home_pause: { self: 'pauses the clicker’s own invitations' },
  calendar_still_keep: {
    self: 'answers the clicker’s own "Still interested?" (the update is conditional on their user id)',
  },
  calendar_still_pause: { self: 'pauses the clicker’s own invitations, answering their own question' },
  calendar_still_optout: { self: 'opts the clicker out, answering their own question' },
  calendar_away_open: { self: 'opens the clicker’s own away form' },
  calendar_away_clear: { self: 'clears the clicker’s own time away' },
  home_resume: { self: 'resumes the clicker’s own invitations' },
  // A member's list asked for by others: an empty list, nothing of the queue.
  '^home_more:[a-z_]+$': { actionId: 'home_more:queue', value: () => 'queue', forbidden: NOT_MEMBERS },
  home_manage_catalog: { actionId: 'home_manage_catalog', value: () => 'catalog', forbidden: ALL },
  home_manage_team: { actionId: 'home_manage_team', value: () => 'team', forbidden: ALL },
  home_manage_topics: { actionId: 'home_manage_topics', value: () => 'topics', forbidden: ALL },
  settings_open: { actionId: 'settings_open', value: () => 'settings', forbidden: ALL },
  '^language_choose_[a-z]+$': { self: 'sets the clicker’s own language, whoever the payload names' },
  // Choosing a service redraws the estimate on the chooser's own form.
  request_service: { self: 'redraws the wait estimate on the clicker’s own form' },
  // An offer that is not the clicker's (or does not exist) opens nothing.
  intake_file: { actionId: 'intake_file', value: () => '999999', forbidden: ALL },
  // The library: an entry that is not there opens nothing; only leads publish and retire.
  '^library_open:\\d+$': { actionId: 'library_open:1', value: () => '999999', forbidden: ALL },
  '^library_adopt:\\d+$': { actionId: 'library_adopt:1', value: () => '999999', forbidden: ALL },
  '^library_rate:\\d+$': { actionId: 'library_rate:1', value: () => '999999', forbidden: ALL },
  '^library_edit:\\d+$': { actionId: 'library_edit:1', value: () => '999999', forbidden: ALL },
  '^library_publish:\\d+$': { actionId: 'library_publish:1', value: () => '1', forbidden: ALL },
  '^library_retire:\\d+$': { actionId: 'library_retire:1', value: () => '1', forbidden: ALL },
  // "This solved it" on an entry that is not there closes no form and counts nothing.
  '^library_solved:\\d+$': { actionId: 'library_solved:1', value: () => '999999', forbidden: ALL },
  // Saving a delivery to the library: only its deliverer (UM1 here) or a lead opens the form.
  '^library_save_from:\\d+$': {
    actionId: 'library_save_from:1',
    value: (w) => `${w.rDelivered}`,
    forbidden: ALL,
  },
  // The review DM's Keep and Retire: on an entry that is not there, nothing changes.
  '^library_keep:\\d+$': { actionId: 'library_keep:1', value: () => '999999', forbidden: ALL },
  '^library_review_retire:\\d+$': {
    actionId: 'library_review_retire:1',
    value: () => '999999',
    forbidden: ALL,
  },
  // A "New in the PMO library" note's buttons work only for the person it was sent to.
  '^library_news_stop:\\d+$': { actionId: 'library_news_stop:1', value: () => '999999', forbidden: ALL },
  '^library_news_pause:\\d+$': { actionId: 'library_news_pause:1', value: () => '999999', forbidden: ALL },
};

interface ViewCase {
  view: (w: World, t: TestApp) => Promise<Record<string, unknown>>;
  values: (w: World) => Record<string, InputValue>;
  forbidden: Role[];
}

const request = async (t: TestApp, id: number) => {
  const r = await getRequest(t.db, id);
  if (!r) throw new Error(`no request ${id}`);
  return r;
};

/** No such entry: a forged adoption or rating of it records nothing. */
const ENTRY = { id: 999999, title: 'Forged' } as NonNullable<Awaited<ReturnType<typeof getEntry>>>;

const VIEWS: Record<string, ViewCase | { self: string }> = {
  request_modal: { self: 'files a request as the submitter' },
  calendar_away_modal: { self: 'sets the submitter’s own time away' },
  consent_optin_modal: { self: 'saves the submitter’s own consent' },
  coaching_request_modal: { self: 'asks a coach for the submitter' },
  privacy_forget_me: { self: 'erases the submitter' },
  privacy_erase: {
    view: async () => renderEraseModal('UREQ1') as never,
    values: () => ({}),
    forbidden: ALL,
  },
  request_edit_modal: {
    view: async (w, t) => renderEditModal(EN, await request(t, w.rNew)) as never,
    values: () => ({
      request_need: 'Forged need',
      request_value: 'Forged value',
      request_needed_by: '2026-12-20',
    }),
    forbidden: ALL,
  },
  request_reply_modal: {
    view: async (w) => renderReplyModal(EN, w.rNew, 'A question', w.question) as never,
    values: () => ({ request_answer: 'Forged answer' }),
    forbidden: ALL,
  },
  triage_assign_modal: {
    view: async (w, t) =>
      renderAssignModal(EN, await request(t, w.rClaimed), { requestId: w.rClaimed }) as never,
    values: () => ({ triage_assignee: 'UM2' }),
    forbidden: ALL,
  },
  triage_deliver_modal: {
    view: async (w, t) =>
      renderDeliverModal(EN, await request(t, w.rClaimed), { requestId: w.rClaimed }) as never,
    values: () => ({ triage_delivered: 'Forged delivery', triage_links: null }),
    forbidden: ALL,
  },
  triage_decline_modal: {
    view: async (w, t) =>
      renderDeclineModal(EN, await request(t, w.rClaimed), { requestId: w.rClaimed }) as never,
    values: () => ({ triage_reason: 'Forged reason' }),
    forbidden: ALL,
  },
  triage_ask_modal: {
    view: async (w, t) => renderAskModal(EN, await request(t, w.rNew), { requestId: w.rNew }) as never,
    values: () => ({ triage_question: 'Forged question' }),
    forbidden: NOT_MEMBERS,
  },
  catalog_modal: {
    view: async () => renderServiceModal(EN) as never,
    values: () => ({ catalog_name: 'Forged service', catalog_description: 'Forged' }),
    forbidden: ALL,
  },
  team_modal: {
    view: async (w) =>
      renderMemberModal([{ id: w.service, name: 'S', description: 'S', retired: false }]) as never,
    values: () => ({ team_user: 'UOUTSIDER', team_skills: [], team_capacity: '5' }),
    forbidden: ALL,
  },
  // A forged form making the forger a lead and moving the PMO's channel and digest.
  settings_modal: {
    view: async (_w, t) => settingsModalFor(t.service.deps) as never,
    values: () => ({
      settings_leads: [LEAD, LEAD2, 'UOUTSIDER', 'UREQ2', 'UM2'],
      settings_channel: 'CFORGED',
      settings_timezone: 'Asia/Tokyo',
      settings_hours: '08-18',
      settings_days: ['1', '2', '3', '4', '5', '6'],
      settings_holidays: null,
      settings_checkin_after: '1',
      settings_checkin_hours: '08-18',
      settings_checkin_days: ['1'],
      settings_digest_day: '7',
      settings_digest_time: '03:00',
      settings_retention: '1',
    }),
    forbidden: ALL,
  },
  topic_form_modal: {
    view: async () => renderTopicForm(undefined, 'VLIST1') as never,
    values: () => ({ topic_name: 'Forged topic', topic_description: null }),
    forbidden: ALL,
  },
  invite_compose_modal: {
    view: async (w) => renderComposeModal([{ id: w.topic, name: 'T' }]) as never,
    values: (w) => ({
      invite_title: 'Forged',
      invite_message: 'Forged',
      invite_topics: [String(w.topic)],
      invite_date: null,
      invite_link: null,
      invite_seats: null,
      invite_deadline: null,
      invite_mode: 'dm',
      invite_channel: null,
    }),
    forbidden: NOT_MEMBERS,
  },
  invite_confirm_modal: {
    view: async (w) =>
      renderConfirmModal(
        dmDraft(w.topic, 'T', 'M'),
        ['T'],
        { reach: 1, optedIn: 1, paused: 0, atCap: 0, deactivated: 0 },
        w.draft,
      ) as never,
    values: () => ({}),
    forbidden: ALL,
  },
  checkin_details: {
    view: async (w) =>
      renderCheckinDetailsModal(
        { checkinId: w.answered, kind: 'delivery', service: 'S', project: 'P', requestId: w.rDelivered },
        4,
        { offerFollowup: true, followupAfterDays: 60 },
      ) as never,
    values: () => ({
      checkin_what_changed: 'Forged comment',
      checkin_could_be_better: null,
      checkin_followup: [],
    }),
    forbidden: ALL,
  },
  checkin_followup_answer: {
    view: async (w) =>
      renderFollowupModal({
        checkinId: w.followup,
        kind: 'followup',
        service: 'S',
        project: 'P',
        requestId: w.rDelivered,
      }) as never,
    values: () => ({ checkin_realised: 'yes', checkin_outcome: ['saved_time'], checkin_outcome_note: null }),
    forbidden: ALL,
  },
  library_form_modal: {
    view: async (_w, t) => renderEntryForm(EN, await entryChoices(t.db)) as never,
    values: () => ({ library_kind: 'template', library_title: 'Forged', library_summary: 'Forged' }),
    forbidden: NOT_MEMBERS,
  },
  library_adopt_modal: {
    view: async () => renderAdoptModal(EN, ENTRY) as never,
    values: () => ({ library_team: 'Forged team' }),
    forbidden: ALL,
  },
  library_rate_modal: {
    view: async () => renderRateModal(EN, ENTRY) as never,
    values: () => ({ library_useful: 'yes', library_comment: 'Forged' }),
    forbidden: ALL,
  },
  // A search that finds nothing is counted by its words, whoever searched.
  library_browse_modal: { self: 'searches the library for the submitter' },
  value_feedback: {
    view: async (w) => feedbackModalFor(w) as never,
    values: (w) => ({ value_feedback_service: String(w.service), value_feedback_action: 'Forged action' }),
    forbidden: ALL,
  },
};

/** Web API calls that write somewhere other than to the person who acted, or open a modal. */
const WRITES = new Set([
  'chat.update',
  'chat.postMessage',
  'chat.delete',
  'views.update',
  'conversations.open',
]);

function offences(t: TestApp, from: number, actor: string): string[] {
  const found: string[] = [];
  for (const call of t.fake.calls.slice(from)) {
    const args = JSON.stringify(call.args);
    if (WRITES.has(call.method)) found.push(`${call.method} ${args.slice(0, 200)}`);
    if (call.method === 'views.publish' && call.args.user_id !== actor)
      found.push(`views.publish for ${call.args.user_id}`);
    if (call.method === 'chat.postEphemeral' && call.args.user !== actor)
      found.push(`ephemeral to ${call.args.user}`);
    if (args.includes(SECRET)) found.push(`${call.method} revealed: ${args.slice(0, 200)}`);
  }
  return found;
}

describe('authorization matrix: forged clicks and submissions change nothing', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.stop());

  it('covers every button and modal the app registers', () => {
    const keyOf = (id: string | RegExp) => (typeof id === 'string' ? id : id.source);
    const actionKeys = t.service.slack.routes.actions.map(keyOf);
    expect(actionKeys.filter((k) => !(k in ACTIONS))).toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !actionKeys.includes(k))).toEqual([]);
    const viewKeys = t.service.slack.routes.views;
    expect(viewKeys.filter((k) => !(k in VIEWS))).toEqual([]);
    expect(Object.keys(VIEWS).filter((k) => !viewKeys.includes(k))).toEqual([]);
  });

  const actionCases = Object.entries(ACTIONS).flatMap(([key, c]) =>
    'self' in c
      ? []
      : c.forbidden.flatMap((role) =>
          (['message', 'modal'] as const).map((place) => [key, c.actionId, role, place] as const),
        ),
  );

  it.each(actionCases)('%s (%s) by the %s, clicked in a %s', async (key, actionId, role, place) => {
    const c = ACTIONS[key] as ActionCase;
    const actor = ACTOR[role];
    await t.settle();
    const before = await snapshot(t);
    const calls = t.fake.calls.length;
    const ephemerals = t.fake.ephemeralsFor(actor).length;
    // The forged click names somebody else's message: the triage post of the request.
    const where: { message?: FakeMessage; view?: FakeView } =
      place === 'message'
        ? {
            message: {
              channel: PMO_CHANNEL,
              ts: '1700000000.000999',
              text: 'x',
              blocks: [],
              updates: 0,
            } as never,
          }
        : {
            view: {
              id: 'VFORGED',
              user: actor,
              view: { type: 'modal', blocks: [] },
              hash: 'h',
              kind: 'modal',
              stack: [],
            },
          };
    const res = await t.click(actor, actionId, where, { value: c.value(w), blockId: 'forged' });
    expect(res.status).toBe(200);
    await t.settle();
    await t.flush();
    expect(await snapshot(t)).toEqual(before);
    expect(offences(t, calls, actor)).toEqual([]);
    // A clear answer, where they clicked: a private note, or a modal of their own.
    const answered =
      t.fake.ephemeralsFor(actor).length > ephemerals ||
      t.fake.calls.slice(calls).some((x) => x.method === 'views.push' || x.method === 'views.open');
    expect(answered).toBe(true);
  });

  const viewCases = Object.entries(VIEWS).flatMap(([callbackId, c]) =>
    'self' in c ? [] : c.forbidden.map((role) => [callbackId, role] as const),
  );

  it.each(viewCases)('%s submitted by the %s', async (callbackId, role) => {
    const c = VIEWS[callbackId] as ViewCase;
    const actor = ACTOR[role];
    await t.settle();
    const before = await snapshot(t);
    const calls = t.fake.calls.length;
    const view = {
      id: `VFORGED${callbackId}`,
      user: actor,
      view: await c.view(w, t),
      hash: 'h',
      kind: 'modal',
      stack: [],
    } as FakeView;
    const res = await t.submit(actor, view, c.values(w));
    expect(res.status).toBe(200);
    await t.settle();
    await t.flush();
    expect(await snapshot(t)).toEqual(before);
    expect(offences(t, calls, actor)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    // A clear answer: a field error, or the modal replaced by a note.
    expect(['errors', 'update']).toContain(res.body.response_action);
  });

  it('a lead can still do what members cannot (the matrix is not refusing everyone)', async () => {
    const before = t.fake.calls.length;
    await t.click(
      LEAD,
      'catalog_add',
      { message: { channel: 'DLEAD', ts: '1.1', text: '', blocks: [], updates: 0 } as never },
      {
        value: 'add',
        blockId: 'forged',
      },
    );
    await t.settle();
    expect(t.fake.calls.slice(before).some((c) => c.method === 'views.open')).toBe(true);
  });
});
