/**
 * The facts the request machine's guards read, computed for one viewer against the directory.
 *
 * @module
 */
import type { Viewer } from '../../model/actor.js'
import type { Authority } from '../../model/authorities.js'
import { canUseRequestWorkflow, isRequestCoordinator, requestAccess } from '../../model/authorities.js'
import type { Directory } from '../../model/directory.js'
import type { AuthorityId, LegislativeAreaId } from '../../model/ids.js'
import { hasRequestRole } from '../../model/users.js'
import type { RequestFacts } from './machine.js'
import type { AllocationSide, ArbitrationScenario, RequestSide, RequestState, RequestStatus } from './model.js'

/**
 * Options of the request procedure that the specification leaves to the operator.
 *
 * @category model
 */
export interface RequestPolicy {
  /**
   * Caps how often arbitration may be relaunched when the responding authority maintains its
   * position in S2 and S3; unlimited when absent (REQ-ARB-ROUND-CAP). Once reached, maintaining the
   * position closes the request.
   */
  readonly maxArbitrationRounds?: number
  /** Months after closure at which personal data is blocked; at most and by default 6 (RET-REQ-PD-CONFIG). */
  readonly personalDataBlockMonths?: number
  /**
   * Months after closure at which personal data is erased; at most and by default 36
   * (RET-DELETE-THREE-YEARS), and never before it is blocked.
   */
  readonly personalDataEraseMonths?: number
  /**
   * A notification of individual measures (derogations, spec §8) is addressed to the Commission too,
   * which sees it without personal data; on by default (DEROG-COMMISSION-NO-PD, AMB-R16). Read when the
   * notification is sent.
   */
  readonly commissionReceivesMeasureNotifications?: boolean
}

const NO_FACTS: RequestFacts = {
  requestingHandler: false,
  respondingHandler: false,
  rcReferee: false,
  respcReferee: false,
  allocatableSides: [],
  coordinatorSides: [],
  system: false,
  requestApproval: false,
  replyApproval: false,
  mayAccept: false,
  mayRefuse: false,
  scenario: 'S4',
  escalatedScenario: undefined,
  round: 1,
  relaunchCapReached: false,
  mayCopy: false,
  personalDataHolder: false,
  personalDataAvailable: false,
  personalDataPresent: false,
}

/** Statuses in which the requesting side's coordinator holds the request. */
const HELD_BY_RC: ReadonlyArray<RequestStatus> = ['awaiting-request-approval', 'arbitration-requesting-coordinator']
/** Statuses in which the responding side's coordinator holds the request. */
const HELD_BY_RESPC: ReadonlyArray<RequestStatus> = ['awaiting-reply-approval', 'arbitration-responding-coordinator']

/** True when allocation is switched on for the authority's request workflow in the area. @category queries */
export const allocationOn = (directory: Directory, id: AuthorityId | undefined, la: LegislativeAreaId): boolean => {
  const a = id === undefined ? undefined : directory.authority(id)
  return a === undefined ? false : (requestAccess(a, la)?.allocation ?? false)
}

/**
 * The requesting coordinator that applies: the one selected, or the only linked one
 * (REQ-SEND-SELECT-COORDINATOR).
 *
 * @category queries
 */
export const effectiveRequestingCoordinator = (state: RequestState, directory: Directory): AuthorityId | undefined => {
  if (state.requesting.coordinatorId !== undefined) return state.requesting.coordinatorId
  const a = state.requesting.authorityId === undefined ? undefined : directory.authority(state.requesting.authorityId)
  const linked = a === undefined ? [] : (requestAccess(a, state.legislativeArea)?.linkedCoordinators ?? [])
  return linked.length === 1 ? linked[0] : undefined
}

/** True when the request has been sent to the addressee (it is no longer with its requester alone). */
export const isSent = (s: RequestState): boolean => s.status !== 'draft' && s.status !== 'awaiting-request-approval'

const coordinatorParams = (directory: Directory, id: AuthorityId | undefined, la: LegislativeAreaId) => {
  const a = id === undefined ? undefined : directory.authority(id)
  return a === undefined ? undefined : requestAccess(a, la)?.coordinatorParameters
}

/**
 * The arbitration scenario from the "takes part in arbitration" parameters of the two selected
 * coordinators; a side without a coordinator does not take part (REQ-ARB-SCENARIO, REQ-ARB-NO-COORDINATOR).
 *
 * @category queries
 */
export const arbitrationScenario = (state: RequestState, directory: Directory): ArbitrationScenario => {
  const la = state.legislativeArea
  const rc = coordinatorParams(directory, state.requesting.coordinatorId, la)?.takesPartInArbitration ?? false
  const respc = coordinatorParams(directory, state.responding.coordinatorId, la)?.takesPartInArbitration ?? false
  return rc && respc ? 'S3' : rc ? 'S1' : respc ? 'S2' : 'S4'
}

/**
 * Request approval applies when the requesting authority requires approval and the selected
 * requesting coordinator approves requests (REQ-REQUEST-APPROVAL-APPLIES).
 *
 * @category queries
 */
export const requestApprovalApplies = (state: RequestState, directory: Directory): boolean => {
  const la = state.legislativeArea
  const requester = state.requesting.authorityId === undefined ? undefined : directory.authority(state.requesting.authorityId)
  const required = requester === undefined ? false : (requestAccess(requester, la)?.parameters.approvalRequired ?? false)
  return required && (coordinatorParams(directory, effectiveRequestingCoordinator(state, directory), la)?.approveRequests ?? false)
}

/**
 * Reply approval applies when the responding authority requires approval and the selected responding
 * coordinator approves replies (REQ-REPLY-APPROVAL-APPLIES).
 *
 * @category queries
 */
export const replyApprovalApplies = (state: RequestState, directory: Directory): boolean => {
  const la = state.legislativeArea
  const responder = state.responding.authorityId === undefined ? undefined : directory.authority(state.responding.authorityId)
  const required = responder === undefined ? false : (requestAccess(responder, la)?.parameters.approvalRequired ?? false)
  return required && (coordinatorParams(directory, state.responding.coordinatorId, la)?.approveReplies ?? false)
}

const addresseeMay = (directory: Directory, state: RequestState): { accept: boolean; refuse: boolean } => {
  const a: Authority | undefined = state.responding.authorityId === undefined ? undefined : directory.authority(state.responding.authorityId)
  if (a === undefined) return { accept: false, refuse: false }
  const params = requestAccess(a, state.legislativeArea)?.parameters
  return {
    accept: params?.mayAcceptRequests ?? false,
    refuse: isRequestCoordinator(a, state.legislativeArea) || (params?.mayRefuseRequests ?? false),
  }
}

/**
 * Computes the facts the machine needs for one viewer acting on a request.
 *
 * @category queries
 */
export const requestFacts = (
  state: RequestState,
  viewer: Viewer,
  directory: Directory,
  policy: RequestPolicy,
): RequestFacts => {
  const retention = { personalDataAvailable: state.personalData === 'available', personalDataPresent: state.personalData !== 'erased' }
  if (viewer.kind === 'system-administrator') return { ...NO_FACTS, ...retention, system: true }
  if (viewer.kind !== 'user') return { ...NO_FACTS, ...retention }
  const { user, authority } = viewer
  const la = state.legislativeArea
  const active = user.status === 'active' && canUseRequestWorkflow(authority, la)
  const handler = active && hasRequestRole(user, la, 'request-handler')
  const referee = hasRequestRole(user, la, 'referee') && authority.status === 'active'
  const allocator = active && hasRequestRole(user, la, 'allocator')
  const isRequester = authority.id === state.requesting.authorityId
  const isResponder = isSent(state) && authority.id === state.responding.authorityId
  const allocatedOr = (id: AuthorityId | undefined, list: ReadonlyArray<string>) =>
    !allocationOn(directory, id, la) || list.includes(user.id)

  const requestingHandler = handler && isRequester && allocatedOr(state.requesting.authorityId, state.requesting.allocated)
  const respondingHandler = handler && isResponder && allocatedOr(state.responding.authorityId, state.responding.allocated)
  const rcReferee =
    referee &&
    state.requesting.coordinatorId === authority.id &&
    allocatedOr(state.requesting.coordinatorId, state.requesting.coordinatorAllocated)
  const respcReferee =
    referee &&
    state.responding.coordinatorId === authority.id &&
    allocatedOr(state.responding.coordinatorId, state.responding.coordinatorAllocated)

  const open = state.status !== 'closed'
  const allocatable: AllocationSide[] = []
  const canAllocate = (id: AuthorityId | undefined) => allocator && id === authority.id && allocationOn(directory, id, la)
  // Outgoing requests can be re-allocated only while they are drafts (REQ-OUT-REALLOCATE-DRAFT).
  if (state.status === 'draft' && canAllocate(state.requesting.authorityId)) allocatable.push('requesting')
  if (open && isSent(state) && canAllocate(state.responding.authorityId)) allocatable.push('responding')
  if (open && state.status !== 'draft' && canAllocate(state.requesting.coordinatorId)) allocatable.push('requesting-coordinator')
  if (open && isSent(state) && canAllocate(state.responding.coordinatorId)) allocatable.push('responding-coordinator')

  const coordinatorSides: RequestSide[] = []
  // The selected coordinator cannot change while that side's coordinator holds the request (REQ-COORD-CHANGE-GUARD).
  if (requestingHandler && isSent(state) && !HELD_BY_RC.includes(state.status)) coordinatorSides.push('requesting')
  if (respondingHandler && state.responding.accepted && !HELD_BY_RESPC.includes(state.status)) coordinatorSides.push('responding')

  const may = addresseeMay(directory, state)
  const former = state.formerAddressees.includes(authority.id)
  const max = policy.maxArbitrationRounds
  return {
    requestingHandler,
    respondingHandler,
    rcReferee,
    respcReferee,
    allocatableSides: allocatable,
    coordinatorSides,
    system: false,
    requestApproval: requestApprovalApplies(state, directory),
    replyApproval: replyApprovalApplies(state, directory),
    mayAccept: may.accept,
    mayRefuse: may.refuse,
    scenario: arbitrationScenario(state, directory),
    escalatedScenario: state.arbitration?.scenario,
    round: state.additionalInfo?.round ?? 1,
    relaunchCapReached: max !== undefined && (state.arbitration?.relaunches ?? 0) >= max,
    // Only an authority that sent or received the request: not the addressee of an unsent draft (REQ-COPY-ANY-STATUS).
    mayCopy: handler && (isRequester || isResponder || former),
    // Before acceptance the responding side never had the personal data (REQ-PREACCEPT-NO-PD).
    personalDataHolder: requestingHandler || (respondingHandler && state.responding.accepted),
    ...retention,
  }
}
