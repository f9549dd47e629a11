/**
 * Need-to-know: what each viewer may see of a request (spec §6.17, §11.2).
 *
 * @module
 */
import type { Viewer } from '../../model/actor.js'
import type { User } from '../../model/users.js'
import { redactPersonalData } from '../../model/personal-data.js'
import type { AccessLevel, ExchangeSummary, ExchangeView, HistoryEntry } from '../../procedure/procedure.js'
import type { ExchangeAudience } from '../../procedure/listing.js'
import type { Answer, Attachment, CaseData, DerogationState, Message, RequestQuestion, RequestState } from './model.js'
import { requestContentCodec } from './model.js'
import type { Redacted } from '../../model/personal-data.js'
import { isSent } from './facts.js'
import { commissionReceives, earliestMeasureDate } from './derogation.js'

/** Request roles granted explicitly; the allocator right every LDA holds gives no content access (ACT-LDA-NO-CONTENT). */
const grantedRoles = (user: User, s: RequestState): ReadonlySet<string> =>
  new Set(user.status === 'active' ? (user.requestRoles.find((g) => g.legislativeArea === s.legislativeArea)?.roles ?? []) : [])

/**
 * How much of a request a viewer may see, or `undefined` for nothing at all.
 *
 * @category queries
 */
export const requestAccessLevel = (s: RequestState, viewer: Viewer): AccessLevel | undefined => {
  if (viewer.kind === 'system-administrator') return 'full'
  // The Commission receives notifications of individual measures without personal data (DEROG-COMMISSION-NO-PD).
  if (viewer.kind === 'commission') return commissionReceives(s) ? 'no-personal-data' : undefined
  // The Commission has no access to ordinary requests; the helpdesk none to content (REQ-COMMISSION-NO-ACCESS, ACT-HELPDESK-NO-CONTENT).
  if (viewer.kind !== 'user') return undefined
  const { user, authority } = viewer
  const roles = grantedRoles(user, s)
  const reader = roles.has('request-handler') || roles.has('request-viewer')
  const allocatorOnly = !reader && roles.has('allocator')
  const ldaOnly = roles.size === 0 && user.status === 'active' && user.generalRoles.includes('local-data-administrator')
  const participant = authority.id === s.requesting.authorityId || (isSent(s) && authority.id === s.responding.authorityId)
  if (participant) {
    // An LDA without workflow roles sees the metadata it needs to allocate, never content (ACT-LDA-NO-CONTENT).
    if (ldaOnly) return 'metadata'
    if (allocatorOnly) return 'no-personal-data'
    if (!reader) return undefined
    if (authority.id === s.requesting.authorityId) return 'full'
    // Before acceptance the addressee sees no personal data and no attachments (REQ-PREACCEPT-NO-PD).
    return s.responding.accepted ? 'full' : 'no-personal-data'
  }
  if (roles.size === 0) return ldaOnly && s.formerAddressees.includes(authority.id) ? 'metadata' : undefined
  // Coordinators never see personal data of the requests they coordinate (REQ-COORD-NO-PD).
  const coordinators = [
    s.requesting.coordinatorId,
    s.responding.coordinatorId,
    ...s.requesting.linkedCoordinators,
    ...(isSent(s) ? s.responding.linkedCoordinators : []),
  ]
  if (s.status !== 'draft' && coordinators.includes(authority.id)) return 'no-personal-data'
  // A former addressee keeps a non-personal view of what it forwarded (REQ-FORWARDER-ACCESS).
  if (s.formerAddressees.includes(authority.id)) return 'metadata'
  // Handlers see partial information on other same-state authorities' requests (REQ-SAME-MS-PARTIAL).
  if (roles.has('request-handler') && s.status !== 'draft' && (authority.memberState === s.requesting.memberState || (isSent(s) && authority.memberState === s.responding.memberState)))
    return 'metadata'
  return undefined
}

/**
 * True when the viewer sees the personal data of the request now: full access and data neither
 * blocked nor erased.
 *
 * @category queries
 */
export const canSeePersonalData = (s: RequestState, viewer: Viewer): boolean =>
  requestAccessLevel(s, viewer) === 'full' && (s.personalData === 'available' || (s.personalData === 'blocked' && viewer.kind === 'system-administrator'))

/**
 * The derogation part of a request's content: what the sender filled in, and for a notification of
 * measures the earliest date the measures may be taken, if any (spec §8).
 *
 * @category model
 */
export interface DerogationContent extends DerogationState {
  /** See {@link earliestMeasureDate}. */
  readonly earliestMeasureDate?: string
}

/**
 * The content of a request as one viewer sees it. Personal data a viewer may not see is replaced by
 * a {@link Redacted} marker.
 *
 * @category model
 */
export interface RequestContent {
  readonly legislativeArea: string
  readonly questionSetId?: string
  readonly questions: ReadonlyArray<RequestQuestion>
  readonly caseData: Readonly<Record<string, string | Redacted>>
  readonly attachments: ReadonlyArray<Attachment | Redacted>
  readonly justification?: RequestState['justification']
  readonly deadline?: string
  readonly originalDeadline?: string
  readonly answers: ReadonlyArray<Answer>
  /** The responding side's unsent answers, shown to that side only. */
  readonly draftAnswers?: ReadonlyArray<Answer>
  readonly messages: ReadonlyArray<Message>
  readonly additionalInfo?: RequestState['additionalInfo']
  readonly returnedByCoordinator?: RequestState['returnedByCoordinator']
  readonly closureReason?: RequestState['closureReason']
  readonly links: RequestState['links']
  /** On a request using a derogation question set. */
  readonly derogation?: DerogationContent
}

/** The summary of a request, free of personal data. @category queries */
export const requestSummary = (s: RequestState): ExchangeSummary => ({
  exchangeId: s.exchangeId,
  procedure: s.procedure,
  number: s.number,
  status: s.status,
  legislativeArea: s.legislativeArea,
  authorities: [s.requesting.authorityId, s.responding.authorityId].filter((a): a is NonNullable<typeof a> => a !== undefined),
  memberStates: [s.requesting.memberState, s.responding.memberState].filter((m): m is NonNullable<typeof m> => m !== undefined),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  ...(s.sentAt === undefined ? {} : { sentAt: s.sentAt }),
  ...(s.closedAt === undefined ? {} : { closedAt: s.closedAt }),
  ...(s.deadline === undefined ? {} : { deadline: s.deadline }),
  ...(s.requesting.authorityId === undefined ? {} : { requestingAuthority: s.requesting.authorityId }),
  ...(isSent(s) && s.responding.authorityId !== undefined ? { respondingAuthority: s.responding.authorityId } : {}),
  searchText: requestSearchText(s),
  audience: requestAudience(s),
})

/**
 * The text search looks in: the number and the non-personal case fields, lower-cased. Fields the
 * area flags as personal stay out, so that the summary holds no personal data (REQ-PD-FIELDS-FLAGGED).
 *
 * @category queries
 */
export const requestSearchText = (s: RequestState): string =>
  [
    s.number,
    ...Object.entries(s.caseData)
      .filter(([field, value]) => !s.personalFields.includes(field) && typeof value === 'string')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, value]) => value),
  ]
    .join(' ')
    .toLowerCase()

/**
 * Who finds a request in lists: the same capacities as {@link requestAccessLevel}, as data.
 *
 * @category queries
 */
export const requestAudience = (s: RequestState): ExchangeAudience => {
  const sent = isSent(s)
  const draft = s.status === 'draft'
  const participants = [s.requesting.authorityId, ...(sent ? [s.responding.authorityId] : [])].filter((a): a is NonNullable<typeof a> => a !== undefined)
  const coordinators = draft
    ? []
    : [s.requesting.coordinatorId, s.responding.coordinatorId, ...s.requesting.linkedCoordinators, ...(sent ? s.responding.linkedCoordinators : [])].filter(
        (a): a is NonNullable<typeof a> => a !== undefined,
      )
  const states = draft ? [] : [s.requesting.memberState, ...(sent ? [s.responding.memberState] : [])].filter((m): m is NonNullable<typeof m> => m !== undefined)
  return {
    participants: [...new Set(participants)],
    coordinators: [...new Set(coordinators)],
    observers: [...new Set(s.formerAddressees)],
    sameStateHandlers: [...new Set(states)],
    // The Commission finds the notifications of measures addressed to it (DEROG-STEP3-RECIPIENTS).
    ...(commissionReceives(s) ? { commission: true } : {}),
  }
}

const derogationContent = (s: RequestState, d: DerogationState): DerogationContent => {
  const date = earliestMeasureDate(s)
  return date === undefined ? d : { ...d, earliestMeasureDate: date }
}

const metadataHistory = (h: ReadonlyArray<HistoryEntry>): ReadonlyArray<HistoryEntry> =>
  h.map(({ justification: _j, ...rest }) => rest)

/**
 * What one viewer sees of a request, or `undefined` when the viewer may not see it at all.
 *
 * @category queries
 */
export const viewRequest = (s: RequestState, viewer: Viewer): ExchangeView<RequestContent> | undefined => {
  const access = requestAccessLevel(s, viewer)
  if (access === undefined) return undefined
  const base = {
    exchangeId: s.exchangeId,
    procedure: s.procedure,
    number: s.number,
    status: s.status,
    displayedStatus: s.closureReason === 'refused' ? 'refused' : s.status,
    access,
    personalData: s.personalData,
    summary: requestSummary(s),
  }
  if (access === 'metadata') return { ...base, history: metadataHistory(s.history) }
  const respondingViewer = viewer.kind === 'user' && viewer.authority.id === s.responding.authorityId
  const raw = {
    legislativeArea: s.legislativeArea,
    ...(s.questionSetId === undefined ? {} : { questionSetId: s.questionSetId }),
    questions: s.questions,
    caseData: s.caseData as CaseData,
    attachments: s.attachments,
    ...(s.justification === undefined ? {} : { justification: s.justification }),
    ...(s.deadline === undefined ? {} : { deadline: s.deadline }),
    ...(s.originalDeadline === undefined ? {} : { originalDeadline: s.originalDeadline }),
    answers: s.answers,
    ...(respondingViewer || viewer.kind === 'system-administrator' ? { draftAnswers: s.draftAnswers } : {}),
    messages: s.messages,
    ...(s.additionalInfo === undefined ? {} : { additionalInfo: s.additionalInfo }),
    ...(s.returnedByCoordinator === undefined ? {} : { returnedByCoordinator: s.returnedByCoordinator }),
    ...(s.closureReason === undefined ? {} : { closureReason: s.closureReason }),
    links: s.links,
    ...(s.derogation === undefined ? {} : { derogation: derogationContent(s, s.derogation) }),
  }
  const codec = requestContentCodec(s.personalFields)
  // Blocked data is invisible to every user, whatever their role (RET-BLOCKED-NO-USER-ACCESS).
  const reason: Redacted['redacted'] | undefined =
    access !== 'full' ? 'personal-data'
    : s.personalData === 'erased' ? 'erased'
    : s.personalData === 'blocked' && viewer.kind !== 'system-administrator' ? 'blocked'
    : undefined
  const content = (reason === undefined ? raw : redactPersonalData(codec, raw, reason)) as RequestContent
  return { ...base, content, history: s.history }
}
