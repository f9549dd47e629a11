/**
 * The generic IMI request for information (spec §6): one requesting and one responding authority in
 * different member states, pre-translated question sets, approval, acceptance, refusal, forward,
 * split, reply, additional information, arbitration, allocation and copy.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Viewer } from '../../model/actor.js'
import type { Context } from '../../model/context.js'
import { domainError } from '../../model/errors.js'
import type { ActionId, Procedure } from '../../procedure/procedure.js'
import type { RequestAction, RequestCommand } from './commands.js'
import { REQUEST_ACTIONS, RequestCommandCodec } from './commands.js'
import { decideRequest } from './decide.js'
import type { RequestEvent } from './events.js'
import { REQUEST_PROCEDURE_VERSION, RequestEventCodec, requestEventCodecOf } from './events.js'
import { evolveRequest } from './evolve.js'
import type { RequestPolicy } from './facts.js'
import { requestFacts } from './facts.js'
import { requestActionsIn, requestMachine, requestTarget } from './machine.js'
import type { RequestState } from './model.js'
import { REQUEST_PROCEDURE_ID, REQUEST_STATUSES } from './model.js'
import { requestNotifications } from './notifications.js'
import { requestRetention, requestTimers } from './retention.js'
import { requestSummary, viewRequest } from './view.js'
import { contraryDecisionProblem } from './derogation.js'

/** Actions that keep a request moving; the others (messages, allocation, copy) never put it on an action list. */
const HOUSEKEEPING: ReadonlyArray<ActionId> = [
  'request.add-message',
  'request.add-attachment',
  'request.change-coordinator',
  'request.allocate',
  'request.copy',
  'request.save-reply',
  'request.block-personal-data',
  'request.erase-personal-data',
  'request.remove-personal-data',
  'request.record-contrary-decision',
]

/**
 * What the `system` actor may do: retention, recording a Commission contrary decision and, as the
 * platform operator, removing personal data early (RET-EARLY-REMOVAL).
 */
const SYSTEM_ACTIONS: ReadonlyArray<RequestAction> = ['request.block-personal-data', 'request.erase-personal-data', 'request.remove-personal-data', 'request.record-contrary-decision']

const availableActions =
  (policy: RequestPolicy) =>
  (s: RequestState, viewer: Viewer, ctx: Context): ReadonlyArray<RequestAction> => {
    const facts = requestFacts(s, viewer, ctx.directory, policy)
    const on = requestActionsIn(s.status)
    return REQUEST_ACTIONS.filter((a) =>
      a === 'request.copy' ? facts.mayCopy
      : a === 'request.record-contrary-decision' ? facts.system && contraryDecisionProblem(s) === undefined
      : on.includes(a) && requestTarget(s.status, { type: a, facts }) !== undefined,
    )
  }

/**
 * Builds the request procedure with the operator's policy.
 *
 * @example
 * ```ts
 * import { createRequestProcedure } from '@imi-kit/core'
 * const strict = createRequestProcedure({ maxArbitrationRounds: 3 })
 * strict.id // 'imi.request-for-information'
 * ```
 * @category procedures
 */
export const createRequestProcedure = (
  policy: RequestPolicy = {},
): Procedure<RequestState, RequestCommand, RequestEvent> => {
  const actions = availableActions(policy)
  const decide = decideRequest(policy)
  return {
    id: REQUEST_PROCEDURE_ID,
    version: REQUEST_PROCEDURE_VERSION,
    legalBasis: 'Regulation (EU) No 1024/2012 (IMI Regulation); the legislative area’s own act',
    machine: requestMachine,
    statuses: REQUEST_STATUSES,
    commands: RequestCommandCodec,
    events: RequestEventCodec,
    eventCodec: requestEventCodecOf,
    erasesPersonalData: (e) => e.type === 'request.personal-data-erased',
    creationActions: ['request.create'],
    actions: REQUEST_ACTIONS,
    decide: (command, state, ctx) => {
      // The system actor runs retention timers, and transcribes the Commission's contrary decisions (DEROG-CONTRARY-DECISION).
      if (ctx.actor.kind === 'system' && !SYSTEM_ACTIONS.includes(command.type))
        return E.left(domainError('request.not-allowed', "The system actor only runs retention timers and records the Commission's decisions", 'RET-REQ-PD-OPEN-KEPT'))
      return decide(command, state, ctx)
    },
    evolve: evolveRequest,
    view: viewRequest,
    availableActions: actions,
    needsAction: (s, viewer, ctx) => {
      if (viewer.kind !== 'user') return false
      // Drafts of the user's authority are listed too (REQ-ACTION-LIST-DRAFTS).
      if (s.status === 'draft' && viewer.authority.id === s.requesting.authorityId) return actions(s, viewer, ctx).includes('request.send')
      const available = actions(s, viewer, ctx)
      if (available.some((a) => !HOUSEKEEPING.includes(a))) return true
      // With allocation on, an incoming request nobody holds yet waits for the allocators (REQ-ACTION-LIST-ALLOCATORS).
      const facts = requestFacts(s, viewer, ctx.directory, policy)
      return (
        (facts.allocatableSides.includes('responding') && s.responding.allocated.length === 0) ||
        (facts.allocatableSides.includes('requesting-coordinator') && s.requesting.coordinatorAllocated.length === 0 && ['awaiting-request-approval', 'arbitration-requesting-coordinator'].includes(s.status)) ||
        (facts.allocatableSides.includes('responding-coordinator') && s.responding.coordinatorAllocated.length === 0 && ['awaiting-reply-approval', 'arbitration-responding-coordinator'].includes(s.status))
      )
    },
    timers: (s) => requestTimers(s, policy),
    notifications: requestNotifications,
    retention: (s) => requestRetention(s, policy),
    summary: requestSummary,
    stateVersion: (s) => s.version,
  }
}

/**
 * The request procedure with the specification's defaults.
 *
 * @category procedures
 */
export const requestForInformation = /* @__PURE__ */ createRequestProcedure()

export type { RequestCommand, RequestAction, RequestCommandOf } from './commands.js'
export { RequestCommandCodec, REQUEST_ACTIONS } from './commands.js'
export type { RequestEvent, RequestEventOf, RequestEventType, RequestEventPayloads } from './events.js'
export { RequestEventCodec, REQUEST_PROCEDURE_VERSION, REQUEST_EVENT_PAYLOADS, requestEventCodecOf } from './events.js'
export type { RequestPolicy } from './facts.js'
export { arbitrationScenario, requestApprovalApplies, replyApprovalApplies, requestFacts } from './facts.js'
export type { RequestFacts, RequestMachineEvent } from './machine.js'
export { requestMachine, requestTarget, requestActionsIn } from './machine.js'
export type {
  Answer,
  Attachment,
  ContraryDecision,
  DerogationDraft,
  DerogationInput,
  DerogationProcedure,
  DerogationState,
  AttachmentInput,
  AttachmentRelevance,
  AllocationSide,
  ArbitrationScenario,
  CaseData,
  ClosureReason,
  Message,
  RequestQuestion,
  RequestQuestionInput,
  RequestSide,
  RequestState,
  RequestStatus,
  SideState,
} from './model.js'
export {
  DEROGATION_PROCEDURES,
  DEROGATION_STANDSTILL_DAYS,
  REQUEST_NUMBER_FORMAT,
  REQUEST_NUMBER_PREFIX,
  DerogationDraftCodec,
  DerogationInputCodec,
  DerogationSentCodec,
  DerogationStateCodec,
} from './model.js'
export { ATTACHMENT_RELEVANCE, ATTACHMENT_MAX_BYTES, REQUEST_PROCEDURE_ID, REQUEST_STATUSES, caseDataCodec, requestContentCodec, personalFieldsOf, RequestQuestionInputCodec, AnswerCodec, AttachmentCodec, AttachmentInputCodec, MessageCodec, CalendarDateCodec } from './model.js'
export type { SendProblem } from './decide.js'
export { sendProblems } from './decide.js'
export { requestNotifications } from './notifications.js'
export { addCalendarMonths, isOverdue, requestRetention, requestTimers, REFERENCE_TIME_ZONE, REQUEST_PD_BLOCK_MONTHS, REQUEST_PD_ERASE_MONTHS } from './retention.js'
export {
  addCalendarDays,
  commissionReceives,
  contraryDecisionProblem,
  derogationChecklistComplete,
  derogationSendProblems,
  earliestMeasureDate,
  isRequestNumber,
  measuresReplyProblem,
  validateStep3Reference,
} from './derogation.js'
export type { DerogationContent, RequestContent } from './view.js'
export { canSeePersonalData, requestAccessLevel, requestAudience, requestSearchText, requestSummary, viewRequest } from './view.js'
