import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { isDatabaseUnavailable } from '../../db/errors';
import type { Deps } from '../../deps';
import { type Language, translatorFor } from '../../i18n';
import { commandsText } from '../commands/messages';
import { firstInputBlock } from './form';

/** The answers in English (the catalogue's source), as tests and logs compare them. */
export const DATABASE_DOWN_TEXT = commandsText.messages.en.databaseDown;
export const TRIGGER_EXPIRED_TEXT = commandsText.messages.en.triggerExpired;
export const SOMETHING_WENT_WRONG = commandsText.messages.en.somethingWentWrong;

type FailureKey = 'databaseDown' | 'triggerExpired' | 'somethingWentWrong';

/**
 * The language to apologise in: the person's, unless finding it needs the database that just
 * failed (then the PMO's, which is a setting held in memory) or fails itself.
 */
async function apologyLanguage(
  deps: Pick<Deps, 'languages'>,
  client: unknown,
  userId: string | undefined,
  databaseDown: boolean,
): Promise<Language> {
  const pmo = (): Language => {
    try {
      return deps.languages.pmo();
    } catch {
      return 'en';
    }
  };
  if (databaseDown || !userId || !client) return pmo();
  try {
    return await deps.languages.of(client as never, userId);
  } catch {
    return pmo();
  }
}

/**
 * The one place a failing listener is answered, so nobody is left with Slack's generic error
 * (or nothing at all) and each failure is logged once, with context:
 * - the database is unreachable → an honest "try again; nothing was lost" (the write rolled back);
 * - a modal missed its 3 s (expired_trigger_id) → "try again";
 * - anything else → a kind apology, and the error logged for us.
 * In a modal the answer is a field error on its first input, so what was typed stays.
 */
export function answerFailures(deps: Deps): Middleware<AnyMiddlewareArgs> {
  const { logger } = deps;
  return async (args) => {
    try {
      await args.next();
    } catch (err) {
      const body = args.body as {
        type?: string;
        command?: string;
        view?: unknown;
        user?: { id?: string };
        user_id?: string;
        actions?: { action_id?: string }[];
      };
      const context = {
        user: body.user?.id ?? body.user_id,
        type: body.type ?? (body.command ? 'command' : undefined),
        callbackId: (body.view as { callback_id?: string } | undefined)?.callback_id,
        actionId: body.actions?.[0]?.action_id,
      };
      let key: FailureKey;
      const databaseDown = isDatabaseUnavailable(err);
      if (databaseDown) {
        logger.warn({ err, ...context }, 'database unavailable while handling a Slack request');
        key = 'databaseDown';
      } else if ((err as { data?: { error?: string } }).data?.error === 'expired_trigger_id') {
        logger.warn(context, 'a modal could not open in time (expired_trigger_id)');
        key = 'triggerExpired';
      } else {
        logger.error({ err, ...context }, 'unhandled error in a Slack listener');
        key = 'somethingWentWrong';
      }
      const language = await apologyLanguage(
        deps,
        (args as { client?: unknown }).client,
        context.user,
        databaseDown,
      );
      const text = translatorFor(language).t(commandsText, key);
      const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
      const respond = (args as { respond?: (r: unknown) => Promise<unknown> }).respond;
      // One try at answering in the ack: a refused ack means the listener acked already (Bolt
      // throws, which costs a stack trace each time), so the answer goes by response_url.
      const block = body.type === 'view_submission' ? firstInputBlock(body.view) : undefined;
      const inAck = block
        ? { response_action: 'errors', errors: { [block]: text } }
        : body.command
          ? { response_type: 'ephemeral', text }
          : undefined;
      if (ack && (await tryAck(ack, inAck)) && inAck) return;
      await respond?.({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  };
}

/** Bolt throws when a request was already acknowledged; then the answer goes by response_url. */
async function tryAck(ack: (r?: unknown) => Promise<void>, response?: unknown): Promise<boolean> {
  try {
    await ack(response);
    return true;
  } catch {
    return false;
  }
}
