import { mentionedUser } from '../../lib/input';
import type { Subcommand } from '../../slack/commands/subcommand';
import { openConversation } from '../../slack/kit/conversations';
import { shareFile } from '../../slack/kit/files';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { renderEraseModal, renderForgetMeModal } from './blocks';
import { exportCommentsCsv, exportRequestsCsv } from './export';
import { collectMyData } from './my-data';

/** `/pmo my-data`: a JSON file in the person's DM with everything kept about them. */
export const myDataCommand: Subcommand = {
  name: 'my-data',
  aliases: ['mydata'],
  usage: 'my-data',
  summary: 'get a file (JSON) in your DM with everything the PMO app keeps about you',
  audience: 'everyone',
  run: async ({ ack, respond, client, command, deps }) => {
    await ack({
      response_type: 'ephemeral',
      text: 'Gathering everything kept about you; the file (JSON) arrives in your DM with the app in a moment.',
    });
    const userId = command.user_id;
    try {
      const now = deps.clock.now();
      const data = await collectMyData(deps.db, userId, now);
      const channelId = await openConversation(client, userId);
      await shareFile(client, {
        channelId,
        filename: `pmo-my-data-${now.toISOString().slice(0, 10)}.json`,
        title: 'Everything PMO Concierge keeps about you',
        bytes: Buffer.from(JSON.stringify(data, null, 2)),
        initialComment: `Here is everything PMO Concierge keeps about you (JSON): ${data.requests.length} request(s), ${data.check_in_answers.length} check-in(s), your consent history, RSVPs and coaching. To have it erased: \`${deps.config.pmo.command} forget-me\`.`,
      });
    } catch (err) {
      deps.logger.error({ err, user: userId }, 'my-data export failed');
      await respond({
        response_type: 'ephemeral',
        text: 'Sorry, the file could not be sent. Please try again later.',
      });
    }
  },
};

/** `/pmo forget-me`: a confirmation modal; its submission erases the person (listeners.ts). */
export const forgetMeCommand: Subcommand = {
  name: 'forget-me',
  aliases: ['forgetme'],
  usage: 'forget-me',
  summary: 'erase what the PMO app keeps about you (asks you to confirm first)',
  audience: 'everyone',
  run: async ({ ack, client, command }) => {
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: renderForgetMeModal() });
  },
};

/** `/pmo erase @person` (leads): erase someone who left, after a confirmation modal. */
export const eraseCommand: Subcommand = {
  name: 'erase',
  usage: 'erase @person',
  summary: 'erase a person who left the organisation (asks you to confirm first)',
  audience: 'leads',
  run: async ({ ack, client, command, rest }) => {
    const userId = mentionedUser(rest);
    if (!userId) {
      await ack({ response_type: 'ephemeral', text: 'Name one person, like `/pmo erase @someone`.' });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: renderEraseModal(userId) });
  },
};

/** `/pmo export` (leads): the requests as CSV in the lead's DM, and the comments apart. */
export const exportCommand: Subcommand = {
  name: 'export',
  usage: 'export',
  summary: 'get a CSV of all requests (and anonymous comments) in your DM',
  audience: 'leads',
  run: async ({ ack, respond, client, command, deps }) => {
    await ack({
      response_type: 'ephemeral',
      text: 'Preparing the export; it arrives in your DM with the app.',
    });
    const lead = command.user_id;
    try {
      const now = deps.clock.now();
      const day = now.toISOString().slice(0, 10);
      const [requests, comments] = await Promise.all([
        exportRequestsCsv(deps.db),
        exportCommentsCsv(deps.db),
      ]);
      const channelId = await openConversation(client, lead);
      await shareFile(client, {
        channelId,
        filename: `pmo-requests-${day}.csv`,
        title: `PMO requests (${requests.count})`,
        bytes: requests.csv,
        initialComment: `The PMO's requests as of ${day} (${requests.count}). Comments are in a file of their own, by week, only for weeks where at least 3 different people answered; they are never attributed to anyone.`,
      });
      await shareFile(client, {
        channelId,
        filename: `pmo-comments-${day}.csv`,
        title: `PMO feedback comments (${comments.count})`,
        bytes: comments.csv,
      });
      await recordAudit(deps.db, {
        actor: lead,
        action: AUDIT_ACTIONS.export,
        subject: `requests (${requests.count}) and comments (${comments.count})`,
        at: now,
      });
    } catch (err) {
      deps.logger.error({ err, user: lead }, 'export failed');
      await respond({
        response_type: 'ephemeral',
        text: 'Sorry, the export could not be sent. Please try again later.',
      });
    }
  },
};
