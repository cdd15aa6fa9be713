import { z } from 'zod';

/**
 * The workspace a request came from. In an Enterprise Grid organisation people in several
 * workspaces file into one PMO channel (user ids are the organisation's, so nothing else about a
 * request depends on it); the triage post says where each request came from. Read from the
 * payload that files the request, each field checked on its own: a missing or odd one is left
 * out, never a reason to refuse a request.
 */
export interface Workspace {
  teamId: string;
  /** The workspace's name or domain, as the payload gave it. */
  teamName: string | null;
  /** The organisation, on Enterprise Grid. */
  enterpriseId: string | null;
}

const TEAM_ID = z.string().regex(/^T[A-Z0-9]{2,40}$/);
const ENTERPRISE_ID = z.string().regex(/^E[A-Z0-9]{2,40}$/);
/** A label, shown as is (escaped where drawn); Slack's domains are short, names a little longer. */
const NAME = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !/\p{Cc}/u.test(s));

const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
};

const loose = z.record(z.string(), z.unknown());
const field = (o: unknown, key: string): unknown => {
  const r = loose.safeParse(o);
  return r.success ? r.data[key] : undefined;
};

/**
 * A view_submission, block_actions or shortcut: `team {id, domain}`, `user.team_id`, and on
 * Grid `enterprise {id, name}`. An org-wide install may send `team: null`: then the person's
 * own workspace (`user.team_id`) is the one, and the payload names none.
 */
export function workspaceOfInteraction(body: unknown): Workspace | undefined {
  const team = field(body, 'team');
  const payloadTeam = valid(TEAM_ID, field(team, 'id'));
  const teamId = payloadTeam ?? valid(TEAM_ID, field(field(body, 'user'), 'team_id'));
  if (!teamId) return undefined;
  return {
    teamId,
    teamName: (payloadTeam && valid(NAME, field(team, 'domain'))) ?? null,
    enterpriseId: valid(ENTERPRISE_ID, field(field(body, 'enterprise'), 'id')) ?? null,
  };
}

/**
 * An Events API envelope (a workflow step's function_executed): `team_id` and, on Grid,
 * `enterprise_id`, else what the event's context or its first authorization says. Events
 * carry no workspace name.
 */
export function workspaceOfEvent(body: unknown): Workspace | undefined {
  const auth = field(body, 'authorizations');
  const first = Array.isArray(auth) ? auth[0] : undefined;
  const pick = <T>(schema: z.ZodType<T>, keys: [unknown, string][]) =>
    keys.map(([o, k]) => valid(schema, field(o, k))).find((v) => v !== undefined);
  const teamId = pick(TEAM_ID, [
    [body, 'team_id'],
    [body, 'context_team_id'],
    [first, 'team_id'],
  ]);
  if (!teamId) return undefined;
  const enterpriseId = pick(ENTERPRISE_ID, [
    [body, 'enterprise_id'],
    [body, 'context_enterprise_id'],
    [first, 'enterprise_id'],
  ]);
  return { teamId, teamName: null, enterpriseId: enterpriseId ?? null };
}

/**
 * What the triage post calls the request's workspace, if it names it at all: only for a request
 * from an Enterprise Grid organisation, where several workspaces share the PMO. In a single
 * workspace the line would say the same thing on every post. A workspace whose name no payload
 * gave is shown by its id.
 */
export function workspaceLabel(r: {
  team_id: string | null;
  team_name: string | null;
  enterprise_id: string | null;
}): string | undefined {
  if (!r.enterprise_id || !r.team_id) return undefined;
  return r.team_name ?? r.team_id;
}
