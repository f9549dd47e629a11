/**
 * Retention rules as data, one policy per legal basis, and the pure function that turns a policy and
 * an anchor instant into a schedule of blocking, erasure and removal steps.
 *
 * Under the later sources the general manual's "personal data deleted 6 months after closure" means
 * "blocked" then, and deleted later (RET-LATER-SOURCES-PREVAIL): 3 years after closure for IMI
 * exchanges (Regulation (EU) No 1024/2012, Art. 14), at the latest 5 years after closure under the
 * CPC Regulation (Regulation (EU) 2017/2394, Art. 35(3)).
 *
 * @module
 */
import { addCalendarDays, addCalendarMonths } from '../time/calendar.js'

// ---------------------------------------------------------------------------------------------
// model

/**
 * How an offset is added, and in which time zone (RET-SYSTEM-TIMEZONE, RET-MONTH-ARITHMETIC):
 * calendar months clamped to the month's end, or calendar days, both counted on the local wall
 * clock of Europe/Brussels so that 10:00 CET plus six months is 10:00 CEST.
 *
 * @category retention
 */
export type RetentionCalendar = 'calendar-months-europe-brussels' | 'calendar-days-europe-brussels'

/**
 * The event a retention clock starts from.
 *
 * - `formal-closure`: the closure of the exchange, whatever its reason (RET-REQ-PD-ALL-CLOSURES);
 * - `withdrawal`: the withdrawal of an alert (RET-WITHDRAWN-PD-PURGE);
 * - `coordinator-closure-notification`: the coordinator's notification of the closure of a CPC
 *   coordinated action (Art. 22(1), Art. 35 CPC Regulation);
 * - `generation`: the generation of a report.
 *
 * @category retention
 */
export type RetentionAnchor = 'formal-closure' | 'withdrawal' | 'coordinator-closure-notification' | 'generation'

/**
 * What a step does:
 *
 * - `block-personal-data`: personal data stays stored but no user sees it; only system
 *   administrators do (RET-BLOCK-SIX-MONTHS);
 * - `erase-personal-data`: personal data is deleted, the non-personal content stays;
 * - `remove-all-information`: all information, personal or not, is deleted and only the statistical
 *   fields remain (RET-STATISTICS-KEPT);
 * - `delete-document`: the whole object goes (e.g. a generated report).
 *
 * @category retention
 */
export type RetentionStepKind = 'block-personal-data' | 'erase-personal-data' | 'remove-all-information' | 'delete-document'

/**
 * One step of a policy: the offset from the anchor, and whether the law sets it "at the latest"
 * (an operator may then configure a shorter period, never a longer one).
 *
 * @category retention
 */
export interface RetentionStepRule {
  readonly step: RetentionStepKind
  /** The offset, in the unit of the policy's calendar (months or days). */
  readonly offset: number
  /**
   * `at-most`: a configured value is capped at {@link RetentionStepRule.offset} (the law says "at
   * the latest"); `operator`: the configured value is taken as given.
   */
  readonly configurable: 'at-most' | 'operator'
  /** The rules that set this step, as named in `spec/rules`. */
  readonly ruleIds: ReadonlyArray<string>
  readonly legalArticle: string
}

/**
 * A retention policy: the rules of one legal basis, as data.
 *
 * @category retention
 */
export interface RetentionPolicy {
  readonly id: RetentionPolicyId
  readonly legalBasis: string
  readonly anchor: RetentionAnchor
  readonly calendar: RetentionCalendar
  readonly steps: ReadonlyArray<RetentionStepRule>
  /** What remains once the last step has run. */
  readonly keptAfterwards: 'statistics' | 'non-personal-content' | 'nothing'
  /** The documents the rules come from, as cited by the spec. */
  readonly sources: ReadonlyArray<string>
}

/** The identifiers of {@link RETENTION_POLICIES}. @category retention */
export type RetentionPolicyId =
  | 'imi-regulation'
  | 'imi-alert'
  | 'imi-alert-withdrawn'
  | 'cpc-general'
  | 'cpc-coordinated-action'
  | 'generated-report'

/**
 * One computed step: when it falls due and why.
 *
 * @category retention
 */
export interface ScheduledRetentionStep {
  readonly step: RetentionStepKind
  /** ISO-8601 instant; a timer fires at or after it (RET-MONTH-ARITHMETIC). */
  readonly at: string
  /** The offset actually applied, after configuration and capping. */
  readonly offset: number
  readonly calendar: RetentionCalendar
  readonly anchor: RetentionAnchor
  readonly anchorAt: string
  readonly ruleIds: ReadonlyArray<string>
  readonly legalArticle: string
  readonly policy: RetentionPolicyId
}

/** Configured offsets per step, in the policy's unit; absent means the policy's value. @category retention */
export type RetentionOverrides = Readonly<Partial<Record<RetentionStepKind, number>>>

// ---------------------------------------------------------------------------------------------
// data

/** The time zone of every retention calendar (RET-SYSTEM-TIMEZONE). @category constants */
export const RETENTION_TIME_ZONE = 'Europe/Brussels'

const IMI_ART_14 = 'Regulation (EU) No 1024/2012 (IMI Regulation), Art. 14'
const CPC_ART_35_3 = 'Regulation (EU) 2017/2394 (CPC Regulation), Art. 35(3)'
const CPC_ART_22_35 = 'Regulation (EU) 2017/2394 (CPC Regulation), Art. 22(1) and Art. 35'

/**
 * The retention policies the spec lists, per legal basis.
 *
 * - `imi-regulation`: IMI exchanges in general and requests for information: personal data blocked
 *   at the latest 6 months after formal closure, deleted 3 years after it (RET-BLOCK-SIX-MONTHS,
 *   RET-REQ-PD-PURGE, RET-REQ-PD-CONFIG, RET-DELETE-THREE-YEARS, RET-LATER-SOURCES-PREVAIL).
 * - `imi-alert`: alerts, 6 months after closure, then 3 years (RET-ALERT-PD-PURGE).
 * - `imi-alert-withdrawn`: withdrawn alerts, counted from the withdrawal (RET-WITHDRAWN-PD-PURGE).
 * - `cpc-general`: CPC exchanges, personal data hidden after at most 6 months and everything deleted
 *   at the latest 5 years after closure, keeping statistics (Art. 35(3) CPC Regulation).
 * - `cpc-coordinated-action`: all information about the infringement removed 5 years after the
 *   coordinator's notification of closure, statistics only afterwards (RET-STATISTICS-KEPT).
 * - `generated-report`: reports are available for 30 days after generation.
 *
 * @example
 * ```ts
 * import { RETENTION_POLICIES } from '@imi-kit/core'
 * RETENTION_POLICIES['cpc-coordinated-action'].anchor // 'coordinator-closure-notification'
 * RETENTION_POLICIES['imi-regulation'].steps.map((s) => s.offset) // [6, 36]
 * ```
 * @category retention
 */
export const RETENTION_POLICIES: Readonly<Record<RetentionPolicyId, RetentionPolicy>> = {
  'imi-regulation': {
    id: 'imi-regulation',
    legalBasis: 'IMI Regulation',
    anchor: 'formal-closure',
    calendar: 'calendar-months-europe-brussels',
    steps: [
      { step: 'block-personal-data', offset: 6, configurable: 'at-most', ruleIds: ['RET-BLOCK-SIX-MONTHS', 'RET-REQ-PD-PURGE', 'RET-REQ-PD-CONFIG', 'RET-LATER-SOURCES-PREVAIL'], legalArticle: IMI_ART_14 },
      { step: 'erase-personal-data', offset: 36, configurable: 'at-most', ruleIds: ['RET-DELETE-THREE-YEARS', 'RET-LATER-SOURCES-PREVAIL'], legalArticle: IMI_ART_14 },
    ],
    keptAfterwards: 'non-personal-content',
    sources: ['002 §8', '001 §2.4', '003 §10', '004 §2.5', 'spec §11.3', 'Appendix A REQUEST_PD_RETENTION'],
  },
  'imi-alert': {
    id: 'imi-alert',
    legalBasis: 'IMI Regulation (Services Directive alerts)',
    anchor: 'formal-closure',
    calendar: 'calendar-months-europe-brussels',
    steps: [
      { step: 'block-personal-data', offset: 6, configurable: 'at-most', ruleIds: ['RET-ALERT-PD-PURGE', 'RET-BLOCK-SIX-MONTHS', 'RET-LATER-SOURCES-PREVAIL'], legalArticle: IMI_ART_14 },
      { step: 'erase-personal-data', offset: 36, configurable: 'at-most', ruleIds: ['RET-DELETE-THREE-YEARS', 'RET-ALERT-PD-PURGE'], legalArticle: IMI_ART_14 },
    ],
    keptAfterwards: 'non-personal-content',
    sources: ['003 §6.3.6.5', '002 §8', 'spec §7.11, §11.3', 'Appendix A ALERT_PD_RETENTION'],
  },
  'imi-alert-withdrawn': {
    id: 'imi-alert-withdrawn',
    legalBasis: 'IMI Regulation (Services Directive alerts, withdrawn)',
    anchor: 'withdrawal',
    calendar: 'calendar-months-europe-brussels',
    steps: [
      { step: 'block-personal-data', offset: 6, configurable: 'at-most', ruleIds: ['RET-WITHDRAWN-PD-PURGE', 'RET-LATER-SOURCES-PREVAIL'], legalArticle: IMI_ART_14 },
      { step: 'erase-personal-data', offset: 36, configurable: 'at-most', ruleIds: ['RET-DELETE-THREE-YEARS', 'RET-WITHDRAWN-PD-PURGE'], legalArticle: IMI_ART_14 },
    ],
    keptAfterwards: 'non-personal-content',
    sources: ['003 §6.3.3', 'spec §7.11, AMB-AL9'],
  },
  'cpc-general': {
    id: 'cpc-general',
    legalBasis: 'CPC Regulation',
    anchor: 'formal-closure',
    calendar: 'calendar-months-europe-brussels',
    steps: [
      { step: 'block-personal-data', offset: 6, configurable: 'at-most', ruleIds: ['RET-BLOCK-SIX-MONTHS', 'RET-LATER-SOURCES-PREVAIL'], legalArticle: IMI_ART_14 },
      { step: 'remove-all-information', offset: 60, configurable: 'at-most', ruleIds: ['RET-LATER-SOURCES-PREVAIL', 'RET-STATISTICS-KEPT'], legalArticle: CPC_ART_35_3 },
    ],
    keptAfterwards: 'statistics',
    sources: ['001 §2.4', 'cpc-and-ecommerce §2.18.2', 'G-68'],
  },
  'cpc-coordinated-action': {
    id: 'cpc-coordinated-action',
    legalBasis: 'CPC Regulation (coordinated actions)',
    anchor: 'coordinator-closure-notification',
    calendar: 'calendar-months-europe-brussels',
    steps: [
      { step: 'block-personal-data', offset: 6, configurable: 'at-most', ruleIds: ['RET-BLOCK-SIX-MONTHS'], legalArticle: IMI_ART_14 },
      { step: 'remove-all-information', offset: 60, configurable: 'operator', ruleIds: ['RET-STATISTICS-KEPT'], legalArticle: CPC_ART_22_35 },
    ],
    keptAfterwards: 'statistics',
    sources: ['001 §6.3.1', 'cpc-and-ecommerce §2.18.2, IE-20'],
  },
  'generated-report': {
    id: 'generated-report',
    legalBasis: 'IMI user manual (generated reports)',
    anchor: 'generation',
    calendar: 'calendar-days-europe-brussels',
    steps: [{ step: 'delete-document', offset: 30, configurable: 'operator', ruleIds: ['SRCH-REPORT-30-DAYS', 'SRCH-REPORT-EXPIRED-DELETED'], legalArticle: 'IMI user manual 003 §5.3.10; CPC manual 001 §9' }],
    keptAfterwards: 'nothing',
    sources: ['003 §5.3.10', '001 §9', 'Appendix A REPORT_AVAILABILITY'],
  },
}

/**
 * The non-personal fields that remain for statistics once all information of an exchange is removed
 * (RET-STATISTICS-KEPT): procedure, legal basis, member states, dates and statuses.
 *
 * @category retention
 */
export const STATISTICAL_FIELDS = ['procedure', 'legalBasis', 'legislativeArea', 'memberStates', 'createdAt', 'sentAt', 'closedAt', 'status'] as const

/** A field kept for statistics. @category retention */
export type StatisticalField = (typeof STATISTICAL_FIELDS)[number]

// ---------------------------------------------------------------------------------------------
// functions

/**
 * Adds an offset to an instant in the given calendar, on the Brussels wall clock: months are clamped
 * to the month's end (31 Aug + 6 months = 28/29 Feb), and a 10:00 CET instant lands at 10:00 CEST.
 *
 * @example
 * ```ts
 * import { addInCalendar } from '@imi-kit/core'
 * addInCalendar('2026-01-15T09:00:00.000Z', 6, 'calendar-months-europe-brussels') // '2026-07-15T08:00:00.000Z'
 * addInCalendar('2026-03-20T10:00:00.000Z', 15, 'calendar-days-europe-brussels') // '2026-04-04T09:00:00.000Z'
 * ```
 * @category time
 */
export const addInCalendar = (iso: string, offset: number, calendar: RetentionCalendar): string => {
  return calendar === 'calendar-months-europe-brussels' ? addCalendarMonths(iso, offset, RETENTION_TIME_ZONE) : addCalendarDays(iso, offset, RETENTION_TIME_ZONE)
}

const applied = (rule: RetentionStepRule, configured: number | undefined): number =>
  configured === undefined ? rule.offset : rule.configurable === 'at-most' ? Math.min(configured, rule.offset) : configured

/**
 * The schedule of a policy from the instant of its anchor event. A configured offset shorter than an
 * "at the latest" period is used as is; a longer one is capped by the regulation (RET-REQ-PD-CONFIG;
 * under Art. 14 of the IMI Regulation blocked data is deleted 3 years after closure, so an operator
 * may erase sooner, never later). A step never falls before the step listed before it: a configured
 * erasure shorter than the blocking period happens at the blocking instant.
 * The schedule is derived, never stored: call it again when the anchor changes.
 *
 * @example
 * ```ts
 * import { RETENTION_POLICIES, retentionSchedule } from '@imi-kit/core'
 * const steps = retentionSchedule(RETENTION_POLICIES['imi-regulation'], '2026-08-31T10:00:00.000Z', { 'block-personal-data': 12 })
 * steps.map((s) => [s.step, s.at])
 * // [['block-personal-data', '2027-02-28T11:00:00.000Z'], ['erase-personal-data', '2029-08-31T10:00:00.000Z']]
 * ```
 * @category retention
 */
export const retentionSchedule = (policy: RetentionPolicy, anchorAt: string, overrides: RetentionOverrides = {}): ReadonlyArray<ScheduledRetentionStep> => {
  // A later step never falls before an earlier one: data cannot be erased before it is blocked.
  let floor = 0
  return policy.steps.map((rule) => {
    const offset = Math.max(floor, applied(rule, overrides[rule.step]))
    floor = offset
    return {
      step: rule.step,
      at: addInCalendar(anchorAt, offset, policy.calendar),
      offset,
      calendar: policy.calendar,
      anchor: policy.anchor,
      anchorAt,
      ruleIds: rule.ruleIds,
      legalArticle: rule.legalArticle,
      policy: policy.id,
    }
  })
}

/**
 * The step of a schedule of the given kind, if the policy has one.
 *
 * @category retention
 */
export const scheduledStep = (steps: ReadonlyArray<ScheduledRetentionStep>, step: RetentionStepKind): ScheduledRetentionStep | undefined =>
  steps.find((s) => s.step === step)

/**
 * What an exchange record keeps after all its information is removed: only the statistical fields
 * (RET-STATISTICS-KEPT).
 *
 * @example
 * ```ts
 * import { statisticsStub } from '@imi-kit/core'
 * statisticsStub({ procedure: 'cpc.request', status: 'closed', trader: 'Jane Doe' }) // { procedure: 'cpc.request', status: 'closed' }
 * ```
 * @category retention
 */
export const statisticsStub = (record: Readonly<Record<string, unknown>>): Readonly<Partial<Record<StatisticalField, unknown>>> =>
  Object.fromEntries(STATISTICAL_FIELDS.filter((f) => record[f] !== undefined).map((f) => [f, record[f]]))
