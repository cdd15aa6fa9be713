import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';

/** Button clicks and selections, one file per action, registered here. */
export function registerActions(_app: App, _deps: Deps): void {}
