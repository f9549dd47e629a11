/**
 * Local-time rules of the spec, in the reference time zone (Europe/Brussels): the 10:00 rule of the
 * nightly dispatch of invitations (spec §3.4.4, 003 §9.1.3.2, AMB-I1).
 *
 * @module
 */
import { localDate, localTimeOfDay, nextWorkingDay, isWorkingDay } from './calendar.js'
import type { LocalDate, WorkingDayCalendar } from './calendar.js'

/** The local time before which a submitted invitation goes out the same night (INVITATION_CUTOFF_LOCAL_TIME). @category time */
export const INVITATION_CUTOFF_LOCAL_TIME = '10:00'

/**
 * The nightly batch, identified by its local date, in which an invitation submitted at `submittedAt` is
 * sent: the same night when submitted on a working day before 10:00 local time (REG-INV-DISPATCH-BEFORE-10),
 * otherwise the night of the next working day (REG-INV-DISPATCH-AFTER-10), so Friday after 10:00 goes out
 * on Monday night (REG-INV-DISPATCH-FRIDAY). Exactly 10:00 counts as after (REG-INV-DISPATCH-AT-10); a
 * submission on a non-working day is treated like one after 10:00 (AMB-I1). Local time is that of the
 * calendar's time zone, Europe/Brussels by default (RET-SYSTEM-TIMEZONE), in summer and winter alike.
 *
 * @example
 * ```ts
 * import { invitationDispatchNight, EU_INSTITUTIONS_2026_2027 } from '@imi-kit/core'
 * invitationDispatchNight('2026-03-27T08:59:59.999Z', EU_INSTITUTIONS_2026_2027) // '2026-03-27' (Friday 09:59 in Brussels)
 * invitationDispatchNight('2026-03-27T09:00:00.000Z', EU_INSTITUTIONS_2026_2027) // '2026-03-30' (Friday 10:00 → Monday night)
 * ```
 * @category time
 */
export const invitationDispatchNight = (submittedAt: string, calendar: WorkingDayCalendar): LocalDate => {
  const day = localDate(submittedAt, calendar.timeZone)
  return isWorkingDay(day, calendar) && localTimeOfDay(submittedAt, calendar.timeZone) < `${INVITATION_CUTOFF_LOCAL_TIME}:00.000` ? day : nextWorkingDay(day, calendar)
}
