/**
 * Given/when/then examples for the early removal of an alert's personal data (RET-EARLY-REMOVAL):
 * who may remove it and when, what the history records, what the views show afterwards, the
 * retention timers made harmless, and what `explain` answers.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { explainAlert } from '../../index.js'
import type { AlertContentView, AlertState } from '../../index.js'
import { A, U, alertHarness, broadcastAlert, closedAlert, refusalCodeOf, testAlertProcedure } from '../../testing/index.js'
import type { Harness } from '../../testing/index.js'
import type { Viewer } from '../../model/actor.js'
import type { ExchangeId, UserId } from '../../model/ids.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const SYSTEM = { kind: 'system' } as const
const SYSADMIN: Viewer = { kind: 'system-administrator' }
const ACTION = 'alert.remove-personal-data'
const REASON = { text: "The provider's erasure request under Art. 17 GDPR, ref. DPO-2026-21.", language: 'en' } as const
const PROVIDER_NAME = 'Ambulances Express'

type H = Harness<AlertState>

const withdrawnAlert = (h: H): ExchangeId => {
  const id = broadcastAlert(h)
  h.ok(U.frAlertHandler, { type: 'alert.propose-withdrawal', exchangeId: id, reason: { text: 'The evidence was wrong.', language: 'en' } })
  h.ok(U.frNimicBroadcaster, { type: 'alert.broadcast-withdrawal', exchangeId: id })
  return id
}

const remove = (h: H, as: UserId | typeof SYSTEM, id: ExchangeId, rest: Readonly<Record<string, unknown>> = {}) =>
  h.exec(as, { type: ACTION, exchangeId: id, reason: REASON, ...rest })

const systemActions = (h: H, id: ExchangeId) => testAlertProcedure.availableActions(h.state(id), SYSADMIN, h.context(SYSTEM))

/** Runs the retention timers still pending, each at its due instant, as the worker would. */
const fireAll = (h: H, id: ExchangeId) =>
  testAlertProcedure.timers(h.state(id)).map((t) => {
    h.now = new Date(t.dueAt)
    return h.exec(SYSTEM, t.command)
  })

// ---------------------------------------------------------------------------------------------
// who and when

describe('early removal of an alert\'s personal data: who and when', () => {
  it('[RET-EARLY-REMOVAL] an alert handler of the initiating authority may remove it from a closed or withdrawn alert', () => {
    for (const end of [closedAlert, withdrawnAlert]) {
      const h = alertHarness()
      const id = end(h)
      expect(h.actions(U.frAlertHandler, id)).toContain(ACTION)
      expect(E.isRight(remove(h, U.frAlertHandler, id))).toBe(true)
      expect(h.state(id).personalData).toBe('erased')
    }
  })

  it('[RET-EARLY-REMOVAL] the platform operator (system actor) may remove it too, even once blocked', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    expect(systemActions(h, id)).toContain(ACTION)
    h.now = new Date(testAlertProcedure.retention(h.state(id)).blockAt ?? '')
    h.ok(SYSTEM, { type: 'alert.block-personal-data', exchangeId: id })
    expect(systemActions(h, id)).toContain(ACTION)
    h.ok(SYSTEM, { type: ACTION, exchangeId: id, reason: { text: 'Court order 2026/77.', language: 'en' }, requestedBy: 'court' })
    expect(h.state(id).earlyRemoval).toMatchObject({ actor: SYSTEM, requestedBy: 'court', removedFrom: 'blocked' })
  })

  it('[RET-EARLY-REMOVAL] an active alert keeps its personal data: nobody may remove it before closure or withdrawal', () => {
    const h = alertHarness()
    const id = broadcastAlert(h)
    expect(h.actions(U.frAlertHandler, id)).not.toContain(ACTION)
    expect(systemActions(h, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, U.frAlertHandler, id))).toEqual({ code: 'alert.wrong-status', ruleId: 'RET-EARLY-REMOVAL' })
    expect(refusalCodeOf(remove(h, SYSTEM, id))).toEqual({ code: 'alert.wrong-status', ruleId: 'RET-EARLY-REMOVAL' })
    expect(h.state(id).personalData).toBe('available')
  })

  it('[RET-EARLY-REMOVAL][RET-ADMIN-FUNCTIONS-NO-PD][RET-DA-NO-PD] recipients, broadcasters, viewers and data administrators may not remove it', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    for (const who of [U.deAlertHandler, U.deAlertViewer, U.frNimicBroadcaster, U.deNimicBroadcaster, U.fr2AlertHandler, U.frDimicAdmin, U.itAlertHandler]) {
      expect(h.actions(who, id)).not.toContain(ACTION)
      expect(refusalCodeOf(remove(h, who, id))).toEqual({ code: 'alert.not-allowed', ruleId: 'RET-EARLY-REMOVAL' })
    }
    expect(h.state(id).personalData).toBe('available')
  })

  it('[RET-EARLY-REMOVAL][RET-BLOCKED-NO-USER-ACCESS] once blocked, users may no longer remove it; once erased, nobody', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    h.now = new Date(testAlertProcedure.retention(h.state(id)).blockAt ?? '')
    h.ok(SYSTEM, { type: 'alert.block-personal-data', exchangeId: id })
    expect(h.actions(U.frAlertHandler, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, U.frAlertHandler, id))).toEqual({ code: 'alert.personal-data-blocked', ruleId: 'RET-BLOCKED-NO-USER-ACCESS' })
    h.ok(SYSTEM, { type: ACTION, exchangeId: id, reason: REASON })
    expect(systemActions(h, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, SYSTEM, id))).toEqual({ code: 'alert.already-erased', ruleId: 'RET-EARLY-REMOVAL' })
  })

  it('[RET-EARLY-REMOVAL] the reason is mandatory and carries its language', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    for (const bad of [{}, { reason: { text: 'Erasure request.' } }, { reason: REASON, requestedBy: 'Jean Dupont' }])
      expect(refusalCodeOf(h.exec(U.frAlertHandler, { type: ACTION, exchangeId: id, ...bad }))?.code).toBe('command.invalid')
  })
})

// ---------------------------------------------------------------------------------------------
// effect

describe('early removal of an alert\'s personal data: effect', () => {
  it('[RET-EARLY-REMOVAL][ALERT-EVENT-HISTORY] records the removal in the history with the actor, the instant, the reason and who asked, visible to the participants', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    h.advance(3_600_000)
    const at = h.now.toISOString()
    const [e] = h.ok(U.frAlertHandler, { type: ACTION, exchangeId: id, reason: REASON, requestedBy: 'data-subject' })
    expect(e).toMatchObject({ type: 'alert.personal-data-erased', at, from: 'closed', to: 'closed', payload: { reason: REASON, requestedBy: 'data-subject' } })
    const entry = { at, action: 'alert.personal-data-erased', actor: { kind: 'user', userId: U.frAlertHandler, authorityId: A.frCa }, from: 'closed', to: 'closed', justification: REASON, requestedBy: 'data-subject' }
    for (const who of [U.frAlertHandler, U.deAlertHandler, U.deNimicBroadcaster, U.frNimicBroadcaster] as const) expect(h.view(who, id)?.history.at(-1)).toEqual(entry)
    expect(h.view(SYSADMIN, id)?.history.at(-1)).toEqual(entry)
    expect(h.view({ kind: 'commission' }, id)?.history.at(-1)).toMatchObject({ at, action: 'alert.personal-data-erased' })
  })

  it('[RET-EARLY-REMOVAL][ALERT-CLOSED-REDUCED-VIEW] views show the content after the purge: no personal data left, even for administrators', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    expect(JSON.stringify(h.view(SYSADMIN, id))).toContain(PROVIDER_NAME)
    h.ok(U.frAlertHandler, { type: ACTION, exchangeId: id, reason: REASON })
    const admin = h.view(SYSADMIN, id)
    expect(admin?.personalData).toBe('erased')
    expect((admin?.content as AlertContentView | undefined)?.provider).toEqual({ redacted: 'erased' })
    for (const who of [U.frAlertHandler, U.deAlertHandler, SYSADMIN] as const) expect(JSON.stringify(h.view(who, id))).not.toContain(PROVIDER_NAME)
    expect(JSON.stringify(h.state(id).content)).not.toContain(PROVIDER_NAME)
    // The overview and the recipients remain (ALERT-CLOSED-REDUCED-VIEW, RET-STATISTICS-KEPT).
    expect((h.view(U.deAlertHandler, id)?.content as AlertContentView | undefined)?.recipients.length).toBeGreaterThan(0)
  })

  it('[RET-EARLY-REMOVAL] the pending retention timers are cancelled, and a stale one fired later fails harmlessly', () => {
    const h = alertHarness()
    const id = withdrawnAlert(h)
    const pending = testAlertProcedure.timers(h.state(id))
    expect(pending.map((t) => t.id)).toEqual(['retention.block', 'retention.erase'])
    h.ok(U.frAlertHandler, { type: ACTION, exchangeId: id, reason: REASON })
    expect(testAlertProcedure.timers(h.state(id))).toEqual([])
    expect(fireAll(h, id)).toEqual([])
    const before = h.state(id)
    for (const t of pending) {
      h.now = new Date(t.dueAt)
      expect(E.isLeft(h.exec(SYSTEM, t.command))).toBe(true)
      expect(h.state(id)).toBe(before)
    }
    expect(h.state(id).history.filter((x) => x.action === 'alert.personal-data-erased')).toHaveLength(1)
  })

  it('[RET-EARLY-REMOVAL] explain answers the actual instant of the erasure under RET-EARLY-REMOVAL', () => {
    const h = alertHarness()
    const id = withdrawnAlert(h)
    const scheduled = explainAlert(h.state(id), 'erase-personal-data')
    expect(scheduled.ruleId).toBe('RET-DELETE-THREE-YEARS')
    h.advance(86_400_000)
    const at = h.now.toISOString()
    h.ok(U.frAlertHandler, { type: ACTION, exchangeId: id, reason: REASON })
    expect(explainAlert(h.state(id), 'erase-personal-data')).toMatchObject({ at, ruleId: 'RET-EARLY-REMOVAL' })
    expect(explainAlert(h.state(id), 'erase-personal-data').explanation).toContain(scheduled.at)
    expect(explainAlert(h.state(id), 'block-personal-data')).toMatchObject({ at, ruleId: 'RET-EARLY-REMOVAL' })
  })

  it('[RET-EARLY-REMOVAL] the procedure\'s retention schedule answers the removal, as explain does', () => {
    const h = alertHarness()
    const id = withdrawnAlert(h)
    const scheduled = testAlertProcedure.retention(h.state(id))
    expect(scheduled.eraseAt).toBe(explainAlert(h.state(id), 'erase-personal-data').at)
    h.advance(86_400_000)
    const at = h.now.toISOString()
    h.ok(U.frAlertHandler, { type: ACTION, exchangeId: id, reason: REASON })
    expect(testAlertProcedure.retention(h.state(id))).toEqual({ blockAt: at, eraseAt: at })
    expect(testAlertProcedure.retention(h.state(id)).eraseAt).toBe(explainAlert(h.state(id), 'erase-personal-data').at)
  })

  it('[RET-EARLY-REMOVAL] tells nobody by mail and puts the alert on no action list', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    const before = h.notifications().length
    expect(h.needsAction(U.frAlertHandler, id)).toBe(false)
    h.ok(U.frAlertHandler, { type: ACTION, exchangeId: id, reason: REASON })
    expect(h.notifications().length).toBe(before)
  })
})
