import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { cleanText, isBlank, isCalendarDate, MAX_YEARS_AHEAD, SLACK_USER_ID } from '../../lib/input';
import type { UsersInfoClient } from '../../slack/people';
import { listServices } from '../catalog/service';
import { reference } from '../requests/blocks/common';
import { LIMITS } from '../requests/form';
import { submitRequest } from '../requests/service';

/**
 * Intake: requests that start where the work happens. The shortcuts and the reaction's offer
 * open the request form (requests/), the workflow step files through the same submitRequest as
 * the form; this file holds the rules of their own: which channels opted in to reaction intake,
 * the offers made to people who reacted, and the workflow step's inputs.
 */

const DAY_MS = 86_400_000;

// --- reaction intake, per channel ------------------------------------------------------------

export async function setIntakeChannel(
  db: Database,
  input: { channel: string; emoji: string; setBy: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('intake_channels')
    .values({ channel_id: input.channel, emoji: input.emoji, set_by: input.setBy, updated_at: now })
    .onConflict((oc) =>
      oc.column('channel_id').doUpdateSet({ emoji: input.emoji, set_by: input.setBy, updated_at: now }),
    )
    .execute();
}

/** Turns reaction intake off in a channel; false if it was not on. */
export async function clearIntakeChannel(db: Database, channel: string): Promise<boolean> {
  const res = await db.deleteFrom('intake_channels').where('channel_id', '=', channel).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The emoji that offers a request in this channel, if the channel opted in. */
export async function intakeEmojiOf(db: Database, channel: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('intake_channels')
    .select('emoji')
    .where('channel_id', '=', channel)
    .executeTakeFirst();
  return row?.emoji;
}

// --- offers after a reaction ----------------------------------------------------------------

export interface Offer {
  id: number;
  userId: string;
  channel: string;
  ts: string;
  threadTs: string;
  permalink: string | null;
  need: string;
}

/**
 * Records an offer to the person who reacted; undefined if they were offered this message
 * already (a second reaction, or Slack redelivering the event), so nobody is asked twice.
 * Offers older than a day are dropped on the way: the message's text is not kept longer.
 */
export async function createOffer(
  db: Database,
  offer: Omit<Offer, 'id'>,
  now: Date,
): Promise<number | undefined> {
  await db
    .deleteFrom('intake_offers')
    .where('created_at', '<', new Date(now.getTime() - DAY_MS))
    .execute();
  const row = await db
    .insertInto('intake_offers')
    .values({
      user_id: offer.userId,
      channel: offer.channel,
      message_ts: offer.ts,
      thread_ts: offer.threadTs,
      permalink: offer.permalink,
      need: offer.need,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['user_id', 'channel', 'message_ts']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** An offer, only for the person it was made to. */
export async function offerFor(db: Database, id: number, userId: string): Promise<Offer | undefined> {
  const row = await db
    .selectFrom('intake_offers')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        channel: row.channel,
        ts: row.message_ts,
        threadTs: row.thread_ts,
        permalink: row.permalink,
        need: row.need,
      }
    : undefined;
}

// --- the workflow step ------------------------------------------------------------------------

/** What the step's inputs say, as Workflow Builder sends them (any of them may be missing). */
const stepInputs = z.record(z.string(), z.unknown());

export type StepResult = { ok: true; reference: string; created: boolean } | { ok: false; error: string };

/** A project when the workflow gives none: the column is required, and this says why it is vague. */
export const NO_PROJECT = 'Not given (filed from a workflow)';

const text = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const t = cleanText(v).trim();
  return isBlank(t) ? null : t;
};

/**
 * Files a request from a workflow step. Errors are written for the workflow's author (they see
 * them in Workflow Builder's activity), naming the input and what to do. `executionId` is the
 * submission key: the same execution files one request however often it arrives.
 */
export async function fileFromWorkflow(
  deps: Deps,
  client: UsersInfoClient,
  input: { executionId: string; inputs: unknown },
): Promise<StepResult> {
  const raw = stepInputs.safeParse(input.inputs ?? {});
  if (!raw.success) return { ok: false, error: 'The PMO step got no inputs. Please fill in its settings.' };
  const i = raw.data;
  const missing = (name: string, what: string) => ({
    ok: false as const,
    error: `The PMO step needs "${name}" (${what}), and it was empty. Please fill it in the step's settings, or map it to a variable that always has a value.`,
  });
  const requester = text(i.requester);
  if (!requester) return missing('requester', 'who asks');
  if (!SLACK_USER_ID.test(requester))
    return { ok: false, error: `"requester" must be a person (a user id), not "${requester.slice(0, 50)}".` };
  const serviceName = text(i.service);
  if (!serviceName) return missing('service', 'the name of a PMO service');
  const need = text(i.need);
  if (!need) return missing('need', 'what the requester needs');
  const value = text(i.expected_value);
  if (!value) return missing('expected_value', 'the value expected, and for whom');
  const tooLong = (name: string, t: string | null, max: number) =>
    t && t.length > max ? `"${name}" is ${t.length} characters long; the PMO takes up to ${max}.` : undefined;
  const project = text(i.project);
  const long =
    tooLong('need', need, LIMITS.need) ??
    tooLong('expected_value', value, LIMITS.value) ??
    tooLong('project', project, LIMITS.project);
  if (long) return { ok: false, error: long };

  const services = await listServices(deps.db);
  const wanted = serviceName.toLocaleLowerCase('en');
  const service = services.find((s) => s.name.trim().toLocaleLowerCase('en') === wanted);
  if (!service) {
    const names = services.map((s) => s.name).join(', ');
    return {
      ok: false,
      error: `There is no PMO service called "${serviceName.slice(0, 100)}". Use one of: ${names}`.slice(
        0,
        1000,
      ),
    };
  }

  const today = localDate(deps.clock.now(), deps.config.pmo.timezone);
  let neededBy: string | null = null;
  if (i.needed_by !== undefined && i.needed_by !== null && i.needed_by !== '') {
    const d = typeof i.needed_by === 'string' ? i.needed_by.trim() : '';
    if (!isCalendarDate(d))
      return {
        ok: false,
        error: `"needed_by" must be a date (YYYY-MM-DD), not "${String(i.needed_by).slice(0, 40)}".`,
      };
    if (d < today)
      return {
        ok: false,
        error: `"needed_by" is ${d}, which is in the past (today is ${today}). Please use today or a later date.`,
      };
    const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
    if (d > latest)
      return {
        ok: false,
        error: `"needed_by" is ${d}; please use a date within the next ${MAX_YEARS_AHEAD} years.`,
      };
    neededBy = d;
  }

  const result = await submitRequest(deps, client, {
    submissionKey: `workflow:${input.executionId}`,
    requesterId: requester,
    form: {
      serviceId: service.id,
      project: project ?? NO_PROJECT,
      need,
      value,
      neededBy,
      impact: 'important',
      link: null,
    },
  });
  return { ok: true, reference: reference(result.request.id), created: result.created };
}
