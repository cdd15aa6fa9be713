import { z } from 'zod';
import { addDays, localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { action, type Feature } from '../../slack/kit';
import { safe } from '../../slack/kit/blocks';
import { listServices, renderCatalogModal } from '../catalog';
import { getTopic, listTopics, optIn, optOut, pause, renderOptOutAnswer, renderTopicList } from '../consent';
import { openRequestForm } from '../requests';
import { listTeam, renderTeamModal } from '../team';
import { renderHomeListModal } from './blocks';
import { HOME_IDS } from './ids';
import { refreshHome } from './publisher';
import { HOME_LISTS, loadHome } from './service';

/**
 * Buttons only Home has. Each calls what the slash command or message elsewhere calls: New
 * request opens the `/pmo request` form, the topic toggles and pause go through the consent
 * service like `/pmo optin` and the invitation buttons (recorded with source 'home'), the admin
 * buttons open the lists of `/pmo catalog`, `/pmo topics` and `/pmo team`. Every change
 * re-publishes Home with a line saying what happened.
 */

const PAUSE_DAYS = 28;
const LEADS_ONLY = 'Only PMO leads manage the PMO.';
const any = z.unknown();

export const homeFeature: Feature = {
  name: 'home',
  actions: [
    action({
      id: HOME_IDS.newRequest,
      value: any,
      run: async ({ deps, client, triggerId }) => {
        await openRequestForm(deps, client, triggerId);
      },
    }),
    action({
      id: HOME_IDS.topicIn,
      value: rowId,
      run: async ({ deps, client, userId, value, tell }) => {
        const topic = await getTopic(deps.db, value);
        if (!topic || topic.retired) return tell('That topic no longer exists.');
        const changed = await optIn(deps.db, userId, [topic.id], 'home', deps.clock.now());
        const notice = changed.length
          ? `You opted in to ${safe(topic.name, 100)}. You can opt out any time, here or with \`${deps.config.pmo.command} optout\`.`
          : `You were already opted in to ${safe(topic.name, 100)}.`;
        await refreshHome(deps, client, userId, { notice });
      },
    }),
    action({
      id: HOME_IDS.topicOut,
      value: rowId,
      run: async ({ deps, client, userId, value, tell }) => {
        const topic = await getTopic(deps.db, value);
        if (!topic) return tell('That topic no longer exists.');
        const result = await optOut(deps, userId, [topic.id], 'home', deps.clock.now());
        const answer = renderOptOutAnswer(topic, result, deps.config.pmo.command);
        // The command's own words; topic names are lead-typed, so escaped for mrkdwn.
        await refreshHome(deps, client, userId, { notice: safe(answer.text, 1000) });
      },
    }),
    action({
      id: HOME_IDS.pause,
      value: any,
      run: async ({ deps, client, userId }) => {
        // The same four weeks, counted in the person's own calendar, as the invitation's button.
        const tz = await deps.people.timeZone(client, userId);
        const until = addDays(localDate(deps.clock.now(), tz), PAUSE_DAYS);
        await pause(deps.db, userId, until, 'home', deps.clock.now());
        await refreshHome(deps, client, userId, {
          notice: `Invitations paused until ${until}. Resume any time.`,
        });
      },
    }),
    action({
      id: HOME_IDS.resume,
      value: any,
      run: async ({ deps, client, userId }) => {
        await pause(deps.db, userId, null, 'home', deps.clock.now());
        await refreshHome(deps, client, userId, { notice: 'Invitations resumed.' });
      },
    }),
    action({
      id: HOME_IDS.more,
      value: z.enum(HOME_LISTS),
      run: async ({ deps, client, userId, value, triggerId }) => {
        const model = await loadHome(deps, userId);
        await client.views.open({ trigger_id: triggerId, view: renderHomeListModal(model, value) });
      },
    }),
    // The leads' lists. /pmo catalog and /pmo team answer with a private message; Home has no
    // place for one, so the same rendering is shown in a modal (their buttons know modals).
    action({
      id: HOME_IDS.manageCatalog,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: any,
      run: async ({ deps, client, triggerId }) => {
        const services = await listServices(deps.db, { includeRetired: true });
        await client.views.open({
          trigger_id: triggerId,
          view: renderCatalogModal(services),
        });
      },
    }),
    action({
      id: HOME_IDS.manageTeam,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: any,
      run: async ({ deps, client, triggerId }) => {
        const members = await listTeam(deps.db);
        await client.views.open({
          trigger_id: triggerId,
          view: renderTeamModal(members, deps.config.pmo.leadIds),
        });
      },
    }),
    action({
      id: HOME_IDS.manageTopics,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: any,
      run: async ({ deps, client, triggerId }) => {
        // /pmo topics already answers with this modal.
        const topics = await listTopics(deps.db, { includeRetired: true });
        await client.views.open({ trigger_id: triggerId, view: renderTopicList(topics) });
      },
    }),
  ],
};
