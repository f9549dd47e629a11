/**
 * Folds alert events into the state. Total: every event the decider produces has a meaning here.
 *
 * @module
 */
import { produce } from 'immer'
import type { Draft } from 'immer'
import type { AuthorityId } from '../../model/ids.js'
import type { AlertEvent } from './events.js'
import type { AlertContent, AlertHistoryEntry, AlertRecipient, AlertState, HistoryAudience, StatusContext } from './model.js'
import { ALERT_PROCEDURE_ID } from './model.js'
import type { EarlyRemoval } from '../../retention/early-removal.js'
import { earlyRemovalOf } from '../../retention/early-removal.js'

const ERASED = { redacted: 'erased' } as const

/** Marks an authority's first recorded act (ALERT-ACTED-DEFINITION). */
const acted = (s: Draft<AlertState>, id: AuthorityId) => {
  for (const r of s.recipients) if (r.authorityId === id) r.hasActed = true
}

const involve = (s: Draft<AlertState>, id: AuthorityId) => {
  if (!s.involved.includes(id)) s.involved.push(id)
}

const applyContent = (c: Draft<AlertContent>, patch: Partial<AlertContent>) => {
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (c as Record<string, unknown>)[k] = v
}

/** Who may see the history entry of an event: some steps stay inside one state until broadcast. */
const audienceOf = (s: AlertState, e: AlertEvent): HistoryAudience | undefined => {
  switch (e.type) {
    case 'alert.closure-proposed':
      return { memberStates: [e.payload.memberState], revealedBy: `closure-${e.payload.round}` }
    case 'alert.commented':
      // A comment becomes known to the other states only if the broadcast proposal includes it.
      return s.closure === undefined ? undefined : { memberStates: [s.closure.memberState], revealedBy: `comment-${e.payload.commentId}` }
    case 'alert.comment-period-ended':
    case 'alert.closure-proposal-edited':
    case 'alert.closure-proposal-cancelled':
      return s.closure === undefined || s.closure.broadcastAt !== undefined ? undefined : { memberStates: [s.closure.memberState], revealedBy: `closure-${s.closure.round}` }
    case 'alert.withdrawal-proposed':
      return { memberStates: [s.initiatingMemberState], revealedBy: `withdrawal-${s.withdrawalRounds + 1}` }
    case 'alert.withdrawal-cancelled':
      return { memberStates: [s.initiatingMemberState], revealedBy: `withdrawal-${s.withdrawalRounds}` }
    case 'alert.information-submitted':
      return { memberStates: [e.payload.memberState], revealedBy: `info-${e.payload.informationId}` }
    case 'alert.information-edited':
    case 'alert.information-deleted': {
      const info = s.information.find((i) => i.id === e.payload.informationId)
      return info === undefined ? undefined : { memberStates: [info.memberState], revealedBy: `info-${info.id}` }
    }
    default:
      return undefined
  }
}

/** The pending steps that decide how a status shows to viewers outside the states that know them. */
const statusContext = (s: AlertState): StatusContext => ({
  ...(s.closure === undefined || s.closure.broadcastAt !== undefined ? {} : { closure: { memberState: s.closure.memberState, revealedBy: `closure-${s.closure.round}` } }),
  ...(s.withdrawal === undefined ? {} : { withdrawal: { from: s.withdrawal.from, revealedBy: `withdrawal-${s.withdrawalRounds}` } }),
})

const created = (e: Extract<AlertEvent, { type: 'alert.created' }>): AlertState => ({
  exchangeId: e.exchangeId,
  procedure: ALERT_PROCEDURE_ID,
  number: e.payload.number,
  version: 0,
  status: 'draft',
  createdAt: e.at,
  updatedAt: e.at,
  initiatingAuthority: e.payload.initiatingAuthority,
  initiatingMemberState: e.payload.initiatingMemberState,
  content: { checklist: [], recipientStates: [], ...e.payload.content } as AlertContent,
  ...(e.payload.coordinator === undefined ? {} : { selectedCoordinator: e.payload.coordinator }),
  formerCoordinators: [],
  recipients: [],
  involved: [],
  information: [],
  closureRounds: 0,
  withdrawalRounds: 0,
  personalData: 'available',
  history: [],
  revealed: [],
})

const step = (s: Draft<AlertState>, e: AlertEvent): void => {
  switch (e.type) {
    case 'alert.created':
    case 'alert.deleted':
      return
    case 'alert.edited':
      applyContent(s.content, e.payload.content as Partial<AlertContent>)
      if (e.payload.coordinator !== undefined) s.selectedCoordinator = e.payload.coordinator
      return
    case 'alert.submitted':
      s.selectedCoordinator = e.payload.coordinator
      return
    case 'alert.forwarded-to-coordinator':
      if (s.selectedCoordinator !== undefined && !s.formerCoordinators.includes(s.selectedCoordinator)) s.formerCoordinators.push(s.selectedCoordinator)
      s.formerCoordinators = s.formerCoordinators.filter((c) => c !== e.payload.coordinator)
      s.selectedCoordinator = e.payload.coordinator
      return
    case 'alert.accepted':
      return
    case 'alert.recipient-states-added':
      s.content.recipientStates.push(...e.payload.memberStates)
      deliver(s, e.payload.deliveries, e.at)
      return
    case 'alert.broadcast':
      s.broadcastAt = e.at
      if (s.selectedCoordinator !== undefined) s.broadcastingCoordinator = s.selectedCoordinator
      deliver(s, e.payload.deliveries, e.at)
      return
    case 'alert.acknowledged':
      for (const r of s.recipients) if (r.authorityId === e.payload.authorityId) r.mailboxState = 'acknowledged'
      acted(s, e.payload.authorityId)
      return
    case 'alert.forwarded-within-state':
      for (const r of s.recipients) if (r.authorityId === e.payload.by && r.mailboxState !== undefined) r.mailboxState = 'forwarded'
      acted(s, e.payload.by)
      deliver(s, e.payload.deliveries, e.at, e.payload.by)
      return
    case 'alert.recipient-removed':
      for (const r of s.recipients) if (r.authorityId === e.payload.authorityId) r.removed = true
      return
    case 'alert.modified':
      applyContent(s.content, e.payload.content as Partial<AlertContent>)
      return
    case 'alert.establishment-changed':
      s.content.establishment = e.payload.establishment
      return
    case 'alert.information-submitted':
      s.information.push({
        id: e.payload.informationId,
        kind: e.payload.kind,
        submittingAuthority: e.payload.submittingAuthority,
        memberState: e.payload.memberState,
        coordinator: e.payload.coordinator,
        text: e.payload.text,
        status: 'submitted',
        submittedAt: e.at,
      })
      acted(s, e.payload.submittingAuthority)
      involve(s, e.payload.coordinator)
      return
    case 'alert.information-edited':
      for (const i of s.information) if (i.id === e.payload.informationId) i.text = e.payload.text
      return
    case 'alert.information-deleted':
      s.information = s.information.filter((i) => i.id !== e.payload.informationId)
      return
    case 'alert.information-broadcast':
      for (const i of s.information)
        if (i.id === e.payload.informationId) {
          i.status = 'broadcast'
          i.broadcastAt = e.at
        }
      s.revealed.push(`info-${e.payload.informationId}`)
      return
    case 'alert.withdrawal-proposed':
      s.withdrawalRounds += 1
      s.withdrawal = { from: e.from ?? 'broadcast', reason: e.payload.reason, proposedAt: e.at }
      return
    case 'alert.withdrawal-cancelled':
      delete s.withdrawal
      return
    case 'alert.withdrawal-broadcast':
      s.withdrawnAt = e.at
      s.revealed.push(`withdrawal-${s.withdrawalRounds}`)
      return
    case 'alert.closure-proposed':
      s.closureRounds = e.payload.round
      s.closure = {
        round: e.payload.round,
        proposingAuthority: e.payload.proposingAuthority,
        memberState: e.payload.memberState,
        coordinator: e.payload.coordinator,
        text: e.payload.text,
        proposedAt: e.at,
        commentPeriodEndsAt: e.payload.commentPeriodEndsAt,
        comments: [],
        objectionPeriodEnded: false,
      }
      acted(s, e.payload.proposingAuthority)
      involve(s, e.payload.coordinator)
      return
    case 'alert.closure-proposal-edited':
      if (s.closure !== undefined) s.closure.text = e.payload.text
      return
    case 'alert.closure-proposal-cancelled':
      // A later proposal starts afresh (ALERT-NEW-PROPOSAL-FRESH).
      delete s.closure
      return
    case 'alert.commented':
      s.closure?.comments.push({ id: e.payload.commentId, authorityId: e.payload.authorityId, text: e.payload.text, at: e.at })
      acted(s, e.payload.authorityId)
      return
    case 'alert.comment-period-ended':
      return
    case 'alert.closure-proposal-broadcast':
      if (s.closure !== undefined) {
        s.closure.broadcastAt = e.at
        s.closure.includedComments = [...e.payload.includedComments]
        s.closure.objectionPeriodEndsAt = e.payload.objectionPeriodEndsAt
        s.revealed.push(`closure-${s.closure.round}`, ...e.payload.includedComments.map((c) => `comment-${c}`))
      }
      return
    case 'alert.objection-period-ended':
      if (s.closure !== undefined) s.closure.objectionPeriodEnded = true
      return
    case 'alert.closed':
      s.closedAt = e.at
      return
    case 'alert.personal-data-blocked':
      s.personalData = 'blocked'
      return
    case 'alert.personal-data-erased': {
      const early = earlyRemovalOf(e, s.personalData)
      if (early !== undefined) s.earlyRemoval = early as Draft<EarlyRemoval>
      s.personalData = 'erased'
      if (s.content.provider !== undefined) s.content.provider = ERASED
      if (s.content.caseDescription !== undefined) s.content.caseDescription = ERASED
      for (const i of s.information) i.text = ERASED
      if (s.closure !== undefined) {
        s.closure.text = ERASED
        for (const c of s.closure.comments) c.text = ERASED
      }
      if (s.withdrawal !== undefined) s.withdrawal.reason = ERASED
      return
    }
  }
}

const deliver = (
  s: Draft<AlertState>,
  deliveries: ReadonlyArray<{ readonly authorityId: AuthorityId; readonly memberState: AlertRecipient['memberState']; readonly kind: AlertRecipient['kind'] }>,
  at: string,
  by?: AuthorityId,
) => {
  for (const d of deliveries) {
    const existing = s.recipients.find((r) => r.authorityId === d.authorityId)
    const fresh: AlertRecipient = {
      authorityId: d.authorityId,
      memberState: d.memberState,
      kind: d.kind,
      ...(by === undefined ? {} : { addedBy: by }),
      addedAt: at,
      hasActed: false,
      removed: false,
      ...(d.kind === 'mailbox' ? { mailboxState: 'awaiting-acknowledgement' as const } : d.kind === 'initiating-mailbox' ? { mailboxState: 'acknowledged' as const } : {}),
    }
    if (existing === undefined) s.recipients.push(fresh)
    else if (existing.removed) Object.assign(existing, fresh)
  }
}

/**
 * Folds one event into an alert's state.
 *
 * @category procedures
 */
export const evolveAlert = (state: AlertState | undefined, e: AlertEvent): AlertState => {
  const base = state ?? (e.type === 'alert.created' ? created(e) : undefined)
  if (base === undefined) return state as unknown as AlertState
  const entry: Omit<AlertHistoryEntry, 'context'> = {
    at: e.at,
    action: e.type,
    actor: e.actor,
    ...(e.actor.kind === 'user' ? { authorityId: e.actor.authorityId } : {}),
    ...(e.from === undefined ? {} : { from: e.from }),
    to: e.to,
    // An early removal records its reason, and who asked, in the history (RET-EARLY-REMOVAL).
    ...(e.type === 'alert.personal-data-erased' && e.payload.reason !== undefined ? { justification: e.payload.reason } : {}),
    ...(e.type === 'alert.personal-data-erased' && e.payload.requestedBy !== undefined ? { requestedBy: e.payload.requestedBy } : {}),
  }
  const audience = audienceOf(base, e)
  const next = produce(base, (s) => {
    step(s, e)
    s.status = e.to
    s.version += 1
    s.updatedAt = e.at
  })
  const full = { ...entry, context: { from: statusContext(base), to: statusContext(next) }, ...(audience === undefined ? {} : { audience }) }
  return produce(next, (s) => {
    s.history.push(full as Draft<AlertHistoryEntry>)
  })
}
