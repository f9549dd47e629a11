/**
 * Who may produce which report on a request (spec §6.16, §11.2, §11.4). The decision rests on the
 * request procedure's own need-to-know rule (`requestAccessLevel`): a report never shows more than
 * the viewer's view.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, Viewer } from '../model/actor.js'
import { viewerOf } from '../model/actor.js'
import { canUseRequestWorkflow } from '../model/authorities.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { domainError, invalidInput } from '../model/errors.js'
import { hasRequestRole } from '../model/users.js'
import type { RequestPolicy } from '../procedures/request/facts.js'
import { isSent } from '../procedures/request/facts.js'
import type { RequestState } from '../procedures/request/model.js'
import { requestRetention } from '../procedures/request/retention.js'
import { requestAccessLevel } from '../procedures/request/view.js'
import type { ReportLanguage } from './labels.js'
import { REPORT_LANGUAGES, isReportLanguage } from './labels.js'
import type { ReportKind, ReportPart } from './model.js'
import { PARTS_OF_KIND, PERSONAL_DATA_KINDS, PERSONAL_DATA_PARTS, REPORT_KINDS, REPORT_PARTS, ReportInputCodec } from './model.js'

/**
 * Why a user may not produce personal-data reports on a request, with the rule that says so:
 * - `no-access`: the user may produce no report at all (SRCH-REPORT-NO-ROLE);
 * - `coordinator`: the user's authority coordinates the request and takes no part in it (SRCH-REPORT-COORD-NO-PD);
 * - `role`: the user holds only allocator and/or viewer rights (SRCH-REPORT-VIEWER-NO-PD);
 * - `not-accepted`: the responding side before acceptance (RET-PD-REPORTS-AFTER-PURGE);
 * - `blocked`: the personal data is blocked, or due to be (RET-BLOCKED-NO-USER-ACCESS);
 * - `erased`: the personal data is erased (RET-PD-REPORTS-AFTER-PURGE).
 *
 * @category reports
 */
export type PersonalDataWithheld = 'no-access' | 'coordinator' | 'role' | 'not-accepted' | 'blocked' | 'erased'

const WITHHELD_RULE: Readonly<Record<PersonalDataWithheld, string>> = {
  'no-access': 'SRCH-REPORT-NO-ROLE',
  coordinator: 'SRCH-REPORT-COORD-NO-PD',
  role: 'SRCH-REPORT-VIEWER-NO-PD',
  'not-accepted': 'RET-PD-REPORTS-AFTER-PURGE',
  blocked: 'RET-BLOCKED-NO-USER-ACCESS',
  erased: 'RET-PD-REPORTS-AFTER-PURGE',
}

/**
 * What one user may produce on one request now.
 *
 * @category reports
 */
export interface ReportPermissions {
  /** The kinds the user may generate; empty when none. */
  readonly kinds: ReadonlyArray<ReportKind>
  /** The parts the user may select in a customisable report. */
  readonly customParts: ReadonlyArray<ReportPart>
  /** True when the user may produce reports holding personal data. */
  readonly personalData: boolean
  /** Why personal-data reports are not offered, when they are not. */
  readonly withheld?: { readonly reason: PersonalDataWithheld; readonly ruleId: string }
}

const NON_PERSONAL_PARTS: ReadonlyArray<ReportPart> = /* @__PURE__ */ REPORT_PARTS.filter((p) => !PERSONAL_DATA_PARTS.includes(p))

const withheld = (reason: PersonalDataWithheld): ReportPermissions => ({
  kinds: reason === 'no-access' ? [] : ['FULL_WITHOUT_PERSONAL_DATA', 'CUSTOM'],
  customParts: reason === 'no-access' ? [] : NON_PERSONAL_PARTS,
  personalData: false,
  withheld: { reason, ruleId: WITHHELD_RULE[reason] },
})

/**
 * Whether the request's personal data is within users' reach at `now`: neither blocked nor erased,
 * nor past the instant it is due to be blocked (a worker running late changes nothing; spec §11.3
 * `isPersonalDataAvailable`).
 *
 * @category reports
 */
export const personalDataAvailableAt = (s: RequestState, now: Date, policy: RequestPolicy = {}): 'available' | 'blocked' | 'erased' => {
  if (s.personalData !== 'available') return s.personalData
  const blockAt = requestRetention(s, policy).blockAt
  return blockAt !== undefined && now.getTime() >= Date.parse(blockAt) ? 'blocked' : 'available'
}

const resolve = (who: Actor | Viewer, directory: Directory): Viewer | undefined =>
  who.kind === 'user' && 'userId' in who ? viewerOf(directory, who) : who.kind === 'system' ? undefined : (who as Viewer)

/**
 * What `who` (an actor, resolved against the directory, or a viewer) may produce on a request at
 * `now` (spec §6.16 guard):
 * - a user who may not see the request's content produces nothing (SRCH-REPORT-NO-ROLE);
 * - a user of a coordinating authority, an allocator-only or viewer-only user, and the responding
 *   side before acceptance, only reports without personal data (SRCH-REPORT-COORD-NO-PD,
 *   SRCH-REPORT-VIEWER-NO-PD, RET-PD-REPORTS-AFTER-PURGE);
 * - a request handler of a participating authority, all five kinds (SRCH-REPORT-HANDLER-ALL), as
 *   long as the personal data is neither blocked nor erased (RET-BLOCKED-NO-USER-ACCESS,
 *   RET-PD-REPORTS-AFTER-PURGE).
 *
 * Only users produce reports: the system, the Commission and the helpdesk produce none.
 *
 * @example
 * ```ts
 * import { reportPermissions } from '@imi-kit/core'
 * // reportPermissions(actor, state, directory, now).kinds // ['FULL_WITH_PERSONAL_DATA', ...]
 * ```
 * @category reports
 */
export const reportPermissions = (who: Actor | Viewer, s: RequestState, directory: Directory, now: Date, policy: RequestPolicy = {}): ReportPermissions => {
  const viewer = resolve(who, directory)
  if (viewer?.kind !== 'user') return withheld('no-access')
  const access = requestAccessLevel(s, viewer)
  // Metadata is no content to report on: a former addressee, a same-state handler, a local data administrator.
  if (access === undefined || access === 'metadata') return withheld('no-access')
  const { user, authority } = viewer
  const participant = authority.id === s.requesting.authorityId || (isSent(s) && authority.id === s.responding.authorityId)
  if (access === 'no-personal-data') {
    if (!participant) return withheld('coordinator')
    return authority.id === s.responding.authorityId && authority.id !== s.requesting.authorityId && !s.responding.accepted && hasRequestRole(user, s.legislativeArea, 'request-handler')
      ? withheld('not-accepted')
      : withheld('role')
  }
  // Full access: a participant's handler or viewer. Only handlers produce personal-data reports.
  if (!hasRequestRole(user, s.legislativeArea, 'request-handler') || !canUseRequestWorkflow(authority, s.legislativeArea)) return withheld('role')
  const pd = personalDataAvailableAt(s, now, policy)
  if (pd !== 'available') return withheld(pd)
  return { kinds: REPORT_KINDS, customParts: REPORT_PARTS, personalData: true }
}

/**
 * The kinds of report `who` may generate on a request at `now`; see {@link reportPermissions}.
 *
 * @category reports
 */
export const allowedReportKinds = (who: Actor | Viewer, s: RequestState, directory: Directory, now: Date, policy: RequestPolicy = {}): ReadonlyArray<ReportKind> =>
  reportPermissions(who, s, directory, now, policy).kinds

/**
 * A report request checked against what the user may produce: its kind, the parts it will hold, its
 * language, and whether it holds personal data.
 *
 * @category reports
 */
export interface CheckedReportInput {
  readonly kind: ReportKind
  readonly parts: ReadonlyArray<ReportPart>
  readonly language: ReportLanguage
  readonly containsPersonalData: boolean
}

/**
 * Checks a report request against a user's permissions. Refusals:
 * - `report.invalid` — not a report request, or parts given for a kind other than `CUSTOM`;
 * - `report.not-allowed` — the user may produce no report on this request (SRCH-REPORT-NO-ROLE);
 * - `report.kind-not-allowed` — the kind needs personal-data access the user lacks, with the rule
 *   that withholds it (RET-SUBJECT-REPORT-PD-USERS for the subject's report and consent form);
 * - `report.parts-required` — a customisable report without parts (SRCH-REPORT-CUSTOM-PARTS);
 * - `report.part-not-allowed` — a personal-data part selected without the right (SRCH-REPORT-CUSTOM-PD);
 * - `report.language-unavailable` — reports are not written in that language.
 *
 * @param defaultLanguage - the user's language, used when the request names none
 * @category reports
 */
export const checkReportInput = (permissions: ReportPermissions, input: unknown, defaultLanguage: string): E.Either<DomainError, CheckedReportInput> => {
  const decoded = ReportInputCodec.decode(input)
  if (E.isLeft(decoded)) return E.left(invalidInput('report', decoded.left))
  const { kind, parts, language } = decoded.right
  if (permissions.kinds.length === 0) return E.left(domainError('report.not-allowed', 'You may produce no report on this request', 'SRCH-REPORT-NO-ROLE'))
  if (!permissions.kinds.includes(kind)) {
    const ruleId = kind === 'FOR_DATA_SUBJECT' || kind === 'CONSENT_FORM' ? 'RET-SUBJECT-REPORT-PD-USERS' : (permissions.withheld?.ruleId ?? 'SRCH-REPORT-KINDS')
    return E.left(domainError('report.kind-not-allowed', `You may not produce a report of kind ${kind} on this request now`, ruleId, { kind, reason: permissions.withheld?.reason }))
  }
  if (kind !== 'CUSTOM' && parts !== undefined) return E.left(domainError('report.invalid', 'Only a customisable report takes parts', 'SRCH-REPORT-CUSTOM-PARTS'))
  const chosen = kind === 'CUSTOM' ? REPORT_PARTS.filter((p) => parts?.includes(p) === true) : PARTS_OF_KIND[kind]
  if (chosen.length === 0) return E.left(domainError('report.parts-required', 'Select at least one part for a customisable report', 'SRCH-REPORT-CUSTOM-PARTS'))
  const refused = chosen.filter((p) => !permissions.customParts.includes(p))
  if (refused.length > 0)
    return E.left(domainError('report.part-not-allowed', 'You may not include personal data in a report on this request now', 'SRCH-REPORT-CUSTOM-PD', { parts: refused, reason: permissions.withheld?.reason }))
  const lang = language ?? (isReportLanguage(defaultLanguage) ? defaultLanguage : 'en')
  if (!isReportLanguage(lang))
    return E.left(domainError('report.language-unavailable', `Reports are written in ${REPORT_LANGUAGES.join(', ')}`, undefined, { languages: REPORT_LANGUAGES }))
  return E.right({ kind, parts: chosen, language: lang, containsPersonalData: PERSONAL_DATA_KINDS.includes(kind) || chosen.some((p) => PERSONAL_DATA_PARTS.includes(p)) })
}
