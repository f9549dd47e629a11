/**
 * Given/when/then examples for the recipients of a broadcast alert (spec §7.8: acknowledgement,
 * forwarding within a state, removal) and for additional information (spec §7.9: submitted to a
 * coordinator, broadcast by its broadcasters, until closure).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { DomainError } from '../../model/errors.js'
import type { AuthorityId, ExchangeId, UserId } from '../../model/ids.js'
import {
  A, U, alertHarness, broadcastAlert, closedAlert, closureProposedAlert, forwardedAlert, objectionPeriodAlert, submittedAlert, withAlertAccess,
  withUser, world, worldData,
} from '../../testing/index.js'
import type { Harness } from '../../testing/index.js'
import type { AlertState } from './model.js'
import type { AlertContentView } from './view.js'

// ---------------------------------------------------------------------------------------------
// fixtures

type H = Harness<AlertState>

const SYSTEM = { kind: 'system' } as const
const PROVIDER = 'Jean Dupont — Ambulances Express'
const text = (t: string) => ({ text: t, language: 'en' })
const act = (type: string, id: ExchangeId, rest: Record<string, unknown> = {}) => ({ type, exchangeId: id, ...rest })
const acknowledge = (id: ExchangeId) => act('alert.acknowledge', id)
const forward = (id: ExchangeId, ...authorities: AuthorityId[]) => act('alert.forward-within-state', id, { authorities })
const remove = (id: ExchangeId, authorityId: AuthorityId) => act('alert.remove-recipient', id, { authorityId })
const inform = (id: ExchangeId, coordinator: AuthorityId, t = 'The provider was fined in Berlin.', kind = 'general') =>
  act('alert.submit-information', id, { kind, coordinator, text: text(t) })

/** The code and rule of a refusal, or `undefined` when the command was accepted. */
const refusal = (r: E.Either<DomainError, unknown>) => (E.isLeft(r) ? { code: r.left.code, ruleId: r.left.ruleId } : undefined)
const notAllowed = (ruleId: string) => ({ code: 'alert.not-allowed', ruleId })
const wrongStatus = (ruleId: string) => ({ code: 'alert.wrong-status', ruleId })

const recipient = (h: H, id: ExchangeId, authorityId: AuthorityId) => h.state(id).recipients.find((r) => r.authorityId === authorityId)
const contentOf = (h: H, who: UserId, id: ExchangeId) => h.view(who, id)?.content as AlertContentView | undefined
const informationSeenBy = (h: H, who: UserId, id: ExchangeId) => contentOf(h, who, id)?.information?.map((i) => i.text) ?? []
const historySeenBy = (h: H, who: UserId, id: ExchangeId) => h.view(who, id)?.history.map((e) => e.action) ?? []

/** The authorities a step's notifications reach. */
const notifiedBy = (h: H, step: () => unknown): ReadonlyArray<AuthorityId> => {
  const before = h.notifications().length
  step()
  return h.notifications().slice(before).flatMap((n) => n.recipients.flatMap((r) => ('authorityId' in r ? [r.authorityId] : [])))
}

/** The id of the last item of information. */
const lastInformation = (h: H, id: ExchangeId): string => h.state(id).information.at(-1)?.id ?? ''

// ---------------------------------------------------------------------------------------------
// recipients

describe('recipients', () => {
  it('[ALERT-MAILBOX-ACKNOWLEDGE] broadcasters of a recipient state\'s incoming mailbox acknowledge a newly arrived alert', () => {
    // given an alert broadcast to Germany and Italy, and a German mailbox user holding only the handler role
    const h = alertHarness(world(withUser(worldData(), U.deNimicHandler, (u) => ({ ...u, alertRoles: ['alert-handler'] }))))
    const id = broadcastAlert(h)
    expect(recipient(h, id, A.deNimic)?.mailboxState).toBe('awaiting-acknowledgement')
    // when a mailbox handler, a broadcaster of another German coordinator, the initiating state's mailbox or a German authority acknowledge
    for (const user of [U.deNimicHandler, U.deDimicBroadcaster, U.frNimicBroadcaster, U.deAlertHandler])
      expect(refusal(h.exec(user, acknowledge(id)))).toEqual(notAllowed('ALERT-MAILBOX-ACKNOWLEDGE'))
    expect(recipient(h, id, A.deNimic)?.mailboxState).toBe('awaiting-acknowledgement')
    // then the German mailbox's broadcaster acknowledges, for Germany only, and once
    h.ok(U.deNimicBroadcaster, acknowledge(id))
    expect(recipient(h, id, A.deNimic)?.mailboxState).toBe('acknowledged')
    expect(recipient(h, id, A.itNimic)?.mailboxState).toBe('awaiting-acknowledgement')
    expect(h.state(id).history.at(-1)).toMatchObject({ action: 'alert.acknowledged', authorityId: A.deNimic, from: 'broadcast', to: 'broadcast' })
    expect(refusal(h.exec(U.deNimicBroadcaster, acknowledge(id)))).toEqual(notAllowed('ALERT-MAILBOX-ACKNOWLEDGE'))
    h.ok(U.itNimicBroadcaster, acknowledge(id))
    expect(recipient(h, id, A.itNimic)?.mailboxState).toBe('acknowledged')
  })

  it('[ALERT-MAILBOX-STATES] a mailbox goes from awaiting acknowledgement to acknowledged to forwarded; the others are received with hasActed and removed flags', () => {
    // given a broadcast alert
    const h = alertHarness()
    const id = broadcastAlert(h)
    expect(recipient(h, id, A.deNimic)).toMatchObject({ kind: 'mailbox', memberState: 'DE', mailboxState: 'awaiting-acknowledgement', hasActed: false, removed: false })
    expect(recipient(h, id, A.frNimic)).toMatchObject({ kind: 'initiating-mailbox', memberState: 'FR', mailboxState: 'acknowledged', hasActed: false })
    // when the mailbox forwards before acknowledging, it is refused
    expect(refusal(h.exec(U.deNimicBroadcaster, forward(id, A.deCa)))).toEqual({ code: 'alert.not-acknowledged', ruleId: 'ALERT-MAILBOX-STATES' })
    // then it acknowledges, then forwards
    h.ok(U.deNimicBroadcaster, acknowledge(id))
    expect(recipient(h, id, A.deNimic)).toMatchObject({ mailboxState: 'acknowledged', hasActed: true })
    h.ok(U.deNimicBroadcaster, forward(id, A.deCa))
    expect(recipient(h, id, A.deNimic)?.mailboxState).toBe('forwarded')
    const received = recipient(h, id, A.deCa)
    expect(received).toMatchObject({ kind: 'forwarded', memberState: 'DE', addedBy: A.deNimic, hasActed: false, removed: false })
    expect(received?.mailboxState).toBeUndefined()
    // and forwarding again keeps it forwarded
    h.ok(U.deNimicBroadcaster, forward(id, A.deCa2))
    expect(recipient(h, id, A.deNimic)?.mailboxState).toBe('forwarded')
  })

  it('[ALERT-MAILBOX-FIRST-FORWARD] mailbox broadcasters forward the alert to the alert coordinators and authorities of their own state', () => {
    // given an alert the German mailbox acknowledged; the Regierungspräsidium has no active alert access
    const h = alertHarness(world(withAlertAccess(worldData(), A.deCa2, (a) => ({ ...a, status: 'inactive' }))))
    const id = broadcastAlert(h)
    h.ok(U.deNimicBroadcaster, acknowledge(id))
    // when it forwards to an authority without access, or to another state's authority
    expect(refusal(h.exec(U.deNimicBroadcaster, forward(id, A.deCa, A.deCa2)))).toEqual({ code: 'alert.forward-target', ruleId: 'ALERT-MAILBOX-FIRST-FORWARD' })
    expect(refusal(h.exec(U.deNimicBroadcaster, forward(id, A.itCa)))).toEqual({ code: 'alert.other-state', ruleId: 'ALERT-WITHIN-MS-ACTIONS' })
    expect(h.state(id).recipients.map((r) => r.authorityId)).not.toContain(A.deCa)
    // then it forwards to a German alert authority and a German alert coordinator
    h.ok(U.deNimicBroadcaster, forward(id, A.deCa, A.deDimic))
    expect(h.state(id).recipients.filter((r) => r.kind === 'forwarded').map((r) => [r.authorityId, r.addedBy])).toEqual([
      [A.deCa, A.deNimic],
      [A.deDimic, A.deNimic],
    ])
    expect(h.view(U.deAlertHandler, id)?.access).toBe('full')
    // and handlers, even of the mailbox or of the recipients, do not forward
    expect(refusal(h.exec(U.deAlertHandler, forward(id, A.deNimic)))).toEqual(notAllowed('ALERT-HANDLER-NO-BROADCAST'))
  })

  it('[ALERT-COORD-ADDS-RECIPIENTS] broadcasters of a coordinator selected as recipient add recipients of their own state', () => {
    // given an alert the German mailbox forwarded to the Ärztekammer and the Baden-Württemberg DIMIC
    const h = alertHarness()
    const id = forwardedAlert(h, { to: [A.deCa, A.deDimic] })
    // when the DIMIC's broadcaster forwards to an authority that already has it, or to another state
    expect(refusal(h.exec(U.deDimicBroadcaster, forward(id, A.deCa)))).toEqual({ code: 'alert.already-recipient', ruleId: 'ALERT-COORD-ADDS-RECIPIENTS' })
    expect(refusal(h.exec(U.deDimicBroadcaster, forward(id, A.itCa)))).toEqual({ code: 'alert.other-state', ruleId: 'ALERT-WITHIN-MS-ACTIONS' })
    // then it adds an authority of its region
    h.ok(U.deDimicBroadcaster, forward(id, A.deCa2))
    expect(recipient(h, id, A.deCa2)).toMatchObject({ kind: 'forwarded', addedBy: A.deDimic, memberState: 'DE' })
    expect(h.view(U.de2AlertHandler, id)?.access).toBe('full')
    // while the Ärztekammer, an alert authority, does not add recipients even through its administrator holding every alert role
    expect(refusal(h.exec(U.deLda, forward(id, A.deCa2)))).toEqual(notAllowed('ALERT-HANDLER-NO-BROADCAST'))
  })

  it('[ALERT-INITIATING-MAILBOX-FORWARD] after broadcast the initiating state\'s mailbox forwards the alert within its own state', () => {
    // given a French alert submitted to the French DIMIC: the French NIMIC takes part only as France's mailbox
    const h = alertHarness()
    const id = submittedAlert(h, { draft: { coordinator: A.frDimic } })
    h.ok(U.frDimicBroadcaster, act('alert.accept', id))
    expect(refusal(h.exec(U.frNimicBroadcaster, forward(id, A.frCa2)))).toEqual(wrongStatus('ALERT-MAILBOX-FIRST-FORWARD'))
    h.ok(U.frDimicBroadcaster, act('alert.broadcast', id))
    expect(recipient(h, id, A.frNimic)).toMatchObject({ kind: 'initiating-mailbox', memberState: 'FR' })
    // when it forwards abroad or to the initiating authority
    expect(refusal(h.exec(U.frNimicBroadcaster, forward(id, A.deCa)))).toEqual({ code: 'alert.other-state', ruleId: 'ALERT-WITHIN-MS-ACTIONS' })
    expect(refusal(h.exec(U.frNimicBroadcaster, forward(id, A.frCa)))).toEqual({ code: 'alert.already-recipient', ruleId: 'ALERT-COORD-ADDS-RECIPIENTS' })
    // then it forwards to a further French authority
    expect(h.view(U.fr2AlertHandler, id)).toBeUndefined()
    h.ok(U.frNimicBroadcaster, forward(id, A.frCa2))
    expect(recipient(h, id, A.frCa2)).toMatchObject({ kind: 'forwarded', addedBy: A.frNimic, memberState: 'FR' })
    expect(contentOf(h, U.fr2AlertHandler, id)?.provider).toMatchObject({ name: PROVIDER })
  })

  it('[ALERT-REMOVE-MAILBOX-ONLY] only broadcasters of an incoming mailbox remove recipients of a forwarded alert', () => {
    // given an alert the German mailbox forwarded to two authorities and the DIMIC
    const h = alertHarness()
    const id = forwardedAlert(h, { to: [A.deCa, A.deCa2, A.deDimic] })
    // when a coordinator that is not a mailbox, a handler, or another state's mailbox removes a recipient
    for (const user of [U.deDimicBroadcaster, U.deAlertHandler, U.itNimicBroadcaster])
      expect(refusal(h.exec(user, remove(id, A.deCa2)))).toEqual(notAllowed('ALERT-REMOVE-MAILBOX-ONLY'))
    // or the mailbox removes a recipient that it did not forward to, a mailbox
    expect(refusal(h.exec(U.deNimicBroadcaster, remove(id, A.itNimic)))).toEqual({ code: 'alert.not-removable', ruleId: 'ALERT-REMOVE-MAILBOX-ONLY' })
    expect(h.state(id).recipients.filter((r) => r.removed)).toEqual([])
    // then the German mailbox's broadcaster removes it
    h.ok(U.deNimicBroadcaster, remove(id, A.deCa2))
    expect(recipient(h, id, A.deCa2)?.removed).toBe(true)
    expect(h.state(id).history.at(-1)).toMatchObject({ action: 'alert.recipient-removed', authorityId: A.deNimic })
  })

  it('[ALERT-REMOVE-NOT-ACTED] a recipient that has acted on the alert cannot be removed', () => {
    // given two forwarded recipients, one of which submitted information
    const h = alertHarness()
    const id = forwardedAlert(h)
    h.ok(U.deAlertHandler, inform(id, A.deNimic))
    expect(recipient(h, id, A.deCa)?.hasActed).toBe(true)
    // when the mailbox removes it, it is refused
    expect(refusal(h.exec(U.deNimicBroadcaster, remove(id, A.deCa)))).toEqual({ code: 'alert.recipient-acted', ruleId: 'ALERT-REMOVE-NOT-ACTED' })
    expect(recipient(h, id, A.deCa)?.removed).toBe(false)
    // while the one that has not acted is removed
    h.ok(U.deNimicBroadcaster, remove(id, A.deCa2))
    expect(recipient(h, id, A.deCa2)?.removed).toBe(true)
  })

  describe('[ALERT-ACTED-DEFINITION] a recipient has acted once it acknowledged, forwarded, submitted information, commented, objected or proposed closure', () => {
    it.each([
      ['acknowledging', (h: H) => broadcastAlert(h), U.deNimicBroadcaster, A.deNimic, (id: ExchangeId) => acknowledge(id)],
      ['forwarding', (h: H) => forwardedAlert(h, { to: [A.deDimic] }), U.deDimicBroadcaster, A.deDimic, (id: ExchangeId) => forward(id, A.deCa2)],
      ['submitting information', (h: H) => forwardedAlert(h), U.deAlertHandler, A.deCa, (id: ExchangeId) => inform(id, A.deNimic)],
      ['commenting', (h: H) => closureProposedAlert(h), U.de2AlertHandler, A.deCa2, (id: ExchangeId) => act('alert.comment', id, { text: text('Agreed.') })],
      ['objecting', (h: H) => objectionPeriodAlert(h), U.itNimicBroadcaster, A.itNimic, (id: ExchangeId) => inform(id, A.itNimic, 'The risk persists.', 'objection')],
      ['proposing closure', (h: H) => forwardedAlert(h, { draft: { establishment: 'DE' } }), U.de2AlertHandler, A.deCa2, (id: ExchangeId) =>
        act('alert.propose-closure', id, { coordinator: A.deDimic, text: text('Closed down.') })],
    ] as const)('[ALERT-ACTED-DEFINITION] %s counts as acting', (_what, given, user, authority, command) => {
      const h = alertHarness()
      const id = given(h)
      expect(recipient(h, id, authority)?.hasActed).toBe(false)
      h.ok(user, command(id))
      expect(recipient(h, id, authority)?.hasActed).toBe(true)
    })

    it('[ALERT-ACTED-DEFINITION] opening or reading the alert does not count', () => {
      const h = alertHarness()
      const id = forwardedAlert(h)
      expect(contentOf(h, U.de2AlertHandler, id)?.provider).toMatchObject({ name: PROVIDER })
      h.actions(U.de2AlertHandler, id)
      h.needsAction(U.de2AlertHandler, id)
      expect(recipient(h, id, A.deCa2)?.hasActed).toBe(false)
      h.ok(U.deNimicBroadcaster, remove(id, A.deCa2))
      expect(recipient(h, id, A.deCa2)?.removed).toBe(true)
    })
  })

  it('[ALERT-REMOVED-NOT-INFORMED] a removed recipient is told nothing of later steps', () => {
    // given a forwarded alert: the Regierungspräsidium is told of broadcast information
    const h = alertHarness()
    const id = forwardedAlert(h)
    h.ok(U.deAlertHandler, inform(id, A.deNimic))
    expect(notifiedBy(h, () => h.ok(U.deNimicBroadcaster, act('alert.broadcast-information', id, { informationId: lastInformation(h, id) })))).toContain(A.deCa2)
    // when the mailbox removes it
    h.ok(U.deNimicBroadcaster, remove(id, A.deCa2))
    // then later information, a change of establishment, and the closure of the alert do not reach it
    h.ok(U.itNimicBroadcaster, inform(id, A.itNimic, 'Italy suspended the provider.'))
    const information = notifiedBy(h, () => h.ok(U.itNimicBroadcaster, act('alert.broadcast-information', id, { informationId: lastInformation(h, id) })))
    expect(information).toEqual(expect.arrayContaining([A.deCa, A.deNimic, A.itNimic, A.frCa]))
    expect(information).not.toContain(A.deCa2)
    const mse = notifiedBy(h, () => h.ok(U.frNimicBroadcaster, act('alert.change-establishment', id, { establishment: 'DE' })))
    expect(mse).toContain(A.deCa)
    expect(mse).not.toContain(A.deCa2)
    h.ok(U.deAlertHandler, act('alert.propose-closure', id, { coordinator: A.deNimic, text: text('Closed down.') }))
    h.advance(10 * 24 * 3_600_000)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    const broadcastProposal = notifiedBy(h, () => h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] })))
    expect(broadcastProposal).toContain(A.itNimic)
    expect(broadcastProposal).not.toContain(A.deCa2)
  })

  it('[ALERT-REMOVED-LOSES-PD] a removed recipient loses access to the personal data from the moment of removal', () => {
    // given a forwarded alert the Regierungspräsidium sees in full
    const h = alertHarness()
    const id = forwardedAlert(h)
    expect(h.view(U.de2AlertHandler, id)?.access).toBe('full')
    expect(contentOf(h, U.de2AlertHandler, id)?.provider).toMatchObject({ name: PROVIDER })
    // when the mailbox removes it
    h.ok(U.deNimicBroadcaster, remove(id, A.deCa2))
    // then it keeps only the metadata: no content, no provider, and it can no longer act
    const view = h.view(U.de2AlertHandler, id)
    expect(view?.access).toBe('metadata')
    expect(view?.content).toBeUndefined()
    expect(view?.number).toBe(h.state(id).number)
    expect(JSON.stringify(view)).not.toContain('Dupont')
    expect(JSON.stringify(view)).not.toContain('sanitary')
    expect(refusal(h.exec(U.de2AlertHandler, inform(id, A.deDimic)))).toEqual(notAllowed('ALERT-INFO-SUBMIT'))
    // while the recipient that stays keeps it
    expect(contentOf(h, U.deAlertHandler, id)?.provider).toMatchObject({ name: PROVIDER })
  })
})

// ---------------------------------------------------------------------------------------------
// additional information

describe('additional information', () => {
  const withdrawalPending = (h: H) => {
    const id = forwardedAlert(h)
    h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text('Wrong provider.') }))
    return id
  }
  it.each([
    ['broadcast', (h: H) => broadcastAlert(h)],
    ['open for comments on a closure proposal', (h: H) => closureProposedAlert(h)],
    ['awaiting the broadcast of a closure proposal', (h: H) => {
      const id = closureProposedAlert(h)
      h.advance(10 * 24 * 3_600_000)
      h.ok(SYSTEM, act('alert.end-comment-period', id))
      return id
    }],
    ['open for objections', (h: H) => objectionPeriodAlert(h)],
    ['awaiting the broadcast of a withdrawal', withdrawalPending],
  ])('[ALERT-INFO-ANY-TIME] a participating state adds information while the alert is %s', (_status, given) => {
    const h = alertHarness()
    const id = given(h)
    const status = h.state(id).status
    h.ok(U.itNimicBroadcaster, inform(id, A.itNimic, 'Italy suspended the provider.'))
    h.ok(U.itNimicBroadcaster, act('alert.broadcast-information', id, { informationId: lastInformation(h, id) }))
    expect(h.state(id).information.at(-1)).toMatchObject({ status: 'broadcast', submittingAuthority: A.itNimic })
    expect(h.state(id).status).toBe(status)
  })

  it('[ALERT-INFO-ANY-TIME] once closed or withdrawn, nothing more is added', () => {
    const h = alertHarness()
    const closed = closedAlert(h)
    expect(refusal(h.exec(U.itNimicBroadcaster, inform(closed, A.itNimic)))).toEqual(wrongStatus('ALERT-INFO-NOT-CLOSED'))
    const withdrawn = withdrawalPending(h)
    h.ok(U.frNimicBroadcaster, act('alert.broadcast-withdrawal', withdrawn))
    expect(refusal(h.exec(U.itNimicBroadcaster, inform(withdrawn, A.itNimic)))).toEqual(wrongStatus('ALERT-WITHDRAWN-FROZEN'))
  })

  it('[ALERT-INFO-SUBMIT] an alert handler or broadcaster submits information to an alert coordinator', () => {
    // given an alert forwarded to the Ärztekammer and to the DIMIC
    const h = alertHarness()
    const id = forwardedAlert(h, { to: [A.deCa, A.deDimic] })
    // when a viewer, a user without alert role, or an authority that does not take part submit, they are refused
    expect(refusal(h.exec(U.deAlertViewer, inform(id, A.deNimic)))).toEqual(notAllowed('ALERT-INFO-SUBMIT'))
    expect(refusal(h.exec(U.deHandler, inform(id, A.deNimic)))).toEqual(notAllowed('ALERT-INFO-SUBMIT'))
    expect(refusal(h.exec(U.itAlertHandler, inform(id, A.itNimic)))).toEqual(notAllowed('ALERT-INFO-SUBMIT'))
    expect(h.state(id).information).toEqual([])
    // then a handler and a broadcaster without the handler role submit, each to a coordinator, for it to broadcast
    h.ok(U.deAlertHandler, inform(id, A.deNimic))
    h.ok(U.deDimicBroadcaster, inform(id, A.deDimic, 'Baden-Württemberg inspected the depot.'))
    expect(h.state(id).information).toEqual([
      expect.objectContaining({ submittingAuthority: A.deCa, memberState: 'DE', coordinator: A.deNimic, status: 'submitted', kind: 'general' }),
      expect.objectContaining({ submittingAuthority: A.deDimic, coordinator: A.deDimic, status: 'submitted' }),
    ])
  })

  it('[ALERT-INFO-BROADCAST] submitted information reaches the other states only once a broadcaster of its coordinator broadcasts it', () => {
    // given information submitted by the Ärztekammer to the German NIMIC, and other information pending at the DIMIC
    const h = alertHarness()
    const id = forwardedAlert(h, { to: [A.deCa, A.deDimic] })
    h.ok(U.deAlertHandler, inform(id, A.deNimic, 'The provider was fined in Berlin.'))
    const info = lastInformation(h, id)
    h.ok(U.deDimicBroadcaster, inform(id, A.deDimic, 'Depot inspected.'))
    // then the other states see neither it nor its history entry
    expect(informationSeenBy(h, U.itNimicBroadcaster, id)).toEqual([])
    expect(informationSeenBy(h, U.frAlertHandler, id)).toEqual([])
    expect(historySeenBy(h, U.frAlertHandler, id)).not.toContain('alert.information-submitted')
    // when the submitter, another coordinator's broadcasters or an unknown item are broadcast, it is refused
    expect(refusal(h.exec(U.deAlertHandler, act('alert.broadcast-information', id, { informationId: info })))).toEqual(notAllowed('ALERT-INFO-BROADCAST'))
    expect(refusal(h.exec(U.frNimicBroadcaster, act('alert.broadcast-information', id, { informationId: info })))).toEqual(notAllowed('ALERT-INFO-BROADCAST'))
    expect(refusal(h.exec(U.deDimicBroadcaster, act('alert.broadcast-information', id, { informationId: info })))).toEqual(notAllowed('ALERT-INFO-BROADCAST'))
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.broadcast-information', id, { informationId: 'no-such-item' })))).toEqual({ code: 'alert.information-unknown', ruleId: 'ALERT-INFO-BROADCAST' })
    // then the German NIMIC's broadcaster broadcasts it, and every state sees it
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-information', id, { informationId: info }))
    expect(h.state(id).information.find((i) => i.id === info)).toMatchObject({ status: 'broadcast', broadcastAt: h.now.toISOString() })
    expect(informationSeenBy(h, U.itNimicBroadcaster, id)).toEqual([text('The provider was fined in Berlin.')])
    expect(informationSeenBy(h, U.frAlertHandler, id)).toEqual([text('The provider was fined in Berlin.')])
    expect(historySeenBy(h, U.frAlertHandler, id)).toEqual(expect.arrayContaining(['alert.information-submitted', 'alert.information-broadcast']))
    // and it is broadcast once
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.broadcast-information', id, { informationId: info })))).toEqual(notAllowed('ALERT-INFO-BROADCAST'))
  })

  it('[ALERT-INFO-TARGET-COORD] information goes to a coordinator linked to the submitting authority, or to a broadcaster\'s own coordinator', () => {
    // given an alert forwarded to the two German authorities; the Regierungspräsidium is linked to the DIMIC only
    const h = alertHarness()
    const id = forwardedAlert(h)
    // when it submits to a coordinator it is not linked to
    const invalid = { code: 'alert.coordinator-invalid', ruleId: 'ALERT-INFO-TARGET-COORD' }
    expect(refusal(h.exec(U.de2AlertHandler, inform(id, A.deNimic)))).toEqual(invalid)
    expect(refusal(h.exec(U.de2AlertHandler, inform(id, A.itNimic)))).toEqual(invalid)
    expect(refusal(h.exec(U.deNimicBroadcaster, inform(id, A.deDimic)))).toEqual(invalid)
    expect(h.state(id).information).toEqual([])
    // then it submits to its linked DIMIC, which takes part from then on; mailboxes submit to themselves
    expect(h.view(U.deDimicBroadcaster, id)).toBeUndefined()
    h.ok(U.de2AlertHandler, inform(id, A.deDimic))
    expect(h.view(U.deDimicBroadcaster, id)?.access).toBe('full')
    h.ok(U.deNimicBroadcaster, inform(id, A.deNimic))
    h.ok(U.itNimicBroadcaster, inform(id, A.itNimic))
    expect(h.state(id).information.map((i) => [i.submittingAuthority, i.coordinator])).toEqual([
      [A.deCa2, A.deDimic],
      [A.deNimic, A.deNimic],
      [A.itNimic, A.itNimic],
    ])
  })

  it('[ALERT-INFO-NOT-CLOSED] no information is added to, nor broadcast on, a closed alert', () => {
    // given the objection period over, with information still pending at the Italian NIMIC
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.ok(U.itNimicBroadcaster, inform(id, A.itNimic, 'Italy suspended the provider.'))
    const pending = lastInformation(h, id)
    h.advance(15 * 24 * 3_600_000)
    h.ok(U.itNimicBroadcaster, inform(id, A.itNimic, 'Last word before closure.'))
    // when the alert is closed
    h.ok(U.deNimicBroadcaster, act('alert.close', id))
    // then information is neither added, edited nor broadcast
    expect(refusal(h.exec(U.itNimicBroadcaster, inform(id, A.itNimic)))).toEqual(wrongStatus('ALERT-INFO-NOT-CLOSED'))
    expect(refusal(h.exec(U.itNimicBroadcaster, act('alert.broadcast-information', id, { informationId: pending })))).toEqual(wrongStatus('ALERT-INFO-NOT-CLOSED'))
    expect(refusal(h.exec(U.itNimicBroadcaster, act('alert.edit-information', id, { informationId: pending, text: text('Changed.') })))).toEqual(wrongStatus('ALERT-INFO-NOT-CLOSED'))
    expect(h.state(id).information.map((i) => i.status)).toEqual(['submitted', 'submitted'])
  })
})
