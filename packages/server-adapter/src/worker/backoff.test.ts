import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { exponentialBackoff } from './backoff.js'

describe('exponential back-off', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const backoff = exponentialBackoff({ initialMs: 1_000, maxMs: 20_000 })
    expect([1, 2, 3, 4, 5, 6, 7].map(backoff)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000])
  })

  it('has defaults of 30 seconds, doubling, capped at one hour', () => {
    const backoff = exponentialBackoff()
    expect([1, 2, 8, 9, 100].map(backoff)).toEqual([30_000, 60_000, 3_600_000, 3_600_000, 3_600_000])
  })

  it('never overflows, whatever the attempt number', () => {
    const backoff = exponentialBackoff({ initialMs: 1, factor: 10, maxMs: 5_000 })
    expect(backoff(Number.MAX_SAFE_INTEGER)).toBe(5_000)
    expect(backoff(0)).toBe(1)
  })

  test.prop([fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })])(
    'is deterministic given the attempt and the jitter draw, and the jitter only shortens the delay, by at most its ratio',
    (attempt, draw) => {
      const exact = exponentialBackoff({ initialMs: 500, maxMs: 60_000 })
      const jittered = exponentialBackoff({ initialMs: 500, maxMs: 60_000, jitter: () => draw, jitterRatio: 0.25 })
      expect(jittered(attempt)).toBe(jittered(attempt))
      expect(jittered(attempt)).toBeLessThanOrEqual(exact(attempt))
      expect(jittered(attempt)).toBeGreaterThanOrEqual(Math.floor(exact(attempt) * 0.75))
      // and it never decreases from one attempt to the next without jitter
      expect(exact(attempt + 1)).toBeGreaterThanOrEqual(exact(attempt))
    },
  )
})
