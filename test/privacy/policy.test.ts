import {
  hoursBetween,
  isAnonymousMarker,
  neutraliseCell,
  newErasureMarker,
} from '../../src/features/privacy/policy';
import { mentionedUser } from '../../src/lib/input';

describe('privacy rules', () => {
  it.each([
    ['<@U123ABC|alice>', 'U123ABC'],
    ['<@W0AB12>', 'W0AB12'],
    ['U123ABC', 'U123ABC'],
    ['  <@U123ABC|a b>  ', 'U123ABC'],
    ['@alice', undefined],
    ['<@U1|a> <@U2|b>', undefined],
    ['<#C123|general>', undefined],
    ['', undefined],
  ])('the person named in %j is %s', (text, id) => {
    expect(mentionedUser(text)).toBe(id);
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+33 1 23', "'+33 1 23"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('a cell %j becomes %j', (cell, out) => {
    expect(neutraliseCell(cell)).toBe(out);
  });

  it('markers are one per person, and never messaged', () => {
    const a = newErasureMarker();
    expect(a).toMatch(/^ERASED-[0-9A-F]{12}$/);
    expect(newErasureMarker()).not.toBe(a);
    expect(isAnonymousMarker(a)).toBe(true);
    expect(isAnonymousMarker('ANON-0123456789AB')).toBe(true);
    expect(isAnonymousMarker('U123')).toBe(false);
    expect(isAnonymousMarker(null)).toBe(false);
  });

  it('hours between two instants, one decimal', () => {
    expect(hoursBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T01:30:00Z'))).toBe(1.5);
    expect(hoursBetween(new Date('2026-01-01T00:00:00Z'), null)).toBeUndefined();
  });
});
