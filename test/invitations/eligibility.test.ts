import { type EligibilityFacts, eligibility, usedOfCap } from '../../src/features/invitations/eligibility';

/** The one rule the audience preview and the send-time check share. */
describe('invitation eligibility', () => {
  const NOW = new Date('2026-11-24T23:30:00Z'); // Tuesday 23:30 in UTC, already Wednesday in Tokyo
  const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
    consented: true,
    deactivated: false,
    pausedUntil: null,
    cap: 'two_per_month',
    reservations: [],
    ...over,
  });
  const ago = (ms: number) => new Date(NOW.getTime() - ms);
  const DAY = 86_400_000;

  it.each([
    ['eligible', facts(), 'UTC', { ok: true }],
    ['no consent', facts({ consented: false }), 'UTC', { ok: false, reason: 'no_consent' }],
    [
      'deactivated (before anything else)',
      facts({ deactivated: true, consented: false }),
      'UTC',
      { ok: false, reason: 'deactivated' },
    ],
    ['paused until tomorrow', facts({ pausedUntil: '2026-11-25' }), 'UTC', { ok: false, reason: 'paused' }],
    [
      'paused until today: invited again from today',
      facts({ pausedUntil: '2026-11-24' }),
      'UTC',
      { ok: true },
    ],
    // The pause ends at the start of the recipient's day: in Tokyo it is already the 25th.
    ['paused until the 25th, in Tokyo', facts({ pausedUntil: '2026-11-25' }), 'Asia/Tokyo', { ok: true }],
    [
      'paused until the 25th, in New York',
      facts({ pausedUntil: '2026-11-25' }),
      'America/New_York',
      { ok: false, reason: 'paused' },
    ],
    [
      'at the cap (2 a month)',
      facts({ reservations: [ago(DAY), ago(2 * DAY)] }),
      'UTC',
      { ok: false, reason: 'cap' },
    ],
    ['one under the cap', facts({ reservations: [ago(DAY)] }), 'UTC', { ok: true }],
    [
      'a reservation exactly a window ago no longer counts',
      facts({ cap: 'one_per_week', reservations: [ago(7 * DAY)] }),
      'UTC',
      { ok: true },
    ],
    [
      'a reservation a millisecond inside the window counts',
      facts({ cap: 'one_per_week', reservations: [ago(7 * DAY - 1)] }),
      'UTC',
      { ok: false, reason: 'cap' },
    ],
    [
      'one a month: a reservation 29 days ago counts',
      facts({ cap: 'one_per_month', reservations: [ago(29 * DAY)] }),
      'UTC',
      { ok: false, reason: 'cap' },
    ],
    [
      'one a month: 31 days ago does not',
      facts({ cap: 'one_per_month', reservations: [ago(31 * DAY)] }),
      'UTC',
      { ok: true },
    ],
  ] as const)('%s', (_what, f, tz, expected) => {
    expect(eligibility(f, NOW, tz)).toEqual(expected);
  });

  it('counts only reservations inside the window', () => {
    expect(usedOfCap('two_per_month', [ago(30 * DAY), ago(30 * DAY - 1), ago(1)], NOW)).toBe(2);
  });
});
