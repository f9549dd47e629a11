/**
 * Resolves the symbolic recipients of a notification against the directory, at delivery time.
 *
 * @module
 */
import { requestAccess } from '../model/authorities.js'
import type { Directory } from '../model/directory.js'
import type { User } from '../model/users.js'
import { hasAlertRole, hasRequestRole } from '../model/users.js'
import type { Notification } from './procedure.js'

/**
 * The people and mailboxes a notification reaches.
 *
 * @category model
 */
export interface ResolvedRecipients {
  readonly users: ReadonlyArray<User>
  /** Authority mailboxes (copies of request messages). */
  readonly mailboxes: ReadonlyArray<string>
}

/**
 * Resolves a notification's recipients: active users only, each once.
 *
 * @category notifications
 */
export const resolveRecipients = (n: Notification, directory: Directory): ResolvedRecipients => {
  const users = new Map<string, User>()
  const mailboxes = new Set<string>()
  const add = (u: User | undefined) => {
    if (u !== undefined && u.status === 'active') users.set(u.id, u)
  }
  for (const r of n.recipients) {
    switch (r.kind) {
      case 'user':
        add(directory.user(r.userId))
        break
      case 'authority-mailbox': {
        const a = directory.authority(r.authorityId)
        if (a !== undefined) mailboxes.add(a.email)
        break
      }
      case 'users-with-role':
        for (const u of directory.usersOf(r.authorityId)) if (hasRequestRole(u, r.legislativeArea, r.role)) add(u)
        break
      case 'alert-users': {
        const a = directory.authority(r.authorityId)
        if (a !== undefined) for (const u of directory.usersOf(r.authorityId)) if (r.roles.some((role) => hasAlertRole(u, a, role))) add(u)
        break
      }
      case 'incoming-request':
      case 'coordinator-referral': {
        const a = directory.authority(r.authorityId)
        const allocation = a === undefined ? false : (requestAccess(a, r.legislativeArea)?.allocation ?? false)
        if (allocation) {
          for (const u of directory.usersOf(r.authorityId)) if (hasRequestRole(u, r.legislativeArea, 'allocator')) add(u)
        } else if (r.kind === 'incoming-request') {
          for (const u of directory.usersOf(r.authorityId)) if (hasRequestRole(u, r.legislativeArea, 'request-handler')) add(u)
        }
        break
      }
    }
  }
  return { users: [...users.values()], mailboxes: [...mailboxes] }
}
