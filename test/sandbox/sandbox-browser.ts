import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { CAST } from '../../sandbox/cast';

/**
 * Drives the sandbox page in Debian's chromium (playwright-core, no bundled browser) the way a
 * person would: choose who you are, type commands, click, fill modals, open tabs. Each step
 * waits for the page to show the app's answer, so a test reads as the story it tells.
 */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The little of the DOM the predicates below use (this file is type-checked without the DOM
 * library). Predicates are functions, never strings: the page's CSP forbids eval, and
 * Playwright evaluates string predicates with it.
 */
interface InPage {
  document: {
    body: { dataset: Record<string, string | undefined> };
    querySelector(selector: string): { textContent: string | null } | null;
  };
}
export const chromiumAvailable = fs.existsSync(CHROMIUM);
const RESULTS = path.resolve(__dirname, '../../test-results');

export class SandboxBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly userDataDir: string,
  ) {}

  /**
   * `bypassCSP` lets a test inject a checker (axe-core) as a script: the page's own CSP allows
   * only its own scripts, as it should for people.
   */
  static async open(url: string, opts: { bypassCSP?: boolean } = {}): Promise<SandboxBrowser> {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 860 },
      bypassCSP: opts.bypassCSP ?? false,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    await page.goto(url);
    await page.locator('body[data-version]').waitFor();
    return new SandboxBrowser(context, page, userDataDir);
  }

  async close(): Promise<void> {
    await this.context.close();
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }

  get modal(): Locator {
    return this.page.getByTestId('modal');
  }

  get pane(): Locator {
    return this.page.getByTestId('pane');
  }

  get ephemerals(): Locator {
    return this.page.getByTestId('ephemerals');
  }

  /** Be someone from the cast, by name ("Sam Rivera"). */
  async selectPerson(name: string): Promise<void> {
    const person = CAST.find((c) => c.name === name);
    if (!person) throw new Error(`${name} is not in the sandbox cast`);
    await this.page.getByTestId('person').selectOption(person.id);
    await this.page.locator(`body[data-me="${person.id}"]`).waitFor();
  }

  /** Types a command (or a message) in the message box of the open conversation and sends it. */
  async typeCommand(text: string): Promise<void> {
    const box = this.page.getByTestId('composer');
    await box.fill(text);
    const before = await this.version();
    await box.press('Enter');
    await this.waitForVersionAfter(before);
  }

  /** Replies in the thread of the newest message containing `messageText` in the open conversation. */
  async replyInThread(messageText: string, text: string): Promise<void> {
    const message = this.pane.locator('.message').filter({ hasText: messageText }).last();
    await message.hover();
    await message.getByRole('button', { name: 'Reply in thread' }).first().click();
    await this.typeCommand(text);
  }

  /** Clicks a button by its label: in the open modal if there is one, else the newest one on the page. */
  async clickButton(label: string): Promise<void> {
    const scope = (await this.modal.count()) ? this.modal : this.page.locator('.main');
    const before = await this.version();
    await scope.getByRole('button', { name: label, exact: true }).last().click();
    await this.waitForVersionAfter(before);
  }

  /**
   * Fills the modal's input labelled `label`: text, a date (YYYY-MM-DD), an option's label for a
   * select (a list for multi-selects), or the option labels of checkboxes / radio buttons.
   */
  async fillInput(label: string, value: string | string[]): Promise<void> {
    const block = this.modal
      .locator('.input-block')
      .filter({ has: this.page.locator(':scope > label, :scope > .label', { hasText: label }) })
      .first();
    const values = Array.isArray(value) ? value : [value];
    if (await block.locator('select').count()) {
      await block.locator('select').selectOption(values.map((v) => ({ label: v })));
    } else if (await block.locator('fieldset').count()) {
      for (const box of await block.locator('input').all()) {
        const id = await box.getAttribute('id');
        // the option's text is the label's first child; a description may follow it
        const text = ((await block.locator(`label[for="${id}"] > :first-child`).textContent()) ?? '').trim();
        if (values.includes(text)) await box.check();
        else if ((await box.getAttribute('type')) === 'checkbox') await box.uncheck();
      }
    } else {
      await block
        .locator('input, textarea')
        .first()
        .fill(values[0] ?? '');
    }
  }

  /** Submits the open modal; resolves when the app answered (the modal closed, changed or shows errors). */
  async submitModal(): Promise<void> {
    const before = await this.version();
    await this.modal.locator('button[type=submit]').click();
    await this.waitForVersionAfter(before);
  }

  /** Opens a tab of the sidebar: a channel ("pmo"), "Messages" (the DM with the app) or "Home". */
  async openTab(name: string): Promise<void> {
    const tabName = /^(Messages|Home)$/.test(name) ? name : `# ${name.replace(/^#\s*/, '')}`;
    await this.page.getByRole('tab', { name: tabName }).click();
    await this.page.getByRole('tab', { name: tabName, selected: true }).waitFor();
  }

  /** "Run scheduled jobs now" with a time shift as labelled on the page ("+0", "+1 day", "+8 days"). */
  async runJobs(shift = '+0'): Promise<string> {
    await this.page.getByTestId('shift').selectOption({ label: shift });
    const toast = this.page.getByTestId('toast');
    await toast.evaluate((el) => {
      el.textContent = '';
    });
    await this.page.getByTestId('run-jobs').click();
    await this.page.waitForFunction(() =>
      Boolean((globalThis as unknown as InPage).document.querySelector('[data-testid=toast]')?.textContent),
    );
    return (await toast.textContent()) ?? '';
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `sandbox-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private async version(): Promise<number> {
    return Number(await this.page.locator('body').getAttribute('data-version'));
  }

  /**
   * The app answered: no call of the page is in flight, and the page re-rendered with something
   * newer than `before` (given a moment: some clicks change nothing anyone sees).
   */
  private async waitForVersionAfter(before: number): Promise<void> {
    await this.page.waitForFunction(
      () => ((globalThis as unknown as InPage).document.body.dataset.pending ?? '0') === '0',
    );
    await this.page
      .waitForFunction(
        (v) => Number((globalThis as unknown as InPage).document.body.dataset.version) > v,
        before,
        { timeout: 2000 },
      )
      .catch(() => undefined);
  }
}
