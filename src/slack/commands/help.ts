import { commandsText } from './messages';
import type { Subcommand } from './subcommand';

/** `help` is answered by the router itself (it needs the whole table); this entry lists it. */
export const helpCommand: Subcommand = {
  name: 'help',
  usage: 'help',
  summary: (tr) => tr.t(commandsText, 'helpSummary'),
  audience: 'everyone',
  run: async () => {
    throw new Error('help is handled by the router');
  },
};
