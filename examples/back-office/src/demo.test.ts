import { describe, expect, it } from 'vitest'
import { runAlertDemo } from './alert-demo.js'
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

  it('[ALERT-DISPLAY-OTHER-MS] drives an alert to closure; only Germany sees its closure proposal while it comments', async () => {
    const result = await runAlertDemo()
    expect(result.finalStatus).toBe('closed')
    expect(result.duringComments).toEqual({
      'Germany (proposing closure)': 'closure-open-for-comments',
      'France (initiating)': 'broadcast',
      Italy: 'broadcast',
      Commission: 'broadcast',
    })
    expect(result.lines.join('\n')).toContain('the Italian mailbox sees: awaiting-acknowledgement')
    expect(result.lines.join('\n')).not.toContain('Ambulanzdienst')
  })
})
