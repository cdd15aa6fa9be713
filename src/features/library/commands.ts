import { localDate } from '../../lib/calendar';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderEntryForm, renderResults } from './blocks';
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
  summary: 'find templates, standards, playbooks, training and lessons; members add to it',
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    const { db, config, clock } = deps;
    const actor = await deps.roles.actor(command.user_id);
    const words = rest.trim();
    if (words.toLowerCase() === 'add') {
      if (!canAdd(actor)) {
        await ack({
          response_type: 'ephemeral',
          text: `Adding to the library is for PMO members. You can search it with \`${config.pmo.command} library [words]\`, and if something is missing, tell the PMO with \`${config.pmo.command} request\`.`,
        });
        return;
      }
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: renderEntryForm(await entryChoices(db)),
      });
      return;
    }
    const hits = await searchEntries(db, { words, includeDrafts: actor.member });
    if (words && hits.length === 0) await recordMiss(db, words, clock.now());
    const today = localDate(clock.now(), config.pmo.timezone);
    await ack({ response_type: 'ephemeral', ...renderResults(words, hits, today, config.pmo.command) });
  },
};
