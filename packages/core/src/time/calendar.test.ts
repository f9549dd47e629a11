import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  EU_INSTITUTIONS_2026_2027,
  isWorkingDay,
  localDate,
  localTimeOfDay,
  MONDAY_TO_FRIDAY,
  nextWorkingDay,
  REFERENCE_TIME_ZONE,
} from './calendar.js'
import type { WorkingDayCalendar } from './calendar.js'
import { addCalendarMonths as exportedAddCalendarMonths, REFERENCE_TIME_ZONE as exportedZone } from '../index.js'

const EU = EU_INSTITUTIONS_2026_2027
const brussels = (iso: string) => `${localDate(iso)} ${localTimeOfDay(iso)}`

describe('the reference time zone', () => {
  it('[RET-SYSTEM-TIMEZONE] is Europe/Brussels, and local dates and times are read there in winter and summer', () => {
    expect(REFERENCE_TIME_ZONE).toBe('Europe/Brussels')
    expect(exportedZone).toBe('Europe/Brussels')
    expect(brussels('2026-01-15T09:00:00.000Z')).toBe('2026-01-15 10:00:00.000')
    expect(brussels('2026-07-15T09:00:00.000Z')).toBe('2026-07-15 11:00:00.000')
    // A UTC evening is already the next day in Brussels.
    expect(localDate('2026-03-28T23:30:00.000Z')).toBe('2026-03-29')
    expect(localDate('2026-03-28T22:59:59.999Z')).toBe('2026-03-28')
    // Another zone can be asked for explicitly.
    expect(localDate('2026-03-28T23:30:00.000Z', 'UTC')).toBe('2026-03-28')
  })
})

describe('calendar days', () => {
  it('[RET-SYSTEM-TIMEZONE] keep the Brussels wall-clock time across the spring change (29 March 2026): a 23-hour day', () => {
    const before = '2026-03-28T09:00:00.000Z' // Saturday 10:00 CET
    const after = addCalendarDays(before, 1)
    expect(brussels(after)).toBe('2026-03-29 10:00:00.000')
    expect(Date.parse(after) - Date.parse(before)).toBe(23 * 3_600_000)
    expect(addCalendarDays(after, -1)).toBe(before)
  })

  it('[RET-SYSTEM-TIMEZONE] keep the Brussels wall-clock time across the autumn change (25 October 2026): a 25-hour day', () => {
    const before = '2026-10-24T08:00:00.000Z' // Saturday 10:00 CEST
    const after = addCalendarDays(before, 1)
    expect(brussels(after)).toBe('2026-10-25 10:00:00.000')
    expect(Date.parse(after) - Date.parse(before)).toBe(25 * 3_600_000)
    expect(addCalendarDays(before, 30)).toBe('2026-11-23T09:00:00.000Z')
  })

  it('move a local time in the spring gap to its end (03:00), and take the first occurrence of a time in the autumn fold', () => {
    expect(addCalendarDays('2026-03-28T01:30:00.000Z', 1)).toBe('2026-03-29T01:00:00.000Z') // 02:30 does not exist → 03:00 CEST
    expect(addCalendarDays('2026-10-24T00:30:00.000Z', 1)).toBe('2026-10-25T00:30:00.000Z') // 02:30 CEST, the first 02:30
    // The second pass of the repeated hour counts as 03:00 local.
    expect(localTimeOfDay('2026-10-25T01:30:00.000Z')).toBe('03:00:00.000')
    expect(addCalendarDays('2026-10-25T01:30:00.000Z', 1)).toBe('2026-10-26T02:00:00.000Z')
  })

  it('reject what is not an instant or not a whole number of days', () => {
    expect(() => addCalendarDays('yesterday', 1)).toThrow(RangeError)
    expect(() => addCalendarDays('2026-01-01T00:00:00.000Z', 1.5)).toThrow(RangeError)
  })
})

describe('calendar months, clamped to the month end', () => {
  it('[RET-MONTH-ARITHMETIC] 31 Jan + 1 month is 28 Feb (29 in a leap year), 31 Mar − 1 month is 28 Feb, 31 Aug + 6 months is 28 Feb', () => {
    expect(brussels(addCalendarMonths('2026-01-31T09:00:00.000Z', 1))).toBe('2026-02-28 10:00:00.000')
    expect(brussels(addCalendarMonths('2028-01-31T09:00:00.000Z', 1))).toBe('2028-02-29 10:00:00.000')
    expect(brussels(addCalendarMonths('2026-03-31T08:00:00.000Z', -1))).toBe('2026-02-28 10:00:00.000')
    expect(brussels(addCalendarMonths('2026-08-31T08:00:00.000Z', 6))).toBe('2027-02-28 10:00:00.000')
    expect(brussels(addCalendarMonths('2026-05-31T08:00:00.000Z', 1))).toBe('2026-06-30 10:00:00.000')
    expect(brussels(addCalendarMonths('2026-12-31T09:00:00.000Z', 2))).toBe('2027-02-28 10:00:00.000')
  })

  it('[RET-MONTH-ARITHMETIC] clamping is not undone: 31 Jan + 1 month + 1 month is 28 Mar, but 31 Jan + 2 months is 31 Mar', () => {
    const jan31 = '2026-01-31T09:00:00.000Z'
    expect(localDate(addCalendarMonths(addCalendarMonths(jan31, 1), 1))).toBe('2026-03-28')
    expect(localDate(addCalendarMonths(jan31, 2))).toBe('2026-03-31')
  })

  it('[RET-SYSTEM-TIMEZONE] keep the Brussels wall-clock time across both DST changes of 2026', () => {
    // 12:00 CET in February → 12:00 CEST in April (across 29 March) → 12:00 CET in November (across 25 October).
    const feb = '2026-02-27T11:00:00.000Z'
    expect(addCalendarMonths(feb, 2)).toBe('2026-04-27T10:00:00.000Z')
    expect(addCalendarMonths(feb, 9)).toBe('2026-11-27T11:00:00.000Z')
    expect(addCalendarMonths('2026-08-31T10:00:00.000Z', 6)).toBe('2027-02-28T11:00:00.000Z')
  })

  it('is the function the request retention has exported all along', () => {
    expect(exportedAddCalendarMonths('2026-01-31T09:00:00.000Z', 1)).toBe(addCalendarMonths('2026-01-31T09:00:00.000Z', 1))
    expect(exportedAddCalendarMonths('2026-08-31T10:00:00.000Z', 6)).toBe('2027-02-28T11:00:00.000Z')
  })
})

describe('working days', () => {
  it('are Monday to Friday minus the holidays of the calendar', () => {
    expect(isWorkingDay('2026-03-27', EU)).toBe(true) // Friday
    expect(isWorkingDay('2026-03-28', EU)).toBe(false) // Saturday
    expect(isWorkingDay('2026-03-29', EU)).toBe(false) // Sunday
    expect(isWorkingDay('2026-04-06', EU)).toBe(false) // Easter Monday
    expect(isWorkingDay('2026-04-06', MONDAY_TO_FRIDAY)).toBe(true)
    expect(isWorkingDay('2026-07-21', EU)).toBe(false) // Belgian national day
    expect(isWorkingDay('2027-03-26', EU)).toBe(false) // Good Friday 2027
    expect(() => isWorkingDay('2026-02-30', EU)).toThrow(RangeError)
  })

  it('ship the EU institutions holidays of 2026 and 2027 as data, all of them in those years', () => {
    expect(EU.holidays.every((d) => /^202[67]-\d\d-\d\d$/.test(d))).toBe(true)
    expect(EU.holidays.filter((d) => d.startsWith('2026'))).toHaveLength(22)
    expect(EU.holidays.filter((d) => d.startsWith('2027'))).toHaveLength(22)
    expect(EU.timeZone).toBe(REFERENCE_TIME_ZONE)
  })

  it('step over weekends and holidays keeping the Brussels time, across the spring DST change', () => {
    // Friday 27 March 15:00 CET + 1 → Monday 30 March 15:00 CEST.
    expect(brussels(addWorkingDays('2026-03-27T14:00:00.000Z', 1, EU))).toBe('2026-03-30 15:00:00.000')
    // Wednesday 1 April + 1 → Tuesday 7 April (Holy Thursday to Easter Monday are holidays).
    expect(brussels(addWorkingDays('2026-04-01T08:00:00.000Z', 1, EU))).toBe('2026-04-07 10:00:00.000')
    expect(brussels(addWorkingDays('2026-04-01T08:00:00.000Z', 1, MONDAY_TO_FRIDAY))).toBe('2026-04-02 10:00:00.000')
    // Ten working days from Monday 19 October CEST end on Friday 30 October CET.
    expect(brussels(addWorkingDays('2026-10-19T08:00:00.000Z', 9, EU))).toBe('2026-10-30 10:00:00.000')
  })

  it('start from 00:00 of the next working day when the anchor is not on one', () => {
    expect(brussels(addWorkingDays('2026-03-28T10:00:00.000Z', 0, EU))).toBe('2026-03-30 00:00:00.000')
    expect(brussels(addWorkingDays('2026-03-28T10:00:00.000Z', 1, EU))).toBe('2026-03-31 00:00:00.000')
    expect(addWorkingDays('2026-03-27T14:00:00.000Z', 0, EU)).toBe('2026-03-27T14:00:00.000Z')
  })

  it('know the next working day, across the end of year', () => {
    expect(nextWorkingDay('2026-12-23', EU)).toBe('2027-01-04')
    expect(nextWorkingDay('2026-12-23', MONDAY_TO_FRIDAY)).toBe('2026-12-24')
  })

  it('refuse negative counts and calendars without a working day', () => {
    const never: WorkingDayCalendar = { ...MONDAY_TO_FRIDAY, id: 'never', weekend: [0, 1, 2, 3, 4, 5, 6] }
    expect(() => addWorkingDays('2026-03-27T14:00:00.000Z', -1, EU)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-03-27T14:00:00.000Z', 1, never)).toThrow(RangeError)
    expect(() => nextWorkingDay('2026-03-27', never)).toThrow(RangeError)
  })
})
