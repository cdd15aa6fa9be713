import { chartAltText } from '../../src/features/digest/chart';
import { historyBounds, median } from '../../src/features/digest/history';

describe('the 8-week median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[1, 2, 3, 0, 4, 2, 1, 3], 2],
    [[0, 1, 1, 0, 2, 2, 1, 1], 1],
    [[5, 1], 3],
    [[3.5, 3.75], 3.625],
  ])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('the 8 weeks of the digest', () => {
  it('end where the digest period ends, in local days across a DST change', () => {
    // Monday 23 Nov 2026, Paris; summer time ended on 25 Oct
    const { bounds, firstDays } = historyBounds(new Date('2026-11-23T08:00:00Z'), 'Europe/Paris');
    expect(firstDays).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    expect(bounds[0]?.toISOString()).toBe('2026-09-27T22:00:00.000Z'); // midnight, summer time
    expect(bounds[8]?.toISOString()).toBe('2026-11-22T23:00:00.000Z'); // midnight, winter time
  });
});

describe('the chart’s alt text', () => {
  it('stays within Slack’s 1,000 characters with many long service names, saying how many it left out', () => {
    const alt = chartAltText({
      firstDay: '2026-11-16',
      lastDay: '2026-11-22',
      weeks: Array.from({ length: 8 }, (_, i) => ({
        firstDay: '2026-11-16',
        requests: 1000 + i,
        delivered: 900 + i,
        averageValue: null,
      })),
      services: Array.from({ length: 60 }, (_, i) => ({
        name: `Service ${i} ${'x'.repeat(60)}`,
        demand: i,
        skills: 1,
      })),
    });
    expect(alt.length).toBeLessThanOrEqual(1000);
    expect(alt).toMatch(/and \d+ more\.$/);
    expect(alt).toContain('average value out of 5 none, none');
  });
});
