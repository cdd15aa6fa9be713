import { type Translator, translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { cannotPostIn, translatorOf } from '../requests';
import { renderIntakeOff, renderIntakeOn, renderIntakeUsage } from './blocks';
import { intakeText } from './messages';
import { clearIntakeChannel, setIntakeChannel } from './service';
import { emojiName } from './text';

/**
 * `/pmo intake #channel :emoji:` and `/pmo intake off #channel` (leads): reaction intake, opt-in
 * per channel. The channel is the command's own when left out. Slack sends a channel picked
 * from the autocomplete as `<#C123|name>`; a typed `#name` is understood only for the channel
 * the command is typed in (looking channels up by name would need another scope).
 */
export type ChannelArg = { ok: true; channel: string } | { ok: false; problem: string };

export function channelArg(
  word: string | undefined,
  here: { id: string; name: string },
  tr: Translator = translatorFor('en'),
): ChannelArg {
  if (!word) return { ok: true, channel: here.id };
  const escaped = /^<#([CG][A-Z0-9]{2,20})(?:\|[^>]*)?>$/.exec(word);
  if (escaped?.[1]) return { ok: true, channel: escaped[1] };
  if (/^[CG][A-Z0-9]{2,20}$/.test(word)) return { ok: true, channel: word };
  const name = word.replace(/^#/, '').toLowerCase();
  if (name === here.name.toLowerCase()) return { ok: true, channel: here.id };
  return {
    ok: false,
    problem: tr.t(intakeText, 'cannotLookUp', { name: name.replace(/[^a-z0-9_-]/g, '').slice(0, 80) }),
  };
}

const REACTIONS_SCOPE = 'reactions:read';

export const intakeCommand: Subcommand = {
  name: 'intake',
  usage: 'intake #channel :emoji: | intake off #channel',
  summary: (tr) => tr.t(intakeText, 'summary'),
  audience: 'leads',
  run: async ({ ack, command, rest, deps, client }) => {
    const tr = await translatorOf(deps, client, command.user_id);
    const t = tr.of(intakeText);
    const words = rest.split(/\s+/).filter(Boolean);
    const here = { id: command.channel_id, name: command.channel_name };
    const usage = (extra?: string) =>
      ack({ response_type: 'ephemeral', ...renderIntakeUsage(tr, deps.config.pmo.command, extra) });
    if (words[0]?.toLowerCase() === 'off') {
      const target = channelArg(words[1], here, tr);
      if (!target.ok) return usage(target.problem);
      const wasOn = await clearIntakeChannel(deps.db, target.channel);
      return ack({ response_type: 'ephemeral', ...renderIntakeOff(tr, target.channel, wasOn) });
    }
    const emojiWord = words.find((w) => /^:[^:\s]+(::skin-tone-\d)?:$/.test(w));
    const channelWord = words.find((w) => w !== emojiWord);
    const emoji = emojiWord ? emojiName(emojiWord) : undefined;
    if (!emoji || words.length > 2) return usage();
    const target = channelArg(channelWord, here, tr);
    if (!target.ok) return usage(target.problem);
    await setIntakeChannel(
      deps.db,
      { channel: target.channel, emoji, setBy: command.user_id },
      deps.clock.now(),
    );
    // Reactions reach the app only in channels it is in, and only with reactions:read: ask
    // Slack (one read of the channel's history) and say so now rather than let it fail quietly.
    const problems: string[] = [];
    let scopes: string[] | undefined;
    try {
      const notThere = await cannotPostIn(client, target.channel, (s) => {
        scopes = s;
      });
      if (notThere) problems.push(t('notInChannel'));
    } catch (err) {
      deps.logger.warn({ err }, 'could not check the intake channel');
      problems.push(t('couldNotCheck'));
    }
    if (scopes && !scopes.includes(REACTIONS_SCOPE))
      problems.push(t('noReactionsScope', { scope: REACTIONS_SCOPE }));
    await ack({ response_type: 'ephemeral', ...renderIntakeOn(tr, target.channel, emoji, problems) });
  },
};
