/**
 * What each viewer sees of an alert: the access level, the status as its state sees it, the content
 * redacted to need-to-know, the history entries it may know of, and the summary kept for lists.
 *
 * @module
 */
import * as t from 'io-ts'
import type { Viewer } from '../../model/actor.js'
import type { AuthorityId } from '../../model/ids.js'
import type { MemberState } from '../../model/member-states.js'
import type { Redacted } from '../../model/personal-data.js'
import { redactPersonalData } from '../../model/personal-data.js'
import { effectiveAlertRoles } from '../../model/users.js'
import type { ExchangeAudience } from '../../procedure/listing.js'
import type { AccessLevel, ExchangeSummary, ExchangeView, HistoryEntry } from '../../procedure/procedure.js'
import { ALERT_LEGISLATIVE_AREA } from '../../model/authorities.js'
import { alertParticipants, alertStanding } from './facts.js'
import type { AlertContent, AlertInformation, AlertRecipient, AlertState, AlertStatus, ClosureProposal, DisplayedAlertStatus, StatusContext, WithdrawalProposal } from './model.js'
import { LIVE_ALERT_STATUSES, PersonalCaseDescriptionCodec, PersonalFreeTextCodec, PersonalProviderCodec } from './model.js'

/**
 * How much of an alert a viewer sees, or `undefined` when nothing:
 * - participants' users holding an alert role see it in full (ALERT-PARTICIPANT-PD), removed
 *   recipients and coordinators that passed it on only its metadata (ALERT-REMOVED-LOSES-PD);
 * - after closure or withdrawal, everybody sees it without personal data (ALERT-CLOSED-REDUCED-VIEW,
 *   ALERT-WITHDRAWN-REDUCED-VIEW);
 * - the Commission sees a broadcast alert, never its personal data (ALERT-COMMISSION-NO-PD);
 * - the helpdesk sees nothing (ACT-HELPDESK-NO-CONTENT).
 *
 * @category queries
 */
export const alertAccessLevel = (s: AlertState, viewer: Viewer): AccessLevel | undefined => {
  switch (viewer.kind) {
    case 'system-administrator':
      return 'full'
    case 'helpdesk':
      return undefined
    case 'commission':
      return s.broadcastAt === undefined ? undefined : 'no-personal-data'
    case 'user': {
      if (viewer.user.status !== 'active' || effectiveAlertRoles(viewer.user, viewer.authority).size === 0) return undefined
      const standing = alertStanding(s, viewer.authority.id)
      if (standing === undefined) return undefined
      if (standing === 'metadata') return 'metadata'
      return s.status === 'closed' || s.status === 'withdrawn' ? 'no-personal-data' : 'full'
    }
  }
}

const COMMENT_PHASE: ReadonlyArray<string> = ['closure-open-for-comments', 'closure-awaiting-broadcast']

/**
 * A status as a viewer of a member state sees it, given the steps pending at that moment: a pending
 * withdrawal is known only in the initiating state, a closure proposal in its comment phase only in
 * the state proposing it (ALERT-DISPLAY-OTHER-MS), until each is broadcast. `undefined` stands for a
 * viewer of no member state (the Commission).
 *
 * @category queries
 */
export const statusSeenFrom = (
  s: Pick<AlertState, 'initiatingMemberState' | 'revealed'>,
  status: string,
  context: StatusContext,
  memberState: MemberState | undefined,
): string => {
  let shown = status
  const w = context.withdrawal
  if (shown === 'withdrawal-to-be-broadcast' && w !== undefined && memberState !== s.initiatingMemberState && !s.revealed.includes(w.revealedBy)) shown = w.from
  const c = context.closure
  if (COMMENT_PHASE.includes(shown) && c !== undefined && memberState !== c.memberState && !s.revealed.includes(c.revealedBy)) shown = 'broadcast'
  return shown
}

const currentContext = (s: AlertState): StatusContext => s.history[s.history.length - 1]?.context.to ?? {}

/**
 * The status a viewer sees (spec §7.4): the status, except that other states do not see a pending
 * closure proposal in its comment phase (ALERT-DISPLAY-OTHER-MS) nor a pending withdrawal, and that
 * a recipient state's mailbox sees a newly arrived alert as awaiting acknowledgement
 * (ALERT-ACK-PER-MS).
 *
 * @example
 * ```ts
 * import { displayedAlertStatus } from '@imi-kit/core'
 * // displayedAlertStatus(alert, { kind: 'commission' }) === 'broadcast' while the MSE comments
 * ```
 * @category queries
 */
export const displayedAlertStatus = (s: AlertState, viewer: Viewer): DisplayedAlertStatus => {
  if (viewer.kind === 'system-administrator') return s.status
  const ms = viewer.kind === 'user' ? viewer.authority.memberState : undefined
  const shown = statusSeenFrom(s, s.status, currentContext(s), ms) as AlertStatus
  const mine = viewer.kind === 'user' ? s.recipients.find((r) => r.authorityId === viewer.authority.id && !r.removed) : undefined
  if (mine?.mailboxState === 'awaiting-acknowledgement' && LIVE_ALERT_STATUSES.includes(shown)) return 'awaiting-acknowledgement'
  return shown
}

/**
 * The content of an alert as a viewer sees it. After closure or withdrawal only the overview, the
 * recipients and the history remain (ALERT-CLOSED-REDUCED-VIEW, ALERT-WITHDRAWN-VIEW-SAME).
 *
 * @category model
 */
export interface AlertContentView extends Partial<Omit<AlertContent, 'provider' | 'caseDescription'>> {
  readonly initiatingAuthority: AuthorityId
  readonly initiatingMemberState: MemberState
  readonly provider?: AlertContent['provider'] | Redacted
  readonly caseDescription?: AlertContent['caseDescription'] | Redacted
  readonly selectedCoordinator?: AuthorityId
  readonly broadcastingCoordinator?: AuthorityId
  readonly broadcastAt?: string
  readonly recipients: ReadonlyArray<AlertRecipient>
  readonly information?: ReadonlyArray<AlertInformation>
  readonly withdrawal?: WithdrawalProposal
  readonly closure?: ClosureProposal
  readonly withdrawnAt?: string
  readonly closedAt?: string
}

/** The walkable schema of {@link AlertContentView}: where its personal data is. @category codecs */
export const AlertContentViewCodec = t.partial({
  provider: PersonalProviderCodec,
  caseDescription: PersonalCaseDescriptionCodec,
  information: t.readonlyArray(t.partial({ text: PersonalFreeTextCodec })),
  withdrawal: t.partial({ reason: PersonalFreeTextCodec }),
  closure: t.partial({ text: PersonalFreeTextCodec, comments: t.readonlyArray(t.partial({ text: PersonalFreeTextCodec })) }),
})

const sees = (s: AlertState, viewer: Viewer, memberStates: ReadonlyArray<MemberState>, revealedBy: string | undefined): boolean =>
  viewer.kind === 'system-administrator' ||
  (viewer.kind === 'user' && memberStates.includes(viewer.authority.memberState)) ||
  (revealedBy !== undefined && s.revealed.includes(revealedBy))

const historyFor = (s: AlertState, viewer: Viewer, access: AccessLevel): ReadonlyArray<HistoryEntry> => {
  const ms = viewer.kind === 'user' ? viewer.authority.memberState : undefined
  const admin = viewer.kind === 'system-administrator'
  return s.history
    .filter((h) => h.audience === undefined || sees(s, viewer, h.audience.memberStates, h.audience.revealedBy))
    .map((h) => ({
      at: h.at,
      action: h.action,
      actor: h.actor,
      ...(h.from === undefined ? {} : { from: admin ? h.from : statusSeenFrom(s, h.from, h.context.from, ms) }),
      to: admin ? h.to : statusSeenFrom(s, h.to, h.context.to, ms),
      // The reason of an early removal stays visible to participants; a metadata view shows no texts (RET-EARLY-REMOVAL).
      ...(h.justification === undefined || access === 'metadata' ? {} : { justification: h.justification }),
      ...(h.requestedBy === undefined ? {} : { requestedBy: h.requestedBy }),
    }))
}

const contentFor = (s: AlertState, viewer: Viewer, access: AccessLevel): AlertContentView => {
  const overview = {
    initiatingAuthority: s.initiatingAuthority,
    initiatingMemberState: s.initiatingMemberState,
    recipientStates: s.content.recipientStates,
    ...(s.content.serviceActivity === undefined ? {} : { serviceActivity: s.content.serviceActivity }),
    ...(s.content.establishment === undefined ? {} : { establishment: s.content.establishment }),
    ...(s.broadcastingCoordinator === undefined ? {} : { broadcastingCoordinator: s.broadcastingCoordinator }),
    ...(s.broadcastAt === undefined ? {} : { broadcastAt: s.broadcastAt }),
    recipients: s.recipients,
    ...(s.withdrawnAt === undefined ? {} : { withdrawnAt: s.withdrawnAt }),
    ...(s.closedAt === undefined ? {} : { closedAt: s.closedAt }),
  }
  const admin = viewer.kind === 'system-administrator'
  // Users keep only the overview after closure or withdrawal; system administrators keep the blocked
  // personal data within reach until its erasure (RET-BLOCK-SIX-MONTHS).
  if ((s.status === 'closed' || s.status === 'withdrawn') && !admin) return overview
  const me = viewer.kind === 'user' ? viewer.authority.id : undefined
  // Information not broadcast yet stays between its authors and the coordinator it was submitted to.
  const information = s.information.filter((i) => i.status === 'broadcast' || admin || me === i.submittingAuthority || me === i.coordinator)
  const closure = s.closure
  const closureSeen = closure !== undefined && sees(s, viewer, [closure.memberState], closure.broadcastAt === undefined ? undefined : `closure-${closure.round}`)
  const insideClosureState = closure !== undefined && sees(s, viewer, [closure.memberState], undefined)
  const raw: AlertContentView = {
    ...overview,
    checklist: s.content.checklist,
    ...(s.content.provider === undefined ? {} : { provider: s.content.provider }),
    ...(s.content.caseDescription === undefined ? {} : { caseDescription: s.content.caseDescription }),
    ...(s.content.suggestedAuthorities === undefined ? {} : { suggestedAuthorities: s.content.suggestedAuthorities }),
    ...(s.selectedCoordinator === undefined ? {} : { selectedCoordinator: s.selectedCoordinator }),
    information,
    ...(s.withdrawal !== undefined && sees(s, viewer, [s.initiatingMemberState], undefined) ? { withdrawal: s.withdrawal } : {}),
    ...(closure !== undefined && closureSeen
      ? { closure: insideClosureState ? closure : { ...closure, comments: closure.comments.filter((c) => closure.includedComments?.includes(c.id) === true) } }
      : {}),
  }
  const reason: Redacted['redacted'] | undefined =
    access !== 'full' ? 'personal-data'
    : s.personalData === 'erased' ? 'erased'
    : s.personalData === 'blocked' && !admin ? 'blocked'
    : undefined
  return (reason === undefined ? raw : redactPersonalData(AlertContentViewCodec, raw, reason)) as AlertContentView
}

/**
 * What one viewer sees of an alert, or `undefined` when the viewer may not see it at all.
 *
 * @category queries
 */
export const viewAlert = (s: AlertState, viewer: Viewer): ExchangeView<AlertContentView> | undefined => {
  const access = alertAccessLevel(s, viewer)
  if (access === undefined) return undefined
  const base = {
    exchangeId: s.exchangeId,
    procedure: s.procedure,
    number: s.number,
    status: viewer.kind === 'system-administrator' ? s.status : (statusSeenFrom(s, s.status, currentContext(s), viewer.kind === 'user' ? viewer.authority.memberState : undefined)),
    displayedStatus: displayedAlertStatus(s, viewer),
    access,
    personalData: s.personalData,
    summary: alertSummary(s),
  }
  const history = historyFor(s, viewer, access)
  if (access === 'metadata') return { ...base, history }
  return { ...base, content: contentFor(s, viewer, access), history }
}

/** Who finds an alert in lists: its participants' users with an alert role, and the Commission once it is broadcast. @category queries */
export const alertAudience = (s: AlertState): ExchangeAudience => ({
  participants: [],
  coordinators: [],
  observers: [],
  sameStateHandlers: [],
  alertParticipants: alertParticipants(s),
  commission: s.broadcastAt !== undefined,
})

/**
 * The summary of an alert for lists (SRCH-ALERT-LIST-COLUMNS): its `status` is what viewers outside
 * the states that know a pending step see; `statusFor` gives the others theirs.
 *
 * @category queries
 */
export const alertSummary = (s: AlertState): ExchangeSummary => {
  const context = currentContext(s)
  const outside = statusSeenFrom(s, s.status, context, undefined)
  const statusFor: Array<{ status: string; memberStates?: ReadonlyArray<MemberState>; authorities?: ReadonlyArray<AuthorityId> }> = []
  for (const ms of new Set([s.initiatingMemberState, ...(context.closure === undefined ? [] : [context.closure.memberState])])) {
    const seen = statusSeenFrom(s, s.status, context, ms)
    if (seen !== outside) statusFor.push({ status: seen, memberStates: [ms] })
  }
  const awaiting = s.recipients.filter((r) => !r.removed && r.mailboxState === 'awaiting-acknowledgement').map((r) => r.authorityId)
  if (awaiting.length > 0 && LIVE_ALERT_STATUSES.includes(outside as AlertStatus)) statusFor.push({ status: 'awaiting-acknowledgement', authorities: awaiting })
  const participants = alertParticipants(s)
  return {
    exchangeId: s.exchangeId,
    procedure: s.procedure,
    number: s.number,
    status: outside,
    ...(statusFor.length === 0 ? {} : { statusFor }),
    legislativeArea: ALERT_LEGISLATIVE_AREA,
    authorities: participants,
    memberStates: [...new Set([s.initiatingMemberState, ...s.content.recipientStates])],
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    ...(s.broadcastAt === undefined ? {} : { sentAt: s.broadcastAt }),
    ...((s.closedAt ?? s.withdrawnAt) === undefined ? {} : { closedAt: (s.closedAt ?? s.withdrawnAt) as string }),
    requestingAuthority: s.initiatingAuthority,
    details: {
      ...(s.content.serviceActivity === undefined ? {} : { serviceActivity: s.content.serviceActivity }),
      establishment: s.content.establishment === undefined || s.content.establishment === null ? 'unknown' : s.content.establishment,
    },
    searchText: [s.number, s.content.serviceActivity ?? ''].join(' ').trim().toLowerCase(),
    audience: alertAudience(s),
  }
}
