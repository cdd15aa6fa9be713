import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { isLead } from '../../services/people';
import { saveMember } from '../../services/team';
import { TEAM_IDS } from '../ids';
import { inputValue, inputValues, parseViewState } from '../view-state';

const form = z.object({
  userId: z.string({ error: 'Please choose a person.' }).regex(/^[UW][A-Z0-9]+$/, 'Please choose a person.'),
  skillIds: z.array(z.coerce.number().int().positive()).max(100),
  weeklyCapacity: z.coerce
    .number({ error: 'Please give a whole number from 0 to 100.' })
    .int('Please give a whole number from 0 to 100.')
    .min(0, 'Please give a whole number from 0 to 100.')
    .max(100, 'Please give a whole number from 0 to 100.'),
});

const BLOCK_OF: Record<string, string> = {
  userId: TEAM_IDS.user,
  skillIds: TEAM_IDS.skills,
  weeklyCapacity: TEAM_IDS.capacity,
};

/** Add or edit a PMO member (leads only): person, skills, weekly capacity. */
export function registerTeamViews(app: App, deps: Deps): void {
  app.view(TEAM_IDS.modal, async ({ ack, body, view }) => {
    if (!isLead(deps.config, body.user.id)) {
      return void (await ack({
        response_action: 'errors',
        errors: { [TEAM_IDS.user]: 'Only PMO leads manage the team.' },
      }));
    }
    const state = parseViewState(view.state.values);
    const parsed = form.safeParse({
      userId: inputValue(state, TEAM_IDS.user) ?? undefined,
      skillIds: inputValues(state, TEAM_IDS.skills),
      weeklyCapacity: inputValue(state, TEAM_IDS.capacity) ?? undefined,
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const block = BLOCK_OF[String(issue.path[0])] ?? TEAM_IDS.user;
        errors[block] ??= issue.message;
      }
      return void (await ack({ response_action: 'errors', errors }));
    }
    await saveMember(deps.db, { ...parsed.data, addedBy: body.user.id });
    await ack();
  });
}
