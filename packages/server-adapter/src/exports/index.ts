/**
 * Exports of search results as CSV and XLSX, holding only what `view` shows the viewer.
 *
 * @module
 */
export type { ExportColumn, ExportLabels } from './labels.js'
export { EXPORT_COLUMNS, EXPORT_HEADERS, EXPORT_SHEET_NAME, PROCEDURE_LABELS, STATUS_LABELS, UNKNOWN_LABEL } from './labels.js'
export type { ExportDates } from './dates.js'
export { CSV_BOM, CSV_CONTENT_TYPE, neutraliseFormula } from './csv.js'
export { XLSX_CONTENT_TYPE } from './xlsx.js'
export type { ExportFormat, ExportSource, ExportSearchOptions, ExportFile, ExportStream } from './export-search.js'
export { ExportColumnCodec, ExportDatesCodec, ExportFormatCodec, exportSearch, exportSearchStream } from './export-search.js'
export { EXPORT_MAX_ROWS, loadExchanges, searchAll } from './sources.js'
