import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { addDays, localDate } from '../../services/calendar';
import { listServices } from '../../services/catalog';
import { optIn, optOut, pause } from '../../services/consent';
import { HOME_LISTS, loadHome } from '../../services/home';
import { isLead } from '../../services/people';
import { listTeam } from '../../services/team';
import { getTopic, listTopics } from '../../services/topics';
import { safe } from '../../views/blocks';
import { renderCatalog } from '../../views/catalog';
import { renderOptOutAnswer } from '../../views/consent';
import { ADMIN_TITLES, renderAdminModal, renderHomeListModal } from '../../views/home';
import { renderTeam } from '../../views/team';
import { renderTopicList } from '../../views/topics';
import { refreshHome } from '../home-publisher';
import { HOME_IDS } from '../ids';
import { openRequestForm } from '../request-form-open';
import { personTz } from './invitations/invitation-dm';
import { requestIdOf } from './respond';

/**
 * Buttons only Home has. Each calls what the slash command or message elsewhere calls:
 * New request opens the `/pmo request` form, the topic toggles and pause go through the
 * consent service like `/pmo optin`, `/pmo optout` and the invitation buttons (recorded with
 * source 'home'), the admin buttons open the lists of `/pmo catalog`, `/pmo topics` and
 * `/pmo team`. Every change re-publishes Home with a line saying what happened.
 */

const PAUSE_DAYS = 28;
const listName = z.enum(HOME_LISTS);

export function registerHomeActions(app: App, deps: Deps): void {
  const { db, clock, config } = deps;

  app.action<BlockAction<ButtonAction>>(HOME_IDS.newRequest, async ({ ack, body, client }) => {
    await ack();
    await openRequestForm(deps, client, body.trigger_id);
  });

  app.action<BlockAction<ButtonAction>>(HOME_IDS.topicIn, async ({ ack, body, action, client }) => {
    await ack();
    const id = requestIdOf(action.value);
    const topic = id === undefined ? undefined : await getTopic(db, id);
    if (!topic || topic.retired) {
      await refreshHome(deps, client, body.user.id, { notice: 'That topic no longer exists.' });
      return;
    }
    const changed = await optIn(db, body.user.id, [topic.id], 'home', clock.now());
    const notice = changed.length
      ? `You opted in to ${safe(topic.name, 100)}. You can opt out any time, here or with \`${config.pmo.command} optout\`.`
      : `You were already opted in to ${safe(topic.name, 100)}.`;
    await refreshHome(deps, client, body.user.id, { notice });
  });

  app.action<BlockAction<ButtonAction>>(HOME_IDS.topicOut, async ({ ack, body, action, client }) => {
    await ack();
    const id = requestIdOf(action.value);
    const topic = id === undefined ? undefined : await getTopic(db, id);
    if (!topic) {
      await refreshHome(deps, client, body.user.id, { notice: 'That topic no longer exists.' });
      return;
    }
    const result = await optOut(db, body.user.id, [topic.id], 'home', clock.now());
    // Opting out of coaching ends it: its goodbye DMs are in the outbox.
    if (result.coachingEnded) deps.outbox.kick();
    const answer = renderOptOutAnswer(topic, result, config.pmo.command);
    // The command's own words; topic names are lead-typed, so escaped for mrkdwn.
    await refreshHome(deps, client, body.user.id, { notice: safe(answer.text, 1000) });
  });

  app.action<BlockAction<ButtonAction>>(HOME_IDS.pause, async ({ ack, body, client }) => {
    await ack();
    // The same four weeks, counted in the person's own calendar, as the invitation's button.
    const tz = await personTz(deps, client, body.user.id);
    const until = addDays(localDate(clock.now(), tz), PAUSE_DAYS);
    await pause(db, body.user.id, until, 'home', clock.now());
    await refreshHome(deps, client, body.user.id, {
      notice: `Invitations paused until ${until}. Resume any time.`,
    });
  });

  app.action<BlockAction<ButtonAction>>(HOME_IDS.resume, async ({ ack, body, client }) => {
    await ack();
    await pause(db, body.user.id, null, 'home', clock.now());
    await refreshHome(deps, client, body.user.id, { notice: 'Invitations resumed.' });
  });

  app.action<BlockAction<ButtonAction>>(HOME_IDS.more, async ({ ack, body, action, client }) => {
    await ack();
    const list = listName.safeParse(action.value);
    if (!list.success) return;
    const model = await loadHome(deps, body.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: renderHomeListModal(model, list.data) });
  });

  // The leads' lists. /pmo catalog and /pmo team answer with a private message; Home has no
  // place for one, so the same rendering is shown in a modal (their buttons know modals).
  const leadsOnly = async (userId: string, client: Parameters<typeof refreshHome>[1]) => {
    if (isLead(config, userId)) return true;
    await refreshHome(deps, client, userId, { notice: 'Only PMO leads manage the PMO.' });
    return false;
  };

  app.action<BlockAction<ButtonAction>>(HOME_IDS.manageCatalog, async ({ ack, body, client }) => {
    await ack();
    if (!(await leadsOnly(body.user.id, client))) return;
    const services = await listServices(db, { includeRetired: true });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: renderAdminModal(ADMIN_TITLES.catalog, renderCatalog(services)),
    });
  });

  app.action<BlockAction<ButtonAction>>(HOME_IDS.manageTeam, async ({ ack, body, client }) => {
    await ack();
    if (!(await leadsOnly(body.user.id, client))) return;
    const members = await listTeam(db);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: renderAdminModal(ADMIN_TITLES.team, renderTeam(members, config.pmo.leadIds)),
    });
  });

  app.action<BlockAction<ButtonAction>>(HOME_IDS.manageTopics, async ({ ack, body, client }) => {
    await ack();
    if (!(await leadsOnly(body.user.id, client))) return;
    // /pmo topics already answers with this modal.
    const topics = await listTopics(db, { includeRetired: true });
    await client.views.open({ trigger_id: body.trigger_id, view: renderTopicList(topics) });
  });
}
