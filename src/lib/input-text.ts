import { defineCatalogue } from '../i18n';

/** The field errors of the shared input rules (input.ts), in the language of the person who typed. */
export const inputText = defineCatalogue(
  'input',
  {
    tooLong: 'Please keep this under {max} characters.',
    typeText: 'Please type text here.',
    pickDate: 'Please pick a date.',
    dateAfterToday: 'Please pick a date after today.',
    dateInPast: 'This date is in the past; please pick today or later.',
    dateTooFar: 'Please pick a date within the next {years} years.',
    webLink: 'Please paste a web link starting with http:// or https://.',
    linkTooLong: 'Please keep the link under {max} characters.',
  },
  {
    fr: {
      tooLong: 'Merci de rester sous {max} caractères.',
      typeText: 'Merci de saisir du texte ici.',
      pickDate: 'Merci de choisir une date.',
      dateAfterToday: 'Merci de choisir une date postérieure à aujourd’hui.',
      dateInPast: 'Cette date est passée : choisissez aujourd’hui ou plus tard.',
      dateTooFar: 'Merci de choisir une date dans les {years} prochaines années.',
      webLink: 'Merci de coller un lien web commençant par http:// ou https://.',
      linkTooLong: 'Merci de garder le lien sous {max} caractères.',
    },
    de: {
      tooLong: 'Bitte bleiben Sie unter {max} Zeichen.',
      typeText: 'Bitte geben Sie hier Text ein.',
      pickDate: 'Bitte wählen Sie ein Datum.',
      dateAfterToday: 'Bitte wählen Sie ein Datum nach heute.',
      dateInPast: 'Dieses Datum liegt in der Vergangenheit; bitte wählen Sie heute oder später.',
      dateTooFar: 'Bitte wählen Sie ein Datum innerhalb der nächsten {years} Jahre.',
      webLink: 'Bitte fügen Sie einen Weblink ein, der mit http:// oder https:// beginnt.',
      linkTooLong: 'Bitte halten Sie den Link unter {max} Zeichen.',
    },
    es: {
      tooLong: 'No supere los {max} caracteres, por favor.',
      typeText: 'Escriba aquí un texto, por favor.',
      pickDate: 'Elija una fecha, por favor.',
      dateAfterToday: 'Elija una fecha posterior a hoy, por favor.',
      dateInPast: 'Esa fecha ya pasó; elija hoy o una fecha posterior.',
      dateTooFar: 'Elija una fecha dentro de los próximos {years} años, por favor.',
      webLink: 'Pegue un enlace web que empiece por http:// o https://, por favor.',
      linkTooLong: 'Mantenga el enlace por debajo de {max} caracteres, por favor.',
    },
  },
);
