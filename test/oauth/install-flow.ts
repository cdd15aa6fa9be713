import type { InstallChoice } from '../../sandbox/slack-stand-in';
import { PMO_CHANNEL, type TestApp } from '../support/test-app';

export const STATE_COOKIE = 'slack-app-oauth-state';

export interface Page {
  status: number;
  html: string;
  headers: Headers;
}

/** GET a page of the app as a browser would, carrying `cookie` if given; redirects are not followed. */
export async function browse(url: string, cookie?: string): Promise<Page> {
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** The install page's "Add to Slack" link and the state cookie it set in the browser. */
export async function openInstallPage(
  app: TestApp,
): Promise<{ page: Page; authorizeUrl: string; cookie: string }> {
  const page = await browse(`${app.url}/slack/install`);
  const href = /href="([^"]+oauth\/v2\/authorize[^"]*)"/.exec(page.html)?.[1];
  if (!href) throw new Error(`no Add to Slack link on the install page:\n${page.html}`);
  const setCookie = page.headers.get('set-cookie') ?? '';
  const cookie = /slack-app-oauth-state=[^;]+/.exec(setCookie)?.[0];
  if (!cookie) throw new Error(`the install page set no state cookie (${setCookie})`);
  return { page, authorizeUrl: href.replaceAll('&amp;', '&'), cookie };
}

/** Slack's authorize page: the person picks where to install (`choice`), Slack redirects back. */
export async function authorize(app: TestApp, authorizeUrl: string, choice: InstallChoice): Promise<string> {
  app.fake.installChoice = choice;
  const res = await browse(authorizeUrl);
  const location = res.headers.get('location');
  if (res.status !== 302 || !location)
    throw new Error(`the authorize page answered ${res.status}: ${res.html}`);
  return location;
}

/** The whole installation in one browser: install page → Slack → back to the app's callback. */
export async function install(
  app: TestApp,
  choice: InstallChoice = { team: { id: 'T0TEST', name: 'Test' } },
): Promise<Page & { callbackUrl: string; cookie: string }> {
  const { authorizeUrl, cookie } = await openInstallPage(app);
  const callbackUrl = await authorize(app, authorizeUrl, choice);
  return { ...(await browse(callbackUrl, cookie)), callbackUrl, cookie };
}

/** A message for the PMO channel, queued as a feature would. */
export async function queueMessage(t: TestApp, key: string): Promise<void> {
  await t.db
    .insertInto('outbox')
    .values({
      kind: 'digest.post',
      dedupe_key: key,
      channel: PMO_CHANNEL,
      payload: JSON.stringify({
        text: key,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: key } }],
      }),
    })
    .execute();
  t.service.deps.outbox.kick();
}

export const outboxRow = (t: TestApp, key: string) =>
  t.db
    .selectFrom('outbox')
    .select(['status', 'attempts'])
    .where('dedupe_key', '=', key)
    .executeTakeFirstOrThrow();
