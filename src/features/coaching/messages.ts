import { defineCatalogue } from '../../i18n';

/** What coaching says: the request form, the coach's proposal, the introduction, the endings. */
export const coachingText = defineCatalogue(
  'coaching',
  {
    summary: 'ask for a coach: we match you with a PMO member who has the skills and the time',
    catalogueEmpty: 'The PMO catalogue is empty right now; please ask a PMO lead.',
    cadence:
      '{cadence, select, weekly {Weekly} fortnightly {Every two weeks} monthly {Monthly} other {{cadence}}}',
    modalTitle: 'Coaching',
    modalSubmit: 'Find me a coach',
    cancel: 'Cancel',
    done: 'Done',
    modalIntro:
      'Tell us what you would like to work on. We will ask a PMO member with the matching skill and time to coach you; nothing starts until you both agree.',
    focusLabel: 'Focus areas',
    focusPlaceholder: 'Choose one or more',
    goalsLabel: 'Your goals',
    goalsHint: 'What would be different for you or your team after a few sessions?',
    cadenceLabel: 'Preferred cadence',
    requestedMatched:
      'Thank you — we have asked a coach with the right skills. You will get a message as soon as they accept.',
    requestedUnmatched:
      'Thank you — right now no coach with these skills has free time. We have kept your request and will be in touch; nobody will be pressed into it.',
    alreadyActive:
      'You are already being coached by <@{coach}>. To end that engagement, use the End button in your introduction conversation.',
    alreadyFinding: 'We are still finding a coach for your earlier request — you will hear from us soon.',
    fieldFocus: 'Focus',
    fieldCadence: 'Cadence',
    fieldGoals: 'Goals',
    proposal: '<@{coachee}> would like coaching — can you take it on?',
    proposalWhy: 'You were asked because you have the skills and free capacity.',
    accept: 'Accept',
    pass: 'Pass',
    passingIsFine: 'Passing is fine: we will ask the next coach, and the requester is not told who passed.',
    resolvedAccepted: 'You accepted coaching <@{coachee}>. We opened a conversation for the two of you.',
    resolvedPassed: 'You passed on coaching <@{coachee}> — thank you for saying so. We asked someone else.',
    resolvedClosed: 'This coaching request from <@{coachee}> is no longer open.',
    endCoaching: 'End coaching',
    introWelcome: 'Welcome, <@{coachee}> and <@{coach}>: your coaching starts here.',
    introHeader: 'Your coaching engagement',
    introBody:
      '<@{coach}> will coach <@{coachee}>. Agree on your first session here; we will check in now and then to ask how it is going.',
    introEnd: 'Either of you can end the engagement at any time with the button above.',
    unmatched:
      'Thank you for asking for coaching. Right now none of our coaches with these skills has free time, so we could not match you yet. Your request is recorded; a PMO lead will look at it, and you are welcome to ask again later.',
    endedOptOutWith:
      'You opted out of coaching, so your coaching with <@{other}> has ended. Thank you — you are welcome back any time with `/pmo coaching`.',
    endedOptOutAlone:
      'You opted out of coaching, so we closed your coaching request. You are welcome back any time with `/pmo coaching`.',
    endedOptOutCoach:
      '<@{coachee}> opted out of coaching, so your engagement has ended. Thank you for the time you gave.',
    endedByYouWith:
      'You ended the coaching engagement with <@{other}>. Thank you for the work you did together.',
    endedByYou: 'You ended the coaching engagement. Thank you for the work you did together.',
    endedByOther: '<@{endedBy}> ended the coaching engagement. Thank you for the work you did together.',
    notYours: 'This coaching request was not sent to you, so nothing changed.',
    endedText: 'This coaching engagement has ended. Thank you both.',
    endNotYours: 'Only the coach or the person being coached can end this engagement.',
    alreadyEnded: 'This coaching engagement had already ended.',
    errorFocusFromList: 'Choose focus areas from the list.',
    errorFocus: 'Choose at least one focus area.',
    errorGoals: 'Please tell us a little about what you want to work on.',
    errorGoalsLong: 'Please keep this under {max} characters.',
    errorCadence: 'Choose a cadence.',
  },
  {
    fr: {
      summary:
        'demander un coach : nous vous mettons en relation avec un membre du PMO qui a les compétences et le temps',
      catalogueEmpty:
        'Le catalogue du PMO est vide pour le moment ; veuillez vous adresser à un responsable du PMO.',
      cadence:
        '{cadence, select, weekly {Chaque semaine} fortnightly {Toutes les deux semaines} monthly {Chaque mois} other {{cadence}}}',
      modalTitle: 'Coaching',
      modalSubmit: 'Trouver un coach',
      cancel: 'Annuler',
      done: 'Terminé',
      modalIntro:
        'Dites-nous sur quoi vous souhaitez travailler. Nous demanderons à un membre du PMO ayant les compétences et le temps nécessaires de vous accompagner ; rien ne commence sans votre accord à tous les deux.',
      focusLabel: 'Thèmes',
      focusPlaceholder: 'Choisissez-en un ou plusieurs',
      goalsLabel: 'Vos objectifs',
      goalsHint: 'Qu’est-ce qui aura changé pour vous ou votre équipe après quelques séances ?',
      cadenceLabel: 'Rythme souhaité',
      requestedMatched:
        'Merci — nous avons sollicité un coach ayant les compétences requises. Vous recevrez un message dès qu’il aura accepté.',
      requestedUnmatched:
        'Merci — pour le moment, aucun coach ayant ces compétences n’est disponible. Nous conservons votre demande et reviendrons vers vous ; personne ne sera contraint de l’accepter.',
      alreadyActive:
        'Vous êtes déjà accompagné(e) par <@{coach}>. Pour mettre fin à ce coaching, utilisez le bouton Terminer dans votre conversation de présentation.',
      alreadyFinding:
        'Nous cherchons encore un coach pour votre demande précédente — vous aurez bientôt de nos nouvelles.',
      fieldFocus: 'Thèmes',
      fieldCadence: 'Rythme',
      fieldGoals: 'Objectifs',
      proposal: '<@{coachee}> souhaite être accompagné(e) — pouvez-vous vous en charger ?',
      proposalWhy: 'Nous vous sollicitons car vous avez les compétences et de la disponibilité.',
      accept: 'Accepter',
      pass: 'Décliner',
      passingIsFine:
        'Vous pouvez décliner : nous solliciterons le coach suivant, et le demandeur ne saura pas qui a décliné.',
      resolvedAccepted:
        'Vous avez accepté d’accompagner <@{coachee}>. Nous avons ouvert une conversation pour vous deux.',
      resolvedPassed:
        'Vous avez décliné l’accompagnement de <@{coachee}> — merci de l’avoir dit. Nous avons sollicité quelqu’un d’autre.',
      resolvedClosed: 'Cette demande de coaching de <@{coachee}> n’est plus ouverte.',
      endCoaching: 'Terminer le coaching',
      introWelcome: 'Bienvenue, <@{coachee}> et <@{coach}> : votre coaching commence ici.',
      introHeader: 'Votre coaching',
      introBody:
        '<@{coach}> accompagnera <@{coachee}>. Convenez ici de votre première séance ; nous prendrons de temps en temps des nouvelles de votre avancement.',
      introEnd: 'Chacun de vous peut mettre fin au coaching à tout moment avec le bouton ci-dessus.',
      unmatched:
        'Merci pour votre demande de coaching. Pour le moment, aucun de nos coachs ayant ces compétences n’est disponible : nous n’avons donc pas encore pu vous attribuer de coach. Votre demande est enregistrée ; un responsable du PMO l’examinera, et vous pourrez renouveler votre demande plus tard.',
      endedOptOutWith:
        'Vous vous êtes désinscrit(e) du coaching : votre coaching avec <@{other}> a donc pris fin. Merci — vous pouvez revenir à tout moment avec `/pmo coaching`.',
      endedOptOutAlone:
        'Vous vous êtes désinscrit(e) du coaching : nous avons donc clôturé votre demande. Vous pouvez revenir à tout moment avec `/pmo coaching`.',
      endedOptOutCoach:
        '<@{coachee}> s’est désinscrit(e) du coaching : votre accompagnement a donc pris fin. Merci pour le temps que vous y avez consacré.',
      endedByYouWith:
        'Vous avez mis fin au coaching avec <@{other}>. Merci pour le travail accompli ensemble.',
      endedByYou: 'Vous avez mis fin au coaching. Merci pour le travail accompli ensemble.',
      endedByOther: '<@{endedBy}> a mis fin au coaching. Merci pour le travail accompli ensemble.',
      notYours: 'Cette demande de coaching ne vous était pas adressée : rien n’a été modifié.',
      endedText: 'Ce coaching est terminé. Merci à vous deux.',
      endNotYours: 'Seuls le coach et la personne accompagnée peuvent mettre fin à ce coaching.',
      alreadyEnded: 'Ce coaching était déjà terminé.',
      errorFocusFromList: 'Choisissez les thèmes dans la liste.',
      errorFocus: 'Choisissez au moins un thème.',
      errorGoals: 'Dites-nous en quelques mots sur quoi vous souhaitez travailler.',
      errorGoalsLong: 'Veuillez ne pas dépasser {max} caractères.',
      errorCadence: 'Choisissez un rythme.',
    },
    de: {
      summary:
        'einen Coach anfragen: Wir bringen Sie mit einem PMO-Mitglied zusammen, das die Kompetenzen und die Zeit hat',
      catalogueEmpty: 'Der PMO-Katalog ist derzeit leer; bitte wenden Sie sich an eine PMO-Leitung.',
      cadence:
        '{cadence, select, weekly {Wöchentlich} fortnightly {Alle zwei Wochen} monthly {Monatlich} other {{cadence}}}',
      modalTitle: 'Coaching',
      modalSubmit: 'Coach finden',
      cancel: 'Abbrechen',
      done: 'Fertig',
      modalIntro:
        'Sagen Sie uns, woran Sie arbeiten möchten. Wir fragen ein PMO-Mitglied mit passender Kompetenz und freier Zeit, ob es Sie coacht; es beginnt erst, wenn Sie beide zustimmen.',
      focusLabel: 'Schwerpunkte',
      focusPlaceholder: 'Einen oder mehrere wählen',
      goalsLabel: 'Ihre Ziele',
      goalsHint: 'Was wäre für Sie oder Ihr Team nach einigen Sitzungen anders?',
      cadenceLabel: 'Gewünschter Rhythmus',
      requestedMatched:
        'Danke — wir haben einen Coach mit den passenden Kompetenzen angefragt. Sie erhalten eine Nachricht, sobald er zusagt.',
      requestedUnmatched:
        'Danke — derzeit hat kein Coach mit diesen Kompetenzen freie Zeit. Wir haben Ihre Anfrage gespeichert und melden uns; niemand wird dazu gedrängt.',
      alreadyActive:
        'Sie werden bereits von <@{coach}> gecoacht. Um dieses Coaching zu beenden, nutzen Sie die Schaltfläche „Beenden“ in Ihrer Vorstellungsunterhaltung.',
      alreadyFinding: 'Wir suchen noch einen Coach für Ihre frühere Anfrage — Sie hören bald von uns.',
      fieldFocus: 'Schwerpunkte',
      fieldCadence: 'Rhythmus',
      fieldGoals: 'Ziele',
      proposal: '<@{coachee}> wünscht sich Coaching — können Sie es übernehmen?',
      proposalWhy: 'Sie wurden gefragt, weil Sie die Kompetenzen und freie Kapazität haben.',
      accept: 'Annehmen',
      pass: 'Ablehnen',
      passingIsFine:
        'Ablehnen ist in Ordnung: Wir fragen den nächsten Coach, und die anfragende Person erfährt nicht, wer abgelehnt hat.',
      resolvedAccepted:
        'Sie haben das Coaching von <@{coachee}> angenommen. Wir haben eine Unterhaltung für Sie beide eröffnet.',
      resolvedPassed:
        'Sie haben das Coaching von <@{coachee}> abgelehnt — danke für Ihre Offenheit. Wir haben jemand anderen gefragt.',
      resolvedClosed: 'Diese Coaching-Anfrage von <@{coachee}> ist nicht mehr offen.',
      endCoaching: 'Coaching beenden',
      introWelcome: 'Willkommen, <@{coachee}> und <@{coach}>: Ihr Coaching beginnt hier.',
      introHeader: 'Ihr Coaching',
      introBody:
        '<@{coach}> coacht <@{coachee}>. Vereinbaren Sie hier Ihre erste Sitzung; wir fragen ab und zu nach, wie es läuft.',
      introEnd: 'Jede und jeder von Ihnen kann das Coaching jederzeit mit der Schaltfläche oben beenden.',
      unmatched:
        'Danke für Ihre Coaching-Anfrage. Derzeit hat keiner unserer Coaches mit diesen Kompetenzen freie Zeit, daher konnten wir Ihnen noch niemanden zuordnen. Ihre Anfrage ist gespeichert; eine PMO-Leitung sieht sie sich an, und Sie können gern später erneut fragen.',
      endedOptOutWith:
        'Sie haben sich vom Coaching abgemeldet, daher ist Ihr Coaching mit <@{other}> beendet. Danke — Sie sind jederzeit mit `/pmo coaching` wieder willkommen.',
      endedOptOutAlone:
        'Sie haben sich vom Coaching abgemeldet, daher haben wir Ihre Coaching-Anfrage geschlossen. Sie sind jederzeit mit `/pmo coaching` wieder willkommen.',
      endedOptOutCoach:
        '<@{coachee}> hat sich vom Coaching abgemeldet, daher ist Ihr Coaching beendet. Danke für die Zeit, die Sie investiert haben.',
      endedByYouWith: 'Sie haben das Coaching mit <@{other}> beendet. Danke für die gemeinsame Arbeit.',
      endedByYou: 'Sie haben das Coaching beendet. Danke für die gemeinsame Arbeit.',
      endedByOther: '<@{endedBy}> hat das Coaching beendet. Danke für die gemeinsame Arbeit.',
      notYours: 'Diese Coaching-Anfrage war nicht an Sie gerichtet, daher wurde nichts geändert.',
      endedText: 'Dieses Coaching ist beendet. Vielen Dank Ihnen beiden.',
      endNotYours: 'Nur der Coach oder die gecoachte Person kann dieses Coaching beenden.',
      alreadyEnded: 'Dieses Coaching war bereits beendet.',
      errorFocusFromList: 'Wählen Sie die Schwerpunkte aus der Liste.',
      errorFocus: 'Wählen Sie mindestens einen Schwerpunkt.',
      errorGoals: 'Bitte sagen Sie uns kurz, woran Sie arbeiten möchten.',
      errorGoalsLong: 'Bitte bleiben Sie unter {max} Zeichen.',
      errorCadence: 'Wählen Sie einen Rhythmus.',
    },
    es: {
      summary:
        'solicitar un coach: le ponemos en contacto con un miembro del PMO que tiene las competencias y el tiempo',
      catalogueEmpty: 'El catálogo del PMO está vacío en este momento; consulte a un responsable del PMO.',
      cadence:
        '{cadence, select, weekly {Semanal} fortnightly {Cada dos semanas} monthly {Mensual} other {{cadence}}}',
      modalTitle: 'Coaching',
      modalSubmit: 'Buscarme un coach',
      cancel: 'Cancelar',
      done: 'Listo',
      modalIntro:
        'Cuéntenos en qué le gustaría trabajar. Pediremos a un miembro del PMO con la competencia y el tiempo adecuados que le acompañe; nada empieza hasta que ambos estén de acuerdo.',
      focusLabel: 'Áreas de enfoque',
      focusPlaceholder: 'Elija una o varias',
      goalsLabel: 'Sus objetivos',
      goalsHint: '¿Qué sería distinto para usted o su equipo después de unas cuantas sesiones?',
      cadenceLabel: 'Frecuencia preferida',
      requestedMatched:
        'Gracias — hemos contactado a un coach con las competencias adecuadas. Recibirá un mensaje en cuanto acepte.',
      requestedUnmatched:
        'Gracias — en este momento ningún coach con estas competencias tiene tiempo libre. Hemos guardado su solicitud y nos pondremos en contacto; nadie se verá obligado a aceptarla.',
      alreadyActive:
        'Ya recibe coaching de <@{coach}>. Para terminarlo, use el botón Terminar en su conversación de presentación.',
      alreadyFinding:
        'Seguimos buscando un coach para su solicitud anterior — pronto tendrá noticias nuestras.',
      fieldFocus: 'Enfoque',
      fieldCadence: 'Frecuencia',
      fieldGoals: 'Objetivos',
      proposal: '<@{coachee}> desea recibir coaching — ¿puede encargarse?',
      proposalWhy: 'Le contactamos porque tiene las competencias y capacidad disponible.',
      accept: 'Aceptar',
      pass: 'Declinar',
      passingIsFine:
        'Puede declinar sin problema: contactaremos al siguiente coach, y no se le dirá al solicitante quién declinó.',
      resolvedAccepted:
        'Ha aceptado dar coaching a <@{coachee}>. Hemos abierto una conversación para ustedes dos.',
      resolvedPassed:
        'Ha declinado dar coaching a <@{coachee}> — gracias por decirlo. Hemos contactado a otra persona.',
      resolvedClosed: 'Esta solicitud de coaching de <@{coachee}> ya no está abierta.',
      endCoaching: 'Terminar el coaching',
      introWelcome: 'Bienvenidos, <@{coachee}> y <@{coach}>: su coaching empieza aquí.',
      introHeader: 'Su coaching',
      introBody:
        '<@{coach}> dará coaching a <@{coachee}>. Acuerden aquí su primera sesión; de vez en cuando les preguntaremos cómo va.',
      introEnd:
        'Cualquiera de ustedes puede terminar el coaching en cualquier momento con el botón de arriba.',
      unmatched:
        'Gracias por solicitar coaching. En este momento ninguno de nuestros coaches con estas competencias tiene tiempo libre, así que aún no hemos podido asignarle uno. Su solicitud queda registrada; un responsable del PMO la revisará, y puede volver a solicitarlo más adelante.',
      endedOptOutWith:
        'Se ha dado de baja del coaching, así que su coaching con <@{other}> ha terminado. Gracias — puede volver cuando quiera con `/pmo coaching`.',
      endedOptOutAlone:
        'Se ha dado de baja del coaching, así que hemos cerrado su solicitud. Puede volver cuando quiera con `/pmo coaching`.',
      endedOptOutCoach:
        '<@{coachee}> se ha dado de baja del coaching, así que su coaching ha terminado. Gracias por el tiempo dedicado.',
      endedByYouWith: 'Ha terminado el coaching con <@{other}>. Gracias por el trabajo realizado juntos.',
      endedByYou: 'Ha terminado el coaching. Gracias por el trabajo realizado juntos.',
      endedByOther: '<@{endedBy}> ha terminado el coaching. Gracias por el trabajo realizado juntos.',
      notYours: 'Esta solicitud de coaching no se le envió a usted, así que no ha cambiado nada.',
      endedText: 'Este coaching ha terminado. Gracias a los dos.',
      endNotYours: 'Solo el coach o la persona que recibe coaching pueden terminarlo.',
      alreadyEnded: 'Este coaching ya había terminado.',
      errorFocusFromList: 'Elija las áreas de enfoque de la lista.',
      errorFocus: 'Elija al menos un área de enfoque.',
      errorGoals: 'Cuéntenos brevemente en qué quiere trabajar.',
      errorGoalsLong: 'No supere los {max} caracteres.',
      errorCadence: 'Elija una frecuencia.',
    },
  },
);
