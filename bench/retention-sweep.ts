/**
 * The retention sweep on PostgreSQL costs in proportion to what is due, not to the number of exchanges
 * (issue 7). For each size N of `BENCH_SWEEP_SIZES` (default 100000,1000000; `BENCH_QUICK=1`: 10000,100000):
 * a throwaway database on the server at `IMI_TEST_POSTGRES_URL` (or 127.0.0.1:5432), migrated by the
 * storage, holds the two retention timers of N closed exchanges (`retention.block` and
 * `retention.erase`, as `requestTimers` writes them), of which 1 % of the block timers are due; then the
 * worker's sweep is timed: `storage.timers.claimDue` in batches, and `storage.timers.complete` of each
 * claimed timer, until nothing is due. It prints the cost per due timer at each size, their ratio, the
 * cost of a sweep with nothing due, and the plan of the claim query (its index on `due_at`).
 *
 * Only the timer table is filled: it is the one table the sweep reads. Streams, events and summaries of
 * the exchanges would not change the plan or the rows touched (use `pnpm bench:scale` for those).
 * A benchmark, not a test: it asserts nothing about time.
 */
import { performance } from 'node:perf_hooks'
import { createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import { createPostgresStorage } from '@imi-kit/storage-adapters'
import type { SqlStorageHandle } from '@imi-kit/storage-adapters'
import { createTestDatabase } from '../packages/storage-adapters/src/postgres/postgres-test-database.js'

const registry = createProcedureRegistry([requestForInformation])
/** The sweep's "now"; timers fall due on either side of it. */
const NOW = new Date('2027-06-01T00:00:00.000Z')
const BATCH = 500

/** The options of one run. */
export interface RetentionSweepOptions {
  /** Numbers of exchanges, e.g. [100000, 1000000]. */
  readonly sizes: ReadonlyArray<number>
  /** Percentage of the exchanges whose block timer is due (default 1). */
  readonly duePercent?: number
  readonly log: (line: string) => void
}

/** The figures at one size. */
export interface RetentionSweepFigures {
  readonly exchanges: number
  readonly timers: number
  readonly due: number
  readonly claimed: number
  readonly sweepMs: number
  readonly msPerDueTimer: number
  readonly emptySweepMs: number
  readonly plan: ReadonlyArray<string>
}

/** The statement of `claimDue` in the SQL storage (packages/storage-adapters/src/sql/sql-storage.ts), for EXPLAIN. */
const CLAIM_SQL = `WITH due AS (
     SELECT exchange_id, timer_id FROM imi_timers
     WHERE due_at <= $1::timestamptz AND (claimed_until IS NULL OR claimed_until <= $1::timestamptz)
     ORDER BY due_at, exchange_id, timer_id
     LIMIT $2
     FOR UPDATE SKIP LOCKED)
   UPDATE imi_timers AS t SET claimed_until = $3::timestamptz
   FROM due WHERE t.exchange_id = due.exchange_id AND t.timer_id = due.timer_id
   RETURNING t.exchange_id, t.timer_id, t.due_at, t.command, t.rule_id`

/**
 * Writes the timers of `n` exchanges: every exchange has a block timer and an erase timer; the block timer
 * of one exchange in `every` is due (within the 30 days before NOW), the others fall due within 3 years after.
 */
const seedTimers = async (handle: SqlStorageHandle, n: number, every: number): Promise<void> => {
  const chunk = 100_000
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1)
    await handle.client.query(
      `INSERT INTO imi_timers (exchange_id, timer_id, due_at, command, rule_id)
       SELECT x.id, k.timer_id,
              CASE WHEN k.timer_id = 'retention.block' AND g % $3::int = 0
                   THEN $4::timestamptz - ((g::bigint * 7919) % 2592000) * interval '1 second'
                   ELSE $4::timestamptz + interval '1 day' + ((g::bigint * 104729) % 94608000) * interval '1 second' + k.extra END,
              jsonb_build_object('type', k.command, 'exchangeId', x.id), k.rule_id
       FROM generate_series($1::int, $2::int) AS g
       CROSS JOIN LATERAL (SELECT 'sweep-' || lpad(g::text, 7, '0') AS id) AS x
       CROSS JOIN (VALUES ('retention.block', 'request.block-personal-data', 'RET-BLOCK-SIX-MONTHS', interval '0'),
                          ('retention.erase', 'request.erase-personal-data', 'RET-DELETE-THREE-YEARS', interval '900 days')) AS k(timer_id, command, rule_id, extra)`,
      [from, to, every, NOW.toISOString()],
    )
  }
  await handle.client.query('ANALYZE imi_timers')
}

const explainClaim = async (handle: SqlStorageHandle): Promise<ReadonlyArray<string>> => {
  const lease = new Date(NOW.getTime() + 60_000).toISOString()
  // Literals rather than parameters, so that the plan is the one for these values.
  const sql = CLAIM_SQL.replaceAll('$1::timestamptz', `'${NOW.toISOString()}'::timestamptz`).replace('$2', String(BATCH)).replace('$3::timestamptz', `'${lease}'::timestamptz`)
  const { rows } = await handle.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)
  return rows.map((r) => r['QUERY PLAN'])
}

/** Claims and completes every due timer, as the worker does; returns how many. */
const sweep = async (handle: SqlStorageHandle): Promise<number> => {
  let claimed = 0
  for (;;) {
    const due = await handle.storage.timers.claimDue(NOW, BATCH)
    if (due.length === 0) return claimed
    for (const t of due) await handle.storage.timers.complete(t.exchangeId, t.id)
    claimed += due.length
  }
}

const measureSize = async (exchanges: number, duePercent: number, log: (line: string) => void): Promise<RetentionSweepFigures> => {
  const db = await createTestDatabase()
  try {
    const handle = await createPostgresStorage({ connectionString: db.url, procedures: registry })
    try {
      const every = Math.max(1, Math.round(100 / duePercent))
      let t = performance.now()
      await seedTimers(handle, exchanges, every)
      const { rows } = await handle.client.query<{ n: string; due: string }>('SELECT count(*) AS n, count(*) FILTER (WHERE due_at <= $1::timestamptz) AS due FROM imi_timers', [NOW.toISOString()])
      const timers = Number(rows[0]?.n ?? 0)
      const due = Number(rows[0]?.due ?? 0)
      log(`  ${exchanges} exchanges: ${timers} timers written, ${due} due, in ${((performance.now() - t) / 1000).toFixed(1)} s`)
      const plan = await explainClaim(handle)
      t = performance.now()
      const claimed = await sweep(handle)
      const sweepMs = performance.now() - t
      // Nothing is due any more: the cost of a sweep that finds nothing, the steady state of a worker.
      const empties: number[] = []
      for (let i = 0; i < 20; i++) {
        t = performance.now()
        await sweep(handle)
        empties.push(performance.now() - t)
      }
      empties.sort((a, b) => a - b)
      return { exchanges, timers, due, claimed, sweepMs, msPerDueTimer: sweepMs / Math.max(1, claimed), emptySweepMs: empties[Math.floor(empties.length / 2)] ?? 0, plan }
    } finally {
      await handle.close()
    }
  } finally {
    await db.drop()
  }
}

/** Runs the retention-sweep benchmark at every size and prints it; `undefined` when the server does not answer. */
export const runRetentionSweep = async (o: RetentionSweepOptions): Promise<ReadonlyArray<RetentionSweepFigures> | undefined> => {
  const duePercent = o.duePercent ?? 1
  o.log(`retention sweep on PostgreSQL: claimDue (batches of ${BATCH}) + complete of each due timer, ${duePercent} % of the exchanges due`)
  const figures: RetentionSweepFigures[] = []
  try {
    // A small first run warms the connection pool and the JIT.
    await measureSize(Math.min(2_000, o.sizes[0] ?? 2_000), duePercent, () => undefined)
    for (const n of o.sizes) figures.push(await measureSize(n, duePercent, o.log))
  } catch (error) {
    o.log(`PostgreSQL: ${error instanceof Error ? error.message : String(error)}; retention-sweep figures skipped`)
    return undefined
  }
  for (const f of figures)
    o.log(
      `  ${String(f.exchanges).padStart(8)} exchanges  ${String(f.claimed).padStart(6)} due timers swept in ${f.sweepMs.toFixed(0).padStart(6)} ms   ${(f.msPerDueTimer * 1000).toFixed(0).padStart(5)} µs per due timer   empty sweep ${f.emptySweepMs.toFixed(2)} ms`,
    )
  const [small, large] = [figures[0], figures[figures.length - 1]]
  if (small !== undefined && large !== undefined && small !== large)
    o.log(
      `  ${large.exchanges / small.exchanges} × the exchanges: cost per due timer × ${(large.msPerDueTimer / small.msPerDueTimer).toFixed(2)}, empty sweep × ${(large.emptySweepMs / Math.max(1e-9, small.emptySweepMs)).toFixed(2)} (proportional to what is due: ≈ 1)`,
    )
  const last = figures[figures.length - 1]
  if (last !== undefined) {
    o.log(`  plan of the claim query at ${last.exchanges} exchanges (EXPLAIN):`)
    for (const line of last.plan) o.log(`    ${line}`)
  }
  return figures
}
