import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { addDays, localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import { action, type Feature } from '../../slack/kit';
import { safe } from '../../slack/kit/blocks';
import { listServices, renderCatalogModal } from '../catalog';
import { getTopic, listTopics, optIn, optOut, pause, renderOptOutAnswer, renderTopicList } from '../consent';
import { openRequestForm } from '../requests';
import { listTeam, renderTeamModal } from '../team';
import { dayToken, renderHomeListModal } from './blocks';
import { HOME_IDS } from './ids';
import { homeText } from './messages';
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
/** The kit's refusal (said before the clicker's language is known) stays English. */
const LEADS_ONLY = homeText.messages.en.leadsOnly;
const any = z.unknown();

/** The clicker's translator: one per click. */
const translatorOf = async (deps: Deps, client: WebClient, userId: string) =>
  translatorFor(await deps.languages.of(client, userId));

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
        const t = (await translatorOf(deps, client, userId)).of(homeText);
        const topic = await getTopic(deps.db, value);
        if (!topic || topic.retired) return tell(t('topicGone'));
        const changed = await optIn(deps.db, userId, [topic.id], 'home', deps.clock.now());
        const name = safe(topic.name, 100);
        const notice = changed.length
          ? t('optedInNotice', { topic: name, command: deps.config.pmo.command })
          : t('alreadyOptedIn', { topic: name });
        await refreshHome(deps, client, userId, { notice });
      },
    }),
    action({
      id: HOME_IDS.topicOut,
      value: rowId,
      run: async ({ deps, client, userId, value, tell }) => {
        const tr = await translatorOf(deps, client, userId);
        const topic = await getTopic(deps.db, value);
        if (!topic) return tell(tr.t(homeText, 'topicGone'));
        const result = await optOut(deps, userId, [topic.id], 'home', deps.clock.now());
        const answer = renderOptOutAnswer(topic, result, deps.config.pmo.command, tr);
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
        const tr = await translatorOf(deps, client, userId);
        await refreshHome(deps, client, userId, {
          notice: tr.t(homeText, 'pausedNotice', { date: dayToken(tr, until) }),
        });
      },
    }),
    action({
      id: HOME_IDS.resume,
      value: any,
      run: async ({ deps, client, userId }) => {
        await pause(deps.db, userId, null, 'home', deps.clock.now());
        const tr = await translatorOf(deps, client, userId);
        await refreshHome(deps, client, userId, { notice: tr.t(homeText, 'resumedNotice') });
      },
    }),
    action({
      id: HOME_IDS.more,
      value: z.enum(HOME_LISTS),
      run: async ({ deps, client, userId, value, triggerId }) => {
        const [model, tr] = await Promise.all([loadHome(deps, userId), translatorOf(deps, client, userId)]);
        await client.views.open({ trigger_id: triggerId, view: renderHomeListModal(tr, model, value) });
      },
    }),
    // The leads' lists. /pmo catalog and /pmo team answer with a private message; Home has no
    // place for one, so the same rendering is shown in a modal (their buttons know modals).
    action({
      id: HOME_IDS.manageCatalog,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: any,
      run: async ({ deps, client, userId, triggerId }) => {
        const [services, tr] = await Promise.all([
          listServices(deps.db, { includeRetired: true }),
          translatorOf(deps, client, userId),
        ]);
        await client.views.open({
          trigger_id: triggerId,
          view: renderCatalogModal(services, tr),
        });
      },
    }),
    action({
      id: HOME_IDS.manageTeam,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: any,
      run: async ({ deps, client, userId, triggerId }) => {
        const [members, tr] = await Promise.all([listTeam(deps.db), translatorOf(deps, client, userId)]);
        await client.views.open({
          trigger_id: triggerId,
          view: renderTeamModal(members, deps.config.pmo.leadIds, tr),
        });
      },
    }),
    action({
      id: HOME_IDS.manageTopics,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: any,
      run: async ({ deps, client, userId, triggerId }) => {
        // /pmo topics already answers with this modal.
        const [topics, tr] = await Promise.all([
          listTopics(deps.db, { includeRetired: true }),
          translatorOf(deps, client, userId),
        ]);
        await client.views.open({ trigger_id: triggerId, view: renderTopicList(topics, undefined, tr) });
      },
    }),
  ],
};
