import { channelArg } from '../../src/features/intake/commands';
import { emojiName, mrkdwnToPlain } from '../../src/features/intake/text';
import { describeEstimate, describeHours } from '../../src/features/requests/estimate';

/** The pure rules of intake and the estimate, table-driven. */

describe('mrkdwnToPlain', () => {
  it.each([
    ['*bold* _italic_ ~gone~ `code`', 'bold italic gone code'],
    ['hi <@U123|maria> and <@U456>', 'hi @maria and @U456'],
    ['see <#C1|general> and <#C2>', 'see #general and #channel'],
    ['<!here> <!channel> <!subteam^S1|@design>', '@here @channel @design'],
    [
      '<https://x.example|the doc> and <https://y.example>',
      'the doc (https://x.example) and https://y.example',
    ],
    ['<mailto:a@b.example|a@b.example>', 'a@b.example'],
    ['a &lt;b&gt; &amp; c', 'a <b> & c'],
    ['```\nconst x = 1;\n```', 'const x = 1;'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['line\u0000with NUL', 'linewith NUL'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(mrkdwnToPlain(input, 2000)).toBe(expected);
  });

  it('shortens to the limit with an ellipsis', () => {
    const out = mrkdwnToPlain('word '.repeat(100), 20);
    expect(out).toHaveLength(20);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('emojiName', () => {
  it.each([
    [':ticket:', 'ticket'],
    ['ticket', 'ticket'],
    [':thumbsup::skin-tone-2:', 'thumbsup'],
    ['thumbsup::skin-tone-2', 'thumbsup'],
    [':+1:', '+1'],
    [':Ticket:', 'ticket'],
    ['<!channel>', undefined],
    [':two words:', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(emojiName(input)).toBe(expected);
  });
});

describe('channelArg', () => {
  const here = { id: 'CHERE', name: 'team-apollo' };
  it.each([
    [undefined, { ok: true, channel: 'CHERE' }],
    ['<#C0123|general>', { ok: true, channel: 'C0123' }],
    ['<#G0456>', { ok: true, channel: 'G0456' }],
    ['C0789', { ok: true, channel: 'C0789' }],
    ['#team-apollo', { ok: true, channel: 'CHERE' }],
    ['#elsewhere', { ok: false, problem: expect.stringContaining('#elsewhere') }],
    ['<#D0123|dm>', { ok: false, problem: expect.any(String) }],
  ])('%j → %j', (word, expected) => {
    expect(channelArg(word, here)).toEqual(expected);
  });
});

describe('describeHours and describeEstimate', () => {
  it.each([
    [0.5, 'under an hour'],
    [1, 'about 1 hour'],
    [7.6, 'about 8 hours'],
    [35, 'about 35 hours'],
    [96, 'about 4 days'],
    [24 * 20, 'about 3 weeks'],
  ])('%d hours → %j', (hours, text) => {
    expect(describeHours(hours)).toBe(text);
  });

  it('says what it does not know rather than guessing', () => {
    expect(describeEstimate({ asked: 3, claimHours: null, deliverHours: null, available: 0 })).toMatch(
      /not enough history yet .*Nobody on the PMO team lists this skill/,
    );
    expect(describeEstimate({ asked: 9, claimHours: 5, deliverHours: null, available: 1 })).toContain(
      'picked up in about 5 hours (median); delivery times: not enough history yet. 1 member with this skill is available now.',
    );
  });
});
