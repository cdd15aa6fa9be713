import { defineCatalogue } from '../../i18n';

/** What "You said, we did" says (`/pmo feedback`, its modal, the DM), in each language. */
export const valueText = defineCatalogue(
  'value',
  {
    feedbackSummary:
      'the last 7 days’ feedback by service (anonymised); record what we did and tell those who said it',
    noFeedback: 'Nobody gave feedback in the last 7 days ({label}).',
    feedbackIntro:
      '*Feedback · {label}* — by service, never attributed. Comments show once {min} people gave feedback on a service.',
    people: '{count, plural, one {# person} other {# people}}',
    privateBelow: '_Comments stay private below {min} people._',
    ratingsOnly: '_No comments, ratings only._',
    weDidLine: ':white_check_mark: We did: {action}',
    moreServices: '{count, plural, one {and # more service} other {and # more services}}',
    allDone: 'Every service with feedback this period already has its “we did”.',
    title: 'You said, we did',
    close: 'Close',
    serviceLabel: 'Service',
    pickServicePlaceholder: 'Pick the service',
    whatDidLabel: 'What did we do?',
    whatDidPlaceholder: 'e.g. we cut the intake form to 4 questions',
    formNote:
      'Everyone who gave feedback on that service in this period gets one DM “You said…, we did…” in their working hours, quoting only their own words. Nobody learns who else said what.',
    tellThem: 'Tell them',
    cancel: 'Cancel',
    done: 'Done',
    recorded:
      'Recorded for *{service}*. {count, plural, one {# person} other {# people}} who gave feedback will hear “You said…, we did…” in their working hours.',
    dmText: 'You said…, we did…: about {service}, {did}',
    dmHead: '*You said…, we did…* Thanks for your feedback on *{service}* ({period}).',
    dmDid: '*We did:* {did}',
    dmNote:
      'Sent once, to the people who gave feedback on this service in that period; nobody sees anyone else’s words.',
    saidWords: '*You said:* “{words}”',
    saidRating: '*You said:* you rated it {rating}/5',
    saidRealised:
      '*You said:* asked whether it brought what you expected: {realised, select, yes {yes} partly {partly} not_yet {not yet} no {no} other {no answer}}',
    pickService: 'Pick the service.',
    tellWhatDid: 'Please tell us what the PMO did.',
    tooLong: 'Please keep this under {max} characters.',
    newWeek: 'A new week has started since this opened: run the command again to see its feedback.',
    noFeedbackOnService: 'Nobody gave feedback on this service in the period.',
    alreadyRecorded: 'Already recorded for this period (“{action}”); people were told once.',
    theService: 'the service',
  },
  {
    fr: {
      feedbackSummary:
        'les retours des 7 derniers jours par service (anonymisés) ; consignez ce que nous avons fait et informez-en leurs auteurs',
      noFeedback: 'Personne n’a donné de retour ces 7 derniers jours ({label}).',
      feedbackIntro:
        '*Retours · {label}* — par service, jamais attribués. Les commentaires s’affichent dès que {min} personnes ont donné un retour sur un service.',
      people: '{count, plural, one {# personne} other {# personnes}}',
      privateBelow: '_Les commentaires restent confidentiels en dessous de {min} personnes._',
      ratingsOnly: '_Aucun commentaire, seulement des notes._',
      weDidLine: ':white_check_mark: Nous avons fait : {action}',
      moreServices: '{count, plural, one {et # autre service} other {et # autres services}}',
      allDone: 'Chaque service ayant reçu des retours sur cette période a déjà son « nous avons fait ».',
      title: 'Vos avis, nos actions',
      close: 'Fermer',
      serviceLabel: 'Service',
      pickServicePlaceholder: 'Choisissez le service',
      whatDidLabel: 'Qu’avons-nous fait ?',
      whatDidPlaceholder: 'p. ex. nous avons réduit le formulaire de demande à 4 questions',
      formNote:
        'Chaque personne ayant donné un retour sur ce service pendant cette période reçoit un seul message « Vous avez dit…, nous avons fait… » pendant ses heures de travail, qui ne cite que ses propres mots. Personne n’apprend qui a dit quoi.',
      tellThem: 'Les informer',
      cancel: 'Annuler',
      done: 'Terminé',
      recorded:
        'Consigné pour *{service}*. {count, plural, one {# personne ayant donné un retour recevra} other {# personnes ayant donné un retour recevront}} « Vous avez dit…, nous avons fait… » pendant leurs heures de travail.',
      dmText: 'Vous avez dit…, nous avons fait… : à propos de {service}, {did}',
      dmHead: '*Vous avez dit…, nous avons fait…* Merci pour votre retour sur *{service}* ({period}).',
      dmDid: '*Nous avons fait :* {did}',
      dmNote:
        'Envoyé une seule fois aux personnes ayant donné un retour sur ce service pendant cette période ; personne ne voit les mots des autres.',
      saidWords: '*Vous avez dit :* « {words} »',
      saidRating: '*Vous avez dit :* vous lui avez donné {rating}/5',
      saidRealised:
        '*Vous avez dit :* à la question de savoir s’il avait apporté ce que vous attendiez : {realised, select, yes {oui} partly {en partie} not_yet {pas encore} no {non} other {sans réponse}}',
      pickService: 'Choisissez le service.',
      tellWhatDid: 'Veuillez indiquer ce que le PMO a fait.',
      tooLong: 'Veuillez rester sous {max} caractères.',
      newWeek:
        'Une nouvelle semaine a commencé depuis l’ouverture : relancez la commande pour voir ses retours.',
      noFeedbackOnService: 'Personne n’a donné de retour sur ce service pendant la période.',
      alreadyRecorded:
        'Déjà consigné pour cette période (« {action} ») ; les personnes ont été informées une fois.',
      theService: 'le service',
    },
    de: {
      feedbackSummary:
        'das Feedback der letzten 7 Tage nach Service (anonymisiert); halten Sie fest, was wir getan haben, und informieren Sie, wer es gegeben hat',
      noFeedback: 'In den letzten 7 Tagen hat niemand Feedback gegeben ({label}).',
      feedbackIntro:
        '*Feedback · {label}* — nach Service, nie zugeordnet. Kommentare erscheinen, sobald {min} Personen Feedback zu einem Service gegeben haben.',
      people: '{count, plural, one {# Person} other {# Personen}}',
      privateBelow: '_Unter {min} Personen bleiben Kommentare vertraulich._',
      ratingsOnly: '_Keine Kommentare, nur Bewertungen._',
      weDidLine: ':white_check_mark: Wir haben: {action}',
      moreServices: '{count, plural, one {und # weiterer Service} other {und # weitere Services}}',
      allDone: 'Jeder Service mit Feedback in diesem Zeitraum hat bereits sein „Wir haben“.',
      title: 'Feedback und Maßnahmen',
      close: 'Schließen',
      serviceLabel: 'Service',
      pickServicePlaceholder: 'Service wählen',
      whatDidLabel: 'Was haben wir getan?',
      whatDidPlaceholder: 'z. B. das Anfrageformular auf 4 Fragen gekürzt',
      formNote:
        'Alle, die in diesem Zeitraum Feedback zu diesem Service gegeben haben, erhalten in ihrer Arbeitszeit eine Direktnachricht „Sie sagten…, wir haben…“, die nur ihre eigenen Worte zitiert. Niemand erfährt, wer sonst was gesagt hat.',
      tellThem: 'Informieren',
      cancel: 'Abbrechen',
      done: 'Fertig',
      recorded:
        'Für *{service}* festgehalten. {count, plural, one {# Person, die Feedback gegeben hat, erhält} other {# Personen, die Feedback gegeben haben, erhalten}} in ihrer Arbeitszeit „Sie sagten…, wir haben…“.',
      dmText: 'Sie sagten…, wir haben…: zu {service}, {did}',
      dmHead: '*Sie sagten…, wir haben…* Danke für Ihr Feedback zu *{service}* ({period}).',
      dmDid: '*Wir haben:* {did}',
      dmNote:
        'Einmal gesendet an alle, die in diesem Zeitraum Feedback zu diesem Service gegeben haben; niemand sieht die Worte anderer.',
      saidWords: '*Sie sagten:* „{words}“',
      saidRating: '*Sie sagten:* Sie haben {rating}/5 vergeben',
      saidRealised:
        '*Sie sagten:* auf die Frage, ob es gebracht hat, was Sie erwartet hatten: {realised, select, yes {ja} partly {teilweise} not_yet {noch nicht} no {nein} other {keine Antwort}}',
      pickService: 'Wählen Sie den Service.',
      tellWhatDid: 'Bitte geben Sie an, was das PMO getan hat.',
      tooLong: 'Bitte bleiben Sie unter {max} Zeichen.',
      newWeek:
        'Seit dem Öffnen hat eine neue Woche begonnen: Führen Sie den Befehl erneut aus, um ihr Feedback zu sehen.',
      noFeedbackOnService: 'In diesem Zeitraum hat niemand Feedback zu diesem Service gegeben.',
      alreadyRecorded:
        'Für diesen Zeitraum bereits festgehalten („{action}“); die Personen wurden einmal informiert.',
      theService: 'der Service',
    },
    es: {
      feedbackSummary:
        'las valoraciones de los últimos 7 días por servicio (anónimas); registre lo que hicimos e infórmelo a quienes las dieron',
      noFeedback: 'Nadie dio su valoración en los últimos 7 días ({label}).',
      feedbackIntro:
        '*Valoraciones · {label}* — por servicio, nunca atribuidas. Los comentarios se muestran cuando {min} personas han valorado un servicio.',
      people: '{count, plural, one {# persona} other {# personas}}',
      privateBelow: '_Los comentarios son confidenciales por debajo de {min} personas._',
      ratingsOnly: '_Sin comentarios, solo puntuaciones._',
      weDidLine: ':white_check_mark: Hicimos: {action}',
      moreServices: '{count, plural, one {y # servicio más} other {y # servicios más}}',
      allDone: 'Todos los servicios con valoraciones en este periodo ya tienen su «hicimos».',
      title: 'Opinión y acción',
      close: 'Cerrar',
      serviceLabel: 'Servicio',
      pickServicePlaceholder: 'Elija el servicio',
      whatDidLabel: '¿Qué hicimos?',
      whatDidPlaceholder: 'p. ej. redujimos el formulario de solicitud a 4 preguntas',
      formNote:
        'Cada persona que valoró ese servicio en este periodo recibe un único mensaje «Usted dijo…, nosotros hicimos…» en su horario laboral, que cita solo sus propias palabras. Nadie sabe quién dijo qué.',
      tellThem: 'Informarles',
      cancel: 'Cancelar',
      done: 'Listo',
      recorded:
        'Registrado para *{service}*. {count, plural, one {# persona que dio su valoración recibirá} other {# personas que dieron su valoración recibirán}} «Usted dijo…, nosotros hicimos…» en su horario laboral.',
      dmText: 'Usted dijo…, nosotros hicimos…: sobre {service}, {did}',
      dmHead: '*Usted dijo…, nosotros hicimos…* Gracias por su valoración de *{service}* ({period}).',
      dmDid: '*Nosotros hicimos:* {did}',
      dmNote:
        'Enviado una sola vez a las personas que valoraron este servicio en ese periodo; nadie ve las palabras de los demás.',
      saidWords: '*Usted dijo:* «{words}»',
      saidRating: '*Usted dijo:* lo puntuó con {rating}/5',
      saidRealised:
        '*Usted dijo:* a la pregunta de si aportó lo que esperaba: {realised, select, yes {sí} partly {en parte} not_yet {todavía no} no {no} other {sin respuesta}}',
      pickService: 'Elija el servicio.',
      tellWhatDid: 'Indique qué hizo el PMO.',
      tooLong: 'No supere los {max} caracteres.',
      newWeek:
        'Ha empezado una semana nueva desde que se abrió: vuelva a ejecutar el comando para ver sus valoraciones.',
      noFeedbackOnService: 'Nadie valoró este servicio en el periodo.',
      alreadyRecorded: 'Ya registrado para este periodo («{action}»); se informó a las personas una vez.',
      theService: 'el servicio',
    },
  },
);
