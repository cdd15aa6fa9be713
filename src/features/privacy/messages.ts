import { defineCatalogue } from '../../i18n';

/**
 * What the privacy feature says: /pmo my-data, forget-me, erase and export (their answers, the
 * confirmation modals, the files' titles and comments, the CSV headings and the human-readable
 * values of the my-data file). Keys of the JSON file are machine keys and stay English.
 */
export const privacyText = defineCatalogue(
  'privacy',
  {
    // Subcommands' help lines.
    myDataSummary: 'get a file (JSON) in your DM with everything the PMO app keeps about you',
    forgetMeSummary: 'erase what the PMO app keeps about you (asks you to confirm first)',
    eraseSummary: 'erase a person who left the organisation (asks you to confirm first)',
    exportSummary: 'get a CSV of all requests (and anonymous comments) in your DM',

    // /pmo my-data
    myDataAck:
      'Gathering everything kept about you; the file (JSON) arrives in your DM with the app in a moment.',
    myDataFileTitle: 'Everything PMO Concierge keeps about you',
    myDataComment:
      'Here is everything PMO Concierge keeps about you (JSON): {requests, plural, one {# request} other {# requests}}, {checkins, plural, one {# check-in} other {# check-ins}}, your consent history, RSVPs and coaching. To have it erased: `{command} forget-me`.',
    myDataFailed: 'Sorry, the file could not be sent. Please try again later.',
    myDataAbout:
      'Everything PMO Concierge keeps about you, the person with Slack id {userId}. People from the PMO who handled your requests or coached you are named "a PMO member": their ids are their personal data, not yours.',
    byYou: 'you',
    byThePmo: 'the PMO',
    aPmoMember: 'a PMO member',
    coachingEngagement: 'coaching {id}',

    // /pmo erase
    eraseNameOne: 'Name one person, like `{command} erase @someone`.',
    eraseRefusal: 'Only PMO leads can erase someone else. To erase your own data: `/pmo forget-me`.',

    // /pmo export
    exportAck: 'Preparing the export; it arrives in your DM with the app.',
    exportRequestsTitle: 'PMO requests ({count})',
    exportRequestsComment:
      'The PMO’s requests as of {day} ({count}). Comments are in a file of their own, by week, only for weeks where at least 3 different people answered; they are never attributed to anyone.',
    exportCommentsTitle: 'PMO feedback comments ({count})',
    exportFailed: 'Sorry, the export could not be sent. Please try again later.',
    // The CSV headings (English: the historical column names, which spreadsheets already use).
    colReference: 'reference',
    colRequester: 'requester',
    colService: 'service',
    colProject: 'project',
    colNeed: 'need',
    colStatus: 'status',
    colCreatedAt: 'created_at',
    colClaimedAt: 'claimed_at',
    colDeliveredAt: 'delivered_at',
    colClosedAt: 'closed_at',
    colHoursToClaim: 'hours_to_claim',
    colHoursToDeliver: 'hours_to_deliver',
    colValueRating: 'value_rating',
    colWeek: 'week',
    colComment: 'comment',

    // The confirmation modals.
    forgetMeTitle: 'Forget me',
    forgetMeSubmit: 'Erase my data',
    cancel: 'Cancel',
    close: 'Close',
    forgetMeIntro: 'This erases what PMO Concierge keeps about you. *It cannot be undone.*',
    forgetMeCopyFirst: 'Want a copy first? Cancel and type `/pmo my-data`.',
    eraseTitle: 'Erase a person',
    eraseSubmit: 'Erase',
    eraseIntro: 'Erase {person} from PMO Concierge? *It cannot be undone.*',
    eraseAudit: 'The erasure is recorded in the audit log under their anonymous marker, with your name.',
    erasedSelf:
      '*Erased:* everything you typed — your requests’ project, need, expected value and links, your answers to questions, your check-in comments, your coaching goals — and your Slack id, which becomes an anonymous marker everywhere (requests, feedback, consent history, RSVPs, coaching, messages waiting to be sent, the Home tab, the status history).',
    erasedOther:
      '*Erased:* everything they typed — their requests’ project, need, expected value and links, their answers to questions, their check-in comments, their coaching goals — and their Slack id, which becomes an anonymous marker everywhere (requests, feedback, consent history, RSVPs, coaching, messages waiting to be sent, the Home tab, the status history).',
    staysSelf:
      '*Stays, anonymously:* the figures — that a request for a service was made and when, its status and dates, a rating of 1–5 — so the PMO’s counts and averages do not change. Nothing links them to you any more.',
    staysOther:
      '*Stays, anonymously:* the figures — that a request for a service was made and when, its status and dates, a rating of 1–5 — so the PMO’s counts and averages do not change. Nothing links them to them any more.',
    afterSelf:
      '*After:* you are opted out of every topic and the app never messages you again, unless you come back and opt in. Messages already in Slack stay where Slack keeps them.',
    afterOther:
      '*After:* they are opted out of every topic and the app never messages them again, unless they come back and opt in. Messages already in Slack stay where Slack keeps them.',
    doneSelf:
      'Done: what you typed is erased and your id is replaced by an anonymous marker. You will not hear from the PMO again unless you opt in.',
    doneOther: 'Done: what they typed is erased and their id is replaced by an anonymous marker.',
  },
  {
    fr: {
      myDataSummary:
        'recevoir dans vos messages privés un fichier (JSON) avec tout ce que l’app du PMO conserve sur vous',
      forgetMeSummary: 'effacer ce que l’app du PMO conserve sur vous (confirmation demandée)',
      eraseSummary: 'effacer une personne qui a quitté l’organisation (confirmation demandée)',
      exportSummary:
        'recevoir dans vos messages privés un CSV de toutes les demandes (et des commentaires anonymes)',
      myDataAck:
        'Nous rassemblons tout ce qui est conservé sur vous ; le fichier (JSON) arrive dans un instant dans votre conversation privée avec l’app.',
      myDataFileTitle: 'Tout ce que PMO Concierge conserve sur vous',
      myDataComment:
        'Voici tout ce que PMO Concierge conserve sur vous (JSON) : {requests, plural, one {# demande} other {# demandes}}, {checkins, plural, one {# point de suivi} other {# points de suivi}}, l’historique de vos consentements, vos réponses aux invitations et votre coaching. Pour le faire effacer : `{command} forget-me`.',
      myDataFailed: 'Désolé, le fichier n’a pas pu être envoyé. Veuillez réessayer plus tard.',
      myDataAbout:
        'Tout ce que PMO Concierge conserve sur vous, la personne dont l’identifiant Slack est {userId}. Les personnes du PMO qui ont traité vos demandes ou vous ont accompagné sont désignées comme « un membre du PMO » : leurs identifiants sont leurs données personnelles, pas les vôtres.',
      byYou: 'vous',
      byThePmo: 'le PMO',
      aPmoMember: 'un membre du PMO',
      coachingEngagement: 'coaching {id}',
      eraseNameOne: 'Indiquez une seule personne, par exemple `{command} erase @quelquun`.',
      eraseRefusal:
        'Seuls les responsables du PMO peuvent effacer une autre personne. Pour effacer vos propres données : `/pmo forget-me`.',
      exportAck: 'Nous préparons l’export ; il arrive dans votre conversation privée avec l’app.',
      exportRequestsTitle: 'Demandes du PMO ({count})',
      exportRequestsComment:
        'Les demandes du PMO au {day} ({count}). Les commentaires sont dans un fichier à part, par semaine, uniquement pour les semaines où au moins 3 personnes différentes ont répondu ; ils ne sont jamais attribués à qui que ce soit.',
      exportCommentsTitle: 'Commentaires sur le PMO ({count})',
      exportFailed: 'Désolé, l’export n’a pas pu être envoyé. Veuillez réessayer plus tard.',
      colReference: 'Référence',
      colRequester: 'Demandeur',
      colService: 'Service',
      colProject: 'Projet',
      colNeed: 'Besoin',
      colStatus: 'Statut',
      colCreatedAt: 'Créée le',
      colClaimedAt: 'Prise en charge le',
      colDeliveredAt: 'Livrée le',
      colClosedAt: 'Clôturée le',
      colHoursToClaim: 'Heures avant prise en charge',
      colHoursToDeliver: 'Heures avant livraison',
      colValueRating: 'Note de valeur',
      colWeek: 'Semaine',
      colComment: 'Commentaire',
      forgetMeTitle: 'M’oublier',
      forgetMeSubmit: 'Effacer mes données',
      cancel: 'Annuler',
      close: 'Fermer',
      forgetMeIntro: 'Ceci efface ce que PMO Concierge conserve sur vous. *C’est irréversible.*',
      forgetMeCopyFirst: 'Vous voulez d’abord une copie ? Annulez et tapez `/pmo my-data`.',
      eraseTitle: 'Effacer une personne',
      eraseSubmit: 'Effacer',
      eraseIntro: 'Effacer {person} de PMO Concierge ? *C’est irréversible.*',
      eraseAudit:
        'L’effacement est consigné dans le journal d’audit sous son marqueur anonyme, avec votre nom.',
      erasedSelf:
        '*Effacé :* tout ce que vous avez saisi — le projet, le besoin, la valeur attendue et les liens de vos demandes, vos réponses aux questions, vos commentaires de suivi, vos objectifs de coaching — ainsi que votre identifiant Slack, remplacé partout par un marqueur anonyme (demandes, retours, historique des consentements, réponses aux invitations, coaching, messages en attente d’envoi, onglet Accueil, historique des statuts).',
      erasedOther:
        '*Effacé :* tout ce que la personne a saisi — le projet, le besoin, la valeur attendue et les liens de ses demandes, ses réponses aux questions, ses commentaires de suivi, ses objectifs de coaching — ainsi que son identifiant Slack, remplacé partout par un marqueur anonyme (demandes, retours, historique des consentements, réponses aux invitations, coaching, messages en attente d’envoi, onglet Accueil, historique des statuts).',
      staysSelf:
        '*Conservé, anonymement :* les chiffres — qu’une demande a été faite pour un service et quand, son statut et ses dates, une note de 1 à 5 — afin que les comptages et moyennes du PMO ne changent pas. Plus rien ne les relie à vous.',
      staysOther:
        '*Conservé, anonymement :* les chiffres — qu’une demande a été faite pour un service et quand, son statut et ses dates, une note de 1 à 5 — afin que les comptages et moyennes du PMO ne changent pas. Plus rien ne les relie à cette personne.',
      afterSelf:
        '*Ensuite :* vous êtes désinscrit de tous les sujets et l’app ne vous écrit plus jamais, sauf si vous revenez et vous inscrivez. Les messages déjà dans Slack restent là où Slack les conserve.',
      afterOther:
        '*Ensuite :* la personne est désinscrite de tous les sujets et l’app ne lui écrit plus jamais, sauf si elle revient et s’inscrit. Les messages déjà dans Slack restent là où Slack les conserve.',
      doneSelf:
        'C’est fait : ce que vous avez saisi est effacé et votre identifiant est remplacé par un marqueur anonyme. Le PMO ne vous écrira plus, sauf si vous vous inscrivez.',
      doneOther:
        'C’est fait : ce que la personne a saisi est effacé et son identifiant est remplacé par un marqueur anonyme.',
    },
    de: {
      myDataSummary:
        'eine Datei (JSON) mit allem, was die PMO-App über Sie speichert, als Direktnachricht erhalten',
      forgetMeSummary: 'löschen, was die PMO-App über Sie speichert (mit Bestätigung)',
      eraseSummary: 'eine Person löschen, die die Organisation verlassen hat (mit Bestätigung)',
      exportSummary: 'eine CSV aller Anfragen (und anonymen Kommentare) als Direktnachricht erhalten',
      myDataAck:
        'Alles, was über Sie gespeichert ist, wird zusammengestellt; die Datei (JSON) kommt gleich in Ihrer Direktnachricht mit der App an.',
      myDataFileTitle: 'Alles, was PMO Concierge über Sie speichert',
      myDataComment:
        'Hier ist alles, was PMO Concierge über Sie speichert (JSON): {requests, plural, one {# Anfrage} other {# Anfragen}}, {checkins, plural, one {# Rückmeldung} other {# Rückmeldungen}}, Ihr Einwilligungsverlauf, Ihre Zusagen und Ihr Coaching. Zum Löschen: `{command} forget-me`.',
      myDataFailed: 'Die Datei konnte leider nicht gesendet werden. Bitte versuchen Sie es später erneut.',
      myDataAbout:
        'Alles, was PMO Concierge über Sie speichert, die Person mit der Slack-ID {userId}. Personen aus dem PMO, die Ihre Anfragen bearbeitet oder Sie gecoacht haben, heißen „ein PMO-Mitglied“: Ihre IDs sind deren personenbezogene Daten, nicht Ihre.',
      byYou: 'Sie',
      byThePmo: 'das PMO',
      aPmoMember: 'ein PMO-Mitglied',
      coachingEngagement: 'Coaching {id}',
      eraseNameOne: 'Nennen Sie genau eine Person, etwa `{command} erase @jemand`.',
      eraseRefusal:
        'Nur PMO-Leads können eine andere Person löschen. Um Ihre eigenen Daten zu löschen: `/pmo forget-me`.',
      exportAck: 'Der Export wird vorbereitet; er kommt in Ihrer Direktnachricht mit der App an.',
      exportRequestsTitle: 'PMO-Anfragen ({count})',
      exportRequestsComment:
        'Die Anfragen des PMO zum {day} ({count}). Kommentare stehen in einer eigenen Datei, nach Wochen, nur für Wochen, in denen mindestens 3 verschiedene Personen geantwortet haben; sie werden niemandem zugeordnet.',
      exportCommentsTitle: 'Feedback-Kommentare zum PMO ({count})',
      exportFailed: 'Der Export konnte leider nicht gesendet werden. Bitte versuchen Sie es später erneut.',
      colReference: 'Referenz',
      colRequester: 'Anfragende Person',
      colService: 'Leistung',
      colProject: 'Projekt',
      colNeed: 'Bedarf',
      colStatus: 'Status',
      colCreatedAt: 'Erstellt am',
      colClaimedAt: 'Übernommen am',
      colDeliveredAt: 'Geliefert am',
      colClosedAt: 'Abgeschlossen am',
      colHoursToClaim: 'Stunden bis Übernahme',
      colHoursToDeliver: 'Stunden bis Lieferung',
      colValueRating: 'Nutzenbewertung',
      colWeek: 'Woche',
      colComment: 'Kommentar',
      forgetMeTitle: 'Mich vergessen',
      forgetMeSubmit: 'Daten löschen',
      cancel: 'Abbrechen',
      close: 'Schließen',
      forgetMeIntro:
        'Damit wird gelöscht, was PMO Concierge über Sie speichert. *Das kann nicht rückgängig gemacht werden.*',
      forgetMeCopyFirst: 'Zuerst eine Kopie? Brechen Sie ab und geben Sie `/pmo my-data` ein.',
      eraseTitle: 'Person löschen',
      eraseSubmit: 'Löschen',
      eraseIntro: '{person} aus PMO Concierge löschen? *Das kann nicht rückgängig gemacht werden.*',
      eraseAudit:
        'Die Löschung wird im Audit-Protokoll unter der anonymen Kennung der Person vermerkt, mit Ihrem Namen.',
      erasedSelf:
        '*Gelöscht:* alles, was Sie eingegeben haben — Projekt, Bedarf, erwarteter Nutzen und Links Ihrer Anfragen, Ihre Antworten auf Rückfragen, Ihre Kommentare in Rückmeldungen, Ihre Coaching-Ziele — und Ihre Slack-ID, die überall durch eine anonyme Kennung ersetzt wird (Anfragen, Feedback, Einwilligungsverlauf, Zusagen, Coaching, noch zu sendende Nachrichten, Startseite, Statusverlauf).',
      erasedOther:
        '*Gelöscht:* alles, was die Person eingegeben hat — Projekt, Bedarf, erwarteter Nutzen und Links ihrer Anfragen, ihre Antworten auf Rückfragen, ihre Kommentare in Rückmeldungen, ihre Coaching-Ziele — und ihre Slack-ID, die überall durch eine anonyme Kennung ersetzt wird (Anfragen, Feedback, Einwilligungsverlauf, Zusagen, Coaching, noch zu sendende Nachrichten, Startseite, Statusverlauf).',
      staysSelf:
        '*Bleibt, anonym:* die Zahlen — dass und wann eine Anfrage für eine Leistung gestellt wurde, ihr Status und ihre Daten, eine Bewertung von 1–5 —, damit sich Zählungen und Durchschnitte des PMO nicht ändern. Nichts verbindet sie mehr mit Ihnen.',
      staysOther:
        '*Bleibt, anonym:* die Zahlen — dass und wann eine Anfrage für eine Leistung gestellt wurde, ihr Status und ihre Daten, eine Bewertung von 1–5 —, damit sich Zählungen und Durchschnitte des PMO nicht ändern. Nichts verbindet sie mehr mit der Person.',
      afterSelf:
        '*Danach:* Sie sind von allen Themen abgemeldet, und die App schreibt Ihnen nie wieder, es sei denn, Sie kommen zurück und melden sich an. Nachrichten, die bereits in Slack sind, bleiben dort, wo Slack sie aufbewahrt.',
      afterOther:
        '*Danach:* Die Person ist von allen Themen abgemeldet, und die App schreibt ihr nie wieder, es sei denn, sie kommt zurück und meldet sich an. Nachrichten, die bereits in Slack sind, bleiben dort, wo Slack sie aufbewahrt.',
      doneSelf:
        'Erledigt: Was Sie eingegeben haben, ist gelöscht, und Ihre ID ist durch eine anonyme Kennung ersetzt. Das PMO meldet sich nicht mehr bei Ihnen, es sei denn, Sie melden sich an.',
      doneOther:
        'Erledigt: Was die Person eingegeben hat, ist gelöscht, und ihre ID ist durch eine anonyme Kennung ersetzt.',
    },
    es: {
      myDataSummary:
        'recibir en su mensaje directo un archivo (JSON) con todo lo que la app del PMO guarda sobre usted',
      forgetMeSummary: 'borrar lo que la app del PMO guarda sobre usted (pide confirmación)',
      eraseSummary: 'borrar a una persona que dejó la organización (pide confirmación)',
      exportSummary:
        'recibir en su mensaje directo un CSV de todas las solicitudes (y los comentarios anónimos)',
      myDataAck:
        'Estamos reuniendo todo lo que se guarda sobre usted; el archivo (JSON) llegará en un momento a su mensaje directo con la app.',
      myDataFileTitle: 'Todo lo que PMO Concierge guarda sobre usted',
      myDataComment:
        'Aquí tiene todo lo que PMO Concierge guarda sobre usted (JSON): {requests, plural, one {# solicitud} other {# solicitudes}}, {checkins, plural, one {# seguimiento} other {# seguimientos}}, su historial de consentimientos, sus respuestas a invitaciones y su coaching. Para borrarlo: `{command} forget-me`.',
      myDataFailed: 'Lo sentimos, no se pudo enviar el archivo. Inténtelo de nuevo más tarde.',
      myDataAbout:
        'Todo lo que PMO Concierge guarda sobre usted, la persona con el id de Slack {userId}. Las personas del PMO que atendieron sus solicitudes o le dieron coaching figuran como «un miembro del PMO»: sus ids son datos personales suyos, no de usted.',
      byYou: 'usted',
      byThePmo: 'el PMO',
      aPmoMember: 'un miembro del PMO',
      coachingEngagement: 'coaching {id}',
      eraseNameOne: 'Indique una sola persona, por ejemplo `{command} erase @alguien`.',
      eraseRefusal:
        'Solo los responsables del PMO pueden borrar a otra persona. Para borrar sus propios datos: `/pmo forget-me`.',
      exportAck: 'Estamos preparando la exportación; llegará a su mensaje directo con la app.',
      exportRequestsTitle: 'Solicitudes del PMO ({count})',
      exportRequestsComment:
        'Las solicitudes del PMO a fecha de {day} ({count}). Los comentarios están en un archivo aparte, por semana, solo de las semanas en que respondieron al menos 3 personas distintas; nunca se atribuyen a nadie.',
      exportCommentsTitle: 'Comentarios sobre el PMO ({count})',
      exportFailed: 'Lo sentimos, no se pudo enviar la exportación. Inténtelo de nuevo más tarde.',
      colReference: 'Referencia',
      colRequester: 'Solicitante',
      colService: 'Servicio',
      colProject: 'Proyecto',
      colNeed: 'Necesidad',
      colStatus: 'Estado',
      colCreatedAt: 'Creada el',
      colClaimedAt: 'Asignada el',
      colDeliveredAt: 'Entregada el',
      colClosedAt: 'Cerrada el',
      colHoursToClaim: 'Horas hasta asignación',
      colHoursToDeliver: 'Horas hasta entrega',
      colValueRating: 'Valoración del valor',
      colWeek: 'Semana',
      colComment: 'Comentario',
      forgetMeTitle: 'Olvidarme',
      forgetMeSubmit: 'Borrar mis datos',
      cancel: 'Cancelar',
      close: 'Cerrar',
      forgetMeIntro: 'Esto borra lo que PMO Concierge guarda sobre usted. *No se puede deshacer.*',
      forgetMeCopyFirst: '¿Quiere antes una copia? Cancele y escriba `/pmo my-data`.',
      eraseTitle: 'Borrar a una persona',
      eraseSubmit: 'Borrar',
      eraseIntro: '¿Borrar a {person} de PMO Concierge? *No se puede deshacer.*',
      eraseAudit:
        'El borrado queda registrado en el registro de auditoría con su marcador anónimo y con su nombre.',
      erasedSelf:
        '*Se borra:* todo lo que usted escribió — el proyecto, la necesidad, el valor esperado y los enlaces de sus solicitudes, sus respuestas a preguntas, sus comentarios de seguimiento, sus objetivos de coaching — y su id de Slack, que pasa a ser un marcador anónimo en todas partes (solicitudes, opiniones, historial de consentimientos, respuestas a invitaciones, coaching, mensajes pendientes de envío, la pestaña Inicio, el historial de estados).',
      erasedOther:
        '*Se borra:* todo lo que la persona escribió — el proyecto, la necesidad, el valor esperado y los enlaces de sus solicitudes, sus respuestas a preguntas, sus comentarios de seguimiento, sus objetivos de coaching — y su id de Slack, que pasa a ser un marcador anónimo en todas partes (solicitudes, opiniones, historial de consentimientos, respuestas a invitaciones, coaching, mensajes pendientes de envío, la pestaña Inicio, el historial de estados).',
      staysSelf:
        '*Se conserva, de forma anónima:* las cifras — que se hizo una solicitud de un servicio y cuándo, su estado y fechas, una valoración de 1 a 5 — para que los recuentos y promedios del PMO no cambien. Ya nada las vincula con usted.',
      staysOther:
        '*Se conserva, de forma anónima:* las cifras — que se hizo una solicitud de un servicio y cuándo, su estado y fechas, una valoración de 1 a 5 — para que los recuentos y promedios del PMO no cambien. Ya nada las vincula con esa persona.',
      afterSelf:
        '*Después:* queda dado de baja de todos los temas y la app no vuelve a escribirle, salvo que vuelva y se suscriba. Los mensajes que ya están en Slack permanecen donde Slack los guarda.',
      afterOther:
        '*Después:* la persona queda dada de baja de todos los temas y la app no vuelve a escribirle, salvo que vuelva y se suscriba. Los mensajes que ya están en Slack permanecen donde Slack los guarda.',
      doneSelf:
        'Listo: lo que usted escribió se ha borrado y su id se ha sustituido por un marcador anónimo. El PMO no volverá a escribirle salvo que se suscriba.',
      doneOther:
        'Listo: lo que la persona escribió se ha borrado y su id se ha sustituido por un marcador anónimo.',
    },
  },
);
