import { defineCatalogue } from '../../i18n';

/**
 * What intake says, in each language: the offer after a reaction, the answers of /pmo intake,
 * and the workflow step's errors (for the workflow's author, in the PMO's language). Shortcut
 * names ("Ask the PMO about this") are the app manifest's, and stay as Slack shows them.
 */
export const intakeText = defineCatalogue(
  'intake',
  {
    summary: 'let people file a request by reacting with an emoji in a channel',
    offerText: 'File this as a PMO request?',
    offerDetail: 'The form opens with the message filled in; nothing is sent until you submit it.',
    fileButton: 'File a request',
    onText:
      'Reaction intake is on in {channel}: reacting with :{emoji}: on a message there offers that person a prefilled request form.',
    onDetail: 'Nothing is filed without their click.',
    offText: 'Reaction intake is off in {channel}.',
    notOnText: 'Reaction intake was not on in {channel}; nothing changed.',
    usage:
      'Use `{command} intake #channel :emoji:` to let people file a request by reacting with that emoji in that channel, and `{command} intake off #channel` to stop. Run it in the channel itself and the channel can be left out.',
    cannotLookUp: "I can't look up “#{name}” by name.",
    notInChannel:
      'I am not in that channel yet, so its reactions do not reach me: invite me there (`/invite @PMO Concierge`).',
    couldNotCheck: 'I could not check whether I am in that channel; make sure I am invited there.',
    noReactionsScope:
      'This installation of the app may not read reactions (`{scope}`): ask a workspace admin to reinstall it from its manifest.',
    notYourOffer:
      'This button was for the person who reacted, so it does nothing for you. To ask the PMO yourself, use “Ask the PMO about this” on the message, or `/pmo request`.',
    stepFailed:
      'The PMO app could not file the request just now. Please run the workflow again in a few minutes.',
    noInputs: 'The PMO step got no inputs. Please fill in its settings.',
    missing:
      'The PMO step needs "{input}" ({what}), and it was empty. Please fill it in the step’s settings, or map it to a variable that always has a value.',
    tooLongInput: '"{input}" ({what}) is {length} characters long. {message}',
    badInput: '"{input}" ({what}) is "{given}". {message}',
    notAPerson: '"requester" must be a person (a user id), not "{given}".',
    noSuchService: 'There is no PMO service called "{name}". Use one of: {names}',
    checkInputs: 'Please check the inputs.',
    whatRequester: 'who asks',
    whatService: 'the name of a PMO service',
    whatProject: 'the project or team',
    whatNeed: 'what the requester needs',
    whatValue: 'the value expected, and for whom',
    whatDate: 'a date, YYYY-MM-DD',
    noProject: 'Not given (filed from a workflow)',
  },
  {
    fr: {
      summary: 'permettre de déposer une demande en réagissant avec un emoji dans un canal',
      offerText: 'Enregistrer ceci comme demande au PMO ?',
      offerDetail:
        'Le formulaire s’ouvre avec le message déjà rempli ; rien n’est envoyé avant que vous le validiez.',
      fileButton: 'Déposer une demande',
      onText:
        'La collecte par réaction est active dans {channel} : réagir avec :{emoji}: à un message de ce canal propose à cette personne un formulaire de demande prérempli.',
      onDetail: 'Rien n’est enregistré sans son clic.',
      offText: 'La collecte par réaction est désactivée dans {channel}.',
      notOnText: 'La collecte par réaction n’était pas active dans {channel} ; rien n’a changé.',
      usage:
        'Utilisez `{command} intake #canal :emoji:` pour permettre de déposer une demande en réagissant avec cet emoji dans ce canal, et `{command} intake off #canal` pour arrêter. Lancée dans le canal lui-même, la commande peut omettre le canal.',
      cannotLookUp: 'Je ne peux pas retrouver « #{name} » par son nom.',
      notInChannel:
        'Je ne suis pas encore dans ce canal, ses réactions ne me parviennent donc pas : invitez-moi (`/invite @PMO Concierge`).',
      couldNotCheck: 'Je n’ai pas pu vérifier si je suis dans ce canal ; assurez-vous que j’y suis invité.',
      noReactionsScope:
        'Cette installation de l’application ne peut peut-être pas lire les réactions (`{scope}`) : demandez à un administrateur de l’espace de travail de la réinstaller à partir de son manifeste.',
      notYourOffer:
        'Ce bouton était destiné à la personne qui a réagi ; il ne fait donc rien pour vous. Pour solliciter vous-même le PMO, utilisez « Ask the PMO about this » sur le message, ou `/pmo request`.',
      stepFailed:
        'L’application du PMO n’a pas pu enregistrer la demande pour l’instant. Veuillez relancer le workflow dans quelques minutes.',
      noInputs: 'L’étape PMO n’a reçu aucune entrée. Veuillez renseigner ses paramètres.',
      missing:
        'L’étape PMO a besoin de « {input} » ({what}), et cette entrée était vide. Veuillez la renseigner dans les paramètres de l’étape, ou l’associer à une variable qui a toujours une valeur.',
      tooLongInput: '« {input} » ({what}) fait {length} caractères. {message}',
      badInput: '« {input} » ({what}) vaut « {given} ». {message}',
      notAPerson: '« requester » doit être une personne (un identifiant d’utilisateur), pas « {given} ».',
      noSuchService: 'Il n’existe aucun service du PMO appelé « {name} ». Utilisez l’un de ceux-ci : {names}',
      checkInputs: 'Veuillez vérifier les entrées.',
      whatRequester: 'la personne qui demande',
      whatService: 'le nom d’un service du PMO',
      whatProject: 'le projet ou l’équipe',
      whatNeed: 'le besoin du demandeur',
      whatValue: 'la valeur attendue, et pour qui',
      whatDate: 'une date, AAAA-MM-JJ',
      noProject: 'Non précisé (déposée depuis un workflow)',
    },
    de: {
      summary: 'Anfragen per Emoji-Reaktion in einem Kanal ermöglichen',
      offerText: 'Als PMO-Anfrage erfassen?',
      offerDetail:
        'Das Formular öffnet sich mit der Nachricht bereits ausgefüllt; gesendet wird erst, wenn Sie es abschicken.',
      fileButton: 'Anfrage stellen',
      onText:
        'Anfragen per Reaktion sind in {channel} aktiv: Wer dort mit :{emoji}: auf eine Nachricht reagiert, erhält ein vorausgefülltes Anfrageformular.',
      onDetail: 'Ohne ihren Klick wird nichts erfasst.',
      offText: 'Anfragen per Reaktion sind in {channel} deaktiviert.',
      notOnText: 'Anfragen per Reaktion waren in {channel} nicht aktiv; nichts geändert.',
      usage:
        'Mit `{command} intake #kanal :emoji:` können Personen eine Anfrage stellen, indem sie in diesem Kanal mit diesem Emoji reagieren; mit `{command} intake off #kanal` beenden Sie das. Im Kanal selbst ausgeführt, kann der Kanal entfallen.',
      cannotLookUp: 'Ich kann „#{name}“ nicht über den Namen finden.',
      notInChannel:
        'Ich bin noch nicht in diesem Kanal, daher erreichen mich seine Reaktionen nicht: Laden Sie mich ein (`/invite @PMO Concierge`).',
      couldNotCheck:
        'Ich konnte nicht prüfen, ob ich in diesem Kanal bin; stellen Sie sicher, dass ich eingeladen bin.',
      noReactionsScope:
        'Diese Installation der App darf Reaktionen eventuell nicht lesen (`{scope}`): Bitten Sie eine Workspace-Administration, sie aus ihrem Manifest neu zu installieren.',
      notYourOffer:
        'Diese Schaltfläche war für die Person, die reagiert hat, und bewirkt für Sie nichts. Um selbst das PMO zu fragen, nutzen Sie „Ask the PMO about this“ an der Nachricht oder `/pmo request`.',
      stepFailed:
        'Die PMO-App konnte die Anfrage gerade nicht erfassen. Bitte führen Sie den Workflow in einigen Minuten erneut aus.',
      noInputs: 'Der PMO-Schritt hat keine Eingaben erhalten. Bitte füllen Sie seine Einstellungen aus.',
      missing:
        'Der PMO-Schritt braucht „{input}“ ({what}), und die Eingabe war leer. Bitte füllen Sie sie in den Einstellungen des Schritts aus oder verknüpfen Sie sie mit einer Variablen, die immer einen Wert hat.',
      tooLongInput: '„{input}“ ({what}) ist {length} Zeichen lang. {message}',
      badInput: '„{input}“ ({what}) ist „{given}“. {message}',
      notAPerson: '„requester“ muss eine Person sein (eine Benutzer-ID), nicht „{given}“.',
      noSuchService: 'Es gibt keine PMO-Leistung namens „{name}“. Verwenden Sie eine von: {names}',
      checkInputs: 'Bitte prüfen Sie die Eingaben.',
      whatRequester: 'wer anfragt',
      whatService: 'der Name einer PMO-Leistung',
      whatProject: 'das Projekt oder Team',
      whatNeed: 'was die anfragende Person braucht',
      whatValue: 'der erwartete Nutzen, und für wen',
      whatDate: 'ein Datum, JJJJ-MM-TT',
      noProject: 'Nicht angegeben (aus einem Workflow erfasst)',
    },
    es: {
      summary: 'permitir presentar una solicitud reaccionando con un emoji en un canal',
      offerText: '¿Registrar esto como solicitud al PMO?',
      offerDetail:
        'El formulario se abre con el mensaje ya rellenado; no se envía nada hasta que usted lo confirme.',
      fileButton: 'Presentar una solicitud',
      onText:
        'La recepción por reacción está activa en {channel}: reaccionar con :{emoji}: a un mensaje de ese canal ofrece a esa persona un formulario de solicitud prerrellenado.',
      onDetail: 'No se registra nada sin su clic.',
      offText: 'La recepción por reacción está desactivada en {channel}.',
      notOnText: 'La recepción por reacción no estaba activa en {channel}; no ha cambiado nada.',
      usage:
        'Use `{command} intake #canal :emoji:` para permitir presentar una solicitud reaccionando con ese emoji en ese canal, y `{command} intake off #canal` para detenerlo. Si lo ejecuta en el propio canal, puede omitir el canal.',
      cannotLookUp: 'No puedo buscar «#{name}» por su nombre.',
      notInChannel:
        'Aún no estoy en ese canal, así que sus reacciones no me llegan: invíteme (`/invite @PMO Concierge`).',
      couldNotCheck: 'No he podido comprobar si estoy en ese canal; asegúrese de que me hayan invitado.',
      noReactionsScope:
        'Es posible que esta instalación de la aplicación no pueda leer reacciones (`{scope}`): pida a un administrador del espacio de trabajo que la reinstale desde su manifiesto.',
      notYourOffer:
        'Este botón era para la persona que reaccionó, así que no hace nada para usted. Para consultar usted mismo al PMO, use «Ask the PMO about this» en el mensaje, o `/pmo request`.',
      stepFailed:
        'La aplicación del PMO no ha podido registrar la solicitud ahora mismo. Vuelva a ejecutar el flujo de trabajo dentro de unos minutos.',
      noInputs: 'El paso del PMO no recibió entradas. Complete su configuración.',
      missing:
        'El paso del PMO necesita «{input}» ({what}), y estaba vacío. Complételo en la configuración del paso o asócielo a una variable que siempre tenga valor.',
      tooLongInput: '«{input}» ({what}) tiene {length} caracteres. {message}',
      badInput: '«{input}» ({what}) es «{given}». {message}',
      notAPerson: '«requester» debe ser una persona (un id de usuario), no «{given}».',
      noSuchService: 'No existe ningún servicio del PMO llamado «{name}». Use uno de estos: {names}',
      checkInputs: 'Revise las entradas.',
      whatRequester: 'quién lo solicita',
      whatService: 'el nombre de un servicio del PMO',
      whatProject: 'el proyecto o equipo',
      whatNeed: 'lo que necesita el solicitante',
      whatValue: 'el valor esperado, y para quién',
      whatDate: 'una fecha, AAAA-MM-DD',
      noProject: 'No indicado (registrada desde un flujo de trabajo)',
    },
  },
);
