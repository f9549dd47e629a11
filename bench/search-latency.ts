/**
 * Dashboard and search latencies over a seeded database, per viewer and query kind, with the number
 * of SQL statements each page issues (counted by wrapping the `SqlClient`; the storage promises one).
 *
 * The kinds, each run `iterations` times after a warm-up, for every viewer:
 * - `dashboard`: `projections.dashboard(scope, now)`;
 * - `first page`: search, 50 per page, `updated-desc`;
 * - `deep page`: the sixth page of that search, reached by following the cursor 5 times beforehand;
 * - `filtered`: statuses and a sent-date range;
 * - `text`: a case-insensitive substring of the search text (a partial exchange number, 'req-c00042': rare matches).
 */
import { performance } from 'node:perf_hooks'
import { createProcedureRegistry, listingScope, requestForInformation, userViewer } from '@imi-kit/core'
import type { ListingScope, SearchQuery, UserId } from '@imi-kit/core'
import { REQUEST_START, U, world } from '@imi-kit/core/testing'
import { createSqlStorage } from '@imi-kit/storage-adapters'
import type { SqlClient } from '@imi-kit/storage-adapters'

const registry = createProcedureRegistry([requestForInformation])
const DAY = 86_400_000

/** The viewers measured: who they are, and their user in the fixture directory. */
export const LATENCY_VIEWERS: ReadonlyArray<{ readonly label: string; readonly user: UserId }> = [
  { label: 'handler, busy CA', user: U.frHandler },
  { label: 'allocator only', user: U.frAllocator },
  { label: 'LDA', user: U.frLda },
  { label: 'coordinator referee', user: U.deNimicReferee },
  { label: 'same-state handler', user: U.de2Handler },
]

/** The query kinds, in the order printed. */
export const QUERY_KINDS = ['dashboard', 'first page', 'deep page', 'filtered', 'text'] as const
export type QueryKind = (typeof QUERY_KINDS)[number]

/** The figures of one query kind for one viewer. */
export interface LatencyFigures {
  readonly viewer: string
  readonly kind: QueryKind
  readonly p50: number
  readonly p95: number
  /** Statements per call: the fewest and the most seen. */
  readonly statementsMin: number
  readonly statementsMax: number
  /** Items of the page (or, for the dashboard, exchanges updated recently), to show the viewer sees data. */
  readonly rows: number
}

/** A `SqlClient` that counts the statements sent through it, transactions included. */
export const countingClient = (inner: SqlClient): { readonly client: SqlClient; readonly count: () => number } => {
  let n = 0
  const wrap = (c: SqlClient): SqlClient => ({
    query: (text, params) => {
      n++
      return c.query(text, params)
    },
    transaction: (fn) => c.transaction((tx) => fn(wrap(tx))),
  })
  return { client: wrap(inner), count: () => n }
}

/** The value below which `p` of the sorted samples fall (nearest rank). */
export const percentile = (sorted: ReadonlyArray<number>, p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN

export interface LatencyOptions {
  readonly iterations: number
  readonly warmUp: number
  /** The dashboard's "now"; by default a day after the fixtures' date, the seeded exchanges being in the 60 days before it. */
  readonly now?: Date
  /** Called after each viewer, with its figures. */
  readonly onViewer?: (figures: ReadonlyArray<LatencyFigures>) => void
}

/** Measures every kind for every viewer over the database behind `client`. */
export const measureSearchLatency = async (inner: SqlClient, o: LatencyOptions): Promise<ReadonlyArray<LatencyFigures>> => {
  const counter = countingClient(inner)
  const { projections } = createSqlStorage(counter.client, { procedures: registry })
  const directory = world()
  const now = o.now ?? new Date(REQUEST_START.getTime() + DAY)
  const out: LatencyFigures[] = []
  for (const v of LATENCY_VIEWERS) {
    const viewer = userViewer(directory, v.user)
    const scope: ListingScope | undefined = viewer === undefined ? undefined : listingScope(viewer)
    if (scope === undefined) throw new Error(`${v.user} lists no exchange`)
    const first: SearchQuery = { scope, sort: 'updated-desc', limit: 50 }
    let deep: SearchQuery = first
    for (let page = 0; page < 5; page++) {
      const r = await projections.search(deep)
      if (r.next === undefined) break
      deep = { ...first, after: r.next }
    }
    const filtered: SearchQuery = {
      ...first,
      statuses: ['awaiting-acceptance', 'accepted', 'replied'],
      sentFrom: new Date(now.getTime() - 30 * DAY).toISOString(),
      sentTo: new Date(now.getTime() - 10 * DAY).toISOString(),
    }
    const text: SearchQuery = { ...first, text: 'req-c00042' }
    const runs: Record<QueryKind, () => Promise<number>> = {
      dashboard: async () => (await projections.dashboard(scope, now)).updatedRecently,
      'first page': async () => (await projections.search(first)).items.length,
      'deep page': async () => (await projections.search(deep)).items.length,
      filtered: async () => (await projections.search(filtered)).items.length,
      text: async () => (await projections.search(text)).items.length,
    }
    for (const kind of QUERY_KINDS) {
      const run = runs[kind]
      for (let i = 0; i < o.warmUp; i++) await run()
      const times: number[] = []
      let statementsMin = Number.POSITIVE_INFINITY
      let statementsMax = 0
      let rows = 0
      for (let i = 0; i < o.iterations; i++) {
        const before = counter.count()
        const t = performance.now()
        rows = await run()
        times.push(performance.now() - t)
        const statements = counter.count() - before
        statementsMin = Math.min(statementsMin, statements)
        statementsMax = Math.max(statementsMax, statements)
      }
      times.sort((a, b) => a - b)
      out.push({ viewer: v.label, kind, p50: percentile(times, 0.5), p95: percentile(times, 0.95), statementsMin, statementsMax, rows })
    }
    o.onViewer?.(out.filter((f) => f.viewer === v.label))
  }
  return out
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0))

/** A compact table: one row per viewer, p50/p95 in ms per kind, then statements per page. */
export const latencyTable = (figures: ReadonlyArray<LatencyFigures>): ReadonlyArray<string> => {
  const viewers = [...new Set(figures.map((f) => f.viewer))]
  const cell = (f: LatencyFigures | undefined) => (f === undefined ? '-' : `${ms(f.p50)}/${ms(f.p95)}`).padStart(13)
  const statements = (fs: ReadonlyArray<LatencyFigures>) => {
    const lo = Math.min(...fs.map((f) => f.statementsMin))
    const hi = Math.max(...fs.map((f) => f.statementsMax))
    return lo === hi ? String(lo) : `${lo}-${hi}`
  }
  const lines = [`  ${'viewer (p50/p95 ms)'.padEnd(21)}${QUERY_KINDS.map((k) => k.padStart(13)).join('')}  stmts/page  rows (dash upd15d, pages)`]
  for (const v of viewers) {
    const fs = figures.filter((f) => f.viewer === v)
    const at = (k: QueryKind) => fs.find((f) => f.kind === k)
    lines.push(`  ${v.padEnd(21)}${QUERY_KINDS.map((k) => cell(at(k))).join('')}  ${statements(fs).padStart(10)}  ${QUERY_KINDS.map((k) => at(k)?.rows ?? '-').join(' ')}`)
  }
  return lines
}
