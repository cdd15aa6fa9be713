import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { auditCommand } from '../../features/audit/commands';
import { awayCommand, calendarCommand, queueCommand } from '../../features/calendar/commands';
import { catalogCommand } from '../../features/catalog/commands';
import { coachingCommand } from '../../features/coaching/commands';
import { optinCommand, optoutCommand, topicsCommand } from '../../features/consent/commands';
import { digestCommand } from '../../features/digest/commands';
import { intakeCommand } from '../../features/intake/commands';
import { inviteCommand } from '../../features/invitations/commands';
import { libraryCommand } from '../../features/library/commands';
import { eraseCommand, exportCommand, forgetMeCommand, myDataCommand } from '../../features/privacy/commands';
import { requestCommand, statusCommand } from '../../features/requests/commands';
import { teamCommand } from '../../features/team/commands';
import { isLead, isMember } from '../../features/team/roles';
import { feedbackCommand } from '../../features/value/commands';
import { cleanText } from '../../lib/input';
import { helpCommand } from './help';
import { renderHelp } from './help-blocks';
import type { Subcommand } from './subcommand';

/**
 * `/pmo <subcommand> [text]`. Each subcommand lives in its own file and is listed here; the
 * help is rendered from this table, so it always lists every command the app has.
 */
export const SUBCOMMANDS: Subcommand[] = [
  helpCommand,
  requestCommand,
  statusCommand,
  digestCommand,
  teamCommand,
  catalogCommand,
  optinCommand,
  optoutCommand,
  coachingCommand,
  inviteCommand,
  topicsCommand,
  intakeCommand,
  queueCommand,
  awayCommand,
  calendarCommand,
  myDataCommand,
  forgetMeCommand,
  eraseCommand,
  exportCommand,
  auditCommand,
  feedbackCommand,
  libraryCommand,
];

export function findSubcommand(word: string): Subcommand | undefined {
  const w = word.toLowerCase();
  return SUBCOMMANDS.find((s) => s.name === w || s.aliases?.includes(w));
}

export function registerCommands(app: App, deps: Deps): void {
  const { config, db } = deps;
  app.command(config.pmo.command, async (args) => {
    const { command, ack } = args;
    // Typed text is external input like any other: control characters go before anything reads it.
    const text = cleanText(typeof command.text === 'string' ? command.text : '').trim();
    const [word = '', ...restWords] = text.split(/\s+/);
    const sub = word ? findSubcommand(word) : undefined;

    if (!sub || sub === helpCommand) {
      const help = renderHelp(config.pmo.command, SUBCOMMANDS);
      const unknown = word && !sub && word.toLowerCase() !== 'help';
      await ack({
        response_type: 'ephemeral',
        text: unknown ? `I don't know "${word}". ${help.text}` : help.text,
        blocks: unknown
          ? [
              {
                type: 'section',
                text: {
                  type: 'mrkdwn',
                  text: `I don't know \`${word.slice(0, 50).replace(/[`<>&]/g, '')}\` — here is what I can do.`,
                },
              },
              ...help.blocks,
            ]
          : help.blocks,
      });
      return;
    }

    const allowed =
      sub.audience === 'everyone' ||
      (sub.audience === 'leads' && isLead(config, command.user_id)) ||
      (sub.audience === 'members' && (await isMember(db, config, command.user_id)));
    if (!allowed) {
      const who = sub.audience === 'leads' ? 'PMO leads' : 'PMO members';
      await ack({
        response_type: 'ephemeral',
        text: `\`${config.pmo.command} ${sub.name}\` is for ${who}. If you think you should have access, ask a PMO lead.`,
      });
      return;
    }

    await sub.run({ ...args, rest: restWords.join(' '), deps });
  });
}
