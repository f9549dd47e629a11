/**
 * Labels shared by every element: buttons, tabs, generic words.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Common labels. @category i18n */
export const COMMON_LABELS: LabelSection = {
  'common.loading': { en: 'Loading…', fr: 'Chargement…', de: 'Wird geladen…' },
  'common.error': { en: 'Something went wrong', fr: 'Une erreur est survenue', de: 'Ein Fehler ist aufgetreten' },
  'common.refused': { en: 'Refused: {message}', fr: 'Refusé : {message}', de: 'Abgelehnt: {message}' },
  'common.rule': { en: 'Rule {rule}', fr: 'Règle {rule}', de: 'Regel {rule}' },
  'common.save': { en: 'Save', fr: 'Enregistrer', de: 'Speichern' },
  'common.cancel': { en: 'Cancel', fr: 'Annuler', de: 'Abbrechen' },
  'common.previous': { en: 'Previous', fr: 'Précédent', de: 'Zurück' },
  'common.next': { en: 'Next', fr: 'Suivant', de: 'Weiter' },
  'common.close': { en: 'Close', fr: 'Fermer', de: 'Schließen' },
  'common.yes': { en: 'Yes', fr: 'Oui', de: 'Ja' },
  'common.no': { en: 'No', fr: 'Non', de: 'Nein' },
  'common.none': { en: 'None', fr: 'Aucun', de: 'Keine' },
  'common.redacted': { en: 'Hidden (personal data)', fr: 'Masqué (données à caractère personnel)', de: 'Verborgen (personenbezogene Daten)' },
  'common.blocked': { en: 'Blocked (retention period)', fr: 'Verrouillé (durée de conservation)', de: 'Gesperrt (Aufbewahrungsfrist)' },
  'common.erased': { en: 'Erased', fr: 'Effacé', de: 'Gelöscht' },
  'common.in-english': { en: 'in English', fr: 'en anglais', de: 'auf Englisch' },
  'common.written-in': { en: 'Written in {language}', fr: 'Rédigé en {language}', de: 'Verfasst auf {language}' },
  'common.days-left': { en: '{days} days left', fr: '{days} jours restants', de: 'Noch {days} Tage' },
  'common.day-left': { en: '1 day left', fr: '1 jour restant', de: 'Noch 1 Tag' },
  'common.due-today': { en: 'Due today', fr: 'Échéance aujourd’hui', de: 'Heute fällig' },
  'common.overdue': { en: 'Overdue by {days} days', fr: 'En retard de {days} jours', de: '{days} Tage überfällig' },
  'common.overdue-one': { en: 'Overdue by 1 day', fr: 'En retard de 1 jour', de: '1 Tag überfällig' },
  'common.no-deadline': { en: 'No deadline', fr: 'Pas de délai', de: 'Keine Frist' },
  'common.system': { en: 'System', fr: 'Système', de: 'System' },
}
