import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Sandbox, startSandbox } from '../../sandbox/start-sandbox';
import { createLogger } from '../../src/logger';
import { chromiumAvailable, SandboxBrowser } from './sandbox-browser';

/**
 * The sandbox page is where a newcomer first meets the app: it must be usable with a keyboard
 * and a screen reader. axe-core checks each state a person passes through (the channel with a
 * reply, Home, an open modal with field errors); a serious or critical violation fails.
 */
jest.setTimeout(120_000);

const ci = Boolean(process.env.CI);
const describeInBrowser = chromiumAvailable || ci ? describe : describe.skip;

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

describeInBrowser('the sandbox page with a screen reader in mind (axe-core)', () => {
  let sandbox: Sandbox;
  let b: SandboxBrowser;
  let dir: string;

  beforeAll(async () => {
    if (!chromiumAvailable)
      throw new Error('CI must install chromium (.ci/run does): /usr/bin/chromium is missing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-a11y-'));
    sandbox = await startSandbox({
      env: {},
      port: 0,
      pgliteDir: path.join(dir, 'db'),
      overrides: { SCHEDULER_ENABLED: 'false' },
      logger: createLogger({ level: 'silent', pretty: false }),
    });
    b = await SandboxBrowser.open(sandbox.url, { bypassCSP: true });
  });

  afterAll(async () => {
    await b?.close();
    await sandbox?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Serious and critical violations on the page as it is now, one line each. */
  async function seriousViolations(): Promise<string[]> {
    await b.page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = (await b.page.evaluate(() =>
      (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
    )) as AxeResult;
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('the channel view, with the app’s reply', async () => {
    await b.selectPerson('Sam Rivera');
    await b.openTab('pmo');
    await b.typeCommand('/pmo help');
    await b.ephemerals.getByText('For everyone').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('a lead’s Home', async () => {
    await b.selectPerson('Amara Okafor');
    await b.openTab('Home');
    await b.page.getByText('PMO Concierge — Home').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('the request form, open, with field errors after an empty submit', async () => {
    await b.selectPerson('Sam Rivera');
    await b.openTab('pmo');
    await b.typeCommand('/pmo request');
    await b.modal.waitFor();
    expect(await seriousViolations()).toEqual([]);
    await b.submitModal();
    await b.modal.locator('.has-error').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('the PMO settings, as a lead opens them', async () => {
    await b.selectPerson('Amara Okafor');
    await b.openTab('pmo');
    await b.typeCommand('/pmo settings');
    await b.modal.getByText('PMO settings').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('a cast member whose Slack is in French is answered in French, and can switch', async () => {
    await b.selectPerson('Tom Becker');
    await b.openTab('pmo');
    await b.typeCommand('/pmo language');
    await b.ephemerals.getByText('PMO Concierge vous parle en').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
    await b.clickButton('English');
    await b.ephemerals.getByText('PMO Concierge now speaks').first().waitFor();
  });
});
