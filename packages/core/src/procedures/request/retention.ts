/**
 * When the personal data of a request is blocked and erased, and the timers that do it.
 *
 * @module
 */
import type { RetentionSchedule, Timer } from '../../procedure/procedure.js'
import type { RequestPolicy } from './facts.js'
import type { RequestState } from './model.js'
import { RETENTION_POLICIES, retentionSchedule, scheduledStep } from '../../retention/policies.js'
import type { RetentionOverrides } from '../../retention/policies.js'
import { localDate } from '../../time/calendar.js'
import { scheduleAfterEarlyRemoval } from '../../retention/early-removal.js'

// The calendar arithmetic of the whole core lives in time/; re-exported here under the names this module always had.
export { REFERENCE_TIME_ZONE, addCalendarMonths } from '../../time/calendar.js'

/** Months after closure at which a request's personal data is blocked, at the latest (RET-BLOCK-SIX-MONTHS). @category constants */
export const REQUEST_PD_BLOCK_MONTHS = 6
/** Months after closure at which blocked personal data is erased (RET-DELETE-THREE-YEARS). @category constants */
export const REQUEST_PD_ERASE_MONTHS = 36


/**
 * The operator's retention settings of a request as overrides of the IMI Regulation policy.
 *
 * @category retention
 */
export const requestRetentionOverrides = (policy: RequestPolicy): RetentionOverrides => ({
  ...(policy.personalDataBlockMonths === undefined ? {} : { 'block-personal-data': policy.personalDataBlockMonths }),
  ...(policy.personalDataEraseMonths === undefined ? {} : { 'erase-personal-data': policy.personalDataEraseMonths }),
})

/**
 * The retention schedule of a request: nothing while it is open (RET-REQ-PD-OPEN-KEPT); from closure,
 * whatever the reason, blocking after at most 6 months and erasure after 3 years; after an early
 * removal, the instant it happened (RET-EARLY-REMOVAL).
 *
 * @category retention
 */
export const requestRetention = (s: RequestState, policy: RequestPolicy): RetentionSchedule => {
  if (s.status !== 'closed' || s.closedAt === undefined) return {}
  // The IMI Regulation policy caps the configured block period at 6 months (RET-REQ-PD-CONFIG).
  const steps = retentionSchedule(RETENTION_POLICIES['imi-regulation'], s.closedAt, requestRetentionOverrides(policy))
  const scheduled = { blockAt: scheduledStep(steps, 'block-personal-data')?.at, eraseAt: scheduledStep(steps, 'erase-personal-data')?.at }
  return scheduleAfterEarlyRemoval(scheduled, s.earlyRemoval)
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
 * monitoring (REQ-DEADLINE-INDICATIVE). A deadline is a calendar date and runs to the end of that day
 * in the reference time zone (RET-SYSTEM-TIMEZONE), as `explain` answers it: the request is overdue
 * from the first instant of the next Brussels day, whatever the UTC date is then.
 *
 * @category queries
 */
export const isOverdue = (s: RequestState, now: Date): boolean =>
  s.deadline !== undefined && s.status !== 'closed' && s.status !== 'draft' && localDate(now.toISOString()) > s.deadline
