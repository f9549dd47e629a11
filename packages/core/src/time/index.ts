/**
 * Time done right: calendar and working-day arithmetic in Europe/Brussels, and the spec's local-time rules.
 *
 * @module
 */
export type { LocalDate, Weekday, WorkingDayCalendar } from './calendar.js'
export {
  REFERENCE_TIME_ZONE,
  MONDAY_TO_FRIDAY,
  EU_INSTITUTIONS_2026_2027,
  localDate,
  localTimeOfDay,
  addCalendarDays,
  addCalendarMonths,
  isWorkingDay,
  nextWorkingDay,
  addWorkingDays,
} from './calendar.js'
export { INVITATION_CUTOFF_LOCAL_TIME, invitationDispatchNight } from './brussels.js'
