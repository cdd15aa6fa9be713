import type { Actor, Roles } from '../../ports';

/** Who may use a route or a subcommand. */
export type Audience = 'everyone' | 'members' | 'leads';

/** The one audience rule: buttons, forms and subcommands all ask it, of an actor resolved once. */
export function actorAllows(actor: Actor, audience: Audience | undefined): boolean {
  if (!audience || audience === 'everyone') return true;
  return audience === 'leads' ? actor.lead : actor.member;
}

/** The audience rule for someone not resolved yet (a subcommand, a form). */
export async function audienceAllows(
  roles: Roles,
  audience: Audience | undefined,
  userId: string,
): Promise<boolean> {
  if (!audience || audience === 'everyone') return true;
  return actorAllows(await roles.actor(userId), audience);
}
