import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ALERT_STATUSES, REQUEST_STATUSES, alertMachine, machineToMermaid, requestMachine } from '../index.js'

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

  it('[ALERT-SUBMIT-STATUS][ALERT-WITHDRAW-CANCEL][ALERT-ACK-PER-MS] draws every status and every guarded branch of the alert machine', () => {
    const diagram = machineToMermaid(alertMachine)
    for (const s of ALERT_STATUSES) expect(diagram).toContain(`: ${s}\n`)
    expect(diagram).toContain('draft --> submitted_for_broadcast: alert.submit [initiatingHandler]')
    expect(diagram).toContain('closure_open_for_comments --> closure_awaiting_broadcast: alert.end-comment-period [system and not commentPeriodOpen]')
    // A cancelled withdrawal returns to the status it came from: one guarded branch per status.
    for (const back of ['broadcast', 'closure_open_for_comments', 'closure_awaiting_broadcast', 'closure_open_for_objections'])
      expect(diagram).toContain(`withdrawal_to_be_broadcast --> ${back}: alert.cancel-withdrawal [initiatingHandler and from:${back.replace(/_/g, '-')}]`)
    // Awaiting acknowledgement is what a mailbox sees, not a status of the machine (ALERT-ACK-PER-MS).
    expect(diagram).not.toContain('awaiting_acknowledgement')
  })

  it('keeps the documented alert diagram in step with the machine', () => {
    const doc = readFileSync(new URL('../../../../docs/machines/services-alert.md', import.meta.url), 'utf8')
    expect(doc).toContain(machineToMermaid(alertMachine))
  })
})
