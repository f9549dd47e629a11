/**
 * Given/when/then examples of who does what in the Services alert workflow: the "Roles and actions"
 * rules of ALERT.md, and the alert rules of ACT.md — content roles of authorities, incoming
 * mailboxes, final approval, alert user roles and their automatic grants, who may assign alert roles
 * (spec Table 1.2-B) and the roles of an authority's first user. Directory invariants are checked
 * through `checkDirectory`; refusals are asserted by code and rule.
 */
import { describe, expect, it } from 'vitest'
import {
  ALERT_LEGISLATIVE_AREA,
  ALERT_ROLE_ASSIGNMENT,
  alertWorkflowAccess,
  canUseAlertWorkflow,
  checkDirectory,
  createDirectory,
  effectiveAlertRoles,
  firstUserRoles,
  hasFinalApproval,
  isAlertCoordinator,
  legislativeAreaId,
  mayAssignAlertRole,
  reachableCoordinators,
} from '../../index.js'
import type {
  AlertContentView,
  AlertWorkflowAccess,
  AssignableAlertRole,
  Authority,
  AuthorityId,
  DirectoryData,
  ExchangeId,
  LegislativeAreaAccess,
  LegislativeAreaRole,
  User,
  UserId,
} from '../../index.js'
import type { Harness } from '../../testing/index.js'
import {
  A,
  PQ,
  SERVICES_LA,
  U,
  alertDraft,
  alertHarness,
  broadcastAlert,
  forwardedAlert,
  refusalCodeOf,
  submittedAlert,
  withAlertAccess,
  withUser,
  world,
  worldData,
} from '../../testing/index.js'
import type { AlertState } from './model.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const errorsOf = (data: DirectoryData) => checkDirectory(data).filter((p) => p.severity === 'error')
const ruleIdsOf = (data: DirectoryData) => errorsOf(data).map((p) => p.ruleId)

const authorityOf = (data: DirectoryData, id: AuthorityId): Authority => {
  const a = createDirectory(data).authority(id)
  if (a === undefined) throw new Error(`no authority ${id}`)
  return a
}

const userOf = (data: DirectoryData, id: UserId): User => {
  const u = createDirectory(data).user(id)
  if (u === undefined) throw new Error(`no user ${id}`)
  return u
}

/** Changes every access of one authority to a legislative area. */
const withAccess = (data: DirectoryData, id: AuthorityId, patch: (l: LegislativeAreaAccess) => LegislativeAreaAccess): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) => (a.id !== id ? a : { ...a, access: a.access.map(patch) })),
})

/** Takes the alert workflow away from an authority. */
const withoutAlert = (data: DirectoryData, id: AuthorityId): DirectoryData =>
  withAccess(data, id, (l) => {
    const { alert: _dropped, ...rest } = l
    return rest
  })

const alertPatch = (patch: Partial<AlertWorkflowAccess>) => (a: AlertWorkflowAccess): AlertWorkflowAccess => ({ ...a, ...patch })

const submit = (id: ExchangeId, coordinator?: AuthorityId) => ({ type: 'alert.submit', exchangeId: id, ...(coordinator === undefined ? {} : { coordinator }) })
const on = (type: string, id: ExchangeId, extra: Record<string, unknown> = {}) => ({ type, exchangeId: id, ...extra })

const contentOf = (h: Harness<AlertState>, as: UserId, id: ExchangeId): AlertContentView | undefined =>
  h.view(as, id)?.content as AlertContentView | undefined

/** The authorities every notification so far was addressed to. */
const notifiedAuthorities = (h: Harness<AlertState>): ReadonlyArray<AuthorityId> => [
  ...new Set(h.notifications().flatMap((n) => n.recipients.flatMap((r) => ('authorityId' in r ? [r.authorityId] : [])))),
]

// ---------------------------------------------------------------------------------------------
// ALERT.md — roles and actions

describe('roles and actions', () => {
  it('[ALERT-WITHIN-MS-ACTIONS] submitting and forwarding stay inside the initiating state; only broadcasting reaches other states', () => {
    const h = alertHarness()
    const id = submittedAlert(h)
    h.ok(U.frNimicBroadcaster, on('alert.forward-to-coordinator', id, { coordinator: A.frDimic }))
    // Given a submitted alert forwarded to another French coordinator, nobody outside France knows of it
    expect(h.view(U.deNimicBroadcaster, id)).toBeUndefined()
    expect(h.view(U.itNimicBroadcaster, id)).toBeUndefined()
    expect(h.view({ kind: 'commission' }, id)).toBeUndefined()
    expect(notifiedAuthorities(h).every((a) => [A.frNimic, A.frDimic].includes(a))).toBe(true)
    // When it is forwarded to a coordinator of another state, or sent to its own state, it is refused
    expect(refusalCodeOf(h.exec(U.frDimicBroadcaster, on('alert.forward-to-coordinator', id, { coordinator: A.deNimic })))).toEqual({
      code: 'alert.other-state',
      ruleId: 'ALERT-WITHIN-MS-ACTIONS',
    })
    expect(refusalCodeOf(h.exec(U.frAlertHandler, alertDraft({ recipientStates: ['FR', 'DE'] })))).toEqual({
      code: 'alert.recipient-own-state',
      ruleId: 'ALERT-WITHIN-MS-ACTIONS',
    })
    // When it is broadcast, the other states receive it
    h.ok(U.frDimicBroadcaster, on('alert.accept', id))
    h.ok(U.frDimicBroadcaster, on('alert.broadcast', id))
    expect(h.view(U.deNimicBroadcaster, id)?.access).toBe('full')
    expect(h.view(U.itNimicBroadcaster, id)?.access).toBe('full')
    // and a recipient state forwards only inside itself
    h.ok(U.deNimicBroadcaster, on('alert.acknowledge', id))
    expect(refusalCodeOf(h.exec(U.deNimicBroadcaster, on('alert.forward-within-state', id, { authorities: [A.frCa2] })))).toEqual({
      code: 'alert.other-state',
      ruleId: 'ALERT-WITHIN-MS-ACTIONS',
    })
    h.ok(U.deNimicBroadcaster, on('alert.forward-within-state', id, { authorities: [A.deCa] }))
    expect(h.state(id).recipients.find((r) => r.authorityId === A.deCa)?.kind).toBe('forwarded')
  })

  it('[ALERT-HANDLER-NO-BROADCAST] an alert handler neither accepts, broadcasts nor forwards; a broadcaster of the same coordinator does', () => {
    // Given handler-only users in the French and German NIMICs
    let data = withUser(worldData(), U.frNimicHandler, (u) => ({ ...u, alertRoles: ['alert-handler'] }))
    data = withUser(data, U.deNimicHandler, (u) => ({ ...u, alertRoles: ['alert-handler'] }))
    const h = alertHarness(world(data))
    const id = submittedAlert(h)
    const refused = (user: UserId, type: string, extra: Record<string, unknown> = {}) => refusalCodeOf(h.exec(user, on(type, id, extra)))
    expect(h.actions(U.frNimicHandler, id)).toEqual([])
    expect(refused(U.frNimicHandler, 'alert.accept')).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ACCEPT-SUBMITTED' })
    expect(refused(U.frNimicHandler, 'alert.forward-to-coordinator', { coordinator: A.frDimic })).toEqual({
      code: 'alert.not-allowed',
      ruleId: 'ALERT-FORWARD-COORDINATOR',
    })
    expect(h.actions(U.frNimicBroadcaster, id)).toEqual(expect.arrayContaining(['alert.accept', 'alert.forward-to-coordinator']))
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    expect(refused(U.frNimicHandler, 'alert.broadcast')).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-BROADCAST-ACCEPTED' })
    expect(refused(U.frAlertHandler, 'alert.broadcast')).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-BROADCAST-ACCEPTED' })
    h.ok(U.frNimicBroadcaster, on('alert.broadcast', id))
    expect(h.state(id).status).toBe('broadcast')
    // In the recipient state, the mailbox's handler does not forward; its broadcaster does
    h.ok(U.deNimicBroadcaster, on('alert.acknowledge', id))
    expect(refused(U.deNimicHandler, 'alert.forward-within-state', { authorities: [A.deCa] })).toEqual({
      code: 'alert.not-allowed',
      ruleId: 'ALERT-HANDLER-NO-BROADCAST',
    })
    h.ok(U.deNimicBroadcaster, on('alert.forward-within-state', id, { authorities: [A.deCa] }))
    // nor does the handler of an alert authority that received it
    expect(refused(U.deAlertHandler, 'alert.forward-within-state', { authorities: [A.deCa2] })).toEqual({
      code: 'alert.not-allowed',
      ruleId: 'ALERT-HANDLER-NO-BROADCAST',
    })
    expect(h.state(id).recipients.map((r) => r.authorityId)).not.toContain(A.deCa2)
  })

  it('[ALERT-SUBMIT-BROADCAST-DISTINCT] one person who launches, submits, accepts and broadcasts still records four separate steps', () => {
    const h = alertHarness()
    // Given the handler and broadcaster of the French NIMIC, which is the coordinator of its own alert
    h.ok(U.frNimicBroadcaster, alertDraft())
    const id = h.last()
    // When it submits, the alert waits for a broadcaster, even though the submitter is one
    expect(h.ok(U.frNimicBroadcaster, submit(id)).map((e) => e.type)).toEqual(['alert.submitted'])
    expect(h.state(id).status).toBe('submitted-for-broadcast')
    expect(h.view(U.deNimicBroadcaster, id)).toBeUndefined()
    // and it cannot broadcast without accepting first
    expect(refusalCodeOf(h.exec(U.frNimicBroadcaster, on('alert.broadcast', id)))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-ACCEPT-BEFORE-BROADCAST' })
    expect(h.ok(U.frNimicBroadcaster, on('alert.accept', id)).map((e) => e.type)).toEqual(['alert.accepted'])
    expect(h.ok(U.frNimicBroadcaster, on('alert.broadcast', id)).map((e) => e.type)).toEqual(['alert.broadcast'])
    // Then each step is its own event by the same person
    const events = h.events(id)
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([
      ['alert.created', undefined, 'draft'],
      ['alert.submitted', 'draft', 'submitted-for-broadcast'],
      ['alert.accepted', 'submitted-for-broadcast', 'awaiting-broadcast'],
      ['alert.broadcast', 'awaiting-broadcast', 'broadcast'],
    ])
    expect(new Set(events.map((e) => (e.actor.kind === 'user' ? e.actor.userId : e.actor.kind)))).toEqual(new Set([U.frNimicBroadcaster]))
    expect(h.state(id).history.map((e) => e.action)).toEqual(['alert.created', 'alert.submitted', 'alert.accepted', 'alert.broadcast'])
  })
})

// ---------------------------------------------------------------------------------------------
// ACT.md — alert-workflow content roles

describe('alert-workflow content roles of authorities', () => {
  it('[ACT-ALERT-SERVICES-ONLY] the alert workflow lives only in the Services area', () => {
    expect(ALERT_LEGISLATIVE_AREA).toBe(SERVICES_LA)
    expect(ruleIdsOf(worldData())).not.toContain('ACT-ALERT-SERVICES-ONLY')
    // Given an alert workflow in the Professional Qualifications area instead
    const moved = withAccess(worldData(), A.frCa, (l) => {
      const { alert: _services, ...rest } = l
      return l.legislativeArea === PQ ? { ...rest, alert: alertWorkflowAccess({ linkedCoordinators: [A.frNimic] }) } : rest
    })
    // Then the directory is refused, and the authority cannot launch alerts through it
    expect(errorsOf(moved).filter((p) => p.ruleId === 'ACT-ALERT-SERVICES-ONLY').map((p) => [p.authorityId, p.legislativeArea])).toEqual([[A.frCa, PQ]])
    expect(canUseAlertWorkflow(authorityOf(moved, A.frCa))).toBe(false)
    expect(refusalCodeOf(alertHarness(world(moved)).exec(U.frAlertHandler, alertDraft()))).toEqual({ code: 'alert.no-access', ruleId: 'ALERT-CREATE-WHO' })
    // while alerts of the Services area are listed under it
    const h = alertHarness()
    const id = submittedAlert(h)
    expect(h.view(U.frAlertHandler, id)?.summary.legislativeArea).toBe(SERVICES_LA)
  })

  it('[ACT-ALERT-ROLE-EXCLUSIVE] an authority holds one alert role, alert authority or alert coordinator, and acts by it', () => {
    expect(alertWorkflowAccess().role).toBe('alert-authority')
    expect(alertWorkflowAccess({ role: 'alert-coordinator' }).role).toBe('alert-coordinator')
    for (const a of world().authorities()) expect(['alert-authority', 'alert-coordinator']).toContain(a.access.find((l) => l.alert !== undefined)?.alert?.role)
    // Given the Paris prefecture as an alert authority, it cannot be its own coordinator
    const h = alertHarness()
    h.ok(U.fr2AlertHandler, alertDraft({ coordinator: A.frCa2 }))
    expect(refusalCodeOf(h.exec(U.fr2AlertHandler, submit(h.last())))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-SUBMIT-COORDINATOR' })
    // When it becomes an alert coordinator instead, it is no longer an alert authority: no link needed, and it coordinates itself
    const coordinator = withAlertAccess(worldData(), A.frCa2, () => alertWorkflowAccess({ role: 'alert-coordinator' }))
    const prefecture = authorityOf(coordinator, A.frCa2)
    expect(isAlertCoordinator(prefecture)).toBe(true)
    expect(ruleIdsOf(coordinator)).not.toContain('ACT-ALERT-AUTHORITY-LINKED')
    expect(reachableCoordinators(createDirectory(coordinator), prefecture)).toEqual([A.frCa2])
    const h2 = alertHarness(world(coordinator))
    h2.ok(U.fr2AlertHandler, alertDraft({ coordinator: A.frCa2 }))
    h2.ok(U.fr2AlertHandler, submit(h2.last()))
    expect(h2.state(h2.last()).selectedCoordinator).toBe(A.frCa2)
  })

  it('[ACT-MAILBOX-IS-COORDINATOR] only an alert coordinator can be an incoming alert mailbox', () => {
    expect(alertWorkflowAccess({ incomingMailbox: true }).incomingMailbox).toBe(false)
    expect(alertWorkflowAccess({ role: 'alert-coordinator', incomingMailbox: true }).incomingMailbox).toBe(true)
    expect(ruleIdsOf(worldData())).not.toContain('ACT-MAILBOX-IS-COORDINATOR')
    // Given data that flags the Italian ministry, an alert authority, as a mailbox
    const flagged = withAlertAccess(worldData(), A.itCa, alertPatch({ incomingMailbox: true }))
    expect(errorsOf(flagged).filter((p) => p.ruleId === 'ACT-MAILBOX-IS-COORDINATOR').map((p) => p.authorityId)).toEqual([A.itCa])
    // Then an alert to Italy still reaches only the Italian coordinator's mailbox
    const h = alertHarness(world(flagged))
    const id = broadcastAlert(h, { draft: { recipientStates: ['IT'] } })
    expect(h.state(id).recipients.filter((r) => r.memberState === 'IT').map((r) => [r.authorityId, r.kind])).toEqual([[A.itNimic, 'mailbox']])
  })

  it('[ACT-MAILBOX-MIN-ONE] every state taking part in alerts has an incoming alert mailbox', () => {
    expect(ruleIdsOf(worldData())).not.toContain('ACT-MAILBOX-MIN-ONE')
    // Given Italy without a mailbox
    const none = withAlertAccess(worldData(), A.itNimic, alertPatch({ incomingMailbox: false }))
    expect(errorsOf(none).filter((p) => p.ruleId === 'ACT-MAILBOX-MIN-ONE').map((p) => p.message)).toEqual([expect.stringContaining('IT')])
    // Then an alert to Italy cannot be submitted, since it could never be broadcast
    const draft = alertHarness(world(none))
    draft.ok(U.frAlertHandler, alertDraft())
    expect(refusalCodeOf(draft.exec(U.frAlertHandler, on('alert.submit', draft.last())))).toEqual({ code: 'alert.no-mailbox', ruleId: 'ACT-MAILBOX-MIN-ONE' })
    // and if Italy loses its mailbox after submission, the broadcast is refused and the alert stays awaiting broadcast
    const h = alertHarness()
    const id = submittedAlert(h)
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    h.directory = world(none)
    expect(refusalCodeOf(h.exec(U.frNimicBroadcaster, on('alert.broadcast', id)))).toEqual({ code: 'alert.no-mailbox', ruleId: 'ACT-MAILBOX-MIN-ONE' })
    expect(h.state(id).status).toBe('awaiting-broadcast')
    // while a state that takes no part in alerts needs none
    const out = withoutAlert(withoutAlert(worldData(), A.itNimic), A.itCa)
    expect(ruleIdsOf(out)).not.toContain('ACT-MAILBOX-MIN-ONE')
  })

  it('[ACT-MAILBOX-SEVERAL-ALLOWED] a state may designate several incoming alert mailboxes, each receiving the alert', () => {
    const two = withAlertAccess(worldData(), A.deDimic, alertPatch({ incomingMailbox: true }))
    // Given a second German mailbox, the directory raises no problem about it
    expect(checkDirectory(two)).toEqual(checkDirectory(worldData()))
    // When an alert is broadcast to Germany, both mailboxes receive it and acknowledge it separately
    const h = alertHarness(world(two))
    const id = broadcastAlert(h)
    const german = () => h.state(id).recipients.filter((r) => r.memberState === 'DE').map((r) => [r.authorityId, r.kind, r.mailboxState])
    expect(german()).toEqual([
      [A.deNimic, 'mailbox', 'awaiting-acknowledgement'],
      [A.deDimic, 'mailbox', 'awaiting-acknowledgement'],
    ])
    h.ok(U.deDimicBroadcaster, on('alert.acknowledge', id))
    expect(german()).toEqual([
      [A.deNimic, 'mailbox', 'awaiting-acknowledgement'],
      [A.deDimic, 'mailbox', 'acknowledged'],
    ])
  })

  it('[ACT-ALERT-COORD-SUPERSET] an alert coordinator, a mailbox included, launches alerts like an alert authority', () => {
    const h = alertHarness()
    // The French NIMIC (mailbox) launches an alert and submits it to itself
    h.ok(U.frNimicBroadcaster, alertDraft())
    const fr = h.last()
    h.ok(U.frNimicBroadcaster, submit(fr))
    expect(h.state(fr)).toMatchObject({ status: 'submitted-for-broadcast', initiatingAuthority: A.frNimic, selectedCoordinator: A.frNimic })
    // The German DIMIC (coordinator, no mailbox), through its local data administrator, too
    h.ok(U.deDimicAdmin, alertDraft({ coordinator: A.deDimic, recipientStates: ['FR'], establishment: 'DE' }))
    const de = h.last()
    h.ok(U.deDimicAdmin, submit(de))
    expect(h.state(de)).toMatchObject({ status: 'submitted-for-broadcast', initiatingAuthority: A.deDimic, selectedCoordinator: A.deDimic })
    // and, having received an alert, submits information to itself like an authority to its coordinator
    const received = broadcastAlert(h)
    h.ok(U.deNimicBroadcaster, on('alert.submit-information', received, { kind: 'general', coordinator: A.deNimic, text: { text: 'Also active in Berlin.', language: 'en' } }))
    expect(h.state(received).information.map((i) => [i.submittingAuthority, i.coordinator])).toEqual([[A.deNimic, A.deNimic]])
    // A coordinator's user still needs the handler role: a broadcaster alone launches nothing
    expect(refusalCodeOf(h.exec(U.frDimicBroadcaster, alertDraft({ coordinator: A.frDimic })))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-CREATE-WHO' })
  })

  it('[ACT-ALERT-AUTHORITY-LINKED] an alert authority is linked to at least one alert coordinator', () => {
    expect(ruleIdsOf(worldData())).not.toContain('ACT-ALERT-AUTHORITY-LINKED')
    // Given the Paris prefecture linked to no coordinator, the directory is refused
    const unlinked = withAlertAccess(worldData(), A.frCa2, alertPatch({ linkedCoordinators: [] }))
    expect(errorsOf(unlinked).filter((p) => p.ruleId === 'ACT-ALERT-AUTHORITY-LINKED').map((p) => p.authorityId)).toEqual([A.frCa2])
    // and it has no coordinator to submit an alert to
    const h = alertHarness(world(unlinked))
    h.ok(U.fr2AlertHandler, alertDraft())
    expect(refusalCodeOf(h.exec(U.fr2AlertHandler, submit(h.last())))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-SUBMIT-COORDINATOR' })
    // A coordinator needs no link
    const coordinatorUnlinked = withAlertAccess(worldData(), A.frDimic, alertPatch({ linkedCoordinators: [] }))
    expect(ruleIdsOf(coordinatorUnlinked)).not.toContain('ACT-ALERT-AUTHORITY-LINKED')
  })

  it('[ACT-FINAL-APPROVAL-HOLDERS] only alert coordinators hold the final-approval parameter', () => {
    expect(alertWorkflowAccess({ finalApproval: true }).finalApproval).toBe(false)
    expect(alertWorkflowAccess({ role: 'alert-coordinator', finalApproval: true }).finalApproval).toBe(true)
    // Given data that ticks final approval on an alert authority, it is refused and has no effect
    const onAuthority = withAlertAccess(worldData(), A.frCa, alertPatch({ finalApproval: true }))
    expect(errorsOf(onAuthority).filter((p) => p.ruleId === 'ACT-FINAL-APPROVAL-HOLDERS').map((p) => p.authorityId)).toEqual([A.frCa])
    expect(hasFinalApproval(createDirectory(onAuthority), A.frCa)).toBe(false)
    // On a coordinator it is valid and effective
    const onMailbox = withAlertAccess(worldData(), A.frNimic, alertPatch({ finalApproval: true }))
    expect(ruleIdsOf(onMailbox)).not.toContain('ACT-FINAL-APPROVAL-HOLDERS')
    expect(hasFinalApproval(createDirectory(onMailbox), A.frNimic)).toBe(true)
  })

  it('[ACT-DEFAULT-FINAL-APPROVAL] final approval is unchecked by default, so the initiating authority keeps editing', () => {
    expect(alertWorkflowAccess({ role: 'alert-coordinator' }).finalApproval).toBe(false)
    expect(hasFinalApproval(world(), A.frNimic)).toBe(false)
    const h = alertHarness()
    const id = submittedAlert(h)
    expect(refusalCodeOf(h.exec(U.frNimicBroadcaster, on('alert.edit', id, { serviceActivity: 'Ambulance services' })))).toEqual({
      code: 'alert.not-allowed',
      ruleId: 'ALERT-UNBROADCAST-EDITOR',
    })
    h.ok(U.frAlertHandler, on('alert.edit', id, { serviceActivity: 'Ambulance services' }))
    expect(h.state(id).content.serviceActivity).toBe('Ambulance services')
  })
})

// ---------------------------------------------------------------------------------------------
// ACT.md — alert user roles

describe('alert user roles', () => {
  it('[ACT-LDA-AUTO-ALERT-ROLES] every local data administrator of an authority with alert access holds the alert rights', () => {
    const data = worldData()
    // Given the French order's LDA, granted no alert role explicitly
    expect(userOf(data, U.frLda).alertRoles ?? []).toEqual([])
    expect([...effectiveAlertRoles(userOf(data, U.frLda), authorityOf(data, A.frCa))].sort()).toEqual(['alert-handler', 'alert-viewer'])
    // Then it launches and submits alerts
    const h = alertHarness()
    h.ok(U.frLda, alertDraft())
    h.ok(U.frLda, submit(h.last()))
    expect(h.state(h.last()).status).toBe('submitted-for-broadcast')
    // An ordinary user without alert roles gets none, and an LDA of an authority without alert access neither
    expect(effectiveAlertRoles(userOf(data, U.frHandler), authorityOf(data, A.frCa)).size).toBe(0)
    expect(refusalCodeOf(h.exec(U.frHandler, alertDraft()))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-CREATE-WHO' })
    const noAlert = withoutAlert(data, A.frCa2)
    expect(effectiveAlertRoles(userOf(noAlert, U.fr2Lda), authorityOf(noAlert, A.frCa2)).size).toBe(0)
    expect(refusalCodeOf(alertHarness(world(noAlert)).exec(U.fr2Lda, alertDraft()))).toEqual({ code: 'alert.no-access', ruleId: 'ALERT-CREATE-WHO' })
  })

  it('[ACT-LDA-BROADCASTER-COORD] the LDA auto-grant includes broadcasting only in an alert coordinator', () => {
    const data = worldData()
    // Given the French NIMIC's LDA, it broadcasts
    expect(effectiveAlertRoles(userOf(data, U.frNimicAllocator), authorityOf(data, A.frNimic)).has('alert-broadcaster')).toBe(true)
    const h = alertHarness()
    const id = submittedAlert(h)
    h.ok(U.frNimicAllocator, on('alert.accept', id))
    h.ok(U.frNimicAllocator, on('alert.broadcast', id))
    expect(h.state(id)).toMatchObject({ status: 'broadcast', broadcastingCoordinator: A.frNimic })
    // The French order's LDA does not, until the order becomes an alert coordinator
    expect(effectiveAlertRoles(userOf(data, U.frLda), authorityOf(data, A.frCa)).has('alert-broadcaster')).toBe(false)
    const coordinator = withAlertAccess(data, A.frCa, () => alertWorkflowAccess({ role: 'alert-coordinator' }))
    expect(effectiveAlertRoles(userOf(coordinator, U.frLda), authorityOf(coordinator, A.frCa)).has('alert-broadcaster')).toBe(true)
  })

  it('[ACT-BROADCASTER-ALERT-COORD] the broadcaster role is held only by users of alert coordinators', () => {
    expect(ruleIdsOf(worldData())).not.toContain('ACT-BROADCASTER-ALERT-COORD')
    // Given a broadcaster in the French order, an alert authority
    const data = withUser(worldData(), U.frAlertHandler, (u) => ({ ...u, alertRoles: ['alert-handler', 'alert-broadcaster'] }))
    expect(errorsOf(data).filter((p) => p.ruleId === 'ACT-BROADCASTER-ALERT-COORD').map((p) => p.userId)).toEqual([U.frAlertHandler])
    // Then the role has no effect: the user cannot broadcast the withdrawal of its own alert
    expect(effectiveAlertRoles(userOf(data, U.frAlertHandler), authorityOf(data, A.frCa)).has('alert-broadcaster')).toBe(false)
    const h = alertHarness(world(data))
    const id = broadcastAlert(h)
    h.ok(U.frAlertHandler, on('alert.propose-withdrawal', id, { reason: { text: 'Wrong provider.', language: 'en' } }))
    expect(refusalCodeOf(h.exec(U.frAlertHandler, on('alert.broadcast-withdrawal', id)))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-WITHDRAW-COORDINATOR' })
    // while the broadcaster of a coordinator holds it
    expect(effectiveAlertRoles(userOf(data, U.frNimicBroadcaster), authorityOf(data, A.frNimic)).has('alert-broadcaster')).toBe(true)
  })

  it('[ACT-ALERT-VIEWER-READ-ONLY] an alert viewer sees the whole alert but can neither launch, update nor propose closure', () => {
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    // Given the German order's viewer, it sees the alert with its personal data
    expect(h.view(U.deAlertViewer, id)?.access).toBe('full')
    expect(contentOf(h, U.deAlertViewer, id)?.provider).toMatchObject({ name: 'Jean Dupont — Ambulances Express' })
    // but has nothing to do on it
    expect(h.actions(U.deAlertViewer, id)).toEqual([])
    expect(refusalCodeOf(h.exec(U.deAlertViewer, alertDraft({ coordinator: A.deNimic, recipientStates: ['FR'] })))).toEqual({
      code: 'alert.not-allowed',
      ruleId: 'ACT-ALERT-VIEWER-READ-ONLY',
    })
    const proposal = on('alert.propose-closure', id, { coordinator: A.deNimic, text: { text: 'The provider has ceased its activity.', language: 'en' } })
    expect(refusalCodeOf(h.exec(U.deAlertViewer, proposal))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-CLOSURE-BY-MSE' })
    expect(refusalCodeOf(h.exec(U.deAlertViewer, on('alert.submit-information', id, { kind: 'general', coordinator: A.deNimic, text: { text: 'Seen in Bonn.', language: 'en' } })))).toEqual({
      code: 'alert.not-allowed',
      ruleId: 'ALERT-INFO-SUBMIT',
    })
    // while a handler of the same authority proposes closure
    h.ok(U.deAlertHandler, proposal)
    expect(h.state(id).status).toBe('closure-open-for-comments')
  })
})

// ---------------------------------------------------------------------------------------------
// ACT.md — who assigns alert roles (Table 1.2-B)

const SERVICES = legislativeAreaId('services')

describe('who may assign alert roles', () => {
  type Row = readonly [LegislativeAreaRole, 'services' | 'pq', AssignableAlertRole, boolean]
  const may = (laRole: LegislativeAreaRole, area: 'services' | 'pq', role: AssignableAlertRole) =>
    mayAssignAlertRole({ laRole, legislativeArea: area === 'services' ? SERVICES : PQ }, role)

  it.each<Row>([
    ['NIMIC', 'pq', 'alert-authority', true],
    ['SDIMIC', 'services', 'alert-authority', true],
    ['LIMIC', 'services', 'alert-authority', true],
    ['competent-authority', 'services', 'alert-authority', false],
  ])('[ACT-ASSIGN-ALERT-AUTHORITY] a %s acting in %s may assign %s: %s', (laRole, area, role, expected) => {
    expect(may(laRole, area, role)).toBe(expected)
  })

  it.each<Row>([
    ['NIMIC', 'services', 'alert-coordinator', true],
    ['SDIMIC', 'pq', 'alert-coordinator', true],
    ['LIMIC', 'services', 'alert-coordinator', true],
    ['competent-authority', 'services', 'alert-coordinator', false],
  ])('[ACT-ASSIGN-ALERT-COORDINATOR] a %s acting in %s may assign %s: %s', (laRole, area, role, expected) => {
    expect(may(laRole, area, role)).toBe(expected)
  })

  it.each<Row>([
    ['NIMIC', 'services', 'incoming-mailbox', true],
    ['SDIMIC', 'services', 'incoming-mailbox', true],
    ['LIMIC', 'services', 'incoming-mailbox', true],
    ['competent-authority', 'services', 'incoming-mailbox', false],
  ])('[ACT-ASSIGN-MAILBOX-ROLE] a %s acting in %s may assign %s: %s', (laRole, area, role, expected) => {
    expect(may(laRole, area, role)).toBe(expected)
  })

  it.each<Row>([
    ['DIMIC', 'services', 'alert-authority', true],
    ['DIMIC', 'services', 'alert-coordinator', false],
    ['DIMIC', 'services', 'incoming-mailbox', false],
    ['DIMIC', 'pq', 'alert-authority', false],
  ])('[ACT-DIMIC-ALERT-AUTHORITY] a %s acting in %s may assign %s: %s', (laRole, area, role, expected) => {
    expect(may(laRole, area, role)).toBe(expected)
  })

  it.each<Row>([
    ['LIMIC', 'pq', 'alert-authority', false],
    ['LIMIC', 'pq', 'alert-coordinator', false],
    ['LIMIC', 'pq', 'incoming-mailbox', false],
    ['LIMIC', 'services', 'alert-authority', true],
    ['LIMIC', 'services', 'alert-coordinator', true],
    ['LIMIC', 'services', 'incoming-mailbox', true],
  ])('[ACT-LIMIC-ALERT-SERVICES] a %s acting in %s may assign %s: %s', (laRole, area, role, expected) => {
    expect(may(laRole, area, role)).toBe(expected)
  })

  it('[ACT-DIMIC-ALERT-AUTHORITY] the permission table is configuration a member state may read differently', () => {
    const wider = { ...ALERT_ROLE_ASSIGNMENT, DIMIC: ['alert-authority', 'alert-coordinator'] as const }
    expect(mayAssignAlertRole({ laRole: 'DIMIC', legislativeArea: SERVICES }, 'alert-coordinator')).toBe(false)
    expect(mayAssignAlertRole({ laRole: 'DIMIC', legislativeArea: SERVICES }, 'alert-coordinator', wider)).toBe(true)
    // the Services restriction of LIMICs and DIMICs holds whatever the table says
    expect(mayAssignAlertRole({ laRole: 'DIMIC', legislativeArea: PQ }, 'alert-coordinator', wider)).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// ACT.md — the first user's roles

/** The directory where `id`'s users are replaced by one first user with {@link firstUserRoles}. */
const withOnlyFirstUser = (data: DirectoryData, id: AuthorityId, first: UserId): DirectoryData => {
  const roles = firstUserRoles(authorityOf(data, id))
  const model = userOf(data, first)
  return {
    ...data,
    users: [...data.users.filter((u) => u.authorityId !== id), { ...model, ...roles }],
  }
}

describe("the first user's roles", () => {
  it('[ACT-FIRST-USER-ALL-RIGHTS] the first user of an authority is LDA and holds every user role of the workflows it accesses', () => {
    const data = worldData()
    const roles = firstUserRoles(authorityOf(data, A.frCa))
    expect(roles.generalRoles).toEqual(['local-data-administrator'])
    expect(roles.requestRoles).toEqual([
      { legislativeArea: PQ, roles: ['request-viewer', 'request-handler', 'allocator'] },
      { legislativeArea: SERVICES_LA, roles: ['request-viewer', 'request-handler', 'allocator'] },
    ])
    expect(roles.alertRoles).toEqual(['alert-viewer', 'alert-handler'])
    // Given such a first user alone in its authority, the directory holds (one user is only a warning)
    const alone = withOnlyFirstUser(data, A.deCa2, U.de2Lda)
    expect(errorsOf(alone)).toEqual([])
    expect(checkDirectory(alone).filter((p) => p.authorityId === A.deCa2).map((p) => [p.ruleId, p.severity])).toEqual([['ACT-TWO-USERS-WARNING', 'warning']])
    // Workflows invited to (still requested) count; those removed or absent do not
    const invited = withAccess(data, A.frCa2, (l) => (l.legislativeArea === PQ ? { ...l, status: 'removed' } : l))
    const requested = withAlertAccess(invited, A.frCa2, alertPatch({ status: 'requested' }))
    expect(firstUserRoles(authorityOf(requested, A.frCa2))).toEqual({
      generalRoles: ['local-data-administrator'],
      requestRoles: [{ legislativeArea: SERVICES_LA, roles: ['request-viewer', 'request-handler', 'allocator'] }],
      alertRoles: ['alert-viewer', 'alert-handler'],
    })
    expect(firstUserRoles(authorityOf(withoutAlert(data, A.frCa2), A.frCa2)).alertRoles).toEqual([])
  })

  it('[ACT-FIRST-USER-COORD-ROLES] the first user of a coordinator is also data administrator, referee and, in an alert coordinator, broadcaster', () => {
    const data = worldData()
    const nimic = firstUserRoles(authorityOf(data, A.frNimic))
    expect(nimic.generalRoles).toEqual(['local-data-administrator', 'data-administrator'])
    expect(nimic.requestRoles.map((g) => [g.legislativeArea, g.roles.includes('referee')])).toEqual([
      [PQ, true],
      [SERVICES_LA, true],
    ])
    expect(nimic.alertRoles).toEqual(['alert-viewer', 'alert-handler', 'alert-broadcaster'])
    // A competent authority's first user gets none of them
    const ca = firstUserRoles(authorityOf(data, A.frCa))
    expect(ca.generalRoles).not.toContain('data-administrator')
    expect(ca.requestRoles.flatMap((g) => g.roles)).not.toContain('referee')
    expect(ca.alertRoles).not.toContain('alert-broadcaster')
    // Given a coordinator whose only user is its first user, every coordinator invariant holds
    expect(errorsOf(withOnlyFirstUser(data, A.frNimic, U.frNimicAllocator))).toEqual([])
    expect(errorsOf(withOnlyFirstUser(data, A.deDimic, U.deDimicAdmin))).toEqual([])
    // A DIMIC that is a plain request authority gets the data-administrator role but no referee role
    const plain = withAccess(data, A.frDimic, (l) => (l.request === undefined ? l : { ...l, request: { ...l.request, role: 'request-authority', linkedCoordinators: [A.frNimic] } }))
    const dimic = firstUserRoles(authorityOf(plain, A.frDimic))
    expect(dimic.generalRoles).toContain('data-administrator')
    expect(dimic.requestRoles.flatMap((g) => g.roles)).not.toContain('referee')
    expect(errorsOf(withOnlyFirstUser(plain, A.frDimic, U.frDimicAdmin))).toEqual([])
  })
})
