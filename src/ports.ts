import type { Button } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Database } from './db/client';
import type { OutboxPayload } from './db/schema';
import type { Language, Translator } from './i18n';
import type { Block } from './slack/kit/blocks';
import type { Person } from './slack/people';

/**
 * What features ask of each other, through Deps instead of imports: a feature offers a port
 * in its manifest (`ports`), and compose.ts checks at start-up that every port is offered once.
 */

/** Who is acting, as a policy needs to know them: resolved once per click and handed down. */
export interface Actor {
  id: string;
  lead: boolean;
  member: boolean;
}

/** Who people are to the PMO. Offered by the team feature. */
export interface Roles {
  isLead(userId: string): boolean;
  /** Leads are members too. */
  isMember(userId: string): Promise<boolean>;
  actor(userId: string): Promise<Actor>;
}

/** The app's personal surfaces. Offered by Home, which reads every feature and is read by none. */
export interface Surfaces {
  /** Re-publishes this person's Home if they have ever opened it; `notice` is shown on top. */
  refreshHome(client: WebClient, userId: string, opts?: { notice?: string }): Promise<void>;
  /**
   * Several people's Home (e.g. the member who acted and the requester), each once, with one
   * look-up of who ever opened Home; `notices` puts a note on top of some of them.
   */
  refreshHomes(
    client: WebClient,
    userIds: (string | null | undefined)[],
    notices?: Partial<Record<string, string>>,
  ): Promise<void>;
}

/** People as Slack knows them (cached `users.info`). */
export interface People {
  lookup(client: WebClient, userId: string): Promise<Person>;
  /** Their time zone, or the PMO's when Slack cannot say. */
  timeZone(client: WebClient, userId: string): Promise<string>;
}

/**
 * What other features show or redraw of a request. Offered by requests, so the features it
 * builds on (the calendar's targets and nudges) need not import it.
 */
export interface Requests {
  /** Redraws a request's triage post from its current state (a target passed, say). */
  redrawTriagePost(client: WebClient, requestId: number): Promise<void>;
  /** The Claim button for one request, unique on a surface that lists several. */
  claimButton(requestId: number): Button;
}

/** Coaching's part in consent. Offered by coaching, which builds on consent. */
export interface Coaching {
  /**
   * Ends the person's open engagement (saying goodbye to both sides through the outbox),
   * inside the opt-out's own transaction; true if one ended.
   */
  endOnOptOut(tx: Database, coacheeId: string, now: Date): Promise<boolean>;
}

/**
 * The PMO library at the moment of need. Offered by the library, so requests show its entries
 * without importing it; the matching rule (published, filed under the service, best first) is
 * the library's.
 */
export interface Library {
  /** Up to three entries for the request form once a service (its catalogue id) is chosen; none: no blocks. */
  helpNow(serviceId: number, tr?: Translator): Promise<Block[]>;
  /** The entries matching a claimed request, addressed to the member who claimed it; undefined when none match. */
  forClaimer(serviceId: number, memberId: string, tr?: Translator): Promise<OutboxPayload | undefined>;
  /** "Save what you made for others", shown to the member who delivered a request; the click is the library's. */
  saveButton(requestId: number, tr?: Translator): Button;
}

/** The language each person is spoken to in. Offered by the language feature. */
export interface Languages {
  /** Their own choice (/pmo language), else their Slack locale's language, else English. */
  of(client: WebClient, userId: string): Promise<Language>;
  /** The PMO's language: what channel posts (triage, the digest) are written in. A setting. */
  pmo(): Language;
  /** Forgets what this app remembers of the person's language (they were erased). */
  forget(userId: string): void;
}

export interface Ports {
  roles: Roles;
  surfaces: Surfaces;
  people: People;
  requests: Requests;
  coaching: Coaching;
  library: Library;
  languages: Languages;
}

export const PORT_NAMES = [
  'roles',
  'surfaces',
  'people',
  'requests',
  'coaching',
  'library',
  'languages',
] as const satisfies readonly (keyof Ports)[];
