import { type Scheduler, startScheduler } from '../../src/jobs/scheduler';
import { createSenderClient } from '../../src/start';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';
import { openSettings, saveSettings } from './support';

/**
 * The PMO's language is a setting: channel posts (the digest here) are written in it, while each
 * person is still spoken to in their own; PMO_LANGUAGE is its default.
 */
describe('the PMO’s language', () => {
  let t: TestApp;
  let scheduler: Scheduler;
  beforeAll(async () => {
    t = await startTestApp();
    scheduler = startScheduler(t.service.deps, createSenderClient(t.config), 'replica', t.service.jobs);
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });

  const channelPosts = () => t.fake.messagesIn(PMO_CHANNEL).filter((m) => !m.thread_ts);

  it('is English until a lead chooses another; then the digest in the channel is in it, audited', async () => {
    const form = await openSettings(t, LEAD);
    const select = (form.view.blocks as Record<string, unknown>[]).find(
      (b) => b.block_id === 'settings_language',
    );
    expect(select).toMatchObject({ element: { initial_option: { value: 'en' } } });

    t.clock.set('2026-11-30T09:00:00Z');
    await scheduler.tick('digest');
    await t.flush();
    expect(channelPosts().at(-1)?.text).toMatch(/^Quiet week in the PMO/);

    expect(await saveSettings(t, LEAD, { settings_language: 'fr' })).toEqual({});
    const row = await t.db.selectFrom('pmo_settings').select('language').executeTakeFirstOrThrow();
    expect(row.language).toBe('fr');
    expect(t.service.deps.languages.pmo()).toBe('fr');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['subject', 'detail'])
      .where('action', '=', 'settings.change')
      .executeTakeFirstOrThrow();
    expect(audit.subject).toBe('language');
    expect(audit.detail).toEqual({ changes: { language: { from: 'en', to: 'fr' } } });

    t.clock.set('2026-12-07T09:00:00Z');
    await scheduler.tick('digest');
    await t.flush();
    expect(channelPosts().at(-1)?.text).toMatch(/^Semaine calme au PMO/);

    // The lead who chose it still reads their own answers in English.
    const again = await openSettings(t, LEAD);
    expect(again.view.title).toMatchObject({ text: expect.not.stringMatching(/Paramètres/) });
    expect(
      (again.view.blocks as Record<string, unknown>[]).find((b) => b.block_id === 'settings_language'),
    ).toMatchObject({
      element: { initial_option: { value: 'fr' } },
    });
  });

  it('a forged value gets a field error and changes nothing', async () => {
    const body = await saveSettings(t, LEAD, { settings_language: 'xx' });
    expect(body).toEqual({
      response_action: 'errors',
      errors: { settings_language: 'Choose one of the languages offered.' },
    });
    const row = await t.db.selectFrom('pmo_settings').select('language').executeTakeFirstOrThrow();
    expect(row.language).toBe('fr');
  });
});
