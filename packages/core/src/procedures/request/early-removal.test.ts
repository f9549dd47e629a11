/**
 * Given/when/then examples for the early removal of a request's personal data (RET-EARLY-REMOVAL):
 * who may remove it and when, what the history records, what the views show afterwards, the
 * retention timers made harmless, and what `explain` answers.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { explainRequest, requestForInformation } from '../../index.js'
import type { RequestState } from '../../index.js'
import {
  U, acceptedRequest, allocationOn, A, cmd, contentOf, freeText, pqDraft, refusalCodeOf, repliedRequest, requestHarness, sendRequest, withRequestAccess, worldData,
} from '../../testing/index.js'
import type { RequestHarness } from '../../testing/index.js'
import type { Viewer } from '../../model/actor.js'
import type { ExchangeId, UserId } from '../../model/ids.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const { name: NAME } = pqDraft().caseData
const FILE = pqDraft().attachments[0].fileName
const SYSTEM = { kind: 'system' } as const
const SYSADMIN: Viewer = { kind: 'system-administrator' }
const REASON = freeText('fr', "Demande d'effacement de la personne concernée du 2 mars 2026, réf. DPO-2026-14.")
const ACTION = 'request.remove-personal-data'

const closed = (h: RequestHarness): ExchangeId => {
  const id = repliedRequest(h)
  h.ok(U.frHandler, cmd('request.close', id))
  return id
}

/** A request refused by the addressee before acceptance: the responding side never had its personal data. */
const refusedBeforeAcceptance = (h: RequestHarness): ExchangeId => {
  const id = sendRequest(h)
  h.ok(U.deHandler, cmd('request.refuse', id, { justification: freeText('de', 'Keine zuständige Behörde.'), noOtherCompetentAuthority: true }))
  return id
}

const remove = (h: RequestHarness, as: UserId | typeof SYSTEM, id: ExchangeId, rest: Readonly<Record<string, unknown>> = {}) =>
  h.exec(as, cmd(ACTION, id, { reason: REASON, ...rest }))

const systemActions = (h: RequestHarness, id: ExchangeId) => requestForInformation.availableActions(h.state(id), SYSADMIN, h.context(SYSTEM))

const seen = (h: RequestHarness, as: UserId | Viewer, id: ExchangeId): string => JSON.stringify(h.view(as, id) ?? null)

/** Runs the retention timers still pending, each at its due instant, as the worker would. */
const fireAll = (h: RequestHarness, id: ExchangeId) =>
  requestForInformation.timers(h.state(id)).map((t) => {
    h.now = new Date(t.dueAt)
    return h.exec(SYSTEM, t.command)
  })

// ---------------------------------------------------------------------------------------------
// who and when

describe('early removal of personal data: who and when', () => {
  it('[RET-EARLY-REMOVAL] a handler of either participating authority with personal-data access may remove it from a closed request', () => {
    for (const who of [U.frHandler, U.deHandler]) {
      const h = requestHarness()
      const id = closed(h)
      expect(h.actions(who, id)).toContain(ACTION)
      expect(E.isRight(remove(h, who, id))).toBe(true)
      expect(h.state(id).personalData).toBe('erased')
    }
  })

  it('[RET-EARLY-REMOVAL] the platform operator (system actor) may remove it too, even once blocked', () => {
    const h = requestHarness()
    const id = closed(h)
    expect(systemActions(h, id)).toContain(ACTION)
    const timer = requestForInformation.timers(h.state(id)).find((t) => t.id === 'retention.block')
    h.now = new Date(timer?.dueAt ?? '')
    h.ok(SYSTEM, cmd('request.block-personal-data', id))
    expect(systemActions(h, id)).toContain(ACTION)
    h.ok(SYSTEM, cmd(ACTION, id, { reason: freeText('en', 'Court order 2026/77 of the Tribunal de Paris.'), requestedBy: 'court' }))
    expect(h.state(id).earlyRemoval).toMatchObject({ actor: SYSTEM, requestedBy: 'court', removedFrom: 'blocked' })
  })

  it('[RET-EARLY-REMOVAL][RET-REQ-PD-OPEN-KEPT] an open request keeps its personal data: nobody may remove it before formal closure', () => {
    const h = requestHarness()
    const id = acceptedRequest(h)
    for (const who of [U.frHandler, U.deHandler]) expect(h.actions(who, id)).not.toContain(ACTION)
    expect(systemActions(h, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, U.frHandler, id))).toEqual({ code: 'request.wrong-status', ruleId: 'RET-REQ-PD-OPEN-KEPT' })
    expect(refusalCodeOf(remove(h, SYSTEM, id))).toEqual({ code: 'request.wrong-status', ruleId: 'RET-REQ-PD-OPEN-KEPT' })
    expect(h.state(id).personalData).toBe('available')
  })

  it('[RET-EARLY-REMOVAL][RET-ADMIN-FUNCTIONS-NO-PD][RET-DA-NO-PD] viewers, coordinators, allocators and data administrators may not remove it', () => {
    const h = requestHarness()
    const id = closed(h)
    for (const who of [U.frViewer, U.deViewer, U.frNimicReferee, U.deNimicReferee, U.frAllocator, U.frLda, U.deLda, U.fr2Handler, U.itHandler]) {
      expect(h.actions(who, id)).not.toContain(ACTION)
      expect(E.isLeft(remove(h, who, id))).toBe(true)
    }
    expect(refusalCodeOf(remove(h, U.frViewer, id))?.ruleId).toBe('ACT-REQ-VIEWER-READ-ONLY')
    expect(h.state(id).personalData).toBe('available')
  })

  it('[RET-EARLY-REMOVAL] the responding side of a request it refused before acceptance never had the personal data, and may not remove it', () => {
    const h = requestHarness(withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayRefuseRequests: true } })))
    const id = refusedBeforeAcceptance(h)
    expect(h.actions(U.deHandler, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, U.deHandler, id))).toEqual({ code: 'request.no-personal-data-access', ruleId: 'RET-EARLY-REMOVAL' })
    // The requesting side may, whatever the closure reason (RET-REQ-PD-ALL-CLOSURES).
    expect(h.actions(U.frHandler, id)).toContain(ACTION)
  })

  it('[RET-EARLY-REMOVAL] with allocation on, only the allocated handlers of a side may remove it', () => {
    const h = requestHarness(allocationOn(worldData(), A.frCa))
    h.ok(U.frHandler, pqDraft())
    const id = h.last()
    h.ok(U.frHandler, cmd('request.send', id))
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: 'pq.establishment.legally-established', answerId: 'yes' }, { questionId: 'pq.establishment.suspension', answerId: 'no' }] }))
    h.ok(U.frHandler, cmd('request.close', id))
    expect(h.actions(U.frHandler2, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, U.frHandler2, id))?.code).toBe('request.not-allocated')
    expect(h.actions(U.frHandler, id)).toContain(ACTION)
  })

  it('[RET-EARLY-REMOVAL][RET-BLOCKED-NO-USER-ACCESS] once blocked, the data is out of every user\'s reach: users may no longer remove it', () => {
    const h = requestHarness()
    const id = closed(h)
    const timer = requestForInformation.timers(h.state(id)).find((t) => t.id === 'retention.block')
    h.now = new Date(timer?.dueAt ?? '')
    h.ok(SYSTEM, cmd('request.block-personal-data', id))
    expect(h.actions(U.frHandler, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, U.frHandler, id))).toEqual({ code: 'request.personal-data-blocked', ruleId: 'RET-BLOCKED-NO-USER-ACCESS' })
  })

  it('[RET-EARLY-REMOVAL] the reason is mandatory and carries its language; who asked is one of the known categories', () => {
    const h = requestHarness()
    const id = closed(h)
    for (const bad of [{}, { reason: { text: 'Demande de la personne concernée.' } }, { reason: freeText('fr', '   ') }, { reason: REASON, requestedBy: 'Camille Martin' }])
      expect(refusalCodeOf(h.exec(U.frHandler, cmd(ACTION, id, bad)))?.code).toBe('command.invalid')
    expect(h.state(id).personalData).toBe('available')
  })

  it('[RET-EARLY-REMOVAL] personal data already erased cannot be removed again', () => {
    const h = requestHarness()
    const id = closed(h)
    h.ok(U.frHandler, cmd(ACTION, id, { reason: REASON }))
    expect(h.actions(U.deHandler, id)).not.toContain(ACTION)
    expect(systemActions(h, id)).not.toContain(ACTION)
    expect(refusalCodeOf(remove(h, U.deHandler, id))).toEqual({ code: 'request.already-erased', ruleId: 'RET-EARLY-REMOVAL' })
    expect(refusalCodeOf(remove(h, SYSTEM, id))).toEqual({ code: 'request.already-erased', ruleId: 'RET-EARLY-REMOVAL' })
  })
})

// ---------------------------------------------------------------------------------------------
// effect

describe('early removal of personal data: effect', () => {
  it('[RET-EARLY-REMOVAL][REQ-EVENT-HISTORY] records the removal in the history: the actor, the instant, the reason and who asked, visible to both participants', () => {
    const h = requestHarness()
    const id = closed(h)
    h.advance(3_600_000)
    const at = h.now.toISOString()
    const [e] = h.ok(U.deHandler, cmd(ACTION, id, { reason: REASON, requestedBy: 'data-subject' }))
    expect(e).toMatchObject({ type: 'request.personal-data-erased', at, from: 'closed', to: 'closed', payload: { reason: REASON, requestedBy: 'data-subject' } })
    const entry = { at, action: 'request.personal-data-erased', actor: { kind: 'user', userId: U.deHandler, authorityId: A.deCa }, from: 'closed', to: 'closed', justification: REASON, requestedBy: 'data-subject' }
    expect(h.state(id).history.at(-1)).toEqual(entry)
    for (const who of [U.frHandler, U.frViewer, U.deHandler, U.deViewer]) expect(h.view(who, id)?.history.at(-1)).toEqual(entry)
    // Coordinators keep the entry too; the reason is no personal data.
    expect(h.view(U.frNimicReferee, id)?.history.at(-1)).toMatchObject({ action: 'request.personal-data-erased', at })
  })

  it('[RET-EARLY-REMOVAL][RET-REQ-AFTER-PURGE][RET-STATISTICS-KEPT] views show the content after the purge, for users and administrators alike', () => {
    const h = requestHarness()
    const id = closed(h)
    h.ok(U.frHandler, cmd(ACTION, id, { reason: REASON }))
    for (const who of [U.frHandler, U.deHandler, SYSADMIN] as const) {
      const view = h.view(who, id)
      expect(view?.personalData).toBe('erased')
      expect(seen(h, who, id)).not.toContain(NAME)
      expect(seen(h, who, id)).not.toContain(FILE)
    }
    const content = contentOf(h, U.frHandler, id)
    expect(content?.caseData.name).toBeUndefined()
    expect(content?.attachments).toEqual([])
    expect(content?.caseData.profession).toBe('Médecin')
    expect(content?.answers.length).toBeGreaterThan(0)
    expect(h.view(U.frHandler, id)?.summary.closedAt).toBe(h.state(id).closedAt)
  })

  it('[RET-EARLY-REMOVAL][RET-DELETE-THREE-YEARS] storage erases it as it erases on schedule: the event is the erasure event', () => {
    const h = requestHarness()
    const id = closed(h)
    const [e] = h.ok(U.frHandler, cmd(ACTION, id, { reason: REASON }))
    expect(requestForInformation.erasesPersonalData(e as Parameters<typeof requestForInformation.erasesPersonalData>[0])).toBe(true)
  })

  it('[RET-EARLY-REMOVAL] the pending block and erase timers are cancelled, and a stale one fired later fails harmlessly', () => {
    const h = requestHarness()
    const id = closed(h)
    const pending = requestForInformation.timers(h.state(id))
    expect(pending.map((t) => t.id)).toEqual(['retention.block', 'retention.erase'])
    h.ok(U.frHandler, cmd(ACTION, id, { reason: REASON }))
    expect(requestForInformation.timers(h.state(id))).toEqual([])
    expect(fireAll(h, id)).toEqual([])
    // A timer claimed before the removal and fired after it is refused and changes nothing.
    const before: RequestState = h.state(id)
    for (const t of pending) {
      h.now = new Date(t.dueAt)
      const r = h.exec(SYSTEM, t.command)
      expect(E.isLeft(r)).toBe(true)
      expect(h.state(id)).toBe(before)
    }
    expect(h.state(id).history.filter((x) => x.action === 'request.personal-data-erased')).toHaveLength(1)
  })

  it('[RET-EARLY-REMOVAL] explain answers the actual instant of the erasure, and of the blocking it pre-empted, under RET-EARLY-REMOVAL', () => {
    const h = requestHarness()
    const id = closed(h)
    const scheduledBlock = explainRequest(h.state(id), 'block-personal-data').at
    const scheduledErase = explainRequest(h.state(id), 'erase-personal-data').at
    h.advance(86_400_000)
    const at = h.now.toISOString()
    h.ok(U.frHandler, cmd(ACTION, id, { reason: REASON, requestedBy: 'data-subject' }))
    const erase = explainRequest(h.state(id), 'erase-personal-data')
    expect(erase).toMatchObject({ question: 'erase-personal-data', at, ruleId: 'RET-EARLY-REMOVAL' })
    expect(erase.inputs[0]).toEqual({ name: 'earlyRemoval.at', at })
    expect(erase.explanation).toContain(scheduledErase)
    expect(erase.explanation).toContain('data-subject')
    expect(explainRequest(h.state(id), 'block-personal-data')).toMatchObject({ at, ruleId: 'RET-EARLY-REMOVAL' })
    expect(explainRequest(h.state(id), 'block-personal-data').explanation).toContain(scheduledBlock)
  })

  it('[RET-EARLY-REMOVAL] explain keeps the scheduled blocking when the data was blocked before its early removal', () => {
    const h = requestHarness()
    const id = closed(h)
    const block = explainRequest(h.state(id), 'block-personal-data')
    h.now = new Date(block.at ?? '')
    h.ok(SYSTEM, cmd('request.block-personal-data', id))
    h.advance(86_400_000)
    h.ok(SYSTEM, cmd(ACTION, id, { reason: freeText('en', 'Erasure ordered by the supervisory authority, decision CNIL-2026-3.'), requestedBy: 'supervisory-authority' }))
    expect(explainRequest(h.state(id), 'block-personal-data')).toEqual(block)
    expect(explainRequest(h.state(id), 'erase-personal-data')).toMatchObject({ at: h.now.toISOString(), ruleId: 'RET-EARLY-REMOVAL' })
  })

  it('[RET-EARLY-REMOVAL] the procedure\'s retention schedule answers the removal, as explain does', () => {
    const h = requestHarness()
    const id = closed(h)
    expect(requestForInformation.retention(h.state(id)).blockAt).toBe(explainRequest(h.state(id), 'block-personal-data').at)
    h.advance(86_400_000)
    const at = h.now.toISOString()
    h.ok(U.frHandler, cmd(ACTION, id, { reason: REASON }))
    expect(requestForInformation.retention(h.state(id))).toEqual({ blockAt: at, eraseAt: at })
  })

  it('[RET-EARLY-REMOVAL] after a removal of blocked data the schedule keeps the blocking instant and answers the erasure', () => {
    const h = requestHarness()
    const id = closed(h)
    const { blockAt } = requestForInformation.retention(h.state(id))
    h.now = new Date(blockAt ?? '')
    h.ok(SYSTEM, cmd('request.block-personal-data', id))
    h.advance(86_400_000)
    h.ok(SYSTEM, cmd(ACTION, id, { reason: REASON }))
    expect(requestForInformation.retention(h.state(id))).toEqual({ blockAt, eraseAt: h.now.toISOString() })
  })

  it('[RET-EARLY-REMOVAL] tells nobody by mail and leaves the request off action lists', () => {
    const h = requestHarness()
    const id = closed(h)
    const before = h.notifications().length
    h.ok(U.frHandler, cmd(ACTION, id, { reason: REASON }))
    expect(h.notifications().length).toBe(before)
    expect(h.needsAction(U.deHandler, id)).toBe(false)
  })
})
