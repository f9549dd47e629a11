/**
 * The labels of search exports: column headers, procedure names and status labels, in English,
 * French and German. Any other language falls back to English, through the core's `localize`.
 *
 * Status labels follow the specification's tables (spec §6.3 for requests, §7.4 for alerts): the
 * English names and the French originals where the sources give one; the other French and all German
 * labels are this package's translations. A procedure without labels here shows its raw status ids,
 * unless the caller passes its own ({@link ExportLabels}).
 *
 * @module
 */
import type { AlertStatus, DisplayedAlertStatus, Language, LocalizedText, ProcedureId, RequestStatus } from '@imi-kit/core'
import { ALERT_PROCEDURE_ID, REQUEST_PROCEDURE_ID, localize } from '@imi-kit/core'

// ---------------------------------------------------------------------------------------------
// columns

/**
 * A column of a search export. Every column reads the summary or the displayed status of what
 * `view` shows the viewer, never the content of an exchange:
 * - `number`: the exchange number;
 * - `procedure`: the procedure's name, translated;
 * - `status`: the status as this viewer sees it (`displayedStatus`), translated;
 * - `legislativeArea`: the legislative area's name, translated;
 * - `initiatingAuthority`: the requesting authority of a request, the initiating authority of an alert;
 * - `authorities`: the names of the authorities taking part, from the directory;
 * - `memberStates`: the member states concerned, as country codes;
 * - `createdAt`, `updatedAt`, `sentAt` (sent, or broadcast for alerts), `closedAt` (closed or withdrawn);
 * - `deadline`: the reply deadline, where there is one;
 * - `serviceActivity` and `establishment`: for alerts, the service activity concerned and the
 *   provider's member state of establishment (SRCH-ALERT-LIST-COLUMNS); empty for requests.
 *
 * @category exports
 */
export type ExportColumn =
  | 'number'
  | 'procedure'
  | 'status'
  | 'legislativeArea'
  | 'initiatingAuthority'
  | 'authorities'
  | 'memberStates'
  | 'createdAt'
  | 'updatedAt'
  | 'sentAt'
  | 'closedAt'
  | 'deadline'
  | 'serviceActivity'
  | 'establishment'

/** Every column, in the default order of an export. @category exports */
export const EXPORT_COLUMNS: ReadonlyArray<ExportColumn> = [
  'number',
  'procedure',
  'status',
  'legislativeArea',
  'initiatingAuthority',
  'authorities',
  'memberStates',
  'createdAt',
  'updatedAt',
  'sentAt',
  'closedAt',
  'deadline',
  'serviceActivity',
  'establishment',
]

// ---------------------------------------------------------------------------------------------
// catalogue

/** The header of each column. @category exports */
export const EXPORT_HEADERS: Readonly<Record<ExportColumn, LocalizedText>> = {
  number: { en: 'Number', fr: 'Numéro', de: 'Nummer' },
  procedure: { en: 'Procedure', fr: 'Procédure', de: 'Verfahren' },
  status: { en: 'Status', fr: 'Statut', de: 'Status' },
  legislativeArea: { en: 'Legislative area', fr: 'Domaine législatif', de: 'Rechtsbereich' },
  initiatingAuthority: { en: 'Initiating authority', fr: "Autorité à l'origine", de: 'Veranlassende Behörde' },
  authorities: { en: 'Authorities', fr: 'Autorités', de: 'Behörden' },
  memberStates: { en: 'Member states', fr: 'États membres', de: 'Mitgliedstaaten' },
  createdAt: { en: 'Created', fr: 'Créé le', de: 'Erstellt am' },
  updatedAt: { en: 'Last updated', fr: 'Dernière mise à jour', de: 'Zuletzt geändert' },
  sentAt: { en: 'Sent or broadcast', fr: 'Envoyé ou diffusé le', de: 'Gesendet oder verbreitet am' },
  closedAt: { en: 'Closed', fr: 'Clôturé le', de: 'Abgeschlossen am' },
  deadline: { en: 'Deadline', fr: 'Date limite', de: 'Frist' },
  serviceActivity: { en: 'Service activity', fr: 'Activité de services', de: 'Dienstleistungstätigkeit' },
  establishment: { en: 'Member state of establishment', fr: "État membre d'établissement", de: 'Niederlassungsmitgliedstaat' },
}

/** The name of the worksheet of an XLSX export. @category exports */
export const EXPORT_SHEET_NAME: LocalizedText = { en: 'Search results', fr: 'Résultats de recherche', de: 'Suchergebnisse' }

/** The value shown for a member state of establishment that is not known (ALERT-CLOSURE-MSE-UNKNOWN). @category exports */
export const UNKNOWN_LABEL: LocalizedText = { en: 'Unknown', fr: 'Inconnu', de: 'Unbekannt' }

/** The names of the procedures shipped with the core. @category exports */
export const PROCEDURE_LABELS: Readonly<Record<ProcedureId, LocalizedText>> = {
  [REQUEST_PROCEDURE_ID]: { en: 'Request for information', fr: "Demande d'informations", de: 'Auskunftsersuchen' },
  [ALERT_PROCEDURE_ID]: { en: 'Alert (Services Directive)', fr: 'Alerte (directive sur les services)', de: 'Vorwarnung (Dienstleistungsrichtlinie)' },
}

/**
 * The statuses a viewer may see of a request: every status of `REQUEST_STATUSES`, and `refused`, the
 * display status of a request closed by refusal (spec §6.3).
 */
const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus | 'refused', LocalizedText>> = {
  draft: { en: 'Draft request', fr: 'Projet de demande', de: 'Entwurf eines Ersuchens' },
  'awaiting-request-approval': {
    en: 'Request awaiting coordinator approval',
    fr: "Demande en attente d'approbation du coordonnateur",
    de: 'Ersuchen wartet auf Genehmigung durch den Koordinator',
  },
  'awaiting-acceptance': { en: 'Awaiting acceptance', fr: "En attente d'acceptation", de: 'Wartet auf Annahme' },
  accepted: { en: 'Accepted – reply in preparation', fr: 'Acceptée – réponse en préparation', de: 'Angenommen – Antwort in Vorbereitung' },
  'awaiting-reply-approval': {
    en: 'Reply awaiting coordinator approval',
    fr: "Réponse en attente d'approbation du coordonnateur",
    de: 'Antwort wartet auf Genehmigung durch den Koordinator',
  },
  replied: {
    en: 'Reply sent – awaiting review by requesting authority',
    fr: "Réponse envoyée – en attente d'examen par l'autorité requérante",
    de: 'Antwort gesendet – Prüfung durch die ersuchende Behörde ausstehend',
  },
  'additional-info-requested': { en: 'Additional information requested', fr: 'Informations complémentaires demandées', de: 'Zusätzliche Informationen angefordert' },
  'additional-info-refused': { en: 'Additional information refused', fr: 'Informations complémentaires refusées', de: 'Zusätzliche Informationen abgelehnt' },
  'arbitration-requesting-coordinator': {
    en: "Referred to requesting authority's coordinator",
    fr: "Soumise au coordonnateur de l'autorité requérante",
    de: 'An den Koordinator der ersuchenden Behörde verwiesen',
  },
  'arbitration-responding-coordinator': {
    en: "Referred to responding authority's coordinator",
    fr: "Soumise au coordonnateur de l'autorité consultée",
    de: 'An den Koordinator der ersuchten Behörde verwiesen',
  },
  'returned-after-arbitration': {
    en: 'Returned to responding authority after arbitration',
    fr: "Renvoyée à l'autorité consultée après arbitrage",
    de: 'Nach Schlichtung an die ersuchte Behörde zurückgegeben',
  },
  closed: { en: 'Closed', fr: 'Clôturée', de: 'Abgeschlossen' },
  refused: { en: 'Refused', fr: 'Refusée', de: 'Abgelehnt' },
}

/** The statuses a viewer may see of an alert: `ALERT_STATUSES` and a mailbox's `awaiting-acknowledgement` (spec §7.4). */
const ALERT_STATUS_LABELS: Readonly<Record<AlertStatus | DisplayedAlertStatus, LocalizedText>> = {
  draft: { en: 'Draft alert', fr: "Projet d'alerte", de: 'Entwurf einer Vorwarnung' },
  'submitted-for-broadcast': { en: 'Alert submitted for broadcast', fr: 'Alerte soumise pour diffusion', de: 'Vorwarnung zur Verbreitung übermittelt' },
  'awaiting-broadcast': { en: 'Alert awaiting broadcast', fr: 'Alerte en attente de diffusion', de: 'Vorwarnung wartet auf Verbreitung' },
  broadcast: { en: 'Alert broadcast', fr: 'Alerte diffusée', de: 'Vorwarnung verbreitet' },
  'awaiting-acknowledgement': { en: 'Alert awaiting acknowledgement', fr: "Alerte en attente d'accusé de réception", de: 'Vorwarnung wartet auf Empfangsbestätigung' },
  'withdrawal-to-be-broadcast': { en: 'Withdrawal to be broadcast', fr: 'Retrait à diffuser', de: 'Rücknahme zu verbreiten' },
  withdrawn: { en: 'Alert withdrawn', fr: 'Alerte retirée', de: 'Vorwarnung zurückgenommen' },
  'closure-open-for-comments': {
    en: 'Closure proposal open for comments',
    fr: 'Proposition de clôture ouverte pour commentaires',
    de: 'Abschlussvorschlag offen für Kommentare',
  },
  'closure-awaiting-broadcast': {
    en: 'Closure proposal awaiting broadcast',
    fr: 'Proposition de clôture en attente de diffusion',
    de: 'Abschlussvorschlag wartet auf Verbreitung',
  },
  'closure-open-for-objections': {
    en: 'Closure proposal open for objections',
    fr: 'Proposition de clôture ouverte pour objections',
    de: 'Abschlussvorschlag offen für Einwände',
  },
  closed: { en: 'Alert closed', fr: 'Alerte clôturée', de: 'Vorwarnung abgeschlossen' },
}

/**
 * The status labels of the procedures shipped with the core, by procedure: the same status id may
 * read differently in two procedures (a request's `closed` is «Clôturée», an alert's «Alerte clôturée»).
 *
 * @category exports
 */
export const STATUS_LABELS: Readonly<Record<ProcedureId, Readonly<Record<string, LocalizedText>>>> = {
  [REQUEST_PROCEDURE_ID]: REQUEST_STATUS_LABELS,
  [ALERT_PROCEDURE_ID]: ALERT_STATUS_LABELS,
}

/**
 * Labels a caller adds for its own procedures, or to replace those shipped; they take precedence
 * over {@link PROCEDURE_LABELS} and {@link STATUS_LABELS}.
 *
 * @example
 * ```ts
 * import type { ExportLabels } from '@imi-kit/server-adapter'
 * const labels: ExportLabels = {
 *   procedures: { 'cpc.request': { en: 'CPC request', fr: 'Demande CPC' } },
 *   statuses: { 'cpc.request': { open: { en: 'Open', fr: 'Ouverte' } } },
 * }
 * ```
 * @category exports
 */
export interface ExportLabels {
  readonly procedures?: Readonly<Record<ProcedureId, LocalizedText>>
  readonly statuses?: Readonly<Record<ProcedureId, Readonly<Record<string, LocalizedText>>>>
}

// ---------------------------------------------------------------------------------------------
// lookups

/** The text of a label in `language`, English when it has no translation. */
export const label = (text: LocalizedText, language: Language): string => localize(text, language)[0]

/** The header of a column in `language`. */
export const headerLabel = (column: ExportColumn, language: Language): string => label(EXPORT_HEADERS[column], language)

/** The name of a procedure in `language`; its id when no label is known. */
export const procedureLabel = (procedure: ProcedureId, language: Language, extra?: ExportLabels): string => {
  const text = extra?.procedures?.[procedure] ?? PROCEDURE_LABELS[procedure]
  return text === undefined ? procedure : label(text, language)
}

/** The label of a status of a procedure in `language`; the status id when no label is known. */
export const statusLabel = (procedure: ProcedureId, status: string, language: Language, extra?: ExportLabels): string => {
  const text = extra?.statuses?.[procedure]?.[status] ?? STATUS_LABELS[procedure]?.[status]
  return text === undefined ? status : label(text, language)
}
