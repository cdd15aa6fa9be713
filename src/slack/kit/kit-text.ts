import { defineCatalogue } from '../../i18n';

/** What the kit itself says: a click or form it cannot trust, someone outside a route's audience. */
export const kitText = defineCatalogue(
  'kit',
  {
    staleClick:
      'That button is out of date, so nothing changed. Please use the latest message, or `/pmo help`.',
    staleForm: 'This form is out of date, so nothing was saved. Please close it and start again.',
    onlyMembers:
      'Only PMO members can do this. If you think you should, ask a PMO lead to add you with `/pmo team`.',
    onlyLeads: 'Only PMO leads can do this.',
    noticeTitle: 'PMO',
  },
  {
    fr: {
      staleClick:
        'Ce bouton n’est plus à jour : rien n’a changé. Utilisez le message le plus récent, ou `/pmo help`.',
      staleForm: 'Ce formulaire n’est plus à jour : rien n’a été enregistré. Fermez-le et recommencez.',
      onlyMembers:
        'Seuls les membres du PMO peuvent faire cela. Si vous pensez devoir en faire partie, demandez à un responsable du PMO de vous ajouter avec `/pmo team`.',
      onlyLeads: 'Seuls les responsables du PMO peuvent faire cela.',
      noticeTitle: 'PMO',
    },
    de: {
      staleClick:
        'Diese Schaltfläche ist nicht mehr aktuell, daher wurde nichts geändert. Bitte nutzen Sie die neueste Nachricht oder `/pmo help`.',
      staleForm:
        'Dieses Formular ist nicht mehr aktuell, daher wurde nichts gespeichert. Bitte schließen Sie es und beginnen Sie neu.',
      onlyMembers:
        'Das können nur PMO-Mitglieder. Wenn Sie dazugehören sollten, bitten Sie eine PMO-Leitung, Sie mit `/pmo team` hinzuzufügen.',
      onlyLeads: 'Das kann nur die PMO-Leitung.',
      noticeTitle: 'PMO',
    },
    es: {
      staleClick:
        'Ese botón ya no está al día, así que no ha cambiado nada. Use el mensaje más reciente, o `/pmo help`.',
      staleForm:
        'Este formulario ya no está al día, así que no se ha guardado nada. Ciérrelo y empiece de nuevo.',
      onlyMembers:
        'Solo los miembros del PMO pueden hacer esto. Si cree que debería poder, pida a un responsable del PMO que le añada con `/pmo team`.',
      onlyLeads: 'Solo los responsables del PMO pueden hacer esto.',
      noticeTitle: 'PMO',
    },
  },
);
