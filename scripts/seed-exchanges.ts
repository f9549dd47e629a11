/**
 * Fills a database with N synthetic request exchanges, for latency measurements at 100 k and 1 M:
 *
 *   npx tsx scripts/seed-exchanges.ts postgres://postgres@127.0.0.1:5432/imi_seed [N]
 *   npx tsx scripts/seed-exchanges.ts ./.pglite-seed [N] [templates, default 96]
 *
 * A few dozen template exchanges go through the real application service and storage, stopped at
 * every stage of the lifecycle, created on dates spread over the 60 days before the fixtures' date,
 * between eight pairs of competent authorities of France, Germany and Italy (see `PAIRS`).
 * The rest are copies of those templates, made in the database by batched `INSERT … SELECT`
 * with the exchange id and number replaced. Every table keyed by exchange is copied column by
 * column as the storage wrote it, so the copies stay consistent with what the application writes
 * even when the schema gains columns or projection tables. The outbox is not copied.
 *
 * `seedExchanges` does the same on an open storage handle, for `bench/scale.ts`.
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createApplicationService, createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import type { Actor, AuthorityId, Directory, ExchangeId, IdSource, UserId } from '@imi-kit/core'
import { A, REQUEST_START, U, world } from '@imi-kit/core/testing'
import { createPgliteStorage, createPostgresStorage } from '@imi-kit/storage-adapters'
import type { SqlClient, SqlStorageHandle } from '@imi-kit/storage-adapters'
import type { LifecycleSide, LifecycleStep } from '../packages/storage-adapters/src/testing/request-lifecycle.js'
import { LIFECYCLE, runStep, tickingClock } from '../packages/storage-adapters/src/testing/request-lifecycle.js'

const BATCH = 5_000
const DAY = 86_400_000

// Fixed-width tokens, so that no id or number is a prefix of another and a plain replace() is exact.
const templateId = (k: number) => `seed-t${String(k).padStart(4, '0')}`
const templateNumber = (k: number) => `REQ-T${String(k).padStart(4, '0')}`
const CLONE_ID = `'seed-c' || lpad(g::text, 7, '0')`
const CLONE_NUMBER = `'REQ-C' || lpad(g::text, 7, '0')`

const templateIds = (k: number): IdSource => {
  let items = 0
  return { exchangeId: () => templateId(k) as ExchangeId, exchangeNumber: () => templateNumber(k), itemId: () => `seed-t${k}-i${++items}` }
}

const registry = createProcedureRegistry([requestForInformation])

/**
 * The requesting handler, the addressee and its handler of each template, in turn: exchanges between
 * the competent authorities of three member states, the first French one the busiest. All are real
 * directory entries, so that the copies are exchanges the application can load and continue.
 */
const PAIRS: ReadonlyArray<{ readonly requesting: UserId; readonly addressee: AuthorityId; readonly responding: UserId }> = [
  { requesting: U.frHandler, addressee: A.deCa, responding: U.deHandler },
  { requesting: U.frHandler, addressee: A.deCa2, responding: U.de2Handler },
  { requesting: U.deHandler, addressee: A.frCa, responding: U.frHandler },
  { requesting: U.frHandler, addressee: A.itCa, responding: U.itHandler },
  { requesting: U.fr2Handler, addressee: A.deCa, responding: U.deHandler },
  { requesting: U.itHandler, addressee: A.frCa2, responding: U.fr2Handler },
  { requesting: U.de2Handler, addressee: A.itCa, responding: U.itHandler },
  { requesting: U.itHandler, addressee: A.deCa, responding: U.deHandler },
]

/** The acting users of template `k` (and of every copy of it). */
export const templateActors = (directory: Directory, k: number): Readonly<Record<LifecycleSide, Actor>> => {
  const pair = PAIRS[k % PAIRS.length] ?? PAIRS[0]
  if (pair === undefined) throw new Error('no pairs')
  const as = (id: UserId): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
  return { requesting: as(pair.requesting), responding: as(pair.responding) }
}

const templateStep = (step: LifecycleStep, k: number): LifecycleStep =>
  step === LIFECYCLE[0] ? { ...step, command: (id, n) => ({ ...step.command(id, n), addressee: (PAIRS[k % PAIRS.length] ?? PAIRS[0])?.addressee }) } : step

const writeTemplates = async (handle: SqlStorageHandle, templates: number): Promise<number> => {
  const directory = world()
  let commands = 0
  for (let k = 0; k < templates; k++) {
    const created = new Date(REQUEST_START.getTime() - ((k * 61) % 60) * DAY - (k % 24) * 3_600_000 - ((k * 7) % 60) * 60_000)
    const app = createApplicationService({ registry, storage: handle.storage, clock: tickingClock(created), ids: templateIds(k), directory })
    const actors = templateActors(directory, k)
    let id: ExchangeId | undefined
    // Template k stops after step k mod 6, so every stage from draft to closed is as frequent.
    for (const step of LIFECYCLE.slice(0, (k % LIFECYCLE.length) + 1)) {
      id = await runStep(app, actors, templateStep(step, k), id, k)
      commands++
    }
  }
  return commands
}

interface Column {
  readonly table_name: string
  readonly column_name: string
  readonly data_type: string
  readonly column_default: string | null
}

/** One `INSERT … SELECT` per table keyed by exchange, copying templates into the clones numbered $1 to $2. */
const copyStatements = async (client: SqlClient): Promise<ReadonlyArray<{ readonly table: string; readonly sql: string }>> => {
  const { rows } = await client.query<Column>(
    `SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name LIKE 'imi\\_%' AND table_name <> 'imi_seed_templates'
     ORDER BY table_name, ordinal_position`,
  )
  const tables = new Map<string, Column[]>()
  for (const c of rows) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c])
  const out: Array<{ table: string; sql: string }> = []
  for (const [table, columns] of tables) {
    const key = columns.find((c) => c.column_name === 'stream_id' || c.column_name === 'exchange_id')
    if (key === undefined) continue
    // Serial columns (positions, ids) take fresh values.
    const copied = columns.filter((c) => !(c.column_default ?? '').startsWith('nextval('))
    // Projections may hold the id and number lower-cased too (search text).
    const swap = (expr: string) =>
      `replace(replace(replace(replace(${expr}, m.tmpl_id, ${CLONE_ID}), m.tmpl_number, ${CLONE_NUMBER}), lower(m.tmpl_id), lower(${CLONE_ID})), lower(m.tmpl_number), lower(${CLONE_NUMBER}))`
    const value = (c: Column): string => {
      const col = `src.${c.column_name}`
      if (c === key) return CLONE_ID
      if (c.data_type === 'text') return swap(col)
      if (c.data_type === 'jsonb') return `${swap(`${col}::text`)}::jsonb`
      return col
    }
    const order = columns.some((c) => c.column_name === 'version') ? 'g, src.version' : 'g'
    out.push({
      table,
      sql: `INSERT INTO ${table} (${copied.map((c) => c.column_name).join(', ')})
        SELECT ${copied.map(value).join(', ')}
        FROM generate_series($1::int, $2::int) AS g
        JOIN imi_seed_templates m ON m.k = g % $3::int
        JOIN ${table} src ON src.${key.column_name} = m.tmpl_id
        ORDER BY ${order}`,
    })
  }
  return out
}

/**
 * Seeds `total` exchanges into an empty, migrated database: `templates` through the application
 * service, the rest copied from them in the database; then ANALYZE.
 */
export const seedExchanges = async (handle: SqlStorageHandle, total: number, templateCount = 96, log: (line: string) => void = console.log): Promise<void> => {
  if (!Number.isInteger(total) || total < 1 || total > 9_999_999) throw new RangeError(`not a number of exchanges between 1 and 9,999,999: ${total}`)
  if (!Number.isInteger(templateCount) || templateCount < 1 || templateCount > 9_999) throw new RangeError(`not a number of templates between 1 and 9,999: ${templateCount}`)
  const { client } = handle
  const existing = await client.query<{ n: string }>("SELECT count(*) AS n FROM imi_streams WHERE stream_id LIKE 'seed-%'")
  if (Number(existing.rows[0]?.n ?? 0) > 0) throw new Error('the database already holds seeded exchanges; seed an empty database')
  const templates = Math.min(templateCount, total)
  const clones = total - templates
  let t = performance.now()
  const commands = await writeTemplates(handle, templates)
  log(`seed: ${templates} template exchanges through the application service (${commands} commands) in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  await client.query('CREATE TABLE imi_seed_templates (k integer PRIMARY KEY, tmpl_id text NOT NULL, tmpl_number text NOT NULL)')
  await client.query(
    'INSERT INTO imi_seed_templates SELECT k, $1 || lpad(k::text, 4, $3), $2 || lpad(k::text, 4, $3) FROM generate_series(0, $4::int - 1) AS k',
    ['seed-t', 'REQ-T', '0', templates],
  )
  const statements = await copyStatements(client)
  const rows = new Map<string, number>(statements.map((s) => [s.table, 0]))
  t = performance.now()
  for (let from = 1; from <= clones; from += BATCH) {
    const to = Math.min(clones, from + BATCH - 1)
    await client.transaction(async (tx) => {
      for (const s of statements) {
        const r = await tx.query<{ n: string }>(`WITH copied AS (${s.sql} RETURNING 1) SELECT count(*) AS n FROM copied`, [from, to, templates])
        rows.set(s.table, (rows.get(s.table) ?? 0) + Number(r.rows[0]?.n ?? 0))
      }
    })
    if (to === clones || ((to / BATCH) | 0) % 10 === 0) log(`seed: ${to} / ${clones} copies`)
  }
  const seconds = (performance.now() - t) / 1000
  await client.query('DROP TABLE imi_seed_templates')
  const written = [...rows.values()].reduce((a, b) => a + b, 0)
  log(`seed: ${clones} copies in ${seconds.toFixed(1)} s: ${written} rows (${[...rows].map(([k, v]) => `${k} ${v}`).join(', ')})`)
  log(`seed: ${(written / seconds).toFixed(0)} rows/s, ${(clones / seconds).toFixed(0)} exchanges/s`)
  t = performance.now()
  await client.query('ANALYZE')
  log(`seed: ${total} exchanges; ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s`)
}

const main = async (): Promise<void> => {
  const [target, count = '100000', templateCount = '96'] = process.argv.slice(2)
  if (target === undefined) {
    console.error('usage: tsx scripts/seed-exchanges.ts <postgres url | PGlite data dir> [exchanges] [templates]')
    process.exit(2)
  }
  const handle = await (/^postgres(ql)?:\/\//.test(target)
    ? createPostgresStorage({ connectionString: target, procedures: registry })
    : createPgliteStorage({ dataDir: target, procedures: registry }))
  try {
    await seedExchanges(handle, Number(count), Number(templateCount))
    console.log(`seed: into ${target}`)
  } finally {
    await handle.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
