/**
 * Where the rows of an export come from: every page of a viewer's search, and each result loaded
 * through the application service so that the export can ask its procedure's `view`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ApplicationService, ExchangeSummary, Projections, SearchQuery } from '@imi-kit/core'
import type { ExportSource } from './export-search.js'

/** The most rows {@link searchAll} reads unless told otherwise. @category exports */
export const EXPORT_MAX_ROWS = 10_000

/**
 * Every result of a search, page after page, up to `maxRows` ({@link EXPORT_MAX_ROWS} by default):
 * the query's `limit` is the page size, and its `after` the cursor to start from.
 *
 * @example
 * ```ts
 * import { searchAll } from '@imi-kit/server-adapter'
 * // for await (const summary of searchAll(storage.projections, { scope, sort: 'number-asc', limit: 200 })) …
 * ```
 * @category exports
 */
export async function* searchAll(projections: Pick<Projections, 'search'>, query: SearchQuery, maxRows: number = EXPORT_MAX_ROWS): AsyncGenerator<ExchangeSummary> {
  let left = maxRows
  let after = query.after
  while (left > 0) {
    const page = await projections.search({ ...query, limit: Math.min(query.limit, left), ...(after === undefined ? {} : { after }) })
    for (const item of page.items.slice(0, left)) yield item
    left -= page.items.length
    if (page.next === undefined || page.items.length === 0) return
    after = page.next
  }
}

/**
 * Loads the exchange behind each summary, in order, for an export. An exchange gone since the search
 * (a draft deleted meanwhile) is skipped; any other failure (storage unavailable, a corrupt event)
 * throws, so that an export is never silently incomplete.
 *
 * @example
 * ```ts
 * import { exportSearch, loadExchanges } from '@imi-kit/server-adapter'
 * // await exportSearch({ format: 'csv', viewer, language, directory, rows: loadExchanges(app, page.items) })
 * ```
 * @category exports
 */
export async function* loadExchanges(
  app: Pick<ApplicationService, 'load'>,
  summaries: Iterable<ExchangeSummary> | AsyncIterable<ExchangeSummary>,
): AsyncGenerator<ExportSource> {
  for await (const summary of summaries) {
    const loaded = await app.load(summary.exchangeId)
    if (E.isRight(loaded)) yield { procedure: loaded.right.procedure, state: loaded.right.state }
    else if (loaded.left.code !== 'exchange.not-found') throw new Error(`Exchange ${summary.exchangeId} could not be loaded for the export: ${loaded.left.code}`)
  }
}
