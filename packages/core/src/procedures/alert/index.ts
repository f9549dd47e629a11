/**
 * The Services Directive alert (Directive 2006/123/EC, Art. 29 and 32; spec §7): one member state
 * broadcasts to several, each recipient state acknowledges and routes inside itself, and closure runs
 * through a comment period in one state and an objection period in all.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Viewer } from '../../model/actor.js'
import type { Context } from '../../model/context.js'
import { domainError } from '../../model/errors.js'
import type { ActionId, Procedure } from '../../procedure/procedure.js'
import type { AlertAction, AlertCommand } from './commands.js'
import { ALERT_ACTIONS, AlertCommandCodec } from './commands.js'
import { decideAlert } from './decide.js'
import type { AlertEvent } from './events.js'
import { ALERT_PROCEDURE_VERSION, AlertEventCodec, alertEventCodecOf } from './events.js'
import { evolveAlert } from './evolve.js'
import { alertFacts } from './facts.js'
import { alertActionsIn, alertMachine, alertTarget } from './machine.js'
import type { AlertPolicy, AlertState } from './model.js'
import { ALERT_PROCEDURE_ID, ALERT_STATUSES } from './model.js'
import { alertNotifications } from './notifications.js'
import { alertRetention, alertTimers } from './retention.js'
import { alertSummary, viewAlert } from './view.js'

/** Actions run by the `system` actor only: the ends of the periods and retention. */
const SYSTEM_ACTIONS: ReadonlyArray<AlertAction> = ['alert.end-comment-period', 'alert.end-objection-period', 'alert.block-personal-data', 'alert.erase-personal-data']

/**
 * Actions that never put an alert on an action list by themselves. Built with a pure `concat`, not a
 * spread, so that the browser bundle, which does not use it, can drop it.
 */
const HOUSEKEEPING: ReadonlyArray<ActionId> = /* @__PURE__ */ [
  'alert.edit',
  'alert.delete',
  'alert.modify',
  'alert.add-recipient-states',
  'alert.remove-recipient',
  'alert.submit-information',
  'alert.edit-information',
  'alert.delete-information',
  'alert.propose-withdrawal',
  'alert.change-establishment',
  'alert.edit-closure-proposal',
  'alert.cancel-closure-proposal',
  'alert.propose-closure',
  'alert.forward-within-state',
  'alert.forward-to-coordinator',
  'alert.remove-personal-data',
].concat(SYSTEM_ACTIONS)

const availableActions = (s: AlertState, viewer: Viewer, ctx: Context): ReadonlyArray<AlertAction> => {
  const facts = alertFacts(s, viewer, ctx.directory, ctx.now)
  const on = alertActionsIn(s.status)
  return ALERT_ACTIONS.filter((a) => on.includes(a) && alertTarget(s.status, { type: a, facts }) !== undefined)
}

/**
 * Builds the alert procedure. The comment and objection periods have no default: they are agreed by
 * all member states and must be given (ALERT-PERIODS-CONFIGURED).
 *
 * @example
 * ```ts
 * import { createAlertProcedure, createProcedureRegistry, requestForInformation } from '@imi-kit/core'
 * const alerts = createAlertProcedure({ commentPeriod: { days: 10 }, objectionPeriod: { days: 15 } })
 * const registry = createProcedureRegistry([requestForInformation, alerts])
 * registry.forAction('alert.broadcast')?.id // 'services.alert'
 * ```
 * @category procedures
 */
export const createAlertProcedure = (policy: AlertPolicy): Procedure<AlertState, AlertCommand, AlertEvent> => {
  const decide = decideAlert(policy)
  return {
    id: ALERT_PROCEDURE_ID,
    version: ALERT_PROCEDURE_VERSION,
    legalBasis: 'Directive 2006/123/EC (Services Directive), Art. 29(3) and 32(1); Regulation (EU) No 1024/2012 (IMI Regulation)',
    machine: alertMachine,
    statuses: ALERT_STATUSES,
    commands: AlertCommandCodec,
    events: AlertEventCodec,
    eventCodec: alertEventCodecOf,
    erasesPersonalData: (e) => e.type === 'alert.personal-data-erased',
    creationActions: ['alert.create'],
    actions: ALERT_ACTIONS,
    decide: (command, state, ctx) => {
      // The system actor holds no user's standing, so the machine refuses it every user action with that action's own rule.
      if (ctx.actor.kind === 'user' && SYSTEM_ACTIONS.includes(command.type))
        return E.left(domainError('alert.not-allowed', 'Periods end and retention runs on schedule, not by a user', command.type.includes('comment') ? 'ALERT-COMMENT-PERIOD-END' : command.type.includes('objection') ? 'ALERT-OBJECTION-PERIOD-END' : 'RET-ALERT-PD-PURGE'))
      return decide(command, state, ctx)
    },
    evolve: evolveAlert,
    view: viewAlert,
    availableActions,
    needsAction: (s, viewer, ctx) => viewer.kind === 'user' && availableActions(s, viewer, ctx).some((a) => !HOUSEKEEPING.includes(a)),
    timers: alertTimers,
    notifications: alertNotifications(policy),
    retention: alertRetention,
    summary: alertSummary,
    stateVersion: (s) => s.version,
  }
}

export type { AlertCommand, AlertAction, AlertCommandOf } from './commands.js'
export { AlertCommandCodec, ALERT_ACTIONS } from './commands.js'
export type { AlertEvent, AlertEventOf, AlertEventType, AlertEventPayloads } from './events.js'
export { AlertEventCodec, ALERT_EVENT_PAYLOADS, ALERT_PROCEDURE_VERSION, alertEventCodecOf } from './events.js'
export type { AlertFacts, AlertMachineEvent } from './machine.js'
export { alertMachine, alertTarget, alertActionsIn } from './machine.js'
export type {
  AlertComment,
  AlertContent,
  AlertContentPatch,
  AlertCriterion,
  AlertHistoryEntry,
  AlertInformation,
  AlertInformationKind,
  AlertPolicy,
  AlertRecipient,
  AlertState,
  AlertStatus,
  ClosureProposal,
  DisplayedAlertStatus,
  HistoryAudience,
  MailboxState,
  PeriodDays,
  RecipientKind,
  ServiceProvider,
  StatusContext,
  WithdrawalProposal,
} from './model.js'
export {
  ALERT_CRITERIA,
  ALERT_INFORMATION_KINDS,
  ALERT_PROCEDURE_ID,
  ALERT_STATUSES,
  AlertContentPatchCodec,
  AlertInformationKindCodec,
  CLOSURE_ALERT_STATUSES,
  LIVE_ALERT_STATUSES,
  PersonalCaseDescriptionCodec,
  PersonalFreeTextCodec,
  PersonalProviderCodec,
  ServiceProviderCodec,
} from './model.js'
export type { SubmitProblem } from './decide.js'
export { alertSubmitProblems } from './decide.js'
export { evolveAlert } from './evolve.js'
export { activeRecipient, alertFacts, alertParticipants, alertStanding, closureMemberState, hasFinalApproval, incomingMailboxes, isUsableAlertCoordinator, reachableCoordinators } from './facts.js'
export { alertNotifications } from './notifications.js'
export { ALERT_PD_BLOCK_MONTHS, ALERT_PD_ERASE_MONTHS, alertRetention, alertTimers } from './retention.js'
export type { AlertContentView } from './view.js'
export { AlertContentViewCodec, alertAccessLevel, alertAudience, alertSummary, displayedAlertStatus, statusSeenFrom, viewAlert } from './view.js'
