/**
 * Labels of the dashboard part of the interface: the groups of the dashboard with their counts
 * (spec §6.13: drafts, received and updated in the last 15 days, requests to accept and to answer)
 * and the user's action list.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the dashboard part of the interface. @category i18n */
export const DASHBOARD_LABELS: LabelSection = {
  'dashboard.title': { en: 'Dashboard', fr: 'Tableau de bord', de: 'Übersicht' },
  'dashboard.groups': { en: 'Groups of the dashboard', fr: 'Rubriques du tableau de bord', de: 'Bereiche der Übersicht' },
  'dashboard.group.action-list': { en: 'Waiting for my action', fr: 'En attente de mon action', de: 'Warten auf meine Bearbeitung' },
  'dashboard.group.drafts': { en: 'Drafts', fr: 'Projets', de: 'Entwürfe' },
  'dashboard.group.received': { en: 'Recently received', fr: 'Reçus récemment', de: 'Kürzlich eingegangen' },
  'dashboard.group.updated': { en: 'Recently updated', fr: 'Mis à jour récemment', de: 'Kürzlich aktualisiert' },
  'dashboard.group.to-accept': { en: 'Requests to be accepted', fr: 'Demandes à accepter', de: 'Anzunehmende Ersuchen' },
  'dashboard.group.to-answer': { en: 'Requests to be answered', fr: 'Demandes en attente de réponse', de: 'Zu beantwortende Ersuchen' },
  'dashboard.recent-days': { en: 'in the last {days} days', fr: 'au cours des {days} derniers jours', de: 'in den letzten {days} Tagen' },
  'dashboard.count': { en: '{count} exchanges', fr: '{count} échanges', de: '{count} Vorgänge' },
  'dashboard.count-one': { en: '1 exchange', fr: '1 échange', de: '1 Vorgang' },
  'dashboard.empty': { en: 'Nothing here.', fr: 'Rien à afficher.', de: 'Keine Einträge.' },
  'dashboard.more': { en: 'Show more', fr: 'Afficher plus', de: 'Mehr anzeigen' },
  'dashboard.refresh': { en: 'Refresh', fr: 'Actualiser', de: 'Aktualisieren' },
  'dashboard.updated-on': { en: 'Updated {date}', fr: 'Mis à jour le {date}', de: 'Aktualisiert am {date}' },
  'dashboard.deadline-on': { en: 'Deadline {date}', fr: 'Échéance le {date}', de: 'Frist: {date}' },
}
