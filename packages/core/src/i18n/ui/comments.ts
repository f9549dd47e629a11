/**
 * Labels of the comments part of the interface: the structured messages of a request and the
 * writing of free text, with the names of the languages a free text declares
 * (`comments.language.<code>`), so that each text can say which language it is written in
 * (I18N-FREE-TEXT-TAGGED).
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the comments part of the interface. @category i18n */
export const COMMENTS_LABELS: LabelSection = {
  'comments.title': { en: 'Messages', fr: 'Commentaires', de: 'Nachrichten' },
  'comments.empty': { en: 'No message yet.', fr: 'Aucun commentaire pour le moment.', de: 'Noch keine Nachricht.' },
  'comments.side.requesting': { en: 'Requesting authority', fr: 'Autorité requérante', de: 'Ersuchende Behörde' },
  'comments.side.responding': { en: 'Responding authority', fr: 'Autorité répondante', de: 'Antwortende Behörde' },
  'comments.by': { en: '{side} ({authority}), {date}', fr: '{side} ({authority}), {date}', de: '{side} ({authority}), {date}' },
  'comments.new': { en: 'New message', fr: 'Nouveau commentaire', de: 'Neue Nachricht' },
  'comments.text': { en: 'Message', fr: 'Commentaire', de: 'Nachricht' },
  'comments.language': { en: 'Language of the message', fr: 'Langue du commentaire', de: 'Sprache der Nachricht' },
  'comments.send': { en: 'Add the message', fr: 'Ajouter le commentaire', de: 'Nachricht hinzufügen' },
  'comments.added': { en: 'The message was added.', fr: 'Le commentaire a été ajouté.', de: 'Die Nachricht wurde hinzugefügt.' },
  'comments.spoken': { en: '{authority} understands: {languages}', fr: '{authority} comprend : {languages}', de: '{authority} versteht: {languages}' },
  'comments.spoken-advice': {
    en: 'Writing in one of these languages is recommended, not required.',
    fr: "Il est recommandé, mais pas obligatoire, d'écrire dans l'une de ces langues.",
    de: 'Es wird empfohlen, aber nicht verlangt, in einer dieser Sprachen zu schreiben.',
  },
  'comments.closed': { en: 'Messages cannot be added now.', fr: 'Il n’est pas possible d’ajouter un commentaire pour le moment.', de: 'Derzeit können keine Nachrichten hinzugefügt werden.' },
  'comments.translate': { en: 'Translate', fr: 'Traduire', de: 'Übersetzen' },
  'comments.translation': {
    en: 'Machine translation, approximate: {text}',
    fr: 'Traduction automatique, approximative : {text}',
    de: 'Maschinelle Übersetzung, ungefähr: {text}',
  },

  // names of the languages a free text may declare
  'comments.language.bg': { en: 'Bulgarian', fr: 'bulgare', de: 'Bulgarisch' },
  'comments.language.cs': { en: 'Czech', fr: 'tchèque', de: 'Tschechisch' },
  'comments.language.da': { en: 'Danish', fr: 'danois', de: 'Dänisch' },
  'comments.language.de': { en: 'German', fr: 'allemand', de: 'Deutsch' },
  'comments.language.el': { en: 'Greek', fr: 'grec', de: 'Griechisch' },
  'comments.language.en': { en: 'English', fr: 'anglais', de: 'Englisch' },
  'comments.language.es': { en: 'Spanish', fr: 'espagnol', de: 'Spanisch' },
  'comments.language.et': { en: 'Estonian', fr: 'estonien', de: 'Estnisch' },
  'comments.language.fi': { en: 'Finnish', fr: 'finnois', de: 'Finnisch' },
  'comments.language.fr': { en: 'French', fr: 'français', de: 'Französisch' },
  'comments.language.ga': { en: 'Irish', fr: 'irlandais', de: 'Irisch' },
  'comments.language.hr': { en: 'Croatian', fr: 'croate', de: 'Kroatisch' },
  'comments.language.hu': { en: 'Hungarian', fr: 'hongrois', de: 'Ungarisch' },
  'comments.language.it': { en: 'Italian', fr: 'italien', de: 'Italienisch' },
  'comments.language.lt': { en: 'Lithuanian', fr: 'lituanien', de: 'Litauisch' },
  'comments.language.lv': { en: 'Latvian', fr: 'letton', de: 'Lettisch' },
  'comments.language.mt': { en: 'Maltese', fr: 'maltais', de: 'Maltesisch' },
  'comments.language.nl': { en: 'Dutch', fr: 'néerlandais', de: 'Niederländisch' },
  'comments.language.pl': { en: 'Polish', fr: 'polonais', de: 'Polnisch' },
  'comments.language.pt': { en: 'Portuguese', fr: 'portugais', de: 'Portugiesisch' },
  'comments.language.ro': { en: 'Romanian', fr: 'roumain', de: 'Rumänisch' },
  'comments.language.sk': { en: 'Slovak', fr: 'slovaque', de: 'Slowakisch' },
  'comments.language.sl': { en: 'Slovenian', fr: 'slovène', de: 'Slowenisch' },
  'comments.language.sv': { en: 'Swedish', fr: 'suédois', de: 'Schwedisch' },
  'comments.language.is': { en: 'Icelandic', fr: 'islandais', de: 'Isländisch' },
  'comments.language.no': { en: 'Norwegian', fr: 'norvégien', de: 'Norwegisch' },
}
