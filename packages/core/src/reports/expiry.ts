/**
 * How long a generated report stays in the user's activity panel: 30 days (SRCH-REPORT-30-DAYS), after
 * which it is deleted (SRCH-REPORT-EXPIRED-DELETED). The rule is the `generated-report` retention
 * policy: 30 calendar days on the Brussels wall clock.
 *
 * @module
 */
import { RETENTION_POLICIES, addInCalendar, retentionSchedule, scheduledStep } from '../retention/policies.js'

/** Days a report stays available after it is generated (SRCH-REPORT-30-DAYS). @category reports */
export const REPORT_AVAILABILITY_DAYS = 30

/**
 * The instant a report generated at `createdAt` stops being available and is deleted:
 * `createdAt + 30 days`, counted in calendar days on the Brussels wall clock, like every retention
 * period (RET-SYSTEM-TIMEZONE).
 *
 * @example
 * ```ts
 * import { reportExpiresAt } from '@imi-kit/core'
 * reportExpiresAt('2026-03-02T09:00:00.000Z') // '2026-04-01T08:00:00.000Z' (10:00 in Brussels, winter then summer time)
 * ```
 * @category reports
 */
export const reportExpiresAt = (createdAt: string): string =>
  scheduledStep(retentionSchedule(RETENTION_POLICIES['generated-report'], createdAt), 'delete-document')?.at ??
  addInCalendar(createdAt, REPORT_AVAILABILITY_DAYS, 'calendar-days-europe-brussels')

/**
 * True while a report that expires at `expiresAt` is available: strictly before that instant.
 *
 * @example
 * ```ts
 * import { isReportAvailable } from '@imi-kit/core'
 * isReportAvailable('2026-04-01T08:00:00.000Z', new Date('2026-04-01T07:59:59.999Z')) // true
 * isReportAvailable('2026-04-01T08:00:00.000Z', new Date('2026-04-01T08:00:00.000Z')) // false
 * ```
 * @category reports
 */
export const isReportAvailable = (expiresAt: string, now: Date): boolean => now.getTime() < Date.parse(expiresAt)
