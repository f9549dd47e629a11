/**
 * Dates in exports, as text (CSV) and as Excel cells, in the two styles of {@link ExportDates}.
 *
 * @module
 */
import type { Language } from '@imi-kit/core'

/**
 * How dates are written:
 * - `iso` (the default): instants exactly as stored, ISO-8601 in UTC (`2026-03-02T09:00:00.000Z`),
 *   and calendar dates (deadlines) as `YYYY-MM-DD`; in XLSX, date cells shown as
 *   `2026-03-02T09:00:00Z` and `2026-03-02`;
 * - `localized`: the wall-clock time in the export's time zone (the reference time zone,
 *   Europe/Brussels, unless given), written as the export's language writes dates (`02/03/2026 10:00`
 *   in French, `02.03.2026, 10:00` in German, day before month in English); in XLSX, date cells with
 *   the same order and separators.
 *
 * XLSX cells are dates in both styles, so that a spreadsheet sorts and filters them. Excel dates have
 * no time zone: they hold the wall-clock time of the style's zone, UTC for `iso`.
 *
 * @category exports
 */
export type ExportDates = 'iso' | 'localized'

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a calendar date (`YYYY-MM-DD`), as deadlines are; false for an instant. */
export const isCalendarDate = (value: string): boolean => CALENDAR_DATE.test(value)

// The EU's English: day before month, as in the rest of the Union.
const locale = (language: Language): string => (language === 'en' ? 'en-GB' : language)

const dateParts = { year: 'numeric', month: '2-digit', day: '2-digit' } as const
const timeParts = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const

/** Fails early, with a clear message, on a time zone the runtime does not know. */
export const checkTimeZone = (timeZone: string): void => {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new RangeError(`Unknown time zone for the export: ${timeZone}`)
  }
}

const parseInstant = (iso: string): Date => {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an ISO-8601 instant: ${iso}`)
  return d
}

const calendarDate = (value: string): Date => {
  const m = CALENDAR_DATE.exec(value)
  if (m === null) throw new RangeError(`Not a calendar date: ${value}`)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

/**
 * A date as text: an instant (ISO-8601) or a calendar date (`YYYY-MM-DD`), in the given style.
 */
export const formatDate = (value: string, style: ExportDates, language: Language, timeZone: string): string => {
  if (isCalendarDate(value)) return style === 'iso' ? value : new Intl.DateTimeFormat(locale(language), { ...dateParts, timeZone: 'UTC' }).format(calendarDate(value))
  const instant = parseInstant(value)
  return style === 'iso' ? value : new Intl.DateTimeFormat(locale(language), { ...dateParts, ...timeParts, timeZone }).format(instant)
}

/**
 * A date as an Excel cell: a `Date` whose UTC fields are the wall-clock fields to show (Excel dates
 * have no time zone), and the number format to show it with.
 */
export const excelDate = (value: string, style: ExportDates, language: Language, timeZone: string): { readonly value: Date; readonly numFmt: string } => {
  if (isCalendarDate(value)) return { value: calendarDate(value), numFmt: style === 'iso' ? 'yyyy-mm-dd' : excelPattern(language, false) }
  const instant = parseInstant(value)
  if (style === 'iso') return { value: instant, numFmt: 'yyyy-mm-dd"T"hh:mm:ss"Z"' }
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat('en', { ...dateParts, ...timeParts, second: '2-digit', timeZone })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  )
  const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0)
  return { value: new Date(wall), numFmt: excelPattern(language, true) }
}

const EXCEL_TOKENS: Readonly<Partial<Record<Intl.DateTimeFormatPartTypes, string>>> = { year: 'yyyy', month: 'mm', day: 'dd', hour: 'hh', minute: 'mm' }

/**
 * The Excel number format that reads like `Intl` in this language: the order of day, month and year
 * and the separators the language uses, taken from a sample date. Literals are quoted, except the
 * time separator, which Excel needs bare to read `mm` after `hh` as minutes.
 */
export const excelPattern = (language: Language, withTime: boolean): string => {
  const sample = new Date(Date.UTC(2026, 10, 22, 13, 45))
  const parts = new Intl.DateTimeFormat(locale(language), { ...dateParts, ...(withTime ? timeParts : {}), timeZone: 'UTC' }).formatToParts(sample)
  return parts
    .map((p) => {
      const token = EXCEL_TOKENS[p.type]
      if (token !== undefined) return token
      if (p.type !== 'literal') return ''
      return p.value === ':' ? ':' : `"${p.value.replace(/"/g, '')}"`
    })
    .join('')
}
