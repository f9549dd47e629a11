/**
 * The invariants of a directory that the procedures rely on (spec §1.9), checked as data. The core
 * accepts any directory it is given; back offices that feed it their own registry data call
 * {@link checkDirectory} to learn where that data breaks a rule, before a request trips over it.
 *
 * @module
 */
import type { Authority } from './authorities.js'
import { ALERT_LEGISLATIVE_AREA, COORDINATOR_LA_ROLES, alertAccess, isRequestCoordinator, requestAccess } from './authorities.js'
import type { DirectoryData } from './directory.js'
import type { AuthorityId, LegislativeAreaId, UserId } from './ids.js'
import type { RequestUserRole, User } from './users.js'
import { effectiveRequestRoles } from './users.js'

/**
 * One place where a directory breaks a rule. Errors break what the procedures rely on; warnings are
 * recommendations (two users per authority).
 *
 * @category model
 */
export interface DirectoryProblem {
  readonly ruleId: string
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly authorityId?: AuthorityId
  readonly userId?: UserId
  readonly legislativeArea?: LegislativeAreaId
}

const isCoordinator = (a: Authority) => a.access.some((l) => COORDINATOR_LA_ROLES.includes(l.role))
const hasRole = (a: Authority, role: string) => a.access.some((l) => l.role === role)

/**
 * Checks a directory against the invariants on authorities and users that the request procedure
 * depends on, and returns every problem found (an empty list when there is none).
 *
 * @example
 * ```ts
 * import { checkDirectory } from '@imi-kit/core'
 * import { worldData } from '@imi-kit/core/testing'
 * checkDirectory(worldData()).filter((p) => p.severity === 'error') // []
 * ```
 * @category queries
 */
export const checkDirectory = (data: DirectoryData): ReadonlyArray<DirectoryProblem> => {
  const problems: DirectoryProblem[] = []
  const error = (ruleId: string, message: string, at: Omit<DirectoryProblem, 'ruleId' | 'severity' | 'message'> = {}) =>
    problems.push({ ruleId, severity: 'error', message, ...at })
  const authorities = new Map(data.authorities.map((a) => [a.id, a]))
  const active = data.users.filter((u) => u.status === 'active')
  const usersOf = (id: AuthorityId): ReadonlyArray<User> => active.filter((u) => u.authorityId === id)
  const withRole = (id: AuthorityId, la: LegislativeAreaId, role: RequestUserRole) =>
    usersOf(id).filter((u) => effectiveRequestRoles(u, la).has(role))

  // Users
  const emails = new Map<string, UserId>()
  for (const u of data.users) {
    if (!authorities.has(u.authorityId)) error('ACT-USER-ONE-AUTHORITY', `User ${u.id} belongs to no registered authority`, { userId: u.id })
    if ([u.firstName, u.lastName, u.email].some((f) => f.trim() === ''))
      error('ACT-USER-REQUIRED-FIELDS', `User ${u.id} lacks a last name, first name or e-mail address`, { userId: u.id })
    if (u.status !== 'active') continue
    const key = u.email.trim().toLowerCase()
    const other = emails.get(key)
    if (other !== undefined) error('ACT-USER-EMAIL-UNIQUE', `Users ${other} and ${u.id} share an e-mail address`, { userId: u.id })
    else emails.set(key, u.id)
    const authority = authorities.get(u.authorityId)
    if (authority === undefined) continue
    if (u.generalRoles.includes('data-administrator') && !isCoordinator(authority))
      error('ACT-DA-COORDINATORS-ONLY', `User ${u.id} is a data administrator of an authority that coordinates nothing`, { userId: u.id, authorityId: authority.id })
    for (const g of u.requestRoles)
      if (g.roles.includes('referee') && !isRequestCoordinator(authority, g.legislativeArea))
        error('ACT-REFEREE-COORDINATORS-ONLY', `User ${u.id} is a referee of an authority that is no request coordinator in ${g.legislativeArea}`, {
          userId: u.id,
          authorityId: authority.id,
          legislativeArea: g.legislativeArea,
        })
  }

  // Authorities
  const nimics = new Map<string, AuthorityId[]>()
  const limics = new Map<string, AuthorityId[]>()
  for (const a of data.authorities) {
    const users = usersOf(a.id)
    if (users.length === 0) error('ACT-AUTHORITY-MIN-USER', `${a.name} has no active user`, { authorityId: a.id })
    else if (users.length < 2)
      problems.push({ ruleId: 'ACT-TWO-USERS-WARNING', severity: 'warning', message: `${a.name} has one user; two are recommended`, authorityId: a.id })
    if (!users.some((u) => u.generalRoles.includes('local-data-administrator')))
      error('ACT-LDA-LAST-KEPT', `${a.name} has no local data administrator`, { authorityId: a.id })
    if (isCoordinator(a) && !users.some((u) => u.generalRoles.includes('data-administrator')))
      error('ACT-COORD-MIN-DA', `The coordinator ${a.name} has no data administrator`, { authorityId: a.id })
    if (hasRole(a, 'NIMIC')) {
      nimics.set(a.memberState, [...(nimics.get(a.memberState) ?? []), a.id])
      if (!a.name.includes('NIMIC')) error('ACT-NIMIC-NAME-TAG', `The name of ${a.id} does not contain "NIMIC"`, { authorityId: a.id })
    }
    if (hasRole(a, 'SDIMIC') && (!a.name.includes('SDIMIC') || a.region === undefined || !a.name.includes(a.region)))
      error('ACT-SDIMIC-NAME-TAG', `The name of ${a.id} must contain "SDIMIC" and its region`, { authorityId: a.id })
    const horizontal = hasRole(a, 'NIMIC') || hasRole(a, 'SDIMIC')
    if (!horizontal && !a.access.some((l) => l.request !== undefined || l.alert !== undefined))
      error('ACT-MIN-ONE-LA', `${a.name} has access to no legislative area with a workflow`, { authorityId: a.id })
    for (const l of a.access) {
      const la = l.legislativeArea
      if (l.role === 'LIMIC') {
        const key = `${a.memberState}|${a.region ?? ''}|${la}`
        limics.set(key, [...(limics.get(key) ?? []), a.id])
      }
      const r = requestAccess(a, la)
      if (r === undefined || r.status !== 'active') continue
      if (withRole(a.id, la, 'request-handler').length === 0)
        error('ACT-HANDLER-MIN-ONE', `${a.name} has no request handler in ${la}`, { authorityId: a.id, legislativeArea: la })
      if (r.allocation && withRole(a.id, la, 'allocator').length === 0)
        error('ACT-ALLOCATOR-MIN-ONE', `${a.name} uses allocation in ${la} but has no allocator`, { authorityId: a.id, legislativeArea: la })
      if (r.role === 'request-coordinator' && withRole(a.id, la, 'referee').length === 0)
        error('ACT-REQ-COORD-MIN-REFEREE', `The request coordinator ${a.name} has no referee in ${la}`, { authorityId: a.id, legislativeArea: la })
      if (r.role === 'request-authority' && r.linkedCoordinators.length === 0)
        error('ACT-REQ-AUTHORITY-LINKED', `${a.name} is linked to no request coordinator in ${la}`, { authorityId: a.id, legislativeArea: la })
      for (const c of r.linkedCoordinators) {
        const coordinator = authorities.get(c)
        if (coordinator === undefined || coordinator.memberState !== a.memberState || !isRequestCoordinator(coordinator, la) || c === a.id)
          error('ACT-LINKED-SAME-MS', `${a.name} is linked to ${c}, which is no request coordinator of ${a.memberState} in ${la}`, {
            authorityId: a.id,
            legislativeArea: la,
          })
      }
    }
  }
  // Alert workflow (spec §1.5)
  const alertStates = new Set<string>()
  const mailboxStates = new Set<string>()
  for (const a of data.authorities) {
    for (const l of a.access)
      if (l.alert !== undefined && l.legislativeArea !== ALERT_LEGISLATIVE_AREA)
        error('ACT-ALERT-SERVICES-ONLY', `${a.name} has an alert workflow in ${l.legislativeArea}; alerts exist only in the Services area`, { authorityId: a.id, legislativeArea: l.legislativeArea })
    const alert = alertAccess(a)
    if (alert === undefined || alert.status !== 'active') continue
    alertStates.add(a.memberState)
    const coordinator = alert.role === 'alert-coordinator'
    if (alert.incomingMailbox) {
      if (coordinator) mailboxStates.add(a.memberState)
      else error('ACT-MAILBOX-IS-COORDINATOR', `${a.name} is an incoming alert mailbox but no alert coordinator`, { authorityId: a.id })
    }
    if (alert.finalApproval && !coordinator)
      error('ACT-FINAL-APPROVAL-HOLDERS', `${a.name} holds final approval but is no alert coordinator`, { authorityId: a.id })
    if (!coordinator && alert.linkedCoordinators.length === 0)
      error('ACT-ALERT-AUTHORITY-LINKED', `The alert authority ${a.name} is linked to no alert coordinator`, { authorityId: a.id })
    for (const c of alert.linkedCoordinators) {
      const linked = authorities.get(c)
      if (linked === undefined || linked.memberState !== a.memberState || alertAccess(linked)?.role !== 'alert-coordinator' || c === a.id)
        error('ACT-LINKED-SAME-MS', `${a.name} is linked to ${c}, which is no alert coordinator of ${a.memberState}`, { authorityId: a.id })
    }
    if (!coordinator)
      for (const u of usersOf(a.id))
        if (u.alertRoles?.includes('alert-broadcaster') === true)
          error('ACT-BROADCASTER-ALERT-COORD', `User ${u.id} is an alert broadcaster of ${a.name}, which is no alert coordinator`, { userId: u.id, authorityId: a.id })
  }
  for (const ms of alertStates)
    if (!mailboxStates.has(ms)) error('ACT-MAILBOX-MIN-ONE', `${ms} takes part in alerts but has no incoming alert mailbox`)
  const memberStates = new Set(data.authorities.map((a) => a.memberState))
  for (const ms of memberStates) {
    const n = nimics.get(ms) ?? []
    if (n.length !== 1) error('ACT-NIMIC-ONE-PER-MS', `${ms} has ${n.length} NIMICs; it must have exactly one`)
  }
  for (const [key, ids] of limics)
    if (ids.length > 1) error('ACT-LIMIC-ONE-PER-LA', `${ids.join(', ')} are all LIMIC for ${key.replace(/\|/g, ' / ')}`)
  return problems
}
