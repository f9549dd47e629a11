/**
 * The alert decider: validates a command against the state, the machine and the directory, and
 * returns the events it causes, or a {@link DomainError} naming the rule that refuses it.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, Viewer } from '../../model/actor.js'
import { viewerOf } from '../../model/actor.js'
import { canUseAlertWorkflow } from '../../model/authorities.js'
import type { Context } from '../../model/context.js'
import type { Directory } from '../../model/directory.js'
import type { DomainError } from '../../model/errors.js'
import { domainError } from '../../model/errors.js'
import type { AuthorityId, ExchangeId } from '../../model/ids.js'
import type { MemberState } from '../../model/member-states.js'
import { hasAlertRole } from '../../model/users.js'
import type { Decision } from '../../procedure/procedure.js'
import { addCalendarDays } from '../../time/calendar.js'
import type { AlertAction, AlertCommand, AlertCommandOf } from './commands.js'
import type { AlertEvent, AlertEventOf, AlertEventPayloads, AlertEventType } from './events.js'
import { ALERT_PROCEDURE_VERSION } from './events.js'
import { alertFacts, activeRecipient, hasFinalApproval, closureMemberState, incomingMailboxes, reachableCoordinators } from './facts.js'
import type { AlertFacts } from './machine.js'
import { alertActionsIn, alertTarget } from './machine.js'
import type { AlertPolicy, AlertState, AlertStatus } from './model.js'
import { ALERT_CRITERIA, ALERT_PROCEDURE_ID } from './model.js'
import { alertRetention } from './retention.js'

type Result = E.Either<DomainError, Decision<AlertEvent>>

/** The rules that name who may perform each action (`actor`) and from which statuses (`status`). */
const ACTION_RULES: Record<AlertAction, { readonly status: string; readonly actor: string }> = {
  'alert.create': { status: 'ALERT-CREATE-WHO', actor: 'ALERT-CREATE-WHO' },
  'alert.edit': { status: 'ALERT-UNBROADCAST-EDITOR', actor: 'ALERT-UNBROADCAST-EDITOR' },
  'alert.delete': { status: 'ALERT-WITHDRAW-STATUSES', actor: 'ALERT-UNBROADCAST-EDITOR' },
  'alert.submit': { status: 'ALERT-SUBMIT-STATUS', actor: 'ALERT-CREATE-WHO' },
  'alert.forward-to-coordinator': { status: 'ALERT-FORWARD-RESELECT', actor: 'ALERT-FORWARD-COORDINATOR' },
  'alert.accept': { status: 'ALERT-ACCEPT-SUBMITTED', actor: 'ALERT-ACCEPT-SUBMITTED' },
  'alert.add-recipient-states': { status: 'ALERT-ADD-MS-BEFORE-BROADCAST', actor: 'ALERT-ADD-MS-AFTER-BROADCAST' },
  'alert.broadcast': { status: 'ALERT-ACCEPT-BEFORE-BROADCAST', actor: 'ALERT-BROADCAST-ACCEPTED' },
  'alert.acknowledge': { status: 'ALERT-MAILBOX-ACKNOWLEDGE', actor: 'ALERT-MAILBOX-ACKNOWLEDGE' },
  'alert.forward-within-state': { status: 'ALERT-MAILBOX-FIRST-FORWARD', actor: 'ALERT-HANDLER-NO-BROADCAST' },
  'alert.remove-recipient': { status: 'ALERT-REMOVE-MAILBOX-ONLY', actor: 'ALERT-REMOVE-MAILBOX-ONLY' },
  'alert.modify': { status: 'ALERT-MODIFY-DURING-CLOSURE', actor: 'ALERT-MODIFY-PROVIDER-CASE' },
  'alert.change-establishment': { status: 'ALERT-CHANGE-MSE-NO-PROPOSAL', actor: 'ALERT-CHANGE-MSE-WHO' },
  'alert.submit-information': { status: 'ALERT-INFO-NOT-CLOSED', actor: 'ALERT-INFO-SUBMIT' },
  'alert.edit-information': { status: 'ALERT-INFO-NOT-CLOSED', actor: 'ALERT-UNBROADCAST-EDITOR' },
  'alert.delete-information': { status: 'ALERT-INFO-NOT-CLOSED', actor: 'ALERT-UNBROADCAST-EDITOR' },
  'alert.broadcast-information': { status: 'ALERT-INFO-NOT-CLOSED', actor: 'ALERT-INFO-BROADCAST' },
  'alert.propose-withdrawal': { status: 'ALERT-WITHDRAW-STATUSES', actor: 'ALERT-WITHDRAW-SUBMIT' },
  'alert.cancel-withdrawal': { status: 'ALERT-WITHDRAW-CANCEL', actor: 'ALERT-WITHDRAW-CANCEL' },
  'alert.broadcast-withdrawal': { status: 'ALERT-WITHDRAW-BROADCAST', actor: 'ALERT-WITHDRAW-COORDINATOR' },
  'alert.propose-closure': { status: 'ALERT-CLOSURE-FROM-BROADCAST', actor: 'ALERT-CLOSURE-BY-MSE' },
  'alert.comment': { status: 'ALERT-COMMENT-IN-PERIOD', actor: 'ALERT-COMMENT-WHO' },
  'alert.edit-closure-proposal': { status: 'ALERT-PROPOSAL-EDITOR', actor: 'ALERT-PROPOSAL-EDITOR' },
  'alert.cancel-closure-proposal': { status: 'ALERT-PROPOSAL-CANCEL-RETURNS', actor: 'ALERT-PROPOSAL-EDITOR' },
  'alert.end-comment-period': { status: 'ALERT-COMMENT-PERIOD-END', actor: 'ALERT-COMMENT-PERIOD-END' },
  'alert.broadcast-closure-proposal': { status: 'ALERT-PROPOSAL-BROADCAST', actor: 'ALERT-PROPOSAL-BROADCAST' },
  'alert.end-objection-period': { status: 'ALERT-OBJECTION-PERIOD-END', actor: 'ALERT-OBJECTION-PERIOD-END' },
  'alert.close': { status: 'ALERT-CLOSE-STATUS', actor: 'ALERT-CLOSE-WHO' },
  'alert.block-personal-data': { status: 'RET-ALERT-PD-PURGE', actor: 'RET-ALERT-PD-PURGE' },
  'alert.erase-personal-data': { status: 'RET-ALERT-PD-PURGE', actor: 'RET-ALERT-PD-PURGE' },
  'alert.remove-personal-data': { status: 'RET-EARLY-REMOVAL', actor: 'RET-EARLY-REMOVAL' },
}

const fail = (code: string, message: string, ruleId?: string, details?: Record<string, unknown>): Result =>
  E.left(domainError(code, message, ruleId, details))

const only = (...events: ReadonlyArray<AlertEvent>): Result => E.right({ events, spawned: [], erase: false })

const event = <T extends AlertEventType>(
  type: T,
  exchangeId: ExchangeId,
  ctx: Context,
  from: AlertStatus | undefined,
  to: AlertStatus,
  payload: AlertEventPayloads[T],
): AlertEventOf<T> =>
  ({
    type,
    exchangeId,
    procedure: ALERT_PROCEDURE_ID,
    procedureVersion: ALERT_PROCEDURE_VERSION,
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    ...(from === undefined ? {} : { from }),
    to,
    payload,
  }) as AlertEventOf<T>

/**
 * Something that keeps an alert from being submitted, with the rule that requires it.
 *
 * @category model
 */
export interface SubmitProblem {
  readonly code: string
  readonly ruleId: string
  readonly message: string
  readonly field: string
}

/**
 * Everything that keeps a draft alert from being submitted to `coordinator` (the selected one when
 * absent): unconfirmed criteria, missing provider data or case, a coordinator that is not linked, no
 * recipient state. Empty when it may be submitted. Forms use it to mark what is missing.
 *
 * @category queries
 */
export const alertSubmitProblems = (
  s: AlertState,
  directory: Directory,
  policy: AlertPolicy,
  coordinator: AuthorityId | undefined = s.selectedCoordinator,
): ReadonlyArray<SubmitProblem> => {
  const problems: SubmitProblem[] = []
  const criteria = policy.checklist ?? ALERT_CRITERIA
  const missing = criteria.filter((c) => !s.content.checklist.includes(c.id))
  if (missing.length > 0)
    problems.push({ code: 'alert.checklist-incomplete', ruleId: 'ALERT-SUBMIT-CHECKLIST', message: `Confirm every criterion: ${missing.map((c) => c.id).join(', ')}`, field: 'checklist' })
  if (s.content.provider === undefined || s.content.serviceActivity === undefined)
    problems.push({ code: 'alert.provider-missing', ruleId: 'ALERT-SUBMIT-CONTENT', message: 'Enter the service provider and its activity', field: 'provider' })
  if (s.content.caseDescription === undefined)
    problems.push({ code: 'alert.case-missing', ruleId: 'ALERT-SUBMIT-CONTENT', message: 'Describe the case', field: 'caseDescription' })
  else if ('text' in s.content.caseDescription && s.content.caseDescription.language === undefined)
    problems.push({ code: 'alert.language-missing', ruleId: 'ALERT-SUBMIT-CONTENT', message: 'Declare the language of the case description', field: 'caseDescription' })
  const initiating = directory.authority(s.initiatingAuthority)
  if (coordinator === undefined || initiating === undefined || !reachableCoordinators(directory, initiating).includes(coordinator))
    problems.push({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-SUBMIT-COORDINATOR', message: 'Select an alert coordinator linked to your authority', field: 'coordinator' })
  if (s.content.recipientStates.length === 0)
    problems.push({ code: 'alert.no-recipient-state', ruleId: 'ALERT-SUBMIT-RECIPIENT-MS', message: 'Select at least one recipient member state', field: 'recipientStates' })
  // A state without an incoming mailbox could never receive the broadcast (ACT-MAILBOX-MIN-ONE).
  const unreachable = s.content.recipientStates.filter((ms) => incomingMailboxes(directory, ms).length === 0)
  if (unreachable.length > 0)
    problems.push({ code: 'alert.no-mailbox', ruleId: 'ACT-MAILBOX-MIN-ONE', message: `No incoming alert mailbox in ${unreachable.join(', ')}`, field: 'recipientStates' })
  return problems
}

const stored = (patch: AlertCommandOf<'alert.edit'> | AlertCommandOf<'alert.create'>): AlertEventPayloads['alert.edited']['content'] => {
  const { type: _t, coordinator: _c, ...content } = patch as AlertCommandOf<'alert.edit'> & { exchangeId?: ExchangeId }
  const { exchangeId: _e, ...rest } = content as typeof content & { exchangeId?: ExchangeId }
  return rest
}

const ownStateProblem = (states: ReadonlyArray<MemberState> | undefined, own: MemberState): Result | undefined =>
  states?.includes(own) === true
    ? fail('alert.recipient-own-state', 'Broadcasting sends an alert to other member states; its own state receives it through its mailbox', 'ALERT-WITHIN-MS-ACTIONS')
    : undefined

/** The mailboxes that receive the alert in these states; an error names a state that has none. */
const deliveriesTo = (directory: Directory, states: ReadonlyArray<MemberState>, kind: 'mailbox' | 'initiating-mailbox', skip: ReadonlyArray<AuthorityId>) => {
  const out: Array<{ authorityId: AuthorityId; memberState: MemberState; kind: 'mailbox' | 'initiating-mailbox' }> = []
  for (const ms of states) {
    const boxes = incomingMailboxes(directory, ms)
    if (boxes.length === 0) return E.left(domainError('alert.no-mailbox', `${ms} has no active incoming alert mailbox`, 'ACT-MAILBOX-MIN-ONE', { memberState: ms }))
    for (const b of boxes) if (!skip.includes(b.id)) out.push({ authorityId: b.id, memberState: ms, kind })
  }
  return E.right(out)
}

type Handler<A extends AlertAction> = (s: AlertState, to: AlertStatus, c: AlertCommandOf<A>, ctx: Context, viewer: Viewer, f: AlertFacts) => Result

const me = (v: Viewer): AuthorityId | undefined => (v.kind === 'user' ? v.authority.id : undefined)

const handlers = (policy: AlertPolicy): { readonly [A in AlertAction]?: Handler<A> } => ({
  'alert.edit': (s, to, c, ctx) => {
    if (s.status !== 'draft' && (c.coordinator !== undefined || c.recipientStates !== undefined))
      return fail('alert.edit-restricted', 'After submission the coordinator changes by forwarding, and states are added by its broadcasters', 'ALERT-ADD-MS-BEFORE-BROADCAST')
    const own = ownStateProblem(c.recipientStates, s.initiatingMemberState)
    if (own !== undefined) return own
    return only(event('alert.edited', s.exchangeId, ctx, s.status, to, { content: stored(c), ...(c.coordinator === undefined ? {} : { coordinator: c.coordinator }) }))
  },
  'alert.delete': (s, to, _c, ctx, viewer) => {
    const notify = s.status === 'draft' ? 'none' : me(viewer) === s.initiatingAuthority ? 'coordinator' : 'initiating'
    return E.right({ events: [event('alert.deleted', s.exchangeId, ctx, s.status, to, { notify })], spawned: [], erase: true })
  },
  'alert.submit': (s, to, c, ctx) => {
    const coordinator = c.coordinator ?? s.selectedCoordinator
    const problems = alertSubmitProblems(s, ctx.directory, policy, coordinator)
    const first = problems[0]
    if (first !== undefined || coordinator === undefined)
      return fail(first?.code ?? 'alert.coordinator-invalid', first?.message ?? 'Select a coordinator', first?.ruleId ?? 'ALERT-SUBMIT-COORDINATOR', { problems })
    return only(event('alert.submitted', s.exchangeId, ctx, s.status, to, { coordinator }))
  },
  'alert.forward-to-coordinator': (s, to, c, ctx) => {
    const target = ctx.directory.authority(c.coordinator)
    const current = s.selectedCoordinator === undefined ? undefined : ctx.directory.authority(s.selectedCoordinator)
    if (target === undefined || current === undefined || !reachableCoordinators(ctx.directory, target).includes(target.id) || c.coordinator === s.selectedCoordinator)
      return fail('alert.coordinator-invalid', 'Forward to another active alert coordinator', 'ALERT-FORWARD-COORDINATOR')
    if (target.memberState !== current.memberState)
      return fail('alert.other-state', 'Forwarding stays within the member state', 'ALERT-WITHIN-MS-ACTIONS')
    return only(event('alert.forwarded-to-coordinator', s.exchangeId, ctx, s.status, to, { coordinator: c.coordinator }))
  },
  'alert.accept': (s, to, _c, ctx) => only(event('alert.accepted', s.exchangeId, ctx, s.status, to, {})),
  'alert.add-recipient-states': (s, to, c, ctx) => {
    const own = ownStateProblem(c.memberStates, s.initiatingMemberState)
    if (own !== undefined) return own
    const added = [...new Set(c.memberStates)].filter((m) => !s.content.recipientStates.includes(m))
    if (added.length === 0) return fail('alert.nothing-added', 'These states already receive the alert', 'ALERT-ADD-MS-AFTER-BROADCAST')
    const deliveries = deliveriesTo(ctx.directory, added, 'mailbox', [s.initiatingAuthority])
    if (E.isLeft(deliveries)) return deliveries
    if (s.broadcastAt === undefined) return only(event('alert.recipient-states-added', s.exchangeId, ctx, s.status, to, { memberStates: added, deliveries: [] }))
    return only(event('alert.recipient-states-added', s.exchangeId, ctx, s.status, to, { memberStates: added, deliveries: deliveries.right }))
  },
  'alert.broadcast': (s, to, _c, ctx) => {
    const recipients = deliveriesTo(ctx.directory, s.content.recipientStates, 'mailbox', [s.initiatingAuthority])
    if (E.isLeft(recipients)) return recipients
    // The initiating state's own mailbox receives every outgoing alert (ALERT-DELIVER-OWN-MAILBOX).
    const own = incomingMailboxes(ctx.directory, s.initiatingMemberState)
      .filter((b) => b.id !== s.initiatingAuthority)
      .map((b) => ({ authorityId: b.id, memberState: b.memberState, kind: 'initiating-mailbox' as const }))
    return only(event('alert.broadcast', s.exchangeId, ctx, s.status, to, { deliveries: [...recipients.right, ...own] }))
  },
  'alert.acknowledge': (s, to, _c, ctx, viewer) => only(event('alert.acknowledged', s.exchangeId, ctx, s.status, to, { authorityId: me(viewer) as AuthorityId })),
  'alert.forward-within-state': (s, to, c, ctx, viewer) => {
    if (viewer.kind !== 'user') return fail('alert.not-allowed', 'Only users forward alerts', 'ALERT-HANDLER-NO-BROADCAST')
    const deliveries = []
    for (const id of new Set(c.authorities)) {
      const a = ctx.directory.authority(id)
      if (a === undefined || !canUseAlertWorkflow(a))
        return fail('alert.forward-target', `${id} has no active access to the alert workflow`, 'ALERT-MAILBOX-FIRST-FORWARD', { authorityId: id })
      if (a.memberState !== viewer.authority.memberState)
        return fail('alert.other-state', 'Forwarding stays within the member state', 'ALERT-WITHIN-MS-ACTIONS', { authorityId: id })
      if (id === s.initiatingAuthority || id === viewer.authority.id || activeRecipient(s, id) !== undefined)
        return fail('alert.already-recipient', `${id} already has the alert`, 'ALERT-COORD-ADDS-RECIPIENTS', { authorityId: id })
      deliveries.push({ authorityId: id, memberState: a.memberState, kind: 'forwarded' as const })
    }
    return only(event('alert.forwarded-within-state', s.exchangeId, ctx, s.status, to, { by: viewer.authority.id, deliveries }))
  },
  'alert.remove-recipient': (s, to, c, ctx, viewer) => {
    const r = activeRecipient(s, c.authorityId)
    if (viewer.kind !== 'user' || r === undefined || r.kind !== 'forwarded' || r.memberState !== viewer.authority.memberState)
      return fail('alert.not-removable', 'A mailbox removes only authorities its state forwarded the alert to', 'ALERT-REMOVE-MAILBOX-ONLY')
    if (r.hasActed) return fail('alert.recipient-acted', 'This recipient has already acted on the alert', 'ALERT-REMOVE-NOT-ACTED')
    return only(event('alert.recipient-removed', s.exchangeId, ctx, s.status, to, { by: viewer.authority.id, authorityId: c.authorityId }))
  },
  'alert.modify': (s, to, c, ctx) => {
    const { type: _t, exchangeId: _e, ...content } = c
    if (Object.keys(content).length === 0) return fail('alert.nothing-modified', 'Give the provider data, activity or case to change', 'ALERT-MODIFY-PROVIDER-CASE')
    return only(event('alert.modified', s.exchangeId, ctx, s.status, to, { content }))
  },
  'alert.change-establishment': (s, to, c, ctx) =>
    c.establishment === (s.content.establishment ?? null)
      ? fail('alert.nothing-modified', 'That is already the state of establishment', 'ALERT-CHANGE-MSE-WHO')
      : only(event('alert.establishment-changed', s.exchangeId, ctx, s.status, to, { establishment: c.establishment })),
  'alert.submit-information': (s, to, c, ctx, viewer) => {
    if (viewer.kind !== 'user') return fail('alert.not-allowed', 'Only users submit information', 'ALERT-INFO-SUBMIT')
    if (c.kind === 'objection') {
      if (s.status !== 'closure-open-for-objections' || s.closure?.objectionPeriodEndsAt === undefined || ctx.now.toISOString() >= s.closure.objectionPeriodEndsAt)
        return fail('alert.objection-period', 'Objections are accepted only during the objection period', 'ALERT-OBJECTION-IN-PERIOD')
      if (viewer.authority.memberState === s.closure.memberState)
        return fail('alert.objection-own-state', 'The state proposing closure comments; it does not object', 'ALERT-OBJECTION-WHO')
    }
    if (!reachableCoordinators(ctx.directory, viewer.authority).includes(c.coordinator))
      return fail('alert.coordinator-invalid', 'Submit to an alert coordinator linked to your authority, or to your own', 'ALERT-INFO-TARGET-COORD')
    return only(
      event('alert.information-submitted', s.exchangeId, ctx, s.status, to, {
        informationId: ctx.ids.itemId(),
        kind: c.kind,
        submittingAuthority: viewer.authority.id,
        memberState: viewer.authority.memberState,
        coordinator: c.coordinator,
        text: c.text,
      }),
    )
  },
  'alert.edit-information': (s, to, c, ctx, viewer) => {
    const problem = informationProblem(s, c.informationId, viewer, ctx.directory, 'edit')
    return problem ?? only(event('alert.information-edited', s.exchangeId, ctx, s.status, to, { informationId: c.informationId, text: c.text }))
  },
  'alert.delete-information': (s, to, c, ctx, viewer) => {
    const problem = informationProblem(s, c.informationId, viewer, ctx.directory, 'edit')
    return problem ?? only(event('alert.information-deleted', s.exchangeId, ctx, s.status, to, { informationId: c.informationId }))
  },
  'alert.broadcast-information': (s, to, c, ctx, viewer) => {
    const problem = informationProblem(s, c.informationId, viewer, ctx.directory, 'broadcast')
    return problem ?? only(event('alert.information-broadcast', s.exchangeId, ctx, s.status, to, { informationId: c.informationId }))
  },
  'alert.propose-withdrawal': (s, to, c, ctx) => only(event('alert.withdrawal-proposed', s.exchangeId, ctx, s.status, to, { reason: c.reason })),
  'alert.cancel-withdrawal': (s, to, _c, ctx) => only(event('alert.withdrawal-cancelled', s.exchangeId, ctx, s.status, to, {})),
  'alert.broadcast-withdrawal': (s, to, _c, ctx) => only(event('alert.withdrawal-broadcast', s.exchangeId, ctx, s.status, to, {})),
  'alert.propose-closure': (s, to, c, ctx, viewer) => {
    if (viewer.kind !== 'user') return fail('alert.not-allowed', 'Only users propose closure', 'ALERT-CLOSURE-BY-MSE')
    if (!reachableCoordinators(ctx.directory, viewer.authority).includes(c.coordinator))
      return fail('alert.coordinator-invalid', 'Submit the proposal to an alert coordinator linked to your authority', 'ALERT-CLOSURE-COORDINATOR')
    return only(
      event('alert.closure-proposed', s.exchangeId, ctx, s.status, to, {
        round: s.closureRounds + 1,
        proposingAuthority: viewer.authority.id,
        memberState: closureMemberState(s),
        coordinator: c.coordinator,
        text: c.text,
        commentPeriodEndsAt: addCalendarDays(ctx.now.toISOString(), policy.commentPeriod.days),
      }),
    )
  },
  'alert.comment': (s, to, c, ctx, viewer) =>
    only(event('alert.commented', s.exchangeId, ctx, s.status, to, { commentId: ctx.ids.itemId(), authorityId: me(viewer) as AuthorityId, text: c.text })),
  'alert.edit-closure-proposal': (s, to, c, ctx) => only(event('alert.closure-proposal-edited', s.exchangeId, ctx, s.status, to, { text: c.text })),
  'alert.cancel-closure-proposal': (s, to, _c, ctx) => only(event('alert.closure-proposal-cancelled', s.exchangeId, ctx, s.status, to, {})),
  'alert.end-comment-period': (s, to, _c, ctx) => only(event('alert.comment-period-ended', s.exchangeId, ctx, s.status, to, {})),
  'alert.broadcast-closure-proposal': (s, to, c, ctx) => {
    const ids = (s.closure?.comments ?? []).map((x) => x.id)
    const unknown = c.includedComments.filter((id) => !ids.includes(id))
    if (unknown.length > 0) return fail('alert.comment-unknown', 'Include only comments made on this proposal', 'ALERT-PROPOSAL-COMMENTS-SUBSET', { unknown })
    return only(
      event('alert.closure-proposal-broadcast', s.exchangeId, ctx, s.status, to, {
        includedComments: [...new Set(c.includedComments)],
        objectionPeriodEndsAt: addCalendarDays(ctx.now.toISOString(), policy.objectionPeriod.days),
      }),
    )
  },
  'alert.end-objection-period': (s, to, _c, ctx) => only(event('alert.objection-period-ended', s.exchangeId, ctx, s.status, to, {})),
  'alert.close': (s, to, _c, ctx) => only(event('alert.closed', s.exchangeId, ctx, s.status, to, {})),
  'alert.block-personal-data': (s, to, _c, ctx) => {
    const due = alertRetention(s).blockAt
    // A withdrawn alert's schedule counts from the withdrawal (RET-WITHDRAWN-PD-PURGE).
    if (due === undefined || ctx.now.toISOString() < due) return fail('alert.not-due', 'Personal data is blocked six months after closure or withdrawal', s.status === 'withdrawn' ? 'RET-WITHDRAWN-PD-PURGE' : 'RET-ALERT-PD-PURGE', { due })
    return only(event('alert.personal-data-blocked', s.exchangeId, ctx, s.status, to, {}))
  },
  // The same erasure as the scheduled one, recorded with its reason (RET-EARLY-REMOVAL); the machine
  // has checked who acts and that the alert ended with its personal data not yet erased.
  'alert.remove-personal-data': (s, to, c, ctx) =>
    only(event('alert.personal-data-erased', s.exchangeId, ctx, s.status, to, { reason: c.reason, ...(c.requestedBy === undefined ? {} : { requestedBy: c.requestedBy }) })),
  'alert.erase-personal-data': (s, to, _c, ctx) => {
    const due = alertRetention(s).eraseAt
    if (due === undefined || ctx.now.toISOString() < due) return fail('alert.not-due', 'Personal data is erased three years after closure or withdrawal', 'RET-ALERT-PD-PURGE', { due })
    return only(event('alert.personal-data-erased', s.exchangeId, ctx, s.status, to, {}))
  },
})

/** The information a command names, and whether the viewer may edit or broadcast it. */
const informationProblem = (s: AlertState, id: string, viewer: Viewer, directory: Directory, what: 'edit' | 'broadcast'): Result | undefined => {
  const info = s.information.find((i) => i.id === id && i.status === 'submitted')
  if (info === undefined) return fail('alert.information-unknown', 'There is no submitted information with that id', 'ALERT-INFO-BROADCAST', { informationId: id })
  if (viewer.kind !== 'user') return fail('alert.not-allowed', 'Only users act on information', 'ALERT-INFO-SUBMIT')
  const { user, authority } = viewer
  const broadcaster = authority.id === info.coordinator && hasAlertRole(user, authority, 'alert-broadcaster')
  if (what === 'broadcast') return broadcaster ? undefined : fail('alert.not-allowed', 'Only a broadcaster of the coordinator it was submitted to broadcasts it', 'ALERT-INFO-BROADCAST')
  const editor = hasFinalApproval(directory, info.coordinator) ? broadcaster : authority.id === info.submittingAuthority && hasAlertRole(user, authority, 'alert-handler')
  return editor ? undefined : fail('alert.not-allowed', 'Before broadcast, information is changed by the coordinator with final approval, otherwise by its authors', 'ALERT-UNBROADCAST-EDITOR')
}

const create = (command: AlertCommandOf<'alert.create'>, ctx: Context): Result => {
  const viewer = viewerOf(ctx.directory, ctx.actor)
  if (viewer?.kind !== 'user') return fail('alert.not-allowed', 'Alerts are created by users', 'ALERT-CREATE-WHO')
  const { user, authority } = viewer
  if (!canUseAlertWorkflow(authority)) return fail('alert.no-access', 'Your authority has no active access to the Services alert workflow', 'ALERT-CREATE-WHO')
  if (!hasAlertRole(user, authority, 'alert-handler'))
    return fail('alert.not-allowed', 'Only alert handlers launch alerts; alert viewers only read them', hasAlertRole(user, authority, 'alert-viewer') ? 'ACT-ALERT-VIEWER-READ-ONLY' : 'ALERT-CREATE-WHO')
  const own = ownStateProblem(command.recipientStates, authority.memberState)
  if (own !== undefined) return own
  const exchangeId = ctx.ids.exchangeId()
  return only(
    event('alert.created', exchangeId, ctx, undefined, 'draft', {
      // The number is given at the first save, however incomplete the alert (ALERT-NUMBER-FIRST-SAVE).
      number: ctx.ids.exchangeNumber('ALERT'),
      initiatingAuthority: authority.id,
      initiatingMemberState: authority.memberState,
      content: stored(command),
      ...(command.coordinator === undefined ? {} : { coordinator: command.coordinator }),
    }),
  )
}

const actorIs = (a: Actor, kind: Actor['kind']) => a.kind === kind

/**
 * The rule that refuses an actor where it depends on the moment or on the actor more finely than
 * ACTION_RULES says: deleting a draft (ALERT-DRAFT-DELETE), adding states before broadcast
 * (ALERT-ADD-MS-BEFORE-BROADCAST), modifying from another state (ALERT-MODIFY-INITIATING-MS).
 */
const actorRule = (type: AlertAction, s: AlertState, viewer: Viewer, fallback: string): string => {
  if (type === 'alert.delete' && s.status === 'draft') return 'ALERT-DRAFT-DELETE'
  if (type === 'alert.add-recipient-states' && s.broadcastAt === undefined) return 'ALERT-ADD-MS-BEFORE-BROADCAST'
  if (type === 'alert.modify' && (viewer.kind !== 'user' || viewer.authority.memberState !== s.initiatingMemberState)) return 'ALERT-MODIFY-INITIATING-MS'
  return fallback
}

/**
 * Builds the alert decider for a policy.
 *
 * @category procedures
 */
export const decideAlert = (policy: AlertPolicy) => {
  const table = handlers(policy)
  return (command: AlertCommand, state: AlertState | undefined, ctx: Context): Result => {
    if (command.type === 'alert.create') return create(command, ctx)
    if (state === undefined) return fail('exchange.not-found', 'There is no such alert')
    const viewer: Viewer | undefined = actorIs(ctx.actor, 'system') ? { kind: 'system-administrator' } : viewerOf(ctx.directory, ctx.actor)
    if (viewer === undefined) return fail('actor.unknown', 'The acting user is not registered with that authority')
    const facts = alertFacts(state, viewer, ctx.directory, ctx.now)
    const to = alertTarget(state.status, { type: command.type, facts })
    const rules = ACTION_RULES[command.type]
    if (to === undefined) {
      // Before acceptance ALERT-ACCEPT-BEFORE-BROADCAST refuses a broadcast; once broadcast, the alert is no longer awaiting one.
      if (command.type === 'alert.broadcast' && state.broadcastAt !== undefined && state.status !== 'withdrawn' && state.status !== 'closed')
        return fail('alert.wrong-status', 'The alert is already broadcast', 'ALERT-BROADCAST-ACCEPTED', { status: state.status })
      // On a closed alert, information actions are refused by their own rule (ALERT-INFO-NOT-CLOSED), the rest by ALERT-CLOSED-FINAL.
      if (!alertActionsIn(state.status).includes(command.type))
        return fail('alert.wrong-status', `${command.type} is not possible while the alert is ${state.status}`, state.status === 'withdrawn' ? 'ALERT-WITHDRAWN-FROZEN' : state.status === 'closed' && rules.status !== 'ALERT-INFO-NOT-CLOSED' ? 'ALERT-CLOSED-FINAL' : rules.status, { status: state.status })
      // An actor the action is open to, refused only by the clock, is told which period rule refuses it.
      if (command.type === 'alert.comment' && facts.commenter && !facts.commentPeriodOpen)
        return fail('alert.comment-period', 'Comments are accepted only during the comment period', 'ALERT-COMMENT-IN-PERIOD', { status: state.status })
      if (command.type === 'alert.close' && facts.closureBroadcaster && !facts.objectionPeriodOver)
        return fail('alert.objection-period-running', 'An alert is closed only once the objection period has ended', 'ALERT-CLOSE-AFTER-OBJECTIONS', { status: state.status })
      // Early removal names why it is refused: nothing left to remove, or data already out of users' reach.
      if (command.type === 'alert.remove-personal-data' && state.personalData === 'erased')
        return fail('alert.already-erased', 'The personal data of this alert is already erased', 'RET-EARLY-REMOVAL', { status: state.status })
      if (command.type === 'alert.remove-personal-data' && state.personalData === 'blocked' && facts.initiatingHandler)
        return fail('alert.personal-data-blocked', 'The personal data is blocked: only the platform operator may remove it now', 'RET-BLOCKED-NO-USER-ACCESS', { status: state.status })
      // A mailbox forwards what it has acknowledged: awaiting acknowledgement → acknowledged → forwarded.
      if (command.type === 'alert.forward-within-state' && facts.acknowledger)
        return fail('alert.not-acknowledged', 'Acknowledge the alert before forwarding it', 'ALERT-MAILBOX-STATES', { status: state.status })
      return fail('alert.not-allowed', `You may not perform ${command.type} on this alert now`, actorRule(command.type, state, viewer, rules.actor), { status: state.status })
    }
    const handle = table[command.type] as Handler<typeof command.type> | undefined
    if (handle === undefined) return fail('alert.not-allowed', `${command.type} is not handled`)
    return handle(state, to, command as never, ctx, viewer, facts)
  }
}
