import { describe, expect, it } from 'vitest'
import { A, U, alertHarness, closedAlert } from '../../testing/index.js'

describe('alert lifecycle', () => {
  it('[ALERT-CLOSE-STATUS] goes from draft to closed through every phase', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    const s = h.state(id)
    expect(s.status).toBe('closed')
    expect(s.history.map((e) => e.to)).toContain('closure-open-for-objections')
    expect(h.view(U.deAlertHandler, id)?.access).toBe('no-personal-data')
    expect(h.view({ kind: 'commission' }, id)?.access).toBe('no-personal-data')
    expect(s.recipients.map((r) => r.authorityId)).toEqual(expect.arrayContaining([A.deNimic, A.itNimic, A.deCa, A.deCa2]))
  })
})
