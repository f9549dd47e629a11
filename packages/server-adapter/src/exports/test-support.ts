/**
 * Readers for the tests of exports: a strict RFC 4180 parser, written apart from the encoder so that
 * a test checks the encoder against the grammar rather than against itself, and an XLSX reader over
 * exceljs. Not part of the package's public surface.
 *
 * @module
 */
import ExcelJS from 'exceljs'

/**
 * Parses CSV text by RFC 4180's grammar: CRLF between records, fields quoted or not, quotes doubled
 * inside quoted fields. Throws on what the grammar refuses (a bare quote, text after a closing
 * quote, a bare CR or LF outside quotes).
 */
export const parseCsv = (text: string): ReadonlyArray<ReadonlyArray<string>> => {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  const n = text.length
  if (n === 0) return records
  for (;;) {
    let field = ''
    if (text[i] === '"') {
      i += 1
      for (;;) {
        if (i >= n) throw new SyntaxError('unterminated quoted field')
        const c = text[i] as string
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i += 1
          break
        }
        field += c
        i += 1
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new SyntaxError(`a quote inside an unquoted field at ${i}`)
        field += text[i] as string
        i += 1
      }
    }
    record.push(field)
    if (i >= n) {
      records.push(record)
      return records
    }
    const c = text[i]
    if (c === ',') {
      i += 1
      continue
    }
    if (c === '\r' && text[i + 1] === '\n') {
      records.push(record)
      record = []
      i += 2
      if (i >= n) return records
      continue
    }
    throw new SyntaxError(`unexpected ${JSON.stringify(c)} at ${i}`)
  }
}

/** Decodes a CSV export: checks and removes the byte-order mark, then parses. */
export const readCsv = (body: Uint8Array): ReadonlyArray<ReadonlyArray<string>> => {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
  if (!text.startsWith('\uFEFF')) throw new Error('the CSV export has no byte-order mark')
  return parseCsv(text.slice(1))
}

/** Loads an XLSX export with exceljs and returns its only worksheet. */
export const readXlsx = async (body: Uint8Array): Promise<{ readonly workbook: ExcelJS.Workbook; readonly sheet: ExcelJS.Worksheet }> => {
  const workbook = new ExcelJS.Workbook()
  // exceljs declares its own `Buffer` type; the Node Buffer it reads at runtime is the real one.
  await workbook.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer as never)
  if (workbook.worksheets.length !== 1) throw new Error(`expected one worksheet, found ${workbook.worksheets.length}`)
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
  return { workbook, sheet }
}

/** The values of a worksheet, row by row, from the first column to the last used one. */
export const sheetValues = (sheet: ExcelJS.Worksheet): ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>> => {
  const out: ExcelJS.CellValue[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const values: ExcelJS.CellValue[] = []
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value)
    out.push(values)
  }
  return out
}

/** Reads a web stream to its end. */
export const readAll = async (stream: ReadableStream<Uint8Array>): Promise<Uint8Array> => {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
