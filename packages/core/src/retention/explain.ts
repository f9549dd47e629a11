/**
 * `explain`: every derived date of an exchange with the rule, the legal article, the input dates and
 * the calendar it comes from. Answers are recomputed from the state at every call and never stored,
 * so a reopened or corrected closure changes them at once.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz'
import type { AlertState } from '../procedures/alert/model.js'
import { ALERT_PROCEDURE_ID } from '../procedures/alert/model.js'
import { earliestMeasureDate } from '../procedures/request/derogation.js'
import { DEROGATION_STANDSTILL_DAYS } from '../procedures/request/model.js'
import type { RequestPolicy } from '../procedures/request/facts.js'
import type { RequestState } from '../procedures/request/model.js'
import { requestRetentionOverrides } from '../procedures/request/retention.js'
import { RETENTION_POLICIES, RETENTION_TIME_ZONE, retentionSchedule, scheduledStep } from './policies.js'
import type { RetentionCalendar, RetentionPolicyId, RetentionStepKind } from './policies.js'
import type { EarlyRemoval } from './early-removal.js'

// ---------------------------------------------------------------------------------------------
// model

/**
 * The dates `explain` answers for.
 *
 * @category retention
 */
export type ExplainQuestion =
  | 'reply-deadline'
  | 'comment-period-end'
  | 'objection-period-end'
  | 'block-personal-data'
  | 'erase-personal-data'
  | 'earliest-measure-date'

/**
 * The calendar an answer was computed in: the retention calendars, and `end-of-day-europe-brussels`
 * for a due date entered as a calendar date, which runs to the end of that day in Brussels.
 *
 * @category retention
 */
export type ExplainCalendar = RetentionCalendar | 'end-of-day-europe-brussels'

/** An input date of an answer, by the name of its field in the state. @category retention */
export interface ExplainInput {
  readonly name: string
  /** ISO-8601 instant or calendar date; absent when the input is not set yet. */
  readonly at: string | undefined
}

/**
 * The answer to a question: `at` is the instant, or `undefined` with a `reason` when the date does not
 * apply (yet). A timer for it fires at or after `at`.
 *
 * @category retention
 */
export interface Explanation {
  readonly question: ExplainQuestion
  readonly at: string | undefined
  readonly ruleId: string
  readonly legalArticle: string
  readonly inputs: ReadonlyArray<ExplainInput>
  readonly calendar: ExplainCalendar
  /** A sentence in English saying how `at` follows from the inputs. */
  readonly explanation: string
  /** Why `at` is undefined. */
  readonly reason?: string
}

/** Settings that change answers: the request policy of the operator (RET-REQ-PD-CONFIG). @category retention */
export interface ExplainOptions {
  readonly requestPolicy?: RequestPolicy
}

// ---------------------------------------------------------------------------------------------
// helpers

const unknownQuestion = (question: ExplainQuestion, procedure: string): Explanation => ({
  question,
  at: undefined,
  ruleId: 'RET-SYSTEM-TIMEZONE',
  legalArticle: '–',
  inputs: [],
  calendar: 'calendar-days-europe-brussels',
  explanation: `The ${procedure} procedure has no ${question}.`,
  reason: `not a date of the ${procedure} procedure`,
})

const retentionAnswer = (
  question: ExplainQuestion,
  step: RetentionStepKind,
  policyId: RetentionPolicyId,
  anchor: ExplainInput,
  overrides: Parameters<typeof retentionSchedule>[2],
  notYet: string,
): Explanation => {
  const policy = RETENTION_POLICIES[policyId]
  const rule = policy.steps.find((s) => s.step === step)
  const ruleId = rule?.ruleIds[0] ?? 'RET-LATER-SOURCES-PREVAIL'
  const legalArticle = rule?.legalArticle ?? '–'
  if (anchor.at === undefined)
    return { question, at: undefined, ruleId, legalArticle, inputs: [anchor], calendar: policy.calendar, explanation: notYet, reason: notYet }
  const s = scheduledStep(retentionSchedule(policy, anchor.at, overrides), step)
  const verb = step === 'block-personal-data' ? 'blocked (kept for system administrators, hidden from users)' : 'erased'
  return {
    question,
    at: s?.at,
    ruleId,
    legalArticle,
    inputs: [anchor],
    calendar: policy.calendar,
    explanation: `Personal data is ${verb} ${s?.offset ?? '?'} calendar months after ${anchor.name} (${anchor.at}), counted on the ${RETENTION_TIME_ZONE} wall clock and clamped to the month's end (policy ${policy.id}).`,
  }
}

/**
 * The answer once personal data was removed early (RET-EARLY-REMOVAL): the erasure happened at the
 * removal, and so did the blocking unless the data was already blocked then; `scheduled` is the
 * answer the schedule gives, kept as is for a blocking that came before the removal.
 */
const earlyRemovalAnswer = (question: ExplainQuestion, removal: EarlyRemoval | undefined, scheduled: Explanation): Explanation => {
  if (removal === undefined) return scheduled
  if (question === 'block-personal-data' && removal.removedFrom === 'blocked') return scheduled
  const what = question === 'block-personal-data' ? 'left the users\' reach' : 'was erased'
  const by = removal.actor.kind === 'user' ? `user ${removal.actor.userId} of ${removal.actor.authorityId}` : 'the platform operator'
  return {
    question,
    at: removal.at,
    ruleId: 'RET-EARLY-REMOVAL',
    legalArticle: 'Regulation (EU) No 1024/2012 (IMI Regulation), Art. 14; Regulation (EU) 2016/679 (GDPR), Art. 17',
    inputs: [{ name: 'earlyRemoval.at', at: removal.at }, ...scheduled.inputs],
    calendar: scheduled.calendar,
    explanation: `Personal data ${what} at ${removal.at}, removed early by ${by}${removal.requestedBy === undefined ? '' : ` at the request of: ${removal.requestedBy}`}, before its scheduled date${scheduled.at === undefined ? '' : ` (${scheduled.at})`}.`,
  }
}

/** The first instant after a calendar date, in Brussels: the date is due until the end of that day. */
const endOfBrusselsDay = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1, RETENTION_TIME_ZONE).getTime()).toISOString()
}

// ---------------------------------------------------------------------------------------------
// per procedure

/**
 * Explains a date of a request for information: its indicative reply deadline, the blocking and
 * erasure of its personal data, and for a derogation measures notification the earliest date of the
 * measures. Once the personal data was removed early, the blocking and erasure answer the instant of
 * the removal under RET-EARLY-REMOVAL.
 *
 * @example
 * ```ts
 * import { explainRequest } from '@imi-kit/core'
 * import type { RequestState } from '@imi-kit/core'
 * // a request closed at 10:00 in Brussels on 15 January 2026
 * declare const closed: RequestState
 * const a = explainRequest(closed, 'block-personal-data')
 * a.at // '2026-07-15T08:00:00.000Z', i.e. 10:00 in Brussels (summer time)
 * a.ruleId // 'RET-BLOCK-SIX-MONTHS'
 * ```
 * @category retention
 */
export const explainRequest = (state: RequestState, question: ExplainQuestion, options: ExplainOptions = {}): Explanation => {
  const closedAt: ExplainInput = { name: 'closedAt', at: state.status === 'closed' ? state.closedAt : undefined }
  const notClosed = 'The request is not closed: its personal data is kept while it is open (RET-REQ-PD-OPEN-KEPT).'
  const overrides = requestRetentionOverrides(options.requestPolicy ?? {})
  switch (question) {
    case 'block-personal-data':
    case 'erase-personal-data':
      return earlyRemovalAnswer(question, state.earlyRemoval, retentionAnswer(question, question, 'imi-regulation', closedAt, overrides, notClosed))
    case 'reply-deadline': {
      const inputs = [{ name: 'deadline', at: state.deadline }, { name: 'originalDeadline', at: state.originalDeadline }]
      const base = { question, ruleId: 'REQ-DEADLINE-INDICATIVE', legalArticle: 'IMI user manual 003 §5.3.1, §9.3.1.1', inputs, calendar: 'end-of-day-europe-brussels' as const }
      if (state.deadline === undefined)
        return { ...base, at: undefined, explanation: 'The request has no reply deadline.', reason: 'no deadline was set' }
      const replaced = state.originalDeadline === undefined ? '' : ` It replaced the original deadline ${state.originalDeadline} (REQ-DEADLINE-REPLACED).`
      return {
        ...base,
        at: endOfBrusselsDay(state.deadline),
        explanation: `The indicative reply deadline ${state.deadline} runs to the end of that day in ${RETENTION_TIME_ZONE}; passing it triggers nothing.${replaced}`,
      }
    }
    case 'earliest-measure-date': {
      const d = state.derogation
      const notifiedAt = d?.kind === 'measures-notification' ? d.notifiedAt : undefined
      const at = earliestMeasureDate(state)
      const base = {
        question,
        ruleId: 'DEROG-STANDSTILL-15',
        legalArticle: 'Directive 2006/123/EC, Art. 35 (derogations in individual cases); IMI user manual 003 §7.1',
        inputs: [{ name: 'derogation.notifiedAt', at: notifiedAt }],
        calendar: 'calendar-days-europe-brussels' as const,
      }
      if (at === undefined)
        return {
          ...base,
          at,
          explanation: 'No standstill runs: the request is not a notified step-3 measures notification, or the Commission decided otherwise.',
          reason: 'no standstill applies',
        }
      return { ...base, at, explanation: `The measures may be taken ${DEROGATION_STANDSTILL_DAYS} calendar days after the notification (${notifiedAt ?? '?'}), on the ${RETENTION_TIME_ZONE} wall clock.` }
    }
    default:
      return unknownQuestion(question, 'request')
  }
}

/**
 * Explains a date of a Services Directive alert: the end of the closure comment and objection
 * periods, and the blocking and erasure of its personal data after closure or withdrawal (or their
 * early removal, RET-EARLY-REMOVAL).
 *
 * @example
 * ```ts
 * import { explainAlert } from '@imi-kit/core'
 * import type { AlertState } from '@imi-kit/core'
 * declare const alert: AlertState
 * const a = explainAlert(alert, 'comment-period-end')
 * a.ruleId // 'ALERT-COMMENT-PERIOD-END'
 * ```
 * @category retention
 */
export const explainAlert = (state: AlertState, question: ExplainQuestion): Explanation => {
  const withdrawn = state.status === 'withdrawn'
  const anchor: ExplainInput = withdrawn ? { name: 'withdrawnAt', at: state.withdrawnAt } : { name: 'closedAt', at: state.status === 'closed' ? state.closedAt : undefined }
  const notEnded = 'The alert is neither closed nor withdrawn: no retention clock runs yet.'
  const policy: RetentionPolicyId = withdrawn ? 'imi-alert-withdrawn' : 'imi-alert'
  const c = state.closure
  switch (question) {
    case 'block-personal-data':
    case 'erase-personal-data':
      return earlyRemovalAnswer(question, state.earlyRemoval, retentionAnswer(question, question, policy, anchor, {}, notEnded))
    case 'comment-period-end': {
      const base = {
        question,
        ruleId: 'ALERT-COMMENT-PERIOD-END',
        legalArticle: 'Directive 2006/123/EC, Art. 32 (alert mechanism); IMI user manual 003 §6.3.6.2',
        inputs: [{ name: 'closure.proposedAt', at: c?.proposedAt }, { name: 'closure.commentPeriodEndsAt', at: c?.commentPeriodEndsAt }],
        calendar: 'calendar-days-europe-brussels' as const,
      }
      if (c === undefined) return { ...base, at: undefined, explanation: 'No closure is proposed.', reason: 'no closure proposal' }
      return { ...base, at: c.commentPeriodEndsAt, explanation: `The comment period on the closure proposal of ${c.proposedAt} ends after the configured number of calendar days, on the ${RETENTION_TIME_ZONE} wall clock.` }
    }
    case 'objection-period-end': {
      const base = {
        question,
        ruleId: 'ALERT-OBJECTION-PERIOD-END',
        legalArticle: 'Directive 2006/123/EC, Art. 32 (alert mechanism); IMI user manual 003 §6.3.6.4',
        inputs: [{ name: 'closure.broadcastAt', at: c?.broadcastAt }, { name: 'closure.objectionPeriodEndsAt', at: c?.objectionPeriodEndsAt }],
        calendar: 'calendar-days-europe-brussels' as const,
      }
      if (c?.objectionPeriodEndsAt === undefined)
        return { ...base, at: undefined, explanation: 'The closure proposal is not broadcast yet.', reason: 'no objection period' }
      return {
        ...base,
        at: c.objectionPeriodEndsAt,
        explanation: `The objection period opened by the broadcast of ${c.broadcastAt ?? '?'} ends after the configured number of calendar days, on the ${RETENTION_TIME_ZONE} wall clock.`,
      }
    }
    default:
      return unknownQuestion(question, 'alert')
  }
}

/**
 * Explains a date of an exchange, dispatching on its procedure id.
 *
 * @example
 * ```ts
 * import { explain } from '@imi-kit/core'
 * import type { RequestState } from '@imi-kit/core'
 * declare const request: RequestState
 * explain(request, 'erase-personal-data', { requestPolicy: { personalDataBlockMonths: 3 } }).calendar // 'calendar-months-europe-brussels'
 * ```
 * @category retention
 */
export const explain = (state: RequestState | AlertState, question: ExplainQuestion, options: ExplainOptions = {}): Explanation =>
  state.procedure === ALERT_PROCEDURE_ID ? explainAlert(state, question) : explainRequest(state, question, options)

/**
 * True once the instant of an answer has come: a timer fires at or after it (RET-MONTH-ARITHMETIC).
 *
 * @category retention
 */
export const hasPassed = (answer: Explanation, now: Date): boolean => answer.at !== undefined && now.toISOString() >= answer.at
