import { slackDate, translatorFor } from '../../i18n';
import { mentionedUser } from '../../lib/input';
import type { Subcommand } from '../../slack/commands/subcommand';
import { openConversation } from '../../slack/kit/conversations';
import { shareFile } from '../../slack/kit/files';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { renderEraseModal, renderForgetMeModal } from './blocks';
import { exportCommentsCsv, exportRequestsCsv } from './export';
import { privacyText } from './messages';
import { collectMyData } from './my-data';

/** `/pmo my-data`: a JSON file in the person's DM with everything kept about them. */
export const myDataCommand: Subcommand = {
  name: 'my-data',
  aliases: ['mydata'],
  usage: 'my-data',
  summary: (tr) => tr.t(privacyText, 'myDataSummary'),
  audience: 'everyone',
  run: async ({ ack, respond, client, command, deps }) => {
    const userId = command.user_id;
    const tr = translatorFor(await deps.languages.of(client, userId));
    const t = tr.of(privacyText);
    await ack({ response_type: 'ephemeral', text: t('myDataAck') });
    try {
      const now = deps.clock.now();
      const data = await collectMyData(deps.db, userId, now, tr);
      const channelId = await openConversation(client, userId);
      await shareFile(client, {
        channelId,
        filename: `pmo-my-data-${now.toISOString().slice(0, 10)}.json`,
        title: t('myDataFileTitle'),
        bytes: Buffer.from(JSON.stringify(data, null, 2)),
        initialComment: t('myDataComment', {
          requests: data.requests.length,
          checkins: data.check_in_answers.length,
          command: deps.config.pmo.command,
        }),
      });
    } catch (err) {
      deps.logger.error({ err, user: userId }, 'my-data export failed');
      await respond({ response_type: 'ephemeral', text: t('myDataFailed') });
    }
  },
};

/** `/pmo forget-me`: a confirmation modal; its submission erases the person (listeners.ts). */
export const forgetMeCommand: Subcommand = {
  name: 'forget-me',
  aliases: ['forgetme'],
  usage: 'forget-me',
  summary: (tr) => tr.t(privacyText, 'forgetMeSummary'),
  audience: 'everyone',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    const tr = translatorFor(await deps.languages.of(client, command.user_id));
    await client.views.open({ trigger_id: command.trigger_id, view: renderForgetMeModal(tr) });
  },
};

/** `/pmo erase @person` (leads): erase someone who left, after a confirmation modal. */
export const eraseCommand: Subcommand = {
  name: 'erase',
  usage: 'erase @person',
  summary: (tr) => tr.t(privacyText, 'eraseSummary'),
  audience: 'leads',
  run: async ({ ack, client, command, rest, deps }) => {
    const userId = mentionedUser(rest);
    const tr = translatorFor(await deps.languages.of(client, command.user_id));
    if (!userId) {
      await ack({
        response_type: 'ephemeral',
        text: tr.t(privacyText, 'eraseNameOne', { command: deps.config.pmo.command }),
      });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: renderEraseModal(userId, tr) });
  },
};

/** `/pmo export` (leads): the requests as CSV in the lead's DM, and the comments apart. */
export const exportCommand: Subcommand = {
  name: 'export',
  usage: 'export',
  summary: (tr) => tr.t(privacyText, 'exportSummary'),
  audience: 'leads',
  run: async ({ ack, respond, client, command, deps }) => {
    const lead = command.user_id;
    const tr = translatorFor(await deps.languages.of(client, lead));
    const t = tr.of(privacyText);
    await ack({ response_type: 'ephemeral', text: t('exportAck') });
    try {
      const now = deps.clock.now();
      const day = now.toISOString().slice(0, 10);
      const [requests, comments] = await Promise.all([
        exportRequestsCsv(deps.db, tr),
        exportCommentsCsv(deps.db, tr),
      ]);
      const channelId = await openConversation(client, lead);
      await shareFile(client, {
        channelId,
        filename: `pmo-requests-${day}.csv`,
        title: t('exportRequestsTitle', { count: tr.number(requests.count) }),
        bytes: requests.csv,
        initialComment: t('exportRequestsComment', {
          day: slackDate(now, tr.locale, deps.config.pmo.timezone, 'date_long'),
          count: tr.number(requests.count),
        }),
      });
      await shareFile(client, {
        channelId,
        filename: `pmo-comments-${day}.csv`,
        title: t('exportCommentsTitle', { count: tr.number(comments.count) }),
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
      await respond({ response_type: 'ephemeral', text: t('exportFailed') });
    }
  },
};
