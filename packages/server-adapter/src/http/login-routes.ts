/**
 * The HTTP routes of the built-in IMI login, and of the administrators' view of undelivered
 * messages. Sessions travel in `__Host-` cookies with a double-submit CSRF token, or as bearer
 * tokens for clients that ask for one.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { domainError, invalidInput } from '@imi-kit/core'
import type { Actor, DomainError, Storage, UserId } from '@imi-kit/core'
import type { ImiLogin, LoginResult, TemporaryPasswordDelivery } from '../login/index.js'
import { errorResponse, json } from './responses.js'

/**
 * How the server delivers a temporary password (the mailer); it never reaches an HTTP response
 * (LOGIN-TEMP-PASSWORD-HIDDEN).
 *
 * @category http
 */
export type DeliverTemporaryPassword = (delivery: TemporaryPasswordDelivery) => Promise<void>

const Bounded = (max: number) => t.refinement(t.string, (s) => s.length <= max, `string of at most ${max}`)

const Begin = t.type({ username: Bounded(200) })
const Complete = t.intersection([
  t.type({ username: Bounded(200), password: Bounded(1024) }),
  t.partial({ characters: t.array(Bounded(4)), mode: t.keyof({ cookie: null, bearer: null }) }),
])
const ChangePassword = t.union([
  t.type({ continuation: Bounded(600), newPassword: Bounded(1024) }),
  t.type({ currentPassword: Bounded(1024), newPassword: Bounded(1024) }),
])
const SecurityCode = t.intersection([t.type({ continuation: Bounded(600), code: Bounded(64), confirmation: Bounded(64) }), t.partial({ mode: t.keyof({ cookie: null, bearer: null }) })])

const decode = <A>(codec: t.Type<A, unknown, unknown>, u: unknown, what: string): E.Either<DomainError, A> => {
  const d = codec.decode(u)
  return E.isLeft(d) ? E.left(invalidInput(what, d.left)) : E.right(d.right)
}

/** The answer to a login step: the session's cookies, and its token only to a client that asked for a bearer. */
const answer = (r: LoginResult, mode: 'cookie' | 'bearer' | undefined): Response => {
  if (r.outcome !== 'signed-in') return json(r.outcome === 'invalid-credentials' || r.outcome === 'blocked' || r.outcome.endsWith('expired') ? 401 : 200, r)
  const { session } = r
  const body = { outcome: r.outcome, actor: session.actor, csrf: session.csrf, expiresAt: session.expiresAt, ...(mode === 'bearer' ? { token: session.token } : {}) }
  const response = json(200, body)
  if (mode !== 'bearer') for (const c of session.setCookie) response.headers.append('set-cookie', c)
  return response
}

/**
 * The handlers of the public login routes and of the authenticated administration routes.
 *
 * @category http
 */
export const loginRoutes = (o: {
  readonly login?: ImiLogin
  readonly deliver?: DeliverTemporaryPassword
  readonly storage: Storage
  /** Who sees and requeues undelivered messages; nobody when absent. */
  readonly isAdministrator?: (actor: Actor) => boolean
}) => {
  const noLogin = () => errorResponse(domainError('login.not-configured', 'This server uses another sign-in'))
  const administrator = (actor: Actor) => o.isAdministrator?.(actor) === true
  return {
    loginBegin: async (body: unknown): Promise<Response> => {
      if (o.login === undefined) return noLogin()
      const b = decode(Begin, body, 'login')
      if (E.isLeft(b)) return errorResponse(b.left)
      return json(200, await o.login.beginLogin(b.right.username))
    },
    loginComplete: async (body: unknown): Promise<Response> => {
      if (o.login === undefined) return noLogin()
      const b = decode(Complete, body, 'login')
      if (E.isLeft(b)) return errorResponse(b.left)
      const r = await o.login.completeLogin({ username: b.right.username, password: b.right.password, ...(b.right.characters === undefined ? {} : { characters: b.right.characters }) })
      return E.isLeft(r) ? errorResponse(r.left) : answer(r.right, b.right.mode)
    },
    loginChangePassword: async (body: unknown, actor: Actor | null): Promise<Response> => {
      if (o.login === undefined) return noLogin()
      const b = decode(ChangePassword, body, 'password-change')
      if (E.isLeft(b)) return errorResponse(b.left)
      const input =
        'continuation' in b.right
          ? { continuation: b.right.continuation, newPassword: b.right.newPassword }
          : actor?.kind === 'user'
            ? { userId: actor.userId, currentPassword: b.right.currentPassword, newPassword: b.right.newPassword }
            : undefined
      if (input === undefined) return errorResponse(domainError('http.unauthenticated', 'Sign in first'))
      const r = await o.login.changePassword(input)
      return E.isLeft(r) ? errorResponse(r.left) : json(200, r.right)
    },
    loginSetSecurityCode: async (body: unknown): Promise<Response> => {
      if (o.login === undefined) return noLogin()
      const b = decode(SecurityCode, body, 'security-code')
      if (E.isLeft(b)) return errorResponse(b.left)
      const r = await o.login.setSecurityCode({ continuation: b.right.continuation, code: b.right.code, confirmation: b.right.confirmation })
      return E.isLeft(r) ? errorResponse(r.left) : answer(r.right, b.right.mode)
    },
    logout: async (request: Request): Promise<Response> => {
      if (o.login === undefined) return noLogin()
      const { setCookie } = await o.login.logout(request)
      const response = json(200, { outcome: 'signed-out' })
      for (const c of setCookie) response.headers.append('set-cookie', c)
      return response
    },
    resetPassword: async (actor: Actor, userId: string): Promise<Response> => {
      if (o.login === undefined) return noLogin()
      if (actor.kind !== 'user') return errorResponse(domainError('login.not-allowed', 'Only a local data administrator or a coordinator’s data administrator resets passwords', 'LOGIN-RESET-BY-LDA'))
      const r = await o.login.resetPassword({ actor: actor.userId, userId: userId as UserId })
      if (E.isLeft(r)) return errorResponse(r.left)
      // The temporary password goes to the user by e-mail, never back to the administrator.
      if (o.deliver !== undefined) await o.deliver(r.right.temporaryPassword)
      return json(200, { userId: r.right.userId, ground: r.right.ground, temporaryPasswordSendBy: r.right.temporaryPassword.sendBy })
    },
    getDeadLetters: async (actor: Actor): Promise<Response> => {
      if (!administrator(actor)) return errorResponse(domainError('admin.not-allowed', 'Only administrators see undelivered messages'))
      return json(200, { items: await o.storage.outbox.deadLetters(200) })
    },
    requeueDeadLetter: async (actor: Actor, id: string): Promise<Response> => {
      if (!administrator(actor)) return errorResponse(domainError('admin.not-allowed', 'Only administrators requeue undelivered messages'))
      const n = Number(id)
      if (!Number.isSafeInteger(n) || n < 1) return errorResponse(domainError('admin.not-found', 'There is no such message'))
      await o.storage.outbox.requeue(n)
      return json(200, { requeued: n })
    },
  }
}
