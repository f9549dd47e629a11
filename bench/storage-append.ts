/**
 * Benchmarks of the SQL storage on PGlite and on a PostgreSQL server:
 *
 * - the append path, `storage.commit` of one `request.created` event with its summary, timers and
 *   vaulted personal data exactly as the application writes them, as a ratio to a raw single-row
 *   `INSERT` of the same JSON through the same client in the same run;
 * - the application service's command throughput over each driver, as a ratio to memory.
 */
import * as E from 'fp-ts/lib/Either.js'
import { performance } from 'node:perf_hooks'
import { createApplicationService, createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import type { Changes, Storage } from '@imi-kit/core'
import { world } from '@imi-kit/core/testing'
import { createMemoryStorage, createPgliteStorage, createPostgresStorage } from '@imi-kit/storage-adapters'
import type { SqlStorageHandle } from '@imi-kit/storage-adapters'
import { createTestDatabase } from '../packages/storage-adapters/src/postgres/postgres-test-database.js'
import { LIFECYCLE, lifecycleActors, runLifecycles, taggedIds, tickingClock } from '../packages/storage-adapters/src/testing/request-lifecycle.js'

const registry = createProcedureRegistry([requestForInformation])

/** The append-path figures of one driver. */
export interface AppendFigures {
  readonly driver: string
  readonly iterations: number
  readonly eventBytes: number
  readonly commitsPerSecond: number
  readonly rawInsertsPerSecond: number
  /** Time of one commit divided by the time of one raw INSERT. */
  readonly ratio: number
}

/** The application-service figures of one driver. */
export interface ServiceFigures {
  readonly driver: string
  readonly commands: number
  readonly commandsPerSecond: number
}

/** The changes the application commits for a `request.create`, taken from a real run in memory. */
export const creationChanges = async (): Promise<Changes> => {
  const memory = createMemoryStorage()
  let captured: Changes | undefined
  const storage: Storage = {
    ...memory,
    commit: (changes) => {
      captured ??= changes
      return memory.commit(changes)
    },
  }
  const directory = world()
  const app = createApplicationService({ registry, storage, clock: tickingClock(), ids: taggedIds('sample'), directory })
  const first = LIFECYCLE[0]
  if (first === undefined) throw new Error('empty lifecycle')
  const r = await app.execute(lifecycleActors(directory).requesting, first.command(undefined, 0))
  if (E.isLeft(r) || captured === undefined) throw new Error('the sample request could not be created')
  return captured
}

/** The same changes for another exchange id. */
const forExchange = (changes: Changes, id: string): Changes => {
  const from = changes.appends[0]?.streamId
  if (from === undefined) throw new Error('the sample changes append nothing')
  return JSON.parse(JSON.stringify(changes).replaceAll(`"${from}"`, `"${id}"`)) as Changes
}

/** Commits versus raw INSERTs of the same event, alternating in blocks so that both see the same conditions. */
export const measureAppend = async (driver: string, handle: SqlStorageHandle, sample: Changes, iterations: number): Promise<AppendFigures> => {
  const event = sample.appends[0]?.events[0]
  if (event === undefined) throw new Error('the sample changes append no event')
  const payload = JSON.stringify(event)
  await handle.client.query('CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, payload jsonb NOT NULL)')
  const warmUp = Math.max(10, Math.floor(iterations / 10))
  const total = warmUp + iterations
  // Built before timing: the JSON rewriting is not part of the append path.
  const changes = Array.from({ length: total }, (_, i) => forExchange(sample, `bench-${driver.replace(/\W/g, '')}-${i}`))
  const commit = async (c: Changes) => {
    const r = await handle.storage.commit(c)
    if (E.isLeft(r)) throw new Error(`unexpected conflict on ${r.left.streamId}`)
  }
  const raw = () => handle.client.query('INSERT INTO bench_raw (payload) VALUES ($1::jsonb)', [payload])
  for (let i = 0; i < warmUp; i++) {
    await commit(changes[i] as Changes)
    await raw()
  }
  const block = 50
  let commitMs = 0
  let rawMs = 0
  for (let start = warmUp; start < total; start += block) {
    const end = Math.min(total, start + block)
    let t = performance.now()
    for (let i = start; i < end; i++) await commit(changes[i] as Changes)
    commitMs += performance.now() - t
    t = performance.now()
    for (let i = start; i < end; i++) await raw()
    rawMs += performance.now() - t
  }
  const measured = iterations
  return {
    driver,
    iterations: measured,
    eventBytes: Buffer.byteLength(payload),
    commitsPerSecond: measured / (commitMs / 1000),
    rawInsertsPerSecond: measured / (rawMs / 1000),
    ratio: commitMs / rawMs,
  }
}

/** Whole lifecycles through the application service, one command after another. */
export const measureService = async (driver: string, storage: Storage, lifecycles: number): Promise<ServiceFigures> => {
  const directory = world()
  const app = createApplicationService({ registry, storage, clock: tickingClock(), ids: taggedIds(`svc${Math.random().toString(36).slice(2, 8)}`), directory })
  const actors = lifecycleActors(directory)
  await runLifecycles(app, actors, Math.max(2, Math.floor(lifecycles / 10)))
  let commands = 0
  const t = performance.now()
  await runLifecycles(app, actors, lifecycles, () => {
    commands++
  })
  return { driver, commands, commandsPerSecond: commands / ((performance.now() - t) / 1000) }
}

/** The sizes of one run. */
export interface StorageBenchOptions {
  readonly appends: number
  readonly lifecycles: number
  /** Whether to try the PostgreSQL server (at `IMI_TEST_POSTGRES_URL` or 127.0.0.1:5432). */
  readonly postgres: boolean
  readonly log: (line: string) => void
}

/** All figures of one run. */
export interface StorageBenchFigures {
  readonly append: ReadonlyArray<AppendFigures>
  readonly service: ReadonlyArray<ServiceFigures>
}

const f0 = (n: number) => n.toFixed(0)

/** Runs the storage benchmarks on memory, PGlite and (when reachable) PostgreSQL, and prints them. */
export const runStorageBenchmarks = async (o: StorageBenchOptions): Promise<StorageBenchFigures> => {
  const sample = await creationChanges()
  const append: AppendFigures[] = []
  const service: ServiceFigures[] = [await measureService('memory', createMemoryStorage(), o.lifecycles)]
  const onDriver = async (driver: string, handle: SqlStorageHandle) => {
    append.push(await measureAppend(driver, handle, sample, o.appends))
    service.push(await measureService(driver, handle.storage, o.lifecycles))
  }
  const pglite = await createPgliteStorage({ procedures: registry })
  try {
    await onDriver('PGlite (in memory)', pglite)
  } finally {
    await pglite.close()
  }
  if (o.postgres) {
    const db = await createTestDatabase().catch((error: unknown) => {
      o.log(`PostgreSQL: server unreachable (${error instanceof Error ? error.message : String(error)}); PostgreSQL figures skipped`)
      return undefined
    })
    if (db !== undefined) {
      try {
        const handle = await createPostgresStorage({ connectionString: db.url, procedures: registry })
        try {
          await onDriver('PostgreSQL', handle)
        } finally {
          await handle.close()
        }
      } finally {
        await db.drop()
      }
    }
  }
  const bytes = append[0]?.eventBytes ?? 0
  o.log(`storage append path: commit of one request.created event (${bytes} bytes of JSON) with its summary, timers and vaulted personal data, versus a raw single-row INSERT of the same JSON`)
  for (const a of append)
    o.log(`  ${a.driver.padEnd(20)} commit ${f0(a.commitsPerSecond).padStart(6)} ops/s   raw INSERT ${f0(a.rawInsertsPerSecond).padStart(6)} ops/s   commit ÷ raw time ${a.ratio.toFixed(2)}   (${a.iterations} each)`)
  const memory = service[0]?.commandsPerSecond ?? 1
  o.log('application service over each storage: full lifecycle commands per second, one after another')
  for (const s of service)
    o.log(`  ${s.driver.padEnd(20)} ${f0(s.commandsPerSecond).padStart(6)} commands/s   ${(s.commandsPerSecond / memory).toFixed(3)} × memory   (${s.commands} commands)`)
  return { append, service }
}
