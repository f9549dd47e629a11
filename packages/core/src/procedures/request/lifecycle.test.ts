import { describe, expect, it } from 'vitest'
import { Q1, U, freeText, pqDraft, requestHarness } from '../../testing/index.js'

describe('request lifecycle', () => {
  it('[REQ-SEND-TARGET-STATUS] drives a request from draft to closure', () => {
    const h = requestHarness()
    h.ok(
      U.frHandler,
      pqDraft({
        caseData: { name: 'Jean Dupont', profession: 'Médecin' },
        questions: [{ questionId: Q1, parameters: { profession: 'Médecin' }, comment: freeText('fr', 'Merci de confirmer.') }],
        attachments: undefined,
      }),
    )
    const id = h.last()
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: Q1, answerId: 'yes' }] })
    expect(h.state(id).status).toBe('replied')
    h.ok(U.frHandler, { type: 'request.close', exchangeId: id })
    expect(h.state(id).status).toBe('closed')
    expect(h.state(id).closureReason).toBe('reply-accepted')
  })
})
