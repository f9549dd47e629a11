/**
 * Individual derogations (Services Directive, Art. 18 and 35; spec §8) inside the request workflow:
 * what a derogation request or notification needs before it is sent, what the reply to a step-1
 * request must state, the stand-still before notified measures may be taken, and the Commission's
 * part. A derogation is an ordinary Services request using one of the two derogation question sets, so
 * every rule of the request workflow applies to it as well (DEROG-GENERIC-MECHANICS).
 *
 * @module
 */
import { addCalendarDays } from '../../time/calendar.js'
import type { DomainError } from '../../model/errors.js'
import { domainError } from '../../model/errors.js'
import type { QuestionSetDerogation } from '../../model/legislative-areas.js'
import { DEROGATION_CHECKLIST_STEPS } from '../../model/legislative-areas.js'
import { isSent } from './facts.js'
import type { Answer, DerogationDraft, RequestState, SendProblem } from './model.js'
import { DEROGATION_STANDSTILL_DAYS, REQUEST_NUMBER_FORMAT } from './model.js'

// Calendar days are counted by the core's one calendar (DEROG-STANDSTILL-CALENDAR, RET-SYSTEM-TIMEZONE).
export { addCalendarDays } from '../../time/calendar.js'

/**
 * True when a text has the format of a request number made by the procedure (DEROG-REFERENCE-FORMAT).
 * Whether that request exists, or whom it is visible to, is not checked.
 *
 * @example
 * ```ts
 * import { isRequestNumber } from '@imi-kit/core'
 * isRequestNumber('REQ-2026-000042') // true
 * isRequestNumber('2026/42') // false
 * ```
 * @category queries
 */
export const isRequestNumber = (text: string): boolean => REQUEST_NUMBER_FORMAT.test(text)

/**
 * True when every checklist item of the question set is confirmed (DEROG-STEP1-CHECKLIST,
 * DEROG-STEP3-CONTENT).
 *
 * @category queries
 */
export const derogationChecklistComplete = (draft: DerogationDraft | undefined, config: QuestionSetDerogation): boolean =>
  config.checklist.every((item) => draft?.confirmed.includes(item.id) ?? false)

/**
 * Checks the earlier-request number of a notification of measures: mandatory for step 3 of the normal
 * procedure (DEROG-STEP3-REFERENCE), optional for urgency (DEROG-URGENCY-NO-REFERENCE), and checked
 * for its format only (DEROG-REFERENCE-FORMAT). `undefined` when it is fine.
 *
 * @category queries
 */
export const validateStep3Reference = (draft: DerogationDraft | undefined): SendProblem | undefined => {
  const reference = draft?.relatedRequestNumber
  if (reference === undefined)
    return draft?.procedure === 'normal-step3'
      ? { code: 'request.related-request-missing', ruleId: 'DEROG-STEP3-REFERENCE', message: 'State the number of the earlier request to the Member State of establishment', field: 'derogation.relatedRequestNumber' }
      : undefined
  return isRequestNumber(reference)
    ? undefined
    : { code: 'request.related-request-format', ruleId: 'DEROG-REFERENCE-FORMAT', message: `${reference} is not a request number`, field: 'derogation.relatedRequestNumber' }
}

/**
 * The problems that keep a derogation request or notification from being sent, besides those of
 * every request.
 *
 * @category queries
 */
export const derogationSendProblems = (state: RequestState, config: QuestionSetDerogation): ReadonlyArray<SendProblem> => {
  const problems: SendProblem[] = []
  const draft = state.derogation
  const step1 = config.kind === 'request'
  if (step1 && config.checklist.length !== DEROGATION_CHECKLIST_STEPS)
    problems.push({
      code: 'request.checklist-misconfigured',
      ruleId: 'DEROG-CHECKLIST-CONFIG',
      message: `The checklist of a derogation request has ${DEROGATION_CHECKLIST_STEPS} steps; this question set has ${config.checklist.length}`,
      field: 'questionSetId',
    })
  if (!derogationChecklistComplete(draft, config))
    problems.push({
      code: 'request.checklist-incomplete',
      ruleId: step1 ? 'DEROG-STEP1-CHECKLIST' : 'DEROG-STEP3-CONTENT',
      message: 'Confirm every step of the checklist',
      field: 'derogation.confirmed',
    })
  for (const f of config.freeTexts)
    if ((draft?.freeTexts[f.id]?.text ?? '').trim() === '')
      problems.push({
        code: 'request.derogation-text-missing',
        ruleId: step1 ? 'DEROG-STEP1-FREE-TEXT' : 'DEROG-STEP3-CONTENT',
        message: `Fill in "${f.label.en}"`,
        field: `derogation.freeTexts.${f.id}`,
      })
  const measures = config.measuresQuestion
  if (measures !== undefined && !state.questions.some((q) => q.questionId === measures.questionId && q.movedTo === undefined))
    problems.push({
      code: 'request.measures-question-missing',
      ruleId: 'DEROG-STEP1-QSET',
      message: 'A derogation request asks the Member State of establishment which measures it takes',
      field: 'questions',
    })
  if (!step1) {
    if (draft?.procedure === undefined)
      problems.push({ code: 'request.derogation-procedure-missing', ruleId: 'DEROG-STEP3-CONTENT', message: 'Choose the normal procedure (step 3) or the urgency procedure', field: 'derogation.procedure' })
    const reference = validateStep3Reference(draft)
    if (reference !== undefined) problems.push(reference)
  }
  return problems
}

/**
 * Checks what the Member State of establishment states in its reply to a step-1 request: a
 * predefined answer to the measures question (taken, intended or none), with a justification when no
 * measures are intended (DEROG-STEP2-JUSTIFY). `undefined` when it is fine or the question is not
 * asked here.
 *
 * @category queries
 */
export const measuresReplyProblem = (config: QuestionSetDerogation, answers: ReadonlyArray<Answer>): DomainError | undefined => {
  const measures = config.measuresQuestion
  const answer = measures === undefined ? undefined : answers.find((a) => a.questionId === measures.questionId)
  if (measures === undefined || answer === undefined) return undefined
  if (answer.answerId === undefined)
    return domainError('request.measures-not-stated', 'State whether measures were taken, are intended, or none', 'DEROG-STEP2-JUSTIFY')
  if (measures.justificationRequiredFor.includes(answer.answerId) && answer.comment === undefined)
    return domainError('request.measures-not-justified', 'Justify in a comment why no measures are intended', 'DEROG-STEP2-JUSTIFY')
  return undefined
}

/**
 * True when the Commission receives the request: a notification of measures sent while the operator's
 * policy addressed such notifications to it, once it has reached the Member State of establishment
 * (DEROG-STEP3-RECIPIENTS, DEROG-URGENCY-COMMISSION). It never sees personal data there
 * (DEROG-COMMISSION-NO-PD).
 *
 * @category queries
 */
export const commissionReceives = (state: RequestState): boolean => state.derogation?.commission === true && isSent(state)

/**
 * Why a Commission contrary decision cannot be recorded on this request now, or `undefined` when it
 * can: only on a notification of measures that has reached the Member State of establishment, once
 * (DEROG-CONTRARY-DECISION).
 *
 * @category queries
 */
export const contraryDecisionProblem = (state: RequestState): DomainError | undefined => {
  const d = state.derogation
  if (d?.kind !== 'measures-notification')
    return domainError('request.not-a-measures-notification', 'A contrary decision concerns a notification of individual measures', 'DEROG-CONTRARY-DECISION')
  if (d.notifiedAt === undefined || !isSent(state))
    return domainError('request.not-notified', 'The notification has not been sent to the Member State of establishment and the Commission yet', 'DEROG-CONTRARY-DECISION')
  if (d.contraryDecision !== undefined)
    return domainError('request.contrary-decision-exists', 'A contrary decision is already recorded', 'DEROG-CONTRARY-DECISION')
  return undefined
}

/**
 * The earliest instant at which the requesting Member State may take the measures it notified: 15
 * calendar days after the notification reached the Member State of establishment and the Commission
 * (DEROG-STANDSTILL-15, DEROG-STANDSTILL-CALENDAR). `undefined` for anything but a notified step-3
 * notification: an urgency notification has no stand-still (DEROG-URGENCY-NO-STANDSTILL), and a
 * Commission contrary decision prevents the measures (DEROG-CONTRARY-DECISION).
 *
 * @example
 * ```ts
 * import { earliestMeasureDate } from '@imi-kit/core'
 * import type { RequestState } from '@imi-kit/core'
 * // a step-3 notification that reached the Member State of establishment on Monday 2 March 2026, 09:00 UTC
 * declare const notification: RequestState
 * earliestMeasureDate(notification) // '2026-03-17T09:00:00.000Z'
 * ```
 * @category queries
 */
export const earliestMeasureDate = (state: RequestState): string | undefined => {
  const d = state.derogation
  if (d?.kind !== 'measures-notification' || d.procedure !== 'normal-step3' || d.notifiedAt === undefined || d.contraryDecision !== undefined)
    return undefined
  return addCalendarDays(d.notifiedAt, DEROGATION_STANDSTILL_DAYS)
}
