import { defineCatalogue } from '../../i18n';

/** What the PMO settings say: the leads' form, its errors, and the summary on a lead's Home. */
export const settingsText = defineCatalogue(
  'settings',
  {
    summary: 'the PMO’s settings: leads, channel, working calendar, check-ins, digest, retention',
    modalTitle: 'PMO settings',
    save: 'Save',
    cancel: 'Cancel',
    intro:
      'The environment’s values apply until a lead changes them here; what you save applies to every replica within a minute and is recorded in `{command} audit`.',
    leadsLabel: 'PMO leads',
    leadsHint:
      'Leads manage the PMO: the team, the catalogue, these settings. At least one lead always remains.',
    envLeads: 'Always leads, set by whoever runs the app (PMO_LEAD_IDS): {leads}',
    mentionsMore: '{list} and {count} more',
    channelLabel: 'PMO channel',
    channelHint: 'Triage posts and the digest go here. Invite the app to the channel first (/invite).',
    headerCalendar: 'Working calendar',
    timezoneLabel: 'PMO time zone',
    workingHoursLabel: 'Working hours',
    workingHoursHint: 'Start and end hour, e.g. 09-17 (the end hour is not worked).',
    workingDaysLabel: 'Working days',
    holidaysLabel: 'Public holidays',
    holidaysHint: 'A country or country-region code; leave empty for none.',
    headerCheckins: 'Check-ins',
    checkinAfterLabel: 'Days after a delivery',
    checkinAfterHint: 'How long after a delivery the requester is asked whether it helped.',
    checkinHoursLabel: 'Check-in hours',
    checkinHoursHint: 'In each person’s own time zone.',
    checkinDaysLabel: 'Check-in days',
    headerDigest: 'Weekly digest',
    digestDayLabel: 'Day',
    digestNowHint: 'Now {digest}; leave empty to keep it.',
    digestTimeLabel: 'Time',
    digestTimeHint: 'In the PMO’s time zone.',
    languageLabel: 'The PMO’s language',
    languageHint:
      'Posts in the PMO channel (triage, the digest) are written in it. Each person is spoken to in their own language.',
    fieldLanguage: 'Language',
    errorLanguage: 'Choose one of the languages offered.',
    headerPrivacy: 'Privacy',
    retentionLabel: 'Keep closed requests’ text for (days)',
    retentionHint: 'After this, closed requests and feedback lose their free text and who wrote it.',
    weekday:
      '{day, select, 1 {Monday} 2 {Tuesday} 3 {Wednesday} 4 {Thursday} 5 {Friday} 6 {Saturday} 7 {Sunday} other {?}}',
    weekdayShort: '{day, select, 1 {Mon} 2 {Tue} 3 {Wed} 4 {Thu} 5 {Fri} 6 {Sat} 7 {Sun} other {?}}',
    noDay: 'no day',
    digestWeekly:
      '{day, select, 1 {Mondays} 2 {Tuesdays} 3 {Wednesdays} 4 {Thursdays} 5 {Fridays} 6 {Saturdays} 7 {Sundays} other {?}} at {time}',
    summaryHeader: 'PMO settings',
    fieldChannel: 'Channel',
    fieldTimezone: 'Time zone',
    fieldWorkingHours: 'Working hours',
    workingHoursValue: '{hours}, {days}',
    workingHoursWithHolidays: '{hours}, {days} · holidays {holidays}',
    fieldDigest: 'Digest',
    fieldCheckins: 'Check-ins',
    checkinsValue: '{count, plural, one {# day} other {# days}} after delivery, {hours}, {days}',
    fieldRetention: 'Retention',
    retentionValue: '{count, plural, one {# day} other {# days}}',
    leadsLine: 'Leads: {env} (PMO_LEAD_IDS)',
    leadsLineAdded: 'Leads: {env} (PMO_LEAD_IDS) · {added}',
    settingsButton: 'Settings',
    errorLeads: 'Choose at least one lead.',
    errorLeadsMax: 'Choose at most 100 leads.',
    errorChannel: 'Choose the PMO channel.',
    errorChannelDm: 'Choose a channel (not a direct message).',
    errorTimezoneMissing: 'Type the PMO’s time zone, such as Europe/Paris.',
    errorTimezone: 'The time zone must be an IANA time zone such as Europe/Paris.',
    errorHoursFormat: '{field, select, working {Working hours} other {Check-in hours}} must look like 09-17.',
    errorHoursRange:
      '{field, select, working {Working hours} other {Check-in hours}} must be hours 0-24 with start < end.',
    errorDaysNone: 'Choose at least one day for {field, select, working {working days} other {check-ins}}.',
    errorDaysRange:
      'Choose days for {field, select, working {working days} other {check-ins}} from Monday to Sunday.',
    errorHoliday:
      'The holiday region must be a country or country-region code date-holidays knows, such as FR, DE-BY or US-CA.',
    errorWholeDays:
      '{field, select, checkin {The check-in delay} other {Retention}} must be a whole number of days.',
    errorAtLeast: '{field, select, checkin {The check-in delay} other {Retention}} must be at least {min}.',
    errorAtMost: '{field, select, checkin {The check-in delay} other {Retention}} must be at most {max}.',
    errorDigestBoth: 'Choose both the digest’s day and its time.',
    leadsOnly: 'Only PMO leads change the PMO’s settings.',
    channelNotIn:
      'The app is not in that channel, so it cannot post there. Type `/invite @PMO Concierge` in the channel, then save again.',
    channelUnknown:
      'Slack did not say whether the app can post in that channel. Please try again in a moment.',
    saved: 'Settings saved.',
    unchanged: 'Nothing changed in the settings.',
    stale:
      'Another lead saved the settings while this form was open, so nothing was saved. Close it and open the settings again.',
    envLeadsStay:
      '{leads} {count, plural, one {is named in PMO_LEAD_IDS and always stays a lead} other {are named in PMO_LEAD_IDS and always stay leads}}; whoever runs the app can change that list.',
  },
  {
    fr: {
      summary:
        'les paramètres du PMO : responsables, canal, calendrier de travail, points de suivi, synthèse, conservation',
      modalTitle: 'Paramètres du PMO',
      save: 'Enregistrer',
      cancel: 'Annuler',
      intro:
        'Les valeurs de l’environnement s’appliquent tant qu’un responsable ne les modifie pas ici ; ce que vous enregistrez s’applique à chaque réplique en moins d’une minute et est consigné dans `{command} audit`.',
      leadsLabel: 'Responsables du PMO',
      leadsHint:
        'Les responsables gèrent le PMO : l’équipe, le catalogue, ces paramètres. Il reste toujours au moins un responsable.',
      envLeads: 'Toujours responsables, définis par l’exploitant de l’application (PMO_LEAD_IDS) : {leads}',
      mentionsMore: '{list} et {count} de plus',
      channelLabel: 'Canal du PMO',
      channelHint:
        'Les messages de triage et la synthèse sont publiés ici. Invitez d’abord l’application dans le canal (/invite).',
      headerCalendar: 'Calendrier de travail',
      timezoneLabel: 'Fuseau horaire du PMO',
      workingHoursLabel: 'Heures de travail',
      workingHoursHint: 'Heure de début et de fin, par ex. 09-17 (l’heure de fin n’est pas travaillée).',
      workingDaysLabel: 'Jours travaillés',
      holidaysLabel: 'Jours fériés',
      holidaysHint: 'Un code de pays ou de pays-région ; laissez vide pour aucun.',
      headerCheckins: 'Points de suivi',
      checkinAfterLabel: 'Jours après une livraison',
      checkinAfterHint: 'Délai après une livraison avant de demander au demandeur si elle lui a été utile.',
      checkinHoursLabel: 'Heures des points de suivi',
      checkinHoursHint: 'Dans le fuseau horaire de chaque personne.',
      checkinDaysLabel: 'Jours des points de suivi',
      headerDigest: 'Synthèse hebdomadaire',
      digestDayLabel: 'Jour',
      digestNowHint: 'Actuellement {digest} ; laissez vide pour le conserver.',
      digestTimeLabel: 'Heure',
      digestTimeHint: 'Dans le fuseau horaire du PMO.',
      languageLabel: 'Langue du PMO',
      languageHint:
        'Les messages du canal du PMO (tri, synthèse) sont rédigés dans cette langue. Chaque personne reçoit les autres messages dans la sienne.',
      fieldLanguage: 'Langue',
      errorLanguage: 'Choisissez l’une des langues proposées.',
      headerPrivacy: 'Confidentialité',
      retentionLabel: 'Conserver le texte des demandes clôturées (jours)',
      retentionHint:
        'Passé ce délai, les demandes clôturées et les retours perdent leur texte libre et le nom de leur auteur.',
      weekday:
        '{day, select, 1 {Lundi} 2 {Mardi} 3 {Mercredi} 4 {Jeudi} 5 {Vendredi} 6 {Samedi} 7 {Dimanche} other {?}}',
      weekdayShort: '{day, select, 1 {Lun} 2 {Mar} 3 {Mer} 4 {Jeu} 5 {Ven} 6 {Sam} 7 {Dim} other {?}}',
      noDay: 'aucun jour',
      digestWeekly:
        '{day, select, 1 {le lundi} 2 {le mardi} 3 {le mercredi} 4 {le jeudi} 5 {le vendredi} 6 {le samedi} 7 {le dimanche} other {?}} à {time}',
      summaryHeader: 'Paramètres du PMO',
      fieldChannel: 'Canal',
      fieldTimezone: 'Fuseau horaire',
      fieldWorkingHours: 'Heures de travail',
      workingHoursValue: '{hours}, {days}',
      workingHoursWithHolidays: '{hours}, {days} · jours fériés {holidays}',
      fieldDigest: 'Synthèse',
      fieldCheckins: 'Points de suivi',
      checkinsValue: '{count, plural, one {# jour} other {# jours}} après la livraison, {hours}, {days}',
      fieldRetention: 'Conservation',
      retentionValue: '{count, plural, one {# jour} other {# jours}}',
      leadsLine: 'Responsables : {env} (PMO_LEAD_IDS)',
      leadsLineAdded: 'Responsables : {env} (PMO_LEAD_IDS) · {added}',
      settingsButton: 'Paramètres',
      errorLeads: 'Choisissez au moins un responsable.',
      errorLeadsMax: 'Choisissez au plus 100 responsables.',
      errorChannel: 'Choisissez le canal du PMO.',
      errorChannelDm: 'Choisissez un canal (pas un message direct).',
      errorTimezoneMissing: 'Saisissez le fuseau horaire du PMO, par exemple Europe/Paris.',
      errorTimezone: 'Le fuseau horaire doit être un fuseau IANA, par exemple Europe/Paris.',
      errorHoursFormat:
        '{field, select, working {Les heures de travail} other {Les heures des points de suivi}} doivent avoir la forme 09-17.',
      errorHoursRange:
        '{field, select, working {Les heures de travail} other {Les heures des points de suivi}} doivent être comprises entre 0 et 24, début < fin.',
      errorDaysNone:
        'Choisissez au moins un jour pour {field, select, working {les jours travaillés} other {les points de suivi}}.',
      errorDaysRange:
        'Choisissez les jours pour {field, select, working {les jours travaillés} other {les points de suivi}} entre lundi et dimanche.',
      errorHoliday:
        'La région des jours fériés doit être un code de pays ou de pays-région connu de date-holidays, par exemple FR, DE-BY ou US-CA.',
      errorWholeDays:
        '{field, select, checkin {Le délai du point de suivi} other {La conservation}} doit être un nombre entier de jours.',
      errorAtLeast:
        '{field, select, checkin {Le délai du point de suivi} other {La conservation}} doit être d’au moins {min}.',
      errorAtMost:
        '{field, select, checkin {Le délai du point de suivi} other {La conservation}} doit être d’au plus {max}.',
      errorDigestBoth: 'Choisissez à la fois le jour et l’heure de la synthèse.',
      leadsOnly: 'Seuls les responsables du PMO modifient les paramètres du PMO.',
      channelNotIn:
        'L’application n’est pas dans ce canal et ne peut donc pas y publier. Saisissez `/invite @PMO Concierge` dans le canal, puis enregistrez de nouveau.',
      channelUnknown:
        'Slack n’a pas indiqué si l’application peut publier dans ce canal. Veuillez réessayer dans un instant.',
      saved: 'Paramètres enregistrés.',
      unchanged: 'Aucun paramètre n’a changé.',
      stale:
        'Un autre responsable a enregistré les paramètres pendant que ce formulaire était ouvert : rien n’a été enregistré. Fermez-le et rouvrez les paramètres.',
      envLeadsStay:
        '{leads} {count, plural, one {figure dans PMO_LEAD_IDS et reste toujours responsable} other {figurent dans PMO_LEAD_IDS et restent toujours responsables}} ; l’exploitant de l’application peut modifier cette liste.',
    },
    de: {
      summary:
        'die Einstellungen des PMO: Leitungen, Kanal, Arbeitskalender, Check-ins, Übersicht, Aufbewahrung',
      modalTitle: 'PMO-Einstellungen',
      save: 'Speichern',
      cancel: 'Abbrechen',
      intro:
        'Die Werte der Umgebung gelten, bis eine Leitung sie hier ändert; was Sie speichern, gilt innerhalb einer Minute für jede Replik und wird in `{command} audit` protokolliert.',
      leadsLabel: 'PMO-Leitungen',
      leadsHint:
        'Leitungen verwalten das PMO: das Team, den Katalog, diese Einstellungen. Mindestens eine Leitung bleibt immer.',
      envLeads: 'Immer Leitungen, festgelegt vom Betreiber der App (PMO_LEAD_IDS): {leads}',
      mentionsMore: '{list} und {count} weitere',
      channelLabel: 'PMO-Kanal',
      channelHint:
        'Triage-Beiträge und die Übersicht erscheinen hier. Laden Sie die App zuerst in den Kanal ein (/invite).',
      headerCalendar: 'Arbeitskalender',
      timezoneLabel: 'Zeitzone des PMO',
      workingHoursLabel: 'Arbeitszeiten',
      workingHoursHint: 'Anfangs- und Endstunde, z. B. 09-17 (die Endstunde ist keine Arbeitszeit).',
      workingDaysLabel: 'Arbeitstage',
      holidaysLabel: 'Feiertage',
      holidaysHint: 'Ein Länder- oder Länder-Regions-Code; leer lassen für keine.',
      headerCheckins: 'Check-ins',
      checkinAfterLabel: 'Tage nach einer Lieferung',
      checkinAfterHint:
        'Wie lange nach einer Lieferung die anfragende Person gefragt wird, ob sie geholfen hat.',
      checkinHoursLabel: 'Check-in-Zeiten',
      checkinHoursHint: 'In der Zeitzone der jeweiligen Person.',
      checkinDaysLabel: 'Check-in-Tage',
      headerDigest: 'Wöchentliche Übersicht',
      digestDayLabel: 'Tag',
      digestNowHint: 'Derzeit {digest}; leer lassen, um dies beizubehalten.',
      digestTimeLabel: 'Uhrzeit',
      digestTimeHint: 'In der Zeitzone des PMO.',
      languageLabel: 'Sprache des PMO',
      languageHint:
        'Beiträge im PMO-Kanal (Triage, Digest) erscheinen in dieser Sprache. Mit jeder Person spricht die App in deren eigener Sprache.',
      fieldLanguage: 'Sprache',
      errorLanguage: 'Wählen Sie eine der angebotenen Sprachen.',
      headerPrivacy: 'Datenschutz',
      retentionLabel: 'Text abgeschlossener Anfragen aufbewahren (Tage)',
      retentionHint:
        'Danach verlieren abgeschlossene Anfragen und Rückmeldungen ihren Freitext und den Namen der verfassenden Person.',
      weekday:
        '{day, select, 1 {Montag} 2 {Dienstag} 3 {Mittwoch} 4 {Donnerstag} 5 {Freitag} 6 {Samstag} 7 {Sonntag} other {?}}',
      weekdayShort: '{day, select, 1 {Mo} 2 {Di} 3 {Mi} 4 {Do} 5 {Fr} 6 {Sa} 7 {So} other {?}}',
      noDay: 'kein Tag',
      digestWeekly:
        '{day, select, 1 {montags} 2 {dienstags} 3 {mittwochs} 4 {donnerstags} 5 {freitags} 6 {samstags} 7 {sonntags} other {?}} um {time}',
      summaryHeader: 'PMO-Einstellungen',
      fieldChannel: 'Kanal',
      fieldTimezone: 'Zeitzone',
      fieldWorkingHours: 'Arbeitszeiten',
      workingHoursValue: '{hours}, {days}',
      workingHoursWithHolidays: '{hours}, {days} · Feiertage {holidays}',
      fieldDigest: 'Übersicht',
      fieldCheckins: 'Check-ins',
      checkinsValue: '{count, plural, one {# Tag} other {# Tage}} nach der Lieferung, {hours}, {days}',
      fieldRetention: 'Aufbewahrung',
      retentionValue: '{count, plural, one {# Tag} other {# Tage}}',
      leadsLine: 'Leitungen: {env} (PMO_LEAD_IDS)',
      leadsLineAdded: 'Leitungen: {env} (PMO_LEAD_IDS) · {added}',
      settingsButton: 'Einstellungen',
      errorLeads: 'Wählen Sie mindestens eine Leitung.',
      errorLeadsMax: 'Wählen Sie höchstens 100 Leitungen.',
      errorChannel: 'Wählen Sie den PMO-Kanal.',
      errorChannelDm: 'Wählen Sie einen Kanal (keine Direktnachricht).',
      errorTimezoneMissing: 'Geben Sie die Zeitzone des PMO ein, z. B. Europe/Paris.',
      errorTimezone: 'Die Zeitzone muss eine IANA-Zeitzone sein, z. B. Europe/Paris.',
      errorHoursFormat:
        'Die {field, select, working {Arbeitszeiten} other {Check-in-Zeiten}} müssen wie 09-17 aussehen.',
      errorHoursRange:
        'Die {field, select, working {Arbeitszeiten} other {Check-in-Zeiten}} müssen Stunden von 0 bis 24 mit Beginn < Ende sein.',
      errorDaysNone:
        'Wählen Sie mindestens einen Tag für {field, select, working {die Arbeitstage} other {die Check-ins}}.',
      errorDaysRange:
        'Wählen Sie die Tage für {field, select, working {die Arbeitstage} other {die Check-ins}} von Montag bis Sonntag.',
      errorHoliday:
        'Die Feiertagsregion muss ein Länder- oder Länder-Regions-Code sein, den date-holidays kennt, z. B. FR, DE-BY oder US-CA.',
      errorWholeDays:
        '{field, select, checkin {Die Check-in-Frist} other {Die Aufbewahrung}} muss eine ganze Zahl von Tagen sein.',
      errorAtLeast:
        '{field, select, checkin {Die Check-in-Frist} other {Die Aufbewahrung}} muss mindestens {min} sein.',
      errorAtMost:
        '{field, select, checkin {Die Check-in-Frist} other {Die Aufbewahrung}} darf höchstens {max} sein.',
      errorDigestBoth: 'Wählen Sie sowohl den Tag als auch die Uhrzeit der Übersicht.',
      leadsOnly: 'Nur PMO-Leitungen ändern die Einstellungen des PMO.',
      channelNotIn:
        'Die App ist nicht in diesem Kanal und kann dort daher nicht posten. Geben Sie `/invite @PMO Concierge` im Kanal ein und speichern Sie erneut.',
      channelUnknown:
        'Slack hat nicht mitgeteilt, ob die App in diesem Kanal posten kann. Bitte versuchen Sie es gleich noch einmal.',
      saved: 'Einstellungen gespeichert.',
      unchanged: 'An den Einstellungen hat sich nichts geändert.',
      stale:
        'Eine andere Leitung hat die Einstellungen gespeichert, während dieses Formular offen war; es wurde nichts gespeichert. Schließen Sie es und öffnen Sie die Einstellungen erneut.',
      envLeadsStay:
        '{leads} {count, plural, one {steht in PMO_LEAD_IDS und bleibt immer Leitung} other {stehen in PMO_LEAD_IDS und bleiben immer Leitungen}}; der Betreiber der App kann diese Liste ändern.',
    },
    es: {
      summary:
        'la configuración del PMO: responsables, canal, calendario laboral, seguimientos, resumen, conservación',
      modalTitle: 'Configuración del PMO',
      save: 'Guardar',
      cancel: 'Cancelar',
      intro:
        'Los valores del entorno se aplican hasta que un responsable los cambie aquí; lo que guarde se aplica a cada réplica en menos de un minuto y queda registrado en `{command} audit`.',
      leadsLabel: 'Responsables del PMO',
      leadsHint:
        'Los responsables gestionan el PMO: el equipo, el catálogo, esta configuración. Siempre queda al menos un responsable.',
      envLeads: 'Siempre responsables, definidos por quien opera la aplicación (PMO_LEAD_IDS): {leads}',
      mentionsMore: '{list} y {count} más',
      channelLabel: 'Canal del PMO',
      channelHint:
        'Las publicaciones de triaje y el resumen se publican aquí. Invite primero la aplicación al canal (/invite).',
      headerCalendar: 'Calendario laboral',
      timezoneLabel: 'Zona horaria del PMO',
      workingHoursLabel: 'Horario laboral',
      workingHoursHint: 'Hora de inicio y de fin, p. ej. 09-17 (la hora de fin no se trabaja).',
      workingDaysLabel: 'Días laborables',
      holidaysLabel: 'Días festivos',
      holidaysHint: 'Un código de país o de país-región; déjelo vacío para ninguno.',
      headerCheckins: 'Seguimientos',
      checkinAfterLabel: 'Días tras una entrega',
      checkinAfterHint: 'Cuánto tiempo después de una entrega se pregunta al solicitante si le resultó útil.',
      checkinHoursLabel: 'Horario de seguimiento',
      checkinHoursHint: 'En la zona horaria de cada persona.',
      checkinDaysLabel: 'Días de seguimiento',
      headerDigest: 'Resumen semanal',
      digestDayLabel: 'Día',
      digestNowHint: 'Ahora {digest}; déjelo vacío para mantenerlo.',
      digestTimeLabel: 'Hora',
      digestTimeHint: 'En la zona horaria del PMO.',
      languageLabel: 'Idioma del PMO',
      languageHint:
        'Las publicaciones del canal del PMO (clasificación, resumen) se escriben en este idioma. A cada persona se le habla en el suyo.',
      fieldLanguage: 'Idioma',
      errorLanguage: 'Elija uno de los idiomas ofrecidos.',
      headerPrivacy: 'Privacidad',
      retentionLabel: 'Conservar el texto de solicitudes cerradas (días)',
      retentionHint:
        'Pasado este plazo, las solicitudes cerradas y las valoraciones pierden su texto libre y quién lo escribió.',
      weekday:
        '{day, select, 1 {Lunes} 2 {Martes} 3 {Miércoles} 4 {Jueves} 5 {Viernes} 6 {Sábado} 7 {Domingo} other {?}}',
      weekdayShort: '{day, select, 1 {Lun} 2 {Mar} 3 {Mié} 4 {Jue} 5 {Vie} 6 {Sáb} 7 {Dom} other {?}}',
      noDay: 'ningún día',
      digestWeekly:
        '{day, select, 1 {los lunes} 2 {los martes} 3 {los miércoles} 4 {los jueves} 5 {los viernes} 6 {los sábados} 7 {los domingos} other {?}} a las {time}',
      summaryHeader: 'Configuración del PMO',
      fieldChannel: 'Canal',
      fieldTimezone: 'Zona horaria',
      fieldWorkingHours: 'Horario laboral',
      workingHoursValue: '{hours}, {days}',
      workingHoursWithHolidays: '{hours}, {days} · festivos {holidays}',
      fieldDigest: 'Resumen',
      fieldCheckins: 'Seguimientos',
      checkinsValue: '{count, plural, one {# día} other {# días}} tras la entrega, {hours}, {days}',
      fieldRetention: 'Conservación',
      retentionValue: '{count, plural, one {# día} other {# días}}',
      leadsLine: 'Responsables: {env} (PMO_LEAD_IDS)',
      leadsLineAdded: 'Responsables: {env} (PMO_LEAD_IDS) · {added}',
      settingsButton: 'Configuración',
      errorLeads: 'Elija al menos un responsable.',
      errorLeadsMax: 'Elija como máximo 100 responsables.',
      errorChannel: 'Elija el canal del PMO.',
      errorChannelDm: 'Elija un canal (no un mensaje directo).',
      errorTimezoneMissing: 'Escriba la zona horaria del PMO, por ejemplo Europe/Paris.',
      errorTimezone: 'La zona horaria debe ser una zona IANA, por ejemplo Europe/Paris.',
      errorHoursFormat:
        'El {field, select, working {horario laboral} other {horario de seguimiento}} debe tener la forma 09-17.',
      errorHoursRange:
        'El {field, select, working {horario laboral} other {horario de seguimiento}} debe estar entre 0 y 24, con inicio < fin.',
      errorDaysNone:
        'Elija al menos un día para {field, select, working {los días laborables} other {los seguimientos}}.',
      errorDaysRange:
        'Elija los días para {field, select, working {los días laborables} other {los seguimientos}} entre lunes y domingo.',
      errorHoliday:
        'La región de festivos debe ser un código de país o de país-región que date-holidays conozca, por ejemplo FR, DE-BY o US-CA.',
      errorWholeDays:
        '{field, select, checkin {El plazo del seguimiento} other {La conservación}} debe ser un número entero de días.',
      errorAtLeast:
        '{field, select, checkin {El plazo del seguimiento} other {La conservación}} debe ser al menos {min}.',
      errorAtMost:
        '{field, select, checkin {El plazo del seguimiento} other {La conservación}} debe ser como máximo {max}.',
      errorDigestBoth: 'Elija tanto el día como la hora del resumen.',
      leadsOnly: 'Solo los responsables del PMO cambian la configuración del PMO.',
      channelNotIn:
        'La aplicación no está en ese canal, así que no puede publicar allí. Escriba `/invite @PMO Concierge` en el canal y vuelva a guardar.',
      channelUnknown:
        'Slack no indicó si la aplicación puede publicar en ese canal. Vuelva a intentarlo en un momento.',
      saved: 'Configuración guardada.',
      unchanged: 'No ha cambiado nada en la configuración.',
      stale:
        'Otro responsable guardó la configuración mientras este formulario estaba abierto, así que no se guardó nada. Ciérrelo y vuelva a abrir la configuración.',
      envLeadsStay:
        '{leads} {count, plural, one {figura en PMO_LEAD_IDS y siempre sigue siendo responsable} other {figuran en PMO_LEAD_IDS y siempre siguen siendo responsables}}; quien opera la aplicación puede cambiar esa lista.',
    },
  },
);
