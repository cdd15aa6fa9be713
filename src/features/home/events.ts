import { onEvent } from '../../slack/kit';
import { refreshHome } from './publisher';
import { recordHomeOpened } from './service';

/**
 * Opening the Home tab publishes it fresh, and remembers that this person looks at Home, so
 * later changes re-publish it for them (and only for people who look).
 */
export const homeOpened = onEvent('app_home_opened', async ({ event, client }, deps) => {
  if (event.tab !== 'home') return;
  await recordHomeOpened(deps.db, event.user, deps.clock.now());
  await refreshHome(deps, client, event.user);
});
