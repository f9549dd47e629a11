/**
 * Status labels of every procedure, as each viewer sees them (`displayedStatus`). Keys are
 * `status.<procedure kind>.<status>`; the French names are those of the manual.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Status labels. @category i18n */
export const STATUS_LABELS: LabelSection = {
  'status.request.draft': { en: 'Draft', fr: 'Projet', de: 'Entwurf' },
  'status.request.awaiting-request-approval': { en: 'Awaiting approval of the request', fr: 'En attente d’approbation de la demande', de: 'Wartet auf Genehmigung des Ersuchens' },
  'status.request.awaiting-acceptance': { en: 'Awaiting acceptance', fr: 'En attente d\'acceptation', de: 'Wartet auf Annahme' },
  'status.request.accepted': { en: 'Accepted', fr: 'Acceptée', de: 'Angenommen' },
  'status.request.awaiting-reply-approval': { en: 'Awaiting approval of the reply', fr: 'En attente d’approbation de la réponse', de: 'Wartet auf Genehmigung der Antwort' },
  'status.request.replied': { en: 'Replied', fr: 'Réponse envoyée', de: 'Beantwortet' },
  'status.request.additional-info-requested': { en: 'Additional information requested', fr: 'Informations complémentaires demandées', de: 'Zusätzliche Informationen angefordert' },
  'status.request.additional-info-refused': { en: 'Additional information refused', fr: 'Informations complémentaires refusées', de: 'Zusätzliche Informationen abgelehnt' },
  'status.request.arbitration-requesting-coordinator': { en: 'Arbitration by the requesting coordinator', fr: 'Arbitrage par le coordonnateur requérant', de: 'Schlichtung durch den ersuchenden Koordinator' },
  'status.request.arbitration-responding-coordinator': { en: 'Arbitration by the responding coordinator', fr: 'Arbitrage par le coordonnateur répondant', de: 'Schlichtung durch den antwortenden Koordinator' },
  'status.request.returned-after-arbitration': { en: 'Returned after arbitration', fr: 'Renvoyée après arbitrage', de: 'Nach Schlichtung zurückgegeben' },
  'status.request.closed': { en: 'Closed', fr: 'Clôturée', de: 'Abgeschlossen' },
  'status.request.refused': { en: 'Refused', fr: 'Refusée', de: 'Abgelehnt' },
  'status.alert.draft': { en: 'Draft alert', fr: 'Projet d\'alerte', de: 'Warnungsentwurf' },
  'status.alert.submitted-for-broadcast': { en: 'Alert submitted for broadcast', fr: 'Alerte soumise pour diffusion', de: 'Warnung zur Verbreitung vorgelegt' },
  'status.alert.awaiting-broadcast': { en: 'Alert awaiting broadcast', fr: 'Alerte en attente de diffusion', de: 'Warnung wartet auf Verbreitung' },
  'status.alert.broadcast': { en: 'Alert broadcast', fr: 'Alerte diffusée', de: 'Warnung verbreitet' },
  'status.alert.awaiting-acknowledgement': { en: 'Alert awaiting acknowledgement', fr: 'Alerte en attente d\'accusé de réception', de: 'Warnung wartet auf Empfangsbestätigung' },
  'status.alert.withdrawal-to-be-broadcast': { en: 'Withdrawal to be broadcast', fr: 'Retrait à diffuser', de: 'Rücknahme zu verbreiten' },
  'status.alert.withdrawn': { en: 'Alert withdrawn', fr: 'Alerte retirée', de: 'Warnung zurückgenommen' },
  'status.alert.closure-open-for-comments': { en: 'Closure proposal open for comments', fr: 'Proposition de clôture ouverte pour commentaires', de: 'Abschlussvorschlag offen für Kommentare' },
  'status.alert.closure-awaiting-broadcast': { en: 'Closure proposal awaiting broadcast', fr: 'Proposition de clôture en attente de diffusion', de: 'Abschlussvorschlag wartet auf Verbreitung' },
  'status.alert.closure-open-for-objections': { en: 'Closure proposal open for objections', fr: 'Proposition de clôture ouverte pour objections', de: 'Abschlussvorschlag offen für Einwände' },
  'status.alert.closed': { en: 'Alert closed', fr: 'Alerte clôturée', de: 'Warnung abgeschlossen' },
}
