import { actions, type Block, button, channelRef, context, section } from '../../slack/kit/blocks';
import { INTAKE_IDS } from './ids';

/** What intake shows: the offer after a reaction and the answers of /pmo intake. Pure. */

type Message = { text: string; blocks: Block[] };

/** Only the person who reacted sees it; nothing is filed unless they click. */
export function renderOffer(offerId: number): Message {
  const text = 'File this as a PMO request?';
  return {
    text,
    blocks: [
      section(
        `:inbox_tray: *${text}* The form opens with the message filled in; nothing is sent until you submit it.`,
      ),
      actions(INTAKE_IDS.offerActions, [
        button('File a request', INTAKE_IDS.fileOffer, String(offerId), 'primary'),
      ]),
    ],
  };
}

export function renderIntakeOn(channel: string, emoji: string, problems: string[]): Message {
  const text = `Reaction intake is on in ${channelRef(channel)}: reacting with :${emoji}: on a message there offers that person a prefilled request form.`;
  return {
    text,
    blocks: [
      section(`:white_check_mark: ${text} Nothing is filed without their click.`),
      ...problems.map((p) => context(`:warning: ${p}`)),
    ],
  };
}

export function renderIntakeOff(channel: string, wasOn: boolean): Message {
  const text = wasOn
    ? `Reaction intake is off in ${channelRef(channel)}.`
    : `Reaction intake was not on in ${channelRef(channel)}; nothing changed.`;
  return { text, blocks: [section(text)] };
}

export function renderIntakeUsage(command: string, extra?: string): Message {
  const text =
    `${extra ? `${extra} ` : ''}Use \`${command} intake #channel :emoji:\` to let people file a request by reacting ` +
    `with that emoji in that channel, and \`${command} intake off #channel\` to stop. Run it in the channel itself ` +
    'and the channel can be left out.';
  return { text, blocks: [section(text)] };
}
