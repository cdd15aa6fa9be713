import {
  HELP_NOW_HEADING,
  renderForClaimer,
  renderHelpNow,
} from '../../src/features/library/moment-of-need-blocks';
import { addEntry, type EntryForm, LIMITS, moveEntry } from '../../src/features/library/service';
import { validateSurface } from '../support/block-kit';
import type { FakeView } from '../support/fake-slack';
import { entryForm, publishedEntry } from '../support/library';
import {
  clickAndHear,
  clickForModal,
  FORM,
  fileRequest,
  openRequestForm,
  serviceId,
  validValues,
} from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * The library at the moment of need, through the real app: choosing a service in the request
 * form shows its entries, "This solved it" closes the form without filing, and the member who
 * claims a request hears in its thread what the library has for it.
 */

const MEMBER = 'UMEMB1';
const MEMBER2 = 'UMEMB2';
const REQUESTER = 'UREQ7';

type Json = Record<string, unknown>;
const textOf = (x: unknown) => JSON.stringify(x);

const form = entryForm;

const published = (t: TestApp, over: Partial<EntryForm>) => publishedEntry(t, MEMBER, over);

const helpBlocks = (v: FakeView) =>
  ((v.view.blocks as Json[]) ?? []).filter((b) => String(b.block_id ?? '').startsWith('request_help_'));

/** The titles the form suggests, in order. */
const suggested = (v: FakeView) =>
  helpBlocks(v)
    .filter((b) => b.type === 'section')
    .map((b) => /^\*([^*]+)\*/.exec(String((b.text as Json).text))?.[1]);

/** Chooses a service in the open form and waits for the redraw; returns the form as redrawn. */
async function chooseService(t: TestApp, view: FakeView, name: string): Promise<FakeView> {
  const updates = t.fake.callsTo('views.update').length;
  await t.click(REQUESTER, FORM.service, { view }, { selectedOption: await serviceId(t, name) });
  await t.fake.waitFor(() => t.fake.callsTo('views.update').length > updates, 'the form redrawn');
  return t.fake.views.get(view.id)!;
}

const solvedRows = (t: TestApp) => t.db.selectFrom('library_solved').selectAll().execute();
const requestCount = async (t: TestApp) =>
  Number(
    (
      await t.db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the library at the moment of need', () => {
  let t: TestApp;
  const ids = { plan: 0, stakeholders: 0, lesson: 0, fourth: 0 };
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, ['change-management']);
    await seedMember(t.db, MEMBER2, ['change-management']);
    ids.plan = await published(t, {
      title: 'Change plan template <!channel>',
      summary: 'A one-page plan for the people side of a change.',
      services: ['change-management'],
      link: 'https://wiki.example/change-plan',
    });
    ids.stakeholders = await published(t, {
      kind: 'playbook',
      title: 'Stakeholder mapping playbook',
      summary: 'Who is affected, who decides, who must be heard.',
      services: ['change-management', 'organisational-learning'],
    });
    ids.lesson = await published(t, {
      kind: 'lesson',
      title: 'Lessons from the CRM rollout',
      summary: 'What we would do again, and what not.',
      services: ['change-management'],
    });
    ids.fourth = await published(t, {
      kind: 'standard',
      title: 'Change readiness standard',
      summary: 'The checks before go-live.',
      services: ['change-management'],
    });
    // Not suggested: a draft, a retired entry, and one filed under another service.
    await addEntry(
      t.db,
      MEMBER,
      form({ title: 'Draft change checklist', services: ['change-management'] }),
      '2026-11-24',
      t.clock.now(),
    );
    const retired = await published(t, { title: 'Old change deck', services: ['change-management'] });
    await moveEntry(t.db, LEAD, retired, 'retired', t.clock.now());
    await published(t, { title: 'Coaching agreement', services: ['executive-coaching'] });
    // Best first: adoptions, then 👍, then the latest.
    await t.db
      .insertInto('library_adoptions')
      .values([
        { entry_id: ids.lesson, user_id: 'UX1', team_or_project: 'Apollo' },
        { entry_id: ids.lesson, user_id: 'UX2', team_or_project: 'Zeus' },
        { entry_id: ids.plan, user_id: 'UX1', team_or_project: 'Apollo' },
      ])
      .execute();
    await t.db
      .insertInto('library_ratings')
      .values([{ entry_id: ids.stakeholders, user_id: 'UX3', useful: true }])
      .execute();
  });
  afterAll(() => t.stop());

  it('shows up to three published entries for the chosen service, best first, in valid Block Kit', async () => {
    const view = await openRequestForm(t, REQUESTER);
    expect(helpBlocks(view)).toEqual([]);
    const redrawn = await chooseService(t, view, 'Change management');
    const call = t.fake.callsTo('views.update').at(-1)!;
    expect(validateSurface('modal', call.args.view as Json)).toEqual([]);
    expect(textOf(helpBlocks(redrawn))).toContain('These might help right now');
    expect(suggested(redrawn)).toEqual([
      'Lessons from the CRM rollout',
      'Change plan template &lt;!channel&gt;',
      'Stakeholder mapping playbook',
    ]);
    const shown = textOf(helpBlocks(redrawn));
    expect(shown).not.toContain('<!channel>');
    expect(shown).toContain('Lesson learned');
    expect(shown).toContain('A one-page plan for the people side of a change.');
    for (const id of [ids.lesson, ids.plan, ids.stakeholders]) {
      expect(shown).toContain(`library_open:${id}`);
      expect(shown).toContain(`library_solved:${id}`);
    }
    // The suggestions sit under the estimate; the form's inputs are as they were.
    const order = (redrawn.view.blocks as Json[]).map((b) => String(b.block_id ?? b.type));
    expect(order.indexOf('request_help_0')).toBe(order.indexOf('request_estimate') + 1);
    const inputs = (v: FakeView) => (v.view.blocks as Json[]).filter((b) => b.type === 'input');
    expect(inputs(redrawn)).toEqual(inputs(view));
  });

  it('shows none for a service without entries, and drops the last service’s', async () => {
    const view = await openRequestForm(t, REQUESTER);
    const before = (view.view.blocks as Json[]).length;
    const first = await chooseService(t, view, 'Change management');
    expect(suggested(first)).toHaveLength(3);
    const second = await chooseService(t, first, 'Specialised task');
    expect(helpBlocks(second)).toEqual([]);
    expect((second.view.blocks as Json[]).length).toBe(before);
    expect(textOf(second.view)).not.toContain('These might help right now');
    const third = await chooseService(t, second, 'Executive coaching');
    expect(suggested(third)).toEqual(['Coaching agreement']);
  });

  it('Open stacks the entry over the form, which stays open and still files', async () => {
    const view = await chooseService(t, await openRequestForm(t, REQUESTER), 'Change management');
    const entry = await clickForModal(
      t,
      REQUESTER,
      `library_open:${ids.plan}`,
      { view },
      'library_entry_modal',
    );
    expect(textOf(entry.view)).toContain('Change plan template');
    expect(t.fake.callsTo('views.push').at(-1)?.args.view).toBeDefined();
    expect(t.fake.views.get(view.id)?.view.callback_id).toBe('request_modal');

    // Ignoring the suggestions: the form files as before (they are not inputs).
    const filed = await requestCount(t);
    const res = await t.submit(REQUESTER, t.fake.views.get(view.id)!, await validValues(t));
    expect(res.status).toBe(200);
    expect(res.body.response_action).toBeUndefined();
    expect(await requestCount(t)).toBe(filed + 1);
    await t.flush();
  });

  it('"This solved it" closes the form with a thank-you, files nothing, and counts once', async () => {
    const view = await chooseService(t, await openRequestForm(t, REQUESTER), 'Change management');
    const stale = structuredClone(view);
    const filed = await requestCount(t);
    const posts = t.fake.messagesIn(PMO_CHANNEL).length;
    const updates = t.fake.callsTo('views.update').length;
    await t.click(REQUESTER, `library_solved:${ids.lesson}`, { view });
    await t.fake.waitFor(() => t.fake.callsTo('views.update').length > updates, 'the form replaced');
    const notice = t.fake.views.get(view.id)!;
    expect(notice.view.callback_id).toBeUndefined();
    expect(textOf(notice.view)).toContain('Glad the PMO library had what you needed');
    expect(validateSurface('modal', notice.view as Json)).toEqual([]);
    await t.settle();
    await t.flush();
    expect(await requestCount(t)).toBe(filed);
    expect(t.fake.messagesIn(PMO_CHANNEL).length).toBe(posts);
    const rows = await solvedRows(t);
    expect(rows).toEqual([expect.objectContaining({ view_id: view.id, entry_id: ids.lesson })]);
    expect(textOf(rows)).not.toContain(REQUESTER);

    // The second click of a double click (the form as it was): nothing more.
    await t.click(REQUESTER, `library_solved:${ids.lesson}`, { view: stale });
    // A replayed click on the view as it is now (its hash current): still once per form.
    await t.click(
      REQUESTER,
      `library_solved:${ids.lesson}`,
      {
        view: t.fake.views.get(view.id)!,
      },
      { value: String(ids.lesson), blockId: 'request_help_1' },
    );
    await t.settle();
    expect(await solvedRows(t)).toHaveLength(1);
  });

  it('a retired entry’s stale "This solved it" counts nothing and leaves the form open', async () => {
    const view = await chooseService(t, await openRequestForm(t, REQUESTER), 'Change management');
    await moveEntry(t.db, LEAD, ids.stakeholders, 'retired', t.clock.now());
    const pushes = t.fake.callsTo('views.push').length;
    await t.click(REQUESTER, `library_solved:${ids.stakeholders}`, { view });
    await t.fake.waitFor(() => t.fake.callsTo('views.push').length > pushes, 'a note over the form');
    expect(textOf(t.fake.callsTo('views.push').at(-1)?.args.view)).toContain('nothing was counted');
    expect(t.fake.views.get(view.id)?.view.callback_id).toBe('request_modal');
    expect((await solvedRows(t)).filter((r) => r.entry_id === ids.stakeholders)).toEqual([]);
    expect(await solvedRows(t)).toHaveLength(1);
  });

  it('lists the matching entries for the member who claims, once per claim, in the triage thread', async () => {
    const { request, post } = await fileRequest(t, REQUESTER, {
      [FORM.service]: await serviceId(t, 'Change management'),
    });
    const thread = () => t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.thread_ts === post.ts);
    const library = () => thread().filter((m) => textOf(m).includes('PMO library entries match'));
    expect(library()).toEqual([]);

    // A double click: one claim, one list.
    await Promise.all([
      t.click(MEMBER, 'triage_claim', { message: post }),
      t.click(MEMBER, 'triage_claim', { message: post }),
    ]);
    await t.settle();
    await t.flush();
    expect(library()).toHaveLength(1);
    const reply = library()[0]!;
    expect(validateSurface('message', reply as never)).toEqual([]);
    expect(textOf(reply.blocks)).toContain(`<@${MEMBER}>, these PMO library entries match this request`);
    expect(textOf(reply.blocks)).toContain('Lessons from the CRM rollout');
    expect(textOf(reply.blocks)).toContain('<https://wiki.example/change-plan|Open the link>');
    expect(textOf(reply.blocks)).toContain(`library_open:${ids.plan}`);
    expect(textOf(reply.blocks)).not.toContain('Stakeholder mapping playbook'); // retired above
    expect(textOf(reply.blocks)).not.toContain('<!channel>');
    const rows = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('request_id', '=', request.id)
      .where('dedupe_key', 'like', '%.library')
      .execute();
    expect(rows).toHaveLength(1);

    // Open in the thread opens the entry for whoever clicks.
    await clickForModal(t, MEMBER, `library_open:${ids.plan}`, { message: reply }, 'library_entry_modal');

    // Unclaimed and claimed by another member: they hear too.
    await clickAndHear(t, MEMBER, 'triage_unclaim', { message: post });
    await clickAndHear(t, MEMBER2, 'triage_claim', { message: post });
    await t.settle();
    await t.flush();
    expect(library()).toHaveLength(2);
    expect(textOf(library()[1]!.blocks)).toContain(`<@${MEMBER2}>`);
  });

  it('lists nothing when the claimed request’s service has no entries', async () => {
    const { post } = await fileRequest(t, REQUESTER, {
      [FORM.service]: await serviceId(t, 'Specialised task'),
    });
    await clickAndHear(t, MEMBER, 'triage_claim', { message: post });
    await t.settle();
    await t.flush();
    const thread = t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.thread_ts === post.ts);
    expect(thread.filter((m) => textOf(m).includes('PMO library entries match'))).toEqual([]);
  });
});

describe('the moment-of-need blocks, pure', () => {
  const longest = [1, 2, 3].map((id) => ({
    id,
    kind: 'lesson' as const,
    title: `<!here> & ${'T'.repeat(LIMITS.title)}`.slice(0, LIMITS.title),
    summary: `*bold* <@U123> ${'s&'.repeat(LIMITS.summary)}`.slice(0, LIMITS.summary),
    link: `https://wiki.example/${'x'.repeat(LIMITS.link)}`.slice(0, LIMITS.link),
  }));

  it.each([
    ['no entries', 0],
    ['one entry', 1],
    ['three entries at the longest inputs', 3],
  ])('stay within Block Kit with %s', (_what, n) => {
    const entries = longest.slice(0, n);
    const help = renderHelpNow(entries);
    expect(help).toHaveLength(n === 0 ? 0 : 1 + 2 * n);
    const modal = { type: 'modal', title: { type: 'plain_text', text: 'Ask the PMO' }, blocks: help };
    expect(validateSurface('modal', modal)).toEqual([]);
    const claimer = renderForClaimer(entries, 'UMEMB1');
    if (n === 0) return expect(claimer).toBeUndefined();
    expect(validateSurface('message', claimer as never)).toEqual([]);
    expect(textOf(claimer)).not.toContain('<!here>');
    expect(textOf(help)).not.toContain('<@U123>');
    expect(textOf(help)).toContain(HELP_NOW_HEADING);
  });
});
