import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import type { Audience } from '../kit/audience';

export type { Audience } from '../kit/audience';

/** What one `/pmo <name>` subcommand is given. It must `ack()` itself, within 3 seconds. */
export type SubcommandArgs = SlackCommandMiddlewareArgs &
  AllMiddlewareArgs & {
    /** The text after the subcommand's name. */
    rest: string;
    deps: Deps;
  };

export interface Subcommand {
  name: string;
  aliases?: string[];
  /** e.g. "request [what you need]" — shown in help. */
  usage: string;
  summary: string;
  audience: Audience;
  run(args: SubcommandArgs): Promise<void>;
}
