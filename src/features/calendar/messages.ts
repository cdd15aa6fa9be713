import { defineCatalogue } from '../../i18n';

/**
 * What the calendar feature says (nudges, escalations, "Still interested?", `/pmo queue`,
 * `/pmo calendar`, `/pmo away`, the away modal and Home lines, response-target figures), in
 * each language. Command words (`calendar close`, `away until`) stay as typed.
 */
export const calendarText = defineCatalogue(
  'calendar',
  {
    // --- dates -----------------------------------------------------------------------------
    weekday: '{day, select, 1 {Mon} 2 {Tue} 3 {Wed} 4 {Thu} 5 {Fri} 6 {Sat} other {Sun}}',

    // --- nudges and escalations ------------------------------------------------------------
    nudgeText: '{ref} · {service} is waiting for a first response (due {date} at {time}).',
    nudgeBody:
      ':wave: *{ref} · {service}* — {project}\nIt is waiting for a first response, due {date} at {time}. Your skills match it: could you claim it, or ask the requester a question?',
    nudgeNote: 'You get one note like this per request. The triage post in the PMO channel has the details.',
    escalationText:
      'Overdue: {ref} · {service} — {target, select, first_response {a first response} other {delivery}} was due {date} at {time}.',
    escalationBody:
      ':alarm_clock: *Overdue: {ref} · {service}* — {project}\n{target, select, first_response {A first response} other {Delivery}} was due {date} at {time}.',
    escalationOwner: 'Owner: {owner}.',
    escalationUnclaimed: 'Nobody has claimed it.',
    escalationNote:
      'Leads get one note like this per request and target; the triage post shows it as overdue.',

    // --- still interested? -----------------------------------------------------------------
    stillText: 'Still interested in invitations from the PMO?',
    stillBody:
      ':wave: *Still interested?* You have not clicked on the last three invitations from the PMO — no problem at all. Shall we keep sending them? Until you answer, we hold new invitations back (for eight weeks at most).',
    stillKeep: 'Keep them coming',
    stillPause: 'Pause 3 months',
    stillOptOut: 'Opt out',
    stillKept: ':white_check_mark: Thanks — invitations will keep coming for the topics you chose.',
    stillPaused: ':pause_button: Paused: no invitations until {day}.',
    stillOptedOut: ':wave: You are opted out of every topic. `/pmo optin` brings them back any time.',
    stillClosed: 'This question is closed or not yours — nothing changed.',

    // --- /pmo queue ------------------------------------------------------------------------
    queueSummary: 'requests waiting for the PMO, the least time left first, with Claim',
    queueEmpty: 'Nothing is waiting for a first response. :tada:',
    queueHeader: 'Waiting for a first response',
    queueOverdue: ':alarm_clock: *overdue* since {date} at {time}',
    queueDue: 'due {date} at {time}',
    queueNoTarget: 'no target',
    queueMore: '{count, plural, other {# more waiting}} — the soonest due are shown.',
    queueText: '{total, plural, one {# request} other {# requests}} waiting for a first response',

    // --- /pmo calendar ---------------------------------------------------------------------
    calendarSummary: 'the PMO’s working days, hours, holidays and closures (leads add closure days)',
    calendarTitle: 'The PMO’s working calendar',
    workingDays: 'Working days',
    workingHours: 'Working hours',
    publicHolidays: 'Public holidays',
    noneConfigured: 'none configured',
    nextDaysOff: '*Next days off*',
    noDaysOff: 'None.',
    pmoClosed: 'PMO closed',
    closureMark: '(PMO closure)',
    awayHeading: '*Away*',
    awayUntil: '• {person} until {day}',
    closureHint:
      'Add a closure: `{command} calendar close YYYY-MM-DD [reason]` · remove it: `{command} calendar open YYYY-MM-DD`',
    onlyLeadsCalendar: 'Only PMO leads change the calendar.',
    dayFormat: 'Give the day as YYYY-MM-DD, e.g. `calendar close 2026-12-24 Team day`.',
    closedOn: 'The PMO is closed on {day}: targets skip it, nobody is nudged on it.',
    workingAgain: '{day} is a working day again.',
    notClosure: '{day} was not a closure day.',
    calendarUsage: 'Say `calendar`, `calendar close YYYY-MM-DD [reason]` or `calendar open YYYY-MM-DD`.',

    // --- /pmo away -------------------------------------------------------------------------
    awaySummary: 'time off: no suggestions, nudges or coaching while away; check-ins and invitations wait',
    onlyLeadsAway: 'Only PMO leads set time away for someone else.',
    awayFromUntil: '{self, select, yes {You are} other {{person} is}} away from {first} until {last}.',
    notAwayHint:
      '{self, select, yes {You are} other {{person} is}} not away. `{command} away until YYYY-MM-DD` sets it.',
    notAway: '{self, select, yes {You are} other {{person} is}} not away.',
    welcomeBack: 'Welcome back!',
    isBack: '{person} is back.',
    awaySet:
      '{self, select, yes {You are} other {{person} is}} away from {first} until {last}. Meanwhile the PMO will not suggest, nudge or match {self, select, yes {you} other {them}}; check-ins and invitations wait until {self, select, yes {you are} other {they are}} back.',
    awayUsage: 'Say `away until YYYY-MM-DD` (optionally `from YYYY-MM-DD until …`), or `away back`.',
    notRealDate: 'That is not a real date.',
    datePassed: 'That date has passed: say until when you will be away.',
    firstAfterLast: 'The first day comes after the last one.',
    overAYear: 'Away for more than a year? Ask a PMO lead.',
    youWereNotAway: 'You were not away.',

    // --- the away modal and Home -------------------------------------------------------------
    awayTitle: 'Away',
    save: 'Save',
    cancel: 'Cancel',
    awayIntro:
      'While you are away the PMO does not suggest you for requests, nudge you or match you as a coach; check-ins and invitations wait until you are back.',
    firstDayAway: 'First day away',
    lastDayAway: 'Last day away',
    pickFirstDay: 'Pick your first day away.',
    pickLastDay: 'Pick your last day away.',
    pickValidDate: 'Please pick a date.',
    dateInPast: 'This date is in the past; please pick today or later.',
    homeAway: ':palm_tree: You are away from {first} until {last}.',
    homeNotAway: 'Going on leave? Tell the PMO and it will leave you in peace meanwhile.',
    homeChange: 'Change…',
    homeAwayButton: 'Away…',
    homeBack: 'I’m back',

    // --- response targets (digest and Home) --------------------------------------------------
    firstResponseOnTarget: 'First response on target',
    deliveryOnTarget: 'Delivery on target',
    overdueNow: 'Overdue now',
    awayThisWeek: 'Away this week',
    nobody: 'nobody',
    rate: '{percent} ({met} of {total})',
    overdueHeading: '*Overdue now*',
    overdueOldest: '(the {shown} oldest of {total})',
    overdueLine:
      '• {ref}: {target, select, first_response {first response} other {delivery}} was due {date} at {time}',
    nothingOverdue: 'Nothing overdue.',
    awayThisWeekHeading: '*Away this week*',
  },
  {
    fr: {
      weekday: '{day, select, 1 {lun.} 2 {mar.} 3 {mer.} 4 {jeu.} 5 {ven.} 6 {sam.} other {dim.}}',
      nudgeText: '{ref} · {service} attend une première réponse (échéance {date} à {time}).',
      nudgeBody:
        ':wave: *{ref} · {service}* — {project}\nCette demande attend une première réponse, échéance {date} à {time}. Elle correspond à vos compétences : pourriez-vous la prendre en charge, ou poser une question au demandeur ?',
      nudgeNote:
        'Vous recevez un seul message de ce type par demande. Le message de tri dans le canal du PMO donne les détails.',
      escalationText:
        'En retard : {ref} · {service} — {target, select, first_response {la première réponse} other {la livraison}} était attendue le {date} à {time}.',
      escalationBody:
        ':alarm_clock: *En retard : {ref} · {service}* — {project}\n{target, select, first_response {La première réponse} other {La livraison}} était attendue le {date} à {time}.',
      escalationOwner: 'Responsable : {owner}.',
      escalationUnclaimed: 'Personne ne l’a prise en charge.',
      escalationNote:
        'Les responsables reçoivent un seul message de ce type par demande et par échéance ; le message de tri l’indique en retard.',
      stillText: 'Les invitations du PMO vous intéressent-elles toujours ?',
      stillBody:
        ':wave: *Toujours intéressé(e) ?* Vous n’avez cliqué sur aucune des trois dernières invitations du PMO — aucun souci. Devons-nous continuer à vous les envoyer ? En attendant votre réponse, nous retenons les nouvelles invitations (huit semaines au plus).',
      stillKeep: 'Oui, continuez',
      stillPause: 'Pause de 3 mois',
      stillOptOut: 'Me désinscrire',
      stillKept:
        ':white_check_mark: Merci — vous continuerez à recevoir les invitations sur les thèmes choisis.',
      stillPaused: ':pause_button: En pause : aucune invitation jusqu’au {day}.',
      stillOptedOut:
        ':wave: Vous êtes désinscrit(e) de tous les thèmes. `/pmo optin` les rétablit à tout moment.',
      stillClosed: 'Cette question est close ou ne vous concerne pas — rien n’a changé.',
      queueSummary: 'les demandes en attente du PMO, les plus urgentes d’abord, avec « Prendre en charge »',
      queueEmpty: 'Aucune demande n’attend de première réponse. :tada:',
      queueHeader: 'En attente d’une première réponse',
      queueOverdue: ':alarm_clock: *en retard* depuis le {date} à {time}',
      queueDue: 'échéance {date} à {time}',
      queueNoTarget: 'sans échéance',
      queueMore:
        '{count, plural, one {# autre en attente} other {# autres en attente}} — seules les plus urgentes sont affichées.',
      queueText: '{total, plural, one {# demande attend} other {# demandes attendent}} une première réponse',
      calendarSummary:
        'les jours et heures ouvrés du PMO, jours fériés et fermetures (les responsables ajoutent des jours de fermeture)',
      calendarTitle: 'Le calendrier de travail du PMO',
      workingDays: 'Jours ouvrés',
      workingHours: 'Heures ouvrées',
      publicHolidays: 'Jours fériés',
      noneConfigured: 'aucun configuré',
      nextDaysOff: '*Prochains jours non travaillés*',
      noDaysOff: 'Aucun.',
      pmoClosed: 'PMO fermé',
      closureMark: '(fermeture du PMO)',
      awayHeading: '*Absents*',
      awayUntil: '• {person} jusqu’au {day}',
      closureHint:
        'Ajouter une fermeture : `{command} calendar close YYYY-MM-DD [reason]` · la retirer : `{command} calendar open YYYY-MM-DD`',
      onlyLeadsCalendar: 'Seuls les responsables du PMO modifient le calendrier.',
      dayFormat:
        'Indiquez le jour au format YYYY-MM-DD, par ex. `calendar close 2026-12-24 Journée d’équipe`.',
      closedOn:
        'Le PMO est fermé le {day} : les échéances ne le comptent pas, personne n’est relancé ce jour-là.',
      workingAgain: 'Le {day} est de nouveau un jour ouvré.',
      notClosure: 'Le {day} n’était pas un jour de fermeture.',
      calendarUsage: 'Tapez `calendar`, `calendar close YYYY-MM-DD [reason]` ou `calendar open YYYY-MM-DD`.',
      awaySummary:
        'absences : ni suggestions, ni relances, ni coaching pendant l’absence ; suivis et invitations attendent',
      onlyLeadsAway: 'Seuls les responsables du PMO déclarent l’absence d’une autre personne.',
      awayFromUntil:
        '{self, select, yes {Vous êtes absent(e)} other {{person} est absent(e)}} du {first} au {last}.',
      notAwayHint:
        '{self, select, yes {Vous n’êtes pas absent(e)} other {{person} n’est pas absent(e)}}. `{command} away until YYYY-MM-DD` déclare une absence.',
      notAway: '{self, select, yes {Vous n’êtes pas absent(e)} other {{person} n’est pas absent(e)}}.',
      welcomeBack: 'Bon retour parmi nous !',
      isBack: '{person} est de retour.',
      awaySet:
        '{self, select, yes {Vous êtes absent(e)} other {{person} est absent(e)}} du {first} au {last}. Entre-temps, le PMO ne fera aucune suggestion, relance ni proposition de coaching {self, select, yes {vous concernant} other {la concernant}} ; suivis et invitations attendent {self, select, yes {votre} other {son}} retour.',
      awayUsage: 'Tapez `away until YYYY-MM-DD` (éventuellement `from YYYY-MM-DD until …`), ou `away back`.',
      notRealDate: 'Cette date n’existe pas.',
      datePassed: 'Cette date est passée : indiquez jusqu’à quand vous serez absent(e).',
      firstAfterLast: 'Le premier jour tombe après le dernier.',
      overAYear: 'Absent(e) plus d’un an ? Adressez-vous à un responsable du PMO.',
      youWereNotAway: 'Vous n’étiez pas absent(e).',
      awayTitle: 'Absence',
      save: 'Enregistrer',
      cancel: 'Annuler',
      awayIntro:
        'Pendant votre absence, le PMO ne vous suggère pas pour des demandes, ne vous relance pas et ne vous propose pas comme coach ; suivis et invitations attendent votre retour.',
      firstDayAway: 'Premier jour d’absence',
      lastDayAway: 'Dernier jour d’absence',
      pickFirstDay: 'Choisissez votre premier jour d’absence.',
      pickLastDay: 'Choisissez votre dernier jour d’absence.',
      pickValidDate: 'Veuillez choisir une date.',
      dateInPast: 'Cette date est passée ; choisissez aujourd’hui ou plus tard.',
      homeAway: ':palm_tree: Vous êtes absent(e) du {first} au {last}.',
      homeNotAway: 'Vous partez en congé ? Prévenez le PMO, il vous laissera tranquille entre-temps.',
      homeChange: 'Modifier…',
      homeAwayButton: 'Absence…',
      homeBack: 'Je suis de retour',
      firstResponseOnTarget: 'Première réponse dans les délais',
      deliveryOnTarget: 'Livraison dans les délais',
      overdueNow: 'En retard',
      awayThisWeek: 'Absents cette semaine',
      nobody: 'personne',
      rate: '{percent} ({met} sur {total})',
      overdueHeading: '*En retard*',
      overdueOldest: '(les {shown} plus anciennes sur {total})',
      overdueLine:
        '• {ref} : {target, select, first_response {première réponse} other {livraison}} attendue le {date} à {time}',
      nothingOverdue: 'Rien en retard.',
      awayThisWeekHeading: '*Absents cette semaine*',
    },
    de: {
      weekday: '{day, select, 1 {Mo} 2 {Di} 3 {Mi} 4 {Do} 5 {Fr} 6 {Sa} other {So}}',
      nudgeText: '{ref} · {service} wartet auf eine erste Antwort (fällig {date} um {time}).',
      nudgeBody:
        ':wave: *{ref} · {service}* — {project}\nDiese Anfrage wartet auf eine erste Antwort, fällig {date} um {time}. Sie passt zu Ihren Kompetenzen: Könnten Sie sie übernehmen oder der anfragenden Person eine Frage stellen?',
      nudgeNote:
        'Sie erhalten pro Anfrage nur eine solche Nachricht. Die Details stehen im Triage-Beitrag im PMO-Kanal.',
      escalationText:
        'Überfällig: {ref} · {service} — {target, select, first_response {die erste Antwort} other {die Lieferung}} war am {date} um {time} fällig.',
      escalationBody:
        ':alarm_clock: *Überfällig: {ref} · {service}* — {project}\n{target, select, first_response {Die erste Antwort} other {Die Lieferung}} war am {date} um {time} fällig.',
      escalationOwner: 'Zuständig: {owner}.',
      escalationUnclaimed: 'Niemand hat sie übernommen.',
      escalationNote:
        'Leads erhalten pro Anfrage und Frist nur eine solche Nachricht; der Triage-Beitrag zeigt sie als überfällig.',
      stillText: 'Interessieren Sie die Einladungen des PMO noch?',
      stillBody:
        ':wave: *Noch interessiert?* Sie haben auf die letzten drei Einladungen des PMO nicht geklickt — das ist völlig in Ordnung. Sollen wir sie Ihnen weiter schicken? Bis Sie antworten, halten wir neue Einladungen zurück (höchstens acht Wochen).',
      stillKeep: 'Ja, weiter senden',
      stillPause: '3 Monate pausieren',
      stillOptOut: 'Abmelden',
      stillKept: ':white_check_mark: Danke — Sie erhalten weiter Einladungen zu den gewählten Themen.',
      stillPaused: ':pause_button: Pausiert: keine Einladungen bis {day}.',
      stillOptedOut:
        ':wave: Sie sind von allen Themen abgemeldet. Mit `/pmo optin` melden Sie sich jederzeit wieder an.',
      stillClosed: 'Diese Frage ist geschlossen oder nicht an Sie gerichtet — nichts wurde geändert.',
      queueSummary: 'Anfragen, die auf das PMO warten, die dringendsten zuerst, mit „Übernehmen“',
      queueEmpty: 'Keine Anfrage wartet auf eine erste Antwort. :tada:',
      queueHeader: 'Warten auf eine erste Antwort',
      queueOverdue: ':alarm_clock: *überfällig* seit {date} um {time}',
      queueDue: 'fällig {date} um {time}',
      queueNoTarget: 'keine Frist',
      queueMore:
        '{count, plural, one {# weitere wartet} other {# weitere warten}} — die dringendsten werden angezeigt.',
      queueText: '{total, plural, one {# Anfrage wartet} other {# Anfragen warten}} auf eine erste Antwort',
      calendarSummary:
        'Arbeitstage, Arbeitszeiten, Feiertage und Schließtage des PMO (Leads tragen Schließtage ein)',
      calendarTitle: 'Der Arbeitskalender des PMO',
      workingDays: 'Arbeitstage',
      workingHours: 'Arbeitszeiten',
      publicHolidays: 'Feiertage',
      noneConfigured: 'keine eingerichtet',
      nextDaysOff: '*Nächste freie Tage*',
      noDaysOff: 'Keine.',
      pmoClosed: 'PMO geschlossen',
      closureMark: '(PMO geschlossen)',
      awayHeading: '*Abwesend*',
      awayUntil: '• {person} bis {day}',
      closureHint:
        'Schließtag eintragen: `{command} calendar close YYYY-MM-DD [reason]` · entfernen: `{command} calendar open YYYY-MM-DD`',
      onlyLeadsCalendar: 'Nur PMO-Leads ändern den Kalender.',
      dayFormat: 'Geben Sie den Tag als YYYY-MM-DD an, z. B. `calendar close 2026-12-24 Teamtag`.',
      closedOn:
        'Das PMO ist am {day} geschlossen: Fristen überspringen den Tag, niemand wird an ihm erinnert.',
      workingAgain: '{day} ist wieder ein Arbeitstag.',
      notClosure: '{day} war kein Schließtag.',
      calendarUsage:
        'Schreiben Sie `calendar`, `calendar close YYYY-MM-DD [reason]` oder `calendar open YYYY-MM-DD`.',
      awaySummary:
        'Abwesenheit: keine Vorschläge, Erinnerungen oder Coaching; Check-ins und Einladungen warten',
      onlyLeadsAway: 'Nur PMO-Leads tragen die Abwesenheit anderer ein.',
      awayFromUntil: '{self, select, yes {Sie sind} other {{person} ist}} von {first} bis {last} abwesend.',
      notAwayHint:
        '{self, select, yes {Sie sind} other {{person} ist}} nicht abwesend. `{command} away until YYYY-MM-DD` trägt es ein.',
      notAway: '{self, select, yes {Sie sind} other {{person} ist}} nicht abwesend.',
      welcomeBack: 'Willkommen zurück!',
      isBack: '{person} ist zurück.',
      awaySet:
        '{self, select, yes {Sie sind} other {{person} ist}} von {first} bis {last} abwesend. In der Zeit wird das PMO {self, select, yes {Sie} other {die Person}} weder vorschlagen noch erinnern noch als Coach vermitteln; Check-ins und Einladungen warten, bis {self, select, yes {Sie} other {die Person}} zurück {self, select, yes {sind} other {ist}}.',
      awayUsage:
        'Schreiben Sie `away until YYYY-MM-DD` (optional `from YYYY-MM-DD until …`) oder `away back`.',
      notRealDate: 'Dieses Datum gibt es nicht.',
      datePassed: 'Dieses Datum ist vorbei: Geben Sie an, bis wann Sie abwesend sind.',
      firstAfterLast: 'Der erste Tag liegt nach dem letzten.',
      overAYear: 'Länger als ein Jahr abwesend? Wenden Sie sich an einen PMO-Lead.',
      youWereNotAway: 'Sie waren nicht abwesend.',
      awayTitle: 'Abwesenheit',
      save: 'Speichern',
      cancel: 'Abbrechen',
      awayIntro:
        'Während Ihrer Abwesenheit schlägt das PMO Sie nicht für Anfragen vor, erinnert Sie nicht und vermittelt Sie nicht als Coach; Check-ins und Einladungen warten, bis Sie zurück sind.',
      firstDayAway: 'Erster Tag der Abwesenheit',
      lastDayAway: 'Letzter Tag der Abwesenheit',
      pickFirstDay: 'Wählen Sie Ihren ersten Tag der Abwesenheit.',
      pickLastDay: 'Wählen Sie Ihren letzten Tag der Abwesenheit.',
      pickValidDate: 'Bitte wählen Sie ein Datum.',
      dateInPast: 'Dieses Datum liegt in der Vergangenheit; wählen Sie heute oder später.',
      homeAway: ':palm_tree: Sie sind von {first} bis {last} abwesend.',
      homeNotAway: 'Sie gehen in den Urlaub? Sagen Sie es dem PMO, dann lässt es Sie in der Zeit in Ruhe.',
      homeChange: 'Ändern…',
      homeAwayButton: 'Abwesend…',
      homeBack: 'Ich bin zurück',
      firstResponseOnTarget: 'Erste Antwort fristgerecht',
      deliveryOnTarget: 'Lieferung fristgerecht',
      overdueNow: 'Jetzt überfällig',
      awayThisWeek: 'Diese Woche abwesend',
      nobody: 'niemand',
      rate: '{percent} ({met} von {total})',
      overdueHeading: '*Jetzt überfällig*',
      overdueOldest: '(die {shown} ältesten von {total})',
      overdueLine:
        '• {ref}: {target, select, first_response {erste Antwort} other {Lieferung}} war am {date} um {time} fällig',
      nothingOverdue: 'Nichts überfällig.',
      awayThisWeekHeading: '*Diese Woche abwesend*',
    },
    es: {
      weekday: '{day, select, 1 {lun} 2 {mar} 3 {mié} 4 {jue} 5 {vie} 6 {sáb} other {dom}}',
      nudgeText: '{ref} · {service} espera una primera respuesta (vence {date} a las {time}).',
      nudgeBody:
        ':wave: *{ref} · {service}* — {project}\nEsta solicitud espera una primera respuesta, vence {date} a las {time}. Encaja con sus competencias: ¿podría asumirla o hacer una pregunta al solicitante?',
      nudgeNote:
        'Recibe un solo aviso como este por solicitud. La publicación de triaje en el canal del PMO tiene los detalles.',
      escalationText:
        'Vencida: {ref} · {service} — {target, select, first_response {la primera respuesta} other {la entrega}} vencía el {date} a las {time}.',
      escalationBody:
        ':alarm_clock: *Vencida: {ref} · {service}* — {project}\n{target, select, first_response {La primera respuesta} other {La entrega}} vencía el {date} a las {time}.',
      escalationOwner: 'Responsable: {owner}.',
      escalationUnclaimed: 'Nadie la ha asumido.',
      escalationNote:
        'Los responsables reciben un solo aviso como este por solicitud y plazo; la publicación de triaje la muestra como vencida.',
      stillText: '¿Le siguen interesando las invitaciones del PMO?',
      stillBody:
        ':wave: *¿Sigue interesado?* No ha hecho clic en las tres últimas invitaciones del PMO — no pasa nada. ¿Seguimos enviándoselas? Hasta que responda, retenemos las nuevas invitaciones (ocho semanas como máximo).',
      stillKeep: 'Sí, sigan enviándolas',
      stillPause: 'Pausar 3 meses',
      stillOptOut: 'Darme de baja',
      stillKept: ':white_check_mark: Gracias — seguirá recibiendo invitaciones de los temas que eligió.',
      stillPaused: ':pause_button: En pausa: ninguna invitación hasta el {day}.',
      stillOptedOut:
        ':wave: Se ha dado de baja de todos los temas. `/pmo optin` los recupera en cualquier momento.',
      stillClosed: 'Esta pregunta está cerrada o no es suya — no ha cambiado nada.',
      queueSummary: 'solicitudes que esperan al PMO, las más urgentes primero, con «Asumir»',
      queueEmpty: 'Nada espera una primera respuesta. :tada:',
      queueHeader: 'Esperan una primera respuesta',
      queueOverdue: ':alarm_clock: *vencida* desde {date} a las {time}',
      queueDue: 'vence {date} a las {time}',
      queueNoTarget: 'sin plazo',
      queueMore: '{count, plural, other {# más en espera}} — se muestran las más urgentes.',
      queueText:
        '{total, plural, one {# solicitud espera} other {# solicitudes esperan}} una primera respuesta',
      calendarSummary:
        'los días y horas laborables del PMO, festivos y cierres (los responsables añaden días de cierre)',
      calendarTitle: 'El calendario laboral del PMO',
      workingDays: 'Días laborables',
      workingHours: 'Horario laboral',
      publicHolidays: 'Festivos',
      noneConfigured: 'ninguno configurado',
      nextDaysOff: '*Próximos días no laborables*',
      noDaysOff: 'Ninguno.',
      pmoClosed: 'PMO cerrado',
      closureMark: '(cierre del PMO)',
      awayHeading: '*Ausentes*',
      awayUntil: '• {person} hasta el {day}',
      closureHint:
        'Añadir un cierre: `{command} calendar close YYYY-MM-DD [reason]` · quitarlo: `{command} calendar open YYYY-MM-DD`',
      onlyLeadsCalendar: 'Solo los responsables del PMO cambian el calendario.',
      dayFormat: 'Indique el día como YYYY-MM-DD, p. ej. `calendar close 2026-12-24 Día del equipo`.',
      closedOn: 'El PMO cierra el {day}: los plazos no lo cuentan y no se envían recordatorios ese día.',
      workingAgain: 'El {day} vuelve a ser laborable.',
      notClosure: 'El {day} no era un día de cierre.',
      calendarUsage: 'Escriba `calendar`, `calendar close YYYY-MM-DD [reason]` o `calendar open YYYY-MM-DD`.',
      awaySummary:
        'ausencias: sin sugerencias, recordatorios ni coaching; los seguimientos y las invitaciones esperan',
      onlyLeadsAway: 'Solo los responsables del PMO registran la ausencia de otra persona.',
      awayFromUntil:
        '{self, select, yes {Está ausente} other {{person} está ausente}} del {first} al {last}.',
      notAwayHint:
        '{self, select, yes {No está ausente} other {{person} no está ausente}}. `{command} away until YYYY-MM-DD` la registra.',
      notAway: '{self, select, yes {No está ausente} other {{person} no está ausente}}.',
      welcomeBack: '¡Bienvenido de nuevo!',
      isBack: '{person} ha vuelto.',
      awaySet:
        '{self, select, yes {Está ausente} other {{person} está ausente}} del {first} al {last}. Mientras tanto, el PMO no le sugerirá, no le enviará recordatorios ni le propondrá como coach; los seguimientos y las invitaciones esperan a su vuelta.',
      awayUsage: 'Escriba `away until YYYY-MM-DD` (opcionalmente `from YYYY-MM-DD until …`) o `away back`.',
      notRealDate: 'Esa fecha no existe.',
      datePassed: 'Esa fecha ya pasó: indique hasta cuándo estará ausente.',
      firstAfterLast: 'El primer día es posterior al último.',
      overAYear: '¿Ausente más de un año? Consulte a un responsable del PMO.',
      youWereNotAway: 'No estaba ausente.',
      awayTitle: 'Ausencia',
      save: 'Guardar',
      cancel: 'Cancelar',
      awayIntro:
        'Mientras esté ausente, el PMO no le sugiere para solicitudes, no le envía recordatorios ni le propone como coach; los seguimientos y las invitaciones esperan a su vuelta.',
      firstDayAway: 'Primer día de ausencia',
      lastDayAway: 'Último día de ausencia',
      pickFirstDay: 'Elija su primer día de ausencia.',
      pickLastDay: 'Elija su último día de ausencia.',
      pickValidDate: 'Elija una fecha.',
      dateInPast: 'Esa fecha ya pasó; elija hoy o una fecha posterior.',
      homeAway: ':palm_tree: Está ausente del {first} al {last}.',
      homeNotAway: '¿Se va de vacaciones? Avise al PMO y le dejará tranquilo mientras tanto.',
      homeChange: 'Cambiar…',
      homeAwayButton: 'Ausencia…',
      homeBack: 'He vuelto',
      firstResponseOnTarget: 'Primera respuesta en plazo',
      deliveryOnTarget: 'Entrega en plazo',
      overdueNow: 'Vencidas ahora',
      awayThisWeek: 'Ausentes esta semana',
      nobody: 'nadie',
      rate: '{percent} ({met} de {total})',
      overdueHeading: '*Vencidas ahora*',
      overdueOldest: '(las {shown} más antiguas de {total})',
      overdueLine:
        '• {ref}: {target, select, first_response {primera respuesta} other {entrega}} vencía el {date} a las {time}',
      nothingOverdue: 'Nada vencido.',
      awayThisWeekHeading: '*Ausentes esta semana*',
    },
  },
);
