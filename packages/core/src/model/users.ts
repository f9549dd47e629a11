/**
 * Users and their roles (spec §1.6).
 *
 * @module
 */
import type { AuthorityId, LegislativeAreaId, UserId } from './ids.js'
import type { Language } from '../i18n/languages.js'

/**
 * A user role granted in the request workflow of one legislative area.
 *
 * @category model
 */
export type RequestUserRole = 'request-viewer' | 'request-handler' | 'allocator' | 'referee'

/** General user roles, not tied to a workflow. Every user also has basic rights (ACT-BASIC-RIGHTS-ALL). @category model */
export type GeneralUserRole = 'local-data-administrator' | 'data-administrator'

/** The roles a user holds in one legislative area's request workflow. @category model */
export interface RequestRoleGrant {
  readonly legislativeArea: LegislativeAreaId
  readonly roles: ReadonlyArray<RequestUserRole>
}

/**
 * A natural person using IMI on behalf of exactly one authority (ACT-USER-ONE-AUTHORITY).
 *
 * @category model
 */
export interface User {
  readonly id: UserId
  readonly authorityId: AuthorityId
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  /** The language of the system e-mails the user receives. */
  readonly language: Language
  readonly status: 'active' | 'blocked' | 'removed'
  readonly generalRoles: ReadonlyArray<GeneralUserRole>
  readonly requestRoles: ReadonlyArray<RequestRoleGrant>
}

/**
 * The request roles a user holds in an area, including those that follow from other roles: every
 * local data administrator is an allocator (ACT-LDA-AUTO-ALLOCATOR). Being a local data administrator
 * gives no content access by itself (ACT-LDA-NO-CONTENT).
 *
 * @category queries
 */
export const effectiveRequestRoles = (user: User, la: LegislativeAreaId): ReadonlySet<RequestUserRole> => {
  const roles = new Set<RequestUserRole>(user.requestRoles.find((g) => g.legislativeArea === la)?.roles ?? [])
  if (user.generalRoles.includes('local-data-administrator')) roles.add('allocator')
  return roles
}

/** True when the user is active and holds `role` in the area's request workflow. @category queries */
export const hasRequestRole = (user: User, la: LegislativeAreaId, role: RequestUserRole): boolean =>
  user.status === 'active' && effectiveRequestRoles(user, la).has(role)
