import { optInPeople, topicId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

interface InputBlock {
  block_id?: string;
  element: {
    type: string;
    options: { text: { text: string }; value: string }[];
    initial_options?: { value: string }[];
    initial_option?: { value: string };
  };
}

describe('consent: /pmo optin and /pmo optout', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.stop());

  const consentsOf = (user: string) =>
    t.db
      .selectFrom('consents')
      .innerJoin('topics', 'topics.id', 'consents.topic_id')
      .select(['topics.slug', 'consents.opted_in'])
      .where('user_id', '=', user)
      .orderBy('topics.sort_order')
      .execute();

  it('opens a modal with the eight seeded topics as checkboxes, the cap and the pause', async () => {
    const res = await t.slash('UANNA', 'optin');
    expect(res.status).toBe(200);
    const modal = await t.fake.waitFor(() => t.fake.openModalOf('UANNA'), 'the optin modal');
    const blocks = modal.view.blocks as InputBlock[];
    const topics = blocks.find((b) => b.block_id === 'consent_topics');
    expect(topics?.element.type).toBe('checkboxes');
    expect(topics?.element.options.map((o) => o.text.text)).toEqual([
      'Executive coaching',
      'Team coaching',
      'Training & workshops',
      'Mentoring',
      'Communities of practice',
      'Change management clinics',
      'Templates & tools news',
      'Lessons-learned sessions',
    ]);
    expect(topics?.element.initial_options).toBeUndefined();
    const cap = blocks.find((b) => b.block_id === 'consent_cap');
    expect(cap?.element.initial_option?.value).toBe('two_per_month');
  });

  it('saves choices, records each change with its source, and prefills them next time', async () => {
    await t.slash('UANNA', 'optin');
    const modal = await t.fake.waitFor(() => t.fake.openModalOf('UANNA'));
    const mentoring = await topicId(t, 'mentoring');
    const clinics = await topicId(t, 'change-clinics');
    const res = await t.submit('UANNA', modal, {
      consent_topics: [String(mentoring), String(clinics)],
      consent_cap: 'one_per_week',
      consent_pause: null,
    });
    expect(res.body.response_action).toBe('update');
    const saved = JSON.stringify(res.body.view);
    expect(saved).toContain('You opted in to Mentoring, Change management clinics.');
    expect(saved).toContain('At most one invitation a week');
    expect(await consentsOf('UANNA')).toEqual([
      { slug: 'mentoring', opted_in: true },
      { slug: 'change-clinics', opted_in: true },
    ]);
    const events = await t.db
      .selectFrom('consent_events')
      .select(['action', 'source', 'topic_id', 'created_at'])
      .where('user_id', '=', 'UANNA')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.source, e.topic_id])).toEqual([
      ['opt_in', 'optin_modal', mentoring],
      ['opt_in', 'optin_modal', clinics],
      ['cap', 'optin_modal', null],
    ]);
    expect(events[0]?.created_at.toISOString()).toBe('2026-11-24T10:00:00.000Z');

    await t.slash('UANNA', 'optin');
    const again = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf('UANNA');
      return m && m.id !== modal.id ? m : undefined;
    });
    const blocks = again.view.blocks as InputBlock[];
    const topics = blocks.find((b) => b.block_id === 'consent_topics');
    expect(topics?.element.initial_options?.map((o) => o.value)).toEqual([
      String(mentoring),
      String(clinics),
    ]);
    expect(blocks.find((b) => b.block_id === 'consent_cap')?.element.initial_option?.value).toBe(
      'one_per_week',
    );

    // Unticking one topic and pausing is recorded as exactly those two changes.
    await t.submit('UANNA', again, {
      consent_topics: [String(clinics)],
      consent_cap: 'one_per_week',
      consent_pause: '2026-12-24',
    });
    const later = await t.db
      .selectFrom('consent_events')
      .select(['action', 'topic_id'])
      .where('user_id', '=', 'UANNA')
      .orderBy('id')
      .offset(3)
      .execute();
    expect(later).toEqual([
      { action: 'opt_out', topic_id: mentoring },
      { action: 'pause', topic_id: null },
    ]);
    const prefs = await t.db
      .selectFrom('invitation_prefs')
      .selectAll()
      .where('user_id', '=', 'UANNA')
      .executeTakeFirst();
    expect(prefs?.paused_until).toBe('2026-12-24');
  });

  it('refuses a pause date that is not in the future', async () => {
    await t.slash('UANNA', 'optin');
    const modal = await t.fake.waitFor(() => t.fake.openModalOf('UANNA'));
    const res = await t.submit('UANNA', modal, { consent_cap: 'two_per_month', consent_pause: '2026-11-20' });
    expect(res.body.response_action).toBe('errors');
    expect((res.body.errors as Record<string, string>).consent_pause).toMatch(/after today/);
  });

  it('/pmo optout <topic> says exactly what changed and what is left', async () => {
    await optInPeople(t, ['UANNA'], 'mentoring');
    await optInPeople(t, ['UANNA'], 'lessons-learned');
    const res = await t.slash('UANNA', 'optout Mentoring');
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.text).toBe('You opted out of Mentoring. You still hear about: Lessons-learned sessions.');
    const again = await t.slash('UANNA', 'optout mentoring');
    expect(again.body.text).toBe(
      'You were not opted in to Mentoring — nothing changed. You still hear about: Lessons-learned sessions.',
    );
    const bySlug = await t.slash('UANNA', 'optout lessons-learned');
    expect(bySlug.body.text).toBe(
      'You opted out of Lessons-learned sessions. You are not opted in to any topic now: the PMO will not invite you to anything.',
    );
    const events = await t.db
      .selectFrom('consent_events')
      .select(['action', 'source'])
      .where('user_id', '=', 'UANNA')
      .where('action', '=', 'opt_out')
      .execute();
    expect(events).toEqual([
      { action: 'opt_out', source: 'optout_command' },
      { action: 'opt_out', source: 'optout_command' },
    ]);
  });

  it('/pmo optout with an unknown topic lists the person’s topics kindly', async () => {
    await optInPeople(t, ['UANNA'], 'change-clinics');
    const res = await t.slash('UANNA', 'optout knitting <!channel>');
    expect(res.body.text).toContain('There is no topic called');
    const blocks = JSON.stringify(res.body.blocks);
    expect(blocks).toContain('Change management clinics');
    expect(blocks).toContain('/pmo optout change-clinics');
    expect(blocks).not.toContain('<!channel>');
  });

  it('/pmo optout on its own turns everything off', async () => {
    await optInPeople(t, ['UANNA'], 'mentoring');
    await optInPeople(t, ['UANNA'], 'team-coaching');
    const res = await t.slash('UANNA', 'optout');
    expect(res.body.text).toBe(
      'You opted out of everything: Team coaching, Mentoring. The PMO will not invite you to anything.',
    );
    expect((await consentsOf('UANNA')).every((c) => !c.opted_in)).toBe(true);
    const none = await t.slash('UANNA', 'optout');
    expect(none.body.text).toBe('You were not opted in to any topic — nothing changed.');
  });
});
