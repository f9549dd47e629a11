/**
 * Given/when/then examples for need-to-know visibility and for the blocking and erasure of a
 * request's personal data (spec §6.17, §11.2, §11.3).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { requestForInformation } from '../../index.js'
import type { RequestContent } from '../../index.js'
import {
  A, PQ, Q1, Q2, REQUEST_START, SERVICES_LA, U, acceptedRequest, cmd, contentOf, coordinatorParametersOn, createRequest, freeText, pqDraft,
  refusalCodeOf, repliedRequest, requestHarness, sendRequest, standardAnswers, withRequestAccess, withUser, worldData,
} from '../../testing/index.js'
import type { RequestHarness } from '../../testing/index.js'
import type { Viewer } from '../../model/actor.js'
import type { ExchangeId, UserId } from '../../model/ids.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const { name: NAME, 'date-of-birth': BIRTH } = pqDraft().caseData
const FILE = pqDraft().attachments[0].fileName

const SYSTEM = { kind: 'system' } as const
const SYSADMIN: Viewer = { kind: 'system-administrator' }

const closed = (h: RequestHarness): ExchangeId => {
  const id = repliedRequest(h)
  h.ok(U.frHandler, cmd('request.close', id))
  return id
}

/** The whole view as text, to prove a value appears nowhere in it. */
const seen = (h: RequestHarness, as: UserId | Viewer, id: ExchangeId): string => JSON.stringify(h.view(as, id) ?? null)

const timersOf = (h: RequestHarness, id: ExchangeId) => requestForInformation.timers(h.state(id))

/** Runs a retention timer as the worker would: at its due instant, as the system actor. */
const fire = (h: RequestHarness, id: ExchangeId, timerId: string) => {
  const timer = timersOf(h, id).find((t) => t.id === timerId)
  if (timer === undefined) throw new Error(`no timer ${timerId}`)
  h.now = new Date(timer.dueAt)
  return h.exec(SYSTEM, timer.command)
}

// ---------------------------------------------------------------------------------------------
// need-to-know

describe('need-to-know visibility', () => {
  it('[REQ-VIEWER-SEES-PD] a request viewer sees the personal data of its authority\'s requests, on the responding side once accepted', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    expect(h.view(U.frViewer, id)?.access).toBe('full')
    expect(contentOf(h, U.frViewer, id)?.caseData.name).toBe(NAME)
    expect(contentOf(h, U.frViewer, id)?.attachments[0]).toMatchObject({ fileName: FILE })
    expect(h.view(U.deViewer, id)?.access).toBe('no-personal-data')
    expect(contentOf(h, U.deViewer, id)?.caseData.name).toEqual({ redacted: 'personal-data' })
    h.ok(U.deHandler, cmd('request.accept', id))
    expect(h.view(U.deViewer, id)?.access).toBe('full')
    expect(contentOf(h, U.deViewer, id)?.caseData).toMatchObject({ name: NAME, 'date-of-birth': BIRTH })
    expect(contentOf(h, U.deViewer, id)?.attachments[0]).toMatchObject({ fileName: FILE })
  })

  it('[REQ-HANDLER-SEES-PD] a request handler sees personal data as requesting authority, and as responding authority only after acceptance', () => {
    const h = requestHarness()
    const id = createRequest(h)
    expect(contentOf(h, U.frHandler, id)?.caseData.name).toBe(NAME)
    h.ok(U.frHandler, cmd('request.send', id))
    expect(contentOf(h, U.frHandler2, id)?.caseData.name).toBe(NAME)
    const before = contentOf(h, U.deHandler, id)
    expect(before?.caseData).toEqual({ name: { redacted: 'personal-data' }, 'date-of-birth': { redacted: 'personal-data' }, profession: 'Médecin', reference: 'DOS-42' })
    expect(before?.attachments).toEqual([{ redacted: 'personal-data' }])
    expect(before?.questions.map((q) => q.questionId)).toEqual([Q1, Q2])
    h.ok(U.deHandler, cmd('request.accept', id))
    const after = contentOf(h, U.deHandler, id)
    expect(after?.caseData).toEqual({ name: NAME, 'date-of-birth': BIRTH, profession: 'Médecin', reference: 'DOS-42' })
    expect(after?.attachments[0]).toMatchObject({ fileName: FILE })
  })

  it('[REQ-ALLOCATOR-NO-PD] a user with only allocator rights sees the content but never the subject\'s personal data', () => {
    const h = requestHarness()
    const id = acceptedRequest(h)
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    for (const allocator of [U.frAllocator, U.deAllocator]) {
      const view = h.view(allocator, id)
      expect(view?.access).toBe('no-personal-data')
      const content = view?.content as RequestContent | undefined
      expect(content?.questions.map((q) => q.questionId)).toEqual([Q1, Q2])
      expect(content?.answers).toEqual(standardAnswers)
      expect(content?.caseData).toEqual({ name: { redacted: 'personal-data' }, 'date-of-birth': { redacted: 'personal-data' }, profession: 'Médecin', reference: 'DOS-42' })
      expect(content?.attachments).toEqual([{ redacted: 'personal-data' }])
      expect(seen(h, allocator, id)).not.toContain(NAME)
    }
  })

  it('[REQ-COORD-NO-PD] linked coordinators, their referees and other users, see questions and answers but never personal data', () => {
    const h = requestHarness()
    const id = repliedRequest(h)
    for (const user of [U.frNimicReferee, U.frNimicHandler, U.frNimicAllocator, U.deNimicReferee, U.deNimicHandler]) {
      const view = h.view(user, id)
      expect(view?.access).toBe('no-personal-data')
      const content = view?.content as RequestContent | undefined
      expect(content?.questions.map((q) => q.questionId)).toEqual([Q1, Q2])
      expect(content?.answers).toEqual(standardAnswers)
      expect(content?.caseData.name).toEqual({ redacted: 'personal-data' })
      expect(seen(h, user, id)).not.toContain(NAME)
      expect(seen(h, user, id)).not.toContain(FILE)
    }
  })

  it('[REQ-COORD-AS-PARTICIPANT] a coordinator that is itself the responding authority gets participant access', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqDraft({ addressee: A.deNimic }))
    expect(h.view(U.deNimicHandler, id)?.access).toBe('no-personal-data')
    h.ok(U.deNimicHandler, cmd('request.accept', id))
    expect(h.view(U.deNimicHandler, id)?.access).toBe('full')
    expect(contentOf(h, U.deNimicHandler, id)?.caseData.name).toBe(NAME)
  })

  it('[REQ-COORD-AS-PARTICIPANT] a coordinator that is itself the requesting authority sees its own request in full', () => {
    const h = requestHarness()
    const id = createRequest(h, pqDraft(), U.frNimicHandler)
    h.ok(U.frNimicHandler, cmd('request.send', id))
    expect(h.view(U.frNimicHandler, id)?.access).toBe('full')
    expect(contentOf(h, U.frNimicHandler, id)?.caseData.name).toBe(NAME)
    // A referee of the same coordinator holds no participant role and so no personal data.
    expect(h.view(U.frNimicReferee, id)?.access).not.toBe('full')
  })

  it('[REQ-SAME-MS-PARTIAL] request handlers see partial information on other same-state authorities\' requests; others see nothing', () => {
    const h = requestHarness()
    const d = createRequest(h)
    // A draft is the requesting authority's own business.
    expect(h.view(U.fr2Handler, d)).toBeUndefined()
    h.ok(U.frHandler, cmd('request.send', d))
    expect(h.view(U.fr2Handler, d)?.access).toBe('metadata')
    expect(h.view(U.de2Handler, d)?.access).toBe('metadata')
    expect(h.view(U.de2Viewer, d)).toBeUndefined()
    expect(h.view(U.itHandler, d)).toBeUndefined()
  })

  it('[REQ-PARTIAL-METADATA] the partial information is metadata only: no questions, answers, free text or personal data', () => {
    const h = requestHarness()
    const id = repliedRequest(h)
    h.ok(U.frHandler, cmd('request.add-message', id, { text: freeText('fr', 'Merci pour votre réponse rapide.') }))
    h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez la période.'), questions: [Q2] }))
    const view = h.view(U.de2Handler, id)
    expect(view?.access).toBe('metadata')
    expect(view?.content).toBeUndefined()
    expect(view?.summary).toMatchObject({
      number: h.state(id).number,
      legislativeArea: PQ,
      status: 'additional-info-requested',
      authorities: [A.frCa, A.deCa],
      memberStates: ['FR', 'DE'],
      sentAt: REQUEST_START.toISOString(),
      deadline: '2026-04-01',
    })
    expect(view?.history.map((e) => e.action)).toContain('request.additional-info-requested')
    expect(view?.history.every((e) => e.justification === undefined)).toBe(true)
    const text = seen(h, U.de2Handler, id)
    for (const secret of [NAME, BIRTH, FILE, 'Médecin', 'DOS-42', Q1, Q2, 'Keine Untersagung', 'réponse rapide', 'Précisez la période'])
      expect(text).not.toContain(secret)
  })

  it('[REQ-COMMISSION-NO-ACCESS] the Commission sees nothing of an ordinary request, at any stage', () => {
    const h = requestHarness()
    const id = createRequest(h)
    expect(h.view({ kind: 'commission' }, id)).toBeUndefined()
    h.ok(U.frHandler, cmd('request.send', id))
    h.ok(U.deHandler, cmd('request.accept', id))
    expect(h.view({ kind: 'commission' }, id)).toBeUndefined()
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.close', id))
    expect(h.view({ kind: 'commission' }, id)).toBeUndefined()
    // The same request is visible to its participants, so the absence is the Commission's alone.
    expect(h.view(U.frHandler, id)?.access).toBe('full')
  })

  it('[ACT-HELPDESK-NO-CONTENT] the helpdesk has no access to request content', () => {
    const h = requestHarness()
    const id = repliedRequest(h)
    expect(h.view({ kind: 'helpdesk' }, id)).toBeUndefined()
    expect(h.view(U.deHandler, id)?.access).toBe('full')
  })

  it('[REQ-PD-FIELDS-FLAGGED] the area schema flags which case fields are personal data, and attachments always count as such', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    expect(h.state(id).personalFields).toEqual(['name', 'date-of-birth'])
    const content = contentOf(h, U.deHandler, id)
    expect(content?.caseData.profession).toBe('Médecin')
    expect(content?.caseData.reference).toBe('DOS-42')
    expect(content?.caseData.name).toEqual({ redacted: 'personal-data' })
    expect(content?.caseData['date-of-birth']).toEqual({ redacted: 'personal-data' })
    expect(content?.attachments).toEqual([{ redacted: 'personal-data' }])
    h.ok(U.frHandler, {
      type: 'request.create',
      legislativeArea: SERVICES_LA,
      questionSetId: 'services.provider',
      caseData: { name: 'Dupont Plomberie SARL', address: '1 rue de la Paix, Paris', activity: 'Plomberie' },
    })
    expect(h.state(h.last()).personalFields).toEqual(['name', 'address', 'registration-number'])
  })

  it('[REQ-PD-FIELDS-FLAGGED] case data may only use fields the area\'s schema declares', () => {
    const h = requestHarness()
    expect(refusalCodeOf(h.exec(U.frHandler, pqDraft({ caseData: { name: NAME, nickname: 'Jeannot' } })))).toEqual({
      code: 'request.case-field-unknown',
      ruleId: 'REQ-PD-FIELDS-FLAGGED',
    })
    const id = createRequest(h)
    expect(refusalCodeOf(h.exec(U.frHandler, cmd('request.edit', id, { caseData: { passport: 'X123' } })))).toEqual({
      code: 'request.case-field-unknown',
      ruleId: 'REQ-PD-FIELDS-FLAGGED',
    })
    expect(h.state(id).caseData.name).toBe(NAME)
  })

  it('[ACT-LDA-NO-CONTENT] the LDA role alone gives no access to request content', () => {
    const h = requestHarness()
    const id = acceptedRequest(h)
    const view = h.view(U.deLda, id)
    expect(view?.access).toBe('metadata')
    expect(view?.content).toBeUndefined()
    expect(seen(h, U.deLda, id)).not.toContain(NAME)
    expect(seen(h, U.deLda, id)).not.toContain(Q1)
  })

  it('[ACT-LDA-NO-CONTENT] content access comes from a workflow role: the same LDA given the handler role sees the request', () => {
    const data = withUser(worldData(), U.deLda, (u) => ({ ...u, requestRoles: u.requestRoles.map((g) => ({ ...g, roles: ['request-handler'] })) }))
    const h = requestHarness(data)
    const id = acceptedRequest(h)
    expect(h.view(U.deLda, id)?.access).toBe('full')
    expect(contentOf(h, U.deLda, id)?.caseData.name).toBe(NAME)
  })

  it('[RET-PD-PARTICIPANTS-ONLY] only the authorities taking part in the exchange see personal data', () => {
    const h = requestHarness()
    const id = repliedRequest(h)
    for (const participant of [U.frHandler, U.frHandler2, U.frViewer, U.deHandler, U.deHandler2, U.deViewer])
      expect(contentOf(h, participant, id)?.caseData.name).toBe(NAME)
    const others = [U.frAllocator, U.deAllocator, U.frLda, U.deLda, U.fr2Handler, U.de2Handler, U.de2Viewer, U.itHandler, U.frNimicReferee, U.deNimicReferee, U.frDimicReferee, U.deDimicReferee]
    for (const other of others) expect(seen(h, other, id)).not.toContain(NAME)
    expect(h.view({ kind: 'commission' }, id)).toBeUndefined()
  })

  it('[RET-ADMIN-FUNCTIONS-NO-PD] the access coordinator\'s administrators see no personal data of the exchanges they coordinate', () => {
    const h = requestHarness()
    const id = repliedRequest(h)
    for (const admin of [U.frNimicAllocator, U.deNimicAllocator]) {
      expect(h.directory.user(admin)?.generalRoles).toContain('local-data-administrator')
      expect(h.view(admin, id)?.access).toBe('no-personal-data')
      expect(seen(h, admin, id)).not.toContain(NAME)
      expect(seen(h, admin, id)).not.toContain(FILE)
    }
  })

  it('[RET-DA-NO-PD] the data-administrator role gives no access to personal data', () => {
    const data = withUser(worldData(), U.deViewer, (u) => ({ ...u, generalRoles: ['data-administrator'], requestRoles: u.requestRoles.map((g) => ({ ...g, roles: [] })) }))
    const h = requestHarness(data)
    const id = repliedRequest(h)
    expect(h.view(U.deViewer, id)).toBeUndefined()
    expect(h.directory.user(U.deNimicAllocator)?.generalRoles).toContain('data-administrator')
    expect(seen(h, U.deNimicAllocator, id)).not.toContain(NAME)
  })
})

// ---------------------------------------------------------------------------------------------
// retention

describe('retention of personal data', () => {
  it('[RET-REQ-PD-OPEN-KEPT] an open request has no retention timer and its personal data cannot be blocked or erased', () => {
    const h = requestHarness()
    const id = createRequest(h)
    expect(timersOf(h, id)).toEqual([])
    h.ok(U.frHandler, cmd('request.send', id))
    expect(timersOf(h, id)).toEqual([])
    h.ok(U.deHandler, cmd('request.accept', id))
    expect(timersOf(h, id)).toEqual([])
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(timersOf(h, id)).toEqual([])
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.block-personal-data', id)))).toEqual({ code: 'request.wrong-status', ruleId: 'RET-REQ-PD-OPEN-KEPT' })
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.erase-personal-data', id)))).toEqual({ code: 'request.wrong-status', ruleId: 'RET-REQ-PD-OPEN-KEPT' })
    expect(h.state(id).personalData).toBe('available')
    expect(contentOf(h, U.frHandler, id)?.caseData.name).toBe(NAME)
  })

  it('[RET-REQ-PD-OPEN-KEPT] only the system runs retention, and it runs nothing else', () => {
    const h = requestHarness()
    const id = closed(h)
    expect(refusalCodeOf(h.exec(U.frHandler, cmd('request.block-personal-data', id)))).toEqual({ code: 'request.not-allowed', ruleId: 'RET-REQ-PD-OPEN-KEPT' })
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.add-message', id, { text: freeText('fr', 'Bonjour') })))).toEqual({ code: 'request.not-allowed', ruleId: 'RET-REQ-PD-OPEN-KEPT' })
    expect(h.state(id).personalData).toBe('available')
  })

  describe('[RET-REQ-PD-ALL-CLOSURES] the clock starts at every closure, whatever its reason', () => {
    const expectClock = (h: RequestHarness, id: ExchangeId, reason: string) => {
      const s = h.state(id)
      expect(s).toMatchObject({ status: 'closed', closureReason: reason, closedAt: REQUEST_START.toISOString() })
      expect(timersOf(h, id)).toEqual([
        { id: 'retention.block', exchangeId: id, dueAt: '2026-09-02T08:00:00.000Z', command: { type: 'request.block-personal-data', exchangeId: id }, ruleId: 'RET-BLOCK-SIX-MONTHS' },
        { id: 'retention.erase', exchangeId: id, dueAt: '2029-03-02T09:00:00.000Z', command: { type: 'request.erase-personal-data', exchangeId: id }, ruleId: 'RET-DELETE-THREE-YEARS' },
      ])
    }

    it('[RET-REQ-PD-ALL-CLOSURES] reply accepted', () => {
      const h = requestHarness()
      expectClock(h, closed(h), 'reply-accepted')
    })

    it('[RET-REQ-PD-ALL-CLOSURES] request refused', () => {
      const h = requestHarness(withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayRefuseRequests: true } })))
      const id = sendRequest(h)
      h.ok(U.deHandler, cmd('request.refuse', id, { justification: freeText('de', 'Nicht zuständig.'), noOtherCompetentAuthority: true }))
      expectClock(h, id, 'refused')
    })

    it('[RET-REQ-PD-ALL-CLOSURES] refusal of additional information accepted', () => {
      const h = requestHarness()
      const id = repliedRequest(h)
      h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
      h.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Nicht verfügbar.') }))
      h.ok(U.frHandler, cmd('request.accept-refusal', id))
      expectClock(h, id, 'refusal-justification-accepted')
    })

    it('[RET-REQ-PD-ALL-CLOSURES] closed by a coordinator in arbitration', () => {
      const h = requestHarness()
      const id = repliedRequest(h)
      h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
      h.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Nicht verfügbar.') }))
      h.ok(U.frHandler, cmd('request.insist', id))
      h.ok(U.frNimicReferee, cmd('request.find-reply-satisfactory', id))
      expectClock(h, id, 'closed-by-coordinator-arbitration')
    })

    it('[RET-REQ-PD-ALL-CLOSURES] closed by the responding authority maintaining its position', () => {
      const noArbitration = coordinatorParametersOn(coordinatorParametersOn(worldData(), A.frNimic, { takesPartInArbitration: false }), A.deNimic, { takesPartInArbitration: false })
      const h = requestHarness(noArbitration)
      const id = repliedRequest(h)
      h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
      h.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Nicht verfügbar.') }))
      h.ok(U.frHandler, cmd('request.insist', id))
      h.ok(U.deHandler, cmd('request.maintain-position', id, { justification: freeText('de', 'Wir bleiben dabei.') }))
      expectClock(h, id, 'closed-by-responding-authority')
    })
  })

  it('[RET-BLOCK-SIX-MONTHS] six months after closure the system blocks the personal data: still stored, shown to system administrators only', () => {
    const h = requestHarness()
    const id = closed(h)
    const r = fire(h, id, 'retention.block')
    expect(E.isRight(r)).toBe(true)
    expect(h.now.toISOString()).toBe('2026-09-02T08:00:00.000Z')
    const s = h.state(id)
    expect(s.personalData).toBe('blocked')
    expect(s.caseData.name).toBe(NAME)
    expect(s.attachments).toHaveLength(1)
    expect(contentOf(h, U.frHandler, id)?.caseData.name).toEqual({ redacted: 'blocked' })
    expect(contentOf(h, U.frHandler, id)?.attachments).toEqual([{ redacted: 'blocked' }])
    expect(contentOf(h, SYSADMIN, id)?.caseData.name).toBe(NAME)
    expect(contentOf(h, SYSADMIN, id)?.attachments[0]).toMatchObject({ fileName: FILE })
    // Only the erasure timer remains; blocking twice is refused.
    expect(timersOf(h, id).map((t) => t.id)).toEqual(['retention.erase'])
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.block-personal-data', id)))).toEqual({ code: 'request.already-blocked', ruleId: 'RET-BLOCK-SIX-MONTHS' })
  })

  it('[RET-BLOCKED-NO-USER-ACCESS] no user role reads blocked personal data', () => {
    const h = requestHarness()
    const id = closed(h)
    fire(h, id, 'retention.block')
    const users = [U.frHandler, U.frHandler2, U.frViewer, U.frAllocator, U.deHandler, U.deViewer, U.deAllocator, U.frNimicReferee, U.deNimicReferee, U.fr2Handler, U.de2Handler]
    for (const user of users) {
      expect(seen(h, user, id)).not.toContain(NAME)
      expect(seen(h, user, id)).not.toContain(BIRTH)
      expect(seen(h, user, id)).not.toContain(FILE)
    }
    expect(h.view(U.deViewer, id)?.personalData).toBe('blocked')
    expect(contentOf(h, U.deViewer, id)?.caseData['date-of-birth']).toEqual({ redacted: 'blocked' })
    expect(seen(h, SYSADMIN, id)).toContain(NAME)
  })

  it('[RET-DELETE-THREE-YEARS] three years after closure the system erases the personal data, for everyone', () => {
    const h = requestHarness()
    const id = closed(h)
    fire(h, id, 'retention.block')
    const r = fire(h, id, 'retention.erase')
    expect(E.isRight(r)).toBe(true)
    expect(h.now.toISOString()).toBe('2029-03-02T09:00:00.000Z')
    const s = h.state(id)
    expect(s.personalData).toBe('erased')
    expect(s.caseData).toEqual({ profession: 'Médecin', reference: 'DOS-42' })
    expect(s.attachments).toEqual([])
    expect(JSON.stringify(h.events(id).at(-1))).not.toContain(NAME)
    expect(seen(h, SYSADMIN, id)).not.toContain(NAME)
    expect(seen(h, U.frHandler, id)).not.toContain(NAME)
    expect(timersOf(h, id)).toEqual([])
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.erase-personal-data', id)))).toEqual({ code: 'request.already-erased', ruleId: 'RET-DELETE-THREE-YEARS' })
  })

  it('[RET-DELETE-THREE-YEARS] erasure also applies when the blocking step was missed', () => {
    const h = requestHarness()
    const id = closed(h)
    const r = fire(h, id, 'retention.erase')
    expect(E.isRight(r)).toBe(true)
    expect(h.state(id).personalData).toBe('erased')
    expect(h.state(id).caseData.name).toBeUndefined()
  })

  it('[RET-REQ-AFTER-PURGE] after the purge participants see only the non-personal content', () => {
    const h = requestHarness()
    const id = closed(h)
    fire(h, id, 'retention.block')
    fire(h, id, 'retention.erase')
    for (const participant of [U.frHandler, U.deHandler]) {
      const view = h.view(participant, id)
      expect(view).toMatchObject({ access: 'full', personalData: 'erased', status: 'closed' })
      const content = view?.content as RequestContent | undefined
      expect(content?.caseData).toEqual({ profession: 'Médecin', reference: 'DOS-42' })
      expect(content?.attachments).toEqual([])
      expect(content?.questions.map((q) => q.questionId)).toEqual([Q1, Q2])
      expect(content?.answers).toEqual(standardAnswers)
      expect(content?.closureReason).toBe('reply-accepted')
    }
  })

  it('[RET-MONTH-ARITHMETIC] months are calendar months clamped to the month end, in the reference time zone', () => {
    // Closed on 31 August at noon in Brussels (summer time).
    const h = requestHarness(worldData(), new Date('2026-08-31T10:00:00Z'))
    const id = sendRequest(h, pqDraft({ deadline: '2026-09-30' }))
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.close', id))
    expect(h.state(id).closedAt).toBe('2026-08-31T10:00:00.000Z')
    const due = Object.fromEntries(timersOf(h, id).map((t) => [t.id, t.dueAt]))
    // 31 Aug + 6 months = 28 Feb, still at noon Brussels time, which is 11:00 UTC in winter.
    expect(due['retention.block']).toBe('2027-02-28T11:00:00.000Z')
    expect(due['retention.erase']).toBe('2029-08-31T10:00:00.000Z')
  })

  it('[RET-MONTH-ARITHMETIC] a closure on 31 August of the year before a leap year is blocked on 29 February', () => {
    const h = requestHarness(worldData(), new Date('2027-08-31T10:00:00Z'))
    const id = sendRequest(h, pqDraft({ deadline: '2027-09-30' }))
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.close', id))
    const block = timersOf(h, id).find((t) => t.id === 'retention.block')
    expect(block?.dueAt).toBe('2028-02-29T11:00:00.000Z')
  })
})
