/**
 * The state of one request for information, its statuses and the codecs of its parts.
 *
 * @module
 */
import * as t from 'io-ts'
import type { AttachmentId, AuthorityId, ExchangeId, LegislativeAreaId, QuestionSetId, UserId } from '../../model/ids.js'
import { AttachmentIdCodec, UserIdCodec } from '../../model/ids.js'
import type { MemberState } from '../../model/member-states.js'
import type { DraftFreeText, FreeText } from '../../i18n/languages.js'
import { DraftFreeTextCodec, FreeTextCodec } from '../../i18n/languages.js'
import { personalData } from '../../model/personal-data.js'
import type { DerogationKind, LegislativeArea } from '../../model/legislative-areas.js'
import type { HistoryEntry } from '../../procedure/procedure.js'
import type { EarlyRemoval } from '../../retention/early-removal.js'

/** The procedure id. @category constants */
export const REQUEST_PROCEDURE_ID = 'imi.request-for-information'

/**
 * The statuses of a request (REQ-STATUS-SET). Only `awaiting-acceptance` («En attente d'acceptation»)
 * is named by the sources; the others are the specification's proposed names.
 *
 * @category constants
 */
export const REQUEST_STATUSES = [
  'draft',
  'awaiting-request-approval',
  'awaiting-acceptance',
  'accepted',
  'awaiting-reply-approval',
  'replied',
  'additional-info-requested',
  'additional-info-refused',
  'arbitration-requesting-coordinator',
  'arbitration-responding-coordinator',
  'returned-after-arbitration',
  'closed',
] as const

/** A status of a request. @category model */
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** Why a request was closed (REQ-CLOSURE-REASONS). @category model */
export type ClosureReason =
  | 'reply-accepted'
  | 'refusal-justification-accepted'
  | 'closed-by-coordinator-arbitration'
  | 'closed-by-responding-authority'
  | 'refused'

/** The two sides of a request. @category model */
export type RequestSide = 'requesting' | 'responding'

/**
 * The groups of users to whom a request can be allocated: each participating authority's handlers,
 * and each selected coordinator's referees.
 *
 * @category model
 */
export type AllocationSide = 'requesting' | 'responding' | 'requesting-coordinator' | 'responding-coordinator'

/** The arbitration scenarios of spec §6.10 (REQ-ARB-SCENARIO). @category model */
export type ArbitrationScenario = 'S1' | 'S2' | 'S3' | 'S4'

/** Predefined comments that explain why a document is attached (REQ-EXTRA-ATTACHMENTS). @category constants */
export const ATTACHMENT_RELEVANCE = [
  'evidence-of-qualifications',
  'proof-of-establishment',
  'authorisation',
  'decision',
  'certificate',
  'correspondence',
  'other',
] as const

/** The relevance of an attachment. @category model */
export type AttachmentRelevance = (typeof ATTACHMENT_RELEVANCE)[number]

const AttachmentRelevanceCodec = t.keyof(
  Object.fromEntries(ATTACHMENT_RELEVANCE.map((r) => [r, null])) as Record<AttachmentRelevance, null>,
)

/** Largest attachment the core accepts, in bytes; adapters may set lower limits. @category constants */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024

const FileName = new t.Type<string, string, unknown>(
  'FileName',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && u.length > 0 && u.length <= 255 && !/[/\\\0]/.test(u)
      ? t.success(u)
      : t.failure(u, c, 'a file name of 1 to 255 characters without path separators'),
  (a) => a,
)

const Size = new t.Type<number, number, unknown>(
  'AttachmentSize',
  (u): u is number => typeof u === 'number',
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= ATTACHMENT_MAX_BYTES
      ? t.success(u)
      : t.failure(u, c, `a whole number of bytes up to ${ATTACHMENT_MAX_BYTES}`),
  (a) => a,
)

const ShortString = (name: string, max: number) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' && u.length > 0 && u.length <= max ? t.success(u) : t.failure(u, c, `${name}: 1 to ${max} characters`)),
    (a) => a,
  )

/**
 * An attached document. The bytes live in the adapter's store under `contentRef`; the core keeps only
 * the reference. Attachments count as personal data for visibility (REQ-PD-FIELDS-FLAGGED).
 *
 * @category model
 */
export interface Attachment {
  readonly id: AttachmentId
  readonly fileName: string
  readonly mediaType: string
  readonly size: number
  readonly contentRef: string
  readonly relevance: AttachmentRelevance
  readonly addedBy: RequestSide
  readonly addedAt: string
}

/** What a caller supplies to attach a document. @category model */
export interface AttachmentInput {
  readonly fileName: string
  readonly mediaType: string
  readonly size: number
  readonly contentRef: string
  readonly relevance: AttachmentRelevance
}

/** Codec of {@link AttachmentInput}. @category codecs */
export const AttachmentInputCodec: t.Type<AttachmentInput> = t.readonly(
  t.type({
    fileName: FileName,
    mediaType: ShortString('MediaType', 255),
    size: Size,
    contentRef: ShortString('ContentRef', 500),
    relevance: AttachmentRelevanceCodec,
  }),
)

/** Codec of {@link Attachment}. @category codecs */
export const AttachmentCodec: t.Type<Attachment, unknown, unknown> = t.readonly(
  t.intersection([
    AttachmentInputCodec,
    t.type({ id: AttachmentIdCodec, addedBy: t.keyof({ requesting: null, responding: null }), addedAt: t.string }),
  ]),
)

/**
 * A question of the request: a predefined question of the chosen set, its filled placeholders, an
 * optional free-text comment, and the attachment it is about, if any.
 *
 * @category model
 */
export interface RequestQuestion {
  readonly questionId: string
  readonly parameters: Readonly<Record<string, string>>
  readonly comment?: DraftFreeText
  readonly attachmentId?: AttachmentId
  /** Set when a split moved the question to another request (REQ-SPLIT-REMAINING). */
  readonly movedTo?: ExchangeId
}

/** Codec of a question as a caller supplies it. @category codecs */
export const RequestQuestionInputCodec = t.readonly(
  t.intersection([
    t.type({ questionId: ShortString('QuestionId', 200) }),
    t.partial({
      parameters: t.readonly(t.record(t.string, t.string)),
      comment: DraftFreeTextCodec,
      attachmentId: AttachmentIdCodec,
    }),
  ]),
)

/** A question as a caller supplies it. @category model */
export type RequestQuestionInput = t.TypeOf<typeof RequestQuestionInputCodec>

/**
 * The answer to one question: a predefined answer and/or a free-text comment (REQ-REPLY-ANSWER-FORM).
 *
 * @category model
 */
export interface Answer {
  readonly questionId: string
  readonly answerId?: string
  readonly comment?: FreeText
}

/** Codec of {@link Answer}. @category codecs */
export const AnswerCodec: t.Type<Answer> = t.readonly(
  t.intersection([
    t.type({ questionId: ShortString('QuestionId', 200) }),
    t.partial({ answerId: ShortString('AnswerId', 200), comment: FreeTextCodec }),
  ]),
)

/** A structured message («Commentaires») between the two sides (REQ-MESSAGES-BOTH-SIDES). @category model */
export interface Message {
  readonly id: string
  readonly side: RequestSide
  readonly author: UserId
  readonly at: string
  readonly text: FreeText
}

/** Codec of {@link Message}. @category codecs */
export const MessageCodec: t.Type<Message, unknown, unknown> = t.readonly(
  t.type({
    id: t.string,
    side: t.keyof({ requesting: null, responding: null }),
    author: UserIdCodec,
    at: t.string,
    text: FreeTextCodec,
  }),
)

/** A calendar date `YYYY-MM-DD` that exists. @category codecs */
export const CalendarDateCodec = new t.Type<string, string, unknown>(
  'CalendarDate',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if (typeof u !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(u)) return t.failure(u, c, 'a date as YYYY-MM-DD')
    const d = new Date(`${u}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === u ? t.success(u) : t.failure(u, c, 'a date that exists')
  },
  (a) => a,
)

// ---------------------------------------------------------------------------------------------
// individual derogations (spec §8)

/** The prefix of request numbers, as `ctx.ids.exchangeNumber` receives it. @category constants */
export const REQUEST_NUMBER_PREFIX = 'REQ'

/**
 * The format of a request number made by the procedure: the prefix `REQ`, up to three segments of
 * letters and digits (a year, an installation tag), and a sequence number, separated by hyphens, e.g.
 * `REQ-000042` or `REQ-2026-000042`. Only this format is checked in a notification's reference to an
 * earlier request (DEROG-REFERENCE-FORMAT).
 *
 * @category constants
 */
export const REQUEST_NUMBER_FORMAT = /^REQ-(?:[A-Za-z0-9]{1,20}-){0,3}\d{1,12}$/

/** The procedures of a notification of measures: step 3 of the normal procedure, or urgency (spec §8.4). @category constants */
export const DEROGATION_PROCEDURES = ['normal-step3', 'urgency'] as const

/** The procedure of a notification of measures. @category model */
export type DerogationProcedure = (typeof DEROGATION_PROCEDURES)[number]

/**
 * Calendar days after the notification of measures before the requesting Member State may take
 * them, unless the Commission decides otherwise (DEROG-STANDSTILL-15).
 *
 * @category constants
 */
export const DEROGATION_STANDSTILL_DAYS = 15

/**
 * What the sender fills in on a derogation request or notification: the checklist items confirmed,
 * the free texts by field id of the question set, and for a notification of measures its procedure
 * and the number of the earlier request. Not personal data: the provider's identity belongs in the
 * case fields the area flags as personal.
 *
 * @category model
 */
export interface DerogationDraft {
  readonly confirmed: ReadonlyArray<string>
  readonly freeTexts: Readonly<Record<string, DraftFreeText>>
  readonly procedure?: DerogationProcedure
  readonly relatedRequestNumber?: string
}

/**
 * A Commission decision contrary to the notified measures, transcribed by the platform operator
 * (DEROG-CONTRARY-DECISION).
 *
 * @category model
 */
export interface ContraryDecision {
  readonly recordedAt: string
  /** The date of the Commission's decision. */
  readonly decidedOn?: string
  /** The Commission's reference of the decision. */
  readonly reference?: string
}

/**
 * The derogation part of a request: its draft content, and from sending on the kind of question set
 * it was sent with, whether the Commission received it, when it reached the Member State of
 * establishment and any contrary decision of the Commission.
 *
 * @category model
 */
export interface DerogationState extends DerogationDraft {
  /** Set when sent, from the question set. */
  readonly kind?: DerogationKind
  /** The notification was addressed to the Commission too (DEROG-STEP3-RECIPIENTS, DEROG-URGENCY-COMMISSION). */
  readonly commission?: boolean
  /** When it reached the Member State of establishment and the Commission: on sending, or on approval where approval applies. */
  readonly notifiedAt?: string
  readonly contraryDecision?: ContraryDecision
}

const DerogationProcedureCodec = t.keyof({ 'normal-step3': null, urgency: null })
const DerogationKindCodec = t.keyof({ request: null, 'measures-notification': null })

/**
 * Codec of the derogation content of a draft as a command carries it: every part optional; it replaces
 * the whole derogation content of the draft. `null` clears it.
 *
 * @category codecs
 */
export const DerogationInputCodec = t.union([
  t.readonly(
    t.partial({
      confirmed: t.readonlyArray(ShortString('ChecklistItemId', 200)),
      freeTexts: t.readonly(t.record(t.string, DraftFreeTextCodec)),
      procedure: DerogationProcedureCodec,
      relatedRequestNumber: ShortString('RequestNumber', 100),
    }),
  ),
  t.null,
])

/** The derogation content of a draft as a command carries it. @category model */
export type DerogationInput = t.TypeOf<typeof DerogationInputCodec>

/** Codec of {@link DerogationDraft}, as events store it. @category codecs */
export const DerogationDraftCodec: t.Type<DerogationDraft, unknown, unknown> = t.readonly(
  t.intersection([
    t.type({ confirmed: t.readonlyArray(t.string), freeTexts: t.readonly(t.record(t.string, DraftFreeTextCodec)) }),
    t.partial({ procedure: DerogationProcedureCodec, relatedRequestNumber: t.string }),
  ]),
)

/** Codec of {@link DerogationState}, as a split-off part carries it. @category codecs */
export const DerogationStateCodec: t.Type<DerogationState, unknown, unknown> = t.readonly(
  t.intersection([
    DerogationDraftCodec,
    t.partial({
      kind: DerogationKindCodec,
      commission: t.boolean,
      notifiedAt: t.string,
      contraryDecision: t.readonly(
        t.intersection([t.type({ recordedAt: t.string }), t.partial({ decidedOn: t.string, reference: t.string })]),
      ),
    }),
  ]),
)

/** Codec of the derogation facts fixed when a request is sent. @category codecs */
export const DerogationSentCodec = t.readonly(t.type({ kind: DerogationKindCodec, commission: t.boolean }))

/** One problem that keeps a draft from being sent. @category model */
export interface SendProblem {
  readonly code: string
  readonly ruleId: string
  readonly message: string
  readonly field?: string
}

/** Case information, by field id of the area's schema. @category model */
export type CaseData = Readonly<Record<string, string>>

/** One side of a request. @category model */
export interface SideState {
  readonly authorityId?: AuthorityId
  readonly memberState?: MemberState
  /** The request coordinator selected for this side, if any. */
  readonly coordinatorId?: AuthorityId
  /** Every request coordinator linked to this side's authority when it joined, for need-to-know. */
  readonly linkedCoordinators: ReadonlyArray<AuthorityId>
  /** The user who performed this side's last action; later messages go to them. */
  readonly lastActor?: UserId
  readonly allocated: ReadonlyArray<UserId>
  /** Referees of the side's coordinator allocated to the request. */
  readonly coordinatorAllocated: ReadonlyArray<UserId>
  /** The coordinator has been involved before (first referral notifications, MAIL-COORD-*). */
  readonly coordinatorInvolved: boolean
  /** The coordinator's referee who performed its last action. */
  readonly coordinatorLastActor?: UserId
}

/**
 * The state of one request: the fold of its events.
 *
 * @category model
 */
export interface RequestState {
  readonly procedure: typeof REQUEST_PROCEDURE_ID
  readonly exchangeId: ExchangeId
  readonly number: string
  readonly version: number
  readonly status: RequestStatus
  readonly closureReason?: ClosureReason
  readonly legislativeArea: LegislativeAreaId
  readonly questionSetId?: QuestionSetId
  readonly createdAt: string
  readonly createdBy: UserId
  readonly updatedAt: string
  readonly sentAt?: string
  readonly acceptedAt?: string
  readonly closedAt?: string
  readonly requesting: SideState
  readonly responding: SideState & { readonly accepted: boolean }
  /** Authorities that held the request before a forward; they keep metadata access (REQ-FORWARDER-ACCESS). */
  readonly formerAddressees: ReadonlyArray<AuthorityId>
  readonly questions: ReadonlyArray<RequestQuestion>
  readonly caseData: CaseData
  /** The case fields that hold personal data, from the area's schema when the request was created. */
  readonly personalFields: ReadonlyArray<string>
  readonly attachments: ReadonlyArray<Attachment>
  readonly justification?: DraftFreeText
  /** The current indicative deadline and the one originally asked (REQ-DEADLINE-REPLACED). */
  readonly deadline?: string
  readonly originalDeadline?: string
  readonly answers: ReadonlyArray<Answer>
  readonly draftAnswers: ReadonlyArray<Answer>
  readonly messages: ReadonlyArray<Message>
  readonly additionalInfo?: {
    readonly round: 1 | 2
    readonly questions: ReadonlyArray<string>
    readonly justification: FreeText
    readonly accepted: boolean
    readonly refusal?: FreeText
  }
  readonly arbitration?: { readonly scenario: ArbitrationScenario; readonly relaunches: number }
  readonly returnedByCoordinator?: FreeText
  readonly links: {
    readonly splitFrom?: ExchangeId
    readonly splitInto: ReadonlyArray<ExchangeId>
    readonly copiedFrom?: ExchangeId
  }
  readonly personalData: 'available' | 'blocked' | 'erased'
  /** The early removal of the personal data, when it was removed before its scheduled date (RET-EARLY-REMOVAL). */
  readonly earlyRemoval?: EarlyRemoval
  /** The derogation content, on a request using a derogation question set (spec §8). */
  readonly derogation?: DerogationState
  /** Every transition, who made it and when (REQ-EVENT-HISTORY). */
  readonly history: ReadonlyArray<HistoryEntry>
}

/**
 * The codec of the case data of an area: each field flagged as personal data is wrapped with
 * {@link personalData}, so that views redact it.
 *
 * @category codecs
 */
export const caseDataCodec = (la: LegislativeArea | undefined) =>
  t.partial(
    Object.fromEntries(
      (la?.request.caseFields ?? []).map((f) => [f.id, f.personalData ? personalData(t.string) : t.string]),
    ),
  )

/** The ids of the case fields an area flags as personal data. @category queries */
export const personalFieldsOf = (la: LegislativeArea | undefined): ReadonlyArray<string> =>
  (la?.request.caseFields ?? []).filter((f) => f.personalData).map((f) => f.id)

/**
 * The codec of a request's content with its personal data marked: the case fields flagged as
 * personal data and every attachment. Views, blocking and erasure walk it.
 *
 * @category codecs
 */
export const requestContentCodec = (personalFields: ReadonlyArray<string>) =>
  t.partial({
    caseData: t.partial(Object.fromEntries(personalFields.map((f) => [f, personalData(t.string)]))),
    attachments: t.readonlyArray(personalData(AttachmentCodec)),
  })
