import type { Database } from '../src/db/client';
import type { LibraryKind } from '../src/db/schema';
import {
  addEntry,
  adoptEntry,
  entryChoices,
  entryFormSchema,
  moveEntry,
  rateEntry,
} from '../src/features/library/service';
import { localDate } from '../src/lib/calendar';

/**
 * The PMO library a newcomer finds in the sandbox: a dozen entries of every kind, written,
 * published, adopted and rated through the library's own service, dated in the recent past so
 * search, Home and the digest have something real to show. One draft waits for a lead's review;
 * one entry is long past its review date (stale).
 */

const DAY_MS = 86_400_000;

interface SeedEntry {
  kind: LibraryKind;
  title: string;
  summary: string;
  body: string;
  link?: string;
  topics: string[];
  services: string[];
  owner: string;
  /** Written this many days before the seed runs. */
  daysAgo: number;
  /** Left as a draft for a lead to review. */
  draft?: boolean;
  adoptions?: { user: string; team: string; daysAgo: number }[];
  ratings?: { user: string; useful: boolean; comment?: string; daysAgo: number }[];
}

const PUBLISHER = 'UAMARA';

export const SEED_ENTRIES: readonly SeedEntry[] = [
  {
    kind: 'template',
    title: 'Risk register template',
    summary:
      'A one-sheet register for the risks a project reviews every fortnight: cause, effect, owner, score and the response agreed.',
    body: [
      '*Columns*',
      '• *Risk*: "Because of <cause>, <event> may happen, leading to <effect>"',
      '• *Owner*: one named person, never a team',
      '• *Likelihood* and *impact* (1–5, see the risk scoring standard) and their product',
      '• *Response*: avoid, reduce, transfer or accept, with the next action and its date',
      '',
      '*How teams use it*',
      'Review the top five at every steering meeting; close a risk only when its owner says so.',
    ].join('\n'),
    link: 'https://intranet.example.com/pmo/templates/risk-register.xlsx',
    topics: ['templates-tools-news'],
    services: ['tools-templates'],
    owner: 'UAMARA',
    daysAgo: 41,
    adoptions: [
      { user: 'USAM', team: 'Orion checkout squad', daysAgo: 24 },
      { user: 'UMEI', team: 'Payments platform v2', daysAgo: 19 },
      { user: 'UTOM', team: 'Finance shared services', daysAgo: 5 },
    ],
    ratings: [
      { user: 'USAM', useful: true, comment: 'Our sponsor reads it in two minutes.', daysAgo: 23 },
      { user: 'UMEI', useful: true, daysAgo: 18 },
      { user: 'UTOM', useful: true, daysAgo: 5 },
    ],
  },
  {
    kind: 'template',
    title: 'RAID log for delivery teams',
    summary:
      'Risks, assumptions, issues and dependencies on one board, with a weekly fifteen-minute review built in.',
    body: [
      '*Four tabs, one rhythm*',
      '• *Risks*: what might happen; scored, owned, with a response',
      '• *Assumptions*: what we take as true, and by when we will know',
      '• *Issues*: what has happened and who is fixing it',
      '• *Dependencies*: what we need from other teams, and the date we need it',
      '',
      '_Tip_: move an assumption that turned out false straight into issues, so nothing is lost.',
    ].join('\n'),
    topics: ['templates-tools-news'],
    services: ['tools-templates'],
    owner: 'UPRIYA',
    daysAgo: 37,
    adoptions: [{ user: 'UMEI', team: 'Mobile app squad', daysAgo: 2 }],
    ratings: [{ user: 'UMEI', useful: true, comment: 'The dependency tab saved our sprint.', daysAgo: 2 }],
  },
  {
    kind: 'template',
    title: 'Fortnightly status report',
    summary:
      'A status report in five headings for programme boards: progress, next two weeks, risks, decisions needed, help wanted.',
    body: [
      '*Five headings, half a page*',
      '1. Progress against the last report',
      '2. The next two weeks',
      '3. Top three risks (from the risk register)',
      '4. Decisions the board must take, with a date',
      '5. Help wanted',
    ].join('\n'),
    topics: ['templates-tools-news'],
    services: ['tools-templates'],
    owner: 'UJONAS',
    // Written long ago and never reviewed since: shown as stale.
    daysAgo: 240,
    ratings: [
      {
        user: 'UTOM',
        useful: false,
        comment: 'Our board now wants the decisions first; worth a refresh.',
        daysAgo: 9,
      },
    ],
  },
  {
    kind: 'standard',
    title: 'Risk scoring standard',
    summary:
      'One way to score risks across the portfolio: likelihood and impact from 1 to 5, with the words that anchor each level.',
    body: [
      '*Likelihood*: 1 rare (under 10%) · 2 unlikely · 3 possible · 4 likely · 5 almost certain (over 90%)',
      '*Impact*: 1 negligible · 2 minor (a week) · 3 moderate (a milestone) · 4 major (a release or budget line) · 5 severe (the programme)',
      '',
      '*Score* = likelihood × impact. 15 and above goes to the steering meeting; 20 and above the sponsor hears about the same day.',
    ].join('\n'),
    topics: ['templates-tools-news'],
    services: ['standards-development'],
    owner: 'UJONAS',
    daysAgo: 35,
    adoptions: [{ user: 'USAM', team: 'Orion checkout squad', daysAgo: 20 }],
    ratings: [{ user: 'USAM', useful: true, daysAgo: 20 }],
  },
  {
    kind: 'standard',
    title: 'Release readiness checklist',
    summary:
      'The questions a team answers before a production release: tested, reversible, supported, communicated.',
    body: [
      '*Before go-live, every answer is yes*',
      '• Acceptance tests pass and the product owner has signed off',
      '• The rollback has been rehearsed, and someone has timed it',
      '• The service desk has the known-issues list and the escalation path',
      '• Users affected know what changes, when, and where to ask',
    ].join('\n'),
    topics: ['templates-tools-news'],
    services: ['standards-development'],
    owner: 'UAMARA',
    daysAgo: 30,
    adoptions: [
      { user: 'USAM', team: 'Orion checkout squad', daysAgo: 8 },
      { user: 'UMEI', team: 'Data platform migration', daysAgo: 11 },
    ],
    ratings: [
      { user: 'USAM', useful: true, daysAgo: 8 },
      {
        user: 'UMEI',
        useful: true,
        comment: 'The rehearsed rollback question is the one that matters.',
        daysAgo: 11,
      },
    ],
  },
  {
    kind: 'playbook',
    title: 'Stakeholder mapping in one workshop',
    summary:
      'Map influence and interest in 90 minutes, agree who engages whom, and leave with an engagement plan.',
    body: [
      '*Before*: list everyone the change touches, with the project team (15 min of prep each).',
      '*In the room*',
      '1. Place each stakeholder on the influence/interest grid',
      '2. For the top-right corner: what do they need to hear, from whom, how often?',
      '3. Name one owner per stakeholder',
      '*After*: the engagement plan goes into the status report, reviewed monthly.',
    ].join('\n'),
    topics: ['change-clinics'],
    services: ['stakeholder-management'],
    owner: 'UPRIYA',
    daysAgo: 33,
    adoptions: [{ user: 'UMEI', team: 'Payments platform v2', daysAgo: 20 }],
    ratings: [{ user: 'UMEI', useful: true, daysAgo: 20 }],
  },
  {
    kind: 'playbook',
    title: 'Change impact assessment',
    summary:
      'Who is affected by a change, how much, and what support each group needs: a playbook for the first two weeks.',
    body: [
      '*Steps*',
      '• List the groups affected (roles, not names) and what changes for each: process, tools, skills, reporting line',
      '• Rate each change low / medium / high for the group',
      '• For every high: a named change agent, training, and a date to check how it landed',
      '',
      '_Pairs well with_ the stakeholder mapping workshop.',
    ].join('\n'),
    topics: ['change-clinics'],
    services: ['change-management'],
    owner: 'UPRIYA',
    daysAgo: 28,
    adoptions: [{ user: 'UTOM', team: 'Finance shared services', daysAgo: 4 }],
  },
  {
    kind: 'playbook',
    title: 'Running a blameless retrospective',
    summary:
      'A retrospective format that finds causes rather than culprits, for the end of a phase or after an incident.',
    body: [
      '*Ground rule*: everyone did the best they could with what they knew at the time.',
      '*Agenda (60 min)*',
      '1. Timeline of what happened, built together (15)',
      '2. What helped, what hurt (20)',
      '3. Three causes worth fixing, each with an owner (20)',
      '4. What we tell other teams: the lesson, in two sentences (5)',
    ].join('\n'),
    topics: ['lessons-learned'],
    services: ['organisational-learning'],
    owner: 'UJONAS',
    daysAgo: 26,
    adoptions: [{ user: 'UMEI', team: 'Data platform migration', daysAgo: 12 }],
    ratings: [{ user: 'UMEI', useful: true, daysAgo: 12 }],
  },
  {
    kind: 'training',
    title: 'Risk management essentials: a 90-minute workshop',
    summary: 'Slides, exercises and facilitator notes to teach a team to spot, score and own its risks.',
    body: [
      '*For*: new project managers and product owners, 6–12 people.',
      '*Covers*: writing a risk as cause → event → effect, scoring with the risk scoring standard, choosing a response, keeping the register alive.',
      '*Exercise*: the team scores five risks from its own project, then compares scores and talks about the differences.',
    ].join('\n'),
    link: 'https://intranet.example.com/pmo/training/risk-essentials',
    topics: ['training-workshops'],
    services: ['training-mentoring'],
    owner: 'UPRIYA',
    daysAgo: 22,
    ratings: [
      {
        user: 'USAM',
        useful: true,
        comment: 'Ran it with my squad; the scoring debate was gold.',
        daysAgo: 6,
      },
    ],
  },
  {
    kind: 'training',
    title: 'A four-week mentoring path for new product owners',
    summary:
      'Week by week: backlog, stakeholders, planning and reviews, each with a mentor conversation and a small practice task.',
    body: [
      '*Week 1*: the backlog as a conversation, not a list',
      '*Week 2*: who needs what from you (a first stakeholder map)',
      '*Week 3*: planning with the team, and saying no kindly',
      '*Week 4*: a review that sponsors want to attend',
      '',
      'Each week ends with 30 minutes with the mentor.',
    ].join('\n'),
    topics: ['mentoring', 'training-workshops'],
    services: ['training-mentoring'],
    owner: 'UPRIYA',
    daysAgo: 20,
    adoptions: [{ user: 'USAM', team: 'Orion product squad', daysAgo: 10 }],
  },
  {
    kind: 'lesson',
    title: 'Lesson: rehearse the cut-over rollback, not only the cut-over',
    summary:
      'The data platform migration rehearsed its cut-over twice and its rollback never; when it was needed, it took nine hours instead of one.',
    body: [
      '*What happened*: the new platform failed a reconciliation check an hour after go-live. The rollback had never been run end to end.',
      '*What we changed*: the release readiness checklist now asks for a timed rollback rehearsal.',
      '*Ask*: <@UMEI> for the runbook.',
    ].join('\n'),
    topics: ['lessons-learned'],
    services: ['organisational-learning'],
    owner: 'UJONAS',
    daysAgo: 14,
    ratings: [
      { user: 'USAM', useful: true, daysAgo: 7 },
      { user: 'UTOM', useful: true, daysAgo: 3 },
    ],
  },
  {
    kind: 'lesson',
    title: 'Lesson: steering meetings that only report status lose their sponsors',
    summary:
      'Two programmes saw sponsors stop attending; both had turned steering into a status read-out. Bringing decisions to the top of the agenda brought them back.',
    body: [
      '*Signal*: sponsors sending delegates, decisions taken by e-mail afterwards.',
      '*Fix*: the agenda opens with the decisions needed; status goes in the pre-read.',
      '*Result*: attendance back within a month, decisions taken in the room.',
    ].join('\n'),
    topics: ['lessons-learned', 'executive-coaching'],
    services: ['executive-coaching', 'stakeholder-management'],
    owner: 'UAMARA',
    daysAgo: 10,
    ratings: [{ user: 'UTOM', useful: true, comment: 'Exactly what our board needed to hear.', daysAgo: 4 }],
  },
  {
    kind: 'lesson',
    title: 'Lesson: vendor dependencies belong on the risk register from week one',
    summary:
      'The finance shared-services move waited three weeks on a vendor interface nobody had written down as a dependency.',
    body: [
      '*What happened*: the vendor’s interface release slipped; the project learnt of it at integration.',
      '*What we suggest*: every external deliverable goes on the RAID log’s dependencies tab at kick-off, with a date and an owner on both sides.',
    ].join('\n'),
    topics: ['lessons-learned'],
    services: ['organisational-learning'],
    owner: 'UPRIYA',
    daysAgo: 1,
    draft: true,
  },
];

/**
 * Seeds the library once: when it already has entries (a restarted sandbox, or a person who
 * added their own), nothing is added. Returns how many entries it wrote.
 */
export async function seedLibrary(db: Database, now: Date, timeZone: string): Promise<number> {
  const existing = await db.selectFrom('library_entries').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const choices = await entryChoices(db);
  const schema = entryFormSchema({
    topics: choices.topics.map((t) => t.slug),
    services: choices.services.map((s) => s.slug),
  });
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY_MS + hours * 3_600_000);
  for (const seed of SEED_ENTRIES) {
    const written = ago(seed.daysAgo);
    // The same rules as the form: a seed that breaks them fails here, not in front of a newcomer.
    const form = schema.parse({
      kind: seed.kind,
      title: seed.title,
      summary: seed.summary,
      body: seed.body,
      link: seed.link ?? null,
      topics: seed.topics,
      services: seed.services,
    });
    const entry = await addEntry(db, seed.owner, form, localDate(written, timeZone), written);
    if (seed.draft) continue;
    await moveEntry(db, PUBLISHER, entry.id, 'published', ago(seed.daysAgo, 3));
    for (const a of seed.adoptions ?? []) await adoptEntry(db, a.user, entry.id, a.team, ago(a.daysAgo));
    for (const r of seed.ratings ?? [])
      await rateEntry(db, r.user, entry.id, r.useful, r.comment ?? null, ago(r.daysAgo));
  }
  return SEED_ENTRIES.length;
}
