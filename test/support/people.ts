import type { InvitationCap } from '../../src/db/schema';
import { optIn, pause, setCap } from '../../src/features/consent/service';
import type { FakeMessage } from './fake-slack';
import { PMO_CHANNEL, type TestApp } from './test-app';

/** Shared steps of the invitation tests: people who opted in, members, and /pmo invite. */

export async function topicId(t: TestApp, slug: string): Promise<number> {
  const row = await t.db.selectFrom('topics').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

/** Opts people in through the consent service (recorded like a modal submission). */
export async function optInPeople(t: TestApp, users: string[], slug: string): Promise<void> {
  const id = await topicId(t, slug);
  for (const u of users) await optIn(t.db, u, [id], 'optin_modal', t.clock.now());
}

export async function capPeople(t: TestApp, users: string[], cap: InvitationCap): Promise<void> {
  for (const u of users) await setCap(t.db, u, cap, 'optin_modal', t.clock.now());
}

export async function pausePeople(t: TestApp, users: string[], until: string): Promise<void> {
  for (const u of users) await pause(t.db, u, until, 'optin_modal', t.clock.now());
}

export async function addMember(t: TestApp, id: string, skills: string[] = [], capacity = 5): Promise<void> {
  await t.db
    .insertInto('members')
    .values({ slack_user_id: id, weekly_capacity: capacity, added_by: 'ULEAD1' })
    .execute();
  for (const slug of skills) {
    const s = await t.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await t.db.insertInto('member_skills').values({ member_id: id, service_id: s.id }).execute();
  }
}

export interface InviteInput {
  title?: string;
  message?: string;
  topics: string[];
  date?: string;
  seats?: number;
  deadline?: string;
  mode?: 'dm' | 'channel';
  channel?: string;
}

/** /pmo invite → compose → preview; returns the preview text and a function to confirm it. */
export async function composeInvitation(t: TestApp, member: string, input: InviteInput) {
  const before = t.fake.openModalOf(member)?.id;
  await t.slash(member, 'invite');
  // The app finishes what it was sent first (the modal opens in that work): see nextModal.
  await t.settle();
  const modal = await t.fake.waitFor(() => {
    const m = t.fake.openModalOf(member);
    return m && m.id !== before && m.view.callback_id === 'invite_compose_modal' ? m : undefined;
  }, 'the invite modal');
  const ids = await Promise.all(input.topics.map((s) => topicId(t, s)));
  const res = await t.submit(member, modal, {
    invite_title: input.title ?? 'Change clinic: stakeholder maps',
    invite_message: input.message ?? 'Bring a change you are leading; we map the stakeholders together.',
    invite_topics: ids.map(String),
    invite_date: input.date ?? null,
    invite_seats: input.seats === undefined ? null : String(input.seats),
    invite_deadline: input.deadline ?? null,
    invite_mode: input.mode ?? 'dm',
    invite_channel: input.channel ?? null,
  });
  // The preview as Slack showed it: a double submit sends this same view twice.
  const live = t.fake.views.get(modal.id);
  const preview = live ? structuredClone(live) : undefined;
  /** Submits the preview, and waits until the modal says the invitation is stored. */
  const confirm = async (times = 1) => {
    if (!preview) throw new Error('no confirmation modal');
    const results = await Promise.all(Array.from({ length: times }, () => t.submit(member, preview, {})));
    await t.settle();
    await t.fake.waitFor(() => {
      const title = (t.fake.views.get(modal.id)?.view.title as { text?: string } | undefined)?.text;
      return title === 'Invitation sent' || title === 'Not sent';
    }, 'the invitation to be stored');
    return results[0]!;
  };
  const finalText = () => JSON.stringify(t.fake.views.get(modal.id)?.view.blocks ?? []);
  return {
    res,
    modalId: modal.id,
    preview,
    previewText: JSON.stringify(preview?.view.blocks ?? []),
    confirm,
    finalText,
  };
}

/** Composes and confirms; returns the invitation id. */
export async function sendInvitation(t: TestApp, member: string, input: InviteInput): Promise<number> {
  const c = await composeInvitation(t, member, input);
  if (c.res.body.response_action !== 'update') throw new Error(`compose failed: ${c.res.text}`);
  await c.confirm();
  // The draft confirmed is the submission key (private_metadata of the preview).
  const { draftId } = JSON.parse(String(c.preview?.view.private_metadata)) as { draftId: number };
  const inv = await t.db
    .selectFrom('invitations')
    .select('id')
    .where('submission_key', '=', `draft:${draftId}`)
    .executeTakeFirstOrThrow();
  return inv.id;
}

/** Invitation DMs a person received (by the title in the header). */
export function invitationDms(t: TestApp, user: string): FakeMessage[] {
  return t.fake.messagesIn(user).filter((m) => (m.text ?? '').startsWith('Invitation:'));
}

export function summaryPosts(t: TestApp): FakeMessage[] {
  return t.fake.messagesIn(PMO_CHANNEL).filter((m) => (m.text ?? '').startsWith('Invitation sent by'));
}

export async function recipientRows(t: TestApp, invitationId: number) {
  return t.db
    .selectFrom('invitation_recipients')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .orderBy('user_id')
    .execute();
}

export const users = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `U${prefix}${String(i + 1).padStart(4, '0')}`);
