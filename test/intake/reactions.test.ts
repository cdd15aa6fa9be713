import type { FakeEphemeral, FakeMessage } from '../support/fake-slack';
import { blockOf, postInChannel, TEAM_CHANNEL } from '../support/intake';
import { FORM, inputElement, nextModal, serviceId, triagePost, viewIds } from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * Reaction intake, opt-in per channel. A lead turns it on for a channel and an
 * emoji; a reaction with that emoji there offers the reactor (only them) a button that opens the
 * prefilled form; nothing is filed without that click and the form's submission.
 */

const REACTOR = 'UREACT1';
const OTHER = 'UOTHER1';
const AUTHOR = 'UAUTHOR';

const reaction = (user: string, msg: FakeMessage, emoji: string) => ({
  type: 'reaction_added',
  user,
  reaction: emoji,
  item_user: msg.user,
  item: { type: 'message', channel: msg.channel, ts: msg.ts },
  event_ts: `${Date.now() / 1000}`,
});

const asMessage = (e: FakeEphemeral): FakeMessage => ({
  channel: e.channel,
  ts: String(e.ts),
  text: e.text,
  blocks: e.blocks,
  user: 'UPMOBOT',
  updates: 0,
});

describe('reaction intake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const offersTo = (user: string) =>
    t.fake.ephemeralsFor(user).filter((e) => e.text === 'File this as a PMO request?');

  it('is for leads: anyone else is told kindly, and nothing is set', async () => {
    const res = await t.slash(OTHER, `intake <#${TEAM_CHANNEL}|team> :ticket:`);
    expect(res.body.text).toContain('is for PMO leads');
    expect(await t.db.selectFrom('intake_channels').selectAll().execute()).toEqual([]);
  });

  it('does nothing in a channel that did not opt in', async () => {
    const msg = postInChannel(t, AUTHOR, 'We need help', 'CELSEWHERE');
    const res = await t.event(reaction(REACTOR, msg, 'ticket'));
    expect(res.status).toBe(200);
    await t.settle();
    expect(offersTo(REACTOR)).toEqual([]);
  });

  it('a lead turns it on for a channel and an emoji', async () => {
    const res = await t.slash(LEAD, `intake <#${TEAM_CHANNEL}|team> :ticket:`);
    expect(res.body.text).toContain(`Reaction intake is on in <#${TEAM_CHANNEL}>`);
    expect(JSON.stringify(res.body.blocks)).not.toContain(':warning:');
    expect(await t.db.selectFrom('intake_channels').select(['channel_id', 'emoji']).execute()).toEqual([
      { channel_id: TEAM_CHANNEL, emoji: 'ticket' },
    ]);
  });

  it('another emoji in that channel does nothing', async () => {
    const msg = postInChannel(t, AUTHOR, 'Nice work');
    await t.event(reaction(REACTOR, msg, 'tada'));
    await t.settle();
    expect(offersTo(REACTOR)).toEqual([]);
  });

  it('the emoji offers the reactor a button, files nothing, and the click opens the prefilled form', async () => {
    const msg = postInChannel(t, AUTHOR, 'Could someone run a *retro* for <@U9|ana>’s team?');
    await t.event(reaction(REACTOR, msg, 'ticket::skin-tone-3'));
    await t.settle();
    const [offer] = offersTo(REACTOR);
    expect(offer).toBeDefined();
    expect(offersTo(OTHER)).toEqual([]);
    expect(await t.db.selectFrom('requests').selectAll().execute()).toEqual([]);
    // The same reaction delivered again, or a second reaction: no second offer.
    await t.event(reaction(REACTOR, msg, 'ticket'));
    await t.settle();
    expect(offersTo(REACTOR)).toHaveLength(1);

    // Someone else clicking it (a forwarded payload) opens nothing.
    const opened = t.fake.callsTo('views.open').length;
    await t.click(OTHER, 'intake_file', { message: asMessage(offer!) });
    await t.settle();
    expect(t.fake.callsTo('views.open').length).toBe(opened);
    expect(t.fake.responses.at(-1)?.body.text).toContain('for the person who reacted');

    const seen = viewIds(t);
    await t.click(REACTOR, 'intake_file', { message: asMessage(offer!) });
    const view = await nextModal(t, REACTOR, 'request_modal', seen);
    expect(inputElement(view, FORM.need).initial_value).toBe('Could someone run a retro for @ana’s team?');
    expect(inputElement(view, FORM.link).initial_value).toContain(`/archives/${TEAM_CHANNEL}/p`);
    expect(blockOf(view, 'request_thread_reply')).toBeDefined();
    expect(await t.db.selectFrom('requests').selectAll().execute()).toEqual([]);

    await t.submit(REACTOR, view, {
      [FORM.service]: await serviceId(t, 'Organisational learning'),
      [FORM.project]: 'Team Ana',
      [FORM.need]: String(inputElement(view, FORM.need).initial_value),
      [FORM.value]: 'Lessons the next team can use',
      [FORM.neededBy]: '2026-12-01',
      [FORM.impact]: 'nice_to_have',
      request_thread_reply: ['reply'],
    });
    await t.flush();
    const [request] = await t.db.selectFrom('requests').selectAll().execute();
    expect(request).toMatchObject({ requester_id: REACTOR, origin_channel: TEAM_CHANNEL, origin_ts: msg.ts });
    expect(JSON.stringify(triagePost(t, request!.id).blocks)).toContain('the message it came from');
    expect(t.fake.messagesIn(TEAM_CHANNEL).filter((m) => m.thread_ts === msg.ts)).toHaveLength(1);
  });

  it('turned off, the emoji does nothing there any more', async () => {
    const res = await t.slash(LEAD, `intake off <#${TEAM_CHANNEL}|team>`);
    expect(res.body.text).toContain(`Reaction intake is off in <#${TEAM_CHANNEL}>`);
    const msg = postInChannel(t, AUTHOR, 'Another need');
    await t.event(reaction(OTHER, msg, 'ticket'));
    await t.settle();
    expect(offersTo(OTHER)).toEqual([]);
  });

  it('says so when the app is not in the channel, or may not read reactions', async () => {
    t.fake.removeBotFrom('CNOTIN');
    const notIn = await t.slash(LEAD, 'intake <#CNOTIN|elsewhere> :ticket:');
    expect(JSON.stringify(notIn.body.blocks)).toContain('I am not in that channel yet');
    const scopes = t.fake.scopes;
    t.fake.scopes = scopes.filter((s) => s !== 'reactions:read');
    try {
      const noScope = await t.slash(LEAD, 'intake :ticket:', TEAM_CHANNEL);
      expect(noScope.body.text).toContain(`Reaction intake is on in <#${TEAM_CHANNEL}>`);
      expect(JSON.stringify(noScope.body.blocks)).toContain('reactions:read');
    } finally {
      t.fake.scopes = scopes;
    }
  });

  it('explains itself when the channel or emoji cannot be understood', async () => {
    const byName = await t.slash(LEAD, 'intake #somewhere :ticket:');
    expect(byName.body.text).toContain('can’t look up “#somewhere” by name'.replace('’', "'"));
    const noEmoji = await t.slash(LEAD, `intake <#${TEAM_CHANNEL}|team>`);
    expect(noEmoji.body.text).toContain('intake #channel :emoji:');
  });
});
