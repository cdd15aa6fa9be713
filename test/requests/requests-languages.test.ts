import type { RequestStatus } from '../../src/db/schema';
import type { RequestWithService } from '../../src/features/requests';
import {
  refusalText,
  renderOriginReply,
  renderOwnerNotice,
  renderQuestionDm,
  renderRequestConfirmation,
  renderRequesterUpdate,
} from '../../src/features/requests/blocks/messages';
import {
  renderAskModal,
  renderAssignModal,
  renderDeclineModal,
  renderDeliverModal,
  renderEditModal,
  renderEstimateBlock,
  renderReplyModal,
  renderRequestModal,
} from '../../src/features/requests/blocks/modals';
import { renderMyRequests, requesterButtons } from '../../src/features/requests/blocks/status-list';
import { claimButton, pmoStepButtons } from '../../src/features/requests/blocks/steps';
import {
  renderThreadAnswer,
  renderThreadQuestion,
  renderTriagePost,
} from '../../src/features/requests/blocks/triage-post';
import { renderSaveOffer } from '../../src/features/requests/delivered-work';
import { describeEstimate } from '../../src/features/requests/estimate';
import { requestsText } from '../../src/features/requests/messages';
import {
  catalogueProblems,
  LANGUAGES,
  type Locale,
  PSEUDO_CLOSE,
  PSEUDO_OPEN,
  translatorFor,
} from '../../src/i18n';
import { actions, button, section } from '../../src/slack/kit/blocks';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { clickAndHear, dmsTo, FORM, openRequestForm, triagePost, validValues } from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * Requests in every language: each view the feature renders, with the longest values its forms
 * allow and many items, stays within Block Kit's limits in en, fr, de, es and the pseudo-locale,
 * and in the pseudo-locale every word comes from the catalogue (the data below aside). Then
 * through the real app: a French and a German person use the request flow in their language,
 * an English one in English, and the triage post is in the PMO's language.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

// Worst-case values with few letters (digits are not words), each led by a word named in DATA.
const long = (word: string, n: number) => `${word} ${'9'.repeat(n - word.length - 1)}`;
const SERVICE = long('Serviceword', 75);
const DESCRIPTION = long('Descriptionword', 300);
const PROJECT = long('Projectword', 150);
const NEED = long('Needword', 2000);
const VALUE = long('Valueword', 2000);
const LINK = `https://x.example/${'a'.repeat(480)}`;
const NOTE = long('Noteword', 2000);
const LINKS = Array.from({ length: 10 }, (_, i) => `https://x.example/${i}/${'b'.repeat(170)}`).join('\n');
const REASON = long('Reasonword', 1500);
const QUESTION = long('Questionword', 2000);
const ANSWER = long('Answerword', 2000);
const NAME = long('Nameword', 80);
const ID = 1234;
const DATA = [
  'Serviceword',
  'Descriptionword',
  'Projectword',
  'Needword',
  'Valueword',
  'Noteword',
  'Reasonword',
  'Questionword',
  'Answerword',
  'Nameword',
  'Teamword',
  'Saveword',
  LINK,
  ...LINKS.split('\n'),
  'PMO-1234',
  'PMO-',
  '/pmo',
];

const now = new Date('2026-11-24T10:00:00Z');

function request(status: RequestStatus, id = ID): RequestWithService {
  return {
    id,
    submission_key: `k${id}`,
    requester_id: 'UREQ1',
    service_id: 1,
    service_name: SERVICE,
    project: PROJECT,
    need: NEED,
    expected_value: VALUE,
    needed_by: '2026-12-15',
    impact: 'nice_to_have',
    link: LINK,
    status,
    owner_id: status === 'new' ? null : 'UOWNER1',
    triage_channel: 'CPMO1',
    triage_ts: '1.2',
    delivery_note: NOTE,
    delivery_links: LINKS,
    decline_reason: REASON,
    created_at: new Date(now.getTime() - 3 * 86_400_000),
    updated_at: now,
    claimed_at: null,
    started_at: null,
    delivered_at: status === 'delivered' || status === 'closed' ? now : null,
    closed_at: null,
    origin_channel: 'CORIGIN1',
    origin_ts: '3.4',
    origin_permalink: `https://x.example/${'c'.repeat(400)}`,
    first_response_due: null,
    nudge_at: null,
    delivery_due: null,
    first_response_at: null,
    team_id: 'TTEAM1',
    team_name: long('Teamword', 100),
    enterprise_id: 'EORG1',
  };
}

const STATUSES: RequestStatus[] = [
  'new',
  'claimed',
  'in_progress',
  'delivered',
  'closed',
  'declined',
  'cancelled',
];
const services = Array.from({ length: 100 }, (_, i) => ({
  id: i + 1,
  name: SERVICE,
  description: DESCRIPTION,
  retired: false,
}));
const suggestions = Array.from({ length: 3 }, (_, i) => ({ id: `UM${i}`, name: NAME, openWork: 12_345 }));
const estimates = [
  { asked: 3, claimHours: null, deliverHours: null, available: 0 },
  { asked: 9, claimHours: 0.5, deliverHours: null, available: 1 },
  { asked: 9, claimHours: null, deliverHours: 30, available: 12 },
  { asked: 99, claimHours: 700, deliverHours: 5000, available: 2 },
];

/**
 * Messages nest (a status inside a sentence, a duration inside an estimate): what is inside an
 * inner bracketed message is catalogued by definition, so only the outermost brackets are left
 * for uncataloguedText, which reads one level of them.
 */
function unnest(node: unknown): unknown {
  if (typeof node === 'string') {
    let depth = 0;
    let out = '';
    for (const ch of node) {
      if (ch === PSEUDO_OPEN) {
        depth++;
        if (depth === 1) out += ch;
      } else if (ch === PSEUDO_CLOSE) {
        if (depth === 1) out += ch;
        depth = Math.max(0, depth - 1);
      } else if (depth <= 1) out += ch;
    }
    return out;
  }
  if (Array.isArray(node)) return node.map(unnest);
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, unnest(v)]));
  return node;
}

type Surface = 'modal' | 'message' | 'home';
const text = (t: string) => ({ text: t, blocks: [section(t)] });

/** Every view requests renders, by name, as the surface it goes to. */
function views(locale: Locale): [string, Surface, unknown][] {
  const tr = translatorFor(locale);
  const meta = { requestId: ID };
  const list: [string, Surface, unknown][] = [
    [
      'request form, from a message',
      'modal',
      renderRequestModal(
        tr,
        services,
        { need: NEED, project: PROJECT, link: LINK },
        { fromMessage: true, estimate: describeEstimate(estimates[3]!, tr) },
      ),
    ],
    ['request form, empty', 'modal', renderRequestModal(tr, services, '')],
    ['edit form', 'modal', renderEditModal(tr, request('claimed'))],
    ['assign form', 'modal', renderAssignModal(tr, request('claimed'), meta)],
    ['deliver form', 'modal', renderDeliverModal(tr, request('in_progress'), meta)],
    ['decline form', 'modal', renderDeclineModal(tr, request('new'), meta)],
    ['ask form', 'modal', renderAskModal(tr, request('new'), meta)],
    ['reply form', 'modal', renderReplyModal(tr, ID, QUESTION, 99)],
    ['origin reply', 'message', renderOriginReply(tr, request('new'))],
    [
      'confirmation',
      'message',
      renderRequestConfirmation(tr, request('new'), '/pmo', describeEstimate(estimates[0]!, tr)),
    ],
    ['question DM', 'message', renderQuestionDm(tr, request('new'), 99, 'UOWNER1', QUESTION)],
    [
      'my requests',
      'message',
      renderMyRequests(
        tr,
        STATUSES.flatMap((s, i) => [request(s, 1000 + 2 * i), request(s, 1001 + 2 * i)]),
        now,
        '/pmo',
      ),
    ],
    ['my requests, none', 'message', renderMyRequests(tr, [], now, '/pmo')],
    ['thread question', 'message', renderThreadQuestion(tr, ID, QUESTION)],
    ['thread answer', 'message', renderThreadAnswer(tr, ID, 'UOWNER1', QUESTION, ANSWER)],
    ['save offer', 'message', renderSaveOffer(tr, ID, button('Saveword', 'save', '1'))],
    [
      'PMO steps',
      'message',
      {
        text: '9',
        blocks: [
          actions(
            'steps',
            pmoStepButtons(ID, ['claim', 'start', 'deliver', 'assign', 'ask', 'unclaim', 'decline']),
          ),
          actions('claim', [claimButton(ID, tr)]),
        ],
      },
    ],
    [
      'PMO steps, translated',
      'message',
      {
        text: '9',
        blocks: [
          actions(
            'steps',
            pmoStepButtons(
              ID,
              ['claim', 'start', 'deliver', 'assign', 'ask', 'unclaim', 'decline'],
              undefined,
              tr,
            ),
          ),
        ],
      },
    ],
    ...estimates.map(
      (e, i) =>
        [
          `estimate ${i}`,
          'message',
          { text: '9', blocks: [renderEstimateBlock(describeEstimate(e, tr), tr)] },
        ] as [string, Surface, unknown],
    ),
    ['estimate prompt', 'message', { text: '9', blocks: [renderEstimateBlock(undefined, tr)] }],
    ['refusal, gone', 'message', text(refusalText(tr, undefined, 'UME1'))],
    ...(['reopened', 'cancelled', 'assigned', 'edited'] as const).map(
      (what) =>
        [
          `owner notice ${what}`,
          'message',
          renderOwnerNotice(tr, request('in_progress'), what, 'UACTOR1'),
        ] as [string, Surface, unknown],
    ),
  ];
  for (const status of STATUSES) {
    list.push(
      [
        `requester update ${status}`,
        'message',
        renderRequesterUpdate(tr, request(status), 'UACTOR1', status, '/pmo'),
      ],
      [
        `triage post ${status}`,
        'message',
        renderTriagePost(tr, {
          request: request(status),
          requesterName: NAME,
          suggestions,
          overdue: { target: status === 'new' ? 'first_response' : 'delivery', due: now },
          timeZone: 'Europe/Paris',
        }),
      ],
      [`refusal ${status}`, 'message', text(refusalText(tr, request(status), 'UME1'))],
    );
    const buttons = requesterButtons(request(status), now, tr);
    if (buttons) list.push([`requester buttons ${status}`, 'message', { text: '9', blocks: [buttons] }]);
  }
  return list;
}

describe('requests views in every language', () => {
  it('the catalogue is complete and valid', () => {
    expect(catalogueProblems(requestsText)).toEqual([]);
  });

  it.each(LOCALES)('stay within Block Kit’s limits in %s', (locale) => {
    const problems = views(locale)
      .map(
        ([name, surface, payload]) =>
          [name, validateSurface(surface, payload as Record<string, unknown>)] as const,
      )
      .filter(([, found]) => found.length > 0);
    expect(problems).toEqual([]);
  });

  it('take every word from the catalogue (pseudo-locale)', () => {
    const found = views('pseudo')
      // The steps rendered without a translator are English by design (other features' default).
      .filter(([name]) => name !== 'PMO steps')
      .map(([name, , payload]) => [name, uncataloguedText(unnest(payload), DATA)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it('modal titles and buttons fit in every language', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language).of(requestsText);
      for (const key of [
        'formTitle',
        'formSubmit',
        'cancel',
        'save',
        'assignSubmit',
        'deliverSubmit',
        'declineSubmit',
        'askSubmit',
        'replySubmit',
      ] as const)
        expect([language, key, t(key).length <= 24]).toEqual([language, key, true]);
      for (const key of [
        'editTitle',
        'assignTitle',
        'deliverTitle',
        'declineTitle',
        'askTitle',
        'replyTitle',
      ] as const)
        expect([language, key, t(key, { ref: 'PMO-12345' }).length <= 24]).toEqual([language, key, true]);
    }
  });
});

describe('requests through the app, in each person’s language', () => {
  const MARIE = 'UMARIE2'; // Slack in French
  const HANS = 'UHANS2'; // Slack in German
  const EMMA = 'UEMMA2'; // Slack in English
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: HANS, name: 'Hans', locale: 'de-DE' },
        { id: EMMA, name: 'Emma', locale: 'en-US' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('the form, its field errors and the confirmation are in the requester’s language', async () => {
    const fr = await openRequestForm(t, MARIE);
    expect(validateSurface('modal', fr.view)).toEqual([]);
    expect((fr.view.title as { text?: string }).text).toBe('Demander au PMO');
    expect(JSON.stringify(fr.view)).toContain('De quoi avez-vous besoin ?');
    const bad = await t.submit(MARIE, fr, await validValues(t, { [FORM.project]: '  ' }));
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { [FORM.project]: 'Veuillez indiquer le projet ou l’équipe.' },
    });
    const ok = await t.submit(MARIE, fr, await validValues(t));
    expect(ok.body.response_action).toBeUndefined();
    await t.flush();
    const dm = dmsTo(t, MARIE).at(-1);
    expect(dm?.text).toContain('Merci — votre demande PMO-');
    expect(JSON.stringify(dm?.blocks)).toContain('La suite :');
    // The triage post is the PMO's: in its language (English here), whoever asked.
    const request = await t.db
      .selectFrom('requests')
      .select('id')
      .where('submission_key', '=', fr.id)
      .executeTakeFirstOrThrow();
    const post = triagePost(t, request.id);
    expect(JSON.stringify(post.blocks)).toContain('*What they need*');

    // A lead (English) claims it: they hear it in English, the requester in French.
    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('You claimed it');
    await t.flush();
    expect(dmsTo(t, MARIE).at(-1)?.text).toContain(`a pris en charge PMO-${request.id}`);
    // Someone outside the PMO is refused in their own language.
    expect(await clickAndHear(t, HANS, 'triage_start', { message: post })).toContain(
      'Nur PMO-Mitglieder können auf Triage-Beiträge reagieren.',
    );

    const en = await openRequestForm(t, EMMA);
    expect((en.view.title as { text?: string }).text).toBe('Ask the PMO');
    const badEn = await t.submit(EMMA, en, await validValues(t, { [FORM.project]: '  ' }));
    expect(badEn.body.errors).toEqual({ [FORM.project]: 'Please tell us the project or team.' });
  });

  it('/pmo status is in the person’s language', async () => {
    const de = await t.slash(HANS, 'status');
    expect(validateSurface('message', de.body)).toEqual([]);
    expect(String(de.body.text)).toContain('Sie haben noch keine Anfragen.');
    const fr = await t.slash(MARIE, 'status');
    expect(JSON.stringify(fr.body.blocks)).toContain('*Vos demandes*');
    expect(JSON.stringify(fr.body.blocks)).toContain('Prise en charge · responsable : ');
    const en = await t.slash(EMMA, 'status');
    expect(String(en.body.text)).toContain('You have no requests yet.');
  });
});
