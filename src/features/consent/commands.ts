import { translatorFor } from '../../i18n';
import { localDate } from '../../lib/calendar';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderOptinModal, renderOptOutAnswer, renderUnknownTopic } from './blocks';
import { consentText } from './messages';
import { getConsentState, optOut } from './service';
import { listTopics, matchTopic, visibleText } from './topics';
import { renderTopicList } from './topics-blocks';

export const optinCommand: Subcommand = {
  name: 'optin',
  aliases: ['opt-in'],
  usage: 'optin',
  summary: (tr) => tr.t(consentText, 'optinSummary'),
  audience: 'everyone',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    const [state, language] = await Promise.all([
      getConsentState(deps.db, command.user_id),
      deps.languages.of(client, command.user_id),
    ]);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: renderOptinModal(
        state,
        localDate(deps.clock.now(), deps.config.pmo.timezone),
        translatorFor(language),
      ),
    });
  },
};

export const optoutCommand: Subcommand = {
  name: 'optout',
  aliases: ['opt-out'],
  usage: 'optout [topic | all]',
  summary: (tr) => tr.t(consentText, 'optoutSummary'),
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    const { db, clock, config } = deps;
    const tr = translatorFor(await deps.languages.of(client, command.user_id));
    // Everything is opted out of only when asked for plainly: nothing typed, or `all`.
    // Anything else must name a topic; characters nobody can see name none.
    const typed = visibleText(rest);
    if (!rest.trim() || OPT_OUT_ALL.has(typed.toLowerCase())) {
      const result = await optOut(deps, command.user_id, 'all', 'optout_command', clock.now());
      await ack({ response_type: 'ephemeral', ...renderOptOutAnswer('all', result, config.pmo.command, tr) });
      await deps.surfaces.refreshHome(client, command.user_id);
      return;
    }
    const topics = await listTopics(db);
    const topic = matchTopic(topics, typed);
    if (!topic) {
      const state = await getConsentState(db, command.user_id);
      const yours = state.topics.filter((t) => t.optedIn);
      await ack({ response_type: 'ephemeral', ...renderUnknownTopic(tr, typed, yours, config.pmo.command) });
      return;
    }
    const result = await optOut(deps, command.user_id, [topic.id], 'optout_command', clock.now());
    await ack({ response_type: 'ephemeral', ...renderOptOutAnswer(topic, result, config.pmo.command, tr) });
    await deps.surfaces.refreshHome(client, command.user_id);
  },
};

const OPT_OUT_ALL = new Set(['all', 'everything']);

export const topicsCommand: Subcommand = {
  name: 'topics',
  usage: 'topics',
  summary: (tr) => tr.t(consentText, 'topicsSummary'),
  audience: 'leads',
  run: async ({ ack, client, command, deps }) => {
    await ack();
    const [topics, language] = await Promise.all([
      listTopics(deps.db, { includeRetired: true }),
      deps.languages.of(client, command.user_id),
    ]);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: renderTopicList(topics, undefined, translatorFor(language)),
    });
  },
};
