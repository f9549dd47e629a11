/**
 * XLSX through exceljs's streaming writer: one worksheet, a bold header row frozen above the rows and
 * carrying an auto-filter, set column widths, and dates as date cells. Text is written as text cells,
 * never as formulas, so a value starting with `=` is shown and never evaluated.
 *
 * @module
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import ExcelJS from 'exceljs'

/** The media type of an XLSX export. @category exports */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** One XLSX cell: text, a date with its number format, or nothing. */
export type XlsxCell = string | { readonly date: Date; readonly numFmt: string } | null

/** The sheet: its name, headers and column widths (in characters). */
export interface XlsxLayout {
  readonly sheetName: string
  readonly headers: ReadonlyArray<string>
  readonly widths: ReadonlyArray<number>
}

/** A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export const sheetNameOf = (name: string): string => name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1'

/** Resolves once `out` can take more, or is closed; leaves no listener behind. */
const drainedOrClosed = async (out: Writable): Promise<void> => {
  const done = new AbortController()
  try {
    await Promise.race([once(out, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })])
  } finally {
    done.abort()
  }
}

/**
 * Writes the workbook to `out`, row by row; resolves once the file is complete. Stops early, leaving
 * the file incomplete, when `stopped` becomes true (the reader went away).
 */
export const writeXlsx = async (layout: XlsxLayout, rows: AsyncIterable<ReadonlyArray<XlsxCell>>, out: Writable, stopped: () => boolean = () => false): Promise<void> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true })
  // The file's properties name no person: the export holds no personal data, its metadata neither.
  workbook.creator = 'imi-kit'
  const sheet = workbook.addWorksheet(sheetNameOf(layout.sheetName), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  sheet.columns = layout.widths.map((width) => ({ width }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.headers.length } }
  const header = sheet.addRow([...layout.headers])
  header.font = { bold: true }
  header.commit()
  let written = 0
  for await (const cells of rows) {
    if (stopped()) return
    const row = sheet.addRow(cells.map((c) => (c === null || typeof c === 'string' ? c : c.date)))
    cells.forEach((c, i) => {
      if (c !== null && typeof c !== 'string') row.getCell(i + 1).numFmt = c.numFmt
    })
    row.commit()
    written += 1
    // The zip is written on the event loop: let it run now and then, even when rows come from memory.
    if (written % 100 === 0) await yieldToEventLoop()
    // Rows are read no faster than the file is read: wait while the output holds a full buffer.
    if (out.writableNeedDrain) await drainedOrClosed(out)
    if (stopped()) return
  }
  sheet.commit()
  await workbook.commit()
}
