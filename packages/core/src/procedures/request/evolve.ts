/**
 * The request evolver: folds one event into the state. Total: it trusts events as facts and never
 * fails.
 *
 * @module
 */
import { produce, type Draft } from 'immer'
import type { HistoryEntry } from '../../procedure/procedure.js'
import type { RequestEvent } from './events.js'
import type { Answer, Attachment, CaseData, DerogationState, RequestQuestion, RequestState, SideState } from './model.js'
import type { Redacted } from '../../model/personal-data.js'
import { isRedacted } from '../../model/personal-data.js'
import { REQUEST_PROCEDURE_ID } from './model.js'
import type { EarlyRemoval } from '../../retention/early-removal.js'
import { earlyRemovalOf } from '../../retention/early-removal.js'

/** Case data as events carry it: personal fields apart, and erased ones as a marker. */
const mergeCaseData = (caseData: CaseData | undefined, personal: CaseData | Redacted | undefined): CaseData => ({
  ...(caseData ?? {}),
  ...(personal === undefined || isRedacted(personal) ? {} : personal),
})

/** Attachments as events carry them; an erased one is a marker and no longer an attachment. */
const presentAttachments = (list: ReadonlyArray<Attachment | Redacted> | undefined): Attachment[] =>
  (list ?? []).filter((a): a is Attachment => !isRedacted(a))

const emptySide: SideState = { linkedCoordinators: [], allocated: [], coordinatorAllocated: [], coordinatorInvolved: false }

const historyEntry = (e: RequestEvent): HistoryEntry => {
  const p = e.payload as { justification?: { text: string; language: string }; suggestions?: { text: string; language: string } }
  // An early removal records its reason, and who asked, in the history (RET-EARLY-REMOVAL).
  const removal = e.type === 'request.personal-data-erased' ? e.payload : undefined
  const justification = p.justification ?? p.suggestions ?? removal?.reason
  return {
    at: e.at,
    action: e.type,
    actor: e.actor,
    ...(e.from === undefined ? {} : { from: e.from }),
    to: e.to,
    ...(justification === undefined || justification.language === undefined ? {} : { justification }),
    ...(removal?.requestedBy === undefined ? {} : { requestedBy: removal.requestedBy }),
  }
}

const initial = (e: Extract<RequestEvent, { type: 'request.created' | 'request.split-off' }>): RequestState => {
  if (e.type === 'request.split-off') {
    const p = e.payload
    return {
      procedure: REQUEST_PROCEDURE_ID,
      exchangeId: e.exchangeId,
      number: p.number,
      version: 0,
      status: e.to,
      legislativeArea: p.legislativeArea,
      questionSetId: p.questionSetId,
      createdAt: e.at,
      // The split-off request belongs to the requesting side: its creator is the original's.
      createdBy: (p.requesting.allocated?.[0] ?? p.requesting.lastActor ?? (e.actor.kind === 'user' ? e.actor.userId : '')) as RequestState['createdBy'],
      updatedAt: e.at,
      sentAt: p.sentAt,
      requesting: {
        ...emptySide,
        authorityId: p.requesting.authorityId,
        memberState: p.requesting.memberState,
        ...(p.requesting.coordinatorId === undefined ? {} : { coordinatorId: p.requesting.coordinatorId }),
        linkedCoordinators: p.requesting.linkedCoordinators,
        ...(p.requesting.lastActor === undefined ? {} : { lastActor: p.requesting.lastActor }),
        // The requesting side's allocated handlers carry over to the split-off request (REQ-SPLIT-INHERITS).
        ...(p.requesting.allocated === undefined ? {} : { allocated: p.requesting.allocated }),
      },
      responding: { ...emptySide, authorityId: p.addressee, memberState: p.addresseeMemberState, linkedCoordinators: p.addresseeLinkedCoordinators, accepted: false },
      formerAddressees: [],
      questions: p.questions,
      caseData: mergeCaseData(p.caseData, p.personalCaseData),
      personalFields: p.personalFields,
      attachments: presentAttachments(p.attachments),
      ...(p.justification === undefined ? {} : { justification: p.justification }),
      ...(p.deadline === undefined ? {} : { deadline: p.deadline }),
      answers: [],
      draftAnswers: [],
      messages: [],
      links: { splitFrom: p.splitFrom, splitInto: [] },
      personalData: 'available',
      ...(p.derogation === undefined ? {} : { derogation: p.derogation }),
      history: [],
    }
  }
  const p = e.payload
  const creator = (e.actor.kind === 'user' ? e.actor.userId : '') as RequestState['createdBy']
  return {
    procedure: REQUEST_PROCEDURE_ID,
    exchangeId: e.exchangeId,
    number: p.number,
    version: 0,
    status: e.to,
    legislativeArea: p.legislativeArea,
    ...(p.questionSetId === undefined ? {} : { questionSetId: p.questionSetId }),
    createdAt: e.at,
    createdBy: creator,
    updatedAt: e.at,
    requesting: {
      ...emptySide,
      authorityId: p.requestingAuthority,
      memberState: p.requestingMemberState,
      ...(p.requestingCoordinator === undefined ? {} : { coordinatorId: p.requestingCoordinator }),
      // The creator of an outgoing request is its allocated handler (REQ-OUT-CREATOR-ALLOCATED).
      allocated: [creator],
      lastActor: creator,
    },
    responding: {
      ...emptySide,
      ...(p.addressee === undefined ? {} : { authorityId: p.addressee }),
      ...(p.addresseeMemberState === undefined ? {} : { memberState: p.addresseeMemberState }),
      accepted: false,
    },
    formerAddressees: [],
    questions: p.questions ?? [],
    caseData: mergeCaseData(p.caseData, p.personalCaseData),
    personalFields: p.personalFields,
    attachments: presentAttachments(p.attachments),
    ...(p.justification === undefined ? {} : { justification: p.justification }),
    ...(p.deadline === undefined ? {} : { deadline: p.deadline }),
    answers: [],
    draftAnswers: [],
    messages: [],
    links: { splitInto: [], ...(p.copiedFrom === undefined ? {} : { copiedFrom: p.copiedFrom }) },
    personalData: 'available',
    ...(p.derogation === undefined || p.derogation === null ? {} : { derogation: p.derogation }),
    history: [],
  }
}

type S = Draft<RequestState>

const lastActor = (s: S, e: RequestEvent, side: 'requesting' | 'responding') => {
  if (e.actor.kind === 'user') s[side].lastActor = e.actor.userId
}
const coordinatorActor = (s: S, e: RequestEvent, side: 'requesting' | 'responding') => {
  if (e.actor.kind === 'user') s[side].coordinatorLastActor = e.actor.userId
}
const apply = (s: S, e: RequestEvent): void => {
  switch (e.type) {
    case 'request.created':
    case 'request.split-off':
      return
    case 'request.draft-edited': {
      const p = e.payload
      if (p.questionSetId !== undefined) s.questionSetId = p.questionSetId
      if (p.addressee !== undefined) {
        s.responding.authorityId = p.addressee
        if (p.addresseeMemberState !== undefined) s.responding.memberState = p.addresseeMemberState
      }
      if (p.requestingCoordinator !== undefined) s.requesting.coordinatorId = p.requestingCoordinator
      if (p.caseData !== undefined || p.personalCaseData !== undefined) s.caseData = mergeCaseData(p.caseData, p.personalCaseData)
      if (p.questions !== undefined) s.questions = p.questions as RequestQuestion[]
      if (p.justification !== undefined) s.justification = p.justification
      if (p.deadline !== undefined) s.deadline = p.deadline
      if (p.attachments !== undefined) s.attachments.push(...(presentAttachments(p.attachments) as Draft<Attachment>[]))
      // The derogation content is replaced as a whole, like the case data.
      if (p.derogation === null) s.derogation = undefined
      else if (p.derogation !== undefined) s.derogation = p.derogation as Draft<DerogationState>
      lastActor(s, e, 'requesting')
      return
    }
    case 'request.allocated': {
      const { side, users } = e.payload
      if (side === 'requesting') s.requesting.allocated = [...users]
      else if (side === 'responding') s.responding.allocated = [...users]
      else if (side === 'requesting-coordinator') s.requesting.coordinatorAllocated = [...users]
      else s.responding.coordinatorAllocated = [...users]
      return
    }
    case 'request.sent': {
      const p = e.payload
      s.sentAt = e.at
      s.returnedByCoordinator = undefined
      s.responding.authorityId = p.addressee
      s.responding.memberState = p.addresseeMemberState
      s.responding.linkedCoordinators = [...p.addresseeLinkedCoordinators]
      if (p.requestingCoordinator !== undefined) s.requesting.coordinatorId = p.requestingCoordinator
      s.requesting.linkedCoordinators = [...p.requestingLinkedCoordinators]
      lastActor(s, e, 'requesting')
      if (p.approval) s.requesting.coordinatorInvolved = true
      if (p.derogation !== undefined) {
        s.derogation = { confirmed: [], freeTexts: {}, ...s.derogation, kind: p.derogation.kind, commission: p.derogation.commission }
        // Without approval the notification reaches the Member State of establishment and the Commission now.
        if (e.to === 'awaiting-acceptance') s.derogation.notifiedAt = e.at
      }
      return
    }
    case 'request.approved':
      coordinatorActor(s, e, 'requesting')
      if (s.derogation?.kind !== undefined && s.derogation.notifiedAt === undefined) s.derogation.notifiedAt = e.at
      return
    case 'request.returned':
      coordinatorActor(s, e, 'requesting')
      s.returnedByCoordinator = e.payload.suggestions
      return
    case 'request.accepted': {
      const p = e.payload
      s.acceptedAt = e.at
      s.responding.accepted = true
      if (p.coordinator !== undefined) s.responding.coordinatorId = p.coordinator
      if (p.deadline !== undefined) {
        // The proposed deadline replaces the current one; the original stays in the history (REQ-DEADLINE-REPLACED).
        if (s.originalDeadline === undefined && s.deadline !== undefined) s.originalDeadline = s.deadline
        s.deadline = p.deadline
      }
      lastActor(s, e, 'responding')
      return
    }
    case 'request.refused':
      s.closureReason = 'refused'
      lastActor(s, e, 'responding')
      return
    case 'request.forwarded': {
      const p = e.payload
      if (s.responding.authorityId !== undefined) s.formerAddressees.push(s.responding.authorityId)
      s.responding = {
        ...emptySide,
        authorityId: p.to,
        memberState: p.toMemberState,
        linkedCoordinators: [...p.toLinkedCoordinators],
        accepted: false,
      } as Draft<RequestState['responding']>
      if (p.draftsDiscarded) {
        // The forwarder's draft replies and comments are lost (REQ-FORWARD-DRAFTS-LOST).
        s.draftAnswers = []
        s.messages = s.messages.filter((m) => m.side !== 'responding')
      }
      s.acceptedAt = undefined
      return
    }
    case 'request.split': {
      const moved = new Set(e.payload.questions)
      for (const q of s.questions) if (moved.has(q.questionId)) q.movedTo = e.payload.newExchangeId
      s.draftAnswers = s.draftAnswers.filter((a) => !moved.has(a.questionId))
      s.links.splitInto.push(e.payload.newExchangeId)
      lastActor(s, e, 'responding')
      return
    }
    case 'request.reply-saved':
      s.draftAnswers = e.payload.answers as Answer[]
      lastActor(s, e, 'responding')
      return
    case 'request.replied':
      s.answers = e.payload.answers as Answer[]
      s.draftAnswers = []
      if (s.additionalInfo !== undefined) s.additionalInfo.accepted = false
      if (e.payload.approval) s.responding.coordinatorInvolved = true
      lastActor(s, e, 'responding')
      return
    case 'request.reply-approved':
      coordinatorActor(s, e, 'responding')
      return
    case 'request.reply-returned':
      coordinatorActor(s, e, 'responding')
      s.draftAnswers = s.answers
      return
    case 'request.message-added':
      s.messages.push(e.payload.message as Draft<typeof e.payload.message>)
      lastActor(s, e, e.payload.message.side)
      return
    case 'request.attachment-added': {
      if (!isRedacted(e.payload.attachment)) s.attachments.push(e.payload.attachment as Draft<Attachment>)
      lastActor(s, e, e.payload.addedBy)
      return
    }
    case 'request.coordinator-changed':
      s[e.payload.side].coordinatorId = e.payload.coordinator
      s[e.payload.side].coordinatorAllocated = []
      s[e.payload.side].coordinatorInvolved = false
      return
    case 'request.closed':
      s.closureReason = e.payload.reason
      lastActor(s, e, 'requesting')
      return
    case 'request.additional-info-requested':
      s.additionalInfo = { round: 1, questions: [...e.payload.questions], justification: e.payload.justification, accepted: false }
      s.arbitration = undefined
      lastActor(s, e, 'requesting')
      return
    case 'request.additional-info-accepted':
      if (s.additionalInfo !== undefined) s.additionalInfo.accepted = true
      lastActor(s, e, 'responding')
      return
    case 'request.additional-info-rejected':
      if (s.additionalInfo !== undefined) s.additionalInfo.refusal = e.payload.justification
      lastActor(s, e, 'responding')
      return
    case 'request.refusal-accepted':
      s.closureReason = 'refusal-justification-accepted'
      lastActor(s, e, 'requesting')
      return
    case 'request.escalated':
      s.arbitration = { scenario: e.payload.scenario, relaunches: 0 }
      if (e.payload.scenario === 'S4' && s.additionalInfo !== undefined) s.additionalInfo.round = 2
      if (e.to === 'arbitration-requesting-coordinator') s.requesting.coordinatorInvolved = true
      if (e.to === 'arbitration-responding-coordinator') s.responding.coordinatorInvolved = true
      lastActor(s, e, 'requesting')
      return
    case 'request.arbitration-decided':
      coordinatorActor(s, e, e.payload.by === 'requesting-coordinator' ? 'requesting' : 'responding')
      if (e.to === 'closed') s.closureReason = 'closed-by-coordinator-arbitration'
      if (e.to === 'arbitration-responding-coordinator') s.responding.coordinatorInvolved = true
      return
    case 'request.reconsidered':
      if (s.additionalInfo !== undefined) s.additionalInfo.accepted = true
      lastActor(s, e, 'responding')
      return
    case 'request.position-maintained':
      if (e.to === 'closed') s.closureReason = 'closed-by-responding-authority'
      else if (s.arbitration !== undefined) s.arbitration.relaunches += 1
      lastActor(s, e, 'responding')
      return
    case 'request.personal-data-blocked':
      s.personalData = 'blocked'
      return
    case 'request.contrary-decision-recorded':
      if (s.derogation !== undefined)
        s.derogation.contraryDecision = {
          recordedAt: e.at,
          ...(e.payload.decidedOn === undefined ? {} : { decidedOn: e.payload.decidedOn }),
          ...(e.payload.reference === undefined ? {} : { reference: e.payload.reference }),
        }
      return
    case 'request.personal-data-erased': {
      // Erasure removes the values the schema marks as personal data: flagged case fields and attachments.
      const personal = new Set(s.personalFields)
      s.caseData = Object.fromEntries(Object.entries(s.caseData).filter(([k]) => !personal.has(k)))
      s.attachments = []
      for (const q of s.questions) delete q.attachmentId
      const early = earlyRemovalOf(e, s.personalData)
      if (early !== undefined) s.earlyRemoval = early as Draft<EarlyRemoval>
      s.personalData = 'erased'
      return
    }
  }
}

/**
 * Folds one event into the state of a request. `undefined` is the state before the first event.
 *
 * @category decider
 */
export const evolveRequest = (state: RequestState | undefined, e: RequestEvent): RequestState => {
  // A stream always starts with a creation event; any other first event is folded onto an empty
  // request rather than failing, so that evolve stays total.
  const base =
    state ??
    (e.type === 'request.created' || e.type === 'request.split-off'
      ? initial(e)
      : initial({ ...e, type: 'request.created', payload: { number: '', legislativeArea: '' as RequestState['legislativeArea'], requestingAuthority: '' as never, requestingMemberState: 'BE', personalFields: [] } }))
  return produce(base, (s) => {
    apply(s, e)
    s.status = e.to
    s.version += 1
    s.updatedAt = e.at
    if (e.to === 'closed' && e.from !== 'closed') s.closedAt = e.at
    s.history.push(historyEntry(e) as Draft<HistoryEntry>)
  })
}
