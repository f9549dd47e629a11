/**
 * Labels of the authority-search part of the interface: the criteria of a directory search, the
 * roles of the authorities found and the languages they speak (I18N-SHOW-SPOKEN).
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the authority-search part of the interface. @category i18n */
export const AUTHORITY_SEARCH_LABELS: LabelSection = {
  'authority-search.title': { en: 'Find a competent authority', fr: 'Rechercher une autorité compétente', de: 'Zuständige Behörde suchen' },
  'authority-search.text': { en: 'Name of the authority', fr: 'Nom de l’autorité', de: 'Name der Behörde' },
  'authority-search.text-hint': {
    en: 'Exact spelling, accents and special characters included.',
    fr: 'Orthographe exacte, accents et caractères spéciaux compris.',
    de: 'Genaue Schreibweise, einschließlich Akzenten und Sonderzeichen.',
  },
  'authority-search.member-state': { en: 'Member state', fr: 'État membre', de: 'Mitgliedstaat' },
  'authority-search.any-member-state': { en: 'All member states', fr: 'Tous les États membres', de: 'Alle Mitgliedstaaten' },
  'authority-search.area': { en: 'Legislative area', fr: 'Domaine législatif', de: 'Rechtsbereich' },
  'authority-search.any-area': { en: 'All legislative areas', fr: 'Tous les domaines législatifs', de: 'Alle Rechtsbereiche' },
  'authority-search.workflow': { en: 'Workflow', fr: 'Flux de travail', de: 'Arbeitsablauf' },
  'authority-search.workflow.any': { en: 'All workflows', fr: 'Tous les flux', de: 'Alle Arbeitsabläufe' },
  'authority-search.workflow.request': { en: 'Requests', fr: 'Demandes', de: 'Ersuchen' },
  'authority-search.workflow.alert': { en: 'Alerts', fr: 'Alertes', de: 'Warnungen' },
  'authority-search.search': { en: 'Search', fr: 'Rechercher', de: 'Suchen' },
  'authority-search.found': { en: '{count} authorities found', fr: '{count} autorités trouvées', de: '{count} Behörden gefunden' },
  'authority-search.found-one': { en: '1 authority found', fr: '1 autorité trouvée', de: '1 Behörde gefunden' },
  'authority-search.none': { en: 'No authority matches these criteria.', fr: 'Aucune autorité ne correspond à ces critères.', de: 'Keine Behörde entspricht diesen Kriterien.' },
  'authority-search.languages': { en: 'Languages spoken: {languages}', fr: 'Langues parlées : {languages}', de: 'Gesprochene Sprachen: {languages}' },
  'authority-search.languages-advice': {
    en: 'Write free text in one of these languages if you can, in short, clear sentences.',
    fr: 'Rédigez si possible le texte libre dans l’une de ces langues, en phrases courtes et claires.',
    de: 'Verfassen Sie Freitext nach Möglichkeit in einer dieser Sprachen, in kurzen, klaren Sätzen.',
  },
  'authority-search.choose': { en: 'Choose an authority', fr: 'Choisissez une autorité', de: 'Wählen Sie eine Behörde' },
  'authority-search.region': { en: 'Region: {region}', fr: 'Région : {region}', de: 'Region: {region}' },
  'authority-search.role.NIMIC': { en: 'National IMI coordinator (NIMIC)', fr: 'Coordonnateur IMI national (NIMIC)', de: 'Nationaler IMI-Koordinator (NIMIC)' },
  'authority-search.role.SDIMIC': { en: 'Super-delegated IMI coordinator (SDIMIC)', fr: 'Coordonnateur IMI super-délégué (SDIMIC)', de: 'Superdelegierter IMI-Koordinator (SDIMIC)' },
  'authority-search.role.LIMIC': { en: 'Legislative-area IMI coordinator (LIMIC)', fr: 'Coordonnateur IMI de domaine législatif (LIMIC)', de: 'IMI-Koordinator für einen Rechtsbereich (LIMIC)' },
  'authority-search.role.DIMIC': { en: 'Delegated IMI coordinator (DIMIC)', fr: 'Coordonnateur IMI délégué (DIMIC)', de: 'Delegierter IMI-Koordinator (DIMIC)' },
  'authority-search.role.competent-authority': { en: 'Competent authority', fr: 'Autorité compétente', de: 'Zuständige Behörde' },
  'authority-search.role.request-authority': { en: 'Request authority', fr: 'Autorité chargée des demandes', de: 'Ersuchensbehörde' },
  'authority-search.role.request-coordinator': { en: 'Request coordinator', fr: 'Coordonnateur des demandes', de: 'Ersuchenskoordinator' },
  'authority-search.role.alert-authority': { en: 'Alert authority', fr: 'Autorité chargée des alertes', de: 'Warnbehörde' },
  'authority-search.role.alert-coordinator': { en: 'Alert coordinator', fr: 'Coordonnateur des alertes', de: 'Warnkoordinator' },
  'authority-search.mailbox': { en: 'Incoming alert mailbox', fr: 'Boîte de réception des alertes', de: 'Eingangspostfach für Warnungen' },
  'authority-search.informal-name': { en: 'Informal name:', fr: 'Dénomination officieuse :', de: 'Inoffizielle Bezeichnung:' },
  'authority-search.translate': { en: 'Translate the description', fr: 'Traduire la description', de: 'Beschreibung übersetzen' },
  'authority-search.translation': {
    en: 'Machine translation, approximate: {text}',
    fr: 'Traduction automatique, approximative : {text}',
    de: 'Maschinelle Übersetzung, ungefähr: {text}',
  },
}
