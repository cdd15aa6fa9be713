import type { ActionsBlock, Button } from '@slack/types';
import { type Translator, translatorFor } from '../../../i18n';
import { actions, type Block, button, context, mention, safe, section } from '../../../slack/kit/blocks';
import { STATUS_IDS } from '../ids';
import { requestsText } from '../messages';
import { asRequester, REOPEN_WINDOW_DAYS, type RequestAction, stepsOf } from '../policy';
import { openedAgo, type RequestWithService, reference, STATUS_EMOJI, statusLabel } from './common';

const EN = translatorFor('en');

export const nextStep = (r: RequestWithService, tr: Translator = EN): string =>
  tr.t(requestsText, 'nextStep', { status: r.status, days: REOPEN_WINDOW_DAYS });

/** `/pmo status`: my requests, each with status, owner, age, next step and what I can do. */
export function renderMyRequests(tr: Translator, requests: RequestWithService[], now: Date, command: string) {
  const t = tr.of(requestsText);
  if (requests.length === 0) {
    const text = t('noRequests', { command });
    return { text, blocks: [section(text)] };
  }
  const blocks: Block[] = [section(t('yourRequests'))];
  for (const r of requests) {
    blocks.push(
      section(
        `${STATUS_EMOJI[r.status]} *${reference(r.id)}* · ${safe(r.service_name, 100)} · ${safe(r.project, 150)}\n${t(
          'requestLine',
          {
            status: statusLabel(tr, r.status),
            owner: r.owner_id ? mention(r.owner_id) : t('nobodyYet'),
            opened: openedAgo(tr, r.created_at, now),
            next: nextStep(r, tr),
          },
        )}`,
      ),
    );
    const buttons = requesterButtons(r, now, tr);
    if (buttons) blocks.push(buttons);
    if (blocks.length >= 46) break;
  }
  blocks.push(context(t('sendNew', { command })));
  return { text: t('listText', { count: tr.number(requests.length) }), blocks };
}

/**
 * What the requester can do with one request: Edit/Cancel while open, Close/Reopen once
 * delivered, Reopen for a while after closing. Shared by `/pmo status` and the Home tab, so
 * both offer the same buttons and reach the same listeners (ids carry the request id).
 */
export function requesterButtons(
  r: RequestWithService,
  now: Date,
  tr: Translator = EN,
): ActionsBlock | undefined {
  const t = tr.of(requestsText);
  const id = String(r.id);
  const look: Partial<Record<RequestAction, Button>> = {
    edit: button(t('edit'), `${STATUS_IDS.editPrefix}${id}`, id),
    cancel: button(t('cancelRequest'), `${STATUS_IDS.cancelPrefix}${id}`, id, 'danger'),
    close: button(t('closeDone'), `${STATUS_IDS.closePrefix}${id}`, id, 'primary'),
    reopen: button(t('reopen'), `${STATUS_IDS.reopenPrefix}${id}`, id),
  };
  // What the policy lets the requester do now (reopening only within its window).
  const steps = stepsOf(r, asRequester(r), now).flatMap((s) => look[s] ?? []);
  return steps.length ? actions(`status_actions_${id}`, steps) : undefined;
}
