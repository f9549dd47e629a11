import { describe, expect, it } from 'vitest'
import { requestForInformation } from '../../index.js'
import type { RequestState } from '../../index.js'
import { createHarness, world, U, A, PQ } from '../../testing/index.js'

const start = new Date('2026-03-02T09:00:00Z')
const fr = { text: 'Merci de confirmer.', language: 'fr' } as const

describe('request lifecycle', () => {
  it('[REQ-SEND-TARGET-STATUS] drives a request from draft to closure', () => {
    const h = createHarness<RequestState>(requestForInformation, world(), start)
    h.ok(U.frHandler, {
      type: 'request.create',
      legislativeArea: PQ,
      questionSetId: 'pq.general',
      addressee: A.deCa,
      caseData: { name: 'Jean Dupont', profession: 'Médecin' },
      questions: [{ questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' }, comment: fr }],
      deadline: '2026-04-01',
    })
    const id = h.last()
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: 'pq.establishment.legally-established', answerId: 'yes' }] })
    expect(h.state(id).status).toBe('replied')
    h.ok(U.frHandler, { type: 'request.close', exchangeId: id })
    expect(h.state(id).status).toBe('closed')
    expect(h.state(id).closureReason).toBe('reply-accepted')
  })
})
