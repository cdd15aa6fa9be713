import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import { ManualClock } from '../src/clock';
import type { Deps } from '../src/deps';
import {
  createDueCheckins,
  recordDetails,
  recordRating,
  sendDueCheckins,
} from '../src/features/checkins/service';
import { optIn, topicBySlug } from '../src/features/consent';
import type { RequestForm } from '../src/features/requests';
import { submitRequest, syncTriagePost } from '../src/features/requests';
import {
  cancelRequest,
  claimRequest,
  closeRequest,
  declineRequest,
  deliverRequest,
  startRequest,
} from '../src/features/requests/lifecycle';
import { answerQuestion, askQuestion } from '../src/features/requests/service';
import { findJob, runJob, type ScheduledJob } from '../src/jobs/registry';
import { personalHours } from '../src/lib/working-calendar';
import { CAST } from './cast';

/**
 * A few weeks of the PMO's life, made through the app's own services at the moments they
 * happened: requests filed by the cast across services and taken through every state, check-ins
 * asked in the requester's working hours and answered, an audience opted in to topics, and last
 * week's digest posted by its job with its chart. Each service runs on a clock set to the event's
 * moment, so every timestamp, target and figure is what the app would have recorded then.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SEED_KEY = (n: number) => `sandbox-seed-${n}`;

type Step =
  | { do: 'claim' | 'start'; by: string; daysAgo: number }
  | { do: 'deliver'; by: string; daysAgo: number; note: string; links?: string[] }
  | { do: 'decline'; by: string; daysAgo: number; reason: string }
  | { do: 'ask'; by: string; daysAgo: number; question: string; answer?: string }
  | { do: 'cancel' | 'close'; daysAgo: number };

interface Story {
  requester: string;
  service: string;
  project: string;
  need: string;
  value: string;
  impact: RequestForm['impact'];
  filedDaysAgo: number;
  steps: Step[];
  /** The requester's answer to the check-in after delivery (asked once it is due). */
  checkin?: { rating: number; whatChanged?: string; couldBeBetter?: string };
}

export const SEED_STORIES: readonly Story[] = [
  {
    requester: 'USAM',
    service: 'tools-templates',
    project: 'Orion checkout revamp',
    need: 'A risk register we can run with the squad and show the sponsor every fortnight.',
    value: 'The sponsor sees the top risks early and the squad stops tracking them in chat threads.',
    impact: 'important',
    filedDaysAgo: 27.2,
    steps: [
      { do: 'claim', by: 'UAMARA', daysAgo: 27 },
      {
        do: 'deliver',
        by: 'UAMARA',
        daysAgo: 25,
        note: 'The risk register set up for Orion, pre-filled with the eight risks from the kick-off, and a 30-minute walkthrough with the squad.',
        links: ['https://intranet.example.com/pmo/templates/risk-register.xlsx'],
      },
      { do: 'close', daysAgo: 17 },
    ],
    checkin: { rating: 5, whatChanged: 'Risks come up in stand-ups now, not after they bite.' },
  },
  {
    requester: 'UMEI',
    service: 'stakeholder-management',
    project: 'Payments platform v2',
    need: 'Help mapping who needs to sign off the new payment flows, across four countries.',
    value: 'No late vetoes from compliance or the country leads; a smoother go-live.',
    impact: 'blocking',
    filedDaysAgo: 24.1,
    steps: [
      { do: 'claim', by: 'UPRIYA', daysAgo: 24 },
      { do: 'start', by: 'UPRIYA', daysAgo: 23.8 },
      {
        do: 'deliver',
        by: 'UPRIYA',
        daysAgo: 21,
        note: 'Stakeholder map and engagement plan from the workshop: 23 stakeholders, six owners, a monthly review.',
      },
    ],
    checkin: { rating: 4, couldBeBetter: 'We would have liked the country leads in the workshop too.' },
  },
  {
    requester: 'USAM',
    service: 'training-mentoring',
    project: 'Orion product squad',
    need: 'A short risk workshop for the squad; half of them have never kept a risk register.',
    value: 'The squad owns its risks instead of waiting for the PMO to chase them.',
    impact: 'important',
    filedDaysAgo: 19,
    steps: [
      { do: 'claim', by: 'UPRIYA', daysAgo: 18.7 },
      {
        do: 'ask',
        by: 'UPRIYA',
        daysAgo: 18.6,
        question: 'Would Thursday afternoon work for the whole squad, or should we split into two groups?',
        answer: 'Thursday works, all eight of us.',
      },
      {
        do: 'deliver',
        by: 'UPRIYA',
        daysAgo: 13,
        note: 'Ran the 90-minute risk essentials workshop with eight people; slides and exercises shared with the squad.',
      },
    ],
    checkin: { rating: 5, whatChanged: 'Every story now names its risks at refinement.' },
  },
  {
    requester: 'UMEI',
    service: 'organisational-learning',
    project: 'Data platform migration',
    need: 'Facilitate the retrospective after the cut-over; emotions are still running high.',
    value: 'Causes fixed rather than blame, and a lesson the next migration can use.',
    impact: 'important',
    filedDaysAgo: 17,
    steps: [
      { do: 'claim', by: 'UJONAS', daysAgo: 16.9 },
      {
        do: 'deliver',
        by: 'UJONAS',
        daysAgo: 11,
        note: 'Blameless retrospective held with 14 people; three actions with owners, and the rollback lesson written up for the library.',
      },
    ],
    checkin: { rating: 4, whatChanged: 'The rollback is now part of our release checklist.' },
  },
  {
    requester: 'UTOM',
    service: 'specialised-task',
    project: 'Group ERP programme',
    need: 'Someone to write the data migration specification for the ERP vendor.',
    value: 'The vendor can start the build on time.',
    impact: 'blocking',
    filedDaysAgo: 16,
    steps: [
      {
        do: 'decline',
        by: 'UJONAS',
        daysAgo: 15.8,
        reason:
          'Thank you for thinking of us. A migration specification needs the vendor’s own data model, so their implementation partner is best placed to write it; we are glad to review it with you, and the RAID log template will help track what they owe you.',
      },
    ],
  },
  {
    requester: 'USAM',
    service: 'standards-development',
    project: 'Orion checkout revamp',
    need: 'A release readiness checklist the squad can agree with operations before each release.',
    value: 'Fewer surprises on release night; operations trust our releases.',
    impact: 'important',
    filedDaysAgo: 9,
    steps: [
      { do: 'claim', by: 'UAMARA', daysAgo: 8.9 },
      { do: 'start', by: 'UAMARA', daysAgo: 8 },
      {
        do: 'deliver',
        by: 'UAMARA',
        daysAgo: 5,
        note: 'The release readiness checklist, agreed with operations in a 45-minute session; first used for the 3.2 release.',
      },
    ],
  },
  {
    requester: 'UMEI',
    service: 'change-management',
    project: 'Support desk re-organisation',
    need: 'Plan the people side of moving the support desk from three shifts to follow-the-sun.',
    value: 'The team stays with us through the change; customers notice nothing but faster answers.',
    impact: 'blocking',
    filedDaysAgo: 7.2,
    steps: [
      { do: 'claim', by: 'UPRIYA', daysAgo: 7 },
      { do: 'start', by: 'UPRIYA', daysAgo: 6 },
      {
        do: 'ask',
        by: 'UPRIYA',
        daysAgo: 5.9,
        question:
          'Has HR confirmed the new shift patterns yet? The impact assessment depends on which roles change.',
      },
    ],
  },
  {
    requester: 'UTOM',
    service: 'change-management',
    project: 'Finance shared services',
    need: 'A change impact assessment for moving accounts payable into the shared-services centre.',
    value: 'Every affected team knows what changes for them, and when, before the move.',
    impact: 'important',
    filedDaysAgo: 6,
    steps: [
      { do: 'claim', by: 'UPRIYA', daysAgo: 5.8 },
      {
        do: 'ask',
        by: 'UPRIYA',
        daysAgo: 5.7,
        question: 'Which countries move in the first wave?',
        answer: 'France and Germany first, Spain in the second wave.',
      },
    ],
  },
  {
    requester: 'USAM',
    service: 'stakeholder-management',
    project: 'Pricing experiment',
    need: 'A quick stakeholder map for the pricing experiment.',
    value: 'Sales and finance hear about the experiment from us, not from customers.',
    impact: 'nice_to_have',
    filedDaysAgo: 4,
    steps: [{ do: 'cancel', daysAgo: 3 }],
  },
  {
    requester: 'UMEI',
    service: 'tools-templates',
    project: 'Mobile app squad',
    need: 'A RAID log we can share with the two vendor teams.',
    value: 'Dependencies on the vendors are visible to both sides before they slip.',
    impact: 'important',
    filedDaysAgo: 3,
    steps: [
      { do: 'claim', by: 'UAMARA', daysAgo: 2.9 },
      {
        do: 'deliver',
        by: 'UAMARA',
        daysAgo: 2,
        note: 'The RAID log, shared with both vendors, with the dependencies tab pre-filled from your plan.',
      },
    ],
  },
  {
    requester: 'UTOM',
    service: 'organisational-design',
    project: 'Retail expansion programme',
    need: 'Advice on setting up a programme office for the retail expansion: roles, cadence and reporting.',
    value: 'The programme starts with clear decision paths instead of inventing them in a crisis.',
    impact: 'important',
    filedDaysAgo: 2,
    steps: [],
  },
  {
    requester: 'USAM',
    service: 'executive-coaching',
    project: 'Orion launch',
    need: 'Coaching for our sponsor ahead of the launch decision; she is new to the role.',
    value: 'A confident go/no-go decision, taken in the room.',
    impact: 'nice_to_have',
    filedDaysAgo: 0.8,
    steps: [],
  },
];

/** Who is opted in to which topics: the audience invitations and library news go to. */
export const SEED_AUDIENCE: readonly { user: string; topics: string[]; daysAgo: number }[] = [
  { user: 'USAM', topics: ['templates-tools-news', 'training-workshops', 'lessons-learned'], daysAgo: 26 },
  {
    user: 'UMEI',
    topics: ['templates-tools-news', 'communities-of-practice', 'lessons-learned'],
    daysAgo: 22,
  },
  { user: 'UTOM', topics: ['change-clinics', 'executive-coaching'], daysAgo: 15 },
];

type Event = { at: Date; run: () => Promise<void> };

/**
 * The most recent weekly digest slot before `now`: Monday 09:00 in the PMO's time zone (the
 * default DIGEST_CRON), so the seeded digest reports last week and the scheduler's next one
 * follows it.
 */
export function lastDigestSlot(now: Date, timeZone: string): Date {
  let t = DateTime.fromJSDate(now, { zone: timeZone }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  while (t.weekday !== 1 || t.toMillis() > now.getTime()) t = t.minus({ days: 1 });
  return t.toJSDate();
}

export interface SeededHistory {
  requests: number;
  checkins: number;
  digest: boolean;
  /** Settles once the history's posts are in the channel and drawn as their requests stand. */
  posted: Promise<void>;
}

/**
 * Plays the history once, on a database without requests; a restarted sandbox (or one a person
 * has already filed requests in) gets nothing more. `client` is the jobs' Web API client.
 */
export async function seedHistory(
  deps: Deps,
  jobs: readonly ScheduledJob[],
  client: WebClient,
): Promise<SeededHistory | undefined> {
  const { db, config } = deps;
  if (await db.selectFrom('requests').select('id').limit(1).executeTakeFirst()) return undefined;
  const now = deps.clock.now();
  const clock = new ManualClock(now);
  // The same app, on a clock set to each event's moment.
  const past: Deps = { ...deps, clock };
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const hours = personalHours(config.checkins);
  const tzOf = (id: string) => CAST.find((c) => c.id === id)?.tz ?? 'UTC';
  const services = new Map(
    (await db.selectFrom('services').select(['id', 'slug']).execute()).map((s) => [s.slug, s.id]),
  );

  const events: Event[] = [];
  for (const who of SEED_AUDIENCE) {
    events.push({
      at: ago(who.daysAgo),
      run: async () => {
        const ids: number[] = [];
        for (const slug of who.topics) {
          const topic = await topicBySlug(db, slug);
          if (topic) ids.push(topic.id);
        }
        await optIn(db, who.user, ids, 'optin_modal', clock.now());
      },
    });
  }

  const ids: number[] = [];
  let checkins = 0;
  SEED_STORIES.forEach((story, index) => {
    let requestId = 0;
    events.push({
      at: ago(story.filedDaysAgo),
      run: async () => {
        const serviceId = services.get(story.service);
        if (serviceId === undefined) throw new Error(`the catalogue has no service ${story.service}`);
        const { request } = await submitRequest(past, client, {
          submissionKey: SEED_KEY(index),
          requesterId: story.requester,
          form: {
            serviceId,
            project: story.project,
            need: story.need,
            value: story.value,
            impact: story.impact,
            neededBy: null,
            link: null,
          },
        });
        requestId = request.id;
        ids.push(request.id);
      },
    });
    for (const step of story.steps) {
      events.push({ at: ago(step.daysAgo), run: () => playStep(past, clock, story, step, () => requestId) });
    }
    const delivered = story.steps.find((s) => s.do === 'deliver');
    if (delivered && story.checkin) {
      const answer = story.checkin;
      // Asked once due, at the first moment of the requester's working hours; answered an hour later.
      const asked = hours.nextWorkingTime(
        new Date(ago(delivered.daysAgo).getTime() + config.checkins.afterDays * DAY_MS),
        tzOf(story.requester),
      );
      if (asked.getTime() + HOUR_MS < now.getTime()) {
        checkins++;
        events.push({
          at: asked,
          run: async () => {
            await createDueCheckins(db, config.checkins, clock.now());
            await sendDueCheckins(past, client, clock.now());
          },
        });
        events.push({
          at: new Date(asked.getTime() + HOUR_MS),
          run: async () => {
            const checkin = await db
              .selectFrom('checkins')
              .select('id')
              .where('request_id', '=', requestId)
              .where('kind', '=', 'delivery')
              .executeTakeFirst();
            if (!checkin) return;
            const rated = await recordRating(past, {
              checkinId: checkin.id,
              userId: story.requester,
              rating: answer.rating,
              now: clock.now(),
            });
            if (rated.status !== 'recorded') return;
            if (answer.whatChanged || answer.couldBeBetter)
              await recordDetails(db, {
                checkinId: checkin.id,
                userId: story.requester,
                whatChanged: answer.whatChanged ?? null,
                couldBeBetter: answer.couldBeBetter ?? null,
                followupAgreed: false,
              });
          },
        });
      }
    }
  });

  const digestJob = findJob(jobs, 'digest');
  const digestAt = lastDigestSlot(now, config.pmo.timezone);
  let digest = false;
  if (digestJob) {
    events.push({
      at: digestAt,
      run: async () => {
        // Through the job runner, so the slot is taken in job_runs and never posted again.
        const outcome = await runJob(digestJob, past, client, clock.now(), 'sandbox-seed');
        digest = outcome.ran;
      },
    });
  }

  // In the order they happened (a stable sort keeps a story's steps in their written order).
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of events) {
    clock.set(e.at);
    await e.run();
  }

  return { requests: ids.length, checkins, digest, posted: showSeededPosts(deps, client, ids) };
}

/**
 * The history's messages go out as the outbox sends any message; then each triage post is drawn
 * as its request stands today (the steps were taken on the services, not on the posts' buttons,
 * so a post sent before its request was claimed still shows Claim). Runs behind the start: the
 * page answers meanwhile and shows the posts as they land.
 */
async function showSeededPosts(deps: Deps, client: WebClient, ids: number[]): Promise<void> {
  try {
    await deps.outbox.drain();
    for (const id of ids) await syncTriagePost(deps, client, id);
  } catch (err) {
    deps.logger.warn({ err }, 'the seeded history could not be shown in full');
  }
}

async function playStep(
  deps: Deps,
  clock: ManualClock,
  story: Story,
  step: Step,
  requestId: () => number,
): Promise<void> {
  const id = requestId();
  const must = async (what: string, result: Promise<{ ok: boolean }>) => {
    if (!(await result).ok) throw new Error(`seeding ${story.project}: ${what} was refused`);
  };
  switch (step.do) {
    case 'claim':
      return must('claim', claimRequest(deps, id, step.by));
    case 'start':
      return must('start', startRequest(deps, id, step.by));
    case 'deliver':
      return must('deliver', deliverRequest(deps, id, step.by, { note: step.note, links: step.links ?? [] }));
    case 'decline':
      return must('decline', declineRequest(deps, id, step.by, step.reason));
    case 'cancel':
      return must('cancel', cancelRequest(deps, id, story.requester));
    case 'close':
      return must('close', closeRequest(deps, id, story.requester));
    case 'ask': {
      const asked = await askQuestion(deps, {
        requestId: id,
        askedBy: step.by,
        question: step.question,
        submissionKey: `${SEED_KEY(id)}-question-${clock.now().getTime()}`,
      });
      if (!asked.ok) throw new Error(`seeding ${story.project}: the question was refused`);
      if (!step.answer) return;
      clock.advance(2 * HOUR_MS);
      return must(
        'the answer',
        answerQuestion(deps, { questionId: asked.questionId, actor: story.requester, answer: step.answer }),
      );
    }
  }
}
