/**
 * The request decider: validates a command against the state, the machine and the directory, and
 * returns the events it causes, or a {@link DomainError} naming the rule that refuses it.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { Viewer } from '../../model/actor.js'
import { viewerOf } from '../../model/actor.js'
import type { Authority } from '../../model/authorities.js'
import { canUseRequestWorkflow, isRequestCoordinator, requestAccess } from '../../model/authorities.js'
import type { Context } from '../../model/context.js'
import type { Directory } from '../../model/directory.js'
import type { DomainError } from '../../model/errors.js'
import { domainError } from '../../model/errors.js'
import type { AttachmentId, AuthorityId, ExchangeId } from '../../model/ids.js'
import type { LegislativeArea, QuestionSet } from '../../model/legislative-areas.js'
import { findQuestion } from '../../model/legislative-areas.js'
import { hasRequestRole } from '../../model/users.js'
import type { Decision } from '../../procedure/procedure.js'
import type { RequestAction, RequestCommand, RequestCommandOf } from './commands.js'
import type { RequestEvent, RequestEventOf, RequestEventType } from './events.js'
import { REQUEST_PROCEDURE_VERSION } from './events.js'
import type { RequestPolicy } from './facts.js'
import { effectiveRequestingCoordinator, isSent, requestFacts } from './facts.js'
import type { RequestFacts } from './machine.js'
import { requestActionsIn, requestTarget } from './machine.js'
import type {
  Answer,
  Attachment,
  AttachmentInput,
  DerogationDraft,
  DerogationInput,
  RequestQuestion,
  RequestQuestionInput,
  RequestState,
  RequestStatus,
  SendProblem,
} from './model.js'
import { REQUEST_NUMBER_PREFIX, REQUEST_PROCEDURE_ID, personalFieldsOf } from './model.js'
import { canSeePersonalData } from './view.js'
import { contraryDecisionProblem, derogationSendProblems, measuresReplyProblem } from './derogation.js'
import { localDate } from '../../time/calendar.js'

export type { SendProblem } from './model.js'

type Result = E.Either<DomainError, Decision<RequestEvent>>

/** The rules that name who may perform each action and from which statuses. */
const ACTION_RULES: Partial<Record<RequestAction, { readonly status: string; readonly actor: string }>> = {
  'request.edit': { status: 'REQ-DRAFT-SAVE', actor: 'REQ-CREATE-HANDLER' },
  'request.delete-draft': { status: 'REQ-DRAFT-DELETE', actor: 'REQ-DRAFT-DELETE' },
  'request.send': { status: 'REQ-SEND-TARGET-STATUS', actor: 'REQ-CREATE-HANDLER' },
  'request.approve': { status: 'REQ-APPROVE-REQUEST', actor: 'REQ-APPROVAL-BY-REFEREE' },
  'request.return': { status: 'REQ-REJECT-REQUEST-APPROVAL', actor: 'REQ-APPROVAL-BY-REFEREE' },
  'request.accept': { status: 'REQ-ACCEPT-STATUS', actor: 'REQ-ACCEPT-HANDLER' },
  'request.refuse': { status: 'REQ-REFUSE-AWAITING', actor: 'REQ-REFUSE-PARAMETER' },
  'request.forward': { status: 'REQ-FORWARD-STATUSES', actor: 'REQ-FORWARD-WHO' },
  'request.split': { status: 'REQ-SPLIT-STATUSES', actor: 'REQ-SPLIT-WHO' },
  'request.save-reply': { status: 'REQ-REPLY-FROM-ACCEPTED', actor: 'REQ-REPLY-FROM-ACCEPTED' },
  'request.reply': { status: 'REQ-REPLY-FROM-ACCEPTED', actor: 'REQ-REPLY-FROM-ACCEPTED' },
  'request.approve-reply': { status: 'REQ-APPROVE-REPLY', actor: 'REQ-APPROVAL-BY-REFEREE' },
  'request.return-reply': { status: 'REQ-REJECT-REPLY-APPROVAL', actor: 'REQ-APPROVAL-BY-REFEREE' },
  'request.add-message': { status: 'REQ-MESSAGES-WINDOW', actor: 'REQ-MESSAGES-WINDOW' },
  'request.add-attachment': { status: 'REQ-MESSAGES-WINDOW', actor: 'REQ-EXTRA-ATTACHMENTS' },
  'request.change-coordinator': { status: 'REQ-COORD-CHANGE-GUARD', actor: 'REQ-COORD-CHANGE-GUARD' },
  'request.close': { status: 'REQ-CLOSE-ONLY-STATES', actor: 'REQ-CLOSE-ACCEPT-REPLY' },
  'request.request-additional-info': { status: 'REQ-ADDINFO-FROM-REPLIED', actor: 'REQ-ADDINFO-FROM-REPLIED' },
  'request.accept-additional-info': { status: 'REQ-ADDINFO-ACCEPT', actor: 'REQ-ADDINFO-ACCEPT' },
  'request.reject-additional-info': { status: 'REQ-ADDINFO-REJECT', actor: 'REQ-ADDINFO-REJECT' },
  'request.accept-refusal': { status: 'REQ-CLOSE-ONLY-STATES', actor: 'REQ-ADDINFO-ACCEPT-REFUSAL' },
  'request.insist': { status: 'REQ-ADDINFO-INSIST', actor: 'REQ-ADDINFO-INSIST' },
  'request.find-reply-satisfactory': { status: 'REQ-ARB-SATISFACTORY-CLOSE', actor: 'REQ-ARB-REFEREE-ACTS' },
  'request.find-reply-unsatisfactory': { status: 'REQ-ARB-SATISFACTORY-CLOSE', actor: 'REQ-ARB-REFEREE-ACTS' },
  'request.reconsider': { status: 'REQ-ARB-RETURN-RECONSIDER', actor: 'REQ-ARB-RETURN-RECONSIDER' },
  'request.maintain-position': { status: 'REQ-ARB-S4-NO-THIRD', actor: 'REQ-ARB-RETURN-RECONSIDER' },
  'request.allocate': { status: 'REQ-ALLOC-ANY-STAGE', actor: 'REQ-ALLOC-WHO' },
  'request.block-personal-data': { status: 'RET-REQ-PD-OPEN-KEPT', actor: 'RET-REQ-PD-OPEN-KEPT' },
  'request.erase-personal-data': { status: 'RET-REQ-PD-OPEN-KEPT', actor: 'RET-REQ-PD-OPEN-KEPT' },
  'request.remove-personal-data': { status: 'RET-REQ-PD-OPEN-KEPT', actor: 'RET-EARLY-REMOVAL' },
}

const fail = (code: string, message: string, ruleId?: string, details?: Record<string, unknown>): Result =>
  E.left(domainError(code, message, ruleId, details))

const only = (events: ReadonlyArray<RequestEvent>): Decision<RequestEvent> => ({ events, spawned: [], erase: false })

/** True when the machine knows the action in the status at all, whoever asks. */
const knownIn = (status: RequestStatus, type: RequestAction): boolean => requestActionsIn(status).includes(type)

/** Explains why the machine refused an action the status knows, naming the most precise rule. */
const explainRefusal = (state: RequestState, type: RequestAction, facts: RequestFacts, viewer: Viewer): DomainError => {
  const rules = ACTION_RULES[type]
  if (type === 'request.remove-personal-data' && state.personalData === 'erased')
    return domainError('request.already-erased', 'The personal data of this request is already erased', 'RET-EARLY-REMOVAL')
  if (viewer.kind === 'user') {
    const { user, authority } = viewer
    const la = state.legislativeArea
    const handler = hasRequestRole(user, la, 'request-handler') && canUseRequestWorkflow(authority, la)
    const onRequesting = authority.id === state.requesting.authorityId
    const onResponding = isSent(state) && authority.id === state.responding.authorityId
    // Allocating needs allocator rights, whatever else the user may do on the request (REQ-ALLOC-WHO).
    if (type === 'request.allocate' && !hasRequestRole(user, la, 'allocator'))
      return domainError('request.not-allowed', 'Only users with allocator rights may allocate requests', 'REQ-ALLOC-WHO')
    // An outgoing request never re-allocated stays with its creator for its whole life (REQ-OUT-CREATOR-SOLE).
    const creatorSole = state.requesting.allocated.length === 1 && state.requesting.allocated[0] === state.createdBy
    if (handler && onRequesting && !facts.requestingHandler)
      return domainError('request.not-allocated', 'Only the handlers allocated to this request may act on it', creatorSole ? 'REQ-OUT-CREATOR-SOLE' : 'REQ-ALLOC-ONLY-ALLOCATED')
    if (handler && onResponding && !facts.respondingHandler)
      return domainError('request.not-allocated', 'Only the handlers allocated to this request may act on it', 'REQ-ALLOC-ONLY-ALLOCATED')
    const referee = hasRequestRole(user, la, 'referee')
    const ofRc = authority.id === state.requesting.coordinatorId
    const ofRespc = authority.id === state.responding.coordinatorId
    if (referee && ((ofRc && !facts.rcReferee) || (ofRespc && !facts.respcReferee)))
      // Approval names its own allocation rule; arbitration steps keep theirs.
      return domainError(
        'request.not-allocated',
        "Only the coordinator's allocated referees may act on this request",
        rules?.actor === 'REQ-APPROVAL-BY-REFEREE' ? 'REQ-APPROVAL-BY-REFEREE' : 'REQ-ARB-REFEREE-ACTS',
      )
    if (type === 'request.accept' && facts.respondingHandler && !facts.mayAccept)
      return domainError('request.may-not-accept', 'This authority is not allowed to accept requests', 'REQ-ACCEPT-MAY-ACCEPT')
    if (type === 'request.refuse' && facts.respondingHandler && !facts.mayRefuse)
      return domainError('request.may-not-refuse', "This authority's coordinator has not allowed it to refuse requests", 'REQ-REFUSE-PARAMETER')
    if (type === 'request.insist' && facts.requestingHandler && facts.round === 2)
      return domainError('request.no-third-round', 'There is no third round of additional information', 'REQ-ARB-S4-NO-THIRD')
    if (type === 'request.reject-additional-info' && facts.respondingHandler && facts.round === 2)
      return domainError('request.round-two', 'In the second round the responding authority provides the information or maintains its position', 'REQ-ARB-S4-MAINTAIN-CLOSE')
    if (type === 'request.maintain-position' && facts.respondingHandler && facts.round === 1)
      return domainError('request.round-one', 'Reject the request for additional information instead', 'REQ-ADDINFO-REJECT')
    if (type === 'request.allocate' && hasRequestRole(user, la, 'allocator') && onRequesting && state.status !== 'draft')
      return domainError('request.allocation-closed', 'An outgoing request can be re-allocated only while it is a draft', 'REQ-OUT-REALLOCATE-DRAFT')
    if (type === 'request.change-coordinator' && (facts.requestingHandler || facts.respondingHandler))
      return domainError('request.coordinator-holds', "The selected coordinator cannot change while that side's coordinator holds the request", 'REQ-COORD-CHANGE-GUARD')
    // Blocked data is out of every user's reach; only the platform operator may still remove it (RET-BLOCKED-NO-USER-ACCESS).
    if (type === 'request.remove-personal-data' && state.personalData === 'blocked' && (facts.requestingHandler || facts.respondingHandler))
      return domainError('request.personal-data-blocked', 'The personal data is blocked: only the platform operator may remove it now', 'RET-BLOCKED-NO-USER-ACCESS')
    if (type === 'request.remove-personal-data' && facts.respondingHandler && !state.responding.accepted)
      return domainError('request.no-personal-data-access', 'The responding authority never had the personal data of a request it did not accept', 'RET-EARLY-REMOVAL')
    if (hasRequestRole(user, la, 'request-viewer') && !handler && (onRequesting || onResponding))
      return domainError('request.read-only', 'A request viewer may consult requests but not act on them', 'ACT-REQ-VIEWER-READ-ONLY')
  }
  return domainError('request.not-allowed', `You may not perform ${type} on this request`, rules?.actor, { status: state.status })
}

const event = <T extends RequestEventType>(
  type: T,
  state: RequestState | undefined,
  exchangeId: ExchangeId,
  to: RequestStatus,
  payload: RequestEventOf<T>['payload'],
  ctx: Context,
): RequestEventOf<T> =>
  ({
    type,
    exchangeId,
    procedure: REQUEST_PROCEDURE_ID,
    procedureVersion: REQUEST_PROCEDURE_VERSION,
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    ...(state === undefined ? {} : { from: state.status }),
    to,
    payload,
  }) as RequestEventOf<T>

// ---------------------------------------------------------------------------------------------
// draft content

interface DraftPatch {
  readonly questionSetId?: QuestionSet['id']
  readonly addressee?: AuthorityId
  readonly requestingCoordinator?: AuthorityId
  readonly caseData?: Readonly<Record<string, string>>
  readonly questions?: ReadonlyArray<RequestQuestionInput>
  readonly justification?: RequestState['justification']
  readonly deadline?: string
  readonly attachments?: ReadonlyArray<AttachmentInput>
  readonly derogation?: DerogationInput
}

type DraftPayload = RequestEventOf<'request.draft-edited'>['payload']

/** Separates the case fields flagged as personal data from the others, as events store them. */
const splitCaseData = (caseData: Readonly<Record<string, string>>, personalFields: ReadonlyArray<string>) => {
  const personal = new Set(personalFields)
  return {
    caseData: Object.fromEntries(Object.entries(caseData).filter(([k]) => !personal.has(k))),
    personalCaseData: Object.fromEntries(Object.entries(caseData).filter(([k]) => personal.has(k))),
  }
}

/**
 * The derogation content of a draft edit: checked against the checklist and free-text fields of the
 * question set the draft uses after the edit (DEROG-CHECKLIST-CONFIG). Choosing a question set of
 * another kind clears content that no longer applies.
 */
const derogationPatch = (
  patch: DraftPatch,
  current: RequestState | undefined,
  ctx: Context,
): E.Either<DomainError, { readonly derogation?: DerogationDraft | null }> => {
  const setId = patch.questionSetId ?? current?.questionSetId
  const config = setId === undefined ? undefined : ctx.directory.questionSet(setId)?.derogation
  const given = patch.derogation
  if (given === undefined) {
    const before = current?.questionSetId === undefined ? undefined : ctx.directory.questionSet(current.questionSetId)?.derogation
    return current?.derogation !== undefined && patch.questionSetId !== undefined && before?.kind !== config?.kind ? E.right({ derogation: null }) : E.right({})
  }
  if (given === null) return E.right(current?.derogation === undefined ? {} : { derogation: null })
  if (config === undefined)
    return E.left(domainError('request.derogation-not-applicable', 'Only a request using a derogation question set carries derogation content', 'DEROG-CHECKLIST-CONFIG'))
  const unknownItems = (given.confirmed ?? []).filter((id) => !config.checklist.some((i) => i.id === id))
  if (unknownItems.length > 0)
    return E.left(domainError('request.checklist-item-unknown', 'The checklist of this question set has no such step', 'DEROG-CHECKLIST-CONFIG', { items: unknownItems }))
  const unknownFields = Object.keys(given.freeTexts ?? {}).filter((id) => !config.freeTexts.some((f) => f.id === id))
  if (unknownFields.length > 0)
    return E.left(domainError('request.derogation-field-unknown', 'This question set has no such free-text field', 'DEROG-CHECKLIST-CONFIG', { fields: unknownFields }))
  if (config.kind === 'request' && (given.procedure !== undefined || given.relatedRequestNumber !== undefined))
    return E.left(
      domainError('request.derogation-field-not-applicable', 'The procedure and the earlier request number belong to a notification of individual measures', 'DEROG-STEP3-QSET'),
    )
  return E.right({
    derogation: {
      confirmed: [...new Set(given.confirmed ?? [])],
      freeTexts: given.freeTexts ?? {},
      ...(given.procedure === undefined ? {} : { procedure: given.procedure }),
      ...(given.relatedRequestNumber === undefined ? {} : { relatedRequestNumber: given.relatedRequestNumber }),
    },
  })
}

/** Validates the parts of a draft that can be checked at any time, and resolves new attachments. */
const draftPayload = (
  patch: DraftPatch,
  la: LegislativeArea,
  existing: ReadonlyArray<Attachment>,
  requester: Authority,
  ctx: Context,
  current?: RequestState,
): E.Either<DomainError, DraftPayload> => {
  const questionSetId = patch.questionSetId
  if (questionSetId !== undefined && !la.request.questionSets.includes(questionSetId))
    return E.left(domainError('request.question-set-unknown', `The question set ${questionSetId} does not apply to this area`, 'REQ-SEND-ONE-QUESTION-SET'))
  const derogation = derogationPatch(patch, current, ctx)
  if (E.isLeft(derogation)) return E.left(derogation.left)
  if (patch.caseData !== undefined) {
    const unknown = Object.keys(patch.caseData).filter((k) => !la.request.caseFields.some((f) => f.id === k))
    if (unknown.length > 0)
      return E.left(domainError('request.case-field-unknown', 'Case information names fields the area does not define', 'REQ-PD-FIELDS-FLAGGED', { fields: unknown }))
  }
  if (patch.requestingCoordinator !== undefined) {
    const linked = requestAccess(requester, la.id)?.linkedCoordinators ?? []
    if (!linked.includes(patch.requestingCoordinator))
      return E.left(domainError('request.coordinator-not-linked', 'The coordinator is not linked to the requesting authority for this area', 'REQ-SEND-SELECT-COORDINATOR'))
  }
  const added: Attachment[] = (patch.attachments ?? []).map((a) => ({
    ...a,
    id: ctx.ids.itemId() as AttachmentId,
    addedBy: 'requesting',
    addedAt: ctx.now.toISOString(),
  }))
  const all = [...existing, ...added]
  let questions: RequestQuestion[] | undefined
  if (patch.questions !== undefined) {
    const seen = new Set<string>()
    questions = []
    for (const q of patch.questions) {
      if (seen.has(q.questionId))
        return E.left(domainError('request.question-duplicated', `The question ${q.questionId} is selected twice`, 'REQ-SEND-ONE-QUESTION-SET'))
      seen.add(q.questionId)
      // A question may point at an attachment added in the same command as `new:N`.
      let attachmentId = q.attachmentId
      const m = attachmentId === undefined ? null : /^new:(\d+)$/.exec(attachmentId)
      if (m !== null) attachmentId = added[Number(m[1])]?.id
      if (q.attachmentId !== undefined && (attachmentId === undefined || !all.some((a) => a.id === attachmentId)))
        return E.left(domainError('request.attachment-unknown', `The question ${q.questionId} refers to an unknown attachment`, 'REQ-SEND-ONE-QUESTION-SET'))
      questions.push({
        questionId: q.questionId,
        parameters: q.parameters ?? {},
        ...(q.comment === undefined ? {} : { comment: q.comment }),
        ...(attachmentId === undefined ? {} : { attachmentId }),
      })
    }
  }
  const addressee = patch.addressee === undefined ? undefined : ctx.directory.authority(patch.addressee)
  return E.right({
    ...(questionSetId === undefined ? {} : { questionSetId }),
    ...(patch.addressee === undefined ? {} : { addressee: patch.addressee }),
    ...(addressee === undefined ? {} : { addresseeMemberState: addressee.memberState }),
    ...(patch.requestingCoordinator === undefined ? {} : { requestingCoordinator: patch.requestingCoordinator }),
    ...(patch.caseData === undefined ? {} : splitCaseData(patch.caseData, personalFieldsOf(la))),
    ...(questions === undefined ? {} : { questions }),
    ...(patch.justification === undefined ? {} : { justification: patch.justification }),
    ...(patch.deadline === undefined ? {} : { deadline: patch.deadline }),
    ...(added.length === 0 ? {} : { attachments: added }),
    ...derogation.right,
  })
}

// Deadlines are calendar dates of the reference time zone (RET-SYSTEM-TIMEZONE): "today" is the Brussels date.
const today = (ctx: Context): string => localDate(ctx.now.toISOString())

/**
 * Checks a draft's fitness to be sent, target included (REQ-SEND-*, REQ-TARGET-ELIGIBLE), and lists
 * every problem so that a form can highlight all missing fields at once.
 *
 * @category queries
 */
export const sendProblems = (state: RequestState, ctx: Context): ReadonlyArray<SendProblem> => {
  const problems: SendProblem[] = []
  const la = ctx.directory.legislativeArea(state.legislativeArea)
  const set = state.questionSetId === undefined ? undefined : ctx.directory.questionSet(state.questionSetId)
  if (la === undefined) return [{ code: 'request.area-unknown', ruleId: 'REQ-CREATE-SELECT-LA', message: 'The legislative area is unknown' }]
  if (set === undefined)
    problems.push({ code: 'request.question-set-missing', ruleId: 'REQ-SEND-ONE-QUESTION-SET', message: 'Choose one question set', field: 'questionSetId' })
  if (state.questions.length === 0)
    problems.push({ code: 'request.no-question', ruleId: 'REQ-SEND-MIN-ONE-QUESTION', message: 'Select at least one question', field: 'questions' })
  if (set !== undefined)
    for (const q of state.questions) {
      const def = findQuestion(set, q.questionId)
      if (def === undefined) {
        problems.push({ code: 'request.question-unknown', ruleId: 'REQ-SEND-ONE-QUESTION-SET', message: `The question ${q.questionId} is not in the chosen set`, field: 'questions' })
        continue
      }
      for (const p of def.parameters)
        if (p.mandatory && (q.parameters[p.id] ?? '').trim() === '')
          problems.push({ code: 'request.placeholder-empty', ruleId: 'I18N-QUESTION-PLACEHOLDERS', message: `Fill in "${p.label.en}" in question ${q.questionId}`, field: 'questions' })
    }
  const texts = [
    ...state.questions.flatMap((q) => (q.comment === undefined ? [] : [q.comment])),
    ...(state.justification === undefined ? [] : [state.justification]),
    ...(set?.derogation === undefined ? [] : Object.values(state.derogation?.freeTexts ?? {})),
  ]
  if (texts.some((t) => t.language === undefined))
    problems.push({ code: 'request.free-text-language', ruleId: 'REQ-SEND-FREE-TEXT-LANGUAGE', message: 'Every free text must declare its language', field: 'questions' })
  for (const f of la.request.caseFields)
    if (f.requiredToSend && (state.caseData[f.id] ?? '').trim() === '')
      problems.push({ code: 'request.case-field-missing', ruleId: 'REQ-SEND-CASE-FIELDS', message: `Fill in "${f.label.en}"`, field: `caseData.${f.id}` })
  if (la.request.requiresJustification && state.justification === undefined)
    problems.push({ code: 'request.justification-missing', ruleId: 'REQ-SEND-JUSTIFICATION-DEADLINE', message: 'This area requires a justification', field: 'justification' })
  if (la.request.requiresDeadline && state.deadline === undefined)
    problems.push({ code: 'request.deadline-missing', ruleId: 'REQ-SEND-JUSTIFICATION-DEADLINE', message: 'This area requires an indicative deadline', field: 'deadline' })
  if (state.deadline !== undefined && state.deadline < today(ctx))
    problems.push({ code: 'request.deadline-past', ruleId: 'REQ-SEND-JUSTIFICATION-DEADLINE', message: 'The deadline lies in the past', field: 'deadline' })
  const requester = state.requesting.authorityId === undefined ? undefined : ctx.directory.authority(state.requesting.authorityId)
  const linked = requester === undefined ? [] : (requestAccess(requester, state.legislativeArea)?.linkedCoordinators ?? [])
  if (linked.length > 1 && state.requesting.coordinatorId === undefined)
    problems.push({ code: 'request.coordinator-missing', ruleId: 'REQ-SEND-SELECT-COORDINATOR', message: 'Select the request coordinator of this request', field: 'requestingCoordinator' })
  if (state.requesting.coordinatorId !== undefined && !linked.includes(state.requesting.coordinatorId))
    problems.push({ code: 'request.coordinator-not-linked', ruleId: 'REQ-SEND-SELECT-COORDINATOR', message: 'The selected coordinator is no longer linked', field: 'requestingCoordinator' })
  const addressee = state.responding.authorityId === undefined ? undefined : ctx.directory.authority(state.responding.authorityId)
  if (addressee === undefined)
    problems.push({ code: 'request.addressee-missing', ruleId: 'REQ-TARGET-ELIGIBLE', message: 'Choose the authority to ask', field: 'addressee' })
  else if (addressee.memberState === requester?.memberState)
    problems.push({ code: 'request.addressee-same-state', ruleId: 'REQ-BILATERAL-OTHER-MS', message: 'The addressee must be in another member state', field: 'addressee' })
  else if (!canUseRequestWorkflow(addressee, state.legislativeArea) || !(requestAccess(addressee, state.legislativeArea)?.parameters.mayAcceptRequests ?? false))
    problems.push({ code: 'request.addressee-ineligible', ruleId: 'REQ-TARGET-ELIGIBLE', message: 'The addressee cannot receive requests in this area', field: 'addressee' })
  // A derogation is a Services request with more to fill in (spec §8).
  if (set?.derogation !== undefined) problems.push(...derogationSendProblems(state, set.derogation))
  return problems
}

/**
 * Checks a forward or split target (REQ-REDIRECT-TARGET-GUARD, REQ-REDIRECT-TARGET).
 */
const redirectTarget = (state: RequestState, to: AuthorityId, viewer: Viewer, directory: Directory): E.Either<DomainError, Authority> => {
  const target = directory.authority(to)
  const from = viewer.kind === 'user' ? viewer.authority : undefined
  const la = state.legislativeArea
  if (target === undefined || from === undefined)
    return E.left(domainError('request.target-unknown', 'The target authority is unknown', 'REQ-REDIRECT-TARGET-GUARD'))
  if (target.id === from.id)
    return E.left(domainError('request.target-self', 'A request cannot be passed to the authority that holds it', 'REQ-REDIRECT-TARGET-GUARD'))
  if (target.memberState !== from.memberState)
    return E.left(domainError('request.target-other-state', "The target must be in the forwarding authority's own member state", 'REQ-REDIRECT-TARGET'))
  if (!canUseRequestWorkflow(target, la))
    return E.left(domainError('request.target-inactive', 'The target has no active access to this request workflow', 'REQ-REDIRECT-TARGET-GUARD'))
  if (!isRequestCoordinator(target, la) && !(requestAccess(target, la)?.parameters.mayAcceptRequests ?? false))
    return E.left(domainError('request.target-may-not-accept', 'The target is not allowed to accept requests', 'REQ-REDIRECT-TARGET-GUARD'))
  return E.right(target)
}

const activeQuestions = (state: RequestState): ReadonlyArray<RequestQuestion> => state.questions.filter((q) => q.movedTo === undefined)

/** Checks answers against the active questions and the set's predefined answers (REQ-REPLY-ANSWER-FORM). */
const checkAnswers = (state: RequestState, answers: ReadonlyArray<Answer>, directory: Directory): E.Either<DomainError, ReadonlyArray<Answer>> => {
  const set = state.questionSetId === undefined ? undefined : directory.questionSet(state.questionSetId)
  const active = new Set(activeQuestions(state).map((q) => q.questionId))
  for (const a of answers) {
    if (!active.has(a.questionId))
      return E.left(domainError('request.answer-unknown-question', `There is no question ${a.questionId} to answer here`, 'REQ-REPLY-ALL-ANSWERED'))
    if (a.answerId === undefined && a.comment === undefined)
      return E.left(domainError('request.answer-empty', 'An answer is a predefined answer and/or a free-text comment', 'REQ-REPLY-ANSWER-FORM'))
    const def = set === undefined ? undefined : findQuestion(set, a.questionId)
    if (a.answerId !== undefined && def !== undefined && !def.answers.some((x) => x.id === a.answerId))
      return E.left(domainError('request.answer-unknown', `${a.answerId} is not a predefined answer of ${a.questionId}`, 'REQ-REPLY-ANSWER-FORM'))
  }
  return E.right(answers)
}

const mergeAnswers = (...lists: ReadonlyArray<ReadonlyArray<Answer>>): ReadonlyArray<Answer> => {
  const byQuestion = new Map<string, Answer>()
  for (const list of lists) for (const a of list) byQuestion.set(a.questionId, a)
  return [...byQuestion.values()]
}

// ---------------------------------------------------------------------------------------------
// commands

const create = (cmd: RequestCommandOf<'request.create'>, ctx: Context): Result => {
  const viewer = viewerOf(ctx.directory, ctx.actor)
  if (viewer?.kind !== 'user') return fail('request.actor-unknown', 'Only a registered user may create a request', 'REQ-CREATE-HANDLER')
  const la = ctx.directory.legislativeArea(cmd.legislativeArea)
  if (la === undefined || requestAccess(viewer.authority, cmd.legislativeArea) === undefined)
    return fail('request.area-not-accessible', 'Select a legislative area in which your authority uses requests', 'REQ-CREATE-SELECT-LA')
  if (!canUseRequestWorkflow(viewer.authority, la.id) || !hasRequestRole(viewer.user, la.id, 'request-handler'))
    return fail('request.not-allowed', 'Only a request handler of an authority with active access may create a request', 'REQ-CREATE-HANDLER')
  const exchangeId = ctx.ids.exchangeId()
  return pipe(
    draftPayload(cmd, la, [], viewer.authority, ctx),
    E.map((draft) =>
      only([
        event('request.created', undefined, exchangeId, 'draft', {
          ...draft,
          number: ctx.ids.exchangeNumber(REQUEST_NUMBER_PREFIX),
          legislativeArea: la.id,
          requestingAuthority: viewer.authority.id,
          requestingMemberState: viewer.authority.memberState,
          personalFields: personalFieldsOf(la),
        }, ctx),
      ]),
    ),
  )
}

type Handler = (state: RequestState, to: RequestStatus, facts: RequestFacts, viewer: Viewer, ctx: Context, policy: RequestPolicy) => Result

/** The rule an invalid allocatee breaks: referees for coordinator steps, handlers of a coordinator taking part itself, handlers otherwise. */
const allocateeRule = (role: 'referee' | 'request-handler', authorityId: AuthorityId | undefined, state: RequestState, directory: Directory): string => {
  if (role === 'referee') return 'REQ-ALLOC-COORD-REFEREES'
  const a = authorityId === undefined ? undefined : directory.authority(authorityId)
  return a !== undefined && isRequestCoordinator(a, state.legislativeArea) ? 'REQ-ALLOC-COORD-OWN' : 'REQ-ALLOC-SEVERAL'
}

const handlers: { [K in Exclude<RequestAction, 'request.create'>]: (cmd: RequestCommandOf<K>) => Handler } = {
  'request.edit': (cmd) => (state, to, _f, viewer, ctx) => {
    const la = ctx.directory.legislativeArea(state.legislativeArea)
    if (la === undefined || viewer.kind !== 'user') return fail('request.area-unknown', 'The legislative area is unknown', 'REQ-CREATE-SELECT-LA')
    return pipe(
      draftPayload(cmd, la, state.attachments, viewer.authority, ctx, state),
      E.map((draft) => only([event('request.draft-edited', state, state.exchangeId, to, draft, ctx)])),
    )
  },
  'request.delete-draft': () => () => E.right({ events: [], spawned: [], erase: true }),
  'request.allocate': (cmd) => (state, to, facts, _v, ctx) => {
    if (!facts.allocatableSides.includes(cmd.side))
      return fail('request.allocation-side', 'You may not allocate this side of the request now', cmd.side === 'requesting' && state.status !== 'draft' ? 'REQ-OUT-REALLOCATE-DRAFT' : 'REQ-ALLOC-WHO')
    const authorityId =
      cmd.side === 'requesting' ? state.requesting.authorityId
      : cmd.side === 'responding' ? state.responding.authorityId
      : cmd.side === 'requesting-coordinator' ? state.requesting.coordinatorId
      : state.responding.coordinatorId
    const role = cmd.side.endsWith('coordinator') ? 'referee' : 'request-handler'
    for (const id of cmd.users) {
      const u = ctx.directory.user(id)
      if (u === undefined || u.authorityId !== authorityId || !hasRequestRole(u, state.legislativeArea, role))
        return fail('request.allocatee-invalid', `Every allocated user must be a ${role} of the authority concerned`, allocateeRule(role, authorityId, state, ctx.directory), { userId: id })
    }
    return E.right(only([event('request.allocated', state, state.exchangeId, to, { side: cmd.side, users: [...new Set(cmd.users)] }, ctx)]))
  },
  'request.send': () => (state, to, facts, _v, ctx, policy) => {
    const problems = sendProblems(state, ctx)
    const first = problems[0]
    if (first !== undefined) return fail('request.not-ready', first.message, first.ruleId, { problems })
    const addressee = ctx.directory.authority(state.responding.authorityId as AuthorityId) as Authority
    const requester = ctx.directory.authority(state.requesting.authorityId as AuthorityId)
    const derogation = state.questionSetId === undefined ? undefined : ctx.directory.questionSet(state.questionSetId)?.derogation
    // A notification of measures goes to the Commission too, unless the operator's policy says otherwise (DEROG-STEP3-RECIPIENTS, DEROG-COMMISSION-NO-PD).
    const commission = derogation?.kind === 'measures-notification' && (policy.commissionReceivesMeasureNotifications ?? true)
    return E.right(
      only([
        event('request.sent', state, state.exchangeId, to, {
          approval: facts.requestApproval,
          addressee: addressee.id,
          addresseeMemberState: addressee.memberState,
          addresseeLinkedCoordinators: requestAccess(addressee, state.legislativeArea)?.linkedCoordinators ?? [],
          requestingCoordinator: effectiveRequestingCoordinator(state, ctx.directory),
          requestingLinkedCoordinators: requester === undefined ? [] : (requestAccess(requester, state.legislativeArea)?.linkedCoordinators ?? []),
          ...(derogation === undefined ? {} : { derogation: { kind: derogation.kind, commission } }),
        }, ctx),
      ]),
    )
  },
  'request.approve': () => (state, to, _f, _v, ctx) => E.right(only([event('request.approved', state, state.exchangeId, to, {}, ctx)])),
  'request.return': (cmd) => (state, to, _f, _v, ctx) =>
    E.right(only([event('request.returned', state, state.exchangeId, to, { suggestions: cmd.suggestions }, ctx)])),
  'request.accept': (cmd) => (state, to, _f, viewer, ctx) => {
    const me = viewer.kind === 'user' ? viewer.authority : undefined
    const linked = me === undefined ? [] : (requestAccess(me, state.legislativeArea)?.linkedCoordinators ?? [])
    if (cmd.coordinator !== undefined && !linked.includes(cmd.coordinator))
      return fail('request.coordinator-not-linked', 'The coordinator is not linked to your authority for this area', 'REQ-ACCEPT-SELECT-COORDINATOR')
    if (cmd.coordinator === undefined && linked.length > 1)
      return fail('request.coordinator-missing', 'Select the competent request coordinator before accepting', 'REQ-ACCEPT-SELECT-COORDINATOR')
    if (cmd.deadline !== undefined && cmd.deadline < today(ctx))
      return fail('request.deadline-past', 'The proposed deadline lies in the past', 'REQ-ACCEPT-ALT-DEADLINE')
    return E.right(
      only([
        event('request.accepted', state, state.exchangeId, to, {
          coordinator: cmd.coordinator ?? (linked.length === 1 ? linked[0] : undefined),
          deadline: cmd.deadline,
          previousDeadline: cmd.deadline === undefined ? undefined : state.deadline,
        }, ctx),
      ]),
    )
  },
  'request.refuse': (cmd) => (state, to, _f, _v, ctx) => {
    if (!cmd.noOtherCompetentAuthority)
      return fail('request.other-competent', 'Refuse only when no other authority of your member state is competent; otherwise forward', 'REQ-REFUSE-NO-COMPETENT')
    return E.right(only([event('request.refused', state, state.exchangeId, to, { justification: cmd.justification }, ctx)]))
  },
  'request.forward': (cmd) => (state, to, _f, viewer, ctx) =>
    pipe(
      redirectTarget(state, cmd.to, viewer, ctx.directory),
      E.map((target) =>
        only([
          event('request.forwarded', state, state.exchangeId, to, {
            to: target.id,
            toMemberState: target.memberState,
            toLinkedCoordinators: requestAccess(target, state.legislativeArea)?.linkedCoordinators ?? [],
            justification: cmd.justification,
            draftsDiscarded: state.status === 'accepted',
          }, ctx),
        ]),
      ),
    ),
  'request.split': (cmd) => (state, to, _f, viewer, ctx) =>
    pipe(
      redirectTarget(state, cmd.to, viewer, ctx.directory),
      E.chain((target) => {
        const active = activeQuestions(state)
        const moving = new Set(cmd.questions)
        if ([...moving].some((q) => !active.some((a) => a.questionId === q)))
          return fail('request.split-unknown-question', 'Only questions still assigned to you can be split off', 'REQ-SPLIT-REMAINING')
        if (active.every((q) => moving.has(q.questionId)))
          return fail('request.split-keeps-none', 'A split must leave at least one question; forward the request instead', 'REQ-SPLIT-KEEP-ONE')
        if (cmd.attachments.some((id) => !state.attachments.some((a) => a.id === id)))
          return fail('request.split-unknown-attachment', 'Only attachments of this request can be sent with a split', 'REQ-SPLIT-ATTACHMENT-COPIES')
        const newExchangeId = ctx.ids.exchangeId()
        const moved = active.filter((q) => moving.has(q.questionId)).map(({ movedTo: _m, ...q }) => q)
        const spawned = event('request.split-off', undefined, newExchangeId, 'awaiting-acceptance', {
          number: ctx.ids.exchangeNumber(REQUEST_NUMBER_PREFIX),
          legislativeArea: state.legislativeArea,
          questionSetId: state.questionSetId as QuestionSet['id'],
          splitFrom: state.exchangeId,
          requesting: {
            authorityId: state.requesting.authorityId as AuthorityId,
            memberState: state.requesting.memberState as Authority['memberState'],
            coordinatorId: state.requesting.coordinatorId,
            linkedCoordinators: state.requesting.linkedCoordinators,
            lastActor: state.requesting.lastActor,
            allocated: state.requesting.allocated,
          },
          addressee: target.id,
          addresseeMemberState: target.memberState,
          addresseeLinkedCoordinators: requestAccess(target, state.legislativeArea)?.linkedCoordinators ?? [],
          questions: moved,
          ...splitCaseData(state.caseData, state.personalFields),
          personalFields: state.personalFields,
          attachments: state.attachments.filter((a) => cmd.attachments.includes(a.id)),
          justification: state.justification,
          deadline: state.deadline,
          sentAt: state.sentAt ?? ctx.now.toISOString(),
          splitJustification: cmd.justification,
          ...(state.derogation === undefined ? {} : { derogation: state.derogation }),
        }, ctx)
        return E.right({
          events: [
            event('request.split', state, state.exchangeId, to, {
              to: target.id,
              newExchangeId,
              questions: moved.map((q) => q.questionId),
              attachments: cmd.attachments,
              justification: cmd.justification,
            }, ctx),
          ],
          spawned: [{ exchangeId: newExchangeId, events: [spawned] }],
          erase: false,
        })
      }),
    ),
  'request.save-reply': (cmd) => (state, to, _f, _v, ctx) =>
    pipe(
      checkAnswers(state, cmd.answers, ctx.directory),
      E.map((answers) => only([event('request.reply-saved', state, state.exchangeId, to, { answers: mergeAnswers(state.draftAnswers, answers) }, ctx)])),
    ),
  'request.reply': (cmd) => (state, to, facts, _v, ctx) =>
    pipe(
      checkAnswers(state, cmd.answers ?? [], ctx.directory),
      E.chain((given) => {
        const answers = mergeAnswers(state.answers, state.draftAnswers, given)
        const missing = activeQuestions(state).filter((q) => !answers.some((a) => a.questionId === q.questionId))
        if (missing.length > 0)
          return fail('request.reply-incomplete', 'Answer every question assigned to your authority before replying', 'REQ-REPLY-ALL-ANSWERED', {
            questions: missing.map((q) => q.questionId),
          })
        // Step 2 of a derogation: the reply states the measures, and justifies having none (DEROG-STEP2-JUSTIFY).
        const derogation = state.questionSetId === undefined ? undefined : ctx.directory.questionSet(state.questionSetId)?.derogation
        const measures = derogation === undefined ? undefined : measuresReplyProblem(derogation, answers)
        if (measures !== undefined) return E.left(measures)
        return E.right(only([event('request.replied', state, state.exchangeId, to, { answers, approval: facts.replyApproval }, ctx)]))
      }),
    ),
  'request.approve-reply': () => (state, to, _f, _v, ctx) => E.right(only([event('request.reply-approved', state, state.exchangeId, to, {}, ctx)])),
  'request.return-reply': (cmd) => (state, to, _f, _v, ctx) =>
    E.right(only([event('request.reply-returned', state, state.exchangeId, to, { suggestions: cmd.suggestions }, ctx)])),
  'request.add-message': (cmd) => (state, to, facts, _v, ctx) => {
    if (ctx.actor.kind !== 'user') return fail('request.not-allowed', 'Only users write messages', 'REQ-MESSAGES-BOTH-SIDES')
    const side = facts.requestingHandler ? 'requesting' : 'responding'
    return E.right(
      only([
        event('request.message-added', state, state.exchangeId, to, {
          message: { id: ctx.ids.itemId(), side, author: ctx.actor.userId, at: ctx.now.toISOString(), text: cmd.text },
        }, ctx),
      ]),
    )
  },
  'request.add-attachment': (cmd) => (state, to, facts, _v, ctx) =>
    E.right(
      only([
        event('request.attachment-added', state, state.exchangeId, to, {
          attachment: {
            ...cmd.attachment,
            id: ctx.ids.itemId() as AttachmentId,
            addedBy: facts.requestingHandler ? 'requesting' : 'responding',
            addedAt: ctx.now.toISOString(),
          },
          addedBy: facts.requestingHandler ? 'requesting' : 'responding',
        }, ctx),
      ]),
    ),
  'request.change-coordinator': (cmd) => (state, to, facts, _v, ctx) => {
    if (!facts.coordinatorSides.includes(cmd.side))
      return fail('request.coordinator-holds', "The selected coordinator cannot change now on this side", 'REQ-COORD-CHANGE-GUARD')
    const authorityId = cmd.side === 'requesting' ? state.requesting.authorityId : state.responding.authorityId
    const a = authorityId === undefined ? undefined : ctx.directory.authority(authorityId)
    const linked = a === undefined ? [] : (requestAccess(a, state.legislativeArea)?.linkedCoordinators ?? [])
    if (!linked.includes(cmd.coordinator))
      return fail('request.coordinator-not-linked', 'The new coordinator must be linked to the authority for this area', 'REQ-COORD-CHANGE-GUARD')
    return E.right(only([event('request.coordinator-changed', state, state.exchangeId, to, { side: cmd.side, coordinator: cmd.coordinator }, ctx)]))
  },
  'request.close': () => (state, to, _f, _v, ctx) => E.right(only([event('request.closed', state, state.exchangeId, to, { reason: 'reply-accepted' }, ctx)])),
  'request.request-additional-info': (cmd) => (state, to, _f, _v, ctx) => {
    const original = new Set(activeQuestions(state).map((q) => q.questionId))
    if (cmd.questions.some((q) => !original.has(q)))
      return fail('request.additional-info-new-question', 'Additional information may concern only the original questions; copy the request to ask new ones', 'REQ-ADDINFO-ORIGINAL-ONLY')
    return E.right(only([event('request.additional-info-requested', state, state.exchangeId, to, { justification: cmd.justification, questions: [...new Set(cmd.questions)] }, ctx)]))
  },
  'request.accept-additional-info': () => (state, to, _f, _v, ctx) =>
    E.right(only([event('request.additional-info-accepted', state, state.exchangeId, to, {}, ctx)])),
  'request.reject-additional-info': (cmd) => (state, to, _f, _v, ctx) =>
    E.right(only([event('request.additional-info-rejected', state, state.exchangeId, to, { justification: cmd.justification }, ctx)])),
  'request.accept-refusal': () => (state, to, _f, _v, ctx) => E.right(only([event('request.refusal-accepted', state, state.exchangeId, to, {}, ctx)])),
  'request.insist': () => (state, to, facts, _v, ctx) => E.right(only([event('request.escalated', state, state.exchangeId, to, { scenario: facts.scenario }, ctx)])),
  'request.find-reply-satisfactory': (cmd) => (state, to, facts, _v, ctx) =>
    E.right(
      only([
        event('request.arbitration-decided', state, state.exchangeId, to, {
          satisfactory: true,
          by: facts.rcReferee && state.status === 'arbitration-requesting-coordinator' ? 'requesting-coordinator' : 'responding-coordinator',
          ...(cmd.comment === undefined ? {} : { comment: cmd.comment }),
        }, ctx),
      ]),
    ),
  'request.find-reply-unsatisfactory': (cmd) => (state, to, facts, _v, ctx) =>
    E.right(
      only([
        event('request.arbitration-decided', state, state.exchangeId, to, {
          satisfactory: false,
          by: facts.rcReferee && state.status === 'arbitration-requesting-coordinator' ? 'requesting-coordinator' : 'responding-coordinator',
          ...(cmd.comment === undefined ? {} : { comment: cmd.comment }),
        }, ctx),
      ]),
    ),
  'request.reconsider': () => (state, to, _f, _v, ctx) => E.right(only([event('request.reconsidered', state, state.exchangeId, to, {}, ctx)])),
  'request.maintain-position': (cmd) => (state, to, _f, _v, ctx) =>
    E.right(only([event('request.position-maintained', state, state.exchangeId, to, { justification: cmd.justification }, ctx)])),
  'request.copy': () => () => fail('request.internal', 'copy is decided outside the machine'),
  'request.record-contrary-decision': () => () => fail('request.internal', 'a contrary decision is recorded outside the machine'),
  'request.block-personal-data': () => (state, to, _f, _v, ctx) => {
    if (state.personalData !== 'available') return fail('request.already-blocked', 'Personal data is already blocked', 'RET-BLOCK-SIX-MONTHS')
    return E.right(only([event('request.personal-data-blocked', state, state.exchangeId, to, {}, ctx)]))
  },
  // The same erasure as the scheduled one, recorded with its reason (RET-EARLY-REMOVAL); the machine
  // has checked who acts and that the request is closed with its personal data not yet erased.
  'request.remove-personal-data': (cmd) => (state, to, _f, _v, ctx) =>
    E.right(
      only([
        event('request.personal-data-erased', state, state.exchangeId, to, {
          reason: cmd.reason,
          ...(cmd.requestedBy === undefined ? {} : { requestedBy: cmd.requestedBy }),
        }, ctx),
      ]),
    ),
  'request.erase-personal-data': () => (state, to, _f, _v, ctx) => {
    if (state.personalData === 'erased') return fail('request.already-erased', 'Personal data is already erased', 'RET-DELETE-THREE-YEARS')
    return E.right(only([event('request.personal-data-erased', state, state.exchangeId, to, {}, ctx)]))
  },
}

/** Copy is not a transition: the source stays unchanged and a new draft starts (REQ-COPY-NEW-DRAFT). */
const copy = (cmd: RequestCommandOf<'request.copy'>, state: RequestState, facts: RequestFacts, viewer: Viewer, ctx: Context): Result => {
  if (!facts.mayCopy || viewer.kind !== 'user')
    return fail('request.copy-not-allowed', 'Only a request handler of an authority that sent or received the request may copy it', 'REQ-COPY-ANY-STATUS')
  const seesPersonal = canSeePersonalData(state, viewer)
  const counterpart = viewer.authority.id === state.requesting.authorityId ? state.responding.authorityId : state.requesting.authorityId
  const la = ctx.directory.legislativeArea(state.legislativeArea)
  const personal = new Set(state.personalFields)
  const caseData = cmd.include.caseData
    ? Object.fromEntries(Object.entries(state.caseData).filter(([k]) => seesPersonal || !personal.has(k)))
    : undefined
  const attachments = cmd.include.attachments && seesPersonal ? state.attachments : []
  const exchangeId = ctx.ids.exchangeId()
  const keptIds = new Set(attachments.map((a) => a.id))
  const created = event('request.created', undefined, exchangeId, 'draft', {
    number: ctx.ids.exchangeNumber(REQUEST_NUMBER_PREFIX),
    legislativeArea: state.legislativeArea,
    requestingAuthority: viewer.authority.id,
    requestingMemberState: viewer.authority.memberState,
    personalFields: personalFieldsOf(la),
    copiedFrom: state.exchangeId,
    ...(cmd.include.addressee && counterpart !== undefined ? { addressee: counterpart } : {}),
    ...(cmd.include.addressee && counterpart !== undefined && ctx.directory.authority(counterpart) !== undefined
      ? { addresseeMemberState: (ctx.directory.authority(counterpart) as Authority).memberState }
      : {}),
    ...(cmd.include.questions && state.questionSetId !== undefined
      ? {
          questionSetId: state.questionSetId,
          questions: state.questions.map(({ movedTo: _m, attachmentId, ...q }) => ({
            ...q,
            ...(attachmentId !== undefined && keptIds.has(attachmentId) ? { attachmentId } : {}),
          })),
        }
      : {}),
    ...(caseData === undefined ? {} : splitCaseData(caseData, personalFieldsOf(la))),
    ...(attachments.length === 0 ? {} : { attachments: attachments.map((a) => ({ ...a, addedBy: 'requesting' as const })) }),
  }, ctx)
  return E.right({ events: [], spawned: [{ exchangeId, events: [created] }], erase: false })
}

/**
 * A Commission contrary decision is no transition either: the operator transcribes it onto the
 * notification, whatever its status, and it voids the stand-still date (DEROG-CONTRARY-DECISION).
 */
const recordContraryDecision = (cmd: RequestCommandOf<'request.record-contrary-decision'>, state: RequestState, ctx: Context): Result => {
  if (ctx.actor.kind !== 'system')
    return fail('request.not-allowed', "Only the platform operator records the Commission's decisions", 'DEROG-CONTRARY-DECISION')
  const problem = contraryDecisionProblem(state)
  if (problem !== undefined) return E.left(problem)
  return E.right(
    only([
      event('request.contrary-decision-recorded', state, state.exchangeId, state.status, {
        ...(cmd.decidedOn === undefined ? {} : { decidedOn: cmd.decidedOn }),
        ...(cmd.reference === undefined ? {} : { reference: cmd.reference }),
      }, ctx),
    ]),
  )
}

/**
 * Decides a request command.
 *
 * @category decider
 */
export const decideRequest =
  (policy: RequestPolicy) =>
  (command: RequestCommand, state: RequestState | undefined, ctx: Context): Result => {
    if (command.type === 'request.create') {
      return state === undefined ? create(command, ctx) : fail('request.exists', 'This request already exists')
    }
    if (state === undefined) return fail('request.not-found', 'There is no such request')
    if (command.exchangeId !== state.exchangeId) return fail('request.wrong-exchange', 'The command addresses another request')
    const viewer = viewerOf(ctx.directory, ctx.actor)
    if (viewer === undefined) return fail('request.actor-unknown', 'The acting user is not registered', 'REQ-CREATE-HANDLER')
    const facts = requestFacts(state, viewer, ctx.directory, policy)
    if (command.type === 'request.copy') return copy(command, state, facts, viewer, ctx)
    if (command.type === 'request.record-contrary-decision') return recordContraryDecision(command, state, ctx)
    if (!knownIn(state.status, command.type)) {
      const rules = ACTION_RULES[command.type]
      const ruleId = state.status === 'closed' ? 'REQ-CLOSED-TERMINAL' : rules?.status
      return fail('request.wrong-status', `${command.type} is not possible while the request is ${state.status}`, ruleId, { status: state.status })
    }
    const to = requestTarget(state.status, { type: command.type, facts })
    if (to === undefined) return E.left(explainRefusal(state, command.type, facts, viewer))
    const handler = handlers[command.type] as (cmd: RequestCommand) => Handler
    return handler(command)(state, to, facts, viewer, ctx, policy)
  }


