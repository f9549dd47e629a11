/**
 * The automatic messages of the alert workflow (spec §7.12): standard messages naming the alert,
 * never its content (MAIL-ALERT-NO-CONTENT), to the users holding the alert profile concerned
 * (MAIL-ALERT-PROFILE-ONLY), never to removed recipients (ALERT-REMOVED-NOT-INFORMED).
 *
 * @module
 */
import type { AuthorityId } from '../../model/ids.js'
import type { AlertUserRole } from '../../model/users.js'
import type { Notification, Recipient } from '../../procedure/procedure.js'
import type { AlertEvent } from './events.js'
import type { AlertPolicy, AlertState } from './model.js'

const users = (ids: Iterable<AuthorityId>, roles: ReadonlyArray<AlertUserRole>): ReadonlyArray<Recipient> =>
  [...new Set(ids)].map((authorityId) => ({ kind: 'alert-users', authorityId, roles }))

const BROADCASTERS: ReadonlyArray<AlertUserRole> = ['alert-broadcaster']
const HANDLERS: ReadonlyArray<AlertUserRole> = ['alert-handler']
const ACTORS: ReadonlyArray<AlertUserRole> = ['alert-handler', 'alert-broadcaster']

/** The recipients still informed of the alert, and its initiating authority. */
const everyone = (s: AlertState): ReadonlyArray<AuthorityId> => [
  s.initiatingAuthority,
  ...(s.broadcastingCoordinator === undefined ? [] : [s.broadcastingCoordinator]),
  ...s.recipients.filter((r) => !r.removed).map((r) => r.authorityId),
  ...s.involved.filter((id) => !s.recipients.some((r) => r.authorityId === id && r.removed)),
]

/**
 * The notifications an alert event causes, given the state after it and before it.
 *
 * @category notifications
 */
export const alertNotifications =
  (policy: Pick<AlertPolicy, 'notifyWhenProposedByClosureCoordinator'>) =>
  (e: AlertEvent, s: AlertState, before?: AlertState): ReadonlyArray<Notification> => {
    const n = (message: string, recipients: ReadonlyArray<Recipient>, ruleId: string): ReadonlyArray<Notification> =>
      recipients.length === 0 ? [] : [{ message, exchangeId: s.exchangeId, exchangeNumber: s.number, recipients, ruleId }]
    const actorAuthority = e.actor.kind === 'user' ? e.actor.authorityId : undefined
    switch (e.type) {
      case 'alert.submitted':
        return n('alert.submitted', users([e.payload.coordinator], BROADCASTERS), 'MAIL-ALERT-SUBMITTED')
      case 'alert.forwarded-to-coordinator':
        return n('alert.forwarded-to-coordinator', users([e.payload.coordinator], BROADCASTERS), 'MAIL-ALERT-FORWARDED-COORD')
      case 'alert.deleted': {
        if (e.payload.notify === 'none') return []
        const other = e.payload.notify === 'coordinator' ? (before?.selectedCoordinator === undefined ? [] : [before.selectedCoordinator]) : [s.initiatingAuthority]
        return n('alert.deleted', users(other, e.payload.notify === 'coordinator' ? BROADCASTERS : HANDLERS), 'MAIL-ALERT-DELETED')
      }
      case 'alert.broadcast':
      case 'alert.recipient-states-added':
        return n('alert.incoming', users(e.payload.deliveries.map((d) => d.authorityId), BROADCASTERS), 'MAIL-ALERT-BROADCAST')
      case 'alert.forwarded-within-state':
        return n('alert.forwarded', users(e.payload.deliveries.map((d) => d.authorityId), ACTORS), 'MAIL-ALERT-FORWARDED-MS')
      case 'alert.establishment-changed':
        return n('alert.establishment-changed', users(everyone(s), ACTORS), 'MAIL-ALERT-MSE-CHANGED')
      case 'alert.information-broadcast': {
        const info = s.information.find((i) => i.id === e.payload.informationId)
        const objection = info?.kind === 'objection'
        return n(objection ? 'alert.objection-broadcast' : 'alert.information-broadcast', users(everyone(s), ACTORS), objection ? 'MAIL-ALERT-OBJECTION' : 'MAIL-ALERT-INFO-BROADCAST')
      }
      case 'alert.closure-proposed': {
        if (e.payload.proposingAuthority === e.payload.coordinator && policy.notifyWhenProposedByClosureCoordinator !== true) return []
        const others = s.recipients
          .filter((r) => !r.removed && r.memberState === e.payload.memberState && r.authorityId !== e.payload.proposingAuthority)
          .map((r) => r.authorityId)
        const initiating = s.initiatingMemberState === e.payload.memberState && s.initiatingAuthority !== e.payload.proposingAuthority ? [s.initiatingAuthority] : []
        return n('alert.closure-may-comment', users([...others, ...initiating], HANDLERS), e.payload.proposingAuthority === e.payload.coordinator ? 'MAIL-ALERT-CC-PROPOSAL' : 'MAIL-ALERT-MAY-COMMENT')
      }
      case 'alert.comment-period-ended':
        return n('alert.comment-period-ended', users(s.closure === undefined ? [] : [s.closure.coordinator], BROADCASTERS), 'MAIL-ALERT-COMMENT-END')
      case 'alert.closure-proposal-broadcast':
        return n('alert.closure-proposal-broadcast', users(everyone(s), ACTORS), 'MAIL-ALERT-PROPOSAL-BROADCAST')
      case 'alert.objection-period-ended':
        return n('alert.objection-period-ended', users(s.closure === undefined ? [] : [s.closure.coordinator], BROADCASTERS), 'MAIL-ALERT-OBJECTION-END')
      case 'alert.withdrawal-proposed':
        return n('alert.withdrawal-proposed', users(s.broadcastingCoordinator === undefined ? [] : [s.broadcastingCoordinator], BROADCASTERS), 'MAIL-ALERT-WITHDRAWAL-PROPOSED')
      case 'alert.withdrawal-broadcast':
        return n('alert.withdrawn', users(everyone(s).filter((id) => id !== actorAuthority), ACTORS), 'MAIL-ALERT-WITHDRAWN-CLOSED')
      case 'alert.closed':
        return n('alert.closed', users(everyone(s).filter((id) => id !== actorAuthority), ACTORS), 'MAIL-ALERT-WITHDRAWN-CLOSED')
      default:
        return []
    }
  }
