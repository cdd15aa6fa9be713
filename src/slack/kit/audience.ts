import type { Actor, Roles } from '../../ports';

/** Who may use a route or a subcommand. */
export type Audience = 'everyone' | 'members' | 'leads';

export const AUDIENCE_REFUSAL: Record<Exclude<Audience, 'everyone'>, string> = {
  members:
    'Only PMO members can do this. If you think you should, ask a PMO lead to add you with `/pmo team`.',
  leads: 'Only PMO leads can do this.',
};

/** What someone outside a subcommand's audience is told. */
export function commandRefusal(
  command: string,
  name: string,
  audience: Exclude<Audience, 'everyone'>,
): string {
  const who = audience === 'leads' ? 'PMO leads' : 'PMO members';
  return `\`${command} ${name}\` is for ${who}. If you think you should have access, ask a PMO lead.`;
}

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
