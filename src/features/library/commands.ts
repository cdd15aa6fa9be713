import { localDate } from '../../lib/calendar';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderEntryForm, renderResults } from './blocks';
import { translatorOf } from './language';
import { libraryText } from './messages';
import { canAdd } from './policy';
import { entryChoices, recordMiss, searchEntries } from './service';

/**
 * `/pmo library [words]`: the best matches, privately. `/pmo library add` (members): the form.
 * Everyone may search; what they see depends on who they are (members see drafts to review).
 */
export const libraryCommand: Subcommand = {
  name: 'library',
  aliases: ['lib'],
  usage: 'library [words] · library add',
  summary: (tr) => tr.t(libraryText, 'commandSummary'),
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    const { db, config, clock } = deps;
    const [actor, tr] = await Promise.all([
      deps.roles.actor(command.user_id),
      translatorOf(deps, client, command.user_id),
    ]);
    const words = rest.trim();
    if (words.toLowerCase() === 'add') {
      if (!canAdd(actor)) {
        await ack({
          response_type: 'ephemeral',
          text: tr.t(libraryText, 'addMembersOnly', { command: config.pmo.command }),
        });
        return;
      }
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: renderEntryForm(tr, await entryChoices(db)),
      });
      return;
    }
    const hits = await searchEntries(db, { words, includeDrafts: actor.member });
    if (words && hits.length === 0) await recordMiss(db, words, clock.now());
    const today = localDate(clock.now(), config.pmo.timezone);
    await ack({ response_type: 'ephemeral', ...renderResults(tr, words, hits, today, config.pmo.command) });
  },
};
