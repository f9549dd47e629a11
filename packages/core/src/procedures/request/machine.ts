/**
 * The request statechart: the only place where the statuses of a request and its legal transitions
 * live. It is used purely (`transition`, `can`), never as a running actor; the role and parameter
 * facts its guards read are computed by the decider for the acting user.
 *
 * @module
 */
import { and, not, setup } from 'xstate'
import type { AllocationSide, ArbitrationScenario, RequestSide, RequestStatus } from './model.js'
import type { RequestAction } from './commands.js'

/**
 * What the machine's guards need to know about the actor and the request at the moment of a
 * command. Computed by the decider, so the machine stays free of directory look-ups.
 *
 * @category model
 */
export interface RequestFacts {
  /** May act for the requesting authority (handler, allocated where allocation is on). */
  readonly requestingHandler: boolean
  /** May act for the addressee or responding authority (handler, allocated where allocation is on). */
  readonly respondingHandler: boolean
  /** A referee of the requesting side's selected coordinator, allocated where it uses allocation. */
  readonly rcReferee: boolean
  /** A referee of the responding side's selected coordinator, allocated where it uses allocation. */
  readonly respcReferee: boolean
  /** The sides whose allocation this actor may change now. */
  readonly allocatableSides: ReadonlyArray<AllocationSide>
  /** The sides whose selected coordinator this actor may change now. */
  readonly coordinatorSides: ReadonlyArray<RequestSide>
  /** The `system` actor (timers). */
  readonly system: boolean
  /** Sending goes through the requesting coordinator's approval (REQ-REQUEST-APPROVAL-APPLIES). */
  readonly requestApproval: boolean
  /** Replying goes through the responding coordinator's approval (REQ-REPLY-APPROVAL-APPLIES). */
  readonly replyApproval: boolean
  /** The addressee may accept requests (REQ-ACCEPT-MAY-ACCEPT). */
  readonly mayAccept: boolean
  /** The addressee may refuse: its parameter allows it, or it is a coordinator (REQ-REFUSE-PARAMETER, REQ-REFUSE-COORDINATOR). */
  readonly mayRefuse: boolean
  /** The arbitration scenario as it would be evaluated now (REQ-ARB-PARAM-AT-ESCALATION). */
  readonly scenario: ArbitrationScenario
  /** The scenario recorded at escalation, for the steps after it. */
  readonly escalatedScenario: ArbitrationScenario | undefined
  /** The additional-information round (REQ-ARB-S4-SECOND-ROUND). */
  readonly round: 1 | 2
  /** The optional cap on arbitration relaunches is reached (REQ-ARB-ROUND-CAP). */
  readonly relaunchCapReached: boolean
  /** The actor may copy the request (REQ-COPY-ANY-STATUS). */
  readonly mayCopy: boolean
  /**
   * A handler of a participating authority that has personal-data access to the request: the
   * requesting side, or the responding side once it accepted (RET-EARLY-REMOVAL).
   */
  readonly personalDataHolder: boolean
  /** Personal data is still within users' reach: neither blocked nor erased. */
  readonly personalDataAvailable: boolean
  /** Personal data is not erased yet (it may be blocked). */
  readonly personalDataPresent: boolean
}

/** An event of the machine: an action and the facts its guards read. @category model */
export interface RequestMachineEvent {
  readonly type: RequestAction
  readonly facts: RequestFacts
}

/**
 * Transitions shared by every status between acceptance and closure: structured messages and
 * attachments (REQ-MESSAGES-WINDOW), change of selected coordinator, allocation.
 */
const processing = <S extends RequestStatus>(self: S) => ({
  'request.add-message': { target: self, guard: 'participantHandler' },
  'request.add-attachment': { target: self, guard: 'participantHandler' },
  'request.change-coordinator': { target: self, guard: 'coordinatorChanger' },
  'request.allocate': { target: self, guard: 'allocator' },
}) as const

/**
 * The request statechart (spec §6.18).
 *
 * @category machine
 */
export const requestMachine = /* @__PURE__ */ setup({
  types: { events: {} as RequestMachineEvent },
  guards: {
    requestingHandler: ({ event }) => event.facts.requestingHandler,
    respondingHandler: ({ event }) => event.facts.respondingHandler,
    participantHandler: ({ event }) => event.facts.requestingHandler || event.facts.respondingHandler,
    rcReferee: ({ event }) => event.facts.rcReferee,
    respcReferee: ({ event }) => event.facts.respcReferee,
    allocator: ({ event }) => event.facts.allocatableSides.length > 0,
    coordinatorChanger: ({ event }) => event.facts.coordinatorSides.length > 0,
    system: ({ event }) => event.facts.system,
    requestApproval: ({ event }) => event.facts.requestApproval,
    replyApproval: ({ event }) => event.facts.replyApproval,
    mayAccept: ({ event }) => event.facts.mayAccept,
    mayRefuse: ({ event }) => event.facts.mayRefuse,
    scenarioS1: ({ event }) => (event.facts.escalatedScenario ?? event.facts.scenario) === 'S1',
    scenarioS2: ({ event }) => (event.facts.escalatedScenario ?? event.facts.scenario) === 'S2',
    scenarioS3: ({ event }) => (event.facts.escalatedScenario ?? event.facts.scenario) === 'S3',
    scenarioS4: ({ event }) => (event.facts.escalatedScenario ?? event.facts.scenario) === 'S4',
    nowS1: ({ event }) => event.facts.scenario === 'S1',
    nowS2: ({ event }) => event.facts.scenario === 'S2',
    nowS3: ({ event }) => event.facts.scenario === 'S3',
    nowS4: ({ event }) => event.facts.scenario === 'S4',
    roundOne: ({ event }) => event.facts.round === 1,
    roundTwo: ({ event }) => event.facts.round === 2,
    capReached: ({ event }) => event.facts.relaunchCapReached,
    personalDataHolder: ({ event }) => event.facts.personalDataHolder,
    personalDataAvailable: ({ event }) => event.facts.personalDataAvailable,
    personalDataPresent: ({ event }) => event.facts.personalDataPresent,
  },
}).createMachine({
  id: 'imi.request-for-information',
  initial: 'draft',
  states: {
    draft: {
      on: {
        'request.edit': { target: 'draft', guard: 'requestingHandler' },
        'request.delete-draft': { target: 'draft', guard: 'requestingHandler' },
        'request.send': [
          { target: 'awaiting-request-approval', guard: and(['requestingHandler', 'requestApproval']) },
          { target: 'awaiting-acceptance', guard: 'requestingHandler' },
        ],
        'request.allocate': { target: 'draft', guard: 'allocator' },
      },
    },
    'awaiting-request-approval': {
      on: {
        'request.approve': { target: 'awaiting-acceptance', guard: 'rcReferee' },
        'request.return': { target: 'draft', guard: 'rcReferee' },
        'request.allocate': { target: 'awaiting-request-approval', guard: 'allocator' },
      },
    },
    'awaiting-acceptance': {
      on: {
        'request.accept': { target: 'accepted', guard: and(['respondingHandler', 'mayAccept']) },
        'request.refuse': { target: 'closed', guard: and(['respondingHandler', 'mayRefuse']) },
        'request.forward': { target: 'awaiting-acceptance', guard: 'respondingHandler' },
        'request.split': { target: 'awaiting-acceptance', guard: 'respondingHandler' },
        'request.change-coordinator': { target: 'awaiting-acceptance', guard: 'coordinatorChanger' },
        'request.allocate': { target: 'awaiting-acceptance', guard: 'allocator' },
      },
    },
    accepted: {
      on: {
        'request.save-reply': { target: 'accepted', guard: 'respondingHandler' },
        'request.reply': [
          { target: 'awaiting-reply-approval', guard: and(['respondingHandler', 'replyApproval']) },
          { target: 'replied', guard: 'respondingHandler' },
        ],
        'request.refuse': { target: 'closed', guard: and(['respondingHandler', 'mayRefuse']) },
        'request.forward': { target: 'awaiting-acceptance', guard: 'respondingHandler' },
        'request.split': { target: 'accepted', guard: 'respondingHandler' },
        ...processing('accepted'),
      },
    },
    'awaiting-reply-approval': {
      on: {
        'request.approve-reply': { target: 'replied', guard: 'respcReferee' },
        'request.return-reply': { target: 'accepted', guard: 'respcReferee' },
        ...processing('awaiting-reply-approval'),
      },
    },
    replied: {
      on: {
        'request.close': { target: 'closed', guard: 'requestingHandler' },
        'request.request-additional-info': { target: 'additional-info-requested', guard: 'requestingHandler' },
        ...processing('replied'),
      },
    },
    'additional-info-requested': {
      on: {
        'request.accept-additional-info': { target: 'accepted', guard: 'respondingHandler' },
        'request.reject-additional-info': { target: 'additional-info-refused', guard: and(['respondingHandler', 'roundOne']) },
        'request.maintain-position': { target: 'closed', guard: and(['respondingHandler', 'roundTwo']) },
        ...processing('additional-info-requested'),
      },
    },
    'additional-info-refused': {
      on: {
        'request.accept-refusal': { target: 'closed', guard: 'requestingHandler' },
        'request.insist': [
          // The scenario is evaluated at the moment of escalation (REQ-ARB-PARAM-AT-ESCALATION).
          { target: 'arbitration-requesting-coordinator', guard: and(['requestingHandler', 'nowS1']) },
          { target: 'arbitration-requesting-coordinator', guard: and(['requestingHandler', 'nowS3']) },
          { target: 'arbitration-responding-coordinator', guard: and(['requestingHandler', 'nowS2']) },
          { target: 'additional-info-requested', guard: and(['requestingHandler', 'nowS4', 'roundOne']) },
        ],
        ...processing('additional-info-refused'),
      },
    },
    'arbitration-requesting-coordinator': {
      on: {
        'request.find-reply-satisfactory': { target: 'closed', guard: 'rcReferee' },
        'request.find-reply-unsatisfactory': [
          { target: 'returned-after-arbitration', guard: and(['rcReferee', 'scenarioS1']) },
          { target: 'arbitration-responding-coordinator', guard: and(['rcReferee', 'scenarioS3']) },
        ],
        ...processing('arbitration-requesting-coordinator'),
      },
    },
    'arbitration-responding-coordinator': {
      on: {
        'request.find-reply-satisfactory': { target: 'closed', guard: 'respcReferee' },
        'request.find-reply-unsatisfactory': { target: 'returned-after-arbitration', guard: 'respcReferee' },
        ...processing('arbitration-responding-coordinator'),
      },
    },
    'returned-after-arbitration': {
      on: {
        'request.reconsider': { target: 'accepted', guard: 'respondingHandler' },
        'request.maintain-position': [
          { target: 'closed', guard: and(['respondingHandler', 'scenarioS1']) },
          { target: 'closed', guard: and(['respondingHandler', 'capReached']) },
          { target: 'arbitration-responding-coordinator', guard: and(['respondingHandler', not('scenarioS1')]) },
        ],
        ...processing('returned-after-arbitration'),
      },
    },
    closed: {
      on: {
        'request.block-personal-data': { target: 'closed', guard: 'system' },
        'request.erase-personal-data': { target: 'closed', guard: 'system' },
        // Early removal (RET-EARLY-REMOVAL): a handler with personal-data access while the data is in
        // users' reach; the platform operator (the system actor) until it is erased, blocked or not.
        'request.remove-personal-data': [
          { target: 'closed', guard: and(['personalDataHolder', 'personalDataAvailable']) },
          { target: 'closed', guard: and(['system', 'personalDataPresent']) },
        ],
      },
    },
  },
})


type RequestSnapshot = ReturnType<typeof requestMachine.resolveState>

// Snapshots are immutable and the machine has no context, so one resolved snapshot per status serves
// every request.
const snapshots = new Map<RequestStatus, RequestSnapshot>()
const snapshotOf = (status: RequestStatus): RequestSnapshot => {
  let s = snapshots.get(status)
  if (s === undefined) {
    s = requestMachine.resolveState({ value: status, context: {} })
    snapshots.set(status, s)
  }
  return s
}

/**
 * Asks the machine where an action leads from a status, for the given facts: the target status, or
 * `undefined` when no transition is enabled. Pure: guards are evaluated, nothing runs.
 *
 * @category machine
 */
export const requestTarget = (status: RequestStatus, event: RequestMachineEvent): RequestStatus | undefined => {
  const enabled = requestMachine.getTransitionData(snapshotOf(status), event)
  const target = enabled?.[0]?.target?.[0]
  return target === undefined ? undefined : (target.key as RequestStatus)
}

/** The actions the machine declares in a status, whoever performs them. @category machine */
export const requestActionsIn = (status: RequestStatus): ReadonlyArray<string> =>
  Object.keys((requestMachine.config.states as Record<string, { on?: Record<string, unknown> }>)[status]?.on ?? {})
