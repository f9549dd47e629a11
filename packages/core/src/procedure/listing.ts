/**
 * Who may find an exchange in a list. Lists, dashboards and search run in storage, over summaries,
 * without loading each exchange; so the summary carries its *audience* and the viewer is reduced to
 * a *listing scope*, and one pure predicate decides — the same one the storage adapters translate
 * into a query. A property test holds it equal to `view(state, viewer) !== undefined`.
 *
 * @module
 */
import type { Viewer } from '../model/actor.js'
import type { AuthorityId, LegislativeAreaId } from '../model/ids.js'
import type { MemberState } from '../model/member-states.js'
import { effectiveAlertRoles } from '../model/users.js'

/**
 * The authorities and states that may see an exchange in lists, by the capacity that lets them.
 *
 * @category model
 */
export interface ExchangeAudience {
  /** Authorities taking part; their readers and allocators see it, an LDA without workflow roles its metadata. */
  readonly participants: ReadonlyArray<AuthorityId>
  /** Coordinators of the exchange; their users with any workflow role see it without personal data. */
  readonly coordinators: ReadonlyArray<AuthorityId>
  /** Authorities that once held it (a forward); they keep its metadata. */
  readonly observers: ReadonlyArray<AuthorityId>
  /** Member states whose request handlers see its metadata (REQ-SAME-MS-PARTIAL). */
  readonly sameStateHandlers: ReadonlyArray<MemberState>
  /**
   * Authorities taking part in an alert (initiating authority, selected and closure coordinators,
   * recipients); their users holding an alert role find it. Absent in procedures without alerts.
   */
  readonly alertParticipants?: ReadonlyArray<AuthorityId>
  /** The Commission finds it (a broadcast alert, a notification of measures); it never sees personal data there. */
  readonly commission?: boolean
}

/**
 * A viewer reduced to what listing needs: its authority and state, and the legislative areas in which
 * each capacity of {@link ExchangeAudience} applies to it. `'*'` stands for every area.
 *
 * @category model
 */
export interface ListingScope {
  readonly authorityId: AuthorityId
  readonly memberState: MemberState
  readonly participantAreas: ReadonlyArray<LegislativeAreaId | '*'>
  readonly coordinatorAreas: ReadonlyArray<LegislativeAreaId | '*'>
  readonly observerAreas: ReadonlyArray<LegislativeAreaId | '*'>
  readonly sameStateAreas: ReadonlyArray<LegislativeAreaId | '*'>
  /** The user holds an alert role in its authority (ACT-LDA-AUTO-ALERT-ROLES included); absent means no. */
  readonly alertReader?: boolean
  /** The scope of the Commission: it finds what is addressed to it and nothing else. */
  readonly commission?: boolean
}

/** The authority id that stands for the Commission in its listing scope. @category constants */
export const COMMISSION_SCOPE_ID = 'commission' as AuthorityId

/** The listing scope of the Commission. @category constants */
export const COMMISSION_SCOPE: ListingScope = {
  authorityId: COMMISSION_SCOPE_ID,
  memberState: 'BE',
  participantAreas: [],
  coordinatorAreas: [],
  observerAreas: [],
  sameStateAreas: [],
  commission: true,
}

/**
 * The listing scope of a viewer, or `undefined` for viewers who list no exchange (the helpdesk has no
 * access to content, ACT-HELPDESK-NO-CONTENT). The Commission lists what is addressed to it. Roles count only where explicitly granted: the allocator
 * right every local data administrator holds lets it list its authority's exchanges by their
 * metadata, not see content (ACT-LDA-NO-CONTENT).
 *
 * @category queries
 */
export const listingScope = (viewer: Viewer): ListingScope | undefined => {
  if (viewer.kind === 'commission') return COMMISSION_SCOPE
  if (viewer.kind !== 'user' || viewer.user.status !== 'active') return undefined
  const { user, authority } = viewer
  const granted = user.requestRoles.filter((g) => g.roles.length > 0)
  const areasWith = (pred: (roles: ReadonlyArray<string>) => boolean) => granted.filter((g) => pred(g.roles)).map((g) => g.legislativeArea)
  const lda = user.generalRoles.includes('local-data-administrator')
  // An LDA lists, by metadata, the exchanges of its authority in every area where it holds no workflow role.
  const ldaAreas: ReadonlyArray<LegislativeAreaId | '*'> = lda ? ['*'] : []
  const anyRole = areasWith(() => true)
  return {
    authorityId: authority.id,
    memberState: authority.memberState,
    participantAreas: [...areasWith((r) => r.includes('request-handler') || r.includes('request-viewer') || r.includes('allocator')), ...ldaAreas],
    coordinatorAreas: anyRole,
    observerAreas: [...anyRole, ...ldaAreas],
    sameStateAreas: areasWith((r) => r.includes('request-handler')),
    alertReader: effectiveAlertRoles(user, authority).size > 0,
  }
}

const inAreas = (areas: ReadonlyArray<LegislativeAreaId | '*'>, la: LegislativeAreaId) => areas.includes('*') || areas.includes(la)

/**
 * True when a viewer with this scope finds the exchange in lists. Participation takes precedence: a
 * participant without a qualifying role does not find the exchange through another capacity.
 *
 * @category queries
 */
export const isListedFor = (
  summary: { readonly legislativeArea: LegislativeAreaId; readonly audience: ExchangeAudience },
  scope: ListingScope,
): boolean => {
  const { audience: a, legislativeArea: la } = summary
  const me = scope.authorityId
  if (scope.commission === true) return a.commission === true
  // An alert lists for the users of its participants who hold an alert role.
  if (a.alertParticipants?.includes(me) === true) return scope.alertReader === true
  // Explicitly granted in this area; the LDA wildcard applies only where no workflow role is granted.
  const granted = (areas: ReadonlyArray<LegislativeAreaId | '*'>) => areas.includes(la)
  if (a.participants.includes(me)) return inAreas(scope.participantAreas, la) && (granted(scope.participantAreas) || !granted(scope.coordinatorAreas))
  if (a.coordinators.includes(me) && inAreas(scope.coordinatorAreas, la)) return true
  if (a.observers.includes(me) && inAreas(scope.observerAreas, la) && (granted(scope.observerAreas) || !granted(scope.coordinatorAreas))) return true
  return a.sameStateHandlers.includes(scope.memberState) && inAreas(scope.sameStateAreas, la)
}

/**
 * The status a viewer with this scope sees in a list: the summary's `status`, or the last entry of
 * its `statusFor` that names the viewer's member state or authority.
 *
 * @category queries
 */
export const listedStatus = (
  summary: { readonly status: string; readonly statusFor?: ReadonlyArray<{ readonly status: string; readonly memberStates?: ReadonlyArray<MemberState>; readonly authorities?: ReadonlyArray<AuthorityId> }> },
  scope: ListingScope,
): string => {
  if (scope.commission === true) return summary.status
  let shown = summary.status
  for (const e of summary.statusFor ?? []) if (e.memberStates?.includes(scope.memberState) === true || e.authorities?.includes(scope.authorityId) === true) shown = e.status
  return shown
}
