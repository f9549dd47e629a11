import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { REQUEST_STATUSES, machineToMermaid, requestMachine } from '../index.js'

describe('statechart diagrams', () => {
  it('[REQ-STATUS-SET] draws every status and every guarded branch of the request machine', () => {
    const diagram = machineToMermaid(requestMachine)
    for (const s of REQUEST_STATUSES) expect(diagram).toContain(`: ${s}\n`)
    expect(diagram).toContain('draft --> awaiting_request_approval: request.send [requestingHandler and requestApproval]')
    expect(diagram).toContain('returned_after_arbitration --> arbitration_responding_coordinator: request.maintain-position [respondingHandler and not scenarioS1]')
  })

  it('keeps the documented diagram in step with the machine', () => {
    const doc = readFileSync(new URL('../../../../docs/machines/request-for-information.md', import.meta.url), 'utf8')
    expect(doc).toContain(machineToMermaid(requestMachine))
  })
})
