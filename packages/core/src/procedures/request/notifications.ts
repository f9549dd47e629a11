/**
 * Who is told about what happens to a request (spec §6.15). Messages are standard and name the action
 * to take, never the request's content (MAIL-REQ-NO-CONTENT).
 *
 * @module
 */
import type { AuthorityId } from '../../model/ids.js'
import type { Notification, Recipient } from '../../procedure/procedure.js'
import type { RequestEvent } from './events.js'
import type { RequestState, SideState } from './model.js'

const mailbox = (authorityId: AuthorityId | undefined): Recipient[] =>
  authorityId === undefined ? [] : [{ kind: 'authority-mailbox', authorityId }]

/** The last actor of a side and a copy to its authority's mailbox (MAIL-SUBSEQUENT-LAST-ACTOR). */
const lastActorAndMailbox = (side: SideState): Recipient[] => [
  ...(side.lastActor === undefined ? [] : [{ kind: 'user', userId: side.lastActor } as const]),
  ...mailbox(side.authorityId),
]

/** A new incoming request: the allocators or the handlers, as the switch says, and the mailbox. */
const incoming = (s: RequestState, authorityId: AuthorityId | undefined): Recipient[] =>
  authorityId === undefined ? [] : [{ kind: 'incoming-request', authorityId, legislativeArea: s.legislativeArea }, ...mailbox(authorityId)]

/** A referral to a coordinator: first time to its mailbox or allocators, then to the referee who last acted (MAIL-COORD-*). */
const referral = (s: RequestState, side: SideState, first: boolean): Recipient[] => {
  const id = side.coordinatorId
  if (id === undefined) return []
  if (first || side.coordinatorLastActor === undefined)
    return [{ kind: 'coordinator-referral', authorityId: id, legislativeArea: s.legislativeArea }, ...mailbox(id)]
  return [{ kind: 'user', userId: side.coordinatorLastActor }, ...mailbox(id)]
}

/**
 * The notifications an event causes, given the state after it.
 *
 * @category notifications
 */
export const requestNotifications = (e: RequestEvent, s: RequestState, before?: RequestState): ReadonlyArray<Notification> => {
  const n = (message: string, ruleId: string, recipients: ReadonlyArray<Recipient>): Notification[] =>
    recipients.length === 0 ? [] : [{ message, exchangeId: s.exchangeId, exchangeNumber: s.number, recipients, ruleId }]
  const firstRc = before === undefined || !before.requesting.coordinatorInvolved
  const firstRespc = before === undefined || !before.responding.coordinatorInvolved
  switch (e.type) {
    case 'request.sent':
      return e.to === 'awaiting-request-approval'
        ? n('request.approval-needed', firstRc ? 'MAIL-COORD-ALLOC-OFF' : 'MAIL-COORD-SUBSEQUENT', referral(s, s.requesting, firstRc))
        : n('request.incoming', 'MAIL-INCOMING-ALLOC-OFF', incoming(s, s.responding.authorityId))
    case 'request.approved':
      return n('request.incoming', 'MAIL-INCOMING-ALLOC-OFF', incoming(s, s.responding.authorityId))
    case 'request.split-off':
      return n('request.incoming', 'MAIL-INCOMING-ALLOC-OFF', incoming(s, s.responding.authorityId))
    case 'request.returned':
      return n('request.returned-by-coordinator', 'MAIL-APPROVAL-RETURNED', lastActorAndMailbox(s.requesting))
    case 'request.allocated':
      return n('request.allocated-to-you', 'MAIL-ALLOCATED-HANDLERS', e.payload.users.map((userId) => ({ kind: 'user', userId }) as const))
    case 'request.accepted':
      return n('request.accepted', 'MAIL-REQUEST-ACCEPTED', lastActorAndMailbox(s.requesting))
    case 'request.refused':
      return n('request.refused', 'MAIL-REQUEST-REFUSED', lastActorAndMailbox(s.requesting))
    case 'request.forwarded':
      return [
        ...n('request.new-responding-authority', 'MAIL-FORWARD-SPLIT', lastActorAndMailbox(s.requesting)),
        ...n('request.incoming', 'MAIL-INCOMING-ALLOC-OFF', incoming(s, s.responding.authorityId)),
      ]
    case 'request.split':
      return n('request.split', 'MAIL-FORWARD-SPLIT', lastActorAndMailbox(s.requesting))
    case 'request.replied':
      return e.to === 'awaiting-reply-approval'
        ? n('request.approval-needed', firstRespc ? 'MAIL-COORD-ALLOC-OFF' : 'MAIL-COORD-SUBSEQUENT', referral(s, s.responding, firstRespc))
        : n('request.reply-received', 'MAIL-REPLY-RECEIVED', lastActorAndMailbox(s.requesting))
    case 'request.reply-approved':
      return n('request.reply-received', 'MAIL-REPLY-RECEIVED', lastActorAndMailbox(s.requesting))
    case 'request.reply-returned':
      return n('request.returned-by-coordinator', 'MAIL-APPROVAL-RETURNED', lastActorAndMailbox(s.responding))
    case 'request.message-added': {
      const other = e.payload.message.side === 'requesting' ? s.responding.authorityId : s.requesting.authorityId
      return n(
        'request.new-message',
        'MAIL-NEW-MESSAGE',
        other === undefined ? [] : [{ kind: 'users-with-role', authorityId: other, legislativeArea: s.legislativeArea, role: 'request-handler' }],
      )
    }
    case 'request.attachment-added':
      return n('request.new-information', 'MAIL-SUBSEQUENT-LAST-ACTOR', lastActorAndMailbox(e.payload.addedBy === 'requesting' ? s.responding : s.requesting))
    case 'request.additional-info-requested':
      return n('request.additional-info-requested', 'MAIL-ADDINFO-REQUEST', lastActorAndMailbox(s.responding))
    case 'request.additional-info-rejected':
      return n('request.additional-info-refused', 'MAIL-ADDINFO-REFUSED', lastActorAndMailbox(s.requesting))
    case 'request.additional-info-accepted':
    case 'request.reconsidered':
      return n('request.additional-info-accepted', 'MAIL-SUBSEQUENT-LAST-ACTOR', lastActorAndMailbox(s.requesting))
    case 'request.escalated':
      return e.to === 'arbitration-requesting-coordinator'
        ? n('request.arbitration', firstRc ? 'MAIL-COORD-ALLOC-OFF' : 'MAIL-COORD-SUBSEQUENT', referral(s, s.requesting, firstRc))
        : e.to === 'arbitration-responding-coordinator'
          ? n('request.arbitration', firstRespc ? 'MAIL-COORD-ALLOC-OFF' : 'MAIL-COORD-SUBSEQUENT', referral(s, s.responding, firstRespc))
          : n('request.additional-info-requested', 'MAIL-ADDINFO-REQUEST', lastActorAndMailbox(s.responding))
    case 'request.arbitration-decided':
      return e.to === 'arbitration-responding-coordinator'
        ? n('request.arbitration', firstRespc ? 'MAIL-COORD-ALLOC-OFF' : 'MAIL-COORD-SUBSEQUENT', referral(s, s.responding, firstRespc))
        : e.to === 'returned-after-arbitration'
          ? n('request.returned-after-arbitration', 'MAIL-SUBSEQUENT-LAST-ACTOR', [...lastActorAndMailbox(s.responding), ...lastActorAndMailbox(s.requesting)])
          : n('request.closed', 'MAIL-SUBSEQUENT-LAST-ACTOR', [...lastActorAndMailbox(s.requesting), ...lastActorAndMailbox(s.responding)])
    case 'request.position-maintained':
      return e.to === 'closed'
        ? n('request.closed', 'MAIL-SUBSEQUENT-LAST-ACTOR', lastActorAndMailbox(s.requesting))
        : n('request.arbitration', 'MAIL-COORD-SUBSEQUENT', referral(s, s.responding, false))
    case 'request.contrary-decision-recorded':
      // Both sides learn that the Commission opposed the notified measures (DEROG-CONTRARY-DECISION).
      return n('request.commission-contrary-decision', 'DEROG-CONTRARY-DECISION', [...lastActorAndMailbox(s.requesting), ...lastActorAndMailbox(s.responding)])
    case 'request.closed':
    case 'request.refusal-accepted':
      return n('request.closed', 'MAIL-SUBSEQUENT-LAST-ACTOR', lastActorAndMailbox(s.responding))
    default:
      return []
  }
}
