import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';

/** Modal submissions, one file per callback_id, registered here. */
export function registerViews(_app: App, _deps: Deps): void {}
