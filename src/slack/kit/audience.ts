import type { Roles } from '../../ports';

/** Who may use a route or a subcommand. */
export type Audience = 'everyone' | 'members' | 'leads';

export const AUDIENCE_REFUSAL: Record<Exclude<Audience, 'everyone'>, string> = {
  members:
    'Only PMO members can do this. If you think you should, ask a PMO lead to add you with `/pmo team`.',
  leads: 'Only PMO leads can do this.',
};

/** The one audience check: buttons, forms and subcommands all ask it. */
export async function audienceAllows(
  roles: Roles,
  audience: Audience | undefined,
  userId: string,
): Promise<boolean> {
  if (!audience || audience === 'everyone') return true;
  if (audience === 'leads') return roles.isLead(userId);
  return roles.isMember(userId);
}
