import fc from 'fast-check'
import { addMonths } from 'date-fns'
import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { addCalendarDays, addCalendarMonths, addWorkingDays, EU_INSTITUTIONS_2026_2027, isWorkingDay, localDate, localTimeOfDay, MONDAY_TO_FRIDAY } from './calendar.js'
import { invitationDispatchNight } from './brussels.js'

const FROM = Date.parse('2025-12-01T00:00:00.000Z')
const TO = Date.parse('2027-12-01T00:00:00.000Z')
const HOUR = 3_600_000
// The two DST changes of 2026 in Brussels, at 01:00 UTC.
const CHANGES = [Date.parse('2026-03-29T01:00:00.000Z'), Date.parse('2026-10-25T01:00:00.000Z')]

/** Instants over 2026–2027, a third of them within a day of a DST change of 2026 (where the wall clock jumps). */
const instantMs = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM, max: TO }),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -26 * HOUR, max: 26 * HOUR })).map(([c, d]) => c + d),
)
const instant = instantMs.map((ms) => new Date(ms).toISOString())
const ordered = fc.tuple(instantMs, instantMs).map(([a, b]) => [new Date(Math.min(a, b)).toISOString(), new Date(Math.max(a, b)).toISOString()] as const)
const calendar = fc.constantFrom(EU_INSTITUTIONS_2026_2027, MONDAY_TO_FRIDAY)
const ms = (iso: string) => Date.parse(iso)
const RUNS = { numRuns: 400 }
/** Local times that exist exactly once on every day: outside 02:00–03:00, with a margin. */
const awayFromChanges = (iso: string) => {
  const t = localTimeOfDay(iso)
  return t < '01:30' || t >= '03:30'
}

describe('deadlines are monotonic in their inputs', () => {
  it('[RET-MONTH-ARITHMETIC] a later anchor never gives an earlier deadline: calendar days, working days, calendar months (by local date)', () => {
    fc.assert(
      fc.property(ordered, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 60 }), calendar, ([a, b], days, months, n, cal) => {
        expect(ms(addCalendarDays(a, days))).toBeLessThanOrEqual(ms(addCalendarDays(b, days)))
        // Months: the local date never goes back; the instant neither, unless clamping put both on the same month end
        // (31 Jan 09:00 and 30 Jan 10:00 + 1 month are 28 Feb 09:00 and 28 Feb 10:00: the convention of date-fns addMonths).
        const [ma, mb] = [addCalendarMonths(a, months), addCalendarMonths(b, months)]
        expect(localDate(ma) <= localDate(mb)).toBe(true)
        const clamped = (x: string, r: string) => localDate(x).slice(8) !== localDate(r).slice(8)
        if (!clamped(a, ma) && !clamped(b, mb)) expect(ms(ma)).toBeLessThanOrEqual(ms(mb))
        expect(ms(addWorkingDays(a, n, cal))).toBeLessThanOrEqual(ms(addWorkingDays(b, n, cal)))
      }),
      RUNS,
    )
  })

  it('[RET-MONTH-ARITHMETIC] more days or months never give an earlier deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }), calendar, (x, d, dd, m, dm, n, dn, cal) => {
        expect(ms(addCalendarDays(x, d))).toBeLessThanOrEqual(ms(addCalendarDays(x, d + dd)))
        expect(ms(addCalendarMonths(x, m))).toBeLessThanOrEqual(ms(addCalendarMonths(x, m + dm)))
        expect(ms(addWorkingDays(x, n, cal))).toBeLessThanOrEqual(ms(addWorkingDays(x, n + dn, cal)))
      }),
      RUNS,
    )
  })

  it('a later submission never goes out in an earlier night', () => {
    fc.assert(
      fc.property(ordered, calendar, ([a, b], cal) => {
        expect(invitationDispatchNight(a, cal) <= invitationDispatchNight(b, cal)).toBe(true)
      }),
      RUNS,
    )
  })
})

describe('round trips and ordering', () => {
  it('adding days then taking them away returns the anchor, outside the DST gap and fold hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), (x, d) => {
        // An anchor whose wall-clock time does not exist (or exists twice) on the target day moves, as does one in
        // the second pass of the repeated autumn hour; the others come back.
        fc.pre(awayFromChanges(x))
        const there = addCalendarDays(x, d)
        expect(addCalendarDays(there, -d)).toBe(x)
      }),
      RUNS,
    )
  })

  it('days compose: +a then +b is +(a+b), and the local date moves by exactly that many days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -200, max: 200 }), fc.integer({ min: -200, max: 200 }), (x, a, b) => {
        // Through a DST gap the wall-clock time moves to 03:00 and stays there (as clamping months does not undo).
        fc.pre(awayFromChanges(x))
        expect(addCalendarDays(addCalendarDays(x, a), b)).toBe(addCalendarDays(x, a + b))
        const day = (iso: string) => Date.parse(`${localDate(iso)}T00:00:00.000Z`) / 86_400_000
        expect(day(addCalendarDays(x, a)) - day(x)).toBe(a)
      }),
      RUNS,
    )
  })

  it('months land on the same day of the month, or on the last day of a shorter month, and never clamp past it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -40, max: 40 }), (x, m) => {
        const from = localDate(x)
        const to = localDate(addCalendarMonths(x, m))
        const [y, mo, d] = from.split('-').map(Number) as [number, number, number]
        const target = y * 12 + (mo - 1) + m
        const last = new Date(Date.UTC(Math.floor(target / 12), (target % 12) + 1, 0)).getUTCDate()
        expect(to).toBe(`${Math.floor(target / 12)}-${String((target % 12) + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`)
      }),
      RUNS,
    )
  })

  it('months agree with date-fns addMonths on a Europe/Brussels date, away from the DST gap and fold hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -40, max: 40 }), (x, m) => {
        fc.pre(awayFromChanges(x))
        expect(addCalendarMonths(x, m)).toBe(new Date(addMonths(new TZDate(x, 'Europe/Brussels'), m).getTime()).toISOString())
      }),
      RUNS,
    )
  })

  it('working days land on a working day, at or after the anchor, and n working days span exactly n working days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), calendar, (x, n, cal) => {
        const out = addWorkingDays(x, n, cal)
        expect(isWorkingDay(localDate(out), cal)).toBe(true)
        expect(ms(out)).toBeGreaterThanOrEqual(ms(x))
        if (n > 0) expect(addWorkingDays(addWorkingDays(x, n - 1, cal), 1, cal)).toBe(out)
      }),
      RUNS,
    )
  })
})

it('[RET-MONTH-ARITHMETIC] clamping keeps the time of day, so two anchors clamped onto the same month end keep their times, not their order', () => {
  // 30 Jan 10:00 is before 31 Jan 09:00, yet + 1 month they are 28 Feb 10:00 and 28 Feb 09:00.
  expect(localTimeOfDay(addCalendarMonths('2026-01-30T09:00:00.000Z', 1))).toBe('10:00:00.000')
  expect(localTimeOfDay(addCalendarMonths('2026-01-31T08:00:00.000Z', 1))).toBe('09:00:00.000')
  expect(localDate(addCalendarMonths('2026-01-30T09:00:00.000Z', 1))).toBe(localDate(addCalendarMonths('2026-01-31T08:00:00.000Z', 1)))
})
