import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { type Translator, translatorFor } from '../../i18n';
import { reference } from '../../lib/request-reference';
import { privacyText } from './messages';
import { collectLibraryData } from './my-data-library';

/**
 * `/pmo my-data`: everything the app keeps about one person, as JSON. Nobody else's personal
 * data is in it: the member who handled a request, asked a question or coached them is "a PMO
 * member" (their id is theirs, not the requester's), and the history says "you" or "the PMO".
 */

export const MY_DATA_FORMAT = 'pmo-concierge.my-data.v1';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The file's keys are machine keys (stable, English); the values written for a person to read
 * (`about`, who did what) are in their language.
 */
export async function collectMyData(
  db: Database,
  userId: string,
  now: Date,
  tr: Translator = translatorFor('en'),
) {
  const t = tr.of(privacyText);
  const by = (actor: string, me: string) => (actor === me ? t('byYou') : t('byThePmo'));
  const [
    profile,
    requests,
    events,
    questions,
    checkins,
    consents,
    consentEvents,
    prefs,
    rsvps,
    coaching,
    member,
    home,
    audit,
    library,
  ] = await Promise.all([
    db
      .selectFrom('people')
      .leftJoin('person_languages as pl', 'pl.slack_user_id', 'people.slack_user_id')
      .select(['display_name', 'tz', 'locale', 'refreshed_at', 'pl.language as chosen_language'])
      .where('people.slack_user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('requests as r')
      .innerJoin('services as s', 's.id', 'r.service_id')
      .select([
        'r.id',
        's.name as service',
        'r.project',
        'r.need',
        'r.expected_value',
        'r.needed_by',
        'r.impact',
        'r.link',
        'r.status',
        'r.owner_id',
        'r.delivery_note',
        'r.delivery_links',
        'r.decline_reason',
        'r.created_at',
        'r.claimed_at',
        'r.started_at',
        'r.delivered_at',
        'r.closed_at',
        'r.team_id',
        'r.team_name',
      ])
      .where('r.requester_id', '=', userId)
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('request_events as e')
      .innerJoin('requests as r', 'r.id', 'e.request_id')
      .select(['e.request_id', 'e.actor_id', 'e.from_status', 'e.to_status', 'e.note', 'e.created_at'])
      .where('r.requester_id', '=', userId)
      .orderBy('e.request_id')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('request_questions as q')
      .innerJoin('requests as r', 'r.id', 'q.request_id')
      .select(['q.request_id', 'q.question', 'q.answer', 'q.asked_at', 'q.answered_at'])
      .where('r.requester_id', '=', userId)
      .orderBy('q.id')
      .execute(),
    db
      .selectFrom('checkins')
      .select([
        'kind',
        'request_id',
        'engagement_id',
        'status',
        'due_at',
        'rating',
        'what_changed',
        'could_be_better',
        'outcome_tags',
        'followup_agreed',
        'answered_at',
      ])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('consents as c')
      .innerJoin('topics as t', 't.id', 'c.topic_id')
      .select(['t.name as topic', 'c.opted_in', 'c.updated_at'])
      .where('c.user_id', '=', userId)
      .orderBy('t.sort_order')
      .execute(),
    db
      .selectFrom('consent_events as e')
      .leftJoin('topics as t', 't.id', 'e.topic_id')
      .select(['t.name as topic', 'e.action', 'e.source', 'e.detail', 'e.created_at'])
      .where('e.user_id', '=', userId)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('invitation_prefs')
      .select(['cap', 'paused_until', 'updated_at'])
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('invitation_recipients as ir')
      .innerJoin('invitations as i', 'i.id', 'ir.invitation_id')
      .innerJoin('topics as t', 't.id', 'ir.topic_id')
      .select([
        'i.title',
        'i.event_date',
        't.name as topic',
        'ir.delivery',
        'ir.delivered_at',
        'ir.rsvp',
        'ir.rsvp_at',
      ])
      .where('ir.user_id', '=', userId)
      .orderBy('ir.invitation_id')
      .execute(),
    db
      .selectFrom('coaching_engagements')
      .select([
        'id',
        'goals',
        'cadence',
        'status',
        'coach_id',
        'created_at',
        'started_at',
        'ended_at',
        'end_reason',
      ])
      .where('coachee_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('members')
      .select(['weekly_capacity', 'active', 'created_at'])
      .select((eb) =>
        eb
          .selectFrom('member_skills as ms')
          .innerJoin('services as s', 's.id', 'ms.service_id')
          .select(sql<string[]>`coalesce(array_agg(s.name ORDER BY s.sort_order), '{}')`.as('skills'))
          .whereRef('ms.member_id', '=', 'members.slack_user_id')
          .as('skills'),
      )
      .where('slack_user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('home_views')
      .select(['first_opened_at', 'published_at'])
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'created_at'])
      .where('actor_id', '=', userId)
      .orderBy('id')
      .execute(),
    collectLibraryData(db, userId),
  ]);

  const historyOf = new Map<number, unknown[]>();
  for (const e of events) {
    const list = historyOf.get(e.request_id) ?? [];
    list.push({
      at: iso(e.created_at),
      by: by(e.actor_id, userId),
      from: e.from_status,
      to: e.to_status,
      // A member's note names the member it was assigned to: their id is theirs, not the requester's.
      note: e.note && /\b[UW][A-Z0-9]{6,}\b/.test(e.note) ? null : e.note,
    });
    historyOf.set(e.request_id, list);
  }
  const questionsOf = new Map<number, unknown[]>();
  for (const q of questions) {
    const list = questionsOf.get(q.request_id) ?? [];
    list.push({
      question: q.question,
      asked_at: iso(q.asked_at),
      your_answer: q.answer,
      answered_at: iso(q.answered_at),
    });
    questionsOf.set(q.request_id, list);
  }

  return {
    format: MY_DATA_FORMAT,
    generated_at: now.toISOString(),
    about: t('myDataAbout', { userId }),
    you: {
      slack_user_id: userId,
      display_name: profile?.display_name ?? null,
      time_zone: profile?.tz ?? null,
      slack_locale: profile?.locale ?? null,
      chosen_language: profile?.chosen_language ?? null,
      home_tab_first_opened: iso(home?.first_opened_at),
    },
    requests: requests.map((r) => ({
      reference: reference(r.id),
      service: r.service,
      // The Slack workspace it was filed from (an organisation has several).
      workspace: r.team_name ?? r.team_id,
      project: r.project,
      need: r.need,
      expected_value: r.expected_value,
      needed_by: r.needed_by,
      impact: r.impact,
      link: r.link,
      status: r.status,
      handled_by: r.owner_id ? (r.owner_id === userId ? t('byYou') : t('aPmoMember')) : null,
      delivery_note: r.delivery_note,
      delivery_links: r.delivery_links ? r.delivery_links.split('\n') : [],
      decline_reason: r.decline_reason,
      created_at: iso(r.created_at),
      claimed_at: iso(r.claimed_at),
      started_at: iso(r.started_at),
      delivered_at: iso(r.delivered_at),
      closed_at: iso(r.closed_at),
      history: historyOf.get(r.id) ?? [],
      questions: questionsOf.get(r.id) ?? [],
    })),
    check_in_answers: checkins.map((c) => ({
      kind: c.kind,
      request: c.request_id ? reference(c.request_id) : null,
      coaching: c.engagement_id ? t('coachingEngagement', { id: String(c.engagement_id) }) : null,
      status: c.status,
      due_at: iso(c.due_at),
      rating: c.rating,
      what_changed: c.what_changed,
      could_be_better: c.could_be_better,
      outcome_tags: c.outcome_tags ?? [],
      followup_agreed: c.followup_agreed,
      answered_at: iso(c.answered_at),
    })),
    consent: {
      topics: consents.map((c) => ({ topic: c.topic, opted_in: c.opted_in, since: iso(c.updated_at) })),
      history: consentEvents.map((e) => ({
        at: iso(e.created_at),
        topic: e.topic,
        action: e.action,
        source: e.source,
        detail: e.detail ?? null,
      })),
      invitation_preferences: prefs
        ? { cap: prefs.cap, paused_until: prefs.paused_until, updated_at: iso(prefs.updated_at) }
        : null,
    },
    invitations_and_rsvps: rsvps.map((r) => ({
      invitation: r.title,
      event_date: r.event_date,
      topic: r.topic,
      delivery: r.delivery,
      delivered_at: iso(r.delivered_at),
      rsvp: r.rsvp,
      rsvp_at: iso(r.rsvp_at),
    })),
    coaching: coaching.map((c) => ({
      goals: c.goals,
      cadence: c.cadence,
      status: c.status,
      coach: c.coach_id ? t('aPmoMember') : null,
      created_at: iso(c.created_at),
      started_at: iso(c.started_at),
      ended_at: iso(c.ended_at),
      end_reason: c.end_reason,
    })),
    as_pmo_member: member
      ? {
          weekly_capacity: member.weekly_capacity,
          active: member.active,
          since: iso(member.created_at),
          skills: member.skills ?? [],
        }
      : null,
    library,
    changes_you_made: audit.map((a) => ({ action: a.action, subject: a.subject, at: iso(a.created_at) })),
  };
}

export type MyData = Awaited<ReturnType<typeof collectMyData>>;
