/**
 * `<imi-deadline>`: a due date and how it stands: days left, due today or overdue.
 *
 * @module
 */
import { html } from 'lit'
import { ImiElement } from '../base.js'
import { formatDate, localToday } from '../format.js'
import { deadlineStyles } from './styles.js'

const DAY = 24 * 60 * 60 * 1000
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Midnight UTC of a `YYYY-MM-DD` date, or `undefined` when it is not one. */
const dayOf = (date: string | undefined): number | undefined => {
  if (date === undefined || !CALENDAR_DATE.test(date.slice(0, 10))) return undefined
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(t) ? undefined : t
}

/**
 * Shows a deadline and the calendar days left until it, or that it is due today, or by how many
 * days it is overdue.
 *
 * "Today" is the `today` attribute when given (a portal that follows the server's clock, and tests,
 * set it), otherwise the browser's date in its own time zone. Days are whole calendar days.
 *
 * @tag imi-deadline
 * @attr date - The deadline, `YYYY-MM-DD` (a longer ISO instant is read by its date).
 * @attr today - The current date, `YYYY-MM-DD`; the browser's date when absent.
 * @attr lang - The display language.
 * @csspart deadline - The whole element's content.
 * @csspart date - The deadline's date.
 * @csspart remaining - Days left, due today or overdue.
 * @cssprop --imi-deadline-color - Text colour while time is left.
 * @cssprop --imi-deadline-today-color - Text colour on the day it is due.
 * @cssprop --imi-deadline-overdue-color - Text colour once overdue.
 * @category elements
 */
export class ImiDeadline extends ImiElement {
  static override styles = deadlineStyles
  static override properties = { date: { type: String }, today: { type: String } }
  /** The deadline, `YYYY-MM-DD`. */
  declare date: string | undefined
  /** The current date, `YYYY-MM-DD`; the browser's when absent. */
  declare today: string | undefined

  /** Whole days from today to the deadline: negative once overdue; `undefined` without a valid date. */
  get daysLeft(): number | undefined {
    const due = dayOf(this.date)
    const now = dayOf(this.today) ?? dayOf(localToday())
    return due === undefined || now === undefined ? undefined : Math.round((due - now) / DAY)
  }

  override render() {
    const days = this.daysLeft
    if (days === undefined || this.date === undefined) return html`<span part="deadline" data-state="none">${this.t('common.no-deadline')}</span>`
    const state = days > 0 ? 'left' : days === 0 ? 'today' : 'overdue'
    const key = days > 1 ? 'common.days-left' : days === 1 ? 'common.day-left' : days === 0 ? 'common.due-today' : days === -1 ? 'common.overdue-one' : 'common.overdue'
    const date = this.date.slice(0, 10)
    return html`<span part="deadline" class="deadline" data-state=${state}
      ><time part="date" datetime=${date}>${formatDate(date, this.language)}</time> <span part="remaining" class="remaining">(${this.t(key, { days: Math.abs(days) })})</span></span
    >`
  }
}
