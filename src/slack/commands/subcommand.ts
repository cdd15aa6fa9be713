import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
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
  /** One line for help, in the reader's language (from the feature's catalogue). */
  summary: string | ((tr: Translator) => string);
  audience: Audience;
  run(args: SubcommandArgs): Promise<void>;
}
