/**
 * Exports of search results as CSV or XLSX, in the viewer's language, holding only what `view` shows
 * that viewer.
 *
 * The export takes the viewer and the loaded exchanges — never views, summaries or cells — and calls
 * each procedure's `view` itself: an exchange the viewer may not see is left out, and every cell is
 * read from the view's summary and displayed status. Summaries hold no personal data by design, so
 * neither does an export, whatever the viewer's access to the content.
 *
 * @module
 */
import { PassThrough, Readable } from 'node:stream'
import * as t from 'io-ts'
import type { AnyProcedure, Directory, Language, Viewer } from '@imi-kit/core'
import { REFERENCE_TIME_ZONE } from '@imi-kit/core'
import type { CellContext, ExportCell } from './cells.js'
import { cellOf } from './cells.js'
import { CSV_BOM, CSV_CONTENT_TYPE, csvRecord } from './csv.js'
import type { ExportDates } from './dates.js'
import { checkTimeZone, excelDate, formatDate } from './dates.js'
import type { ExportColumn, ExportLabels } from './labels.js'
import { EXPORT_COLUMNS, EXPORT_SHEET_NAME, headerLabel, label } from './labels.js'
import type { XlsxCell, XlsxLayout } from './xlsx.js'
import { XLSX_CONTENT_TYPE, writeXlsx } from './xlsx.js'

// ---------------------------------------------------------------------------------------------
// model

/** The file formats of an export. @category exports */
export type ExportFormat = 'csv' | 'xlsx'

/** Codec of {@link ExportFormat}, for request parameters. @category exports */
export const ExportFormatCodec = t.keyof({ csv: null, xlsx: null }, 'ExportFormat')

/** Codec of {@link ExportColumn}, for request parameters. @category exports */
export const ExportColumnCodec = t.keyof(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, null])) as Record<ExportColumn, null>, 'ExportColumn')

/** Codec of {@link ExportDates}, for request parameters. @category exports */
export const ExportDatesCodec = t.keyof({ iso: null, localized: null }, 'ExportDates')

/**
 * One exchange to export, as the application service's `load` returns it: its procedure and folded
 * state. The export asks the procedure what the viewer sees of it.
 *
 * @category exports
 */
export interface ExportSource {
  readonly procedure: AnyProcedure
  readonly state: unknown
}

/**
 * The options of {@link exportSearch} and {@link exportSearchStream}.
 *
 * @category exports
 */
export interface ExportSearchOptions {
  readonly format: ExportFormat
  /** Who exports: each row is what `view` shows this viewer; exchanges it may not see are left out. */
  readonly viewer: Viewer
  /**
   * The viewer's search results, in the order to export, each loaded (see `loadExchanges`). An async
   * iterable lets a long export page through the search while it streams.
   */
  readonly rows: Iterable<ExportSource> | AsyncIterable<ExportSource>
  /** The language of headers and labels; English where a label has no translation. */
  readonly language: Language
  /** Where authority and legislative-area names are read. */
  readonly directory: Pick<Directory, 'authority' | 'legislativeArea'>
  /** The columns, in order; {@link EXPORT_COLUMNS} by default. */
  readonly columns?: ReadonlyArray<ExportColumn>
  /** `iso` (default) or `localized`; see {@link ExportDates}. */
  readonly dates?: ExportDates
  /** The time zone of `localized` dates; the reference time zone (Europe/Brussels) by default. */
  readonly timeZone?: string
  /** Labels for procedures the core does not ship, or replacing its own. */
  readonly labels?: ExportLabels
  /** The file name without its extension; `search-export` by default. Quotes, slashes and control characters become `_`. */
  readonly fileName?: string
}

/**
 * A complete export file.
 *
 * @category exports
 */
export interface ExportFile {
  readonly body: Uint8Array
  readonly contentType: string
  /** The file name with its extension, for a `Content-Disposition` header. */
  readonly fileName: string
  /** The number of exchanges exported. */
  readonly rows: number
  /** The number of exchanges left out because `view` shows the viewer nothing of them. */
  readonly hidden: number
}

/**
 * An export streamed as it is written.
 *
 * @category exports
 */
export interface ExportStream {
  readonly body: ReadableStream<Uint8Array>
  readonly contentType: string
  /** The file name with its extension, for a `Content-Disposition` header. */
  readonly fileName: string
}

// ---------------------------------------------------------------------------------------------
// rows

interface Prepared {
  readonly columns: ReadonlyArray<ExportColumn>
  readonly headers: ReadonlyArray<string>
  readonly dates: ExportDates
  readonly timeZone: string
  readonly context: CellContext
  readonly fileName: string
  readonly counts: { rows: number; hidden: number }
}

// A name that cannot break out of a Content-Disposition header or name a path: no control
// character, quote or slash.
const safeFileName = (name: string): string =>
  [...name].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '"' || c === '/' || c === '\\' ? '_' : c)).join('').trim() || 'search-export'

const prepare = (o: ExportSearchOptions): Prepared => {
  const columns = o.columns ?? EXPORT_COLUMNS
  if (columns.length === 0) throw new RangeError('An export needs at least one column')
  const timeZone = o.timeZone ?? REFERENCE_TIME_ZONE
  checkTimeZone(timeZone)
  return {
    columns,
    headers: columns.map((c) => headerLabel(c, o.language)),
    dates: o.dates ?? 'iso',
    timeZone,
    context: { language: o.language, directory: o.directory, ...(o.labels === undefined ? {} : { labels: o.labels }) },
    fileName: `${safeFileName(o.fileName ?? 'search-export')}.${o.format}`,
    counts: { rows: 0, hidden: 0 },
  }
}

/** The cells of each exchange the viewer may see, in order; the others are counted and left out. */
async function* viewRows(o: ExportSearchOptions, p: Prepared): AsyncGenerator<ReadonlyArray<ExportCell>> {
  for await (const source of o.rows) {
    const view = source.procedure.view(source.state, o.viewer)
    if (view === undefined) {
      p.counts.hidden += 1
      continue
    }
    p.counts.rows += 1
    yield p.columns.map((c) => cellOf(c, view, p.context))
  }
}

const csvText = (cell: ExportCell, p: Prepared): string =>
  cell.kind === 'text' ? cell.text : cell.kind === 'date' ? formatDate(cell.value, p.dates, p.context.language, p.timeZone) : ''

const xlsxCell = (cell: ExportCell, p: Prepared): XlsxCell => {
  if (cell.kind === 'empty') return null
  if (cell.kind === 'text') return cell.text
  const d = excelDate(cell.value, p.dates, p.context.language, p.timeZone)
  return { date: d.value, numFmt: d.numFmt }
}

async function* mapRows<A, B>(rows: AsyncIterable<A>, f: (a: A) => B): AsyncGenerator<B> {
  for await (const r of rows) yield f(r)
}

const layoutOf = (p: Prepared, widths: ReadonlyArray<number>): XlsxLayout => ({ sheetName: label(EXPORT_SHEET_NAME, p.context.language), headers: p.headers, widths })

// Widths for a streamed sheet, whose rows are not known when its columns are written.
const TYPICAL_WIDTH: Readonly<Record<ExportColumn, number>> = {
  number: 16,
  procedure: 28,
  status: 36,
  legislativeArea: 28,
  initiatingAuthority: 40,
  authorities: 60,
  memberStates: 14,
  createdAt: 20,
  updatedAt: 20,
  sentAt: 20,
  closedAt: 20,
  deadline: 12,
  serviceActivity: 36,
  establishment: 14,
}
const MIN_WIDTH = 8
const MAX_WIDTH = 80
const clampWidth = (n: number): number => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(n)))
// Room for the auto-filter button beside the widest text of a column.
const FILTER_BUTTON = 3

// ---------------------------------------------------------------------------------------------
// exports

const encoder = new TextEncoder()

/**
 * Exports search results as one file, in memory.
 *
 * - CSV: RFC 4180, UTF-8 with a byte-order mark, one header row; any cell a spreadsheet would read as
 *   a formula is neutralised with a leading apostrophe (see `neutraliseFormula`).
 * - XLSX: one worksheet with a bold, frozen header row, an auto-filter, and column widths fitted to
 *   the content; dates are date cells.
 *
 * Rows are what `view` shows `viewer`: the status as that viewer sees it, and only the summary's
 * fields, which hold no personal data.
 *
 * @example
 * ```ts
 * import { exportSearch, loadExchanges } from '@imi-kit/server-adapter'
 * // const page = await storage.projections.search({ scope: listingScope(viewer), sort: 'updated-desc', limit: 200 })
 * // const file = await exportSearch({ format: 'xlsx', viewer, language: viewer.user.language, directory, rows: loadExchanges(app, page.items) })
 * // new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } })
 * ```
 * @category exports
 */
export const exportSearch = async (options: ExportSearchOptions): Promise<ExportFile> => {
  const p = prepare(options)
  const cells: Array<ReadonlyArray<ExportCell>> = []
  for await (const row of viewRows(options, p)) cells.push(row)
  const done = (body: Uint8Array, contentType: string): ExportFile => ({ body, contentType, fileName: p.fileName, rows: p.counts.rows, hidden: p.counts.hidden })
  if (options.format === 'csv') {
    const text = CSV_BOM + csvRecord(p.headers) + cells.map((row) => csvRecord(row.map((c) => csvText(c, p)))).join('')
    return done(encoder.encode(text), CSV_CONTENT_TYPE)
  }
  // A date cell is as wide as its text in the same style.
  const widths = p.columns.map((_, column) =>
    clampWidth(cells.reduce((widest, row) => Math.max(widest, csvText(row[column] ?? { kind: 'empty' }, p).length), p.headers[column]?.length ?? 0) + FILTER_BUTTON),
  )
  const chunks: Buffer[] = []
  const sink = new PassThrough()
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  async function* all(): AsyncGenerator<ReadonlyArray<XlsxCell>> {
    for (const row of cells) yield row.map((c) => xlsxCell(c, p))
  }
  await writeXlsx(layoutOf(p, widths), all(), sink)
  return done(Buffer.concat(chunks), XLSX_CONTENT_TYPE)
}

/**
 * Exports search results as a web `ReadableStream`, written as it is read: the rows are read from
 * `options.rows` one at a time, so an export of many exchanges never sits whole in memory. The same
 * file as {@link exportSearch}, except that XLSX column widths are set from the headers and typical
 * contents, since the rows are not known when the columns are written. An error while reading the
 * rows errors the stream; cancelling the stream stops reading them.
 *
 * @example
 * ```ts
 * import { exportSearchStream } from '@imi-kit/server-adapter'
 * // const out = exportSearchStream({ format: 'csv', viewer, language: 'fr', directory, rows })
 * // new Response(out.body, { headers: { 'content-type': out.contentType } })
 * ```
 * @category exports
 */
export const exportSearchStream = (options: ExportSearchOptions): ExportStream => {
  const p = prepare(options)
  const rows = viewRows(options, p)
  if (options.format === 'csv') {
    let headerSent = false
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true
          controller.enqueue(encoder.encode(CSV_BOM + csvRecord(p.headers)))
          return
        }
        const next = await rows.next()
        if (next.done === true) controller.close()
        else controller.enqueue(encoder.encode(csvRecord(next.value.map((c) => csvText(c, p)))))
      },
      async cancel() {
        await rows.return(undefined)
      },
    })
    return { body, contentType: CSV_CONTENT_TYPE, fileName: p.fileName }
  }
  const widths = p.columns.map((c, i) => clampWidth(Math.max(TYPICAL_WIDTH[c], (p.headers[i]?.length ?? 0) + FILTER_BUTTON)))
  const pass = new PassThrough()
  writeXlsx(layoutOf(p, widths), mapRows(rows, (row) => row.map((c) => xlsxCell(c, p))), pass, () => pass.destroyed).catch((error: unknown) => {
    pass.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return { body: Readable.toWeb(pass) as ReadableStream<Uint8Array>, contentType: XLSX_CONTENT_TYPE, fileName: p.fileName }
}
