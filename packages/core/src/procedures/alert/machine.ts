/**
 * The alert statechart: the only place where the statuses of an alert and its legal transitions
 * live. It is used purely (`getTransitionData`), never as a running actor; the role, parameter and
 * period facts its guards read are computed by the decider for the acting user.
 *
 * @module
 */
import { and, not, setup } from 'xstate'
import type { AlertAction } from './commands.js'
import type { AlertStatus } from './model.js'

/**
 * What the machine's guards need to know about the actor and the alert at the moment of a command.
 *
 * @category model
 */
export interface AlertFacts {
  /** The `system` actor (timers). */
  readonly system: boolean
  /** An alert handler of the initiating authority. */
  readonly initiatingHandler: boolean
  /** A broadcaster of the selected coordinator (before broadcast). */
  readonly selectedBroadcaster: boolean
  /** May modify or delete the alert before broadcast (ALERT-UNBROADCAST-EDITOR). */
  readonly unbroadcastEditor: boolean
  /** A broadcaster of the coordinator that broadcast the alert. */
  readonly broadcastingBroadcaster: boolean
  /** May modify provider data and the case after broadcast (ALERT-MODIFY-PROVIDER-CASE). */
  readonly modifier: boolean
  /** May broadcast a pending withdrawal (ALERT-WITHDRAW-COORDINATOR). */
  readonly withdrawalBroadcaster: boolean
  /** A broadcaster of a recipient mailbox still awaiting acknowledgement (ALERT-MAILBOX-ACKNOWLEDGE). */
  readonly acknowledger: boolean
  /** A broadcaster of a recipient coordinator that may forward inside its state (ALERT-MAILBOX-FIRST-FORWARD, ALERT-COORD-ADDS-RECIPIENTS). */
  readonly forwarder: boolean
  /** A broadcaster of a mailbox with a removable recipient in its state (ALERT-REMOVE-MAILBOX-ONLY, ALERT-REMOVE-NOT-ACTED). */
  readonly remover: boolean
  /** A handler or broadcaster of a participating authority (ALERT-INFO-SUBMIT). */
  readonly informer: boolean
  /** May modify or delete some submitted information before its broadcast. */
  readonly informationEditor: boolean
  /** A broadcaster of a coordinator that some submitted information awaits (ALERT-INFO-BROADCAST). */
  readonly informationBroadcaster: boolean
  /** May propose closure (ALERT-CLOSURE-BY-MSE, ALERT-CLOSURE-UNKNOWN-WHO). */
  readonly closureProposer: boolean
  /** May comment on the pending proposal (ALERT-COMMENT-WHO). */
  readonly commenter: boolean
  /** The comment period is running (ALERT-COMMENT-IN-PERIOD). */
  readonly commentPeriodOpen: boolean
  /** May modify or cancel the pending proposal (ALERT-PROPOSAL-EDITOR). */
  readonly proposalEditor: boolean
  /** A broadcaster of the closure coordinator (ALERT-PROPOSAL-BROADCAST, ALERT-CLOSE-WHO). */
  readonly closureBroadcaster: boolean
  /** The objection period is over (ALERT-CLOSE-AFTER-OBJECTIONS). */
  readonly objectionPeriodOver: boolean
  /** Its end was already recorded. */
  readonly objectionPeriodEnded: boolean
  /** The status a pending withdrawal came from (ALERT-WITHDRAW-CANCEL). */
  readonly withdrawalFrom: AlertStatus | undefined
  /** Personal data is still available (retention). */
  readonly personalDataAvailable: boolean
  /** Personal data is not yet erased (retention). */
  readonly personalDataPresent: boolean
}

/** An event of the machine: an action and the facts its guards read. @category model */
export interface AlertMachineEvent {
  readonly type: AlertAction
  readonly facts: AlertFacts
}

/** Steps every active status allows: recipients, additional information. */
const recipientsAndInformation = <S extends AlertStatus>(self: S) =>
  ({
    'alert.acknowledge': { target: self, guard: 'acknowledger' },
    'alert.forward-within-state': { target: self, guard: 'forwarder' },
    'alert.remove-recipient': { target: self, guard: 'remover' },
    'alert.submit-information': { target: self, guard: 'informer' },
    'alert.edit-information': { target: self, guard: 'informationEditor' },
    'alert.delete-information': { target: self, guard: 'informationEditor' },
    'alert.broadcast-information': { target: self, guard: 'informationBroadcaster' },
  }) as const

/** Steps of a live alert (broadcast or under closure): those above, modification, more states, withdrawal. */
const live = <S extends AlertStatus>(self: S) =>
  ({
    ...recipientsAndInformation(self),
    'alert.modify': { target: self, guard: 'modifier' },
    'alert.add-recipient-states': { target: self, guard: 'broadcastingBroadcaster' },
    'alert.propose-withdrawal': { target: 'withdrawal-to-be-broadcast', guard: 'initiatingHandler' },
  }) as const

const beforeBroadcast = <S extends AlertStatus>(self: S) =>
  ({
    'alert.edit': { target: self, guard: 'unbroadcastEditor' },
    'alert.delete': { target: self, guard: 'unbroadcastEditor' },
  }) as const

const retention = <S extends AlertStatus>(self: S) =>
  ({
    'alert.block-personal-data': { target: self, guard: and(['system', 'personalDataAvailable']) },
    'alert.erase-personal-data': { target: self, guard: and(['system', 'personalDataPresent']) },
    // Early removal (RET-EARLY-REMOVAL): an alert handler of the initiating authority, which entered the
    // personal data, while it is in users' reach; the platform operator (the system actor) until it is erased.
    'alert.remove-personal-data': [
      { target: self, guard: and(['initiatingHandler', 'personalDataAvailable']) },
      { target: self, guard: and(['system', 'personalDataPresent']) },
    ],
  }) as const


/**
 * The alert statechart (spec §7.5).
 *
 * @category machine
 */
export const alertMachine = /* @__PURE__ */ setup({
  types: { events: {} as AlertMachineEvent },
  guards: {
    system: ({ event }) => event.facts.system,
    initiatingHandler: ({ event }) => event.facts.initiatingHandler,
    selectedBroadcaster: ({ event }) => event.facts.selectedBroadcaster,
    unbroadcastEditor: ({ event }) => event.facts.unbroadcastEditor,
    broadcastingBroadcaster: ({ event }) => event.facts.broadcastingBroadcaster,
    modifier: ({ event }) => event.facts.modifier,
    withdrawalBroadcaster: ({ event }) => event.facts.withdrawalBroadcaster,
    acknowledger: ({ event }) => event.facts.acknowledger,
    forwarder: ({ event }) => event.facts.forwarder,
    remover: ({ event }) => event.facts.remover,
    informer: ({ event }) => event.facts.informer,
    informationEditor: ({ event }) => event.facts.informationEditor,
    informationBroadcaster: ({ event }) => event.facts.informationBroadcaster,
    closureProposer: ({ event }) => event.facts.closureProposer,
    commenter: ({ event }) => event.facts.commenter,
    commentPeriodOpen: ({ event }) => event.facts.commentPeriodOpen,
    proposalEditor: ({ event }) => event.facts.proposalEditor,
    closureBroadcaster: ({ event }) => event.facts.closureBroadcaster,
    objectionPeriodOver: ({ event }) => event.facts.objectionPeriodOver,
    objectionPeriodEnded: ({ event }) => event.facts.objectionPeriodEnded,
    personalDataAvailable: ({ event }) => event.facts.personalDataAvailable,
    personalDataPresent: ({ event }) => event.facts.personalDataPresent,
    'from:broadcast': ({ event }) => event.facts.withdrawalFrom === 'broadcast',
    'from:closure-open-for-comments': ({ event }) => event.facts.withdrawalFrom === 'closure-open-for-comments',
    'from:closure-awaiting-broadcast': ({ event }) => event.facts.withdrawalFrom === 'closure-awaiting-broadcast',
    'from:closure-open-for-objections': ({ event }) => event.facts.withdrawalFrom === 'closure-open-for-objections',
  },
}).createMachine({
  id: 'services-alert',
  initial: 'draft',
  states: {
    draft: {
      on: {
        'alert.edit': { target: 'draft', guard: 'initiatingHandler' },
        'alert.delete': { target: 'draft', guard: 'initiatingHandler' },
        'alert.submit': { target: 'submitted-for-broadcast', guard: 'initiatingHandler' },
      },
    },
    'submitted-for-broadcast': {
      on: {
        'alert.forward-to-coordinator': { target: 'submitted-for-broadcast', guard: 'selectedBroadcaster' },
        'alert.accept': { target: 'awaiting-broadcast', guard: 'selectedBroadcaster' },
        ...beforeBroadcast('submitted-for-broadcast'),
      },
    },
    'awaiting-broadcast': {
      on: {
        'alert.broadcast': { target: 'broadcast', guard: 'selectedBroadcaster' },
        'alert.add-recipient-states': { target: 'awaiting-broadcast', guard: 'selectedBroadcaster' },
        ...beforeBroadcast('awaiting-broadcast'),
      },
    },
    broadcast: {
      on: {
        ...live('broadcast'),
        'alert.change-establishment': { target: 'broadcast', guard: 'broadcastingBroadcaster' },
        'alert.propose-closure': { target: 'closure-open-for-comments', guard: 'closureProposer' },
      },
    },
    'closure-open-for-comments': {
      on: {
        ...live('closure-open-for-comments'),
        'alert.comment': { target: 'closure-open-for-comments', guard: and(['commenter', 'commentPeriodOpen']) },
        'alert.edit-closure-proposal': { target: 'closure-open-for-comments', guard: 'proposalEditor' },
        'alert.cancel-closure-proposal': { target: 'broadcast', guard: 'proposalEditor' },
        'alert.end-comment-period': { target: 'closure-awaiting-broadcast', guard: and(['system', not('commentPeriodOpen')]) },
      },
    },
    'closure-awaiting-broadcast': {
      on: {
        ...live('closure-awaiting-broadcast'),
        'alert.edit-closure-proposal': { target: 'closure-awaiting-broadcast', guard: 'proposalEditor' },
        'alert.cancel-closure-proposal': { target: 'broadcast', guard: 'proposalEditor' },
        'alert.broadcast-closure-proposal': { target: 'closure-open-for-objections', guard: 'closureBroadcaster' },
      },
    },
    'closure-open-for-objections': {
      on: {
        ...live('closure-open-for-objections'),
        'alert.cancel-closure-proposal': { target: 'broadcast', guard: 'proposalEditor' },
        'alert.end-objection-period': {
          target: 'closure-open-for-objections',
          guard: and(['system', 'objectionPeriodOver', not('objectionPeriodEnded')]),
        },
        'alert.close': { target: 'closed', guard: and(['closureBroadcaster', 'objectionPeriodOver']) },
      },
    },
    'withdrawal-to-be-broadcast': {
      on: {
        ...recipientsAndInformation('withdrawal-to-be-broadcast'),
        'alert.cancel-withdrawal': [
          { target: 'broadcast', guard: and(['initiatingHandler', 'from:broadcast']) },
          { target: 'closure-open-for-comments', guard: and(['initiatingHandler', 'from:closure-open-for-comments']) },
          { target: 'closure-awaiting-broadcast', guard: and(['initiatingHandler', 'from:closure-awaiting-broadcast']) },
          { target: 'closure-open-for-objections', guard: and(['initiatingHandler', 'from:closure-open-for-objections']) },
        ],
        'alert.broadcast-withdrawal': { target: 'withdrawn', guard: 'withdrawalBroadcaster' },
      },
    },
    withdrawn: { on: retention('withdrawn') },
    closed: { on: retention('closed') },
  },
})

type AlertSnapshot = ReturnType<typeof alertMachine.resolveState>

// The machine has no context, so one resolved snapshot per status serves every alert.
const snapshots = new Map<AlertStatus, AlertSnapshot>()
const snapshotOf = (status: AlertStatus): AlertSnapshot => {
  let s = snapshots.get(status)
  if (s === undefined) {
    s = alertMachine.resolveState({ value: status, context: {} })
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
export const alertTarget = (status: AlertStatus, event: AlertMachineEvent): AlertStatus | undefined => {
  const enabled = alertMachine.getTransitionData(snapshotOf(status), event)
  const target = enabled?.[0]?.target?.[0]
  return target === undefined ? undefined : (target.key as AlertStatus)
}

/** The actions the machine declares in a status, whoever performs them. @category machine */
export const alertActionsIn = (status: AlertStatus): ReadonlyArray<string> =>
  Object.keys((alertMachine.config.states as Record<string, { on?: Record<string, unknown> }>)[status]?.on ?? {})
