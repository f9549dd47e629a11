/**
 * Given/when/then examples of the first half of an alert's life (spec §7.3–§7.7, ALERT.md): launching
 * and submitting it, accepting and broadcasting it, the final-approval parameter before broadcast,
 * modifying a broadcast alert, and withdrawing it. Refusals are asserted by code and rule, accepted
 * commands by the state they leave.
 */
import { describe, expect, it } from 'vitest'
import { ALERT_CRITERIA, createAlertProcedure } from '../../index.js'
import type { AlertContentView, AlertWorkflowAccess, AuthorityId, DirectoryData, ExchangeId, UserId } from '../../index.js'
import type { Harness } from '../../testing/index.js'
import {
  A,
  ALERT_START,
  DAY,
  TEST_ALERT_POLICY,
  U,
  alertDraft,
  alertHarness,
  broadcastAlert,
  closedAlert,
  closureProposedAlert,
  createHarness,
  forwardedAlert,
  objectionPeriodAlert,
  refusalCodeOf,
  submittedAlert,
  withAlertAccess,
  world,
  worldData,
} from '../../testing/index.js'
import type { AlertState, AlertStatus } from './model.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const on = (type: string, id: ExchangeId, extra: Record<string, unknown> = {}) => ({ type, exchangeId: id, ...extra })
const text = (t: string) => ({ text: t, language: 'en' })

const modify = (id: ExchangeId) => on('alert.modify', id, { caseDescription: text('The provider also operates in Lyon.') })

const alertPatch = (patch: Partial<AlertWorkflowAccess>) => (a: AlertWorkflowAccess): AlertWorkflowAccess => ({ ...a, ...patch })
/** The fixture world where `coordinator` has final approval. */
const finalApprovalOn = (coordinator: AuthorityId, data: DirectoryData = worldData()): DirectoryData =>
  withAlertAccess(data, coordinator, alertPatch({ finalApproval: true }))

/** A complete draft without some of its fields. */
const draftWithout = (...keys: ReadonlyArray<string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(alertDraft()).filter(([k]) => !keys.includes(k)))

const refusal = (h: Harness<AlertState>, user: UserId | { kind: 'system' }, command: unknown) => refusalCodeOf(h.exec(user, command))

const contentOf = (h: Harness<AlertState>, as: UserId, id: ExchangeId): AlertContentView | undefined =>
  h.view(as, id)?.content as AlertContentView | undefined

const recipientsOf = (h: Harness<AlertState>, id: ExchangeId) =>
  h.state(id).recipients.map((r) => ({ authorityId: r.authorityId, kind: r.kind, mailboxState: r.mailboxState }))

/** The notifications caused by what `act` does, as message, rule and addressed authorities. */
const notificationsOf = (h: Harness<AlertState>, act: () => void) => {
  const before = h.notifications().length
  act()
  return h.notifications()
    .slice(before)
    .map((n) => ({ message: n.message, ruleId: n.ruleId, authorities: n.recipients.flatMap((r) => ('authorityId' in r ? [r.authorityId] : [])) }))
}

const acceptAndBroadcast = (h: Harness<AlertState>, id: ExchangeId, by: UserId = U.frNimicBroadcaster) => {
  h.ok(by, on('alert.accept', id))
  h.ok(by, on('alert.broadcast', id))
}

// ---------------------------------------------------------------------------------------------

describe('launch and submit', () => {
  it('[ALERT-CREATE-WHO] an alert handler of an alert authority or coordinator with effective alert access creates an alert', () => {
    const h = alertHarness()
    // An alert authority's handler, a mailbox's handler and a coordinator's LDA create alerts
    h.ok(U.frAlertHandler, alertDraft())
    expect(h.state(h.last())).toMatchObject({ status: 'draft', initiatingAuthority: A.frCa, initiatingMemberState: 'FR' })
    h.ok(U.deNimicBroadcaster, alertDraft({ coordinator: A.deNimic, recipientStates: ['FR'], establishment: 'DE' }))
    expect(h.state(h.last())).toMatchObject({ status: 'draft', initiatingAuthority: A.deNimic, initiatingMemberState: 'DE' })
    h.ok(U.frDimicAdmin, alertDraft({ coordinator: A.frDimic }))
    expect(h.state(h.last()).initiatingAuthority).toBe(A.frDimic)
    const created = h.exchanges().length
    // Without effective access — alert workflow, Services area or authority not active — it is refused
    const noWorkflow = withAlertAccess(worldData(), A.frCa, alertPatch({ status: 'suspended' }))
    const noArea = { ...worldData(), authorities: worldData().authorities.map((a) => (a.id !== A.frCa ? a : { ...a, access: a.access.map((l) => ({ ...l, status: 'suspended' as const })) })) }
    const noAuthority = { ...worldData(), authorities: worldData().authorities.map((a) => (a.id !== A.frCa ? a : { ...a, status: 'suspended' as const })) }
    for (const data of [noWorkflow, noArea, noAuthority])
      expect(refusal(alertHarness(world(data)), U.frAlertHandler, alertDraft())).toEqual({ code: 'alert.no-access', ruleId: 'ALERT-CREATE-WHO' })
    // and so is a user without the handler role
    expect(refusal(h, U.frDimicBroadcaster, alertDraft({ coordinator: A.frDimic }))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-CREATE-WHO' })
    expect(refusal(h, U.frHandler, alertDraft())).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-CREATE-WHO' })
    expect(h.exchanges()).toHaveLength(created)
  })

  it('[ALERT-EVENT-HISTORY] every transition records its instant, user, authority, action and statuses, and never rewrites earlier entries', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft())
    const id = h.last()
    const first = h.state(id).history[0]
    h.advance(DAY)
    h.ok(U.frAlertHandler, on('alert.submit', id))
    h.advance(DAY)
    // A refused command leaves no trace
    expect(refusal(h, U.frDimicBroadcaster, on('alert.accept', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ACCEPT-SUBMITTED' })
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    const history = h.state(id).history
    expect(history[0]).toEqual(first)
    expect(history.map((e) => ({ at: e.at, actor: e.actor, authorityId: e.authorityId, action: e.action, from: e.from, to: e.to }))).toEqual([
      { at: ALERT_START.toISOString(), actor: { kind: 'user', userId: U.frAlertHandler, authorityId: A.frCa }, authorityId: A.frCa, action: 'alert.created', from: undefined, to: 'draft' },
      {
        at: new Date(ALERT_START.getTime() + DAY).toISOString(),
        actor: { kind: 'user', userId: U.frAlertHandler, authorityId: A.frCa },
        authorityId: A.frCa,
        action: 'alert.submitted',
        from: 'draft',
        to: 'submitted-for-broadcast',
      },
      {
        at: new Date(ALERT_START.getTime() + 2 * DAY).toISOString(),
        actor: { kind: 'user', userId: U.frNimicBroadcaster, authorityId: A.frNimic },
        authorityId: A.frNimic,
        action: 'alert.accepted',
        from: 'submitted-for-broadcast',
        to: 'awaiting-broadcast',
      },
    ])
    // and the entries are frozen values
    expect(Object.isFrozen(history[0])).toBe(true)
  })

  it('[ALERT-NUMBER-FIRST-SAVE] an alert is numbered when first saved, however incomplete, and keeps its number', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, { type: 'alert.create' })
    const id = h.last()
    const number = h.state(id).number
    expect(number).toMatch(/^ALERT-\d+$/)
    expect(h.state(id).content).toEqual({ checklist: [], recipientStates: [] })
    h.ok(U.frAlertHandler, on('alert.edit', id, alertDraft({ type: 'alert.edit' })))
    h.ok(U.frAlertHandler, on('alert.submit', id))
    expect(h.state(id).number).toBe(number)
    // Another alert gets another number; a refused creation saves nothing
    h.ok(U.fr2AlertHandler, { type: 'alert.create' })
    expect(h.state(h.last()).number).not.toBe(number)
    expect(refusal(h, U.deAlertViewer, { type: 'alert.create' })).toEqual({ code: 'alert.not-allowed', ruleId: 'ACT-ALERT-VIEWER-READ-ONLY' })
    expect(h.exchanges()).toHaveLength(2)
  })

  it('[ALERT-DRAFT-DELETE] the initiating alert handler deletes a draft, leaving no trace and telling nobody', () => {
    // Even a coordinator with final approval cannot delete a draft that is not submitted to it yet
    const h = alertHarness(world(finalApprovalOn(A.frNimic)))
    h.ok(U.frAlertHandler, alertDraft())
    const id = h.last()
    expect(refusal(h, U.frNimicBroadcaster, on('alert.delete', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-DRAFT-DELETE' })
    expect(refusal(h, U.fr2AlertHandler, on('alert.delete', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-DRAFT-DELETE' })
    expect(h.exists(id)).toBe(true)
    // Another handler of the initiating authority may
    expect(notificationsOf(h, () => h.ok(U.frLda, on('alert.delete', id)))).toEqual([])
    expect(h.exists(id)).toBe(false)
  })

  it('[ALERT-SUBMIT-CHECKLIST] every criterion of the checklist must be confirmed before submission', () => {
    const h = alertHarness()
    const [first, ...others] = ALERT_CRITERIA.map((c) => c.id)
    h.ok(U.frAlertHandler, alertDraft({ checklist: [...others, 'not-a-criterion'] }))
    const id = h.last()
    expect(refusal(h, U.frAlertHandler, on('alert.submit', id))).toEqual({ code: 'alert.checklist-incomplete', ruleId: 'ALERT-SUBMIT-CHECKLIST' })
    expect(h.state(id).status).toBe('draft')
    h.ok(U.frAlertHandler, on('alert.edit', id, { checklist: [first, ...others] }))
    h.ok(U.frAlertHandler, on('alert.submit', id))
    expect(h.state(id).status).toBe('submitted-for-broadcast')
  })

  it('[ALERT-CHECKLIST-CONFIG] the checklist is configuration of the procedure', () => {
    const national = { id: 'national-criterion', text: { en: 'The risk is confirmed by a national inspection' } }
    const configured = createHarness<AlertState>(createAlertProcedure({ ...TEST_ALERT_POLICY, checklist: [national] }), world(), ALERT_START)
    // Given a procedure configured with its own criterion, confirming it is enough
    configured.ok(U.frAlertHandler, alertDraft({ checklist: [national.id] }))
    configured.ok(U.frAlertHandler, on('alert.submit', configured.last()))
    expect(configured.state(configured.last()).status).toBe('submitted-for-broadcast')
    // and the shipped criteria no longer count
    configured.ok(U.frAlertHandler, alertDraft())
    expect(refusal(configured, U.frAlertHandler, on('alert.submit', configured.last()))).toEqual({ code: 'alert.checklist-incomplete', ruleId: 'ALERT-SUBMIT-CHECKLIST' })
    // while the default procedure requires the shipped criteria
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft({ checklist: [national.id] }))
    expect(refusal(h, U.frAlertHandler, on('alert.submit', h.last()))).toEqual({ code: 'alert.checklist-incomplete', ruleId: 'ALERT-SUBMIT-CHECKLIST' })
  })

  it.each([
    ['provider', draftWithout('provider'), 'alert.provider-missing'],
    ['service activity', draftWithout('serviceActivity'), 'alert.provider-missing'],
    ['case description', draftWithout('caseDescription'), 'alert.case-missing'],
    ['language of the case description', { ...alertDraft(), caseDescription: { text: 'Vehicles without certification.' } }, 'alert.language-missing'],
  ])('[ALERT-SUBMIT-CONTENT] submission requires the provider data and the case: without the %s it is refused', (_what, draft, code) => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, draft)
    const id = h.last()
    expect(refusal(h, U.frAlertHandler, on('alert.submit', id))).toEqual({ code, ruleId: 'ALERT-SUBMIT-CONTENT' })
    h.ok(U.frAlertHandler, on('alert.edit', id, alertDraft({ type: 'alert.edit' })))
    h.ok(U.frAlertHandler, on('alert.submit', id))
    expect(h.state(id).status).toBe('submitted-for-broadcast')
  })

  it('[ALERT-SUBMIT-COORDINATOR] submission requires a coordinator linked to the initiating authority', () => {
    const h = alertHarness()
    // Not linked (the prefecture is linked to the NIMIC only), of another state, or none at all
    for (const [user, draft] of [
      [U.fr2AlertHandler, alertDraft({ coordinator: A.frDimic })],
      [U.frAlertHandler, alertDraft({ coordinator: A.deNimic })],
      [U.frAlertHandler, draftWithout('coordinator')],
    ] as const) {
      h.ok(user, draft)
      expect(refusal(h, user, on('alert.submit', h.last()))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-SUBMIT-COORDINATOR' })
    }
    // A linked coordinator may be chosen at submission
    const id = h.last()
    h.ok(U.frAlertHandler, on('alert.submit', id, { coordinator: A.frDimic }))
    expect(h.state(id)).toMatchObject({ status: 'submitted-for-broadcast', selectedCoordinator: A.frDimic })
    // A linked coordinator whose alert access is suspended cannot
    const suspended = alertHarness(world(withAlertAccess(worldData(), A.frDimic, alertPatch({ status: 'suspended' }))))
    suspended.ok(U.frAlertHandler, alertDraft({ coordinator: A.frDimic }))
    expect(refusal(suspended, U.frAlertHandler, on('alert.submit', suspended.last()))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-SUBMIT-COORDINATOR' })
  })

  it('[ALERT-SUBMIT-RECIPIENT-MS] submission requires at least one recipient state', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft({ recipientStates: [] }))
    const id = h.last()
    expect(refusal(h, U.frAlertHandler, on('alert.submit', id))).toEqual({ code: 'alert.no-recipient-state', ruleId: 'ALERT-SUBMIT-RECIPIENT-MS' })
    h.ok(U.frAlertHandler, on('alert.edit', id, { recipientStates: ['IT'] }))
    h.ok(U.frAlertHandler, on('alert.submit', id))
    expect(h.state(id)).toMatchObject({ status: 'submitted-for-broadcast', content: { recipientStates: ['IT'] } })
  })

  it('[ALERT-SUBMIT-STATUS] submitting moves a draft to submitted-for-broadcast, once, and tells the coordinator', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft())
    const id = h.last()
    // Only the initiating authority's handlers submit
    expect(refusal(h, U.fr2AlertHandler, on('alert.submit', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-CREATE-WHO' })
    expect(notificationsOf(h, () => h.ok(U.frAlertHandler, on('alert.submit', id)))).toEqual([
      { message: 'alert.submitted', ruleId: 'MAIL-ALERT-SUBMITTED', authorities: [A.frNimic] },
    ])
    expect(h.state(id)).toMatchObject({ status: 'submitted-for-broadcast', selectedCoordinator: A.frNimic })
    expect(refusal(h, U.frAlertHandler, on('alert.submit', id))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-SUBMIT-STATUS' })
  })
})

// ---------------------------------------------------------------------------------------------

describe('accept and broadcast', () => {
  it('[ALERT-FORWARD-COORDINATOR] a broadcaster of the selected coordinator forwards a submitted alert to another alert coordinator', () => {
    const h = alertHarness()
    const id = submittedAlert(h)
    const forward = (coordinator: AuthorityId) => on('alert.forward-to-coordinator', id, { coordinator })
    // Not the other coordinator, not the initiating handler
    expect(refusal(h, U.frDimicBroadcaster, forward(A.frDimic))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-FORWARD-COORDINATOR' })
    expect(refusal(h, U.frAlertHandler, forward(A.frDimic))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-FORWARD-COORDINATOR' })
    // Not to an authority that is no coordinator, nor to itself
    expect(refusal(h, U.frNimicBroadcaster, forward(A.frCa2))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-FORWARD-COORDINATOR' })
    expect(refusal(h, U.frNimicBroadcaster, forward(A.frNimic))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-FORWARD-COORDINATOR' })
    // To another coordinator of its state, whose broadcasters are told
    expect(notificationsOf(h, () => h.ok(U.frNimicBroadcaster, forward(A.frDimic)))).toEqual([
      { message: 'alert.forwarded-to-coordinator', ruleId: 'MAIL-ALERT-FORWARDED-COORD', authorities: [A.frDimic] },
    ])
  })

  it('[ALERT-FORWARD-RESELECT] forwarding keeps the alert submitted and makes the target the selected coordinator', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft())
    const draft = h.last()
    expect(refusal(h, U.frNimicBroadcaster, on('alert.forward-to-coordinator', draft, { coordinator: A.frDimic }))).toEqual({
      code: 'alert.wrong-status',
      ruleId: 'ALERT-FORWARD-RESELECT',
    })
    h.ok(U.frAlertHandler, on('alert.submit', draft))
    h.ok(U.frNimicBroadcaster, on('alert.forward-to-coordinator', draft, { coordinator: A.frDimic }))
    expect(h.state(draft)).toMatchObject({ status: 'submitted-for-broadcast', selectedCoordinator: A.frDimic, formerCoordinators: [A.frNimic] })
    // The former coordinator keeps only the metadata and may no longer accept it
    expect(h.view(U.frNimicBroadcaster, draft)?.access).toBe('metadata')
    expect(refusal(h, U.frNimicBroadcaster, on('alert.accept', draft))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ACCEPT-SUBMITTED' })
    h.ok(U.frDimicBroadcaster, on('alert.accept', draft))
    // Once accepted it is no longer forwarded
    expect(refusal(h, U.frDimicBroadcaster, on('alert.forward-to-coordinator', draft, { coordinator: A.frNimic }))).toEqual({
      code: 'alert.wrong-status',
      ruleId: 'ALERT-FORWARD-RESELECT',
    })
  })

  it('[ALERT-ACCEPT-SUBMITTED] only a broadcaster of the selected coordinator accepts a submitted alert', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft())
    const id = h.last()
    expect(refusal(h, U.frNimicBroadcaster, on('alert.accept', id))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-ACCEPT-SUBMITTED' })
    h.ok(U.frAlertHandler, on('alert.submit', id))
    expect(refusal(h, U.frDimicBroadcaster, on('alert.accept', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ACCEPT-SUBMITTED' })
    expect(refusal(h, U.frAlertHandler, on('alert.accept', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ACCEPT-SUBMITTED' })
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    expect(h.state(id).status).toBe('awaiting-broadcast')
    expect(refusal(h, U.frNimicBroadcaster, on('alert.accept', id))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-ACCEPT-SUBMITTED' })
  })

  it('[ALERT-ACCEPT-BEFORE-BROADCAST] a submitted alert is accepted before it is broadcast', () => {
    const h = alertHarness()
    const id = submittedAlert(h)
    expect(h.actions(U.frNimicBroadcaster, id)).not.toContain('alert.broadcast')
    expect(refusal(h, U.frNimicBroadcaster, on('alert.broadcast', id))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-ACCEPT-BEFORE-BROADCAST' })
    expect(h.state(id).status).toBe('submitted-for-broadcast')
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    expect(h.actions(U.frNimicBroadcaster, id)).toContain('alert.broadcast')
    h.ok(U.frNimicBroadcaster, on('alert.broadcast', id))
    expect(h.state(id).history.map((e) => e.to)).toEqual(['draft', 'submitted-for-broadcast', 'awaiting-broadcast', 'broadcast'])
  })

  it('[ALERT-BROADCAST-ACCEPTED] only a broadcaster of the selected coordinator broadcasts an accepted alert, recording when', () => {
    const h = alertHarness()
    const id = submittedAlert(h)
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    expect(refusal(h, U.frDimicBroadcaster, on('alert.broadcast', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-BROADCAST-ACCEPTED' })
    expect(refusal(h, U.frAlertHandler, on('alert.broadcast', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-BROADCAST-ACCEPTED' })
    expect(h.state(id).broadcastAt).toBeUndefined()
    h.advance(3 * 60 * 60 * 1000)
    h.ok(U.frNimicBroadcaster, on('alert.broadcast', id))
    expect(h.state(id)).toMatchObject({ status: 'broadcast', broadcastAt: h.now.toISOString(), broadcastingCoordinator: A.frNimic })
    // A broadcast alert is not broadcast again
    expect(refusal(h, U.frNimicBroadcaster, on('alert.broadcast', id))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-BROADCAST-ACCEPTED' })
  })

  it("[ALERT-DELIVER-MAILBOXES] broadcasting delivers the alert to each recipient state's incoming mailbox, and to no other authority there", () => {
    const h = alertHarness()
    const id = submittedAlert(h)
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    const sent = notificationsOf(h, () => h.ok(U.frNimicBroadcaster, on('alert.broadcast', id)))
    expect(recipientsOf(h, id).filter((r) => r.kind === 'mailbox')).toEqual([
      { authorityId: A.deNimic, kind: 'mailbox', mailboxState: 'awaiting-acknowledgement' },
      { authorityId: A.itNimic, kind: 'mailbox', mailboxState: 'awaiting-acknowledgement' },
    ])
    expect(sent).toEqual([{ message: 'alert.incoming', ruleId: 'MAIL-ALERT-BROADCAST', authorities: [A.deNimic, A.itNimic, A.frNimic] }])
    // The other authorities of the recipient states have it only once forwarded
    for (const other of [A.deDimic, A.deCa, A.deCa2, A.itCa]) expect(h.state(id).recipients.map((r) => r.authorityId)).not.toContain(other)
    expect(h.view(U.deAlertHandler, id)).toBeUndefined()
    expect(h.view(U.deNimicBroadcaster, id)?.access).toBe('full')
  })

  it('[ALERT-DELIVER-COMMISSION] broadcasting delivers the alert to the Commission, without personal data', () => {
    const h = alertHarness()
    const id = submittedAlert(h)
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    expect(h.view({ kind: 'commission' }, id)).toBeUndefined()
    expect(h.view(U.frAlertHandler, id)?.summary.audience.commission).toBe(false)
    h.ok(U.frNimicBroadcaster, on('alert.broadcast', id))
    const seen = h.view({ kind: 'commission' }, id)
    expect(seen?.access).toBe('no-personal-data')
    expect((seen?.content as AlertContentView | undefined)?.provider).toEqual({ redacted: 'personal-data' })
    expect((seen?.content as AlertContentView | undefined)?.serviceActivity).toBe('Non-emergency patient transport')
    expect(seen?.summary.audience.commission).toBe(true)
  })

  it("[ALERT-DELIVER-OWN-MAILBOX] the initiating state's own mailbox receives every alert its state broadcasts", () => {
    const h = alertHarness()
    // Given an alert submitted to the French DIMIC, the French mailbox knows nothing before broadcast
    const id = submittedAlert(h, { draft: { coordinator: A.frDimic } })
    expect(h.view(U.frNimicBroadcaster, id)).toBeUndefined()
    h.ok(U.frDimicBroadcaster, on('alert.accept', id))
    const sent = notificationsOf(h, () => h.ok(U.frDimicBroadcaster, on('alert.broadcast', id)))
    // When broadcast, it receives it, already acknowledged, and is told
    expect(recipientsOf(h, id).find((r) => r.authorityId === A.frNimic)).toEqual({ authorityId: A.frNimic, kind: 'initiating-mailbox', mailboxState: 'acknowledged' })
    expect(sent.flatMap((n) => n.authorities)).toContain(A.frNimic)
    expect(h.view(U.frNimicBroadcaster, id)?.access).toBe('full')
    // A mailbox that launches an alert itself is not added as its own recipient
    h.ok(U.frNimicBroadcaster, alertDraft())
    const own = h.last()
    h.ok(U.frNimicBroadcaster, on('alert.submit', own))
    acceptAndBroadcast(h, own)
    expect(h.state(own).recipients.map((r) => r.authorityId)).toEqual([A.deNimic, A.itNimic])
  })

  it('[ALERT-ACK-PER-MS] awaiting acknowledgement is what each recipient mailbox sees until it acknowledges; the status stays broadcast', () => {
    const h = alertHarness()
    const id = broadcastAlert(h)
    const seen = () => [U.frAlertHandler, U.frNimicBroadcaster, U.deNimicBroadcaster, U.itNimicBroadcaster].map((u) => h.view(u, id)?.displayedStatus)
    expect(seen()).toEqual(['broadcast', 'broadcast', 'awaiting-acknowledgement', 'awaiting-acknowledgement'])
    h.ok(U.deNimicBroadcaster, on('alert.acknowledge', id))
    expect(seen()).toEqual(['broadcast', 'broadcast', 'broadcast', 'awaiting-acknowledgement'])
    expect(h.state(id).status).toBe('broadcast')
    expect(h.view(U.itNimicBroadcaster, id)?.status).toBe('broadcast')
    expect(h.view(U.frAlertHandler, id)?.summary.statusFor).toEqual([{ status: 'awaiting-acknowledgement', authorities: [A.itNimic] }])
  })
})

// ---------------------------------------------------------------------------------------------

describe('final approval before broadcast', () => {
  it('[ALERT-UNBROADCAST-EDITOR] without final approval the initiating authority edits and deletes before broadcast; with it, the coordinator does', () => {
    // Without final approval
    const h = alertHarness()
    const id = submittedAlert(h)
    expect(refusal(h, U.frNimicBroadcaster, on('alert.edit', id, { caseDescription: text('More vehicles found.') }))).toEqual({
      code: 'alert.not-allowed',
      ruleId: 'ALERT-UNBROADCAST-EDITOR',
    })
    expect(refusal(h, U.frNimicBroadcaster, on('alert.delete', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-UNBROADCAST-EDITOR' })
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    h.ok(U.frAlertHandler, on('alert.edit', id, { caseDescription: text('More vehicles found.') }))
    expect(h.state(id).content.caseDescription).toEqual(text('More vehicles found.'))
    expect(notificationsOf(h, () => h.ok(U.frAlertHandler, on('alert.delete', id)))).toEqual([
      { message: 'alert.deleted', ruleId: 'MAIL-ALERT-DELETED', authorities: [A.frNimic] },
    ])
    expect(h.exists(id)).toBe(false)
    // With final approval on the selected coordinator
    const fa = alertHarness(world(finalApprovalOn(A.frNimic)))
    const id2 = submittedAlert(fa)
    expect(refusal(fa, U.frAlertHandler, on('alert.edit', id2, { serviceActivity: 'Ambulances' }))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-UNBROADCAST-EDITOR' })
    expect(refusal(fa, U.frAlertHandler, on('alert.delete', id2))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-UNBROADCAST-EDITOR' })
    fa.ok(U.frNimicBroadcaster, on('alert.edit', id2, { serviceActivity: 'Ambulances' }))
    expect(fa.state(id2).content.serviceActivity).toBe('Ambulances')
    expect(notificationsOf(fa, () => fa.ok(U.frNimicBroadcaster, on('alert.delete', id2)))).toEqual([
      { message: 'alert.deleted', ruleId: 'MAIL-ALERT-DELETED', authorities: [A.frCa] },
    ])
    expect(fa.exists(id2)).toBe(false)
  })

  it('[ALERT-UNBROADCAST-EDITOR] submitted information not yet broadcast follows the same rule', () => {
    const submitInfo = (h: Harness<AlertState>, id: ExchangeId) => {
      h.ok(U.deAlertHandler, on('alert.submit-information', id, { kind: 'general', coordinator: A.deNimic, text: text('Seen in Berlin.') }))
      const info = h.state(id).information[0]
      if (info === undefined) throw new Error('no information')
      return { type: 'alert.edit-information', exchangeId: id, informationId: info.id, text: text('Seen in Berlin and Potsdam.') }
    }
    const h = alertHarness()
    const id = forwardedAlert(h)
    const edit = submitInfo(h, id)
    expect(refusal(h, U.deNimicBroadcaster, edit)).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-UNBROADCAST-EDITOR' })
    h.ok(U.deAlertHandler, edit)
    expect(h.state(id).information[0]?.text).toEqual(text('Seen in Berlin and Potsdam.'))
    // With final approval on the coordinator it was submitted to
    const fa = alertHarness(world(finalApprovalOn(A.deNimic)))
    const id2 = forwardedAlert(fa)
    const edit2 = submitInfo(fa, id2)
    expect(refusal(fa, U.deAlertHandler, edit2)).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-UNBROADCAST-EDITOR' })
    fa.ok(U.deNimicBroadcaster, edit2)
    expect(fa.state(id2).information[0]?.text).toEqual(text('Seen in Berlin and Potsdam.'))
  })

  it.each([false, true])('[ALERT-ADD-MS-BEFORE-BROADCAST] the selected coordinator adds recipient states before broadcast (final approval: %s)', (finalApproval) => {
    const h = alertHarness(world(finalApproval ? finalApprovalOn(A.frNimic) : worldData()))
    const id = submittedAlert(h, { draft: { recipientStates: ['DE'] } })
    const addItaly = on('alert.add-recipient-states', id, { memberStates: ['IT'] })
    // Whoever edits the alert no longer changes its states by editing once it is submitted
    const editor = finalApproval ? U.frNimicBroadcaster : U.frAlertHandler
    expect(refusal(h, editor, on('alert.edit', id, { recipientStates: ['DE', 'IT'] }))).toEqual({ code: 'alert.edit-restricted', ruleId: 'ALERT-ADD-MS-BEFORE-BROADCAST' })
    expect(refusal(h, U.frNimicBroadcaster, addItaly)).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-ADD-MS-BEFORE-BROADCAST' })
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    expect(refusal(h, U.frAlertHandler, addItaly)).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ADD-MS-BEFORE-BROADCAST' })
    // The coordinator's broadcaster adds Italy, which receives the alert when it is broadcast
    h.ok(U.frNimicBroadcaster, addItaly)
    expect(h.state(id).content.recipientStates).toEqual(['DE', 'IT'])
    expect(h.state(id).recipients).toEqual([])
    h.ok(U.frNimicBroadcaster, on('alert.broadcast', id))
    expect(recipientsOf(h, id).filter((r) => r.kind === 'mailbox').map((r) => r.authorityId)).toEqual([A.deNimic, A.itNimic])
  })
})

// ---------------------------------------------------------------------------------------------

describe('modification after broadcast', () => {
  it('[ALERT-MODIFY-INITIATING-MS] only the initiating state modifies a broadcast alert', () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    for (const user of [U.deNimicBroadcaster, U.deAlertHandler, U.itNimicBroadcaster])
      expect(refusal(h, user, modify(id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-MODIFY-INITIATING-MS' })
    h.ok(U.frAlertHandler, modify(id))
    expect(h.state(id).content.caseDescription).toEqual(text('The provider also operates in Lyon.'))
  })

  it('[ALERT-ADD-MS-AFTER-BROADCAST] after broadcast only the coordinator that broadcast the alert adds recipient states', () => {
    const h = alertHarness()
    const id = broadcastAlert(h, { draft: { recipientStates: ['DE'] } })
    const add = (...memberStates: string[]) => on('alert.add-recipient-states', id, { memberStates })
    for (const user of [U.frAlertHandler, U.frDimicBroadcaster, U.deNimicBroadcaster])
      expect(refusal(h, user, add('IT'))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ADD-MS-AFTER-BROADCAST' })
    expect(refusal(h, U.frNimicBroadcaster, add('DE'))).toEqual({ code: 'alert.nothing-added', ruleId: 'ALERT-ADD-MS-AFTER-BROADCAST' })
    expect(refusal(h, U.frNimicBroadcaster, add('FR'))).toEqual({ code: 'alert.recipient-own-state', ruleId: 'ALERT-WITHIN-MS-ACTIONS' })
    // The broadcasting coordinator adds Italy, whose mailbox receives the alert at once
    expect(notificationsOf(h, () => h.ok(U.frNimicBroadcaster, add('IT')))).toEqual([
      { message: 'alert.incoming', ruleId: 'MAIL-ALERT-BROADCAST', authorities: [A.itNimic] },
    ])
    expect(recipientsOf(h, id).find((r) => r.authorityId === A.itNimic)).toEqual({ authorityId: A.itNimic, kind: 'mailbox', mailboxState: 'awaiting-acknowledgement' })
    // When the French DIMIC broadcast an alert, the French NIMIC cannot add states to it
    const other = submittedAlert(h, { draft: { recipientStates: ['DE'] } })
    h.ok(U.frNimicBroadcaster, on('alert.forward-to-coordinator', other, { coordinator: A.frDimic }))
    acceptAndBroadcast(h, other, U.frDimicBroadcaster)
    const addItaly = on('alert.add-recipient-states', other, { memberStates: ['IT'] })
    expect(refusal(h, U.frNimicBroadcaster, addItaly)).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-ADD-MS-AFTER-BROADCAST' })
    h.ok(U.frDimicBroadcaster, addItaly)
    expect(h.state(other).content.recipientStates).toEqual(['DE', 'IT'])
  })

  it("[ALERT-CHANGE-MSE-WHO] only the broadcasting coordinator changes the provider's state of establishment", () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    const change = (establishment: string | null) => on('alert.change-establishment', id, { establishment })
    for (const user of [U.frAlertHandler, U.deNimicBroadcaster, U.frDimicBroadcaster])
      expect(refusal(h, user, change('DE'))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-CHANGE-MSE-WHO' })
    expect(refusal(h, U.frNimicBroadcaster, change('FR'))).toEqual({ code: 'alert.nothing-modified', ruleId: 'ALERT-CHANGE-MSE-WHO' })
    const sent = notificationsOf(h, () => h.ok(U.frNimicBroadcaster, change('DE')))
    expect(h.state(id).content.establishment).toBe('DE')
    expect(sent.map((n) => n.ruleId)).toEqual(['MAIL-ALERT-MSE-CHANGED'])
    h.ok(U.frNimicBroadcaster, change(null))
    expect(h.state(id).content.establishment).toBeNull()
  })

  it('[ALERT-CHANGE-MSE-NO-PROPOSAL] the state of establishment changes only while no closure proposal is pending', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    const toFrance = on('alert.change-establishment', id, { establishment: 'FR' })
    expect(refusal(h, U.frNimicBroadcaster, toFrance)).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-CHANGE-MSE-NO-PROPOSAL' })
    h.ok(U.deAlertHandler, on('alert.cancel-closure-proposal', id))
    h.ok(U.frNimicBroadcaster, toFrance)
    expect(h.state(id)).toMatchObject({ status: 'broadcast', content: { establishment: 'FR' } })
    const objections = objectionPeriodAlert(h)
    expect(refusal(h, U.frNimicBroadcaster, on('alert.change-establishment', objections, { establishment: 'FR' }))).toEqual({
      code: 'alert.wrong-status',
      ruleId: 'ALERT-CHANGE-MSE-NO-PROPOSAL',
    })
  })

  it('[ALERT-MODIFY-PROVIDER-CASE] after broadcast the provider and case are modified by the broadcasting coordinator with final approval, otherwise by the initiating authority', () => {
    // Without final approval: the initiating authority's handlers
    const h = alertHarness()
    const id = broadcastAlert(h)
    for (const user of [U.frNimicBroadcaster, U.fr2AlertHandler])
      expect(refusal(h, user, modify(id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-MODIFY-PROVIDER-CASE' })
    h.ok(U.frAlertHandler, on('alert.modify', id, { provider: { name: 'Ambulances Express SARL' }, caseDescription: text('The provider also operates in Lyon.') }))
    expect(h.state(id).content).toMatchObject({ provider: { name: 'Ambulances Express SARL' }, caseDescription: text('The provider also operates in Lyon.') })
    expect(refusal(h, U.frAlertHandler, on('alert.modify', id))).toEqual({ code: 'alert.nothing-modified', ruleId: 'ALERT-MODIFY-PROVIDER-CASE' })
    // With final approval on the French DIMIC, which broadcast the alert after it was forwarded there
    const fa = alertHarness(world(finalApprovalOn(A.frDimic)))
    const id2 = submittedAlert(fa)
    fa.ok(U.frNimicBroadcaster, on('alert.forward-to-coordinator', id2, { coordinator: A.frDimic }))
    acceptAndBroadcast(fa, id2, U.frDimicBroadcaster)
    for (const user of [U.frAlertHandler, U.frNimicBroadcaster])
      expect(refusal(fa, user, modify(id2))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-MODIFY-PROVIDER-CASE' })
    fa.ok(U.frDimicBroadcaster, modify(id2))
    expect(fa.state(id2).content.caseDescription).toEqual(text('The provider also operates in Lyon.'))
  })

  it('[ALERT-MODIFY-DURING-CLOSURE] the provider and case may also be modified while closure is under way, not once closed', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    const seen: AlertStatus[] = []
    const modifyNow = (n: number) => {
      h.ok(U.frAlertHandler, on('alert.modify', id, { serviceActivity: `Patient transport (${n})` }))
      seen.push(h.state(id).status)
      expect(h.state(id).content.serviceActivity).toBe(`Patient transport (${n})`)
    }
    modifyNow(1)
    h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
    h.ok({ kind: 'system' }, on('alert.end-comment-period', id))
    modifyNow(2)
    h.ok(U.deNimicBroadcaster, on('alert.broadcast-closure-proposal', id, { includedComments: [] }))
    modifyNow(3)
    expect(seen).toEqual(['closure-open-for-comments', 'closure-awaiting-broadcast', 'closure-open-for-objections'])
    const closed = closedAlert(h)
    expect(refusal(h, U.frAlertHandler, modify(closed))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-CLOSED-FINAL' })
  })

  it('[ALERT-MODIFY-NO-REBROADCAST] a modification is visible to every recipient at once, without a new broadcast', () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    const recipients = recipientsOf(h, id)
    const before = h.events(id).length
    const sent = notificationsOf(h, () => h.ok(U.frAlertHandler, modify(id)))
    expect(h.events(id).slice(before).map((e) => e.type)).toEqual(['alert.modified'])
    expect(sent).toEqual([])
    for (const user of [U.deNimicBroadcaster, U.deAlertHandler, U.itNimicBroadcaster])
      expect(contentOf(h, user, id)?.caseDescription).toEqual(text('The provider also operates in Lyon.'))
    expect(h.state(id).status).toBe('broadcast')
    expect(recipientsOf(h, id)).toEqual(recipients)
    expect(refusal(h, U.frNimicBroadcaster, on('alert.broadcast', id))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-BROADCAST-ACCEPTED' })
  })
})

// ---------------------------------------------------------------------------------------------

describe('withdrawal', () => {
  const propose = (id: ExchangeId) => on('alert.propose-withdrawal', id, { reason: text('The inspection report concerned another provider.') })

  it('[ALERT-WITHDRAW-SUBMIT] only a handler of the initiating authority proposes a withdrawal', () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    for (const user of [U.fr2AlertHandler, U.frNimicBroadcaster, U.deAlertHandler, U.deNimicBroadcaster])
      expect(refusal(h, user, propose(id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-WITHDRAW-SUBMIT' })
    h.advance(DAY)
    const sent = notificationsOf(h, () => h.ok(U.frAlertHandler, propose(id)))
    expect(h.state(id)).toMatchObject({
      status: 'withdrawal-to-be-broadcast',
      withdrawal: { from: 'broadcast', reason: text('The inspection report concerned another provider.'), proposedAt: h.now.toISOString() },
    })
    expect(sent).toEqual([{ message: 'alert.withdrawal-proposed', ruleId: 'MAIL-ALERT-WITHDRAWAL-PROPOSED', authorities: [A.frNimic] }])
  })

  it.each<[AlertStatus, (h: Harness<AlertState>) => ExchangeId]>([
    ['broadcast', (h) => broadcastAlert(h)],
    ['closure-open-for-comments', (h) => closureProposedAlert(h)],
    [
      'closure-awaiting-broadcast',
      (h) => {
        const id = closureProposedAlert(h)
        h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
        h.ok({ kind: 'system' }, on('alert.end-comment-period', id))
        return id
      },
    ],
    ['closure-open-for-objections', (h) => objectionPeriodAlert(h)],
  ])('[ALERT-WITHDRAW-STATUSES] a withdrawal may be proposed from %s', (status, given) => {
    const h = alertHarness()
    const id = given(h)
    expect(h.state(id).status).toBe(status)
    h.ok(U.frAlertHandler, propose(id))
    expect(h.state(id)).toMatchObject({ status: 'withdrawal-to-be-broadcast', withdrawal: { from: status } })
  })

  it('[ALERT-WITHDRAW-STATUSES] before broadcast an alert is deleted instead, and a closed alert is not withdrawn', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft())
    const id = h.last()
    const refused = { code: 'alert.wrong-status', ruleId: 'ALERT-WITHDRAW-STATUSES' }
    expect(refusal(h, U.frAlertHandler, propose(id))).toEqual(refused)
    h.ok(U.frAlertHandler, on('alert.submit', id))
    expect(refusal(h, U.frAlertHandler, propose(id))).toEqual(refused)
    h.ok(U.frNimicBroadcaster, on('alert.accept', id))
    expect(refusal(h, U.frAlertHandler, propose(id))).toEqual(refused)
    h.ok(U.frAlertHandler, on('alert.delete', id))
    expect(h.exists(id)).toBe(false)
    // After broadcast it is withdrawn, no longer deleted
    const broadcast = broadcastAlert(h)
    expect(refusal(h, U.frAlertHandler, on('alert.delete', broadcast))).toEqual(refused)
    const closed = closedAlert(h)
    expect(refusal(h, U.frAlertHandler, propose(closed))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-CLOSED-FINAL' })
  })

  it('[ALERT-WITHDRAW-BROADCAST] a broadcaster of the coordinator broadcasts the withdrawal, and the alert is withdrawn', () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    expect(refusal(h, U.frNimicBroadcaster, on('alert.broadcast-withdrawal', id))).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-WITHDRAW-BROADCAST' })
    h.ok(U.frAlertHandler, propose(id))
    expect(refusal(h, U.frAlertHandler, on('alert.broadcast-withdrawal', id))).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-WITHDRAW-COORDINATOR' })
    h.advance(DAY)
    const sent = notificationsOf(h, () => h.ok(U.frNimicBroadcaster, on('alert.broadcast-withdrawal', id)))
    expect(h.state(id)).toMatchObject({ status: 'withdrawn', withdrawnAt: h.now.toISOString() })
    expect(sent.map((n) => [n.message, n.ruleId])).toEqual([['alert.withdrawn', 'MAIL-ALERT-WITHDRAWN-CLOSED']])
    expect(sent[0]?.authorities).toEqual(expect.arrayContaining([A.frCa, A.deNimic, A.itNimic, A.deCa, A.deCa2]))
  })

  it('[ALERT-WITHDRAW-COORDINATOR] the coordinator that broadcast the alert broadcasts its withdrawal, failing it a coordinator linked to the initiating authority', () => {
    const h = alertHarness()
    const id = broadcastAlert(h)
    h.ok(U.frAlertHandler, propose(id))
    const broadcastWithdrawal = on('alert.broadcast-withdrawal', id)
    for (const user of [U.frDimicBroadcaster, U.deNimicBroadcaster])
      expect(refusal(h, user, broadcastWithdrawal)).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-WITHDRAW-COORDINATOR' })
    // When the broadcasting coordinator has lost its alert access, the French DIMIC (linked to the order) takes over
    h.directory = world(withAlertAccess(worldData(), A.frNimic, alertPatch({ status: 'suspended' })))
    for (const user of [U.frNimicBroadcaster, U.deNimicBroadcaster])
      expect(refusal(h, user, broadcastWithdrawal)).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-WITHDRAW-COORDINATOR' })
    h.ok(U.frDimicBroadcaster, broadcastWithdrawal)
    expect(h.state(id).status).toBe('withdrawn')
  })

  it('[ALERT-WITHDRAW-CANCEL] the initiating handler cancels a pending withdrawal, which restores the previous status', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.ok(U.frAlertHandler, propose(id))
    const cancel = on('alert.cancel-withdrawal', id)
    for (const user of [U.frNimicBroadcaster, U.deAlertHandler])
      expect(refusal(h, user, cancel)).toEqual({ code: 'alert.not-allowed', ruleId: 'ALERT-WITHDRAW-CANCEL' })
    h.ok(U.frAlertHandler, cancel)
    expect(h.state(id).status).toBe('closure-open-for-comments')
    expect(h.state(id).withdrawal).toBeUndefined()
    expect(refusal(h, U.frAlertHandler, cancel)).toEqual({ code: 'alert.wrong-status', ruleId: 'ALERT-WITHDRAW-CANCEL' })
    // From broadcast, it returns to broadcast
    const other = broadcastAlert(h)
    h.ok(U.frAlertHandler, propose(other))
    h.ok(U.frAlertHandler, on('alert.cancel-withdrawal', other))
    expect(h.state(other).status).toBe('broadcast')
  })

  it('[ALERT-WITHDRAWN-FROZEN] a withdrawn alert takes no more information and no more transitions', () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    h.ok(U.frAlertHandler, propose(id))
    h.ok(U.frNimicBroadcaster, on('alert.broadcast-withdrawal', id))
    const frozen = { code: 'alert.wrong-status', ruleId: 'ALERT-WITHDRAWN-FROZEN' }
    const attempts: ReadonlyArray<readonly [UserId, Record<string, unknown>]> = [
      [U.deAlertHandler, on('alert.submit-information', id, { kind: 'general', coordinator: A.deNimic, text: text('Seen in Berlin.') })],
      [U.frAlertHandler, modify(id)],
      [U.frAlertHandler, on('alert.cancel-withdrawal', id)],
      [U.frAlertHandler, propose(id)],
      [U.frNimicBroadcaster, on('alert.add-recipient-states', id, { memberStates: ['ES'] })],
      [U.frNimicBroadcaster, on('alert.change-establishment', id, { establishment: 'DE' })],
      [U.frNimicBroadcaster, on('alert.broadcast-withdrawal', id)],
      [U.itNimicBroadcaster, on('alert.acknowledge', id)],
      [U.frAlertHandler, on('alert.propose-closure', id, { coordinator: A.frNimic, text: text('Risk gone.') })],
    ]
    for (const [user, command] of attempts) expect(refusal(h, user, command)).toEqual(frozen)
    // Only the early removal of its personal data remains, for the initiating authority's handlers (RET-EARLY-REMOVAL).
    for (const user of Object.values(U)) expect(h.actions(user, id).filter((a) => a !== 'alert.remove-personal-data')).toEqual([])
    expect(h.actions(U.frAlertHandler, id)).toEqual(['alert.remove-personal-data'])
    expect(h.actions(U.deAlertHandler, id)).toEqual([])
    expect(h.state(id).status).toBe('withdrawn')
  })
})
