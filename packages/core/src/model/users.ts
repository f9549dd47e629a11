/**
 * Users and their roles (spec §1.6).
 *
 * @module
 */
import type { AuthorityId, LegislativeAreaId, UserId } from './ids.js'
import type { Language } from '../i18n/languages.js'
import type { Authority } from './authorities.js'
import { alertAccess } from './authorities.js'

/**
 * A user role granted in the request workflow of one legislative area.
 *
 * @category model
 */
export type RequestUserRole = 'request-viewer' | 'request-handler' | 'allocator' | 'referee'

/** A user role in the Services alert workflow (spec §1.6). @category model */
export type AlertUserRole = 'alert-viewer' | 'alert-handler' | 'alert-broadcaster'

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
  /** Roles in the Services alert workflow; absent means none. */
  readonly alertRoles?: ReadonlyArray<AlertUserRole>
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

/**
 * The alert roles a user holds, including those that follow from other roles, and only where its
 * authority has alert-workflow access. Every local data administrator holds all alert rights
 * (ACT-LDA-AUTO-ALERT-ROLES), the broadcaster right only in an alert coordinator
 * (ACT-LDA-BROADCASTER-COORD); nobody holds the broadcaster right outside one
 * (ACT-BROADCASTER-ALERT-COORD).
 *
 * @category queries
 */
export const effectiveAlertRoles = (user: User, authority: Authority): ReadonlySet<AlertUserRole> => {
  const access = alertAccess(authority)
  if (access === undefined || user.authorityId !== authority.id) return new Set()
  const roles = new Set<AlertUserRole>(user.alertRoles ?? [])
  if (user.generalRoles.includes('local-data-administrator')) {
    roles.add('alert-viewer')
    roles.add('alert-handler')
    roles.add('alert-broadcaster')
  }
  if (access.role !== 'alert-coordinator') roles.delete('alert-broadcaster')
  return roles
}

/** True when the user is active and holds `role` in its authority's alert workflow. @category queries */
export const hasAlertRole = (user: User, authority: Authority, role: AlertUserRole): boolean =>
  user.status === 'active' && effectiveAlertRoles(user, authority).has(role)
