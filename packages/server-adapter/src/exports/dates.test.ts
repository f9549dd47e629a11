/**
 * Dates in exports: ISO-8601 as stored, or localized in a time zone, as text and as Excel cells.
 */
import { describe, expect, it } from 'vitest'
import { checkTimeZone, excelDate, excelPattern, formatDate } from './dates.js'

const BRUSSELS = 'Europe/Brussels'

describe('export dates', () => {
  it('iso: instants exactly as stored, calendar dates as YYYY-MM-DD', () => {
    expect(formatDate('2026-03-02T09:00:00.000Z', 'iso', 'fr', BRUSSELS)).toBe('2026-03-02T09:00:00.000Z')
    expect(formatDate('2026-04-01', 'iso', 'de', BRUSSELS)).toBe('2026-04-01')
  })

  it('localized: wall-clock time of the time zone, in the conventions of the language', () => {
    // 09:00 UTC is 10:00 in Brussels in winter, 11:00 in summer.
    expect(formatDate('2026-03-02T09:00:00.000Z', 'localized', 'fr', BRUSSELS)).toBe('02/03/2026 10:00')
    expect(formatDate('2026-03-02T09:00:00.000Z', 'localized', 'de', BRUSSELS)).toBe('02.03.2026, 10:00')
    expect(formatDate('2026-03-02T09:00:00.000Z', 'localized', 'en', BRUSSELS)).toBe('02/03/2026, 10:00')
    expect(formatDate('2026-07-02T09:00:00.000Z', 'localized', 'de', BRUSSELS)).toBe('02.07.2026, 11:00')
    expect(formatDate('2026-03-02T09:00:00.000Z', 'localized', 'de', 'UTC')).toBe('02.03.2026, 09:00')
    // A calendar date has no time zone: it is the same day everywhere.
    expect(formatDate('2026-04-01', 'localized', 'fr', 'Pacific/Kiritimati')).toBe('01/04/2026')
  })

  it('Excel cells hold the wall-clock time to show, with a number format in the same style', () => {
    expect(excelDate('2026-03-02T09:00:00.000Z', 'iso', 'fr', BRUSSELS)).toEqual({ value: new Date('2026-03-02T09:00:00.000Z'), numFmt: 'yyyy-mm-dd"T"hh:mm:ss"Z"' })
    expect(excelDate('2026-03-02T09:00:00.000Z', 'localized', 'de', BRUSSELS)).toEqual({ value: new Date(Date.UTC(2026, 2, 2, 10, 0)), numFmt: 'dd"."mm"."yyyy", "hh:mm' })
    expect(excelDate('2026-04-01', 'iso', 'de', BRUSSELS)).toEqual({ value: new Date(Date.UTC(2026, 3, 1)), numFmt: 'yyyy-mm-dd' })
    expect(excelDate('2026-04-01', 'localized', 'fr', BRUSSELS)).toEqual({ value: new Date(Date.UTC(2026, 3, 1)), numFmt: 'dd"/"mm"/"yyyy' })
  })

  it('Excel patterns follow the order of day, month and year of each language', () => {
    expect(excelPattern('fr', true)).toBe('dd"/"mm"/"yyyy" "hh:mm')
    expect(excelPattern('en', false)).toBe('dd"/"mm"/"yyyy')
    expect(excelPattern('hu', false)).toMatch(/^yyyy.*mm.*dd/)
  })

  it('refuses an unknown time zone or a value that is not a date', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(RangeError)
    expect(() => checkTimeZone(BRUSSELS)).not.toThrow()
    expect(() => formatDate('yesterday', 'localized', 'fr', BRUSSELS)).toThrow(RangeError)
  })
})
