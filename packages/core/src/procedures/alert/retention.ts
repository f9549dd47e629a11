/**
 * Deadlines and retention of an alert: the end of the comment and objection periods as durable
 * timers, and the blocking and erasure of personal data after closure or withdrawal.
 *
 * @module
 */
import type { RetentionSchedule, Timer } from '../../procedure/procedure.js'
import { RETENTION_POLICIES, retentionSchedule, scheduledStep } from '../../retention/policies.js'
import type { AlertState } from './model.js'
import { scheduleAfterEarlyRemoval } from '../../retention/early-removal.js'

/** Months after closure or withdrawal at which an alert's personal data leaves the users' reach (RET-ALERT-PD-PURGE). @category constants */
export const ALERT_PD_BLOCK_MONTHS = 6
/** Months after closure or withdrawal at which blocked personal data is erased (RET-DELETE-THREE-YEARS). @category constants */
export const ALERT_PD_ERASE_MONTHS = 36

/**
 * When an alert's personal data is blocked and erased: six months and three years after closure
 * (RET-ALERT-PD-PURGE), counted from the withdrawal for a withdrawn alert (RET-WITHDRAWN-PD-PURGE).
 * Nothing is scheduled while the alert is active; after an early removal, the instant it happened
 * (RET-EARLY-REMOVAL).
 *
 * @category retention
 */
export const alertRetention = (s: AlertState): RetentionSchedule => {
  const end = s.status === 'closed' ? s.closedAt : s.status === 'withdrawn' ? s.withdrawnAt : undefined
  if (end === undefined) return {}
  const steps = retentionSchedule(RETENTION_POLICIES[s.status === 'withdrawn' ? 'imi-alert-withdrawn' : 'imi-alert'], end)
  const scheduled = { blockAt: scheduledStep(steps, 'block-personal-data')?.at, eraseAt: scheduledStep(steps, 'erase-personal-data')?.at }
  return scheduleAfterEarlyRemoval(scheduled, s.earlyRemoval)
}

/**
 * The durable timers of an alert: the end of the comment period (ALERT-COMMENT-PERIOD-END), the end
 * of the objection period (ALERT-OBJECTION-PERIOD-END), and the retention steps.
 *
 * @category retention
 */
export const alertTimers = (s: AlertState): ReadonlyArray<Timer> => {
  const timers: Timer[] = []
  const id = s.exchangeId
  if (s.status === 'closure-open-for-comments' && s.closure !== undefined)
    timers.push({ id: 'closure.comments-end', exchangeId: id, dueAt: s.closure.commentPeriodEndsAt, command: { type: 'alert.end-comment-period', exchangeId: id }, ruleId: 'ALERT-COMMENT-PERIOD-END' })
  if (s.status === 'closure-open-for-objections' && s.closure?.objectionPeriodEndsAt !== undefined && !s.closure.objectionPeriodEnded)
    timers.push({ id: 'closure.objections-end', exchangeId: id, dueAt: s.closure.objectionPeriodEndsAt, command: { type: 'alert.end-objection-period', exchangeId: id }, ruleId: 'ALERT-OBJECTION-PERIOD-END' })
  const r = alertRetention(s)
  if (r.blockAt !== undefined && s.personalData === 'available')
    timers.push({ id: 'retention.block', exchangeId: id, dueAt: r.blockAt, command: { type: 'alert.block-personal-data', exchangeId: id }, ruleId: s.status === 'withdrawn' ? 'RET-WITHDRAWN-PD-PURGE' : 'RET-ALERT-PD-PURGE' })
  if (r.eraseAt !== undefined && s.personalData !== 'erased')
    timers.push({ id: 'retention.erase', exchangeId: id, dueAt: r.eraseAt, command: { type: 'alert.erase-personal-data', exchangeId: id }, ruleId: 'RET-DELETE-THREE-YEARS' })
  return timers
}
