import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM } from '@imi-kit/core'
import type { ExchangeId } from '@imi-kit/core'
import type { SqlStorage } from '../sql/sql-storage.js'
import { createPostgresStorage } from './postgres-storage.js'
import type { TestDatabase } from './postgres-test-database.js'
import { createTestDatabase } from './postgres-test-database.js'

const WRITERS = 32
const DURATION_MS = 3_000
const STREAM = 'exchange-under-contention' as ExchangeId

let db: TestDatabase | undefined
let pool: pg.Pool | undefined

beforeAll(async () => {
  db = await createTestDatabase()
  // One connection per writer, so that all 32 transactions really run at once.
  pool = new pg.Pool({ connectionString: db.url, max: WRITERS })
})

afterAll(async () => {
  await pool?.end()
  await db?.drop()
})

interface WriterResult {
  readonly commits: ReadonlyArray<string>
  readonly conflicts: number
}

const writer = async (storage: SqlStorage, w: number, until: number): Promise<WriterResult> => {
  const commits: string[] = []
  let conflicts = 0
  let expected = 0
  for (let attempt = 0; Date.now() < until; attempt++) {
    const tag = `${w}/${attempt}`
    const r = await storage.commit({
      at: new Date().toISOString(),
      appends: [
        {
          streamId: STREAM,
          procedure: 'test.procedure',
          expectedVersion: expected,
          events: [{ type: 'test.written', exchangeId: STREAM, procedure: 'test.procedure', procedureVersion: 1, at: new Date().toISOString(), actor: SYSTEM, to: 'open', payload: { tag } }],
          personal: [[]],
        },
      ],
      erase: [],
      erasePersonalData: [],
      timers: [],
      notifications: [],
      summaries: [],
    })
    if (E.isRight(r)) {
      commits.push(tag)
      expected += 1
    } else {
      conflicts += 1
      expect(r.left).toMatchObject({ _tag: 'ConcurrencyConflict', streamId: STREAM, expectedVersion: expected })
      expect(r.left.actualVersion).not.toBe(expected)
      expected = r.left.actualVersion
    }
  }
  return { commits, conflicts }
}

describe('optimistic concurrency on a PostgreSQL server', () => {
  it(`${WRITERS} concurrent writers on one exchange: every append commits with a unique version or gets a conflict`, async () => {
    if (pool === undefined) throw new Error('no pool')
    const { storage } = await createPostgresStorage({ pool })
    const until = Date.now() + DURATION_MS
    const results = await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(storage, w, until)))

    const committed = results.flatMap((r) => r.commits)
    const conflicts = results.reduce((n, r) => n + r.conflicts, 0)
    const { rows } = await pool.query<{ version: number; tag: string }>("SELECT version, payload->'payload'->>'tag' AS tag FROM imi_events WHERE stream_id = $1 ORDER BY version", [STREAM])
    const stream = await pool.query<{ version: number }>('SELECT version FROM imi_streams WHERE stream_id = $1', [STREAM])

    const n = rows.length
    const stored = new Map<string, number>()
    for (const r of rows) stored.set(r.tag, (stored.get(r.tag) ?? 0) + 1)
    const lost = committed.filter((tag) => !stored.has(tag)).length
    const duplicated = [...stored.values()].filter((count) => count > 1).length + (n - new Set(rows.map((r) => r.version)).size)
    console.log(`concurrency: ${WRITERS} writers, ${committed.length} commits, ${conflicts} conflicts, ${lost} lost, ${duplicated} duplicated`)

    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
    expect(committed.length).toBe(n)
    expect(stream.rows[0]?.version).toBe(n)
    expect(lost).toBe(0)
    expect(duplicated).toBe(0)
    expect(stored.size).toBe(n)
    expect(n).toBeGreaterThan(0)
    expect(conflicts).toBeGreaterThan(0)
    expect(results.every((r) => r.commits.length + r.conflicts > 0)).toBe(true)
  }, 60_000)
})
