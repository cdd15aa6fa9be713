import type { ActionsBlock, Button } from '@slack/types';
import { actions, type Block, button, context, mention, safe, section } from '../../../slack/kit/blocks';
import { STATUS_IDS } from '../ids';
import { asRequester, type RequestAction, stepsOf } from '../policy';
import { ageOf, type RequestWithService, reference, STATUS_EMOJI, STATUS_LABELS } from './common';

export const nextStep = (r: RequestWithService): string => {
  switch (r.status) {
    case 'new':
      return 'a PMO member picks it up';
    case 'claimed':
      return 'the owner starts work';
    case 'in_progress':
      return 'the owner delivers';
    case 'delivered':
      return 'you close it, or reopen it within 14 days';
    default:
      return 'nothing — it is finished';
  }
};

/** `/pmo status`: my requests, each with status, owner, age, next step and what I can do. */
export function renderMyRequests(requests: RequestWithService[], now: Date, command: string) {
  if (requests.length === 0) {
    const text = `You have no requests yet. \`${command} request\` asks the PMO for help.`;
    return { text, blocks: [section(text)] };
  }
  const blocks: Block[] = [section('*Your requests*')];
  for (const r of requests) {
    blocks.push(
      section(
        `${STATUS_EMOJI[r.status]} *${reference(r.id)}* · ${safe(r.service_name, 100)} · ${safe(r.project, 150)}\n` +
          `${STATUS_LABELS[r.status]} · owner: ${r.owner_id ? mention(r.owner_id) : 'nobody yet'} · ` +
          `opened ${ageOf(r.created_at, now)} ago · next: ${nextStep(r)}`,
      ),
    );
    const buttons = requesterButtons(r, now);
    if (buttons) blocks.push(buttons);
    if (blocks.length >= 46) break;
  }
  blocks.push(context(`\`${command} request\` sends a new one.`));
  return { text: `Your requests (${requests.length})`, blocks };
}

/**
 * What the requester can do with one request: Edit/Cancel while open, Close/Reopen once
 * delivered, Reopen for a while after closing. Shared by `/pmo status` and the Home tab, so
 * both offer the same buttons and reach the same listeners (ids carry the request id).
 */
export function requesterButtons(r: RequestWithService, now: Date): ActionsBlock | undefined {
  const id = String(r.id);
  const look: Partial<Record<RequestAction, Button>> = {
    edit: button('Edit', `${STATUS_IDS.editPrefix}${id}`, id),
    cancel: button('Cancel request', `${STATUS_IDS.cancelPrefix}${id}`, id, 'danger'),
    close: button("It's done — close", `${STATUS_IDS.closePrefix}${id}`, id, 'primary'),
    reopen: button('Reopen', `${STATUS_IDS.reopenPrefix}${id}`, id),
  };
  // What the policy lets the requester do now (reopening only within its window).
  const steps = stepsOf(r, asRequester(r), now).flatMap((s) => look[s] ?? []);
  return steps.length ? actions(`status_actions_${id}`, steps) : undefined;
}
