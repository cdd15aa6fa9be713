import { LANGUAGE_NAMES, LANGUAGES, type Language, type Translator } from '../../i18n';
import { actions, type Block, button, context, section } from '../../slack/kit/blocks';
import { FOLLOW_SLACK, LANGUAGE_IDS } from './ids';
import { languageText } from './messages';
import type { PersonLanguage } from './service';

/**
 * The picker: the language in use and where it comes from, one button per language (named in
 * itself, so anyone finds their own whatever the current one), and one to follow Slack.
 */
export function renderLanguagePicker(
  tr: Translator,
  current: PersonLanguage,
  notice?: string,
): { text: string; blocks: Block[] } {
  const t = tr.of(languageText);
  const now = t('current', { language: LANGUAGE_NAMES[current.language], source: current.source });
  const buttons = LANGUAGES.map((language: Language) =>
    button(
      LANGUAGE_NAMES[language],
      `${LANGUAGE_IDS.choose}_${language}`,
      language,
      current.source === 'chosen' && current.language === language ? 'primary' : undefined,
    ),
  );
  const follow = button(t('followSlack'), `${LANGUAGE_IDS.choose}_${FOLLOW_SLACK}`, FOLLOW_SLACK);
  return {
    text: notice ?? now,
    blocks: [
      ...(notice ? [section(notice)] : []),
      section(`${now}\n${t('choose')}`),
      actions('language_picker', [...buttons, follow]),
      context(t('channelPosts')),
    ],
  };
}
