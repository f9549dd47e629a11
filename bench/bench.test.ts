import { describe, expect, it } from 'vitest'
import { runLifecycles } from './request-lifecycle.js'

describe('benchmark harness', () => {
  it('runs whole lifecycles and reports a share between 0 and 1', async () => {
    const f = await runLifecycles(3)
    expect(f.commands).toBe(18)
    expect(f.coreShare).toBeGreaterThan(0)
    expect(f.coreShare).toBeLessThan(1)
  })
})
