/**
 * Formatting every element shares: member-state and language names, dates, today's date, and the
 * kind of a procedure.
 *
 * Member-state and language names come from the browser's `Intl.DisplayNames` (CLDR data, in every
 * official language), not from the catalogue: they are standard names, not interface wording.
 *
 * @module
 */

const names = new Map<string, Intl.DisplayNames | undefined>()
const displayNames = (language: string, type: 'region' | 'language'): Intl.DisplayNames | undefined => {
  const key = `${language}:${type}`
  if (!names.has(key)) {
    let made: Intl.DisplayNames | undefined
    try {
      made = new Intl.DisplayNames([language, 'en'], { type })
    } catch (_error) {
      made = undefined
    }
    names.set(key, made)
  }
  return names.get(key)
}

/** The name of a member state in a language; the EU writes Greece `EL` where ISO 3166 has `GR`. @internal */
export const memberStateName = (code: string, language: string): string => displayNames(language, 'region')?.of(code === 'EL' ? 'GR' : code) ?? code

/** The name of a language in a language. @internal */
export const languageName = (code: string, language: string): string => displayNames(language, 'language')?.of(code) ?? code

/**
 * How {@link formatDate} writes a date: `date` (medium), `time` (medium, and the time of an instant),
 * or `long` (a long date in Brussels time, the reference time zone of the alert deadlines).
 *
 * @internal
 */
export type DateStyle = 'date' | 'time' | 'long'

/**
 * A date for people: an ISO-8601 instant in the browser's time zone, or a calendar date
 * (`YYYY-MM-DD`, a deadline) as it is written. What cannot be read as a date is shown as given.
 *
 * @internal
 */
export const formatDate = (value: string | undefined, language: string, style: DateStyle = 'date'): string => {
  if (value === undefined || value === '') return ''
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = new Date(calendar ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { dateStyle: 'long', timeZone: 'Europe/Brussels' } : { dateStyle: 'medium', ...(calendar ? { timeZone: 'UTC' } : style === 'time' ? { timeStyle: 'short' } : {}) }
  try {
    return new Intl.DateTimeFormat([language, 'en'], options).format(date)
  } catch (_error) {
    return value
  }
}

/**
 * Today as `YYYY-MM-DD` in the reference time zone of IMI's deadlines, Europe/Brussels
 * (RET-SYSTEM-TIMEZONE): a deadline shows "overdue" from the same instant the server counts it
 * overdue, wherever the browser is. @internal
 */
export const localToday = (): string => {
  // The core's REFERENCE_TIME_ZONE; Intl answers here without the core's calendar library in the bundle.
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date())
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** `request` or `alert`: the kind of a procedure (or of a kind given as such), which picks its status labels. @internal */
export const procedureKind = (procedure: string): 'request' | 'alert' => (procedure.includes('alert') ? 'alert' : 'request')
