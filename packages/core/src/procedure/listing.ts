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
}

/**
 * The listing scope of a viewer, or `undefined` for viewers who list no exchange (the Commission and
 * the helpdesk have no access to requests). Roles count only where explicitly granted: the allocator
 * right every local data administrator holds lets it list its authority's exchanges by their
 * metadata, not see content (ACT-LDA-NO-CONTENT).
 *
 * @category queries
 */
export const listingScope = (viewer: Viewer): ListingScope | undefined => {
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
  // Explicitly granted in this area; the LDA wildcard applies only where no workflow role is granted.
  const granted = (areas: ReadonlyArray<LegislativeAreaId | '*'>) => areas.includes(la)
  if (a.participants.includes(me)) return inAreas(scope.participantAreas, la) && (granted(scope.participantAreas) || !granted(scope.coordinatorAreas))
  if (a.coordinators.includes(me) && inAreas(scope.coordinatorAreas, la)) return true
  if (a.observers.includes(me) && inAreas(scope.observerAreas, la) && (granted(scope.observerAreas) || !granted(scope.coordinatorAreas))) return true
  return a.sameStateHandlers.includes(scope.memberState) && inAreas(scope.sameStateAreas, la)
}
