/**
 * Labels of the list part of the interface: search criteria, columns, sorts, pages and exports of
 * the exchange list, and the names of the procedures shipped with imi-kit.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the list part of the interface. @category i18n */
export const LIST_LABELS: LabelSection = {
  'list.title': { en: 'Search exchanges', fr: 'Rechercher des échanges', de: 'Vorgänge suchen' },
  'list.criteria': { en: 'Search criteria', fr: 'Critères de recherche', de: 'Suchkriterien' },
  'list.procedure': { en: 'Procedure', fr: 'Procédure', de: 'Verfahren' },
  'list.procedure.any': { en: 'All procedures', fr: 'Toutes les procédures', de: 'Alle Verfahren' },
  'list.procedure.imi.request-for-information': { en: 'Request for information', fr: 'Demande d’informations', de: 'Informationsersuchen' },
  'list.procedure.services.alert': { en: 'Services alert', fr: 'Alerte (services)', de: 'Warnung (Dienstleistungen)' },
  'list.statuses': { en: 'Statuses', fr: 'Statuts', de: 'Status' },
  'list.member-states': { en: 'Member states (sending or receiving)', fr: 'États membres (émetteurs ou destinataires)', de: 'Mitgliedstaaten (sendend oder empfangend)' },
  'list.chosen': { en: '{count} chosen', fr: '{count} choisi(s)', de: '{count} ausgewählt' },
  'list.sent-from': { en: 'Sent from', fr: 'Envoyé à partir du', de: 'Gesendet ab' },
  'list.sent-to': { en: 'Sent until', fr: 'Envoyé jusqu’au', de: 'Gesendet bis' },
  'list.updated-from': { en: 'Updated from', fr: 'Mis à jour à partir du', de: 'Aktualisiert ab' },
  'list.updated-to': { en: 'Updated until', fr: 'Mis à jour jusqu’au', de: 'Aktualisiert bis' },
  'list.text': { en: 'Free text (number, case)', fr: 'Texte libre (numéro, dossier)', de: 'Freitext (Nummer, Fall)' },
  'list.overdue': { en: 'Overdue only', fr: 'En retard uniquement', de: 'Nur überfällige' },
  'list.search': { en: 'Search', fr: 'Rechercher', de: 'Suchen' },
  'list.reset': { en: 'Clear the criteria', fr: 'Effacer les critères', de: 'Kriterien zurücksetzen' },
  'list.sort': { en: 'Sort by', fr: 'Trier par', de: 'Sortieren nach' },
  'list.sort.updated-desc': { en: 'Last updated first', fr: 'Dernière mise à jour d’abord', de: 'Zuletzt aktualisiert zuerst' },
  'list.sort.created-desc': { en: 'Newest first', fr: 'Les plus récents d’abord', de: 'Neueste zuerst' },
  'list.sort.deadline-asc': { en: 'Nearest deadline first', fr: 'Échéance la plus proche d’abord', de: 'Nächste Frist zuerst' },
  'list.sort.number-asc': { en: 'By number', fr: 'Par numéro', de: 'Nach Nummer' },
  'list.sort-by-column': { en: 'Sort: {sort}', fr: 'Trier : {sort}', de: 'Sortieren: {sort}' },
  'list.columns': { en: 'Columns', fr: 'Colonnes', de: 'Spalten' },
  'list.column.number': { en: 'Number', fr: 'Numéro', de: 'Nummer' },
  'list.column.procedure': { en: 'Procedure', fr: 'Procédure', de: 'Verfahren' },
  'list.column.status': { en: 'Status', fr: 'Statut', de: 'Status' },
  'list.column.area': { en: 'Legislative area', fr: 'Domaine législatif', de: 'Rechtsbereich' },
  'list.column.member-states': { en: 'Member states', fr: 'États membres', de: 'Mitgliedstaaten' },
  'list.column.initiator': { en: 'Initiating authority', fr: 'Autorité à l’origine', de: 'Veranlassende Behörde' },
  'list.column.sent': { en: 'Sent', fr: 'Envoi', de: 'Gesendet' },
  'list.column.broadcast': { en: 'Broadcast', fr: 'Diffusion', de: 'Verbreitung' },
  'list.column.created': { en: 'Created', fr: 'Création', de: 'Erstellt' },
  'list.column.updated': { en: 'Updated', fr: 'Mise à jour', de: 'Aktualisiert' },
  'list.column.deadline': { en: 'Deadline', fr: 'Échéance', de: 'Frist' },
  'list.column.service-activity': { en: 'Service activity', fr: 'Activité de services', de: 'Dienstleistungstätigkeit' },
  'list.column.establishment': { en: 'State of establishment', fr: 'État membre d’établissement', de: 'Niederlassungsmitgliedstaat' },
  'list.establishment.unknown': { en: 'Unknown', fr: 'Inconnu', de: 'Unbekannt' },
  'list.results': { en: 'Results', fr: 'Résultats', de: 'Ergebnisse' },
  'list.no-results': { en: 'No exchange matches these criteria.', fr: 'Aucun échange ne correspond à ces critères.', de: 'Kein Vorgang entspricht diesen Kriterien.' },
  'list.pages': { en: 'Pages of results', fr: 'Pages de résultats', de: 'Ergebnisseiten' },
  'list.page': { en: 'Page {page}', fr: 'Page {page}', de: 'Seite {page}' },
  'list.previous-page': { en: 'Previous page', fr: 'Page précédente', de: 'Vorherige Seite' },
  'list.next-page': { en: 'Next page', fr: 'Page suivante', de: 'Nächste Seite' },
  'list.export-csv': { en: 'Export as CSV', fr: 'Exporter en CSV', de: 'Als CSV exportieren' },
  'list.export-xlsx': { en: 'Export as Excel (XLSX)', fr: 'Exporter en Excel (XLSX)', de: 'Als Excel (XLSX) exportieren' },
}
