import { describe, expect, it } from 'vitest'
import { runBackOfficeDemo } from './demo.js'

describe('back-office example', () => {
  it('[REQ-CLOSE-ACCEPT-REPLY] drives a request to closure and prints its history', async () => {
    const result = await runBackOfficeDemo()
    expect(result.finalStatus).toBe('closed')
    const history = result.lines.slice(result.lines.indexOf('Management information — history:') + 1)
    expect(history).toHaveLength(5)
    expect(result.lines.join('\n')).toContain('"redacted":"personal-data"')
    expect(result.lines.join('\n')).toContain('Dr Jean Dupont')
  })
})
