/**
 * Benchmark of the request lifecycle in memory: commands per second through the application service,
 * and the share of that time spent in the procedure's own decide and evolve. Both are measured in
 * the same run, so the ratio does not depend on the machine.
 */
import * as E from 'fp-ts/lib/Either.js'
import { performance } from 'node:perf_hooks'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, AnyProcedure, ExchangeId } from '@imi-kit/core'
import { A, PQ, U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'

/** The figures of one run. */
export interface LifecycleFigures {
  readonly lifecycles: number
  readonly commands: number
  readonly seconds: number
  readonly commandsPerSecond: number
  /** Time in decide + evolve divided by the whole application-service time. */
  readonly coreShare: number
}

/** Wraps a procedure so that the time spent in decide and evolve is added up. */
const timed = (p: AnyProcedure, clock: { spent: number }): AnyProcedure => ({
  ...p,
  decide: (c, s, ctx) => {
    const t = performance.now()
    try {
      return p.decide(c, s, ctx)
    } finally {
      clock.spent += performance.now() - t
    }
  },
  evolve: (s, e) => {
    const t = performance.now()
    try {
      return p.evolve(s, e)
    } finally {
      clock.spent += performance.now() - t
    }
  },
})

/** Runs `lifecycles` requests from creation to closure through the application service. */
export const runLifecycles = async (lifecycles: number): Promise<LifecycleFigures> => {
  const directory = world()
  const spent = { spent: 0 }
  const app = createApplicationService({
    registry: createProcedureRegistry([timed(requestForInformation, spent)]),
    storage: createMemoryStorage(),
    clock: fixedClock(new Date('2026-03-02T09:00:00Z')),
    ids: sequentialIds('bench'),
    directory,
  })
  const as = (id: (typeof U)[keyof typeof U]): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
  const fr = as(U.frHandler)
  const de = as(U.deHandler)
  let commands = 0
  const run = async (actor: Actor, command: unknown): Promise<ExchangeId> => {
    const r = await app.execute(actor, command)
    if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
    commands++
    return r.right.exchangeId
  }
  const start = performance.now()
  for (let i = 0; i < lifecycles; i++) {
    const exchangeId = await run(fr, {
      type: 'request.create',
      legislativeArea: PQ,
      questionSetId: 'pq.general',
      addressee: A.deCa,
      caseData: { name: `Subject ${i}`, profession: 'Médecin' },
      questions: [{ questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' } }],
      deadline: '2026-04-01',
    })
    await run(fr, { type: 'request.send', exchangeId })
    await run(de, { type: 'request.accept', exchangeId })
    await run(de, { type: 'request.add-message', exchangeId, text: { text: 'Wir prüfen den Fall.', language: 'de' } })
    await run(de, { type: 'request.reply', exchangeId, answers: [{ questionId: 'pq.establishment.legally-established', answerId: 'yes' }] })
    await run(fr, { type: 'request.close', exchangeId })
  }
  const ms = performance.now() - start
  return {
    lifecycles,
    commands,
    seconds: ms / 1000,
    commandsPerSecond: commands / (ms / 1000),
    coreShare: spent.spent / ms,
  }
}
