import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { createApplicationService, createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import type { ExchangeId } from '@imi-kit/core'
import { world } from '@imi-kit/core/testing'
import type { SqlStorageHandle } from '../sql/sql-storage-handle.js'
import { lifecycleActors, nextStep, runStep, taggedIds, tickingClock } from '../testing/request-lifecycle.js'
import { createPostgresStorage } from './postgres-storage.js'
import type { TestDatabase } from './postgres-test-database.js'
import { createTestDatabase } from './postgres-test-database.js'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url))
// Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild that a
// SIGKILL to the child would leave running.
const NODE_ARGS = ['--import', 'tsx']
// Three kills at different depths of the run, each a little randomised, so that over runs the kill
// lands at many different points of a transaction.
const KILL_AFTER = [150, 300, 450].map((n) => n + Math.floor(Math.random() * 50))

const registry = createProcedureRegistry([requestForInformation])
let db: TestDatabase | undefined
let handle: SqlStorageHandle | undefined

afterAll(async () => {
  await handle?.close()
  await db?.drop()
})

/** Runs the writer until it has reported `after` commands, then kills it with SIGKILL; returns how many it reported. */
const runAndKill = (url: string, tag: string, after: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, WRITER, url, tag, '4'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let reported = 0
    let stderr = ''
    let killed = false
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^ok (\d+)$/.exec(line)
      if (m === null) return
      reported = Number(m[1])
      if (!killed && reported >= after) {
        killed = true
        child.kill('SIGKILL')
      }
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported)
      else reject(new Error(`the writer stopped by itself (code ${String(code)}) after ${reported} commands:\n${stderr}`))
    })
  })

interface Check {
  readonly streams: number
  readonly partial: number
  readonly mismatched: number
  readonly problems: ReadonlyArray<string>
}

const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u)) as unknown

/** Checks the database against the rules of a committed command, and the projections against a fold of the events. */
const check = async ({ storage, client }: SqlStorageHandle): Promise<Check> => {
  const problems: string[] = []
  const streams = await client.query<{ stream_id: string; version: number; events: string; min: number | null; max: number | null }>(
    `SELECT s.stream_id, s.version, count(e.version) AS events, min(e.version) AS min, max(e.version) AS max
     FROM imi_streams s LEFT JOIN imi_events e ON e.stream_id = s.stream_id GROUP BY s.stream_id, s.version ORDER BY s.stream_id`,
  )
  let partial = 0
  for (const s of streams.rows) {
    const n = Number(s.events)
    if (n !== s.version || n === 0 || s.min !== 1 || s.max !== n) {
      partial++
      problems.push(`stream ${s.stream_id}: version ${s.version}, ${n} events from ${String(s.min)} to ${String(s.max)}`)
    }
  }
  const orphans = await client.query<{ what: string; n: string }>(
    `SELECT 'events' AS what, count(*) AS n FROM imi_events e WHERE NOT EXISTS (SELECT 1 FROM imi_streams s WHERE s.stream_id = e.stream_id)
     UNION ALL SELECT 'summaries', count(*) FROM imi_summaries x WHERE NOT EXISTS (SELECT 1 FROM imi_streams s WHERE s.stream_id = x.exchange_id)
     UNION ALL SELECT 'timers', count(*) FROM imi_timers x WHERE NOT EXISTS (SELECT 1 FROM imi_streams s WHERE s.stream_id = x.exchange_id)
     UNION ALL SELECT 'personal data', count(*) FROM imi_personal_data p WHERE NOT EXISTS (SELECT 1 FROM imi_events e WHERE e.stream_id = p.stream_id AND e.version = p.version)`,
  )
  for (const o of orphans.rows)
    if (Number(o.n) > 0) {
      partial += Number(o.n)
      problems.push(`${o.n} ${o.what} without their stream`)
    }
  let mismatched = 0
  for (const s of streams.rows) {
    const id = s.stream_id as ExchangeId
    const events = await storage.events.read(id)
    const state = events.reduce<unknown>((st, e) => requestForInformation.evolve(st as never, e.event as never), undefined)
    const summary = await storage.projections.summary(id)
    if (!isDeepStrictEqual(summary, json(requestForInformation.summary(state as never)))) {
      mismatched++
      problems.push(`summary of ${id} differs from the fold of its ${events.length} events`)
    }
    const timers = await client.query<{ timer_id: string; due_at: Date; command: unknown; rule_id: string }>(
      'SELECT timer_id, due_at, command, rule_id FROM imi_timers WHERE exchange_id = $1 ORDER BY timer_id',
      [id],
    )
    const stored = timers.rows.map((t) => ({ id: t.timer_id, exchangeId: id, dueAt: t.due_at.toISOString(), command: t.command, ruleId: t.rule_id }))
    const expected = json([...requestForInformation.timers(state as never)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    if (!isDeepStrictEqual(stored, expected)) {
      mismatched++
      problems.push(`timers of ${id} differ from the fold of its ${events.length} events`)
    }
  }
  return { streams: streams.rows.length, partial, mismatched, problems }
}

/** How many requests are neither finished nor erased: each has a next step. */
const unfinishedStreams = async ({ storage, client }: SqlStorageHandle): Promise<number> => {
  const { rows } = await client.query<{ stream_id: string }>('SELECT stream_id FROM imi_streams')
  let n = 0
  for (const { stream_id } of rows) {
    const events = await storage.events.read(stream_id as ExchangeId)
    if (nextStep(events.map((e) => e.event.type)) !== undefined) n++
  }
  return n
}

/** A fresh application service takes every unfinished request one step further; returns how many it continued. */
const continueAll = async ({ storage, client }: SqlStorageHandle, tag: string): Promise<number> => {
  const directory = world()
  const app = createApplicationService({ registry, storage, clock: tickingClock(), ids: taggedIds(tag), directory })
  const actors = lifecycleActors(directory)
  const { rows } = await client.query<{ stream_id: string }>('SELECT stream_id FROM imi_streams ORDER BY stream_id')
  let continued = 0
  for (const { stream_id } of rows) {
    const id = stream_id as ExchangeId
    const loaded = await app.load(id)
    if (E.isLeft(loaded)) throw new Error(`${id} cannot be loaded after the crash: ${loaded.left.message}`)
    const step = nextStep(loaded.right.events.map((e) => e.event.type))
    if (step === undefined) continue
    await runStep(app, actors, step, id, 0)
    continued++
  }
  return continued
}

describe('a writer killed with SIGKILL on a PostgreSQL server', () => {
  it('leaves no partial command, and projections and timers that match a fold of the events', async () => {
    db = await createTestDatabase()
    handle = await createPostgresStorage({ connectionString: db.url, procedures: registry })
    let continuedInAll = 0
    for (const [run, after] of KILL_AFTER.entries()) {
      const killedAfter = await runAndKill(db.url, `crash${run}`, after)
      const c = await check(handle)
      console.log(`crash: killed after ${killedAfter} commands, ${c.streams} streams checked, ${c.partial} partial, ${c.mismatched} mismatched`)
      expect(c.problems).toEqual([])
      expect(c.streams).toBeGreaterThan(0)
      // A kill can land between two lifecycles, leaving nothing unfinished in that run; every
      // unfinished request, however, must go on with a fresh service.
      const unfinished = await unfinishedStreams(handle)
      const continued = await continueAll(handle, `resume${run}`)
      expect(continued).toBe(unfinished)
      continuedInAll += continued
      const after2 = await check(handle)
      expect(after2.problems).toEqual([])
    }
    expect(continuedInAll).toBeGreaterThan(0)
  }, 180_000)
})
