/**
 * Who acts and who looks.
 *
 * @module
 */
import * as t from 'io-ts'
import type { Authority } from './authorities.js'
import type { Directory } from './directory.js'
import type { AuthorityId, UserId } from './ids.js'
import { AuthorityIdCodec, UserIdCodec } from './ids.js'
import type { User } from './users.js'

/**
 * The party behind a command: a user acting for their authority, or the `system` (timers, retention).
 *
 * @category model
 */
export type Actor =
  | { readonly kind: 'user'; readonly userId: UserId; readonly authorityId: AuthorityId }
  | { readonly kind: 'system' }

/** Codec of {@link Actor}, as stored in events. @category codecs */
export const ActorCodec: t.Type<Actor, unknown, unknown> = t.union([
  t.readonly(t.type({ kind: t.literal('user'), userId: UserIdCodec, authorityId: AuthorityIdCodec })),
  t.readonly(t.type({ kind: t.literal('system') })),
])

/** The system actor, which fires timers. @category constants */
export const SYSTEM: Actor = { kind: 'system' }

/**
 * Someone looking at an exchange. A user viewer carries their user record and authority so that
 * need-to-know decisions are pure functions of the exchange and the viewer.
 *
 * @category model
 */
export type Viewer =
  | { readonly kind: 'user'; readonly user: User; readonly authority: Authority }
  | { readonly kind: 'commission' }
  | { readonly kind: 'helpdesk' }
  /** A system administrator: sees blocked personal data, as the retention rules allow. */
  | { readonly kind: 'system-administrator' }

/**
 * Resolves the viewer of a user actor from the directory; `undefined` when the user or authority is
 * unknown or the user does not belong to that authority.
 *
 * @category constructors
 */
export const userViewer = (directory: Directory, id: UserId): Viewer | undefined => {
  const user = directory.user(id)
  if (user === undefined) return undefined
  const authority = directory.authority(user.authorityId)
  return authority === undefined ? undefined : { kind: 'user', user, authority }
}

/**
 * Resolves the viewer behind an actor.
 *
 * @category constructors
 */
export const viewerOf = (directory: Directory, actor: Actor): Viewer | undefined =>
  actor.kind === 'system'
    ? { kind: 'system-administrator' }
    : ((v) => (v?.kind === 'user' && v.authority.id === actor.authorityId ? v : undefined))(userViewer(directory, actor.userId))
