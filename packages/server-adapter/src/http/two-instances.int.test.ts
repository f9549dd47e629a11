/**
 * Two server instances on one PostgreSQL database: each its own application service (with its own
 * cache of folded states), its own pool and its own Node server, as two processes behind a load
 * balancer would be. Both hammer the same exchanges at once, over real sockets:
 *
 * - structured messages on one accepted request, from both sides through both instances;
 * - on several sent requests, two acceptances (one through each instance) racing a refusal.
 *
 * No update may be lost: every message answered 2xx is in the final stream exactly once, at the
 * version its answer gave; versions are contiguous; a command refused left nothing behind; and each
 * race ends as some serial order of its commands would, with never two acceptances.
 */
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, ApplicationService, ExchangeId, UserId } from '@imi-kit/core'
import { A, U, pqDraft, testAlertProcedure, withRequestAccess, world, worldData } from '@imi-kit/core/testing'
import { createPostgresStorage } from '@imi-kit/storage-adapters'
import type { SqlStorageHandle } from '@imi-kit/storage-adapters'
import type { TestDatabase } from '../../../storage-adapters/src/postgres/postgres-test-database.js'
import { createTestDatabase } from '../../../storage-adapters/src/postgres/postgres-test-database.js'
import { TEST_USER_HEADER } from '../testing/test-server.js'
import { createImiHandler } from './handler.js'
import { createNodeListener } from './node.js'

/** Messages each instance sends, and how many it has in flight at once. */
const MESSAGES_PER_INSTANCE = 100
const IN_FLIGHT = 4
/** Sent requests on which two acceptances and a refusal race. */
const RACES = 12
/** How often a client sends a command again after a 409 `exchange.concurrent-update` (nothing was written). */
const CLIENT_RETRIES = 50

const registry = createProcedureRegistry([requestForInformation, testAlertProcedure])
// The German authority may refuse requests, so that a refusal can race an acceptance.
const directory = world(withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayRefuseRequests: true } })))

interface Instance {
  readonly name: string
  readonly handle: SqlStorageHandle
  readonly app: ApplicationService
  readonly server: Server
  readonly base: string
}

let db: TestDatabase | undefined
const instances: Instance[] = []

const startInstance = async (name: string, url: string): Promise<Instance> => {
  const handle = await createPostgresStorage({ connectionString: url, procedures: registry })
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  // Ids of items (messages) must not collide between instances: each has its own prefix.
  const app = createApplicationService({ registry, storage: handle.storage, clock, ids: sequentialIds(name), directory })
  const authenticate = (request: Request): Actor | null => {
    const user = directory.user((request.headers.get(TEST_USER_HEADER) ?? '') as UserId)
    return user === undefined ? null : { kind: 'user', userId: user.id, authorityId: user.authorityId }
  }
  const handler = createImiHandler({ app, storage: handle.storage, directory, clock, authenticate })
  const server = createServer(createNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { name, handle, app, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api` }
}

beforeAll(async () => {
  db = await createTestDatabase()
  instances.push(await startInstance('a', db.url), await startInstance('b', db.url))
})

afterAll(async () => {
  for (const i of instances) {
    i.server.closeAllConnections()
    await new Promise<void>((resolve) => i.server.close(() => resolve()))
    await i.handle.close()
  }
  await db?.drop()
})

interface Sent {
  readonly status: number
  readonly body: { readonly version?: number; readonly exchangeId?: string; readonly error?: { readonly code: string } }
  /** How many 409 answers came before this one. */
  readonly conflicts: number
}

/** Posts a command through an instance, sending it again while the answer is a 409 concurrent update. */
const post = async (i: Instance, user: UserId, path: string, command: unknown): Promise<Sent> => {
  for (let conflicts = 0; ; conflicts++) {
    const res = await fetch(`${i.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', [TEST_USER_HEADER]: user }, body: JSON.stringify(command) })
    const body = (await res.json()) as Sent['body']
    if (res.status !== 409 || body.error?.code !== 'exchange.concurrent-update' || conflicts >= CLIENT_RETRIES) return { status: res.status, body, conflicts }
  }
}

/** Runs `tasks` with at most `n` in flight. */
const pooled = async <T>(n: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> => {
  const out: T[] = new Array<T>(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const k = next++
        out[k] = await (tasks[k] as () => Promise<T>)()
      }
    }),
  )
  return out
}

const instance = (k: number): Instance => instances[k] as Instance

const created = async (user: UserId, command: unknown): Promise<ExchangeId> => {
  const r = await post(instance(0), user, '/exchanges', command)
  expect(r.status).toBe(201)
  return r.body.exchangeId as ExchangeId
}
const run = async (k: number, user: UserId, id: ExchangeId, command: Record<string, unknown>): Promise<Sent> => post(instance(k), user, `/exchanges/${id}/commands`, command)

describe('two server instances on one PostgreSQL database', () => {
  it('loses no structured message when both instances add them to one request at once', async () => {
    const id = await created(U.frHandler, pqDraft())
    expect((await run(0, U.frHandler, id, { type: 'request.send' })).status).toBe(200)
    // Accepted through the other instance: each sees what the other wrote.
    expect((await run(1, U.deHandler, id, { type: 'request.accept' })).status).toBe(200)
    const start = (await instance(0).handle.storage.events.read(id)).length

    const tasks = instances.flatMap((inst, k) =>
      Array.from({ length: MESSAGES_PER_INSTANCE }, (_, n) => {
        const user = n % 2 === 0 ? U.frHandler : U.deHandler
        const text = `message ${inst.name}-${n}`
        return async () => ({ text, sent: await run(k, user, id, { type: 'request.add-message', text: { text, language: 'en' } }) })
      }),
    )
    // Interleaved, so that both instances write during the whole run.
    const interleaved = tasks.map((_, n) => tasks[(n % 2) * MESSAGES_PER_INSTANCE + Math.floor(n / 2)] as (typeof tasks)[number])
    const results = await pooled(2 * IN_FLIGHT, interleaved)

    const accepted = results.filter((r) => r.sent.status === 200)
    const refused = results.filter((r) => r.sent.status !== 200)
    const conflicts = results.reduce((n, r) => n + r.sent.conflicts, 0)

    const stream = await instance(1).handle.storage.events.read(id)
    const messages = stream.slice(start).map((e) => ({ version: e.version, type: e.event.type, text: (e.event.payload as { message?: { text?: { text?: string } } }).message?.text?.text }))
    const texts = messages.map((m) => m.text)
    const lost = accepted.filter((r) => !texts.includes(r.text)).length
    const duplicated = texts.length - new Set(texts).size
    // Nothing the API refused was written.
    const ghosts = refused.filter((r) => texts.includes(r.text)).length
    console.log(
      `two instances: ${results.length} messages sent, ${accepted.length} accepted, ${conflicts} concurrent-update answers retried, ${refused.length} refused, ${lost} lost, ${duplicated} duplicated, ${ghosts} written though refused`,
    )
    expect(refused.map((r) => [r.sent.status, r.sent.body.error?.code])).toEqual([])
    expect(lost).toBe(0)
    expect(duplicated).toBe(0)
    expect(ghosts).toBe(0)
    expect(messages).toHaveLength(accepted.length)
    expect(messages.every((m) => m.type === 'request.message-added')).toBe(true)
    // Versions are contiguous from the first event, and each 2xx answer named the version its message has.
    expect(stream.map((e) => e.version)).toEqual(stream.map((_, n) => n + 1))
    for (const r of accepted) expect(messages.find((m) => m.text === r.text)?.version, r.text).toBe(r.sent.body.version)
    // Both instances read the same final state, whatever they had cached.
    const viewOf = async (k: number) => {
      const res = await fetch(`${instance(k).base}/exchanges/${id}`, { headers: { [TEST_USER_HEADER]: U.frHandler } })
      return (await res.json()) as { history: ReadonlyArray<unknown>; content: { messages: ReadonlyArray<{ text: { text: string } }> } }
    }
    const [a, b] = [await viewOf(0), await viewOf(1)]
    expect(a).toEqual(b)
    expect(a.content.messages.map((m) => m.text.text).sort()).toEqual(accepted.map((r) => r.text).sort())
  }, 120_000)

  it('settles races of two acceptances and a refusal, through both instances, as some serial order would', async () => {
    const ids: ExchangeId[] = []
    for (let n = 0; n < RACES; n++) {
      const id = await created(U.frHandler, pqDraft())
      expect((await run(0, U.frHandler, id, { type: 'request.send' })).status).toBe(200)
      // Both instances have folded the sent request before the race.
      for (const k of [0, 1]) expect(E.isRight(await instance(k).app.load(id))).toBe(true)
      ids.push(id)
    }
    const refusal = { type: 'request.refuse', justification: { text: 'Keine Zuständigkeit.', language: 'de' }, noOtherCompetentAuthority: true }
    const races = await Promise.all(
      ids.map(async (id, n) => {
        // Two handlers accept, one through each instance; the refusal goes through either, in turn.
        const [acceptA, acceptB, refuse] = await Promise.all([
          run(0, U.deHandler, id, { type: 'request.accept' }),
          run(1, U.deHandler2, id, { type: 'request.accept' }),
          run(n % 2, U.deHandler2, id, refusal),
        ])
        return { accepts: [acceptA, acceptB], refuse, stream: await instance(1 - (n % 2)).handle.storage.events.read(id) }
      }),
    )
    const outcomes = new Map<string, number>()
    for (const { accepts, refuse, stream } of races) {
      const types = stream.slice(2).map((e) => e.event.type)
      const won = accepts.filter((r) => r.status === 200)
      // One acceptance at most: the second finds the request accepted already (409 wrong status).
      expect(won.length).toBeLessThanOrEqual(1)
      for (const r of [...accepts, refuse].filter((x) => x.status !== 200)) expect([r.status, r.body.error?.code]).toEqual([409, 'request.wrong-status'])
      // The stream holds exactly the events of the commands answered 2xx, in an order the rules allow:
      // a refusal closes the request, so an acceptance can only come before it.
      const expected = [...(won.length === 1 ? ['request.accepted'] : []), ...(refuse.status === 200 ? ['request.refused'] : [])]
      expect(types.filter((t) => t === 'request.accepted' || t === 'request.refused')).toEqual(expected)
      expect(stream.map((e) => e.version)).toEqual(stream.map((_, v) => v + 1))
      for (const r of [...won, ...(refuse.status === 200 ? [refuse] : [])]) expect(stream.some((e) => e.version === r.body.version)).toBe(true)
      const key = expected.join(' then ') || 'nothing'
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    }
    console.log(`two instances: ${RACES} races of two acceptances and a refusal: ${[...outcomes].map(([k, v]) => `${v}× ${k}`).join(', ')}; 0 double acceptances`)
    expect(outcomes.has('nothing')).toBe(false)
  }, 120_000)
})
