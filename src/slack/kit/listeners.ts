import type {
  AllMiddlewareArgs,
  App,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import type { Deps } from '../../deps';

/** What Bolt gives a custom workflow step's listener (Bolt does not export the type by name). */
type FunctionArgs = Parameters<Extract<Parameters<App['function']>[1], (...args: never[]) => unknown>>[0];

/**
 * Shortcuts, workflow steps and events a feature listens for. The kit registers them (a shortcut
 * is acked before it runs, so a slow `views.open` never costs the 3 s).
 */

export interface ShortcutRoute {
  callbackId: string;
  /** `shortcut` is the global one (⚡), `message_action` the one on a message. */
  type: 'shortcut' | 'message_action';
  run(args: SlackShortcutMiddlewareArgs<SlackShortcut> & AllMiddlewareArgs, deps: Deps): Promise<void>;
}

export interface FunctionRoute {
  callbackId: string;
  run(args: FunctionArgs, deps: Deps): Promise<void>;
}

export interface EventRoute<E extends string = string> {
  event: E;
  run(args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs, deps: Deps): Promise<void>;
}

/** Typed constructors: the event's payload type follows its name. */
export const onEvent = <E extends string>(event: E, run: EventRoute<E>['run']): EventRoute<E> => ({
  event,
  run,
});
export const shortcut = (route: ShortcutRoute): ShortcutRoute => route;
export const workflowStep = (route: FunctionRoute): FunctionRoute => route;
