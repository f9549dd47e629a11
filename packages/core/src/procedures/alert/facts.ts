/**
 * Who stands where in an alert: the participants and their standing, the state proposing closure,
 * the editors the final-approval parameter designates, and the facts the machine's guards read.
 *
 * @module
 */
import type { Viewer } from '../../model/actor.js'
import type { Authority } from '../../model/authorities.js'
import { alertAccess, canUseAlertWorkflow, isAlertCoordinator, isIncomingAlertMailbox } from '../../model/authorities.js'
import type { Directory } from '../../model/directory.js'
import type { AuthorityId } from '../../model/ids.js'
import type { MemberState } from '../../model/member-states.js'
import { hasAlertRole } from '../../model/users.js'
import type { AlertFacts } from './machine.js'
import type { AlertRecipient, AlertState } from './model.js'

/**
 * How much an authority takes part in an alert: `full` for the initiating authority, the selected
 * and broadcasting coordinators, recipients and coordinators brought in by a step; `metadata` for
 * removed recipients that hold no such other part (ALERT-REMOVED-LOSES-PD) and coordinators that
 * passed the alert on before broadcast; `undefined` for the others.
 *
 * @category queries
 */
export const alertStanding = (s: AlertState, id: AuthorityId): 'full' | 'metadata' | undefined => {
  if (id === s.initiatingAuthority) return 'full'
  // Removal takes away what an authority had as a recipient, not its part as the coordinator that
  // broadcast the alert or that a pending step awaits: it still acts there, so it must see what it acts on.
  if (s.status !== 'draft' && id === s.selectedCoordinator) return 'full'
  if (id === s.broadcastingCoordinator || s.involved.includes(id)) return 'full'
  const recipient = s.recipients.find((r) => r.authorityId === id)
  if (recipient?.removed === true) return 'metadata'
  if (recipient !== undefined) return 'full'
  if (s.formerCoordinators.includes(id)) return 'metadata'
  return undefined
}

/** Every authority with a standing in the alert. @category queries */
export const alertParticipants = (s: AlertState): ReadonlyArray<AuthorityId> => [
  ...new Set([
    s.initiatingAuthority,
    ...(s.status !== 'draft' && s.selectedCoordinator !== undefined ? [s.selectedCoordinator] : []),
    ...(s.broadcastingCoordinator === undefined ? [] : [s.broadcastingCoordinator]),
    ...s.recipients.map((r) => r.authorityId),
    ...s.involved,
    ...s.formerCoordinators,
  ]),
]

/**
 * The state responsible for closure: the provider's state of establishment, or the initiating state
 * when it is unknown (ALERT-CLOSURE-MSE-UNKNOWN); while a proposal is pending, the state that made it.
 *
 * @category queries
 */
export const closureMemberState = (s: AlertState): MemberState =>
  s.closure?.memberState ?? s.content.establishment ?? s.initiatingMemberState

/** The recipient entry of an authority that was not removed. @category queries */
export const activeRecipient = (s: AlertState, id: AuthorityId): AlertRecipient | undefined =>
  s.recipients.find((r) => r.authorityId === id && !r.removed)

/** True when a coordinator holds the final-approval parameter (spec §7.3). @category queries */
export const hasFinalApproval = (directory: Directory, id: AuthorityId | undefined): boolean => {
  const a = id === undefined ? undefined : directory.authority(id)
  return a !== undefined && isAlertCoordinator(a) && alertAccess(a)?.finalApproval === true
}

/** True when the authority is an active alert coordinator. @category queries */
export const isUsableAlertCoordinator = (a: Authority | undefined): a is Authority => a !== undefined && canUseAlertWorkflow(a) && isAlertCoordinator(a)

/**
 * The coordinators an authority may turn to (submit an alert, information or a closure proposal): the
 * active alert coordinators linked to it, and itself when it is one (ALERT-SUBMIT-COORDINATOR,
 * ALERT-INFO-TARGET-COORD, ALERT-CLOSURE-COORDINATOR).
 *
 * @category queries
 */
export const reachableCoordinators = (directory: Directory, authority: Authority): ReadonlyArray<AuthorityId> => {
  const linked = alertAccess(authority)?.linkedCoordinators ?? []
  const own = isAlertCoordinator(authority) ? [authority.id] : []
  return [...new Set([...own, ...linked])].filter((id) => {
    const c = directory.authority(id)
    return isUsableAlertCoordinator(c) && c.memberState === authority.memberState
  })
}

/** The active incoming alert mailboxes of a member state; only alert coordinators count (ACT-MAILBOX-IS-COORDINATOR). @category queries */
export const incomingMailboxes = (directory: Directory, ms: MemberState): ReadonlyArray<Authority> =>
  directory.authorities().filter((a) => a.memberState === ms && isAlertCoordinator(a) && isIncomingAlertMailbox(a) && canUseAlertWorkflow(a))

const NONE: AlertFacts = {
  system: false,
  initiatingHandler: false,
  selectedBroadcaster: false,
  unbroadcastEditor: false,
  broadcastingBroadcaster: false,
  modifier: false,
  withdrawalBroadcaster: false,
  acknowledger: false,
  forwarder: false,
  remover: false,
  informer: false,
  informationEditor: false,
  informationBroadcaster: false,
  closureProposer: false,
  commenter: false,
  commentPeriodOpen: false,
  proposalEditor: false,
  closureBroadcaster: false,
  objectionPeriodOver: false,
  objectionPeriodEnded: false,
  withdrawalFrom: undefined,
  personalDataAvailable: false,
  personalDataPresent: false,
}

/**
 * The facts the machine's guards read, for one viewer at one instant.
 *
 * @category queries
 */
export const alertFacts = (s: AlertState, viewer: Viewer, directory: Directory, now: Date): AlertFacts => {
  const at = now.toISOString()
  const closure = s.closure
  const timing = {
    commentPeriodOpen: closure !== undefined && s.status === 'closure-open-for-comments' && at < closure.commentPeriodEndsAt,
    objectionPeriodOver: closure?.objectionPeriodEndsAt !== undefined && at >= closure.objectionPeriodEndsAt,
    objectionPeriodEnded: closure?.objectionPeriodEnded === true,
    withdrawalFrom: s.withdrawal?.from,
    personalDataAvailable: s.personalData === 'available',
    personalDataPresent: s.personalData !== 'erased',
  }
  if (viewer.kind === 'system-administrator') return { ...NONE, ...timing, system: true }
  if (viewer.kind !== 'user') return { ...NONE, ...timing }
  const { user, authority } = viewer
  const active = canUseAlertWorkflow(authority) && user.status === 'active'
  const handler = active && hasAlertRole(user, authority, 'alert-handler')
  const broadcaster = active && hasAlertRole(user, authority, 'alert-broadcaster')
  const me = authority.id
  const recipient = activeRecipient(s, me)
  const full = alertStanding(s, me) === 'full'
  const beforeBroadcast = s.status === 'submitted-for-broadcast' || s.status === 'awaiting-broadcast'
  const initiatingHandler = handler && me === s.initiatingAuthority
  const selectedBroadcaster = broadcaster && beforeBroadcast && me === s.selectedCoordinator
  const broadcastingBroadcaster = broadcaster && s.broadcastingCoordinator !== undefined && me === s.broadcastingCoordinator
  const broadcastingUsable = isUsableAlertCoordinator(s.broadcastingCoordinator === undefined ? undefined : directory.authority(s.broadcastingCoordinator))
  const initiating = directory.authority(s.initiatingAuthority)
  const mailbox = recipient !== undefined && (recipient.kind === 'mailbox' || recipient.kind === 'initiating-mailbox')
  const pendingInformation = s.information.filter((i) => i.status === 'submitted')
  const inClosureState = authority.memberState === closureMemberState(s)
  return {
    ...timing,
    system: false,
    initiatingHandler,
    selectedBroadcaster,
    unbroadcastEditor: beforeBroadcast && (hasFinalApproval(directory, s.selectedCoordinator) ? selectedBroadcaster : initiatingHandler),
    broadcastingBroadcaster,
    modifier: hasFinalApproval(directory, s.broadcastingCoordinator) ? broadcastingBroadcaster : initiatingHandler,
    withdrawalBroadcaster:
      broadcaster &&
      (broadcastingUsable
        ? me === s.broadcastingCoordinator
        : initiating !== undefined && (alertAccess(initiating)?.linkedCoordinators ?? []).includes(me) && isAlertCoordinator(authority)),
    acknowledger: broadcaster && recipient?.kind === 'mailbox' && recipient.mailboxState === 'awaiting-acknowledgement',
    forwarder: broadcaster && recipient !== undefined && isAlertCoordinator(authority) && recipient.mailboxState !== 'awaiting-acknowledgement',
    remover:
      broadcaster &&
      mailbox &&
      s.recipients.some((r) => r.kind === 'forwarded' && !r.removed && !r.hasActed && r.memberState === authority.memberState),
    informer: (handler || broadcaster) && full,
    informationEditor: pendingInformation.some((i) =>
      hasFinalApproval(directory, i.coordinator) ? broadcaster && me === i.coordinator : handler && me === i.submittingAuthority,
    ),
    informationBroadcaster: broadcaster && pendingInformation.some((i) => i.coordinator === me),
    closureProposer: handler && s.status === 'broadcast' && inClosureState && (recipient !== undefined || me === s.initiatingAuthority),
    commenter:
      handler &&
      closure !== undefined &&
      authority.memberState === closure.memberState &&
      me !== closure.proposingAuthority &&
      (recipient !== undefined || me === s.initiatingAuthority),
    proposalEditor:
      closure !== undefined &&
      (hasFinalApproval(directory, closure.coordinator) ? broadcaster && me === closure.coordinator : handler && me === closure.proposingAuthority),
    closureBroadcaster: closure !== undefined && broadcaster && me === closure.coordinator,
  }
}
