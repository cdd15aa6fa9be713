import {
  cleanText,
  dateFrom,
  isBlank,
  isCalendarDate,
  isWebLink,
  optionalDateFrom,
  optionalText,
  requiredText,
  rowId,
  slackChannelId,
  slackUserId,
  wholeNumber,
} from '../../src/lib/input';

/** The input rules every form and service uses. */
describe('input rules', () => {
  it.each([
    ['a\u0000b', 'ab'],
    ['line\r\nbreak\rhere', 'line\nbreak\nhere'],
    ['tab\tkept\nnewline kept', 'tab\tkept\nnewline kept'],
    ['bell\u0007 and del\u007f and c1\u0085', 'bell and del and c1'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
    ['مرحبا \u202eRTL', 'مرحبا \u202eRTL'],
  ])('cleanText(%j) = %j', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it.each([
    ['', true],
    ['   \n\t', true],
    ['\u200b\u200c\u200d\ufeff', true],
    ['\u2060\u00a0\u3000', true],
    ['\u0301', true],
    ['a', false],
    ['مرحبا', false],
    ['🙂', false],
  ])('isBlank(%j) is %s', (text, blank) => {
    expect(isBlank(text)).toBe(blank);
  });

  describe('requiredText', () => {
    const need = requiredText({ what: 'what you need', max: 10 });
    it.each([
      [' hello ', { ok: true, value: 'hello' }],
      ['he\u0000llo', { ok: true, value: 'hello' }],
      ['\u200b\u200b', { ok: false, error: 'Please tell us what you need.' }],
      ['', { ok: false, error: 'Please tell us what you need.' }],
      [null, { ok: false, error: 'Please tell us what you need.' }],
      [42, { ok: false, error: 'Please tell us what you need.' }],
      ['x'.repeat(11), { ok: false, error: 'Please keep this under 10 characters.' }],
      ['x'.repeat(100_000), { ok: false, error: 'Please keep this under 10 characters.' }],
    ])('%j', (raw, expected) => {
      const r = need.safeParse(raw);
      expect(
        r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0]?.message },
      ).toEqual(expected);
    });
  });

  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['\u200b', null],
    [' note ', 'note'],
  ])('optionalText(%j) = %j', (raw, value) => {
    expect(optionalText({ max: 5 }).parse(raw)).toBe(value);
  });

  it('optionalText refuses what is too long and what is not text', () => {
    expect(optionalText({ max: 5 }).safeParse('123456').success).toBe(false);
    expect(optionalText({ max: 5 }).safeParse(7).success).toBe(false);
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['zzzz', false],
    ['2026-1-1', false],
    ['', false],
  ])('isCalendarDate(%j) is %s', (date, ok) => {
    expect(isCalendarDate(date)).toBe(ok);
  });

  describe('dateFrom(today)', () => {
    const today = '2026-11-24';
    it.each([
      ['2026-11-24', true, 'today'],
      ['2026-11-23', false, 'in the past'],
      ['2031-11-24', true, 'five years ahead'],
      ['2031-11-25', false, 'beyond five years'],
      ['9999-12-31', false, 'far future'],
      ['2027-02-29', false, 'no such day'],
      ['zzzz', false, 'not a date'],
    ])('%s → %s (%s)', (date, ok) => {
      expect(dateFrom(today).safeParse(date).success).toBe(ok);
    });
    it('with `after`, today itself is too early', () => {
      expect(dateFrom(today, { after: true }).safeParse(today).success).toBe(false);
      expect(dateFrom(today, { after: true }).safeParse('2026-11-25').success).toBe(true);
    });
    it('optional: empty is null, a bad date still an error', () => {
      expect(optionalDateFrom(today).parse(null)).toBeNull();
      expect(optionalDateFrom(today).parse(undefined)).toBeNull();
      expect(optionalDateFrom(today).safeParse('2027-02-29').success).toBe(false);
    });
  });

  it.each([
    ['https://example.com/x', true],
    ['http://intranet/page', true],
    ['javascript:alert(1)', false],
    ['https://', false],
    ['ftp://example.com', false],
    ['https://a.example b', false],
  ])('isWebLink(%j) is %s', (link, ok) => {
    expect(isWebLink(link)).toBe(ok);
  });

  it.each([
    ['42', 42],
    [42, 42],
    ['2147483647', 2147483647],
    ['2147483648', undefined],
    ['99999999999', undefined],
    ['0', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['abc', undefined],
  ])('rowId(%j) = %j', (raw, id) => {
    const r = rowId.safeParse(raw);
    expect(r.success ? r.data : undefined).toBe(id);
  });

  it.each([
    ['U012ABC', true],
    ['W012ABC', true],
    ['UX> <!channel>', false],
    ['u012abc', false],
  ])('slackUserId(%j) is %s', (id, ok) => {
    expect(slackUserId.safeParse(id).success).toBe(ok);
  });

  it.each([
    ['C012ABC', true],
    ['G012ABC', true],
    ['CX> <!channel> <https://evil.example|win', false],
    ['#general', false],
  ])('slackChannelId(%j) is %s', (id, ok) => {
    expect(slackChannelId.safeParse(id).success).toBe(ok);
  });

  it.each([
    ['5', 5],
    [' 7 ', 7],
    [3, 3],
    ['-1', undefined],
    ['101', undefined],
    ['1e309', undefined],
    ['abc', undefined],
    ['2.5', undefined],
    [true, undefined],
  ])('wholeNumber(0, 100)(%j) = %j', (raw, n) => {
    const r = wholeNumber(0, 100, 'Please give a whole number from 0 to 100.').safeParse(raw);
    expect(r.success ? r.data : undefined).toBe(n);
  });
});
