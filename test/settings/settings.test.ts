import { compose } from '../../src/compose';
import type { Deps } from '../../src/deps';
import { Metrics } from '../../src/http/metrics';
import type { ScheduledJob } from '../../src/jobs/registry';
import { type Scheduler, startScheduler } from '../../src/jobs/scheduler';
import { SettingsStore } from '../../src/settings/store';
import { SlackWork } from '../../src/slack/work-state';
import { createSenderClient } from '../../src/start';
import { FakeSlack } from '../support/fake-slack';
import { actionIds, homeText, openHome } from '../support/home';
import { nextModal, viewIds } from '../support/requests';
import { LEAD, LEAD2, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database';
import { digestPosts, openSettings, saveSettings, settingsValues } from './support';

const NEW_LEAD = 'UNEWLEAD';
const REQUESTER = 'UREQ1';

type Json = Record<string, unknown>;

const settingsRow = (t: TestApp) => t.db.selectFrom('pmo_settings').selectAll().executeTakeFirstOrThrow();
const settingsAudit = (t: TestApp) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.change').orderBy('id').execute();

/**
 * The second replica. On PostgreSQL, a second app on the same database; on PGlite, whose
 * database belongs to one process, a second composition of the app (its own settings store and
 * scheduler, its own instance id) on the first one's database.
 */
interface Replica {
  deps: Deps;
  jobs: readonly ScheduledJob[];
  /** The person can open /pmo settings there (the slash command on PostgreSQL; the role rule it asks on PGlite). */
  letsIn(user: string): Promise<boolean>;
  stop(): Promise<void>;
}

async function secondReplica(a: TestApp, fake: FakeSlack, database: TestDatabase): Promise<Replica> {
  if (usingPostgres) {
    const b = await startTestApp({ fake, database });
    return {
      deps: b.service.deps,
      jobs: b.service.jobs,
      letsIn: async (user) => {
        const seen = viewIds(b);
        await b.slash(user, 'settings');
        await b.settle();
        return [...b.fake.views.values()].some(
          (v) => !seen.has(v.id) && v.user === user && v.view.callback_id === 'settings_modal',
        );
      },
      stop: () => b.stop(),
    };
  }
  const logger = a.service.deps.logger;
  const metrics = new Metrics(async () => 0);
  const composed = compose({
    config: a.config,
    db: a.db,
    logger,
    clock: a.clock,
    metrics,
    slackWork: new SlackWork(logger),
    instanceId: 'replica-b',
    client: createSenderClient(a.config),
  });
  await composed.settings.refresh();
  return {
    deps: composed.deps,
    jobs: composed.jobs,
    letsIn: async (user) => composed.deps.roles.isLead(user),
    stop: async () => {
      composed.settings.stop();
      metrics.registry.clear();
    },
  };
}

describe('/pmo settings across two replicas', () => {
  let fake: FakeSlack;
  let database: TestDatabase;
  let a: TestApp;
  let b: Replica;
  let schedulerB: Scheduler | undefined;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    database = await createTestDatabase();
    a = await startTestApp({ fake, database });
    b = await secondReplica(a, fake, database);
  });
  afterAll(async () => {
    await schedulerB?.stop();
    await b?.stop();
    await a?.stop();
    await fake?.stop();
    await database?.drop();
  });

  it('a lead adds a lead and moves the digest to Friday 15:00; the other replica follows without a restart', async () => {
    schedulerB = startScheduler(b.deps, createSenderClient(a.config), 'replica-b', b.jobs);
    expect(schedulerB.schedules().digest).toEqual({ expression: '0 9 * * 1', timezone: 'UTC' });
    expect(await b.letsIn(NEW_LEAD)).toBe(false);

    const modal = await openSettings(a, LEAD);
    const leads = (modal.view.blocks as Json[]).find((x) => x.block_id === 'settings_leads') as Json;
    expect((leads.element as Json).initial_users).toEqual([LEAD, LEAD2]);
    expect(JSON.stringify(modal.view.blocks)).toContain(`(PMO_LEAD_IDS): <@${LEAD}>, <@${LEAD2}>`);
    const answer = await a.submit(
      LEAD,
      modal,
      settingsValues(modal, {
        settings_leads: [LEAD, LEAD2, NEW_LEAD],
        settings_digest_day: '5',
        settings_digest_time: '15:00',
      }),
    );
    expect(answer.body.response_action).toBeUndefined();

    // Only what differs from the environment is saved: the rest keeps following it.
    expect(await settingsRow(a)).toMatchObject({
      version: 1,
      lead_ids: [NEW_LEAD],
      digest_cron: '0 15 * * 5',
      timezone: null,
      channel_id: null,
      retention_days: null,
      updated_by: LEAD,
    });
    const [entry] = await settingsAudit(a);
    expect(entry).toMatchObject({ actor_id: LEAD, subject: 'leads, digest' });
    expect(entry?.detail).toEqual({
      changes: {
        leadIds: { from: [LEAD, LEAD2], to: [LEAD, LEAD2, NEW_LEAD] },
        digestCron: { from: '0 9 * * 1', to: '0 15 * * 5' },
      },
    });

    expect(JSON.stringify((await a.slash(LEAD, 'audit')).body)).toContain(
      `<@${LEAD}> changed the PMO settings — leads, digest`,
    );

    // The replica that saved knows at once.
    await openSettings(a, NEW_LEAD);
    // The other one at its next poll, driven here rather than waited for.
    await b.deps.settings.refresh();
    expect(await b.letsIn(NEW_LEAD)).toBe(true);
    await fake.waitFor(
      () => schedulerB?.schedules().digest?.expression === '0 15 * * 5',
      'replica B scheduling the digest on Fridays at 15:00',
    );
    expect(b.deps.config.schedule.digestCron).toBe('0 15 * * 5');
  });

  it('each replica polls the settings on its own: a store with a short interval sees the save', async () => {
    const store = new SettingsStore({ db: a.db, logger: a.service.deps.logger }, a.config, 20);
    expect(store.settings.leadIds).toEqual([LEAD, LEAD2]);
    store.start();
    try {
      await fake.waitFor(() => store.settings.leadIds.includes(NEW_LEAD), 'the poll reading the saved lead');
    } finally {
      store.stop();
    }
  });

  it('refuses non-leads, and a forged submission by one changes nothing', async () => {
    expect((await a.slash(REQUESTER, 'settings')).body.text).toContain('is for PMO leads');
    const modal = await openSettings(a, LEAD);
    const before = await settingsRow(a);
    const forged = await a.submit(REQUESTER, modal, settingsValues(modal, { settings_leads: [REQUESTER] }));
    expect(forged.body).toEqual({
      response_action: 'errors',
      errors: { settings_leads: expect.stringContaining('Only PMO leads') },
    });
    expect(await settingsRow(a)).toEqual(before);
  });

  it('keeps PMO_LEAD_IDS: they cannot be removed, and removing the last saved lead leaves them', async () => {
    const removeEnvLead = await saveSettings(a, LEAD, { settings_leads: [LEAD, NEW_LEAD] });
    expect(removeEnvLead).toEqual({
      response_action: 'errors',
      errors: { settings_leads: expect.stringContaining(`<@${LEAD2}> is named in PMO_LEAD_IDS`) },
    });
    expect(await saveSettings(a, LEAD, { settings_leads: [LEAD, LEAD2] })).toEqual({});
    expect((await settingsRow(a)).lead_ids).toBeNull();
    expect((await a.slash(NEW_LEAD, 'settings')).body.text).toContain('is for PMO leads');
    await openSettings(a, LEAD2);
  });

  it('answers bad values with field errors and saves nothing', async () => {
    const before = await settingsRow(a);
    fake.removeBotFrom('CNOTIN');
    const answer = await saveSettings(a, LEAD, {
      settings_timezone: 'Mars/Olympus_Mons',
      settings_hours: '18-09',
      settings_days: [],
      settings_holidays: 'XX-NOPE',
      settings_retention: '0',
    });
    expect(answer).toEqual({
      response_action: 'errors',
      errors: {
        settings_timezone: 'The time zone must be an IANA time zone such as Europe/Paris.',
        settings_hours: 'Working hours must be hours 0-24 with start < end.',
        settings_days: 'Choose at least one day for working days.',
        settings_holidays: expect.stringContaining('The holiday region must be a country'),
        settings_retention: 'Retention must be at least 1.',
      },
    });
    expect(await saveSettings(a, LEAD, { settings_digest_time: null })).toEqual({
      response_action: 'errors',
      errors: { settings_digest_time: 'Choose both the digest’s day and its time.' },
    });
    const notIn = await saveSettings(a, LEAD, { settings_channel: 'CNOTIN' });
    expect(notIn).toEqual({
      response_action: 'errors',
      errors: { settings_channel: expect.stringContaining('/invite @PMO Concierge') },
    });
    expect(await settingsRow(a)).toEqual(before);
  });

  it('a form opened before another lead saved saves nothing', async () => {
    const stale = await openSettings(a, LEAD);
    expect(await saveSettings(a, LEAD2, { settings_retention: '365' })).toEqual({});
    const answer = await a.submit(LEAD, stale, settingsValues(stale, { settings_retention: '400' }));
    expect(answer.body).toEqual({
      response_action: 'errors',
      errors: { settings_leads: expect.stringContaining('Another lead saved the settings') },
    });
    expect((await settingsRow(a)).retention_days).toBe(365);
  });

  it('moves the PMO channel: the next triage post goes there', async () => {
    expect(await saveSettings(a, LEAD, { settings_channel: 'CNEWPMO' })).toEqual({});
    expect(a.service.deps.config.pmo.channelId).toBe('CNEWPMO');
    await b.deps.settings.refresh();
    expect(b.deps.config.pmo.channelId).toBe('CNEWPMO');
    // Back to the environment's channel: nothing saved for it any more.
    expect(await saveSettings(a, LEAD, { settings_channel: PMO_CHANNEL })).toEqual({});
    expect((await settingsRow(a)).channel_id).toBeNull();
  });

  it('shows the settings on a lead’s Home, with the Settings button; not on a requester’s', async () => {
    const home = await openHome(a, LEAD);
    const text = homeText(home);
    expect(text).toContain('PMO settings');
    expect(text).toContain('Fridays at 15:00');
    expect(text).toContain('365 days');
    expect(actionIds(home)).toContain('settings_open');
    const seen = viewIds(a);
    await a.click(LEAD, 'settings_open', { view: home });
    await nextModal(a, LEAD, 'settings_modal', seen);

    const requesterHome = await openHome(a, REQUESTER);
    expect(homeText(requesterHome)).not.toContain('PMO settings');
    // A forged click from a requester's Home opens nothing.
    const before = viewIds(a);
    await a.click(REQUESTER, 'settings_open', { view: requesterHome }, { blockId: 'settings_home' });
    await a.settle();
    expect([...a.fake.views.values()].filter((v) => !before.has(v.id) && v.kind === 'modal')).toEqual([]);
  });
});

describe('moving the weekly digest', () => {
  let t: TestApp;
  let scheduler: Scheduler;
  beforeAll(async () => {
    t = await startTestApp();
    scheduler = startScheduler(t.service.deps, createSenderClient(t.config), 'replica', t.service.jobs);
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });

  const tickDigest = async (at: string) => {
    t.clock.set(at);
    const outcome = await scheduler.tick('digest');
    await t.flush();
    return outcome;
  };

  it('never sends a second digest in a week that had one, and never loses a week', async () => {
    // Monday 30 Nov, 09:00: this week's digest goes out.
    expect(await tickDigest('2026-11-30T09:00:00Z')).toMatchObject({ ran: true });
    expect(digestPosts(t)).toHaveLength(1);

    // On Tuesday a lead moves it to Fridays at 15:00.
    t.clock.set('2026-12-01T10:00:00Z');
    expect(await saveSettings(t, LEAD, { settings_digest_day: '5', settings_digest_time: '15:00' })).toEqual(
      {},
    );
    expect(scheduler.schedules().digest?.expression).toBe('0 15 * * 5');

    // That Friday: the leads read this week's on Monday already.
    expect(await tickDigest('2026-12-04T15:00:00Z')).toEqual({ ran: false, skipped: 'ran this week' });
    expect(digestPosts(t)).toHaveLength(1);
    // The Friday after: the digest, on its new day.
    expect(await tickDigest('2026-12-11T15:00:00Z')).toMatchObject({ ran: true });
    expect(digestPosts(t)).toHaveLength(2);

    // On Wednesday 16 Dec, before that week's Friday, a lead moves it back to Mondays 09:00:
    // Monday has passed, so this week's goes out now instead of being lost.
    t.clock.set('2026-12-16T11:00:00Z');
    expect(await saveSettings(t, LEAD, { settings_digest_day: '1', settings_digest_time: '09:00' })).toEqual(
      {},
    );
    expect(scheduler.schedules().digest?.expression).toBe('0 9 * * 1');
    await t.fake.waitFor(() => digestPosts(t).length === 3, 'this week’s digest, caught up');
    // Friday's tick would no longer come; Monday's does, once.
    expect(await tickDigest('2026-12-21T09:00:00Z')).toMatchObject({ ran: true });
    expect(await tickDigest('2026-12-21T09:00:30Z')).toMatchObject({ ran: false });
    expect(digestPosts(t)).toHaveLength(4);
  });

  it('moves every job to a new PMO time zone', async () => {
    expect(await saveSettings(t, LEAD, { settings_timezone: 'Europe/Paris' })).toEqual({});
    expect(scheduler.schedules().digest).toEqual({ expression: '0 9 * * 1', timezone: 'Europe/Paris' });
    expect(scheduler.schedules().checkins?.timezone).toBe('Europe/Paris');
  });
});

it('uses the saved settings even with no replica polling: the job runner reads them first', async () => {
  const t = await startTestApp();
  try {
    expect(await saveSettings(t, LEAD, { settings_channel: 'CDIGESTS' })).toEqual({});
    // What `npm run job -- digest` does in a process of its own: a store that has read nothing.
    await t.db.updateTable('pmo_settings').set({ channel_id: 'CELSEWHERE', version: 99 }).execute();
    await t.runJob('digest', new Date('2026-11-30T09:00:00Z'));
    await t.fake.waitFor(() => digestPosts(t, 'CELSEWHERE').length === 1, 'the digest in the saved channel');
    expect(digestPosts(t, PMO_CHANNEL)).toEqual([]);
  } finally {
    await t.stop();
  }
});
