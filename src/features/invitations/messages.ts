import { defineCatalogue } from '../../i18n';

/**
 * What invitations say: /pmo invite (compose, preview, outcome), the invitation DM, the open
 * announcement, the PMO channel's summary, and the form's errors. English straight apostrophes
 * ("You're") are literal in ICU when a letter follows them; other languages use ’.
 */
export const invitationsText = defineCatalogue(
  'invitations',
  {
    summary: 'invite the people who opted in to a topic (you see the audience first)',
    noTopics: 'There are no topics to invite to yet. A PMO lead can add one with `{command} topics`.',
    membersOnly: 'Only PMO members can send invitations.',
    notInvited: 'This invitation was not sent to you, so nothing changed.',
    announcementClosed: 'That announcement is no longer open, so nothing changed.',

    // Compose
    composeTitle: 'New invitation',
    composeSubmit: 'Preview audience',
    cancel: 'Cancel',
    close: 'Close',
    composeIntro:
      'Invitations only go to people who opted in to a topic, within their personal cap and never while they pause. You will see how many people it reaches before anything is sent.',
    title: 'Title',
    message: 'Message',
    topics: 'Topics',
    topicsPlaceholder: 'Who is this for?',
    topicsHint: 'People opted in to any of these topics are invited (once each).',
    date: 'Date',
    link: 'Link',
    seats: 'Seats',
    seatsHint: 'Leave empty for no limit. When seats are full, people join a waitlist.',
    rsvpBy: 'RSVP by',
    sendIt: 'Send it',
    optionDm: 'By DM to opted-in people',
    modeDm: 'By DM to the people who opted in',
    modeChannel: 'As an open announcement in a channel',
    channelLabel: 'Channel for an announcement',
    channelPlaceholder: 'Only for an open announcement',

    // Form errors
    titleMissing: 'Please tell us a title.',
    messageMissing: 'Please tell us the message.',
    tooLong: 'Please keep this under {max} characters.',
    linkInvalid: 'Please paste a web link starting with http:// or https://.',
    linkTooLong: 'Please keep the link under {max} characters.',
    typeText: 'Please type text here.',
    pickDate: 'Please pick a date.',
    datePast: 'This date is in the past; please pick today or later.',
    dateTooFar: 'Please pick a date within the next {years} years.',
    topicsFromList: 'Choose topics from the list.',
    topicsNone: 'Choose at least one topic.',
    seatsError: 'Seats must be a whole number above zero.',
    modeMissing: 'Choose how to send it.',
    channelMissing: 'Choose the channel to announce in.',
    rsvpAfterDate: 'RSVPs should close on or before the date.',

    // Preview and outcome
    how: 'How',
    audience:
      'This will reach *{reach, plural, one {{reachN} person} other {{reachN} people}}* ({optedIn} opted in; {paused} paused; {atCap} at their cap{deactivated, plural, =0 {} other {; {deactivatedN} deactivated}}).',
    announcementPreview:
      'This posts one open announcement in {channel} with an *Opt me in* button; nobody gets a DM. ({optedIn, plural, one {{optedInN} person is} other {{optedInN} people are}} opted in to these topics today.)',
    nobody:
      'Nobody can be invited right now — nothing will be sent. Try other topics, or an open announcement.',
    oncePerPerson:
      'Each person gets it at most once; anyone who opts out or pauses before it reaches them is skipped.',
    confirmTitle: 'Send invitation?',
    send: 'Send',
    postAnnouncement: 'Announce',
    sendingTitle: 'Sending…',
    sendingText: 'Writing your invitation and its audience…',
    notSentTitle: 'Not sent',
    notSentText: 'Something went wrong and nothing was sent. Please try `/pmo invite` again in a moment.',
    draftGoneTitle: 'Invitation',
    draftGoneText: 'This draft is no longer available; nothing was sent. Start again with `/pmo invite`.',
    sentTitle: 'Invitation sent',
    done: 'Done',
    sentDm:
      'Your invitation is on its way to {queued, plural, one {{queuedN} person} other {{queuedN} people}}. The summary in the PMO channel shows the RSVPs as they come in.',
    sentChannel:
      'Your announcement is being posted in {channel}. The summary in the PMO channel counts the opt-ins.',

    // The invitation DM
    dmText: "Invitation: {title} — you're getting this because you opted in to {topic}.",
    why: "You're getting this because you opted in to *{topic}*.",
    going: "I'm in",
    notThisTime: 'Not this time',
    statusGoing: "✅ *You're in.* See you there.",
    cantMakeIt: "I can't make it after all",
    statusWaitlist:
      "⏳ *You're on the waitlist*{hasPosition, select, yes { (#{position})} other {}}. We'll message you if a seat frees up.",
    leaveWaitlist: 'Leave the waitlist',
    statusDeclined: '*Not this time* — noted, thanks for letting us know.',
    statusClosed: 'RSVPs for this invitation are closed.',
    pausedUntil: '⏸ Invitations paused until {date}.',
    pause: 'Pause 4 weeks',
    optedOut: "You opted out of {topic}; you won't be invited about it again.",
    optOut: 'Opt out of this topic',

    // The open announcement and its opt-in
    announcementText: '{title} — opt in to {topics} to hear about sessions like this one.',
    announcementWant: 'Want invitations about *{topics}*? One click, and you can opt out any time.',
    optMeIn: 'Opt me in',
    announcementNobody: 'Nobody is signed up by this post: only people who click receive invitations.',
    optedIn: "You're opted in to {topics}. You'll get invitations about it — {cap}.",
    capPhrase:
      '{cap, select, one_per_week {at most one invitation a week} one_per_month {at most one invitation a month} other {at most two invitations a month}}',
    alreadyOptedIn: 'You were already opted in to {topics} — nothing changed.',
    optInHelp: 'Stop any time with `{command} optout`, or choose topics and pauses with `{command} optin`.',
    announcementFailedText: 'Your announcement "{title}" could not be posted in {channel} ({error}).',
    announcementFailed: 'Your announcement *{title}* could not be posted in {channel} (`{error}`).',
    notInChannelHint:
      'The app is not in that channel: add it there (e.g. `/invite @PMO Concierge`) and send the announcement again.',

    // The PMO channel's summary
    summaryText: 'Invitation sent by {creator}: {title}',
    summaryHeader: '📣 *Invitation:* {title}',
    sentBy: 'Sent by',
    reach: 'Reach',
    reachDm: '{reach, plural, one {{reachN} person} other {{reachN} people}} (by DM)',
    where: 'Where',
    whereChannel: 'Open announcement in {channel}',
    countsDm:
      '*Going:* {going}{hasSeats, select, yes { / {seats} seats} other {}} · *Waitlist:* {waitlist} · *Not this time:* {declined}',
    countsChannel: '*Opted in from the announcement:* {optIns}',

    // A seat freed up
    promotedText: 'Good news: a seat freed up for "{title}" — you\'re in.',
    promoted: "🎉 Good news: a seat freed up for *{title}* — you're in.",
    promotedHelp:
      "Can't make it any more? Use the button on the invitation so the next person gets the seat.",
  },
  {
    fr: {
      summary: 'inviter les personnes inscrites à un thème (vous voyez d’abord l’audience)',
      noTopics:
        'Il n’y a encore aucun thème auquel inviter. Un responsable du PMO peut en ajouter un avec `{command} topics`.',
      membersOnly: 'Seuls les membres du PMO peuvent envoyer des invitations.',
      notInvited: 'Cette invitation ne vous a pas été envoyée : rien n’a changé.',
      announcementClosed: 'Cette annonce n’est plus ouverte : rien n’a changé.',
      composeTitle: 'Nouvelle invitation',
      composeSubmit: 'Voir l’audience',
      cancel: 'Annuler',
      close: 'Fermer',
      composeIntro:
        'Les invitations ne vont qu’aux personnes inscrites à un thème, dans la limite de leur plafond personnel et jamais pendant une pause. Vous verrez combien de personnes elle atteint avant tout envoi.',
      title: 'Titre',
      message: 'Message',
      topics: 'Thèmes',
      topicsPlaceholder: 'À qui s’adresse-t-elle ?',
      topicsHint: 'Les personnes inscrites à l’un de ces thèmes sont invitées (une seule fois chacune).',
      date: 'Date',
      link: 'Lien',
      seats: 'Places',
      seatsHint:
        'Laissez vide pour ne pas limiter. Une fois les places prises, les personnes rejoignent une liste d’attente.',
      rsvpBy: 'Réponse avant le',
      sendIt: 'Mode d’envoi',
      optionDm: 'Par message privé aux personnes inscrites',
      modeDm: 'Par message privé aux personnes inscrites',
      modeChannel: 'Comme annonce ouverte dans un canal',
      channelLabel: 'Canal de l’annonce',
      channelPlaceholder: 'Uniquement pour une annonce ouverte',
      titleMissing: 'Veuillez indiquer un titre.',
      messageMissing: 'Veuillez indiquer le message.',
      tooLong: 'Veuillez rester sous {max} caractères.',
      linkInvalid: 'Veuillez coller un lien web commençant par http:// ou https://.',
      linkTooLong: 'Veuillez garder le lien sous {max} caractères.',
      typeText: 'Veuillez saisir du texte ici.',
      pickDate: 'Veuillez choisir une date.',
      datePast: 'Cette date est passée ; veuillez choisir aujourd’hui ou plus tard.',
      dateTooFar: 'Veuillez choisir une date dans les {years} prochaines années.',
      topicsFromList: 'Choisissez les thèmes dans la liste.',
      topicsNone: 'Choisissez au moins un thème.',
      seatsError: 'Le nombre de places doit être un nombre entier supérieur à zéro.',
      modeMissing: 'Choisissez le mode d’envoi.',
      channelMissing: 'Choisissez le canal de l’annonce.',
      rsvpAfterDate: 'Les réponses doivent être closes au plus tard à la date de l’événement.',
      how: 'Comment',
      audience:
        'Elle atteindra *{reach, plural, one {{reachN} personne} other {{reachN} personnes}}* ({optedIn} inscrites ; {paused} en pause ; {atCap} à leur plafond{deactivated, plural, =0 {} other { ; {deactivatedN} désactivées}}).',
      announcementPreview:
        'Une annonce ouverte sera publiée dans {channel} avec un bouton *M’inscrire* ; personne ne reçoit de message privé. ({optedIn, plural, one {{optedInN} personne est inscrite} other {{optedInN} personnes sont inscrites}} à ces thèmes aujourd’hui.)',
      nobody:
        'Personne ne peut être invité pour le moment — rien ne sera envoyé. Essayez d’autres thèmes, ou une annonce ouverte.',
      oncePerPerson:
        'Chaque personne la reçoit au plus une fois ; toute personne qui se désinscrit ou fait une pause avant de la recevoir est ignorée.',
      confirmTitle: 'Envoyer l’invitation ?',
      send: 'Envoyer',
      postAnnouncement: 'Publier l’annonce',
      sendingTitle: 'Envoi…',
      sendingText: 'Enregistrement de votre invitation et de son audience…',
      notSentTitle: 'Non envoyée',
      notSentText:
        'Un problème est survenu et rien n’a été envoyé. Veuillez réessayer `/pmo invite` dans un instant.',
      draftGoneTitle: 'Invitation',
      draftGoneText:
        'Ce brouillon n’est plus disponible ; rien n’a été envoyé. Recommencez avec `/pmo invite`.',
      sentTitle: 'Invitation envoyée',
      done: 'Terminé',
      sentDm:
        'Votre invitation est en route vers {queued, plural, one {{queuedN} personne} other {{queuedN} personnes}}. Le récapitulatif dans le canal du PMO affiche les réponses au fur et à mesure.',
      sentChannel:
        'Votre annonce est en cours de publication dans {channel}. Le récapitulatif dans le canal du PMO compte les inscriptions.',
      dmText: 'Invitation : {title} — vous la recevez car vous êtes inscrit(e) au thème {topic}.',
      why: 'Vous la recevez car vous êtes inscrit(e) au thème *{topic}*.',
      going: 'Je participe',
      notThisTime: 'Pas cette fois',
      statusGoing: '✅ *Vous participez.* À bientôt.',
      cantMakeIt: 'Finalement, je ne peux pas venir',
      statusWaitlist:
        '⏳ *Vous êtes sur la liste d’attente*{hasPosition, select, yes { (n° {position})} other {}}. Nous vous écrirons si une place se libère.',
      leaveWaitlist: 'Quitter la liste d’attente',
      statusDeclined: '*Pas cette fois* — c’est noté, merci de nous avoir prévenus.',
      statusClosed: 'Les réponses à cette invitation sont closes.',
      pausedUntil: '⏸ Invitations en pause jusqu’au {date}.',
      pause: 'Pause de 4 semaines',
      optedOut: 'Vous vous êtes désinscrit(e) du thème {topic} ; vous ne serez plus invité(e) à ce sujet.',
      optOut: 'Me désinscrire de ce thème',
      announcementText:
        '{title} — inscrivez-vous à {topics} pour être informé(e) de sessions comme celle-ci.',
      announcementWant:
        'Vous souhaitez des invitations sur *{topics}* ? Un clic suffit, et vous pouvez vous désinscrire à tout moment.',
      optMeIn: 'M’inscrire',
      announcementNobody:
        'Personne n’est inscrit par cette publication : seules les personnes qui cliquent reçoivent des invitations.',
      optedIn: 'Vous êtes inscrit(e) à {topics}. Vous recevrez des invitations à ce sujet — {cap}.',
      capPhrase:
        '{cap, select, one_per_week {au plus une invitation par semaine} one_per_month {au plus une invitation par mois} other {au plus deux invitations par mois}}',
      alreadyOptedIn: 'Vous étiez déjà inscrit(e) à {topics} — rien n’a changé.',
      optInHelp:
        'Arrêtez à tout moment avec `{command} optout`, ou choisissez thèmes et pauses avec `{command} optin`.',
      announcementFailedText: 'Votre annonce « {title} » n’a pas pu être publiée dans {channel} ({error}).',
      announcementFailed: 'Votre annonce *{title}* n’a pas pu être publiée dans {channel} (`{error}`).',
      notInChannelHint:
        'L’application n’est pas dans ce canal : ajoutez-la (par ex. `/invite @PMO Concierge`) et renvoyez l’annonce.',
      summaryText: 'Invitation envoyée par {creator} : {title}',
      summaryHeader: '📣 *Invitation :* {title}',
      sentBy: 'Envoyée par',
      reach: 'Portée',
      reachDm: '{reach, plural, one {{reachN} personne} other {{reachN} personnes}} (par message privé)',
      where: 'Où',
      whereChannel: 'Annonce ouverte dans {channel}',
      countsDm:
        '*Participent :* {going}{hasSeats, select, yes { / {seats} places} other {}} · *Liste d’attente :* {waitlist} · *Pas cette fois :* {declined}',
      countsChannel: '*Inscriptions depuis l’annonce :* {optIns}',
      promotedText: 'Bonne nouvelle : une place s’est libérée pour « {title} » — vous participez.',
      promoted: '🎉 Bonne nouvelle : une place s’est libérée pour *{title}* — vous participez.',
      promotedHelp:
        'Vous ne pouvez plus venir ? Utilisez le bouton de l’invitation pour que la personne suivante obtienne la place.',
    },
    de: {
      summary: 'Personen einladen, die ein Thema abonniert haben (Sie sehen zuerst die Zielgruppe)',
      noTopics:
        'Es gibt noch keine Themen für Einladungen. Die PMO-Leitung kann mit `{command} topics` eines anlegen.',
      membersOnly: 'Nur PMO-Mitglieder können Einladungen versenden.',
      notInvited: 'Diese Einladung wurde nicht an Sie gesendet, daher hat sich nichts geändert.',
      announcementClosed: 'Diese Ankündigung ist nicht mehr offen, daher hat sich nichts geändert.',
      composeTitle: 'Neue Einladung',
      composeSubmit: 'Zielgruppe ansehen',
      cancel: 'Abbrechen',
      close: 'Schließen',
      composeIntro:
        'Einladungen gehen nur an Personen, die ein Thema abonniert haben, im Rahmen ihres persönlichen Limits und nie während einer Pause. Vor dem Versand sehen Sie, wie viele Personen sie erreicht.',
      title: 'Titel',
      message: 'Nachricht',
      topics: 'Themen',
      topicsPlaceholder: 'Für wen ist das?',
      topicsHint: 'Wer eines dieser Themen abonniert hat, wird eingeladen (jeweils einmal).',
      date: 'Datum',
      link: 'Link',
      seats: 'Plätze',
      seatsHint: 'Leer lassen für unbegrenzt. Sind alle Plätze vergeben, kommen Personen auf die Warteliste.',
      rsvpBy: 'Antwort bis',
      sendIt: 'Versand',
      optionDm: 'Per Direktnachricht an Abonnenten',
      modeDm: 'Per Direktnachricht an die Personen, die abonniert haben',
      modeChannel: 'Als offene Ankündigung in einem Kanal',
      channelLabel: 'Kanal für die Ankündigung',
      channelPlaceholder: 'Nur für eine offene Ankündigung',
      titleMissing: 'Bitte geben Sie einen Titel an.',
      messageMissing: 'Bitte geben Sie die Nachricht an.',
      tooLong: 'Bitte bleiben Sie unter {max} Zeichen.',
      linkInvalid: 'Bitte fügen Sie einen Weblink ein, der mit http:// oder https:// beginnt.',
      linkTooLong: 'Bitte halten Sie den Link unter {max} Zeichen.',
      typeText: 'Bitte geben Sie hier Text ein.',
      pickDate: 'Bitte wählen Sie ein Datum.',
      datePast: 'Dieses Datum liegt in der Vergangenheit; bitte wählen Sie heute oder später.',
      dateTooFar: 'Bitte wählen Sie ein Datum innerhalb der nächsten {years} Jahre.',
      topicsFromList: 'Wählen Sie Themen aus der Liste.',
      topicsNone: 'Wählen Sie mindestens ein Thema.',
      seatsError: 'Die Plätze müssen eine ganze Zahl größer als null sein.',
      modeMissing: 'Wählen Sie die Versandart.',
      channelMissing: 'Wählen Sie den Kanal für die Ankündigung.',
      rsvpAfterDate: 'Die Antwortfrist sollte spätestens am Termin enden.',
      how: 'Wie',
      audience:
        'Damit erreichen Sie *{reach, plural, one {{reachN} Person} other {{reachN} Personen}}* ({optedIn} abonniert; {paused} pausiert; {atCap} am Limit{deactivated, plural, =0 {} other {; {deactivatedN} deaktiviert}}).',
      announcementPreview:
        'Damit wird eine offene Ankündigung in {channel} mit einer Schaltfläche *Abonnieren* veröffentlicht; niemand erhält eine Direktnachricht. ({optedIn, plural, one {{optedInN} Person hat} other {{optedInN} Personen haben}} diese Themen heute abonniert.)',
      nobody:
        'Derzeit kann niemand eingeladen werden — es wird nichts gesendet. Versuchen Sie andere Themen oder eine offene Ankündigung.',
      oncePerPerson:
        'Jede Person erhält sie höchstens einmal; wer sich abmeldet oder pausiert, bevor sie ankommt, wird übersprungen.',
      confirmTitle: 'Einladung senden?',
      send: 'Senden',
      postAnnouncement: 'Ankündigen',
      sendingTitle: 'Wird gesendet…',
      sendingText: 'Ihre Einladung und ihre Zielgruppe werden gespeichert…',
      notSentTitle: 'Nicht gesendet',
      notSentText:
        'Etwas ist schiefgelaufen, es wurde nichts gesendet. Bitte versuchen Sie `/pmo invite` gleich noch einmal.',
      draftGoneTitle: 'Einladung',
      draftGoneText:
        'Dieser Entwurf ist nicht mehr verfügbar; es wurde nichts gesendet. Beginnen Sie neu mit `/pmo invite`.',
      sentTitle: 'Einladung gesendet',
      done: 'Fertig',
      sentDm:
        'Ihre Einladung ist unterwegs zu {queued, plural, one {{queuedN} Person} other {{queuedN} Personen}}. Die Übersicht im PMO-Kanal zeigt die Antworten, sobald sie eingehen.',
      sentChannel:
        'Ihre Ankündigung wird in {channel} veröffentlicht. Die Übersicht im PMO-Kanal zählt die Abonnements.',
      dmText: 'Einladung: {title} — Sie erhalten sie, weil Sie {topic} abonniert haben.',
      why: 'Sie erhalten diese Einladung, weil Sie *{topic}* abonniert haben.',
      going: 'Ich bin dabei',
      notThisTime: 'Diesmal nicht',
      statusGoing: '✅ *Sie sind dabei.* Bis bald.',
      cantMakeIt: 'Ich kann doch nicht kommen',
      statusWaitlist:
        '⏳ *Sie stehen auf der Warteliste*{hasPosition, select, yes { (Nr. {position})} other {}}. Wir melden uns, wenn ein Platz frei wird.',
      leaveWaitlist: 'Warteliste verlassen',
      statusDeclined: '*Diesmal nicht* — notiert, danke für Ihre Rückmeldung.',
      statusClosed: 'Die Antworten auf diese Einladung sind geschlossen.',
      pausedUntil: '⏸ Einladungen pausiert bis {date}.',
      pause: '4 Wochen pausieren',
      optedOut: 'Sie haben {topic} abbestellt; Sie werden dazu nicht mehr eingeladen.',
      optOut: 'Dieses Thema abbestellen',
      announcementText: '{title} — abonnieren Sie {topics}, um von solchen Veranstaltungen zu erfahren.',
      announcementWant:
        'Möchten Sie Einladungen zu *{topics}*? Ein Klick genügt, und Sie können sich jederzeit abmelden.',
      optMeIn: 'Abonnieren',
      announcementNobody: 'Durch diesen Beitrag wird niemand angemeldet: Nur wer klickt, erhält Einladungen.',
      optedIn: 'Sie haben {topics} abonniert. Sie erhalten Einladungen dazu — {cap}.',
      capPhrase:
        '{cap, select, one_per_week {höchstens eine Einladung pro Woche} one_per_month {höchstens eine Einladung pro Monat} other {höchstens zwei Einladungen pro Monat}}',
      alreadyOptedIn: 'Sie hatten {topics} bereits abonniert — nichts hat sich geändert.',
      optInHelp:
        'Jederzeit beenden mit `{command} optout`, oder Themen und Pausen wählen mit `{command} optin`.',
      announcementFailedText:
        'Ihre Ankündigung „{title}“ konnte nicht in {channel} veröffentlicht werden ({error}).',
      announcementFailed:
        'Ihre Ankündigung *{title}* konnte nicht in {channel} veröffentlicht werden (`{error}`).',
      notInChannelHint:
        'Die App ist nicht in diesem Kanal: Fügen Sie sie dort hinzu (z. B. `/invite @PMO Concierge`) und senden Sie die Ankündigung erneut.',
      summaryText: 'Einladung von {creator}: {title}',
      summaryHeader: '📣 *Einladung:* {title}',
      sentBy: 'Gesendet von',
      reach: 'Reichweite',
      reachDm: '{reach, plural, one {{reachN} Person} other {{reachN} Personen}} (per Direktnachricht)',
      where: 'Wo',
      whereChannel: 'Offene Ankündigung in {channel}',
      countsDm:
        '*Dabei:* {going}{hasSeats, select, yes { / {seats} Plätze} other {}} · *Warteliste:* {waitlist} · *Diesmal nicht:* {declined}',
      countsChannel: '*Abonniert über die Ankündigung:* {optIns}',
      promotedText: 'Gute Nachricht: Für „{title}“ ist ein Platz frei geworden — Sie sind dabei.',
      promoted: '🎉 Gute Nachricht: Für *{title}* ist ein Platz frei geworden — Sie sind dabei.',
      promotedHelp:
        'Sie können doch nicht kommen? Nutzen Sie die Schaltfläche in der Einladung, damit die nächste Person den Platz erhält.',
    },
    es: {
      summary: 'invitar a las personas suscritas a un tema (primero verá la audiencia)',
      noTopics:
        'Todavía no hay temas a los que invitar. Un responsable de la PMO puede añadir uno con `{command} topics`.',
      membersOnly: 'Solo los miembros de la PMO pueden enviar invitaciones.',
      notInvited: 'Esta invitación no se le envió a usted, así que no ha cambiado nada.',
      announcementClosed: 'Ese anuncio ya no está abierto, así que no ha cambiado nada.',
      composeTitle: 'Nueva invitación',
      composeSubmit: 'Ver la audiencia',
      cancel: 'Cancelar',
      close: 'Cerrar',
      composeIntro:
        'Las invitaciones solo llegan a las personas suscritas a un tema, dentro de su límite personal y nunca durante una pausa. Verá a cuántas personas llega antes de enviar nada.',
      title: 'Título',
      message: 'Mensaje',
      topics: 'Temas',
      topicsPlaceholder: '¿Para quién es?',
      topicsHint: 'Se invita a las personas suscritas a cualquiera de estos temas (una vez cada una).',
      date: 'Fecha',
      link: 'Enlace',
      seats: 'Plazas',
      seatsHint:
        'Déjelo vacío si no hay límite. Cuando se agoten las plazas, las personas pasan a una lista de espera.',
      rsvpBy: 'Responder antes del',
      sendIt: 'Envío',
      optionDm: 'Por mensaje directo a las personas suscritas',
      modeDm: 'Por mensaje directo a las personas suscritas',
      modeChannel: 'Como anuncio abierto en un canal',
      channelLabel: 'Canal del anuncio',
      channelPlaceholder: 'Solo para un anuncio abierto',
      titleMissing: 'Indique un título.',
      messageMissing: 'Indique el mensaje.',
      tooLong: 'No supere los {max} caracteres.',
      linkInvalid: 'Pegue un enlace web que empiece por http:// o https://.',
      linkTooLong: 'El enlace no debe superar los {max} caracteres.',
      typeText: 'Escriba un texto aquí.',
      pickDate: 'Elija una fecha.',
      datePast: 'Esta fecha ya pasó; elija hoy o una fecha posterior.',
      dateTooFar: 'Elija una fecha dentro de los próximos {years} años.',
      topicsFromList: 'Elija los temas de la lista.',
      topicsNone: 'Elija al menos un tema.',
      seatsError: 'Las plazas deben ser un número entero mayor que cero.',
      modeMissing: 'Elija cómo enviarla.',
      channelMissing: 'Elija el canal del anuncio.',
      rsvpAfterDate: 'Las respuestas deben cerrarse en la fecha del evento o antes.',
      how: 'Cómo',
      audience:
        'Llegará a *{reach, plural, one {{reachN} persona} other {{reachN} personas}}* ({optedIn} suscritas; {paused} en pausa; {atCap} en su límite{deactivated, plural, =0 {} other {; {deactivatedN} desactivadas}}).',
      announcementPreview:
        'Se publicará un anuncio abierto en {channel} con un botón *Suscribirme*; nadie recibe un mensaje directo. ({optedIn, plural, one {{optedInN} persona está suscrita} other {{optedInN} personas están suscritas}} a estos temas hoy.)',
      nobody:
        'Ahora mismo no se puede invitar a nadie — no se enviará nada. Pruebe con otros temas o con un anuncio abierto.',
      oncePerPerson:
        'Cada persona la recibe como máximo una vez; quien se dé de baja o haga una pausa antes de recibirla queda excluido.',
      confirmTitle: '¿Enviar la invitación?',
      send: 'Enviar',
      postAnnouncement: 'Publicar anuncio',
      sendingTitle: 'Enviando…',
      sendingText: 'Guardando su invitación y su audiencia…',
      notSentTitle: 'No enviada',
      notSentText: 'Algo salió mal y no se envió nada. Vuelva a intentar `/pmo invite` en un momento.',
      draftGoneTitle: 'Invitación',
      draftGoneText:
        'Este borrador ya no está disponible; no se envió nada. Empiece de nuevo con `/pmo invite`.',
      sentTitle: 'Invitación enviada',
      done: 'Listo',
      sentDm:
        'Su invitación va de camino a {queued, plural, one {{queuedN} persona} other {{queuedN} personas}}. El resumen en el canal de la PMO muestra las respuestas a medida que llegan.',
      sentChannel:
        'Su anuncio se está publicando en {channel}. El resumen en el canal de la PMO cuenta las suscripciones.',
      dmText: 'Invitación: {title} — la recibe porque está suscrito/a a {topic}.',
      why: 'La recibe porque está suscrito/a a *{topic}*.',
      going: 'Asistiré',
      notThisTime: 'Esta vez no',
      statusGoing: '✅ *Tiene su plaza.* Nos vemos allí.',
      cantMakeIt: 'Al final no puedo asistir',
      statusWaitlist:
        '⏳ *Está en la lista de espera*{hasPosition, select, yes { (n.º {position})} other {}}. Le escribiremos si se libera una plaza.',
      leaveWaitlist: 'Salir de la lista de espera',
      statusDeclined: '*Esta vez no* — anotado, gracias por avisarnos.',
      statusClosed: 'Las respuestas a esta invitación están cerradas.',
      pausedUntil: '⏸ Invitaciones en pausa hasta el {date}.',
      pause: 'Pausar 4 semanas',
      optedOut: 'Se dio de baja de {topic}; no volverá a recibir invitaciones sobre ello.',
      optOut: 'Darme de baja de este tema',
      announcementText: '{title} — suscríbase a {topics} para enterarse de sesiones como esta.',
      announcementWant:
        '¿Quiere invitaciones sobre *{topics}*? Un clic basta, y puede darse de baja en cualquier momento.',
      optMeIn: 'Suscribirme',
      announcementNobody:
        'Esta publicación no suscribe a nadie: solo quienes hacen clic reciben invitaciones.',
      optedIn: 'Está suscrito/a a {topics}. Recibirá invitaciones sobre ello — {cap}.',
      capPhrase:
        '{cap, select, one_per_week {como máximo una invitación por semana} one_per_month {como máximo una invitación al mes} other {como máximo dos invitaciones al mes}}',
      alreadyOptedIn: 'Ya estaba suscrito/a a {topics} — no ha cambiado nada.',
      optInHelp:
        'Deténgalo cuando quiera con `{command} optout`, o elija temas y pausas con `{command} optin`.',
      announcementFailedText: 'Su anuncio «{title}» no se pudo publicar en {channel} ({error}).',
      announcementFailed: 'Su anuncio *{title}* no se pudo publicar en {channel} (`{error}`).',
      notInChannelHint:
        'La aplicación no está en ese canal: añádala allí (p. ej. `/invite @PMO Concierge`) y vuelva a enviar el anuncio.',
      summaryText: 'Invitación enviada por {creator}: {title}',
      summaryHeader: '📣 *Invitación:* {title}',
      sentBy: 'Enviada por',
      reach: 'Alcance',
      reachDm: '{reach, plural, one {{reachN} persona} other {{reachN} personas}} (por mensaje directo)',
      where: 'Dónde',
      whereChannel: 'Anuncio abierto en {channel}',
      countsDm:
        '*Asisten:* {going}{hasSeats, select, yes { / {seats} plazas} other {}} · *Lista de espera:* {waitlist} · *Esta vez no:* {declined}',
      countsChannel: '*Suscripciones desde el anuncio:* {optIns}',
      promotedText: 'Buenas noticias: se liberó una plaza para «{title}» — tiene su plaza.',
      promoted: '🎉 Buenas noticias: se liberó una plaza para *{title}* — tiene su plaza.',
      promotedHelp:
        '¿Ya no puede asistir? Use el botón de la invitación para que la siguiente persona obtenga la plaza.',
    },
  },
);
