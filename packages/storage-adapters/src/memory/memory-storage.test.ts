import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { SYSTEM } from '@imi-kit/core'
import type { ExchangeId } from '@imi-kit/core'
import { A } from '@imi-kit/core/testing'
import { createMemoryStorage } from './memory-storage.js'

// The behaviour every storage shares is in the contract suite (memory-storage.contract.test.ts);
// here, only what the memory storage adds: its read-outs for tests.
describe('memory storage read-outs', () => {
  it('counts streams and lists pending timers and outbox messages, claimed or not', async () => {
    const storage = createMemoryStorage({ clock: { now: () => new Date('2026-03-02T09:00:00Z') } })
    const exchangeId = 'x-1' as ExchangeId
    const timer = { id: 't', exchangeId, dueAt: '2026-03-02T09:00:00.000Z', command: { type: 'test.fire', exchangeId }, ruleId: 'TEST' }
    const notification = { message: 'test.incoming', exchangeId, exchangeNumber: 'N-1', recipients: [{ kind: 'authority-mailbox' as const, authorityId: A.deCa }], ruleId: 'TEST' }
    const event = { type: 'test.created', exchangeId, procedure: 'test', procedureVersion: 1, at: '2026-03-02T09:00:00.000Z', actor: SYSTEM, to: 'open', payload: {} }
    expect(storage.streamCount()).toBe(0)
    const r = await storage.commit({
      at: '2026-03-02T09:00:00.000Z',
      appends: [{ streamId: exchangeId, procedure: 'test', expectedVersion: 0, events: [event], personal: [[]] }],
      erase: [],
      erasePersonalData: [],
      timers: [{ exchangeId, timers: [timer] }],
      notifications: [notification],
      summaries: [],
    })
    expect(E.isRight(r)).toBe(true)
    await storage.timers.claimDue(new Date('2026-03-02T09:00:00Z'), 10)
    await storage.outbox.claimPending(10)
    expect(storage.streamCount()).toBe(1)
    expect(storage.pendingTimers()).toEqual([timer])
    expect(storage.pendingOutbox()).toEqual([{ id: 1, notification, createdAt: '2026-03-02T09:00:00.000Z' }])
  })
})
