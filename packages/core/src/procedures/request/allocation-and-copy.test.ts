/**
 * Given/when/then examples for allocation, the selected coordinator, copy and the action list of the
 * request procedure (spec §6.11–§6.13).
 */
import { describe, expect, it } from 'vitest'
import type { DirectoryData } from '../../index.js'
import {
  A, PQ, Q1, Q2, U, allocationOn, cmd, contentOf, createRequest, freeText, pqDraft, refusalCodeOf, replyApprovalOn, requestApprovalOn, requestHarness,
  sendRequest, servicesDraft, standardAnswers, withRequestAccess, withUser, world, worldData,
} from '../../testing/index.js'
import type { AuthorityId, ExchangeId, UserId } from '../../model/ids.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const linkedTo = (data: DirectoryData, id: AuthorityId, coordinators: ReadonlyArray<AuthorityId>): DirectoryData =>
  withRequestAccess(data, id, (r) => ({ ...r, linkedCoordinators: coordinators }))

const allocate = (side: string, id: ExchangeId, users: ReadonlyArray<UserId>) => cmd('request.allocate', id, { side, users })

const copyAll = (id: ExchangeId) => cmd('request.copy', id, { include: { addressee: true, questions: true, attachments: true, caseData: true } })

// ---------------------------------------------------------------------------------------------
// allocation

describe('allocation of incoming requests', () => {
  it('[REQ-ALLOC-WHO] an allocator allocates an incoming request; a handler without allocator rights may not', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = sendRequest(h)
    expect(refusalCodeOf(h.exec(U.deHandler, allocate('responding', id, [U.deHandler])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
    expect(refusalCodeOf(h.exec(U.deViewer, allocate('responding', id, [U.deHandler])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    expect(h.state(id).responding.allocated).toEqual([U.deHandler])
    // Being allocated does not make a handler an allocator.
    expect(refusalCodeOf(h.exec(U.deHandler, allocate('responding', id, [U.deHandler2])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
    expect(h.state(id).responding.allocated).toEqual([U.deHandler])
  })

  it('[REQ-ALLOC-WHO] an allocator of another authority may not allocate the request', () => {
    const h = requestHarness(allocationOn(allocationOn(worldData(), A.deCa), A.deNimic))
    const id = sendRequest(h)
    expect(refusalCodeOf(h.exec(U.deNimicAllocator, allocate('responding', id, [U.deHandler])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    expect(h.state(id).responding.allocated).toEqual([U.deHandler])
  })

  it('[REQ-ALLOC-ANY-STAGE] an incoming request is allocated and re-allocated at every stage before closure, never after', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = sendRequest(h)
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    expect(h.state(id).status).toBe('awaiting-acceptance')
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler2]))
    expect(h.state(id)).toMatchObject({ status: 'accepted', responding: { allocated: [U.deHandler2] } })
    h.ok(U.deHandler2, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    expect(h.state(id)).toMatchObject({ status: 'replied', responding: { allocated: [U.deHandler] } })
    h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler2]))
    expect(h.state(id)).toMatchObject({ status: 'additional-info-requested', responding: { allocated: [U.deHandler2] } })
    h.ok(U.deHandler2, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Nicht verfügbar.') }))
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    expect(h.state(id)).toMatchObject({ status: 'additional-info-refused', responding: { allocated: [U.deHandler] } })
    h.ok(U.frHandler, cmd('request.accept-refusal', id))
    expect(h.state(id).status).toBe('closed')
    expect(refusalCodeOf(h.exec(U.deAllocator, allocate('responding', id, [U.deHandler2])))).toEqual({ code: 'request.wrong-status', ruleId: 'REQ-CLOSED-TERMINAL' })
    expect(h.state(id).responding.allocated).toEqual([U.deHandler])
  })

  it('[REQ-ALLOC-SEVERAL] a request is allocated to several handlers, each of whom may act; only handlers of the authority can be allocated', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = sendRequest(h)
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler, U.deHandler2, U.deHandler]))
    expect(h.state(id).responding.allocated).toEqual([U.deHandler, U.deHandler2])
    expect(h.actions(U.deHandler, id)).toContain('request.accept')
    expect(h.actions(U.deHandler2, id)).toContain('request.accept')
    expect(refusalCodeOf(h.exec(U.deAllocator, allocate('responding', id, [U.deHandler, U.de2Handler])))).toEqual({ code: 'request.allocatee-invalid', ruleId: 'REQ-ALLOC-SEVERAL' })
    expect(refusalCodeOf(h.exec(U.deAllocator, allocate('responding', id, [U.deViewer])))).toEqual({ code: 'request.allocatee-invalid', ruleId: 'REQ-ALLOC-SEVERAL' })
    expect(h.state(id).responding.allocated).toEqual([U.deHandler, U.deHandler2])
  })

  it('[REQ-ALLOC-ONLY-ALLOCATED] with allocation on, only the allocated handlers act for their authority', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = sendRequest(h)
    // Before allocation no handler may act.
    expect(refusalCodeOf(h.exec(U.deHandler, cmd('request.accept', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    expect(refusalCodeOf(h.exec(U.deHandler2, cmd('request.accept', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    h.ok(U.deHandler, cmd('request.accept', id))
    expect(refusalCodeOf(h.exec(U.deHandler2, cmd('request.reply', id, { answers: standardAnswers })))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    expect(refusalCodeOf(h.exec(U.deHandler2, cmd('request.add-message', id, { text: freeText('de', 'Hallo') })))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(h.state(id).status).toBe('replied')
  })

  it('[REQ-ALLOC-OTHERS-READ] with allocation on, the other handlers read the whole request but cannot act', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = sendRequest(h)
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    h.ok(U.deHandler, cmd('request.accept', id))
    const view = h.view(U.deHandler2, id)
    expect(view?.access).toBe('full')
    const content = contentOf(h, U.deHandler2, id)
    expect(content?.caseData.name).toBe('Jean Dupont')
    expect(content?.attachments[0]).toMatchObject({ fileName: 'diplome.pdf' })
    expect(h.actions(U.deHandler2, id)).not.toContain('request.reply')
    expect(h.actions(U.deHandler, id)).toContain('request.reply')
    expect(h.needsAction(U.deHandler2, id)).toBe(false)
  })

  it('[REQ-ALLOC-OFF-ANY-HANDLER] with allocation off, any handler of the authority acts on its requests', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    expect(h.actions(U.deHandler2, id)).toContain('request.accept')
    h.ok(U.deHandler2, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    // And on the requesting side, any handler may close, not only the creator.
    h.ok(U.frHandler2, cmd('request.close', id))
    expect(h.state(id)).toMatchObject({ status: 'closed', closureReason: 'reply-accepted' })
  })

  it('[REQ-ALLOC-OFF-ANY-HANDLER] with allocation off there is nothing to allocate, even for an allocator', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    expect(h.actions(U.deAllocator, id)).not.toContain('request.allocate')
    expect(refusalCodeOf(h.exec(U.deAllocator, allocate('responding', id, [U.deHandler])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
    expect(h.state(id).responding.allocated).toEqual([])
  })
})

describe('allocation of outgoing requests', () => {
  it('[REQ-OUT-CREATOR-ALLOCATED] the creator of an outgoing request is its allocated handler', () => {
    const h = requestHarness(allocationOn(worldData(), A.frCa))
    const id = createRequest(h, pqDraft(), U.frHandler2)
    expect(h.state(id).requesting.allocated).toEqual([U.frHandler2])
    expect(h.actions(U.frHandler2, id)).toContain('request.send')
    h.ok(U.frHandler2, cmd('request.send', id))
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-OUT-CREATOR-SOLE] an outgoing request not re-allocated is acted on by its creator only, throughout its life', () => {
    const h = requestHarness(allocationOn(worldData(), A.frCa))
    const id = createRequest(h)
    expect(refusalCodeOf(h.exec(U.frHandler2, cmd('request.edit', id, { deadline: '2026-05-01' })))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-OUT-CREATOR-SOLE' })
    expect(refusalCodeOf(h.exec(U.frHandler2, cmd('request.send', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-OUT-CREATOR-SOLE' })
    h.ok(U.frHandler, cmd('request.send', id))
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(refusalCodeOf(h.exec(U.frHandler2, cmd('request.close', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-OUT-CREATOR-SOLE' })
    h.ok(U.frHandler, cmd('request.close', id))
    expect(h.state(id).status).toBe('closed')
  })

  it('[REQ-OUT-REALLOCATE-DRAFT] an outgoing request is re-allocated while a draft, and no longer once sent', () => {
    const h = requestHarness(allocationOn(worldData(), A.frCa))
    const id = createRequest(h)
    h.ok(U.frAllocator, allocate('requesting', id, [U.frHandler2]))
    expect(h.state(id).requesting.allocated).toEqual([U.frHandler2])
    expect(h.actions(U.frHandler, id)).not.toContain('request.send')
    expect(refusalCodeOf(h.exec(U.frHandler, cmd('request.send', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    h.ok(U.frHandler2, cmd('request.send', id))
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(refusalCodeOf(h.exec(U.frAllocator, allocate('requesting', id, [U.frHandler])))).toEqual({ code: 'request.allocation-closed', ruleId: 'REQ-OUT-REALLOCATE-DRAFT' })
    expect(h.state(id).requesting.allocated).toEqual([U.frHandler2])
  })
})

describe('allocation by coordinators', () => {
  it('[REQ-ALLOC-COORD-REFEREES] a coordinator using allocation allocates its approval items to referees only, and only they may act', () => {
    const h = requestHarness(allocationOn(replyApprovalOn(worldData()), A.deNimic))
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(h.state(id)).toMatchObject({ status: 'awaiting-reply-approval', responding: { coordinatorId: A.deNimic } })
    expect(refusalCodeOf(h.exec(U.deNimicAllocator, allocate('responding-coordinator', id, [U.deNimicHandler])))).toEqual({
      code: 'request.allocatee-invalid',
      ruleId: 'REQ-ALLOC-COORD-REFEREES',
    })
    expect(refusalCodeOf(h.exec(U.deNimicReferee, cmd('request.approve-reply', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-APPROVAL-BY-REFEREE' })
    h.ok(U.deNimicAllocator, allocate('responding-coordinator', id, [U.deNimicReferee2]))
    expect(h.state(id).responding.coordinatorAllocated).toEqual([U.deNimicReferee2])
    expect(refusalCodeOf(h.exec(U.deNimicReferee, cmd('request.approve-reply', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-APPROVAL-BY-REFEREE' })
    h.ok(U.deNimicReferee2, cmd('request.approve-reply', id))
    expect(h.state(id).status).toBe('replied')
  })

  it('[REQ-ALLOC-COORD-OWN] a coordinator that is itself the responding authority allocates the request to its request handlers', () => {
    const h = requestHarness(allocationOn(worldData(), A.deNimic))
    const id = sendRequest(h, pqDraft({ addressee: A.deNimic }))
    expect(refusalCodeOf(h.exec(U.deNimicAllocator, allocate('responding', id, [U.deNimicReferee])))).toEqual({ code: 'request.allocatee-invalid', ruleId: 'REQ-ALLOC-COORD-OWN' })
    h.ok(U.deNimicAllocator, allocate('responding', id, [U.deNimicHandler]))
    expect(h.state(id).responding.allocated).toEqual([U.deNimicHandler])
    h.ok(U.deNimicHandler, cmd('request.accept', id))
    expect(h.state(id).status).toBe('accepted')
  })
})

// ---------------------------------------------------------------------------------------------
// selected coordinator

describe('selected coordinator', () => {
  const twoCoordinators = () => linkedTo(linkedTo(worldData(), A.frCa, [A.frNimic, A.frDimic]), A.deCa, [A.deNimic, A.deDimic])

  it('[REQ-COORD-CHANGEABLE] each side changes its selected coordinator later in the lifecycle, to a linked coordinator only', () => {
    const h = requestHarness(twoCoordinators())
    const id = sendRequest(h, pqDraft({ requestingCoordinator: A.frNimic }))
    expect(h.state(id).requesting.coordinatorId).toBe(A.frNimic)
    h.ok(U.frHandler, cmd('request.change-coordinator', id, { side: 'requesting', coordinator: A.frDimic }))
    expect(h.state(id).requesting.coordinatorId).toBe(A.frDimic)
    h.ok(U.deHandler, cmd('request.accept', id, { coordinator: A.deNimic }))
    h.ok(U.deHandler, cmd('request.change-coordinator', id, { side: 'responding', coordinator: A.deDimic }))
    expect(h.state(id).responding.coordinatorId).toBe(A.deDimic)
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.change-coordinator', id, { side: 'requesting', coordinator: A.frNimic }))
    expect(h.state(id)).toMatchObject({ status: 'replied', requesting: { coordinatorId: A.frNimic } })
    expect(refusalCodeOf(h.exec(U.frHandler, cmd('request.change-coordinator', id, { side: 'requesting', coordinator: A.deNimic })))).toEqual({
      code: 'request.coordinator-not-linked',
      ruleId: 'REQ-COORD-CHANGE-GUARD',
    })
    expect(h.state(id).requesting.coordinatorId).toBe(A.frNimic)
  })

  it('[REQ-COORD-CHANGE-GUARD] a side cannot change its coordinator while that coordinator holds the request; the other side can', () => {
    const h = requestHarness(replyApprovalOn(linkedTo(worldData(), A.deCa, [A.deNimic, A.deDimic])))
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id, { coordinator: A.deNimic }))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    expect(refusalCodeOf(h.exec(U.deHandler, cmd('request.change-coordinator', id, { side: 'responding', coordinator: A.deDimic })))).toEqual({
      code: 'request.coordinator-holds',
      ruleId: 'REQ-COORD-CHANGE-GUARD',
    })
    expect(h.state(id).responding.coordinatorId).toBe(A.deNimic)
    // The requesting side's coordinator does not hold the request: its handler may change it.
    h.ok(U.frHandler, cmd('request.change-coordinator', id, { side: 'requesting', coordinator: A.frNimic }))
    // Once the coordinator returns the reply, the responding side may change it again.
    h.ok(U.deNimicReferee, cmd('request.return-reply', id, { suggestions: freeText('de', 'Bitte ergänzen.') }))
    h.ok(U.deHandler, cmd('request.change-coordinator', id, { side: 'responding', coordinator: A.deDimic }))
    expect(h.state(id).responding.coordinatorId).toBe(A.deDimic)
  })

  it('[REQ-COORD-CHANGE-GUARD] the requesting side cannot change its coordinator while the request awaits that coordinator\'s approval', () => {
    const h = requestHarness(requestApprovalOn(linkedTo(worldData(), A.frCa, [A.frNimic, A.frDimic])))
    const id = createRequest(h, pqDraft({ requestingCoordinator: A.frNimic }))
    h.ok(U.frHandler, cmd('request.send', id))
    expect(h.state(id).status).toBe('awaiting-request-approval')
    expect(refusalCodeOf(h.exec(U.frHandler, cmd('request.change-coordinator', id, { side: 'requesting', coordinator: A.frDimic })))).toEqual({
      code: 'request.wrong-status',
      ruleId: 'REQ-COORD-CHANGE-GUARD',
    })
    expect(h.state(id).requesting.coordinatorId).toBe(A.frNimic)
  })
})

// ---------------------------------------------------------------------------------------------
// copy

describe('copy', () => {
  it('[REQ-COPY-ANY-STATUS] the requesting and the responding authority copy the request whatever its status; others may not', () => {
    const h = requestHarness()
    const id = createRequest(h)
    h.ok(U.frHandler, copyAll(id))
    expect(h.last()).not.toBe(id)
    h.ok(U.frHandler, cmd('request.send', id))
    h.ok(U.deHandler, copyAll(id))
    expect(h.state(h.last()).requesting.authorityId).toBe(A.deCa)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.close', id))
    expect(h.state(id).status).toBe('closed')
    h.ok(U.frHandler2, copyAll(id))
    h.ok(U.deHandler2, copyAll(id))
    expect(h.state(h.last())).toMatchObject({ status: 'draft', requesting: { authorityId: A.deCa }, responding: { authorityId: A.frCa } })
    for (const other of [U.fr2Handler, U.itHandler, U.frNimicHandler, U.deViewer])
      expect(refusalCodeOf(h.exec(other, copyAll(id)))).toEqual({ code: 'request.copy-not-allowed', ruleId: 'REQ-COPY-ANY-STATUS' })
  })

  it('[REQ-COPY-ANY-STATUS] a former addressee may still copy the request it forwarded', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.forward', id, { to: A.deCa2, justification: freeText('de', 'Zuständig ist Stuttgart.') }))
    h.ok(U.deHandler, copyAll(id))
    expect(h.state(h.last())).toMatchObject({ status: 'draft', requesting: { authorityId: A.deCa }, links: { copiedFrom: id } })
  })

  it('[REQ-COPY-NEW-DRAFT] copying creates a new draft and leaves the source unchanged', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    const before = h.state(id)
    const eventsBefore = h.events(id).length
    h.ok(U.frHandler, copyAll(id))
    const copyId = h.last()
    expect(copyId).not.toBe(id)
    expect(h.state(copyId)).toMatchObject({
      status: 'draft',
      createdBy: U.frHandler,
      requesting: { authorityId: A.frCa, allocated: [U.frHandler] },
      responding: { authorityId: A.deCa, accepted: false },
      links: { copiedFrom: id },
      answers: [],
    })
    expect(h.state(copyId).number).not.toBe(before.number)
    expect(h.state(id)).toBe(before)
    expect(h.events(id)).toHaveLength(eventsBefore)
    // The copy is an ordinary draft that can be completed and sent on its own.
    h.ok(U.frHandler, cmd('request.edit', copyId, { deadline: '2026-04-15' }))
    h.ok(U.frHandler, cmd('request.send', copyId))
    expect(h.state(copyId).status).toBe('awaiting-acceptance')
    expect(h.state(id).status).toBe('accepted')
  })

  it('[REQ-COPY-SELECT] the user chooses which parts to copy', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.frHandler, cmd('request.copy', id, { include: { addressee: false, questions: true, attachments: false, caseData: false } }))
    const questionsOnly = h.state(h.last())
    expect(questionsOnly.responding.authorityId).toBeUndefined()
    expect(questionsOnly.questionSetId).toBe('pq.general')
    expect(questionsOnly.questions.map((q) => q.questionId)).toEqual([Q1, Q2])
    expect(questionsOnly.caseData).toEqual({})
    expect(questionsOnly.attachments).toEqual([])
    h.ok(U.frHandler, cmd('request.copy', id, { include: { addressee: true, questions: false, attachments: true, caseData: true } }))
    const rest = h.state(h.last())
    expect(rest.responding.authorityId).toBe(A.deCa)
    expect(rest.questions).toEqual([])
    expect(rest.questionSetId).toBeUndefined()
    expect(rest.caseData).toEqual({ name: 'Jean Dupont', 'date-of-birth': '1980-05-17', profession: 'Médecin', reference: 'DOS-42' })
    expect(rest.attachments.map((a) => a.fileName)).toEqual(['diplome.pdf'])
  })

  it('[REQ-COPY-PD-GUARD] personal data and attachments are copied only when the copying user can see them', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    // Before acceptance the addressee sees no personal data: its copy carries none.
    h.ok(U.deHandler, copyAll(id))
    const early = h.state(h.last())
    expect(early.caseData).toEqual({ profession: 'Médecin', reference: 'DOS-42' })
    expect(early.attachments).toEqual([])
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, copyAll(id))
    const late = h.state(h.last())
    expect(late.caseData).toMatchObject({ name: 'Jean Dupont', 'date-of-birth': '1980-05-17' })
    expect(late.attachments.map((a) => a.fileName)).toEqual(['diplome.pdf'])
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.close', id))
    h.ok({ kind: 'system' }, cmd('request.block-personal-data', id))
    // Once blocked, not even the requesting handler sees personal data, so a copy carries none.
    h.ok(U.frHandler, copyAll(id))
    const blocked = h.state(h.last())
    expect(blocked.caseData).toEqual({ profession: 'Médecin', reference: 'DOS-42' })
    expect(blocked.attachments).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// action list

describe('action list', () => {
  it('[REQ-ACTION-LIST-USER] a request is on the list of the user who must act next, and leaves it when the turn passes', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    expect(h.needsAction(U.deHandler, id)).toBe(true)
    expect(h.needsAction(U.frHandler, id)).toBe(false)
    h.ok(U.deHandler, cmd('request.accept', id))
    expect(h.needsAction(U.deHandler, id)).toBe(true)
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(h.needsAction(U.deHandler, id)).toBe(false)
    expect(h.needsAction(U.frHandler, id)).toBe(true)
    h.ok(U.frHandler, cmd('request.close', id))
    expect(h.needsAction(U.frHandler, id)).toBe(false)
    expect(h.needsAction(U.deHandler, id)).toBe(false)
  })

  it('[REQ-ACTION-LIST-ACCESS] action lists hold items for request handlers and coordinators\' referees, never for viewers', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = sendRequest(h)
    expect(h.needsAction(U.deHandler, id)).toBe(true)
    expect(h.needsAction(U.deViewer, id)).toBe(false)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(h.needsAction(U.deNimicReferee, id)).toBe(true)
    expect(h.needsAction(U.deViewer, id)).toBe(false)
    expect(h.needsAction(U.deHandler, id)).toBe(false)
  })

  it('[REQ-ACTION-LIST-ALLOCATORS] with allocation on, a new incoming request waits in the allocators\' lists until allocated', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = sendRequest(h)
    expect(h.needsAction(U.deAllocator, id)).toBe(true)
    expect(h.needsAction(U.deLda, id)).toBe(true)
    expect(h.needsAction(U.deHandler, id)).toBe(false)
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler]))
    expect(h.needsAction(U.deAllocator, id)).toBe(false)
    expect(h.needsAction(U.deLda, id)).toBe(false)
  })

  it('[REQ-ACTION-LIST-ALLOCATORS] with allocation off, allocators have nothing on their list', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    expect(h.needsAction(U.deAllocator, id)).toBe(false)
    expect(h.needsAction(U.deHandler, id)).toBe(true)
  })

  it('[REQ-ACTION-LIST-ALLOCATORS] a coordinator using allocation lists a referred request for its allocators until allocated', () => {
    const h = requestHarness(allocationOn(replyApprovalOn(worldData()), A.deNimic))
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(h.needsAction(U.deNimicAllocator, id)).toBe(true)
    expect(h.needsAction(U.deNimicReferee, id)).toBe(false)
    h.ok(U.deNimicAllocator, allocate('responding-coordinator', id, [U.deNimicReferee]))
    expect(h.needsAction(U.deNimicAllocator, id)).toBe(false)
  })

  it('[REQ-ACTION-LIST-ALLOCATED] after allocation the request is on the lists of the allocated handlers or referees only', () => {
    const h = requestHarness(allocationOn(allocationOn(replyApprovalOn(worldData()), A.deCa), A.deNimic))
    const id = sendRequest(h)
    h.ok(U.deAllocator, allocate('responding', id, [U.deHandler2]))
    expect(h.needsAction(U.deHandler2, id)).toBe(true)
    expect(h.needsAction(U.deHandler, id)).toBe(false)
    h.ok(U.deHandler2, cmd('request.accept', id))
    h.ok(U.deHandler2, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.deNimicAllocator, allocate('responding-coordinator', id, [U.deNimicReferee2]))
    expect(h.needsAction(U.deNimicReferee2, id)).toBe(true)
    expect(h.needsAction(U.deNimicReferee, id)).toBe(false)
  })

  it('[REQ-ACTION-LIST-DRAFTS] the authority\'s drafts are on its handlers\' lists', () => {
    const h = requestHarness()
    const id = createRequest(h)
    expect(h.needsAction(U.frHandler, id)).toBe(true)
    expect(h.needsAction(U.frHandler2, id)).toBe(true)
    expect(h.needsAction(U.fr2Handler, id)).toBe(false)
    expect(h.needsAction(U.deHandler, id)).toBe(false)
    h.ok(U.frHandler, cmd('request.send', id))
    expect(h.needsAction(U.frHandler, id)).toBe(false)
  })

  it('[REQ-ACTION-LIST-COORDINATOR] a coordinator\'s list holds requests and replies awaiting its approval', () => {
    const h = requestHarness(replyApprovalOn(requestApprovalOn(worldData())))
    const id = sendRequest(h)
    expect(h.state(id).status).toBe('awaiting-request-approval')
    expect(h.needsAction(U.frNimicReferee, id)).toBe(true)
    expect(h.needsAction(U.frDimicReferee, id)).toBe(false)
    h.ok(U.frNimicReferee, cmd('request.approve', id))
    expect(h.needsAction(U.frNimicReferee, id)).toBe(false)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    expect(h.needsAction(U.deNimicReferee, id)).toBe(true)
    h.ok(U.deNimicReferee, cmd('request.approve-reply', id))
    expect(h.needsAction(U.deNimicReferee, id)).toBe(false)
  })

  it('[REQ-ACTION-LIST-COORDINATOR] a coordinator\'s list holds requests referred to it for arbitration', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
    h.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Nicht verfügbar.') }))
    expect(h.needsAction(U.frNimicReferee, id)).toBe(false)
    h.ok(U.frHandler, cmd('request.insist', id))
    expect(h.state(id).status).toBe('arbitration-requesting-coordinator')
    expect(h.needsAction(U.frNimicReferee, id)).toBe(true)
    expect(h.needsAction(U.deNimicReferee, id)).toBe(false)
    h.ok(U.frNimicReferee, cmd('request.find-reply-unsatisfactory', id))
    expect(h.state(id).status).toBe('arbitration-responding-coordinator')
    expect(h.needsAction(U.frNimicReferee, id)).toBe(false)
    expect(h.needsAction(U.deNimicReferee, id)).toBe(true)
  })

  it('[ACT-SUPERVISOR-IS-REFEREE] the coordinator\'s "supervisor" is its referee: other users of the coordinator get no action', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h)
    expect(h.needsAction(U.frNimicReferee, id)).toBe(true)
    expect(h.needsAction(U.frNimicHandler, id)).toBe(false)
    expect(h.needsAction(U.frNimicAllocator, id)).toBe(false)
    expect(refusalCodeOf(h.exec(U.frNimicHandler, cmd('request.approve', id)))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-APPROVAL-BY-REFEREE' })
    h.ok(U.frNimicReferee2, cmd('request.approve', id))
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })
})

// ---------------------------------------------------------------------------------------------
// allocation switch (ACT)

describe('allocation switch', () => {
  it('[ACT-LDA-AUTO-ALLOCATOR] a local data administrator allocates without holding the allocator role', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    expect(h.directory.user(U.deLda)?.requestRoles.flatMap((g) => g.roles)).toEqual([])
    const id = sendRequest(h)
    expect(h.actions(U.deLda, id)).toContain('request.allocate')
    h.ok(U.deLda, allocate('responding', id, [U.deHandler2]))
    expect(h.state(id).responding.allocated).toEqual([U.deHandler2])
  })

  it('[ACT-LDA-AUTO-ALLOCATOR] the same user without the LDA role has no allocator rights', () => {
    const data = withUser(allocationOn(worldData(), A.deCa), U.deLda, (u) => ({ ...u, generalRoles: [] }))
    const h = requestHarness(data)
    const id = sendRequest(h)
    expect(h.actions(U.deLda, id)).not.toContain('request.allocate')
    expect(refusalCodeOf(h.exec(U.deLda, allocate('responding', id, [U.deHandler2])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
    expect(h.state(id).responding.allocated).toEqual([])
  })

  it('[ACT-ALLOCATION-LDA-SWITCH] the switch read from the directory decides who may act, as soon as it changes', () => {
    const off = worldData()
    const on = allocationOn(off, A.deCa)
    const h = requestHarness(off)
    const id = sendRequest(h)
    expect(h.actions(U.deHandler2, id)).toContain('request.accept')
    expect(h.actions(U.deLda, id)).not.toContain('request.allocate')
    expect(refusalCodeOf(h.exec(U.deLda, allocate('responding', id, [U.deHandler])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
    // The LDA switches allocation on.
    h.directory = world(on)
    expect(h.actions(U.deHandler2, id)).not.toContain('request.accept')
    expect(refusalCodeOf(h.exec(U.deHandler2, cmd('request.accept', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    h.ok(U.deLda, allocate('responding', id, [U.deHandler]))
    expect(refusalCodeOf(h.exec(U.deHandler2, cmd('request.accept', id)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    // And off again: every handler may act once more, whatever the recorded allocation.
    h.directory = world(off)
    h.ok(U.deHandler2, cmd('request.accept', id))
    expect(h.state(id).status).toBe('accepted')
  })

  it('[ACT-ALLOCATION-PER-LA] the switch holds per legislative area: on in one area, off in another', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa, PQ))
    const pq = sendRequest(h)
    const services = sendRequest(
      h,
      servicesDraft({ caseData: { name: 'Dupont Plomberie SARL', activity: 'Plomberie' }, justification: freeText('fr', "Contrôle d'une prestation temporaire.") }),
    )
    expect(h.state(services).status).toBe('awaiting-acceptance')
    expect(refusalCodeOf(h.exec(U.deHandler, cmd('request.accept', pq)))).toEqual({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    expect(h.needsAction(U.deAllocator, pq)).toBe(true)
    expect(h.needsAction(U.deAllocator, services)).toBe(false)
    h.ok(U.deHandler, cmd('request.accept', services))
    expect(h.state(services).status).toBe('accepted')
    expect(refusalCodeOf(h.exec(U.deAllocator, allocate('responding', services, [U.deHandler])))).toEqual({ code: 'request.not-allowed', ruleId: 'REQ-ALLOC-WHO' })
  })
})
