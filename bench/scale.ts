/**
 * `pnpm bench:scale`: dashboard and search latencies at scale on PostgreSQL. For each size of
 * `BENCH_SCALE_SIZES` (default 100000,1000000): a throwaway database on the server at
 * `IMI_TEST_POSTGRES_URL` (or 127.0.0.1:5432), seeded by `scripts/seed-exchanges.ts` with
 * `BENCH_SCALE_TEMPLATES` templates (default 480), ANALYZEd, measured `BENCH_SCALE_ITERATIONS`
 * times per query (default 30, after `BENCH_SCALE_WARMUP` warm-up runs, default 3), then dropped.
 */
import { performance } from 'node:perf_hooks'
import { createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import { createPostgresStorage } from '@imi-kit/storage-adapters'
import { createTestDatabase } from '../packages/storage-adapters/src/postgres/postgres-test-database.js'
import type { TestDatabase } from '../packages/storage-adapters/src/postgres/postgres-test-database.js'
import { seedExchanges } from '../scripts/seed-exchanges.js'
import { latencyTable, measureSearchLatency } from './search-latency.js'

const sizes = (process.env.BENCH_SCALE_SIZES ?? '100000,1000000').split(',').map((s) => Number(s.trim()))
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError(`BENCH_SCALE_SIZES: not a list of sizes: ${process.env.BENCH_SCALE_SIZES}`)
const templates = Number(process.env.BENCH_SCALE_TEMPLATES ?? 480)
const iterations = Number(process.env.BENCH_SCALE_ITERATIONS ?? 30)
const warmUp = Number(process.env.BENCH_SCALE_WARMUP ?? 3)
const registry = createProcedureRegistry([requestForInformation])

const results: Array<{ size: number; lines: ReadonlyArray<string> }> = []
for (const size of sizes) {
  let db: TestDatabase
  try {
    db = await createTestDatabase()
  } catch (error) {
    console.log(`PostgreSQL: server unreachable (${error instanceof Error ? error.message : String(error)}); no scale figures`)
    process.exit(1)
  }
  try {
    const handle = await createPostgresStorage({ connectionString: db.url, procedures: registry })
    try {
      const t = performance.now()
      await seedExchanges(handle, size, Math.min(templates, size), (line) => console.log(`  ${line}`))
      console.log(`  seeded ${size} exchanges in ${((performance.now() - t) / 1000).toFixed(0)} s`)
      const figures = await measureSearchLatency(handle.client, {
        iterations,
        warmUp,
        onViewer: (fs) => console.log(`  measured:${latencyTable(fs)[1] ?? ''}`),
      })
      const lines = [`PostgreSQL, ${size} exchanges (${templates} templates, 50 per page, ${iterations} runs each after ${warmUp} warm-up)`, ...latencyTable(figures)]
      for (const l of lines) console.log(l)
      results.push({ size, lines })
    } finally {
      await handle.close()
    }
  } finally {
    await db.drop()
  }
}
console.log('')
console.log('dashboard and search latencies, p50/p95 in ms (deep page: the 6th, by cursor; filtered: 3 statuses + sent in a 20-day range; text: a partial number, "req-c00042")')
for (const r of results) for (const l of r.lines) console.log(l)
