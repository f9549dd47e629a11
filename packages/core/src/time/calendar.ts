/**
 * Calendar arithmetic in the reference time zone (RET-SYSTEM-TIMEZONE, RET-MONTH-ARITHMETIC): calendar
 * days, calendar months clamped to the month end, and working days of a {@link WorkingDayCalendar}.
 *
 * Every function is pure: instants are ISO-8601 strings in, ISO-8601 strings (UTC) out; the current time
 * is never read.
 *
 * ## Conventions
 *
 * - **Wall-clock time.** Days and months are added to the local date in the time zone (default
 *   Europe/Brussels) and the local time of day is kept: 10:00 in winter plus 30 days is 10:00 in summer,
 *   one hour less of elapsed time. A day is therefore 23 or 25 hours long across a DST change.
 * - **Month ends.** Months are calendar months clamped to the last day of the target month (date-fns
 *   `addMonths`): 31 Jan + 1 month = 28 Feb (29 in a leap year), 31 Mar − 1 month = 28/29 Feb,
 *   31 Aug + 6 months = 28/29 Feb. Clamping is not undone: 31 Jan + 1 month + 1 month = 28 Mar, whereas
 *   31 Jan + 2 months = 31 Mar. The time of day is kept on a clamped date too, so anchors clamped onto the
 *   same month end keep their times rather than their order (30 Jan 10:00 and 31 Jan 09:00 + 1 month are
 *   28 Feb 10:00 and 28 Feb 09:00): months are monotonic in the anchor by local date, and by instant
 *   whenever no clamping occurs. Existing retention dates rely on this convention.
 * - **DST gaps and folds.** A local time that does not exist (the spring gap, 02:00–03:00 on the last
 *   Sunday of March) becomes the end of the gap, 03:00. A local time that exists twice (the autumn fold,
 *   02:00–03:00 on the last Sunday of October) is its first occurrence. An anchor in the second pass of
 *   the repeated hour counts as 03:00 local. With these three rules a later anchor never gives an
 *   earlier result for days and working days (the property tests check it).
 * - **Working days.** A working day is a local date that is neither a weekend day nor a holiday of the
 *   calendar. `addWorkingDays` first moves an anchor that falls on a non-working day to 00:00 of the next
 *   working day, then steps over `n` working days keeping the local time.
 *
 * @module
 */
import { tzOffset } from '@date-fns/tz'

/** The reference time zone of calendar arithmetic (RET-SYSTEM-TIMEZONE; spec AMB-G3, cpc §2.20). @category time */
export const REFERENCE_TIME_ZONE = 'Europe/Brussels'

/** A local calendar date, `YYYY-MM-DD`. @category time */
export type LocalDate = string

/** A day of the week as `Date.getUTCDay` numbers it: 0 Sunday … 6 Saturday. @category time */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

/**
 * Which local dates are working days: data, not code, so that an operator can configure it (spec
 * AMB-I1: "Mon–Fri minus a configurable holiday calendar").
 *
 * @category time
 */
export interface WorkingDayCalendar {
  /** A stable name, for explanations. */
  readonly id: string
  /** The IANA time zone in which instants are turned into local dates. */
  readonly timeZone: string
  /** The days of the week that are never working days. */
  readonly weekend: ReadonlyArray<Weekday>
  /** The public holidays, as local dates. */
  readonly holidays: ReadonlyArray<LocalDate>
  /** Where the holidays come from. */
  readonly source: string
}

/** Monday to Friday in Europe/Brussels, without holidays. @category time */
export const MONDAY_TO_FRIDAY: WorkingDayCalendar = {
  id: 'monday-to-friday',
  timeZone: REFERENCE_TIME_ZONE,
  weekend: [0, 6],
  holidays: [],
  source: 'Monday to Friday, no holidays',
}

/**
 * The public holidays of the EU institutions (European Commission, Brussels) in 2026 and 2027, Monday to
 * Friday otherwise. The spec gives no holiday list (it asks for a configurable one, AMB-I1); these dates
 * follow the Commission's usual list (1–2 January, Holy Thursday, Good Friday, Easter Monday, 1 May,
 * 9 May, Ascension and the day after, Whit Monday, 21 July, 15 August, 1–2 November, 24–31 December)
 * with Easter on 5 April 2026 and 28 March 2027. Operators should check them against the published
 * decision and supply their own calendar for other years.
 *
 * @category time
 */
export const EU_INSTITUTIONS_2026_2027: WorkingDayCalendar = {
  id: 'eu-institutions-2026-2027',
  timeZone: REFERENCE_TIME_ZONE,
  weekend: [0, 6],
  holidays: [
    '2026-01-01', '2026-01-02', '2026-04-02', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-09',
    '2026-05-14', '2026-05-15', '2026-05-25', '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-02',
    '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31',
    '2027-01-01', '2027-01-02', '2027-03-25', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06',
    '2027-05-07', '2027-05-09', '2027-05-17', '2027-07-21', '2027-08-15', '2027-11-01', '2027-11-02',
    '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28', '2027-12-29', '2027-12-30', '2027-12-31',
  ],
  source: 'EU institutions (European Commission) public holidays 2026–2027, from the usual list; not in the spec',
}

const MINUTE = 60_000
const DAY = 86_400_000
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Milliseconds since the epoch of an ISO instant; throws on an unreadable one. */
const instantOf = (iso: string): number => {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`)
  return ms
}

const offsetMs = (timeZone: string, ms: number): number => tzOffset(timeZone, new Date(ms)) * MINUTE

/** The first instant in (from, to] at which the offset differs from the one at `from`. */
const transitionIn = (timeZone: string, from: number, to: number): number => {
  const before = offsetMs(timeZone, from)
  let lo = from
  let hi = to
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (offsetMs(timeZone, mid) === before) lo = mid
    else hi = mid
  }
  return hi
}

/**
 * The local wall-clock time of an instant, as milliseconds on a DST-free timeline (read with the UTC
 * getters). In the second pass of an autumn fold it is the end of the fold.
 */
const wallOf = (timeZone: string, ms: number): number => {
  const offset = offsetMs(timeZone, ms)
  const wall = ms + offset
  const earlier = offsetMs(timeZone, ms - 3 * 3_600_000)
  if (earlier > offset) {
    // Within a few hours after the clocks went back: clamp to the end of the repeated interval.
    const t = transitionIn(timeZone, ms - 3 * 3_600_000, ms)
    if (t <= ms && ms < t + (earlier - offset)) return t + earlier
  }
  return wall
}

/** The instant of a local wall-clock time: the first occurrence in a fold, the end of a gap. */
const instantOfWall = (timeZone: string, wall: number): number => {
  const offsets = [...new Set([offsetMs(timeZone, wall - DAY), offsetMs(timeZone, wall), offsetMs(timeZone, wall + DAY)])]
  const valid = offsets.map((o) => wall - o).filter((ms) => offsetMs(timeZone, ms) === wall - ms)
  if (valid.length > 0) return Math.min(...valid)
  // A gap: the first instant whose wall-clock time is at or after the requested one is the transition.
  const candidates = offsets.map((o) => wall - o)
  return transitionIn(timeZone, Math.min(...candidates), Math.max(...candidates))
}

const dateOfWall = (wall: number): LocalDate => new Date(wall - (((wall % DAY) + DAY) % DAY)).toISOString().slice(0, 10)

const startOfWallDay = (wall: number): number => wall - (((wall % DAY) + DAY) % DAY)

const wallOfDate = (date: LocalDate): number => {
  const m = LOCAL_DATE.exec(date)
  const ms = m === null ? Number.NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a local date YYYY-MM-DD: ${date}`)
  return ms
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()

const checkInteger = (n: number, what: string): void => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what}: not an integer: ${n}`)
}

/**
 * The local date of an instant in a time zone (default Europe/Brussels).
 *
 * @example
 * ```ts
 * import { localDate } from '@imi-kit/core'
 * localDate('2026-03-28T23:30:00.000Z') // '2026-03-29' (00:30 in Brussels)
 * ```
 * @category time
 */
export const localDate = (iso: string, timeZone: string = REFERENCE_TIME_ZONE): LocalDate => dateOfWall(wallOf(timeZone, instantOf(iso)))

/**
 * The local time of day of an instant, `HH:mm:ss.SSS`, in a time zone (default Europe/Brussels). In the
 * second pass of an autumn fold it is 03:00:00.000 (see the module's conventions).
 *
 * @example
 * ```ts
 * import { localTimeOfDay } from '@imi-kit/core'
 * localTimeOfDay('2026-07-01T08:00:00.000Z') // '10:00:00.000' (summer time)
 * localTimeOfDay('2026-12-01T08:00:00.000Z') // '09:00:00.000' (winter time)
 * ```
 * @category time
 */
export const localTimeOfDay = (iso: string, timeZone: string = REFERENCE_TIME_ZONE): string => {
  const wall = wallOf(timeZone, instantOf(iso))
  return new Date(wall).toISOString().slice(11, 23)
}

/**
 * Adds calendar days in the time zone, keeping the local time of day (see the module's conventions).
 * `days` may be negative; 0 returns the instant itself.
 *
 * @example
 * ```ts
 * import { addCalendarDays } from '@imi-kit/core'
 * addCalendarDays('2026-03-28T09:00:00.000Z', 1) // '2026-03-29T08:00:00.000Z' (10:00 in Brussels both days, across the spring DST change)
 * ```
 * @category time
 */
export const addCalendarDays = (iso: string, days: number, timeZone: string = REFERENCE_TIME_ZONE): string => {
  checkInteger(days, 'days')
  if (days === 0) return new Date(instantOf(iso)).toISOString()
  return new Date(instantOfWall(timeZone, wallOf(timeZone, instantOf(iso)) + days * DAY)).toISOString()
}

/**
 * Adds calendar months in the time zone, clamped to the month's end (RET-MONTH-ARITHMETIC), keeping the
 * local time of day. `months` may be negative; 0 returns the instant itself.
 *
 * @example
 * ```ts
 * import { addCalendarMonths } from '@imi-kit/core'
 * addCalendarMonths('2026-08-31T10:00:00.000Z', 6) // '2027-02-28T11:00:00.000Z' (12:00 in Brussels, summer and winter alike)
 * addCalendarMonths('2028-01-31T09:00:00.000Z', 1) // '2028-02-29T09:00:00.000Z' (a leap year)
 * ```
 * @category time
 */
export const addCalendarMonths = (iso: string, months: number, timeZone: string = REFERENCE_TIME_ZONE): string => {
  checkInteger(months, 'months')
  if (months === 0) return new Date(instantOf(iso)).toISOString()
  const wall = wallOf(timeZone, instantOf(iso))
  const d = new Date(wall)
  const target = d.getUTCFullYear() * 12 + d.getUTCMonth() + months
  const year = Math.floor(target / 12)
  const month = target - year * 12
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month))
  const shifted = Date.UTC(year, month, day) + (wall - startOfWallDay(wall))
  return new Date(instantOfWall(timeZone, shifted)).toISOString()
}

/**
 * True when the local date is a working day of the calendar: not a weekend day, not a holiday.
 *
 * @example
 * ```ts
 * import { isWorkingDay, EU_INSTITUTIONS_2026_2027 } from '@imi-kit/core'
 * isWorkingDay('2026-04-03', EU_INSTITUTIONS_2026_2027) // false (Good Friday)
 * isWorkingDay('2026-04-07', EU_INSTITUTIONS_2026_2027) // true
 * ```
 * @category time
 */
export const isWorkingDay = (date: LocalDate, calendar: WorkingDayCalendar): boolean =>
  !calendar.weekend.includes(new Date(wallOfDate(date)).getUTCDay() as Weekday) && !calendar.holidays.includes(date)

const checkCalendar = (calendar: WorkingDayCalendar): void => {
  if (new Set(calendar.weekend).size >= 7) throw new RangeError(`calendar ${calendar.id} has no working day in the week`)
}

/**
 * The first working day strictly after a local date.
 *
 * @example
 * ```ts
 * import { nextWorkingDay, EU_INSTITUTIONS_2026_2027 } from '@imi-kit/core'
 * nextWorkingDay('2026-04-01', EU_INSTITUTIONS_2026_2027) // '2026-04-07' (Holy Thursday to Easter Monday are holidays)
 * ```
 * @category time
 */
export const nextWorkingDay = (date: LocalDate, calendar: WorkingDayCalendar): LocalDate => {
  checkCalendar(calendar)
  let wall = wallOfDate(date) + DAY
  while (!isWorkingDay(dateOfWall(wall), calendar)) wall += DAY
  return dateOfWall(wall)
}

/**
 * Adds `n` (≥ 0) working days of the calendar, in its time zone, keeping the local time of day. An anchor
 * on a non-working day first moves to 00:00 of the next working day; so `n = 0` gives the first working
 * instant at or after the anchor.
 *
 * @example
 * ```ts
 * import { addWorkingDays, EU_INSTITUTIONS_2026_2027 } from '@imi-kit/core'
 * addWorkingDays('2026-03-27T14:00:00.000Z', 1, EU_INSTITUTIONS_2026_2027) // '2026-03-30T13:00:00.000Z' (Friday 15:00 → Monday 15:00 in Brussels)
 * addWorkingDays('2026-03-28T10:00:00.000Z', 0, EU_INSTITUTIONS_2026_2027) // '2026-03-29T22:00:00.000Z' (Saturday → Monday 00:00)
 * ```
 * @category time
 */
export const addWorkingDays = (iso: string, n: number, calendar: WorkingDayCalendar): string => {
  checkInteger(n, 'working days')
  if (n < 0) throw new RangeError(`working days: negative: ${n}`)
  checkCalendar(calendar)
  const ms = instantOf(iso)
  let wall = wallOf(calendar.timeZone, ms)
  const rolled = !isWorkingDay(dateOfWall(wall), calendar)
  if (rolled) wall = wallOfDate(nextWorkingDay(dateOfWall(wall), calendar))
  for (let k = 0; k < n; k++) {
    wall += DAY
    while (!isWorkingDay(dateOfWall(wall), calendar)) wall += DAY
  }
  return n === 0 && !rolled ? new Date(ms).toISOString() : new Date(instantOfWall(calendar.timeZone, wall)).toISOString()
}
