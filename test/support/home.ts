import type { FakeView } from './fake-slack';
import type { TestApp } from './test-app';

/** Shared steps of the Home tests: open the tab as Slack does, read what it shows. */

type Json = Record<string, unknown>;

export const homeText = (view: FakeView | undefined): string => JSON.stringify(view?.view.blocks ?? []);

/**
 * Waits until this person's Home is published anew (a hash other than `before`) and `test` holds.
 * Several publishes can be on their way (one for an earlier request, one for the click): the app
 * first finishes every request sent so far, so the Home read is the last one, not whichever
 * publish happened to land first on a busy machine.
 */
export async function nextHome(
  t: TestApp,
  user: string,
  before: string | undefined,
  test: (text: string) => boolean = () => true,
): Promise<FakeView> {
  await t.settle();
  return t.fake.waitFor(() => {
    const h = t.fake.homeOf(user);
    return h && h.hash !== before && test(homeText(h)) ? h : undefined;
  }, `Home of ${user} re-published`);
}

/** The person opens the Home tab: Slack sends app_home_opened; we wait for the publish. */
export async function openHome(t: TestApp, user: string): Promise<FakeView> {
  const before = t.fake.homeOf(user)?.hash;
  const res = await t.event({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
  if (res.status !== 200) throw new Error(`event answered ${res.status}`);
  return nextHome(t, user, before);
}

/** Action ids of every button on a surface (sections' accessories included). */
export function actionIds(view: FakeView): string[] {
  return ((view.view.blocks as Json[]) ?? []).flatMap((b) =>
    [...((b.elements as Json[] | undefined) ?? []), ...(b.accessory ? [b.accessory as Json] : [])]
      .map((e) => e.action_id)
      .filter((x): x is string => typeof x === 'string'),
  );
}

export async function setNeededBy(t: TestApp, requestId: number, date: string): Promise<void> {
  await t.db.updateTable('requests').set({ needed_by: date }).where('id', '=', requestId).execute();
}

export async function seedCoaching(
  t: TestApp,
  coachee: string,
  coach: string,
  goals = 'Lead the merger calmly',
): Promise<number> {
  const row = await t.db
    .insertInto('coaching_engagements')
    .values({
      coachee_id: coachee,
      coach_id: coach,
      goals,
      cadence: 'weekly',
      status: 'active',
      started_at: '2026-11-01T10:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Clicks a button on this person's Home and waits for the re-published tab. The fake updates
 * the Home view object in place, so the hash is read before clicking.
 */
export async function clickOnHome(
  t: TestApp,
  user: string,
  actionId: string,
  test: (text: string) => boolean = () => true,
  view: FakeView | undefined = t.fake.homeOf(user),
): Promise<FakeView> {
  if (!view) throw new Error(`${user} has no Home`);
  const before = t.fake.homeOf(user)?.hash;
  const res = await t.click(user, actionId, { view });
  if (res.status !== 200) throw new Error(`click answered ${res.status}`);
  return nextHome(t, user, before, test);
}
