import type { Actor } from '../../ports';

/** Who may use a route or a subcommand. */
export type Audience = 'everyone' | 'members' | 'leads';

/** The one audience rule: buttons, forms and subcommands all ask it, of an actor resolved once. */
export function actorAllows(actor: Actor, audience: Audience | undefined): boolean {
  if (!audience || audience === 'everyone') return true;
  return audience === 'leads' ? actor.lead : actor.member;
}

/**
 * The audience rule for someone resolved only if it matters: `actor` is not called for a route
 * everyone may use (a click's memo, or the roles port for a subcommand).
 */
export async function audienceAllows(
  audience: Audience | undefined,
  actor: () => Promise<Actor>,
): Promise<boolean> {
  if (!audience || audience === 'everyone') return true;
  return actorAllows(await actor(), audience);
}
