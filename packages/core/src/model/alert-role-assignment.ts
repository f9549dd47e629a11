/**
 * Who may give an authority a role in the Services alert workflow (spec §1.2.7, Table 1.2-B and
 * AMB-A2), and which user roles the first user of an authority receives (spec §1.6, §3.5, AMB-U1).
 * Both are pure functions over the directory's data, for the back offices that register authorities
 * and users.
 *
 * @module
 */
import type { AccessStatus, Authority, LegislativeAreaAccess, LegislativeAreaRole } from './authorities.js'
import { ALERT_LEGISLATIVE_AREA, COORDINATOR_LA_ROLES } from './authorities.js'
import type { LegislativeAreaId } from './ids.js'
import type { AlertUserRole, GeneralUserRole, RequestRoleGrant, RequestUserRole } from './users.js'

/**
 * A role in the Services alert workflow that a coordinator gives an authority: one of the two
 * content roles (ACT-ALERT-ROLE-EXCLUSIVE), or the designation as incoming alert mailbox.
 *
 * @category model
 */
export type AssignableAlertRole = 'alert-authority' | 'alert-coordinator' | 'incoming-mailbox'

/** Every {@link AssignableAlertRole}. @category constants */
export const ASSIGNABLE_ALERT_ROLES: ReadonlyArray<AssignableAlertRole> = ['alert-authority', 'alert-coordinator', 'incoming-mailbox']

/**
 * The authority that assigns a role: its administrative role in the legislative area it acts in.
 *
 * @category model
 */
export interface AlertRoleAssigner {
  readonly laRole: LegislativeAreaRole
  readonly legislativeArea: LegislativeAreaId
}

/**
 * The alert roles each administrative role may assign, as Table 1.2-B reconstructs them (AMB-A2 asks
 * for a configurable table): a NIMIC, an SDIMIC or a LIMIC every role (ACT-ASSIGN-ALERT-AUTHORITY,
 * ACT-ASSIGN-ALERT-COORDINATOR, ACT-ASSIGN-MAILBOX-ROLE), a DIMIC only the alert-authority role
 * (ACT-DIMIC-ALERT-AUTHORITY), a competent authority none. LIMICs and DIMICs hold these powers only in
 * the Services area, which {@link mayAssignAlertRole} checks (ACT-LIMIC-ALERT-SERVICES).
 *
 * @category constants
 */
export const ALERT_ROLE_ASSIGNMENT: Readonly<Record<LegislativeAreaRole, ReadonlyArray<AssignableAlertRole>>> = {
  NIMIC: ASSIGNABLE_ALERT_ROLES,
  SDIMIC: ASSIGNABLE_ALERT_ROLES,
  LIMIC: ASSIGNABLE_ALERT_ROLES,
  DIMIC: ['alert-authority'],
  'competent-authority': [],
}

/** The roles whose competence is horizontal: they act in every area, the Services area included. */
const HORIZONTAL: ReadonlyArray<LegislativeAreaRole> = ['NIMIC', 'SDIMIC']

/**
 * True when an authority holding `assigner.laRole` in `assigner.legislativeArea` may give another
 * authority `role` in the Services alert workflow. A NIMIC or an SDIMIC may assign all three roles;
 * the LIMIC of the Services area too, but a LIMIC of another area none (ACT-LIMIC-ALERT-SERVICES); a
 * DIMIC of the Services area only the alert-authority role (ACT-DIMIC-ALERT-AUTHORITY); a competent
 * authority none. `table` replaces {@link ALERT_ROLE_ASSIGNMENT} for a member state that reads the
 * figure differently.
 *
 * @example
 * ```ts
 * import { mayAssignAlertRole, legislativeAreaId } from '@imi-kit/core'
 * const services = legislativeAreaId('services')
 * mayAssignAlertRole({ laRole: 'DIMIC', legislativeArea: services }, 'alert-authority') // true
 * mayAssignAlertRole({ laRole: 'DIMIC', legislativeArea: services }, 'incoming-mailbox') // false
 * ```
 * @category queries
 */
export const mayAssignAlertRole = (
  assigner: AlertRoleAssigner,
  role: AssignableAlertRole,
  table: Readonly<Record<LegislativeAreaRole, ReadonlyArray<AssignableAlertRole>>> = ALERT_ROLE_ASSIGNMENT,
): boolean =>
  (HORIZONTAL.includes(assigner.laRole) || assigner.legislativeArea === ALERT_LEGISLATIVE_AREA) && table[assigner.laRole].includes(role)

/**
 * The user roles the first user of an authority receives, ready to spread into a `User`.
 *
 * @category model
 */
export interface FirstUserRoles {
  readonly generalRoles: ReadonlyArray<GeneralUserRole>
  readonly requestRoles: ReadonlyArray<RequestRoleGrant>
  /** Empty when the authority has no access to the Services alert workflow. */
  readonly alertRoles: ReadonlyArray<AlertUserRole>
}

/** Accesses that no longer count: the authority neither has nor was invited to them. */
const GONE: ReadonlyArray<AccessStatus> = ['removed', 'inactive']

/**
 * The roles the first user of an authority receives: local data administrator and every user role
 * valid in the workflows the authority accesses or was invited to (ACT-FIRST-USER-ALL-RIGHTS), that
 * is, per request workflow the viewer, handler and allocator roles and, where the authority is a
 * request coordinator, the referee role; in the alert workflow the viewer and handler roles and, for
 * an alert coordinator, the broadcaster role; and, for a coordinator (NIMIC, SDIMIC, LIMIC, DIMIC),
 * the data-administrator role (ACT-FIRST-USER-COORD-ROLES, AMB-U1). Accesses still requested at
 * self-registration count; removed or inactive ones do not.
 *
 * @example
 * ```ts
 * import { firstUserRoles } from '@imi-kit/core'
 * import { world, A } from '@imi-kit/core/testing'
 * const nimic = world().authority(A.frNimic)
 * nimic === undefined ? [] : firstUserRoles(nimic).alertRoles // ['alert-viewer', 'alert-handler', 'alert-broadcaster']
 * ```
 * @category queries
 */
export const firstUserRoles = (authority: Authority): FirstUserRoles => {
  const held = authority.access.filter((l) => !GONE.includes(l.status))
  const coordinator = held.some((l) => COORDINATOR_LA_ROLES.includes(l.role))
  const requestRoles: RequestRoleGrant[] = []
  for (const l of held) {
    if (l.request === undefined || GONE.includes(l.request.status)) continue
    const roles: RequestUserRole[] = ['request-viewer', 'request-handler', 'allocator']
    if (l.request.role === 'request-coordinator') roles.push('referee')
    requestRoles.push({ legislativeArea: l.legislativeArea, roles })
  }
  const services: LegislativeAreaAccess | undefined = held.find((l) => l.legislativeArea === ALERT_LEGISLATIVE_AREA)
  const alert = services?.alert === undefined || GONE.includes(services.alert.status) ? undefined : services.alert
  const alertRoles: ReadonlyArray<AlertUserRole> =
    alert === undefined ? [] : alert.role === 'alert-coordinator' ? ['alert-viewer', 'alert-handler', 'alert-broadcaster'] : ['alert-viewer', 'alert-handler']
  return {
    generalRoles: coordinator ? ['local-data-administrator', 'data-administrator'] : ['local-data-administrator'],
    requestRoles,
    alertRoles,
  }
}
