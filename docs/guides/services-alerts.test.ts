import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { alertFromLaunchToClosure } from './services-alerts.js'

describe('guide: Services Directive alert', () => {
  it('[ALERT-ACK-PER-MS] runs the guide end to end, each party seeing its own status', async () => {
    expect(await alertFromLaunchToClosure()).toEqual({
      'Italian mailbox, after broadcast': 'awaiting-acknowledgement',
      'Germany, during comments': 'closure-open-for-comments',
      'Italy, during comments': 'broadcast',
      'Italy, after closure': 'closed',
    })
  })

  it('prints in the guide exactly the code the suite compiles', () => {
    const code = readFileSync(new URL('./services-alerts.ts', import.meta.url), 'utf8').trim()
    const guide = readFileSync(new URL('./services-alerts.md', import.meta.url), 'utf8')
    expect(guide).toContain(code)
  })
})
