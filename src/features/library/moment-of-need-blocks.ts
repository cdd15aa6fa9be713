import type { OutboxPayload } from '../../db/schema';
import { actions, type Block, button, header, mention, safe, section } from '../../slack/kit/blocks';
import { linkTo } from './blocks';
import { LIBRARY_IDS as IDS } from './ids';
import type { Suggestion } from './moment-of-need';
import { KINDS } from './policy';

/** The library's blocks at the moment of need: under the request form's service, and for a claimer. */

export const HELP_NOW_HEADING = 'These might help right now';

const describe = (e: Suggestion) => `*${safe(e.title, 200)}* · ${KINDS[e.kind]}\n${safe(e.summary, 400)}`;

/**
 * The suggestions in the request form: no inputs (they are not submitted with it), so a person
 * who ignores them sends the form as before. *Open* stacks the entry over the form (the open
 * action pushes when clicked in a modal); *This solved it* closes the form without filing.
 */
export function renderHelpNow(entries: Suggestion[]): Block[] {
  if (entries.length === 0) return [];
  return [
    header(HELP_NOW_HEADING),
    ...entries.flatMap((e): Block[] => {
      const id = String(e.id);
      return [
        section(describe(e)),
        actions(`library_help_${id}`, [
          button('Open', `${IDS.openPrefix}${id}`, id),
          button('This solved it', `${IDS.solvedPrefix}${id}`, id, 'primary'),
        ]),
      ];
    }),
  ];
}

/** The thread reply to the member who claimed a request: what the library already has for it. */
export function renderForClaimer(entries: Suggestion[], memberId: string): OutboxPayload | undefined {
  if (entries.length === 0) return undefined;
  // The notification text is mrkdwn too: titles escaped there as in the blocks.
  const names = entries.map((e) => safe(e.title, 100)).join(', ');
  return {
    text: `These PMO library entries match this request: ${names}`.slice(0, 3000),
    blocks: [
      section(`${mention(memberId)}, these PMO library entries match this request:`),
      ...entries.map((e) =>
        section(`${describe(e)}${e.link ? `\n${linkTo(e.link, 'Open the link')}` : ''}`, {
          accessory: button('Open', `${IDS.openPrefix}${e.id}`, String(e.id)),
        }),
      ),
    ],
  };
}
