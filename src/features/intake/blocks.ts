import type { Translator } from '../../i18n';
import { actions, type Block, button, channelRef, context, section } from '../../slack/kit/blocks';
import { INTAKE_IDS } from './ids';
import { intakeText } from './messages';

/** What intake shows: the offer after a reaction and the answers of /pmo intake. Pure. */

type Message = { text: string; blocks: Block[] };

/** Only the person who reacted sees it; nothing is filed unless they click. */
export function renderOffer(tr: Translator, offerId: number): Message {
  const t = tr.of(intakeText);
  const text = t('offerText');
  return {
    text,
    blocks: [
      section(`:inbox_tray: *${text}* ${t('offerDetail')}`),
      actions(INTAKE_IDS.offerActions, [
        button(t('fileButton'), INTAKE_IDS.fileOffer, String(offerId), 'primary'),
      ]),
    ],
  };
}

export function renderIntakeOn(tr: Translator, channel: string, emoji: string, problems: string[]): Message {
  const t = tr.of(intakeText);
  const text = t('onText', { channel: channelRef(channel), emoji });
  return {
    text,
    blocks: [
      section(`:white_check_mark: ${text} ${t('onDetail')}`),
      ...problems.map((p) => context(`:warning: ${p}`)),
    ],
  };
}

export function renderIntakeOff(tr: Translator, channel: string, wasOn: boolean): Message {
  const text = tr.t(intakeText, wasOn ? 'offText' : 'notOnText', { channel: channelRef(channel) });
  return { text, blocks: [section(text)] };
}

export function renderIntakeUsage(tr: Translator, command: string, extra?: string): Message {
  const usage = tr.t(intakeText, 'usage', { command });
  const text = extra ? `${extra} ${usage}` : usage;
  return { text, blocks: [section(text)] };
}
