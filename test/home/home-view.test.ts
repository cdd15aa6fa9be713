import type { RequestStatus } from '../../src/db/schema';
import type { DigestData, PeriodFigures } from '../../src/features/digest/service';
import { renderHome, renderHomeListModal } from '../../src/features/home/blocks';
import type { HomeModel } from '../../src/features/home/service';
import { summariseLibrary } from '../../src/features/library/figures';
import type { RequestWithService } from '../../src/features/requests/blocks/common';
import { translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';

/** The Home view on its own: the fullest possible lead's Home stays valid and within 100 blocks. */

const now = new Date('2026-11-24T10:00:00Z');
const long = (s: string) => `${s} <!channel> ${'x'.repeat(3000)}`;

function request(id: number, status: RequestStatus, owner: string | null = null): RequestWithService {
  return {
    id,
    submission_key: `k${id}`,
    requester_id: 'ULEAD1',
    service_id: 1,
    service_name: long('Service'),
    project: long('Project'),
    need: 'n',
    expected_value: 'v',
    needed_by: '2026-11-01',
    impact: 'important',
    link: null,
    status,
    owner_id: owner,
    triage_channel: null,
    triage_ts: null,
    delivery_note: null,
    delivery_links: null,
    decline_reason: null,
    created_at: now,
    updated_at: now,
    claimed_at: null,
    started_at: null,
    delivered_at: status === 'delivered' ? now : null,
    closed_at: null,
    origin_channel: null,
    origin_ts: null,
    origin_permalink: null,
    first_response_due: null,
    nudge_at: null,
    delivery_due: null,
    first_response_at: null,
    team_id: null,
    team_name: null,
    enterprise_id: null,
  };
}

const figures: PeriodFigures = {
  newRequests: 12,
  delivered: 7,
  declined: 1,
  medianHoursToClaim: 3,
  medianHoursToDeliver: 50,
  answers: 4,
  averageRating: 4.25,
  optIns: 3,
  optOuts: 1,
  invitationsSent: 10,
  rsvpYes: 4,
  repeatRequesters: 2,
};

const many = (n: number, status: RequestStatus, owner: string | null = null) =>
  Array.from({ length: n }, (_, i) => request(1000 + i, status, owner));

function fullestModel(): HomeModel {
  const digest: DigestData = {
    period: {
      previousStart: now,
      start: now,
      end: now,
      firstDay: '2026-11-17',
      lastDay: '2026-11-23',
      runKey: '2026-11-17',
    },
    current: figures,
    previous: figures,
    history: { weeks: [], medianHoursToClaim: null, medianHoursToDeliver: null },
    benefits: [],
    services: [],
    unclaimed: 200,
    oldestWaiting: null,
    inProgress: 30,
    distribution: [0, 0, 1, 1, 2],
    comments: [],
    optedInByTopic: Array.from({ length: 30 }, (_, i) => ({ topic: long(`Topic ${i}`), people: i })),
    // The library at its fullest: every list full, every title typed to the limit and hostile.
    library: summariseLibrary({
      published: 10_000,
      drafts: 400,
      stale: 90,
      newlyPublished: 12,
      adoptions: 80,
      adoptionsBefore: 60,
      useful: 300,
      notUseful: 20,
      avoided: 40,
      avoidedBefore: 30,
      draftList: Array.from({ length: 5 }, (_, i) => ({
        id: 100 + i,
        kind: 'lesson' as const,
        title: long(`Draft ${i}`),
        ownerId: 'UM1',
      })),
      mostUsed: Array.from({ length: 3 }, (_, i) => ({
        id: 200 + i,
        kind: 'template' as const,
        title: long(`Used ${i}`),
        adoptions: 90 - i,
        recent: 3,
      })),
      misses: Array.from({ length: 5 }, (_, i) => ({ words: long(`miss ${i}`).slice(0, 200), count: 9 - i })),
    }),
  };
  return {
    userId: 'ULEAD1',
    role: 'lead',
    now,
    today: '2026-11-24',
    command: '/pmo',
    requests: [...many(50, 'new'), ...many(50, 'delivered', 'UM1')],
    checkin: {
      subject: { checkinId: 9, kind: 'delivery', service: long('S'), project: long('P'), requestId: 5 },
      pending: 7,
    },
    consent: {
      topics: Array.from({ length: 40 }, (_, i) => ({
        id: i + 1,
        slug: `t${i}`,
        name: long(`Topic ${i}`),
        description: long('About'),
        retired: false,
        optedIn: i % 2 === 0,
      })),
      cap: 'two_per_month',
      pausedUntil: '2026-12-20',
    },
    coaching: {
      engagement: {
        id: 3,
        coacheeId: 'ULEAD1',
        coachId: 'UM1',
        focus: ['A'],
        goals: long('Goals'),
        cadence: 'weekly',
      },
      status: 'active',
    },
    library: Array.from({ length: 3 }, (_, i) => ({
      id: 300 + i,
      kind: 'playbook' as const,
      title: long(`Pick ${i}`),
      summary: long('Summary'),
    })),
    catalogue: Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      name: long(`Service ${i}`),
      description: long('Does things'),
      retired: false,
    })),
    member: {
      queue: { items: many(100, 'new'), total: 5000 },
      mine: { items: [...many(50, 'claimed', 'ULEAD1'), ...many(50, 'in_progress', 'ULEAD1')], total: 300 },
      overdue: { items: many(100, 'in_progress', 'UM2'), total: 700 },
      coachees: Array.from({ length: 20 }, (_, i) => ({
        id: i,
        coacheeId: `UC${i}`,
        coachId: 'ULEAD1',
        focus: [long('F')],
        goals: long('G'),
        cadence: 'weekly',
      })),
    },
    lead: { digest, asOf: new Date('2026-11-24T09:58:00Z'), timeZone: 'Europe/London' },
  };
}

describe('the Home view', () => {
  it('the fullest lead Home is valid Block Kit within 100 blocks, user text escaped', () => {
    const view = renderHome(translatorFor('en'), fullestModel(), `A notice ${'x'.repeat(3000)}`);
    const problems = validateSurface('home', view as unknown as Record<string, unknown>);
    expect(problems).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('Show more (4,995 more)');
    expect(text).toContain('Average value');
    expect(text).toContain('4.3 / 5');
    expect(text).toContain('Invitations are paused until *<!date^');
    expect(text).toContain('{date_short}|Dec 20, 2026>*');
    // the library's review queue and the person's picks fit too
    expect(text).toContain('400 drafts wait for a lead');
    expect(text).toContain('and 397 more');
    expect(text).toContain('From the PMO library');
    expect(text).not.toContain('Some sections did not fit');
  });

  it('each Show more modal is valid, within 100 blocks, and says how many did not fit', () => {
    const model = fullestModel();
    for (const list of ['requests', 'queue', 'mine', 'overdue', 'catalogue'] as const) {
      const modal = renderHomeListModal(translatorFor('en'), model, list);
      expect(validateSurface('modal', modal as unknown as Record<string, unknown>)).toEqual([]);
      expect(modal.blocks.length).toBeLessThanOrEqual(100);
    }
    expect(JSON.stringify(renderHomeListModal(translatorFor('en'), model, 'queue').blocks)).toContain(
      'and 4,910 more',
    );
  });
});
