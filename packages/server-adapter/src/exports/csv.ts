/**
 * CSV as RFC 4180 describes it — comma-separated fields, CRLF line ends, fields holding a comma, a
 * quote or a line break enclosed in double quotes, quotes doubled — in UTF-8 with a byte-order mark,
 * which Excel needs to read UTF-8.
 *
 * @module
 */

/** The byte-order mark that opens a CSV export. @category exports */
export const CSV_BOM = '\uFEFF'

/** The media type of a CSV export (RFC 4180 §3, with its `header` parameter). @category exports */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present'

// The characters a spreadsheet takes as the start of a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Neutralises a cell that a spreadsheet would read as a formula: a value starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading apostrophe, so that it is shown as text and
 * never evaluated. Every other value is returned as it is.
 *
 * @example
 * ```ts
 * import { neutraliseFormula } from '@imi-kit/server-adapter'
 * neutraliseFormula('=HYPERLINK("http://example.com")') // '\'=HYPERLINK("http://example.com")'
 * neutraliseFormula('Plumbing') // 'Plumbing'
 * ```
 * @category exports
 */
export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value)

/** One field: neutralised, then quoted when it holds a comma, a quote or a line break. */
export const csvField = (value: string): string => {
  const safe = neutraliseFormula(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One record, with its CRLF line end. */
export const csvRecord = (fields: ReadonlyArray<string>): string => `${fields.map(csvField).join(',')}\r\n`
