import { describe, expect, it } from 'vitest'
import { RETENTION_POLICIES, retentionSchedule, scheduledStep } from '../index.js'

const CLOSED = '2026-08-31T10:00:00.000Z'
const at = (overrides: Parameters<typeof retentionSchedule>[2], step: 'block-personal-data' | 'erase-personal-data') =>
  scheduledStep(retentionSchedule(RETENTION_POLICIES['imi-regulation'], CLOSED, overrides), step)

describe('retention policies: what an operator may configure', () => {
  it('[RET-DELETE-THREE-YEARS] an operator may erase sooner than 3 years, never later', () => {
    expect(at({}, 'erase-personal-data')?.offset).toBe(36)
    expect(at({ 'erase-personal-data': 24 }, 'erase-personal-data')).toMatchObject({ offset: 24, at: '2028-08-31T10:00:00.000Z' })
    expect(at({ 'erase-personal-data': 120 }, 'erase-personal-data')).toMatchObject({ offset: 36, at: '2029-08-31T10:00:00.000Z' })
    for (const id of ['imi-alert', 'imi-alert-withdrawn'] as const) {
      const erase = scheduledStep(retentionSchedule(RETENTION_POLICIES[id], CLOSED, { 'erase-personal-data': 48 }), 'erase-personal-data')
      expect(erase?.offset).toBe(36)
    }
  })

  it('[RET-REQ-PD-CONFIG] a configured erasure never falls before the blocking: data is blocked, then erased', () => {
    expect(at({ 'block-personal-data': 4, 'erase-personal-data': 2 }, 'erase-personal-data')).toMatchObject({ offset: 4, at: '2026-12-31T11:00:00.000Z' })
    expect(at({ 'block-personal-data': 4, 'erase-personal-data': 2 }, 'block-personal-data')?.offset).toBe(4)
    // the order holds for every policy and any configuration
    for (const policy of Object.values(RETENTION_POLICIES)) {
      for (const o of [0, 1, 5, 7, 40, 100]) {
        const overrides = Object.fromEntries(policy.steps.map((s, i) => [s.step, i === 0 ? 100 - o : o]))
        const steps = retentionSchedule(policy, CLOSED, overrides)
        for (let i = 1; i < steps.length; i++) expect(Date.parse(steps[i]?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(steps[i - 1]?.at ?? ''))
      }
    }
  })
})
