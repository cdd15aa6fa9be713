import { defineCatalogue } from '../../i18n';

/**
 * What the app's shared Slack machinery says: `/pmo help`, the router's own answers (an unknown
 * subcommand, one the person may not use) and the answers to a failing listener. Not a
 * feature's: registered with the app's catalogues by hand (see src/features/index.ts).
 */
export const commandsText = defineCatalogue(
  'commands',
  {
    helpSummary: 'show this list of commands',
    helpHeader: 'PMO Concierge',
    helpIntro:
      'The PMO works like a consultancy for our own organisation: ask it for help, say what value you expect, and opt in to what you want to hear about — never more.',
    audienceTitle: '{audience, select, members {For PMO members} leads {For PMO leads} other {For everyone}}',
    onlyYou: 'Only you can see this message.',
    helpText: 'PMO Concierge commands: {commands}',
    unknownText: 'I don’t know “{word}”. {help}',
    unknownBlock: 'I don’t know `{word}` — here is what I can do.',
    refusal:
      '`{command} {name}` is for {audience, select, leads {PMO leads} other {PMO members}}. If you think you should have access, ask a PMO lead.',
    databaseDown:
      'Sorry — the PMO app can’t reach its database right now. Please try again in a minute; nothing you sent was lost.',
    triggerExpired:
      'Sorry — Slack stopped waiting before the form could open (it allows 3 seconds). Please try again; nothing was lost.',
    somethingWentWrong:
      'Sorry — something went wrong on our side. If what you did does not show, please try again in a minute.',
  },
  {
    fr: {
      helpSummary: 'afficher cette liste de commandes',
      helpHeader: 'PMO Concierge',
      helpIntro:
        'Le PMO fonctionne comme un cabinet de conseil au service de notre propre organisation : sollicitez son aide, indiquez la valeur que vous en attendez, et abonnez-vous uniquement aux sujets qui vous intéressent — jamais plus.',
      audienceTitle:
        '{audience, select, members {Pour les membres du PMO} leads {Pour les responsables du PMO} other {Pour tout le monde}}',
      onlyYou: 'Vous seul(e) pouvez voir ce message.',
      helpText: 'Commandes de PMO Concierge : {commands}',
      unknownText: 'Je ne connais pas « {word} ». {help}',
      unknownBlock: 'Je ne connais pas `{word}` — voici ce que je sais faire.',
      refusal:
        '`{command} {name}` est réservé {audience, select, leads {aux responsables du PMO} other {aux membres du PMO}}. Si vous pensez devoir y avoir accès, adressez-vous à un responsable du PMO.',
      databaseDown:
        'Désolé — l’application du PMO ne parvient pas à joindre sa base de données pour le moment. Veuillez réessayer dans une minute ; rien de ce que vous avez envoyé n’a été perdu.',
      triggerExpired:
        'Désolé — Slack a cessé d’attendre avant que le formulaire ne s’ouvre (il accorde 3 secondes). Veuillez réessayer ; rien n’a été perdu.',
      somethingWentWrong:
        'Désolé — un problème est survenu de notre côté. Si votre action n’apparaît pas, veuillez réessayer dans une minute.',
    },
    de: {
      helpSummary: 'diese Liste der Befehle anzeigen',
      helpHeader: 'PMO Concierge',
      helpIntro:
        'Das PMO arbeitet wie eine Beratung für unsere eigene Organisation: Bitten Sie es um Hilfe, sagen Sie, welchen Nutzen Sie erwarten, und abonnieren Sie nur die Themen, über die Sie informiert werden möchten — nie mehr.',
      audienceTitle:
        '{audience, select, members {Für PMO-Mitglieder} leads {Für PMO-Leitungen} other {Für alle}}',
      onlyYou: 'Nur Sie sehen diese Nachricht.',
      helpText: 'Befehle von PMO Concierge: {commands}',
      unknownText: '„{word}“ kenne ich nicht. {help}',
      unknownBlock: '`{word}` kenne ich nicht — das kann ich:',
      refusal:
        '`{command} {name}` ist {audience, select, leads {PMO-Leitungen} other {PMO-Mitgliedern}} vorbehalten. Wenn Sie meinen, Zugriff haben zu sollen, wenden Sie sich an eine PMO-Leitung.',
      databaseDown:
        'Entschuldigung — die PMO-App erreicht ihre Datenbank gerade nicht. Bitte versuchen Sie es in einer Minute erneut; nichts von dem, was Sie gesendet haben, ist verloren.',
      triggerExpired:
        'Entschuldigung — Slack hat nicht lange genug gewartet, bis sich das Formular öffnen konnte (es erlaubt 3 Sekunden). Bitte versuchen Sie es erneut; nichts ist verloren.',
      somethingWentWrong:
        'Entschuldigung — bei uns ist etwas schiefgelaufen. Wenn Ihre Aktion nicht erscheint, versuchen Sie es bitte in einer Minute erneut.',
    },
    es: {
      helpSummary: 'mostrar esta lista de comandos',
      helpHeader: 'PMO Concierge',
      helpIntro:
        'El PMO funciona como una consultoría para nuestra propia organización: pídale ayuda, diga qué valor espera y suscríbase solo a lo que quiera recibir — nunca más.',
      audienceTitle:
        '{audience, select, members {Para miembros del PMO} leads {Para responsables del PMO} other {Para todos}}',
      onlyYou: 'Solo usted puede ver este mensaje.',
      helpText: 'Comandos de PMO Concierge: {commands}',
      unknownText: 'No conozco «{word}». {help}',
      unknownBlock: 'No conozco `{word}` — esto es lo que puedo hacer.',
      refusal:
        '`{command} {name}` es para {audience, select, leads {responsables del PMO} other {miembros del PMO}}. Si cree que debería tener acceso, consulte a un responsable del PMO.',
      databaseDown:
        'Lo sentimos — la aplicación del PMO no puede acceder a su base de datos en este momento. Vuelva a intentarlo en un minuto; no se ha perdido nada de lo que envió.',
      triggerExpired:
        'Lo sentimos — Slack dejó de esperar antes de que el formulario pudiera abrirse (permite 3 segundos). Vuelva a intentarlo; no se ha perdido nada.',
      somethingWentWrong:
        'Lo sentimos — algo salió mal por nuestra parte. Si lo que hizo no aparece, vuelva a intentarlo en un minuto.',
    },
  },
);
