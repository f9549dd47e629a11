import * as E from 'fp-ts/Either'
import { describe, expect, it } from 'vitest'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, ExchangeId, EventEnvelope, RequestState } from '@imi-kit/core'
import { A, PQ, U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from './memory-storage.js'

const directory = world()
const as = (id: (typeof U)[keyof typeof U]): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
const draft = {
  type: 'request.create',
  legislativeArea: PQ,
  questionSetId: 'pq.general',
  addressee: A.deCa,
  caseData: { name: 'Jean Dupont', profession: 'Médecin' },
  questions: [
    { questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' } },
    { questionId: 'pq.establishment.suspension' },
  ],
  deadline: '2026-04-01',
}

const setup = () => {
  const storage = createMemoryStorage()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds('m'), directory })
  const run = async (who: (typeof U)[keyof typeof U], command: unknown) => {
    const r = await app.execute(as(who), command)
    if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
    return r.right
  }
  return { storage, clock, app, run }
}

describe('application service over the memory storage', () => {
  it('refuses malformed commands with a typed error and writes nothing', async () => {
    const { app, storage } = setup()
    for (const bad of [null, 42, 'x', {}, { type: 'nope' }, { type: 'request.create' }, { type: 'request.accept', exchangeId: 7 }]) {
      const r = await app.execute(as(U.frHandler), bad)
      expect(E.isLeft(r) && r.left._tag).toBe('DomainError')
    }
    expect(storage.streamCount()).toBe(0)
  })

  it('[REQ-JUSTIFICATION-REQUIRED] names the rule when a justification is missing', async () => {
    const { app, run } = setup()
    const { exchangeId } = await run(U.frHandler, draft)
    await run(U.frHandler, { type: 'request.send', exchangeId })
    const r = await app.execute(as(U.deHandler), { type: 'request.forward', exchangeId, to: A.deCa2 })
    expect(E.isLeft(r) && r.left.ruleId).toBe('REQ-JUSTIFICATION-REQUIRED')
  })

  it('appends with the expected version and reports a conflict on a stale one', async () => {
    const { storage, run } = setup()
    const { exchangeId, version } = await run(U.frHandler, draft)
    expect(version).toBe(1)
    const events = await storage.events.read(exchangeId)
    const stale = await storage.commit({
      at: '2026-03-02T09:00:00.000Z',
      appends: [{ streamId: exchangeId, procedure: requestForInformation.id, expectedVersion: 0, events: events.map((e) => e.event) }],
      erase: [],
      timers: [],
      notifications: [],
      summaries: [],
    })
    expect(E.isLeft(stale) && stale.left).toMatchObject({ _tag: 'ConcurrencyConflict', expectedVersion: 0, actualVersion: 1 })
    expect(await storage.events.read(exchangeId)).toHaveLength(1)
  })

  it('decides again after a concurrent write instead of losing it', async () => {
    const { app, storage, run } = setup()
    const { exchangeId } = await run(U.frHandler, draft)
    await run(U.frHandler, { type: 'request.send', exchangeId })
    await run(U.deHandler, { type: 'request.accept', exchangeId })
    const message = (text: string) => ({ type: 'request.add-message', exchangeId, text: { text, language: 'en' } })
    const results = await Promise.all([app.execute(as(U.frHandler), message('one')), app.execute(as(U.deHandler), message('two'))])
    expect(results.every(E.isRight)).toBe(true)
    const stored = await storage.events.read(exchangeId)
    expect(stored.map((e) => e.version)).toEqual([1, 2, 3, 4, 5])
  })

  it('[REQ-DRAFT-DELETE] erases a deleted draft with no trace', async () => {
    const { storage, run } = setup()
    const { exchangeId } = await run(U.frHandler, draft)
    await run(U.frHandler, { type: 'request.delete-draft', exchangeId })
    expect(await storage.events.read(exchangeId)).toEqual([])
    expect(await storage.events.readAll(0, 100)).toEqual([])
    expect(await storage.projections.summary(exchangeId)).toBeUndefined()
  })

  it('[REQ-SPLIT-NEW-REQUEST] writes a split and the new request in one commit, with summaries for both', async () => {
    const { storage, run } = setup()
    const { exchangeId } = await run(U.frHandler, draft)
    await run(U.frHandler, { type: 'request.send', exchangeId })
    const split = await run(U.deHandler, {
      type: 'request.split',
      exchangeId,
      to: A.deCa2,
      questions: ['pq.establishment.suspension'],
      attachments: [],
      justification: { text: 'Zuständig ist das Regierungspräsidium.', language: 'de' },
    })
    const created = split.spawned[0] as ExchangeId
    expect((await storage.projections.summary(created))?.status).toBe('awaiting-acceptance')
    const all = await storage.events.readAll(0, 100)
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1))
    expect(all.at(-1)?.streamId).toBe(created)
  })

  it('[RET-BLOCK-SIX-MONTHS] stores retention timers and fires each once as the system actor', async () => {
    const { storage, clock, app, run } = setup()
    const { exchangeId } = await run(U.frHandler, draft)
    await run(U.frHandler, { type: 'request.send', exchangeId })
    await run(U.deHandler, { type: 'request.accept', exchangeId })
    await run(U.deHandler, {
      type: 'request.reply',
      exchangeId,
      answers: [
        { questionId: 'pq.establishment.legally-established', answerId: 'yes' },
        { questionId: 'pq.establishment.suspension', answerId: 'no' },
      ],
    })
    await run(U.frHandler, { type: 'request.close', exchangeId })
    // Closed at 10:00 Brussels winter time; six calendar months later is 10:00 Brussels summer time.
    expect(storage.pendingTimers().map((t) => [t.id, t.dueAt])).toEqual([
      ['retention.block', '2026-09-02T08:00:00.000Z'],
      ['retention.erase', '2029-03-02T09:00:00.000Z'],
    ])
    clock.set(new Date('2026-09-02T07:59:59.999Z'))
    expect(await app.fireDueTimers()).toBe(0)
    clock.set(new Date('2026-09-02T08:00:00.000Z'))
    expect(await app.fireDueTimers()).toBe(1)
    expect(await app.fireDueTimers()).toBe(0)
    const loaded = await app.load(exchangeId)
    expect(E.isRight(loaded) && (loaded.right.state as RequestState).personalData).toBe('blocked')
    expect(storage.pendingTimers().map((t) => t.id)).toEqual(['retention.erase'])
  })

  it('[REQ-ACTION-LIST-USER] lists what waits for each user', async () => {
    const { app, run } = setup()
    const { exchangeId } = await run(U.frHandler, draft)
    await run(U.frHandler, { type: 'request.send', exchangeId })
    const de = await app.actionList(as(U.deHandler))
    const fr = await app.actionList(as(U.frHandler))
    expect(E.isRight(de) && de.right.map((s) => s.exchangeId)).toEqual([exchangeId])
    expect(E.isRight(fr) && fr.right).toEqual([])
  })

  it('puts notifications in the outbox with the events', async () => {
    const { storage, run } = setup()
    const { exchangeId } = await run(U.frHandler, draft)
    await run(U.frHandler, { type: 'request.send', exchangeId })
    const pending = storage.pendingOutbox()
    expect(pending.map((m) => m.notification.message)).toEqual(['request.incoming'])
    const events: ReadonlyArray<EventEnvelope> = (await storage.events.read(exchangeId)).map((e) => e.event)
    expect(events.map((e) => e.type)).toEqual(['request.created', 'request.sent'])
  })
})
