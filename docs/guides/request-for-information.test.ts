import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { askAndAnswer, refusedSend } from './request-for-information.js'

describe('guide: request for information', () => {
  it('[REQ-CLOSE-ACCEPT-REPLY] runs the guide end to end', async () => {
    expect(await askAndAnswer()).toEqual(E.right('closed'))
  })

  it('[REQ-SEND-ONE-QUESTION-SET] shows the rule behind a refusal', async () => {
    expect(await refusedSend()).toBe('REQ-SEND-ONE-QUESTION-SET')
  })

  it('prints in the guide exactly the code the suite compiles', () => {
    const code = readFileSync(new URL('./request-for-information.ts', import.meta.url), 'utf8').trim()
    const guide = readFileSync(new URL('./request-for-information.md', import.meta.url), 'utf8')
    expect(guide).toContain(code)
  })
})
