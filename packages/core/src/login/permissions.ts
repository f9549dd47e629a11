/**
 * Who resets a password and who gives a forgotten username back (spec §4.6, AMB-L6): a local data
 * administrator of the user's own authority, or a data administrator of a coordinator that
 * administers that authority (its coordinator-validator or one of its access coordinators).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Authority } from '../model/authorities.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { domainError } from '../model/errors.js'
import type { AuthorityId, UserId } from '../model/ids.js'
import type { User } from '../model/users.js'

/**
 * Why an administrator may act on a user's credentials:
 * - `local-data-administrator`: an LDA of the user's own authority (LOGIN-RESET-BY-LDA);
 * - `coordinator-validator`: a data administrator of the authority's coordinator-validator;
 * - `access-coordinator`: a data administrator of one of the authority's access coordinators
 *   (LOGIN-RESET-BY-COORDINATOR).
 *
 * @category model
 */
export type CredentialAdministration = 'local-data-administrator' | 'coordinator-validator' | 'access-coordinator'

/**
 * What the administrator does: reset the password and security code, or give a forgotten username
 * back outside the system.
 *
 * @category model
 */
export type CredentialAction = 'reset-password' | 'recover-username'

/**
 * The coordinators responsible for an authority's users: its coordinator-validator first, then its
 * access coordinators, each once (AMB-L6). Empty when the directory does not record them.
 *
 * @example
 * ```ts
 * import { responsibleCoordinators } from '@imi-kit/core'
 * import { world, A } from '@imi-kit/core/testing'
 * const authority = world().authority(A.frCa)
 * authority === undefined ? [] : responsibleCoordinators(authority) // [] : the fixtures do not record them
 * ```
 * @category queries
 */
export const responsibleCoordinators = (authority: Authority): ReadonlyArray<AuthorityId> => {
  const c = authority.administrativeCoordinators
  if (c === undefined) return []
  return [...new Set([c.coordinatorValidator, ...c.accessCoordinators.map((a) => a.coordinator)])]
}

const administrationOf = (actor: User, target: User, targetAuthority: Authority): CredentialAdministration | undefined => {
  if (actor.authorityId === target.authorityId && actor.generalRoles.includes('local-data-administrator')) return 'local-data-administrator'
  if (!actor.generalRoles.includes('data-administrator')) return undefined
  const c = targetAuthority.administrativeCoordinators
  if (c === undefined) return undefined
  if (c.coordinatorValidator === actor.authorityId) return 'coordinator-validator'
  return c.accessCoordinators.some((a) => a.coordinator === actor.authorityId) ? 'access-coordinator' : undefined
}

/**
 * Whether `actor` may act on the credentials of `target`, and on what ground:
 * - to reset a password (and with it the security code, and unblock the account): an LDA of the
 *   target's authority (LOGIN-RESET-BY-LDA), or a data administrator of its coordinator-validator or
 *   of one of its access coordinators (LOGIN-RESET-BY-COORDINATOR);
 * - to give a forgotten username back, outside the system: the same people — an LDA of the user's
 *   authority (LOGIN-FORGOT-USERNAME-LDA), else the coordinator responsible for the authority
 *   (LOGIN-FORGOT-USERNAME-COORD), which is its coordinator-validator or any of its access
 *   coordinators (LOGIN-RECOVERY-COORDINATOR).
 *
 * The actor must be an active user; the target must exist and not be removed.
 *
 * @example
 * ```ts
 * import { mayAdministerCredentials } from '@imi-kit/core'
 * import { world, U } from '@imi-kit/core/testing'
 * mayAdministerCredentials(world(), U.frLda, U.frHandler, 'reset-password') // right('local-data-administrator')
 * ```
 * @category queries
 */
export const mayAdministerCredentials = (
  directory: Directory,
  actorId: UserId,
  targetId: UserId,
  action: CredentialAction,
): E.Either<DomainError, CredentialAdministration> => {
  const target = directory.user(targetId)
  const targetAuthority = target === undefined ? undefined : directory.authority(target.authorityId)
  if (target === undefined || target.status === 'removed' || targetAuthority === undefined) {
    return E.left(domainError('login.unknown-user', 'No such user', undefined, { userId: targetId }))
  }
  const actor = directory.user(actorId)
  const ground = actor === undefined || actor.status !== 'active' ? undefined : administrationOf(actor, target, targetAuthority)
  if (ground !== undefined) return E.right(ground)
  return E.left(
    action === 'reset-password'
      ? domainError(
          'login.reset-not-allowed',
          "Only a local data administrator of the user's authority, or a data administrator of a coordinator administering it, may reset the password",
          'LOGIN-RESET-BY-LDA',
          { userId: targetId },
        )
      : domainError(
          'login.recovery-not-allowed',
          "Only a local data administrator of the user's authority, or a data administrator of a coordinator administering it, may give a username back",
          'LOGIN-FORGOT-USERNAME-LDA',
          { userId: targetId },
        ),
  )
}

/**
 * Whom a user turns to when a username, password or security code is forgotten or the account is
 * blocked: the other active local data administrators of the user's authority first
 * (LOGIN-FORGOT-USERNAME-LDA, LOGIN-RESET-BY-LDA); when there is none — the user is the only LDA —
 * or none can be reached, the coordinators responsible for the authority
 * (LOGIN-FORGOT-USERNAME-COORD, LOGIN-RECOVERY-COORDINATOR) with their active data administrators.
 *
 * @category model
 */
export interface RecoveryContacts {
  readonly localDataAdministrators: ReadonlyArray<UserId>
  readonly coordinators: ReadonlyArray<{ readonly authorityId: AuthorityId; readonly dataAdministrators: ReadonlyArray<UserId> }>
}

/**
 * The {@link RecoveryContacts} of a user; `undefined` for an unknown user.
 *
 * @example
 * ```ts
 * import { recoveryContacts } from '@imi-kit/core'
 * import { world, U } from '@imi-kit/core/testing'
 * recoveryContacts(world(), U.frHandler)?.localDataAdministrators // ['fr-ca-lda']
 * ```
 * @category queries
 */
export const recoveryContacts = (directory: Directory, userId: UserId): RecoveryContacts | undefined => {
  const user = directory.user(userId)
  const authority = user === undefined ? undefined : directory.authority(user.authorityId)
  if (user === undefined || authority === undefined) return undefined
  const active = (u: User) => u.status === 'active'
  return {
    localDataAdministrators: directory
      .usersOf(authority.id)
      .filter((u) => u.id !== user.id && active(u) && u.generalRoles.includes('local-data-administrator'))
      .map((u) => u.id),
    coordinators: responsibleCoordinators(authority).map((authorityId) => ({
      authorityId,
      dataAdministrators: directory
        .usersOf(authorityId)
        .filter((u) => active(u) && u.generalRoles.includes('data-administrator'))
        .map((u) => u.id),
    })),
  }
}
