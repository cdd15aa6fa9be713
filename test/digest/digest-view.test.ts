import { duration, periodLabel, renderDigest, trend } from '../../src/features/digest/blocks';
import { type DigestData, digestPeriod } from '../../src/features/digest/service';
import { validateSurface } from '../../src/slack/kit/limits';

describe('digest periods in the PMO time zone', () => {
  it('a Monday digest covers the 7 whole local days before, and the 7 before those', () => {
    const p = digestPeriod(new Date('2026-11-23T08:00:00Z'), 'Europe/Paris');
    expect(p).toEqual({
      previousStart: new Date('2026-11-08T23:00:00Z'),
      start: new Date('2026-11-15T23:00:00Z'),
      end: new Date('2026-11-22T23:00:00Z'),
      firstDay: '2026-11-16',
      lastDay: '2026-11-22',
      runKey: '2026-11-16',
    });
  });

  it('a week containing the autumn change is 169 hours long, and the slot is still one per week', () => {
    const p = digestPeriod(new Date('2026-10-26T08:00:00Z'), 'Europe/Paris');
    expect(p.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((p.end.getTime() - p.start.getTime()) / 3_600_000).toBe(169);
    // a tick an hour later (or on the other replica) lands in the same slot
    expect(digestPeriod(new Date('2026-10-26T09:00:00Z'), 'Europe/Paris').runKey).toBe(p.runKey);
  });

  it('a week containing the spring change is 167 hours long', () => {
    const p = digestPeriod(new Date('2026-03-30T07:00:00Z'), 'Europe/Paris');
    expect([p.firstDay, p.lastDay]).toEqual(['2026-03-23', '2026-03-29']);
    expect((p.end.getTime() - p.start.getTime()) / 3_600_000).toBe(167);
  });
});

describe('digest formatting', () => {
  it('shows trends with ▲▼ and the delta', () => {
    expect([trend(5, 3), trend(2, 4), trend(4, 4)]).toEqual(['5 (▲2)', '2 (▼2)', '4 (=)']);
    expect([duration(3), duration(47.94), duration(108)]).toEqual(['3 h', '47.9 h', '4.5 d']);
    expect(periodLabel('2026-10-26', '2026-11-01')).toBe('26 Oct – 1 Nov 2026');
    expect(periodLabel('2026-12-28', '2027-01-03')).toBe('28 Dec 2026 – 3 Jan 2027');
  });

  it('stays within Slack’s limits with a large catalogue, many topics and long comments', () => {
    const many = Array.from({ length: 60 }, (_, i) => i);
    const data: DigestData = {
      period: digestPeriod(new Date('2026-11-23T08:00:00Z'), 'UTC'),
      history: { weeks: [], medianHoursToClaim: null, medianHoursToDeliver: null },
      benefits: many.map((i) => ({
        name: `Service number ${i} ${'with a long name '.repeat(4)}`,
        delivered: i,
        ratings: i,
        averageRating: 4.2,
        realised: { yes: i, partly: 1, not_yet: 0, no: 2 },
        realisedPeople: 5,
        quotes: ['x'.repeat(1000), 'y'.repeat(1000), 'z'.repeat(1000)],
      })),
      current: {
        newRequests: 900,
        delivered: 400,
        declined: 12,
        medianHoursToClaim: 3,
        medianHoursToDeliver: 200,
        answers: 300,
        averageRating: 4.2,
        optIns: 50,
        optOuts: 2,
        invitationsSent: 5000,
        rsvpYes: 1234,
        repeatRequesters: 80,
      },
      previous: {
        newRequests: 800,
        delivered: 420,
        declined: 10,
        medianHoursToClaim: null,
        medianHoursToDeliver: 150,
        answers: 0,
        averageRating: null,
        optIns: 0,
        optOuts: 0,
        invitationsSent: 0,
        rsvpYes: 0,
        repeatRequesters: 70,
      },
      services: many.map((i) => ({
        name: `Service <${i}> & co ${'x'.repeat(60)}`,
        current: i,
        previous: 60 - i,
        members: i % 3,
      })),
      unclaimed: 40,
      oldestWaiting: { requestId: 17, createdAt: new Date('2026-10-01T00:00:00Z') },
      inProgress: 70,
      distribution: [10, 20, 30, 40, 200],
      comments: many.slice(0, 10).map((i) => `${i} ${'long comment '.repeat(100)}`),
      optedInByTopic: many.map((i) => ({ topic: `Topic ${i} ${'y'.repeat(80)}`, people: i })),
    };
    const { main, thread } = renderDigest(data, new Date('2026-11-23T08:00:00Z'), { quiet: false });
    expect(validateSurface('message', main as never)).toEqual([]);
    expect(validateSurface('message', thread as never)).toEqual([]);
    expect(main.blocks.length).toBeLessThanOrEqual(6);
    expect(JSON.stringify(main)).not.toMatch(/<\d+>/);
    const supply = JSON.stringify(thread?.blocks.at(-1));
    expect(supply).toMatch(/… and \d+ more/);
    expect(supply).not.toMatch(/&[a-z]{0,3}…/);
  });
});
