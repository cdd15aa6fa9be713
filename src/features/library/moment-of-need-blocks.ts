import type { OutboxPayload } from '../../db/schema';
import type { Translator } from '../../i18n';
import { actions, type Block, button, header, mention, safe, section } from '../../slack/kit/blocks';
import { linkTo } from './blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { ENGLISH, kindName } from './language';
import { libraryText } from './messages';
import type { Suggestion } from './moment-of-need';

/** The library's blocks at the moment of need: under the request form's service, and for a claimer. */

/** The heading in English (what the request form shows by default). */
export const HELP_NOW_HEADING = libraryText.messages.en.helpNowHeading;

const describe = (tr: Translator, e: Suggestion) =>
  `*${safe(e.title, 200)}* · ${kindName(tr, e.kind)}\n${safe(e.summary, 400)}`;

/**
 * The suggestions in the request form: no inputs (they are not submitted with it), so a person
 * who ignores them sends the form as before. *Open* stacks the entry over the form (the open
 * action pushes when clicked in a modal); *This solved it* closes the form without filing.
 */
export function renderHelpNow(entries: Suggestion[], tr: Translator = ENGLISH): Block[] {
  if (entries.length === 0) return [];
  const t = tr.of(libraryText);
  return [
    header(t('helpNowHeading')),
    ...entries.flatMap((e): Block[] => {
      const id = String(e.id);
      return [
        section(describe(tr, e)),
        actions(`library_help_${id}`, [
          button(t('open'), `${IDS.openPrefix}${id}`, id),
          button(t('solvedButton'), `${IDS.solvedPrefix}${id}`, id, 'primary'),
        ]),
      ];
    }),
  ];
}

/** The thread reply to the member who claimed a request: what the library already has for it. */
export function renderForClaimer(
  entries: Suggestion[],
  memberId: string,
  tr: Translator = ENGLISH,
): OutboxPayload | undefined {
  if (entries.length === 0) return undefined;
  const t = tr.of(libraryText);
  // The notification text is mrkdwn too: titles escaped there as in the blocks.
  const names = entries.map((e) => safe(e.title, 100)).join(', ');
  return {
    text: t('claimerText', { names }).slice(0, 3000),
    blocks: [
      section(t('claimerIntro', { member: mention(memberId) })),
      ...entries.map((e) =>
        section(`${describe(tr, e)}${e.link ? `\n${linkTo(e.link, t('openLink'))}` : ''}`, {
          accessory: button(t('open'), `${IDS.openPrefix}${e.id}`, String(e.id)),
        }),
      ),
    ],
  };
}
