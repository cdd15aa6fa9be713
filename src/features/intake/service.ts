import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { cleanText, isBlank, SLACK_USER_ID } from '../../lib/input';
import type { UsersInfoClient } from '../../slack/people';
import { listServices } from '../catalog';
import {
  pmoTranslator,
  type RequestForm,
  reference,
  requestFormSchema,
  submitRequest,
  type Workspace,
} from '../requests';
import { intakeText } from './messages';

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
export const NO_PROJECT = intakeText.messages.en.noProject;

const text = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const t = cleanText(v).trim();
  return isBlank(t) ? null : t;
};

type WhatKey = 'whatService' | 'whatProject' | 'whatNeed' | 'whatValue' | 'whatDate' | 'whatRequester';

/**
 * The request form's fields as the step's inputs name them (the step's input names are its
 * public contract), with what each holds, for errors that name the input a workflow author set.
 */
const STEP_INPUTS: Partial<Record<keyof RequestForm, { input: string; what: WhatKey }>> = {
  serviceId: { input: 'service', what: 'whatService' },
  project: { input: 'project', what: 'whatProject' },
  need: { input: 'need', what: 'whatNeed' },
  value: { input: 'expected_value', what: 'whatValue' },
  neededBy: { input: 'needed_by', what: 'whatDate' },
};

const missing = (tr: Translator, input: string, what: WhatKey): StepResult => ({
  ok: false,
  error: tr.t(intakeText, 'missing', { input, what: tr.t(intakeText, what) }),
});

/** The form's own error for a field, said about the step's input and the value it was given. */
function inputError(tr: Translator, field: string, given: unknown, message: string): StepResult {
  const step = STEP_INPUTS[field as keyof RequestForm];
  if (!step) return { ok: false, error: message };
  if (given === null || given === undefined || (typeof given === 'string' && text(given) === null))
    return missing(tr, step.input, step.what);
  const what = tr.t(intakeText, step.what);
  const error =
    typeof given === 'string' && given.length > 100
      ? tr.t(intakeText, 'tooLongInput', { input: step.input, what, length: given.length, message })
      : tr.t(intakeText, 'badInput', { input: step.input, what, given: String(given).slice(0, 40), message });
  return { ok: false, error };
}

/**
 * Files a request from a workflow step. Errors are written for the workflow's author (they see
 * them in Workflow Builder's activity), in the PMO's language, naming the input and what to do.
 * `executionId` is the submission key: the same execution files one request however often it
 * arrives. The inputs are read with the request form's schema, so a step meets the form's rules
 * and the form's words.
 */
export async function fileFromWorkflow(
  deps: Deps,
  client: UsersInfoClient,
  input: { executionId: string; inputs: unknown; workspace?: Workspace },
): Promise<StepResult> {
  const tr = pmoTranslator(deps);
  const t = tr.of(intakeText);
  const raw = stepInputs.safeParse(input.inputs ?? {});
  if (!raw.success) return { ok: false, error: t('noInputs') };
  const i = raw.data;
  const requester = text(i.requester);
  if (!requester) return missing(tr, 'requester', 'whatRequester');
  if (!SLACK_USER_ID.test(requester))
    return { ok: false, error: t('notAPerson', { given: requester.slice(0, 50) }) };

  // A workflow names its service (the form offers a list): matched by name, in any letter case.
  const serviceName = text(i.service);
  if (!serviceName) return missing(tr, 'service', 'whatService');
  const services = await listServices(deps.db);
  const wanted = serviceName.toLocaleLowerCase('en');
  const service = services.find((s) => s.name.trim().toLocaleLowerCase('en') === wanted);
  if (!service) {
    const names = services.map((s) => s.name).join(', ');
    return {
      ok: false,
      error: t('noSuchService', { name: serviceName.slice(0, 100), names }).slice(0, 1000),
    };
  }

  const given: Record<keyof RequestForm, unknown> = {
    serviceId: service.id,
    // Stored as the project: written in the PMO's language, whose channel shows it.
    project: text(i.project) === null ? t('noProject') : i.project,
    need: i.need,
    value: i.expected_value,
    // Workflow Builder sends an unset optional input as an empty string.
    neededBy: typeof i.needed_by === 'string' ? i.needed_by.trim() || null : (i.needed_by ?? null),
    impact: 'important',
    link: null,
  };
  const today = localDate(deps.clock.now(), deps.config.pmo.timezone);
  const form = requestFormSchema(
    today,
    services.map((s) => s.id),
    { neededBy: 'optional' },
    tr,
  ).safeParse(given);
  if (!form.success) {
    const issue = form.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return inputError(tr, field, given[field as keyof RequestForm], issue?.message ?? t('checkInputs'));
  }

  const result = await submitRequest(deps, client, {
    submissionKey: `workflow:${input.executionId}`,
    requesterId: requester,
    form: form.data,
    workspace: input.workspace,
  });
  return { ok: true, reference: reference(result.request.id), created: result.created };
}
