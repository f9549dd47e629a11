/**
 * The events of the request procedure. Each carries the envelope of every event (actor, instant,
 * from and to status, procedure version) and a payload; the payload codecs double as the schema of
 * what is stored.
 *
 * @module
 */
import * as t from 'io-ts'
import { ActorCodec } from '../../model/actor.js'
import { AttachmentIdCodec, AuthorityIdCodec, ExchangeIdCodec, LegislativeAreaIdCodec, QuestionSetIdCodec, UserIdCodec } from '../../model/ids.js'
import { MemberStateCodec } from '../../model/member-states.js'
import { DraftFreeTextCodec, FreeTextCodec } from '../../i18n/languages.js'
import type { EventEnvelope } from '../../procedure/procedure.js'
import {
  AnswerCodec,
  AttachmentCodec,
  CalendarDateCodec,
  DerogationDraftCodec,
  DerogationSentCodec,
  DerogationStateCodec,
  MessageCodec,
  REQUEST_PROCEDURE_ID,
  REQUEST_STATUSES,
} from './model.js'
import { personalData } from '../../model/personal-data.js'
import { ErasurePayloadCodec } from '../../retention/early-removal.js'

const Status = t.keyof(Object.fromEntries(REQUEST_STATUSES.map((s) => [s, null])) as Record<(typeof REQUEST_STATUSES)[number], null>)
const Side = t.keyof({ requesting: null, responding: null })
const AllocationSide = t.keyof({ requesting: null, responding: null, 'requesting-coordinator': null, 'responding-coordinator': null })
const Scenario = t.keyof({ S1: null, S2: null, S3: null, S4: null })
const ClosureReason = t.keyof({
  'reply-accepted': null,
  'refusal-justification-accepted': null,
  'closed-by-coordinator-arbitration': null,
  'closed-by-responding-authority': null,
  refused: null,
})

const StoredQuestion = t.readonly(
  t.intersection([
    t.type({ questionId: t.string, parameters: t.readonly(t.record(t.string, t.string)) }),
    t.partial({ comment: DraftFreeTextCodec, attachmentId: AttachmentIdCodec, movedTo: ExchangeIdCodec }),
  ]),
)

/** The case fields the area flags as personal data, apart from the others so that storage can vault them. */
const PersonalCaseData = personalData(t.readonly(t.record(t.string, t.string)))
/** Attachments count as personal data (REQ-PD-FIELDS-FLAGGED). */
const PersonalAttachment = personalData(AttachmentCodec)

/** The draft content of a request as stored in `request.created` and `request.draft-edited`. */
const DraftContent = t.partial({
  questionSetId: QuestionSetIdCodec,
  addressee: AuthorityIdCodec,
  addresseeMemberState: MemberStateCodec,
  requestingCoordinator: AuthorityIdCodec,
  caseData: t.readonly(t.record(t.string, t.string)),
  personalCaseData: PersonalCaseData,
  questions: t.readonlyArray(StoredQuestion),
  justification: DraftFreeTextCodec,
  deadline: CalendarDateCodec,
  attachments: t.readonlyArray(PersonalAttachment),
  /** Replaces the derogation content; `null` clears it (a question set without derogation chosen). */
  derogation: t.union([DerogationDraftCodec, t.null]),
})

const Created = t.intersection([
  t.type({
    number: t.string,
    legislativeArea: LegislativeAreaIdCodec,
    requestingAuthority: AuthorityIdCodec,
    requestingMemberState: MemberStateCodec,
    personalFields: t.readonlyArray(t.string),
  }),
  DraftContent,
  t.partial({ copiedFrom: ExchangeIdCodec }),
])

const SplitOff = t.intersection([t.type({
  number: t.string,
  legislativeArea: LegislativeAreaIdCodec,
  questionSetId: QuestionSetIdCodec,
  splitFrom: ExchangeIdCodec,
  requesting: t.intersection([
    t.type({
      authorityId: AuthorityIdCodec,
      memberState: MemberStateCodec,
      coordinatorId: t.union([AuthorityIdCodec, t.undefined]),
      linkedCoordinators: t.readonlyArray(AuthorityIdCodec),
      lastActor: t.union([UserIdCodec, t.undefined]),
    }),
    // The requesting handlers allocated to the original, who keep acting on the part (REQ-SPLIT-INHERITS).
    t.partial({ allocated: t.readonlyArray(UserIdCodec) }),
  ]),
  addressee: AuthorityIdCodec,
  addresseeMemberState: MemberStateCodec,
  addresseeLinkedCoordinators: t.readonlyArray(AuthorityIdCodec),
  questions: t.readonlyArray(StoredQuestion),
  caseData: t.readonly(t.record(t.string, t.string)),
  personalCaseData: PersonalCaseData,
  personalFields: t.readonlyArray(t.string),
  attachments: t.readonlyArray(PersonalAttachment),
  justification: t.union([DraftFreeTextCodec, t.undefined]),
  deadline: t.union([CalendarDateCodec, t.undefined]),
  sentAt: t.string,
  splitJustification: FreeTextCodec,
}),
  // The derogation content of the original carries over to the part split off.
  t.partial({ derogation: DerogationStateCodec }),
])

/**
 * The payload codec of each request event, by event type.
 *
 * @category codecs
 */
export const REQUEST_EVENT_PAYLOADS = {
  'request.created': Created,
  'request.split-off': SplitOff,
  'request.draft-edited': DraftContent,
  'request.allocated': t.type({ side: AllocationSide, users: t.readonlyArray(UserIdCodec) }),
  'request.sent': t.intersection([
    t.type({
      approval: t.boolean,
      addressee: AuthorityIdCodec,
      addresseeMemberState: MemberStateCodec,
      addresseeLinkedCoordinators: t.readonlyArray(AuthorityIdCodec),
      requestingCoordinator: t.union([AuthorityIdCodec, t.undefined]),
      requestingLinkedCoordinators: t.readonlyArray(AuthorityIdCodec),
    }),
    // On a derogation request: which derogation it is, and whether the Commission receives it (spec §8).
    t.partial({ derogation: DerogationSentCodec }),
  ]),
  'request.approved': t.type({}),
  'request.returned': t.type({ suggestions: FreeTextCodec }),
  'request.accepted': t.type({
    coordinator: t.union([AuthorityIdCodec, t.undefined]),
    deadline: t.union([CalendarDateCodec, t.undefined]),
    previousDeadline: t.union([CalendarDateCodec, t.undefined]),
  }),
  'request.refused': t.type({ justification: FreeTextCodec }),
  'request.forwarded': t.type({
    to: AuthorityIdCodec,
    toMemberState: MemberStateCodec,
    toLinkedCoordinators: t.readonlyArray(AuthorityIdCodec),
    justification: FreeTextCodec,
    draftsDiscarded: t.boolean,
  }),
  'request.split': t.type({
    to: AuthorityIdCodec,
    newExchangeId: ExchangeIdCodec,
    questions: t.readonlyArray(t.string),
    attachments: t.readonlyArray(AttachmentIdCodec),
    justification: FreeTextCodec,
  }),
  'request.reply-saved': t.type({ answers: t.readonlyArray(AnswerCodec) }),
  'request.replied': t.type({ answers: t.readonlyArray(AnswerCodec), approval: t.boolean }),
  'request.reply-approved': t.type({}),
  'request.reply-returned': t.type({ suggestions: FreeTextCodec }),
  'request.message-added': t.type({ message: MessageCodec }),
  'request.attachment-added': t.type({ attachment: PersonalAttachment, addedBy: t.keyof({ requesting: null, responding: null }) }),
  'request.coordinator-changed': t.type({ side: Side, coordinator: AuthorityIdCodec }),
  'request.closed': t.type({ reason: ClosureReason }),
  'request.additional-info-requested': t.type({ justification: FreeTextCodec, questions: t.readonlyArray(t.string) }),
  'request.additional-info-accepted': t.type({}),
  'request.additional-info-rejected': t.type({ justification: FreeTextCodec }),
  'request.refusal-accepted': t.type({}),
  'request.escalated': t.type({ scenario: Scenario }),
  'request.arbitration-decided': t.intersection([
    t.type({ satisfactory: t.boolean, by: t.keyof({ 'requesting-coordinator': null, 'responding-coordinator': null }) }),
    t.partial({ comment: FreeTextCodec }),
  ]),
  'request.reconsidered': t.type({}),
  'request.position-maintained': t.type({ justification: FreeTextCodec }),
  'request.personal-data-blocked': t.type({}),
  // Scheduled erasure ({}), or early removal with its reason (RET-EARLY-REMOVAL).
  'request.personal-data-erased': ErasurePayloadCodec,
  'request.contrary-decision-recorded': t.partial({ decidedOn: CalendarDateCodec, reference: t.string }),
} as const

/** The payload codecs of the request events, by event type. @category codecs */
export type RequestEventPayloads = typeof REQUEST_EVENT_PAYLOADS

const payloads = REQUEST_EVENT_PAYLOADS

/** The type of a request event. @category model */
export type RequestEventType = keyof RequestEventPayloads

/** A request event of a given type. @category model */
export type RequestEventOf<T extends RequestEventType> = EventEnvelope<T, t.TypeOf<RequestEventPayloads[T]>> & {
  readonly to: (typeof REQUEST_STATUSES)[number]
}

/** Any request event. @category model */
export type RequestEvent = { [K in RequestEventType]: RequestEventOf<K> }[RequestEventType]

const envelope = <K extends RequestEventType>(type: K) =>
  t.intersection([
    t.type({
      type: t.literal(type),
      exchangeId: ExchangeIdCodec,
      procedure: t.literal(REQUEST_PROCEDURE_ID),
      procedureVersion: t.number,
      at: t.string,
      actor: ActorCodec,
      to: Status,
      payload: payloads[type],
    }),
    t.partial({ from: Status }),
  ])

const eventTypes = Object.keys(payloads) as RequestEventType[]

/**
 * The walkable codec of one type of request event, for the functions that find personal data by
 * its schema; `undefined` for a type the procedure does not have.
 *
 * @category codecs
 */
export const requestEventCodecOf = (type: string): t.Mixed | undefined =>
  (eventTypes as string[]).includes(type) ? envelope(type as RequestEventType) : undefined

/**
 * Validates a stored request event.
 *
 * @category codecs
 */
export const RequestEventCodec = new t.Type<RequestEvent, unknown, unknown>(
  'RequestEvent',
  (u): u is RequestEvent => typeof u === 'object' && u !== null && eventTypes.includes((u as { type: RequestEventType }).type),
  (u, c) => {
    const type = (u as { type?: unknown } | null)?.type
    if (typeof type !== 'string' || !(eventTypes as string[]).includes(type)) return t.failure(u, c, 'an event of the request procedure')
    return envelope(type as RequestEventType).validate(u, c) as t.Validation<RequestEvent>
  },
  (a) => a,
)

/** The current version of the request procedure's events. @category constants */
export const REQUEST_PROCEDURE_VERSION = 1
