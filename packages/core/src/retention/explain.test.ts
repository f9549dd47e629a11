/**
 * Retention rules as data and `explain`: each derived date with its rule, legal article, inputs and
 * calendar, recomputed from the state, checked one instant before, at and after it (spec §11.3,
 * cpc-and-ecommerce §2.18.2, §2.20).
 */
import { describe, expect, it } from 'vitest'
import {
  RETENTION_POLICIES,
  STATISTICAL_FIELDS,
  addCalendarMonths,
  addInCalendar,
  alertRetention,
  createRequestProcedure,
  explain,
  explainAlert,
  explainRequest,
  hasPassed,
  requestForInformation,
  requestRetention,
  retentionSchedule,
  statisticsStub,
} from '../index.js'
import type { Explanation, RequestState } from '../index.js'
import {
  DAY, TEST_ALERT_POLICY, U, alertHarness, closedAlert, closureProposedAlert, cmd, measuresNotificationDraft, objectionPeriodAlert, pqDraft,
  repliedRequest, requestHarness, sendRequest, testAlertProcedure, worldData,
} from '../testing/index.js'
import type { RequestHarness } from '../testing/index.js'
import type { ExchangeId } from '../model/ids.js'

// ---------------------------------------------------------------------------------------------
// fixtures

/** 10:00 in Brussels (CET) on Friday 20 March 2026, nine days before the switch to summer time. */
const CLOSED_CET = '2026-03-20T09:00:00.000Z'
const MS = 1

const closedAt = (h: RequestHarness, at: string = CLOSED_CET): ExchangeId => {
  const id = repliedRequest(h)
  h.now = new Date(at)
  h.ok(U.frHandler, cmd('request.close', id))
  return id
}

/** The wall-clock time in Brussels, as `YYYY-MM-DD HH:mm:ss`. */
const brussels = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso))

/** One instant before the answer it has not passed; at it and after it, it has (the timer boundary style). */
const expectBoundary = (answer: Explanation): void => {
  expect(answer.at).toBeDefined()
  const at = new Date(answer.at ?? '').getTime()
  expect(hasPassed(answer, new Date(at - MS))).toBe(false)
  expect(hasPassed(answer, new Date(at))).toBe(true)
  expect(hasPassed(answer, new Date(at + MS))).toBe(true)
}

// ---------------------------------------------------------------------------------------------
// policies

describe('retention policies as data', () => {
  it('[RET-LATER-SOURCES-PREVAIL] the manual\'s 6-month "deletion" is a blocking: IMI data is erased 3 years after closure, CPC data at the latest 5 years after', () => {
    const imi = RETENTION_POLICIES['imi-regulation']
    expect(imi.steps.map((s) => [s.step, s.offset])).toEqual([['block-personal-data', 6], ['erase-personal-data', 36]])
    expect(imi.steps.every((s) => s.ruleIds.includes('RET-LATER-SOURCES-PREVAIL'))).toBe(true)
    expect(imi.steps[0]?.legalArticle).toContain('1024/2012')
    const cpc = RETENTION_POLICIES['cpc-general']
    expect(cpc.steps.map((s) => [s.step, s.offset, s.configurable])).toEqual([['block-personal-data', 6, 'at-most'], ['remove-all-information', 60, 'at-most']])
    expect(cpc.steps[1]?.legalArticle).toContain('Art. 35(3)')
    // A closed request: blocked, not erased, at six months; erased only at three years
    const h = requestHarness()
    const id = closedAt(h)
    const block = explainRequest(h.state(id), 'block-personal-data')
    const erase = explainRequest(h.state(id), 'erase-personal-data')
    expect(block.at).toBe(addCalendarMonths(CLOSED_CET, 6))
    expect(erase.at).toBe(addCalendarMonths(CLOSED_CET, 36))
    expect(block.explanation).toContain('blocked')
    expect(requestForInformation.timers(h.state(id)).map((t) => [t.command.type, t.dueAt])).toEqual([
      ['request.block-personal-data', block.at],
      ['request.erase-personal-data', erase.at],
    ])
  })

  it('[RET-STATISTICS-KEPT] CPC coordinated actions lose all information 5 years after the coordinator\'s notification of closure; only the statistical fields remain', () => {
    const coordinated = RETENTION_POLICIES['cpc-coordinated-action']
    expect(coordinated.anchor).toBe('coordinator-closure-notification')
    expect(coordinated.keptAfterwards).toBe('statistics')
    const notifiedAt = '2026-06-30T14:00:00.000Z'
    const removal = retentionSchedule(coordinated, notifiedAt).find((s) => s.step === 'remove-all-information')
    expect(removal).toMatchObject({ at: '2031-06-30T14:00:00.000Z', anchorAt: notifiedAt, ruleIds: ['RET-STATISTICS-KEPT'] })
    const record = {
      procedure: 'cpc.coordinated-action', legalBasis: 'Art. 17', memberStates: ['FR', 'DE'], createdAt: '2026-01-05', closedAt: notifiedAt, status: 'closed',
      trader: 'Jane Doe', infringement: 'misleading prices', attachments: ['evidence.pdf'],
    }
    const stub = statisticsStub(record)
    expect(stub).toEqual({ procedure: 'cpc.coordinated-action', legalBasis: 'Art. 17', memberStates: ['FR', 'DE'], createdAt: '2026-01-05', closedAt: notifiedAt, status: 'closed' })
    expect(Object.keys(stub).every((k) => (STATISTICAL_FIELDS as ReadonlyArray<string>).includes(k))).toBe(true)
    expect(JSON.stringify(stub)).not.toContain('Jane Doe')
  })

  it('[RET-REQ-PD-PURGE] a closed request\'s personal data leaves the users\' reach 6 months after closure, whatever the closure; nothing is planned while open', () => {
    const h = requestHarness()
    const open = repliedRequest(h)
    const pending = explainRequest(h.state(open), 'block-personal-data')
    expect(pending.at).toBeUndefined()
    expect(pending.reason).toContain('not closed')
    expect(pending.inputs).toEqual([{ name: 'closedAt', at: undefined }])
    const id = closedAt(h)
    const block = explainRequest(h.state(id), 'block-personal-data')
    expect(block).toMatchObject({ ruleId: 'RET-BLOCK-SIX-MONTHS', legalArticle: expect.stringContaining('Art. 14'), inputs: [{ name: 'closedAt', at: CLOSED_CET }], calendar: 'calendar-months-europe-brussels' })
    expect(RETENTION_POLICIES['imi-regulation'].steps[0]?.ruleIds).toContain('RET-REQ-PD-PURGE')
    expect(block.at).toBe(requestRetention(h.state(id), {}).blockAt)
    expectBoundary(block)
    // a corrected closure date moves the answer: it is recomputed, never stored
    const corrected: RequestState = { ...h.state(id), closedAt: '2026-04-01T08:00:00.000Z' }
    expect(explainRequest(corrected, 'block-personal-data').at).toBe('2026-10-01T08:00:00.000Z')
    // a reopened request has no closure, so no clock
    const reopened: RequestState = { ...h.state(id), status: 'replied', closedAt: undefined }
    expect(explainRequest(reopened, 'block-personal-data').at).toBeUndefined()
  })

  it('[RET-REQ-PD-CONFIG] the operator may shorten the block period; a longer one is capped at the regulation\'s 6 months', () => {
    const shorter = { personalDataBlockMonths: 3 }
    const h = requestHarness(worldData(), undefined, createRequestProcedure(shorter))
    const id = closedAt(h)
    const s = h.state(id)
    expect(explainRequest(s, 'block-personal-data', { requestPolicy: shorter }).at).toBe('2026-06-20T08:00:00.000Z')
    expect(explain(s, 'block-personal-data', { requestPolicy: shorter }).at).toBe(createRequestProcedure(shorter).retention(s).blockAt)
    expect(explainRequest(s, 'block-personal-data', { requestPolicy: { personalDataBlockMonths: 12 } }).at).toBe(explainRequest(s, 'block-personal-data').at)
    expect(explainRequest(s, 'block-personal-data').at).toBe('2026-09-20T08:00:00.000Z')
    expect(retentionSchedule(RETENTION_POLICIES['imi-regulation'], CLOSED_CET, { 'block-personal-data': 12 })[0]?.offset).toBe(6)
    expectBoundary(explainRequest(s, 'block-personal-data', { requestPolicy: shorter }))
  })

  it('[RET-MONTH-ARITHMETIC] months are calendar months clamped to the month end, and the schedule is due at its instant, not before', () => {
    const steps = retentionSchedule(RETENTION_POLICIES['imi-regulation'], '2026-08-31T10:00:00.000Z')
    expect(steps[0]?.at).toBe('2027-02-28T11:00:00.000Z')
    expect(retentionSchedule(RETENTION_POLICIES['imi-regulation'], '2027-08-31T10:00:00.000Z')[0]?.at).toBe('2028-02-29T11:00:00.000Z')
    const h = requestHarness()
    const id = closedAt(h, '2026-08-31T10:00:00.000Z')
    const block = explainRequest(h.state(id), 'block-personal-data')
    expect(block.at).toBe(steps[0]?.at)
    expectBoundary(block)
  })

  it('[RET-SYSTEM-TIMEZONE] months are counted on the Europe/Brussels wall clock: a 10:00 CET closure is blocked at 10:00 CEST and erased at 10:00 CET', () => {
    const h = requestHarness()
    const id = closedAt(h)
    expect(brussels(CLOSED_CET)).toBe('2026-03-20 10:00:00')
    const block = explainRequest(h.state(id), 'block-personal-data')
    const erase = explainRequest(h.state(id), 'erase-personal-data')
    expect(block.at).toBe('2026-09-20T08:00:00.000Z')
    expect(brussels(block.at ?? '')).toBe('2026-09-20 10:00:00')
    expect(erase.at).toBe('2029-03-20T09:00:00.000Z')
    expect(brussels(erase.at ?? '')).toBe('2029-03-20 10:00:00')
    expect(block.explanation).toContain('Europe/Brussels')
    // and back: a 10:00 CEST closure is blocked at 10:00 CET
    const summer = explainRequest({ ...h.state(id), closedAt: '2026-07-10T08:00:00.000Z' }, 'block-personal-data')
    expect(summer.at).toBe('2027-01-10T09:00:00.000Z')
    expect(brussels(summer.at ?? '')).toBe('2027-01-10 10:00:00')
  })
})

// ---------------------------------------------------------------------------------------------
// requests

describe('explain for a request', () => {
  it('[RET-DELETE-THREE-YEARS] erasure is explained 36 calendar months after closure, one instant before, at and after', () => {
    const h = requestHarness()
    const id = closedAt(h)
    const erase = explainRequest(h.state(id), 'erase-personal-data')
    expect(erase).toMatchObject({ ruleId: 'RET-DELETE-THREE-YEARS', calendar: 'calendar-months-europe-brussels', inputs: [{ name: 'closedAt', at: CLOSED_CET }] })
    expectBoundary(erase)
  })

  it('[REQ-DEADLINE-INDICATIVE] the reply deadline runs to the end of its day in Brussels, and follows a replaced deadline', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqDraft({ deadline: '2026-03-27' }))
    const first = explainRequest(h.state(id), 'reply-deadline')
    expect(first).toMatchObject({ ruleId: 'REQ-DEADLINE-INDICATIVE', calendar: 'end-of-day-europe-brussels', inputs: [{ name: 'deadline', at: '2026-03-27' }, { name: 'originalDeadline', at: undefined }] })
    // midnight at the end of Friday 27 March (CET) is 23:00 UTC
    expect(first.at).toBe('2026-03-27T23:00:00.000Z')
    expect(brussels(new Date(new Date(first.at ?? '').getTime() - MS).toISOString())).toBe('2026-03-27 23:59:59')
    expectBoundary(first)
    h.ok(U.deHandler, cmd('request.accept', id, { deadline: '2026-04-20' }))
    const replaced = explainRequest(h.state(id), 'reply-deadline')
    // after the switch to summer time, the day ends at 22:00 UTC
    expect(replaced.at).toBe('2026-04-20T22:00:00.000Z')
    expect(replaced.inputs).toEqual([{ name: 'deadline', at: '2026-04-20' }, { name: 'originalDeadline', at: '2026-03-27' }])
    expect(replaced.explanation).toContain('2026-03-27')
    expectBoundary(replaced)
    expect(requestForInformation.timers(h.state(id))).toEqual([])
  })

  it('[DEROG-STANDSTILL-15] the earliest measure date is explained from the notification, 15 calendar days on', () => {
    const h = requestHarness()
    const id = sendRequest(h, measuresNotificationDraft())
    const answer = explain(h.state(id), 'earliest-measure-date')
    expect(answer).toMatchObject({ ruleId: 'DEROG-STANDSTILL-15', calendar: 'calendar-days-europe-brussels', inputs: [{ name: 'derogation.notifiedAt', at: h.state(id).derogation?.notifiedAt }] })
    expect(answer.at).toBe(new Date(new Date(h.state(id).derogation?.notifiedAt ?? '').getTime() + 15 * DAY).toISOString())
    expectBoundary(answer)
    const plain = sendRequest(h)
    expect(explain(h.state(plain), 'earliest-measure-date')).toMatchObject({ at: undefined, reason: 'no standstill applies' })
  })

  it('[RET-REQ-PD-OPEN-KEPT] an open request has no erasure date; questions of another procedure are not applicable, with a reason', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    for (const q of ['comment-period-end', 'objection-period-end'] as const) expect(explainRequest(h.state(id), q)).toMatchObject({ at: undefined, reason: expect.stringContaining('request') })
    expect(explainRequest(h.state(id), 'erase-personal-data').at).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
// alerts

describe('explain for an alert', () => {
  it('[ALERT-COMMENT-PERIOD-END] the end of the comment period is explained and equals its timer', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    const answer = explainAlert(h.state(id), 'comment-period-end')
    const timer = testAlertProcedure.timers(h.state(id)).find((t) => t.command.type === 'alert.end-comment-period')
    expect(answer).toMatchObject({ ruleId: 'ALERT-COMMENT-PERIOD-END', at: timer?.dueAt, calendar: 'calendar-days-europe-brussels' })
    expect(answer.at).toBe(new Date(h.now.getTime() + TEST_ALERT_POLICY.commentPeriod.days * DAY).toISOString())
    expectBoundary(answer)
    expect(explainAlert(h.state(id), 'objection-period-end')).toMatchObject({ at: undefined, reason: 'no objection period' })
  })

  it('[ALERT-OBJECTION-PERIOD-END] the end of the objection period is explained from the broadcast of the proposal, and equals its timer', () => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    const answer = explainAlert(h.state(id), 'objection-period-end')
    const timer = testAlertProcedure.timers(h.state(id)).find((t) => t.command.type === 'alert.end-objection-period')
    expect(answer).toMatchObject({ ruleId: 'ALERT-OBJECTION-PERIOD-END', at: timer?.dueAt })
    expect(answer.inputs[0]).toEqual({ name: 'closure.broadcastAt', at: h.state(id).closure?.broadcastAt })
    expectBoundary(answer)
  })

  it('[RET-ALERT-PD-PURGE] an alert\'s personal data is blocked 6 months after closure and erased 3 years after, as its timers say', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    const s = h.state(id)
    const block = explain(s, 'block-personal-data')
    const erase = explain(s, 'erase-personal-data')
    expect(block).toMatchObject({ ruleId: 'RET-ALERT-PD-PURGE', at: alertRetention(s).blockAt, inputs: [{ name: 'closedAt', at: s.closedAt }] })
    expect(erase).toMatchObject({ ruleId: 'RET-DELETE-THREE-YEARS', at: alertRetention(s).eraseAt })
    expect(block.at).toBe(addCalendarMonths(s.closedAt ?? '', 6))
    const timers = testAlertProcedure.timers(s)
    expect(timers.find((t) => t.id === 'retention.block')?.dueAt).toBe(block.at)
    expect(timers.find((t) => t.id === 'retention.erase')?.dueAt).toBe(erase.at)
    expectBoundary(block)
    expectBoundary(erase)
  })

  it('[RET-WITHDRAWN-PD-PURGE] a withdrawn alert\'s clock starts at the withdrawal', () => {
    const h = alertHarness()
    const id = closedAlert(h)
    const withdrawnAt = '2026-05-04T12:00:00.000Z'
    const withdrawn = { ...h.state(id), status: 'withdrawn' as const, closedAt: undefined, withdrawnAt }
    const block = explainAlert(withdrawn, 'block-personal-data')
    expect(block).toMatchObject({ ruleId: 'RET-WITHDRAWN-PD-PURGE', at: '2026-11-04T13:00:00.000Z', inputs: [{ name: 'withdrawnAt', at: withdrawnAt }] })
    expect(block.at).toBe(alertRetention(withdrawn).blockAt)
    expectBoundary(block)
    h.advance(DAY)
    expect(explainAlert({ ...withdrawn, withdrawnAt: h.now.toISOString() }, 'block-personal-data').at).not.toBe(block.at)
  })
})

// ---------------------------------------------------------------------------------------------
// the TSDoc examples say what the functions return

describe('documented examples', () => {
  it('the examples of policies.ts hold', () => {
    expect(addInCalendar('2026-01-15T09:00:00.000Z', 6, 'calendar-months-europe-brussels')).toBe('2026-07-15T08:00:00.000Z')
    expect(addInCalendar('2026-03-20T10:00:00.000Z', 15, 'calendar-days-europe-brussels')).toBe('2026-04-04T09:00:00.000Z')
    expect(retentionSchedule(RETENTION_POLICIES['imi-regulation'], '2026-08-31T10:00:00.000Z', { 'block-personal-data': 12 }).map((s) => [s.step, s.at])).toEqual([
      ['block-personal-data', '2027-02-28T11:00:00.000Z'],
      ['erase-personal-data', '2029-08-31T10:00:00.000Z'],
    ])
    expect(RETENTION_POLICIES['imi-regulation'].steps.map((s) => s.offset)).toEqual([6, 36])
    expect(RETENTION_POLICIES['cpc-coordinated-action'].anchor).toBe('coordinator-closure-notification')
    expect(statisticsStub({ procedure: 'cpc.request', status: 'closed', trader: 'Jane Doe' })).toEqual({ procedure: 'cpc.request', status: 'closed' })
  })

  it('the example of explainRequest holds: closed at 10:00 in Brussels on 15 January 2026', () => {
    const h = requestHarness(worldData(), new Date('2026-01-05T09:00:00Z'))
    const id = closedAt(h, '2026-01-15T09:00:00.000Z')
    const a = explainRequest(h.state(id), 'block-personal-data')
    expect([a.at, a.ruleId]).toEqual(['2026-07-15T08:00:00.000Z', 'RET-BLOCK-SIX-MONTHS'])
    expect(explain(h.state(id), 'erase-personal-data', { requestPolicy: { personalDataBlockMonths: 3 } }).calendar).toBe('calendar-months-europe-brussels')
  })
})
