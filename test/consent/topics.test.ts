import type { FakeView } from '../support/fake-slack';
import { addMember } from '../support/people';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

describe('/pmo topics (leads)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.stop());

  const blocksOf = (v: FakeView | undefined) => JSON.stringify(v?.view.blocks ?? []);

  it('is for leads only', async () => {
    await addMember(t, 'UMEMBER');
    const res = await t.slash('UMEMBER', 'topics');
    expect(res.body.text).toContain('is for PMO leads');
  });

  it('lists topics; leads add, rename and retire them; retired topics are offered to nobody', async () => {
    await t.slash(LEAD, 'topics');
    const list = await t.fake.waitFor(() => t.fake.openModalOf(LEAD), 'the topic list');
    expect(blocksOf(list)).toContain('Change management clinics');

    await t.click(LEAD, 'topic_add', { view: list });
    const form = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf(LEAD);
      return m && m.id !== list.id ? m : undefined;
    }, 'the add form');
    const dup = await t.submit(LEAD, form, { topic_name: 'mentoring', topic_description: null });
    expect(dup.body.response_action).toBe('errors');
    await t.submit(LEAD, form, { topic_name: 'Agile games', topic_description: 'Play to learn.' });
    await t.fake.waitFor(
      () => blocksOf(t.fake.views.get(list.id)).includes('Agile games'),
      'the list to refresh',
    );
    const added = await t.db
      .selectFrom('topics')
      .selectAll()
      .where('slug', '=', 'agile-games')
      .executeTakeFirst();
    expect(added?.name).toBe('Agile games');

    const mentoring = await t.db
      .selectFrom('topics')
      .select('id')
      .where('slug', '=', 'mentoring')
      .executeTakeFirstOrThrow();
    await t.click(LEAD, `topic_edit_${mentoring.id}`, { view: t.fake.views.get(list.id)! });
    const edit = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf(LEAD);
      return m && m.view.callback_id === 'topic_form_modal' && m.id !== form.id ? m : undefined;
    }, 'the edit form');
    expect(blocksOf(edit)).toContain('"initial_value":"Mentoring"');
    await t.submit(LEAD, edit, {
      topic_name: 'Mentoring',
      topic_description: 'Mentors.',
      topic_status: 'retired',
    });
    await t.fake.waitFor(() => blocksOf(t.fake.views.get(list.id)).includes('_(retired)_'), 'retired shown');

    await t.slash('UANNA', 'optin');
    const optin = await t.fake.waitFor(() => t.fake.openModalOf('UANNA'));
    expect(blocksOf(optin)).toContain('Agile games');
    expect(blocksOf(optin)).not.toContain('"Mentoring"');
  });

  it('offers topics as a multi-select when there are more than ten', async () => {
    for (const name of ['One', 'Two', 'Three']) {
      await t.db.insertInto('topics').values({ slug: name.toLowerCase(), name, sort_order: 100 }).execute();
    }
    await t.slash('UANNA', 'optin');
    const optin = await t.fake.waitFor(() => t.fake.openModalOf('UANNA'));
    const topics = (optin.view.blocks as { block_id?: string; element?: { type: string } }[]).find(
      (b) => b.block_id === 'consent_topics',
    );
    expect(topics?.element?.type).toBe('multi_static_select');
    const res = await t.submit('UANNA', optin, {
      consent_topics: ['1', '11'],
      consent_cap: 'one_per_month',
      consent_pause: null,
    });
    expect(JSON.stringify(res.body.view)).toContain('You opted in to Executive coaching, Three.');
  });

  it('with every topic retired, /pmo optin still opens and /pmo invite says there is nothing to invite to', async () => {
    await t.db.updateTable('topics').set({ retired_at: t.clock.now() }).execute();
    await t.slash('UANNA', 'optin');
    const optin = await t.fake.waitFor(() => t.fake.openModalOf('UANNA'));
    expect(blocksOf(optin)).toContain('There are no topics to opt in to');
    const res = await t.slash(LEAD, 'invite');
    expect(res.body.text).toContain('There are no topics to invite to yet');
  });
});
