import { LANGUAGE_NAMES, LANGUAGES, languageOfLocale, translatorFor } from '../../i18n';
import type { Subcommand } from '../../slack/commands/subcommand';
import { renderLanguagePicker } from './blocks';
import { FOLLOW_SLACK } from './ids';
import { languageText } from './messages';
import { applyChoice, languageOf } from './service';

/**
 * `/pmo language` shows the language in use and a picker; `/pmo language fr` (or français,
 * de-DE…) chooses one, `/pmo language auto` follows Slack again. Answered in the language that
 * applies after the change, so the person sees at once what they chose.
 */
export const languageCommand: Subcommand = {
  name: 'language',
  aliases: ['langue', 'sprache', 'idioma'],
  usage: 'language [en|fr|de|es|auto]',
  summary: 'the language PMO Concierge speaks with you (your Slack language unless you choose)',
  audience: 'everyone',
  run: async ({ ack, client, command, rest, deps }) => {
    const given = rest.trim();
    const userId = command.user_id;
    if (!given) {
      const current = await languageOf(deps, client, userId);
      await ack({
        response_type: 'ephemeral',
        ...renderLanguagePicker(translatorFor(current.language), current),
      });
      return;
    }
    const wanted = given.toLowerCase() === FOLLOW_SLACK ? FOLLOW_SLACK : languageNamed(given);
    if (!wanted) {
      const current = await languageOf(deps, client, userId);
      const choices = LANGUAGES.map((l) => `\`${l}\` (${LANGUAGE_NAMES[l]})`).join(', ');
      await ack({
        response_type: 'ephemeral',
        text: translatorFor(current.language).t(languageText, 'unknown', {
          given: given.slice(0, 40),
          choices,
        }),
      });
      return;
    }
    const { now, notice } = await applyChoice(deps, client, userId, wanted === FOLLOW_SLACK ? null : wanted);
    await ack({
      response_type: 'ephemeral',
      ...renderLanguagePicker(translatorFor(now.language), now, notice),
    });
    await deps.surfaces.refreshHome(client, userId);
  },
};

/** `fr`, `fr-FR`, `Français`, `francais`, `french` → fr. */
function languageNamed(text: string) {
  const plainText = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  const byName = LANGUAGES.find(
    (l) =>
      LANGUAGE_NAMES[l]
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase() === plainText || ENGLISH_NAMES[l] === plainText,
  );
  return byName ?? languageOfLocale(plainText);
}

const ENGLISH_NAMES = { en: 'english', fr: 'french', de: 'german', es: 'spanish' } as const;
