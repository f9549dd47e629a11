/**
 * When the personal data of a request is blocked and erased, and the timers that do it.
 *
 * @module
 */
import { addMonths } from 'date-fns'
import { TZDate } from '@date-fns/tz'
import type { RetentionSchedule, Timer } from '../../procedure/procedure.js'
import type { RequestPolicy } from './facts.js'
import type { RequestState } from './model.js'

/** The reference time zone of calendar arithmetic (RET-SYSTEM-TIMEZONE). @category constants */
export const REFERENCE_TIME_ZONE = 'Europe/Brussels'

/** Months after closure at which a request's personal data is blocked, at the latest (RET-BLOCK-SIX-MONTHS). @category constants */
export const REQUEST_PD_BLOCK_MONTHS = 6
/** Months after closure at which blocked personal data is erased (RET-DELETE-THREE-YEARS). @category constants */
export const REQUEST_PD_ERASE_MONTHS = 36

/**
 * Adds calendar months in the reference time zone, clamped to the month's end (RET-MONTH-ARITHMETIC).
 *
 * @example
 * ```ts
 * import { addCalendarMonths } from '@imi-kit/core'
 * addCalendarMonths('2026-08-31T10:00:00.000Z', 6) // '2027-02-28T11:00:00.000Z' (12:00 in Brussels, summer and winter alike)
 * ```
 * @category time
 */
export const addCalendarMonths = (iso: string, months: number): string =>
  new Date(addMonths(new TZDate(iso, REFERENCE_TIME_ZONE), months).getTime()).toISOString()

/**
 * The retention schedule of a request: nothing while it is open (RET-REQ-PD-OPEN-KEPT); from closure,
 * whatever the reason, blocking after at most 6 months and erasure after 3 years.
 *
 * @category retention
 */
export const requestRetention = (s: RequestState, policy: RequestPolicy): RetentionSchedule => {
  if (s.status !== 'closed' || s.closedAt === undefined) return {}
  const block = Math.min(policy.personalDataBlockMonths ?? REQUEST_PD_BLOCK_MONTHS, REQUEST_PD_BLOCK_MONTHS)
  return {
    blockAt: addCalendarMonths(s.closedAt, block),
    eraseAt: addCalendarMonths(s.closedAt, policy.personalDataEraseMonths ?? REQUEST_PD_ERASE_MONTHS),
  }
}

/**
 * The durable timers of a request. Deadlines of requests are indicative and start no timer
 * (REQ-DEADLINE-INDICATIVE); only retention does.
 *
 * @category retention
 */
export const requestTimers = (s: RequestState, policy: RequestPolicy): ReadonlyArray<Timer> => {
  const r = requestRetention(s, policy)
  const timers: Timer[] = []
  if (r.blockAt !== undefined && s.personalData === 'available')
    timers.push({ id: 'retention.block', exchangeId: s.exchangeId, dueAt: r.blockAt, command: { type: 'request.block-personal-data', exchangeId: s.exchangeId }, ruleId: 'RET-BLOCK-SIX-MONTHS' })
  if (r.eraseAt !== undefined && s.personalData !== 'erased')
    timers.push({ id: 'retention.erase', exchangeId: s.exchangeId, dueAt: r.eraseAt, command: { type: 'request.erase-personal-data', exchangeId: s.exchangeId }, ruleId: 'RET-DELETE-THREE-YEARS' })
  return timers
}

/**
 * True when the request's indicative deadline has passed; it triggers nothing, it only feeds
 * monitoring (REQ-DEADLINE-INDICATIVE).
 *
 * @category queries
 */
export const isOverdue = (s: RequestState, now: Date): boolean =>
  s.deadline !== undefined && s.status !== 'closed' && s.status !== 'draft' && now.toISOString().slice(0, 10) > s.deadline
