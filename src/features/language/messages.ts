import { defineCatalogue } from '../../i18n';

/** What `/pmo language` says, in each language. Language names are each language's own. */
export const languageText = defineCatalogue(
  'language',
  {
    current:
      'PMO Concierge speaks *{language}* with you{source, select, chosen { — your choice} other { — from your Slack language}}.',
    choose: 'Choose the language PMO Concierge uses with you:',
    followSlack: 'Follow my Slack language',
    changed: 'Done: PMO Concierge now speaks *{language}* with you.',
    followsSlack: 'Done: PMO Concierge follows your Slack language (*{language}*).',
    unknown:
      'I don’t know the language “{given}”. Choose one of {choices}, or `auto` to follow your Slack language.',
    channelPosts: 'Posts in the PMO channel use the PMO’s language.',
  },
  {
    fr: {
      current:
        'PMO Concierge vous parle en *{language}*{source, select, chosen { — votre choix} other { — d’après votre langue Slack}}.',
      choose: 'Choisissez la langue dans laquelle PMO Concierge vous répond :',
      followSlack: 'Suivre ma langue Slack',
      changed: 'C’est fait : PMO Concierge vous parle désormais en *{language}*.',
      followsSlack: 'C’est fait : PMO Concierge suit votre langue Slack (*{language}*).',
      unknown:
        'Je ne connais pas la langue « {given} ». Choisissez parmi {choices}, ou `auto` pour suivre votre langue Slack.',
      channelPosts: 'Les messages du canal du PMO sont rédigés dans la langue du PMO.',
    },
    de: {
      current:
        'PMO Concierge spricht mit Ihnen *{language}*{source, select, chosen { – Ihre Wahl} other { – nach Ihrer Slack-Sprache}}.',
      choose: 'Wählen Sie die Sprache, in der PMO Concierge mit Ihnen spricht:',
      followSlack: 'Meiner Slack-Sprache folgen',
      changed: 'Erledigt: PMO Concierge spricht jetzt *{language}* mit Ihnen.',
      followsSlack: 'Erledigt: PMO Concierge folgt Ihrer Slack-Sprache (*{language}*).',
      unknown:
        'Die Sprache „{given}“ kenne ich nicht. Wählen Sie {choices} – oder `auto`, um Ihrer Slack-Sprache zu folgen.',
      channelPosts: 'Beiträge im PMO-Kanal erscheinen in der Sprache des PMO.',
    },
    es: {
      current:
        'PMO Concierge le habla en *{language}*{source, select, chosen { — lo eligió usted} other { — según su idioma de Slack}}.',
      choose: 'Elija el idioma en el que PMO Concierge le responde:',
      followSlack: 'Seguir mi idioma de Slack',
      changed: 'Listo: PMO Concierge le habla ahora en *{language}*.',
      followsSlack: 'Listo: PMO Concierge sigue su idioma de Slack (*{language}*).',
      unknown:
        'No conozco el idioma «{given}». Elija entre {choices}, o `auto` para seguir su idioma de Slack.',
      channelPosts: 'Las publicaciones del canal del PMO usan el idioma del PMO.',
    },
  },
);
