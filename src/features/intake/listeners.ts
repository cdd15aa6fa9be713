import type { MessageShortcut } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { rowId } from '../../lib/input';
import { action, type Feature, onEvent, shortcut, workflowStep } from '../../slack/kit';
import {
  type FormOrigin,
  LIMITS,
  openRequestForm,
  pmoTranslator,
  rememberFormOrigin,
  translatorOf,
  workspaceOfEvent,
} from '../requests';
import { renderOffer } from './blocks';
import { INTAKE_IDS } from './ids';
import { intakeText } from './messages';
import { createOffer, fileFromWorkflow, intakeEmojiOf, offerFor } from './service';
import { emojiName, mrkdwnToPlain } from './text';

/**
 * Requests from where the work happens: the message shortcut and the global shortcut open the
 * request form; a Workflow Builder step files one; a reaction, in a channel that opted in, offers
 * the person who reacted a button that opens the form. Nothing is filed without someone's
 * submission (or a workflow its author set up).
 */

/** A channel's name as a project, where the payload gives a real one (not a DM or a group DM). */
function projectFrom(channel: { id?: string; name?: string } | undefined): string | undefined {
  const name = channel?.name;
  if (!name || !/^[CG]/.test(channel?.id ?? '')) return undefined;
  if (name === 'directmessage' || name === 'privategroup' || name.startsWith('mpdm-')) return undefined;
  return name.slice(0, LIMITS.project);
}

async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | null> {
  try {
    const res = await client.chat.getPermalink({ channel, message_ts: ts });
    return res.permalink && res.permalink.length <= LIMITS.link ? res.permalink : null;
  } catch {
    return null;
  }
}

/** Opens the prefilled form for a message and remembers, by the form's view id, where it came from. */
async function openFormFromMessage(
  deps: Deps,
  client: WebClient,
  triggerId: string,
  userId: string,
  origin: FormOrigin,
  prefill: { need: string; project?: string },
): Promise<void> {
  const viewId = await openRequestForm(
    deps,
    client,
    triggerId,
    { ...prefill, ...(origin.permalink ? { link: origin.permalink } : {}) },
    { fromMessage: true },
    await translatorOf(deps, client, userId),
  );
  if (viewId) await rememberFormOrigin(deps.db, viewId, userId, origin, deps.clock.now());
}

/** "Ask the PMO about this" on a message: the form, prefilled, within the trigger's 3 s. */
const askAboutMessage = shortcut({
  callbackId: INTAKE_IDS.messageShortcut,
  type: 'message_action',
  run: async ({ shortcut: payload, client }, deps) => {
    const shortcut = payload as MessageShortcut;
    const channel = shortcut.channel.id;
    const ts = shortcut.message.ts;
    const permalink = await permalinkOf(client, channel, ts);
    const threadTs = (shortcut.message as { thread_ts?: string }).thread_ts ?? ts;
    await openFormFromMessage(
      deps,
      client,
      shortcut.trigger_id,
      shortcut.user.id,
      { channel, ts, threadTs, permalink },
      {
        need: mrkdwnToPlain(String(shortcut.message.text ?? ''), LIMITS.need),
        project: projectFrom(shortcut.channel),
      },
    );
  },
});

/** ⚡ "New PMO request": the same form, from anywhere. */
const newRequest = shortcut({
  callbackId: INTAKE_IDS.globalShortcut,
  type: 'shortcut',
  run: async ({ shortcut, client }, deps) => {
    await openRequestForm(
      deps,
      client,
      shortcut.trigger_id,
      '',
      {},
      await translatorOf(deps, client, shortcut.user.id),
    );
  },
});

/**
 * The Workflow Builder step. Bolt acks function_executed (autoAcknowledge) and gives a client
 * with the execution's bot_access_token, so every call made for the step uses it.
 */
const createRequestStep = workflowStep({
  callbackId: INTAKE_IDS.workflowStep,
  run: async ({ inputs, complete, fail, client, body, logger }, deps) => {
    const executionId = String(
      (body as { event?: { function_execution_id?: string } }).event?.function_execution_id ?? '',
    );
    let result: Awaited<ReturnType<typeof fileFromWorkflow>>;
    try {
      result = await fileFromWorkflow(deps, client, {
        executionId,
        inputs,
        workspace: workspaceOfEvent(body),
      });
    } catch (err) {
      logger.error({ err, executionId }, 'the workflow step could not file a request');
      // For the workflow's author, in Workflow Builder: in the PMO's language.
      await fail({ error: pmoTranslator(deps).t(intakeText, 'stepFailed') });
      return;
    }
    if (result.ok) await complete({ outputs: { reference: result.reference } });
    else await fail({ error: result.error });
  },
});

/** Reaction intake: only in channels a lead opted in, only with their emoji, and only an offer. */
const offerOnReaction = onEvent('reaction_added', async ({ event, client }, deps) => {
  if (event.item.type !== 'message') return;
  const { channel, ts } = event.item;
  const emoji = await intakeEmojiOf(deps.db, channel);
  if (!emoji || emojiName(event.reaction) !== emoji) return;
  const found = await client.conversations
    .history({ channel, latest: ts, oldest: ts, inclusive: true, limit: 1 })
    .then((r) => r.messages?.find((m) => m.ts === ts))
    .catch(() => undefined);
  const offerId = await createOffer(
    deps.db,
    {
      userId: event.user,
      channel,
      ts,
      threadTs: found?.thread_ts ?? ts,
      permalink: await permalinkOf(client, channel, ts),
      need: mrkdwnToPlain(found?.text ?? '', LIMITS.need),
    },
    deps.clock.now(),
  );
  if (offerId === undefined) return;
  const tr = await translatorOf(deps, client, event.user);
  await client.chat.postEphemeral({ channel, user: event.user, ...renderOffer(tr, offerId) });
});

/** The offer's button: only the person who reacted can use it. */
export const intakeFeature: Feature = {
  name: 'intake',
  shortcuts: [askAboutMessage, newRequest],
  functions: [createRequestStep],
  events: [offerOnReaction],
  actions: [
    action({
      id: INTAKE_IDS.fileOffer,
      value: rowId,
      run: async (click) => {
        const offer = await offerFor(click.deps.db, click.value, click.userId);
        if (!offer)
          return click.tell(
            (await translatorOf(click.deps, click.client, click.userId)).t(intakeText, 'notYourOffer'),
          );
        await openFormFromMessage(
          click.deps,
          click.client,
          click.triggerId,
          click.userId,
          { channel: offer.channel, ts: offer.ts, threadTs: offer.threadTs, permalink: offer.permalink },
          { need: offer.need },
        );
      },
    }),
  ],
};
