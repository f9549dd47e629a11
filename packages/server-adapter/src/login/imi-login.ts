/**
 * The built-in IMI login (spec §4; ARCHITECTURE §5): username, password and 3 characters of a
 * 12-character security code, a temporary password changed at first login, lockout after 5
 * consecutive failures, resets by local data administrators and coordinators, and sessions held in an
 * HttpOnly cookie (with a CSRF token) or a bearer token, ended by logout or after idling.
 *
 * The rules are the core's (`attemptLogin`, `checkPassword`, `challengePositions`,
 * `mayAdministerCredentials`, …); this module adds what they leave out on purpose: randomness,
 * hashing, sealing, storage and HTTP. Every outcome and refusal is a value: operations resolve to an
 * `Either<DomainError, …>` or a typed outcome and never throw for a domain reason. A rejected promise
 * means the account or session store failed.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type {
  AccountEffect,
  AccountRecord,
  AccountStore,
  AccountTransition,
  Actor,
  ChallengePositions,
  Clock,
  CredentialAdministration,
  Directory,
  DomainError,
  LoginAccountState,
  LoginEvidence,
  LoginRules,
  PasswordPolicy,
  PasswordRequirement,
  RegistrationPath,
  SessionRecord,
  SessionStore,
  UserId,
  UsernameDelivery,
} from '@imi-kit/core'
import {
  attemptLogin,
  challengePositions,
  changeAccountPassword,
  checkPassword,
  checkSecurityCode,
  describePasswordPolicy,
  domainError,
  generateTemporaryPassword,
  generateUsername,
  loginRules,
  mayAdministerCredentials,
  normalizeCredential,
  openAccount,
  recordFailure,
  resetAccount,
  setAccountSecurityCode,
  usernameDelivery,
  validateAccount as validateAccountState,
  verifySecurityCode,
} from '@imi-kit/core'
import type { AccountData } from './account-data.js'
import { decodeAccountData, encodeAccountData } from './account-data.js'
import { CSRF_HEADER, DEFAULT_CSRF_COOKIE, DEFAULT_SESSION_COOKIE, csrfCookie, expiredCookie, isCookieName, parseCookies, sessionCookie } from './cookies.js'
import type { LoginKeys, LoginRandom, PasswordHash, ScryptParameters } from './login-crypto.js'
import {
  DEFAULT_SCRYPT_PARAMETERS,
  MIN_SECRET_BYTES,
  cryptoRandom,
  hashPassword,
  loginKeys,
  randomToken,
  sameSecret,
  seededRandom,
  strongSecret,
  tokenHash,
  validScryptParameters,
  verifyPassword,
} from './login-crypto.js'
import { Secret } from './secret.js'

// ---------------------------------------------------------------------------------------------
// options and configuration

/**
 * The configuration of the login, every field optional in {@link ImiLoginOptions}.
 *
 * @category login
 */
export interface ImiLoginConfig {
  /** The password policy (AMB-L2); never below 8 characters. Default: 8 characters, lower, upper, digit, special. */
  readonly passwordPolicy: PasswordPolicy
  /** `TEMP_PASSWORD_VALIDITY` in days (AMB-L1). Default 30. */
  readonly temporaryPasswordValidityDays: number
  /** A session ends after this many minutes without use. Default 30. */
  readonly idleTimeoutMinutes: number
  /** A session ends this many hours after login, used or not. Default 12. */
  readonly absoluteTimeoutHours: number
  /** How long the positions drawn by `beginLogin` stay valid. Default 10 minutes. */
  readonly challengeTimeoutMinutes: number
  /** How long a first-login continuation stays valid. Default 15 minutes. */
  readonly continuationTimeoutMinutes: number
  /** The name of the session cookie. Default `__Host-imi-session`. */
  readonly cookieName: string
  /** The name of the CSRF cookie. Default `__Host-imi-csrf`. */
  readonly csrfCookieName: string
  /** The scrypt cost of new hashes. Default {@link DEFAULT_SCRYPT_PARAMETERS}. */
  readonly scrypt: ScryptParameters
}

/**
 * What {@link createImiLogin} needs.
 *
 * @category login
 */
export interface ImiLoginOptions {
  /** The accounts; `createMemoryStorage().accounts` or an SQL storage's. */
  readonly accounts: AccountStore
  /** The sessions; `createMemoryStorage().sessions` or an SQL storage's. */
  readonly sessions: SessionStore
  /** The current directory: users, their authorities and roles. */
  readonly directory: () => Directory
  readonly clock: Clock
  /**
   * The server secret, at least 32 bytes, from which the key sealing security codes is derived.
   * Keep it out of the database: whoever holds both can read the codes.
   */
  readonly secret: string | Uint8Array
  /** Secrets used before a rotation: codes they sealed still open; new codes use `secret`. */
  readonly previousSecrets?: ReadonlyArray<string | Uint8Array>
  /** Default: `node:crypto`. */
  readonly random?: LoginRandom
  readonly config?: Partial<Omit<ImiLoginConfig, 'passwordPolicy'>> & { readonly passwordPolicy?: Partial<PasswordPolicy> }
}

// ---------------------------------------------------------------------------------------------
// results

/**
 * A temporary password on its way to the mailer, which must send it to the user's registered e-mail
 * address by `sendBy` (LOGIN-TEMP-PASSWORD-48H). It carries no username (LOGIN-USERNAME-NEVER-EMAILED);
 * the password is a {@link Secret}, so that the value given to a coordinator or a log shows nothing
 * (LOGIN-TEMP-PASSWORD-HIDDEN). `reason` picks the message: a new account, a validation of a
 * self-registered authority, or a reset.
 *
 * @category login
 */
export interface TemporaryPasswordDelivery {
  readonly userId: UserId
  readonly temporaryPassword: Secret
  readonly reason: 'registration' | 'validation' | 'reset'
  /** ISO-8601: the latest instant to send it. */
  readonly sendBy: string
  /** ISO-8601: when it stops working (LOGIN-TEMP-PASSWORD-EXPIRY). */
  readonly expiresAt: string
}

/**
 * A new account. Show `username` to whoever hands it over (`usernameDelivery` says who and how);
 * give `temporaryPassword` to the mailer only. It is absent for the first user of a self-registered
 * authority, who receives it at validation ({@link ImiLogin.validateAccount}).
 *
 * @category login
 */
export interface RegisteredAccount {
  readonly userId: UserId
  readonly username: string
  readonly usernameDelivery: UsernameDelivery
  readonly temporaryPassword?: TemporaryPasswordDelivery
}

/**
 * The positions of the security code to ask for. The answer has the same shape whether the username
 * exists or not.
 *
 * @category login
 */
export interface LoginChallenge {
  readonly positions: ChallengePositions
}

/**
 * An open session: `token` goes in the session cookie or in an `Authorization: Bearer` header, `csrf`
 * in the `x-imi-csrf` header of unsafe cookie-authenticated requests. `setCookie` holds the two
 * `Set-Cookie` values (session, CSRF) for a browser login.
 *
 * @category login
 */
export interface IssuedSession {
  readonly token: string
  readonly csrf: string
  readonly actor: Actor
  /** ISO-8601: when it ends unless used before. */
  readonly expiresAt: string
  readonly setCookie: ReadonlyArray<string>
}

/**
 * The result of {@link ImiLogin.completeLogin}. Only `signed-in` opens a session; the two first-login
 * outcomes give a `continuation`, a short-lived token for {@link ImiLogin.changePassword} and
 * {@link ImiLogin.setSecurityCode}. A wrong username, password or code is `invalid-credentials`,
 * never saying which.
 *
 * @category login
 */
export type LoginResult =
  | { readonly outcome: 'signed-in'; readonly session: IssuedSession }
  | { readonly outcome: 'password-change-required' | 'security-code-required'; readonly continuation: string; readonly expiresAt: string }
  | { readonly outcome: 'blocked' | 'temporary-password-expired' | 'challenge-expired' | 'invalid-credentials' }

/**
 * A password change: with the continuation of a first login, or, for a signed-in user, with the
 * current password.
 *
 * @category login
 */
export type ChangePasswordInput =
  | { readonly continuation: string; readonly newPassword: string }
  | { readonly userId: UserId; readonly currentPassword: string; readonly newPassword: string }

/**
 * The result of a password change: at first login, the security code comes next
 * (LOGIN-FIRST-SECURITY-CODE); otherwise the change is done.
 *
 * @category login
 */
export type ChangePasswordResult =
  | { readonly outcome: 'security-code-required'; readonly continuation: string; readonly expiresAt: string }
  | { readonly outcome: 'password-changed' }

/**
 * A password reset: who may do it and on what ground, and the new temporary password for the
 * mailer, which the administrator must not see (LOGIN-TEMP-PASSWORD-HIDDEN).
 *
 * @category login
 */
export interface PasswordReset {
  readonly userId: UserId
  readonly ground: CredentialAdministration
  readonly temporaryPassword: TemporaryPasswordDelivery
}

/**
 * A session found on a request: the actor, the stored session, and how the request carried it. Only
 * cookie-carried sessions need CSRF protection.
 *
 * @category login
 */
export interface AuthenticatedSession {
  readonly actor: Actor & { readonly kind: 'user' }
  readonly session: SessionRecord
  readonly via: 'cookie' | 'bearer'
}

/**
 * The built-in login. See {@link createImiLogin}.
 *
 * @category login
 */
export interface ImiLogin {
  /** The configuration in force, defaults applied. */
  readonly config: ImiLoginConfig
  /** The password requirements to show on the password-change form (LOGIN-PASSWORD-POLICY). */
  passwordRequirements(): ReadonlyArray<PasswordRequirement>
  /**
   * Opens the account of a registered user: generates a unique username (LOGIN-USERNAME-GENERATED,
   * LOGIN-USERNAME-UNIQUE) and, except for a self-registered first user, a temporary password
   * (LOGIN-TEMP-PASSWORD-48H). The caller decides who may register users.
   */
  registerAccount(input: { readonly userId: UserId; readonly path: RegistrationPath }): Promise<E.Either<DomainError, RegisteredAccount>>
  /** Issues the temporary password of a self-registered first user once the authority is validated (LOGIN-SELFREG-PASSWORD-TIMING). */
  validateAccount(userId: UserId): Promise<E.Either<DomainError, TemporaryPasswordDelivery>>
  /** The positions of the security code to ask for; the same shape, and stable positions, whether or not the username exists. */
  beginLogin(username: string): Promise<LoginChallenge>
  /** Checks the credentials of a login attempt (spec §4.3–§4.5). `characters` answer the positions of `beginLogin`. */
  completeLogin(input: { readonly username: string; readonly password: string; readonly characters?: ReadonlyArray<string> }): Promise<E.Either<DomainError, LoginResult>>
  /** Changes the password, at first login or later (LOGIN-FIRST-NEW-PASSWORD, LOGIN-PASSWORD-POLICY). */
  changePassword(input: ChangePasswordInput): Promise<E.Either<DomainError, ChangePasswordResult>>
  /** Creates and confirms the security code, which ends the first login (LOGIN-FIRST-SECURITY-CODE). */
  setSecurityCode(input: { readonly continuation: string; readonly code: string; readonly confirmation: string }): Promise<E.Either<DomainError, Extract<LoginResult, { outcome: 'signed-in' }>>>
  /** Resets a user's password and security code, by an LDA or a coordinator's data administrator (spec §4.6). */
  resetPassword(input: { readonly actor: UserId; readonly userId: UserId }): Promise<E.Either<DomainError, PasswordReset>>
  /** A forgotten username, for the administrator to hand over outside the system (LOGIN-FORGOT-USERNAME-LDA, LOGIN-FORGOT-USERNAME-COORD). */
  recoverUsername(input: { readonly actor: UserId; readonly userId: UserId }): Promise<E.Either<DomainError, { readonly username: string; readonly ground: CredentialAdministration }>>
  /** The non-secret state of a user's account (stage, failures, blocked), for administrators. */
  accountState(userId: UserId): Promise<LoginAccountState | undefined>
  /** The actor of a request's session, or `null`; uses the session, pushing its idle expiry. */
  authenticate(request: Request): Promise<Actor | null>
  /** Like `authenticate`, with the session and how the request carried it. */
  authenticateSession(request: Request): Promise<AuthenticatedSession | null>
  /**
   * Refuses an unsafe (not GET, HEAD or OPTIONS) request authenticated by the session cookie unless
   * its `x-imi-csrf` header holds the session's CSRF token; `undefined` when it may go on. Bearer
   * requests need no token. Without `session`, the request's session is looked up (not touched).
   */
  checkCsrf(request: Request, session?: AuthenticatedSession | null): Promise<DomainError | undefined>
  /** Ends the request's session; the `Set-Cookie` values that remove the cookies. */
  logout(request: Request): Promise<{ readonly setCookie: ReadonlyArray<string> }>
}

// ---------------------------------------------------------------------------------------------
// implementation

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** Optimistic writes retried this many times before giving up with `login.busy`. */
const MAX_WRITES = 8
/** Longer usernames are not looked up: none is generated, and it bounds the work of a probe. */
const MAX_USERNAME = 200
/** Longer passwords are refused before hashing, so that a huge body cannot tie up scrypt. */
const MAX_PASSWORD = 1024
const TOKEN = /^[A-Za-z0-9_-]{43}$/
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const sameCost = (hash: PasswordHash, params: ScryptParameters): boolean =>
  hash.N === params.N && hash.r === params.r && hash.p === params.p && Buffer.from(hash.hash, 'base64').length === params.keyLength

const left = <A>(code: string, message: string, ruleId?: string, details?: Readonly<Record<string, unknown>>): E.Either<DomainError, A> =>
  E.left(domainError(code, message, ruleId, details))

const plus = (d: Date, ms: number): string => new Date(d.getTime() + ms).toISOString()
const before = (iso: string, now: Date): boolean => now.getTime() < new Date(iso).getTime()

/** A continuation names its account, so that it can be found, and carries a secret, stored hashed. */
const continuationToken = (userId: string, secret: string): string => `${Buffer.from(userId, 'utf8').toString('base64url')}.${secret}`
const continuationUser = (token: string): string | undefined => {
  const [user, secret, ...rest] = token.split('.')
  if (user === undefined || secret === undefined || rest.length > 0 || !TOKEN.test(secret) || user.length === 0 || user.length > 400) return undefined
  return Buffer.from(user, 'base64url').toString('utf8')
}

/**
 * Creates the built-in login over an account store and a session store.
 *
 * Passwords are hashed with scrypt (a salt per hash, the cost stored with it); the security code is
 * sealed with AES-256-GCM under a key derived from `secret`, because a login checks 3 characters at
 * positions drawn each time and so must read the code per position; sessions, CSRF tokens and
 * first-login continuations are stored as SHA-256 hashes. Nothing stored or returned holds a
 * password, temporary password or code in clear, except the temporary password wrapped in a
 * {@link Secret} for the mailer.
 *
 * The only exception thrown is at creation, for a misconfiguration: a secret shorter than 32 bytes,
 * a cookie name that is not a cookie name, or scrypt parameters out of bounds.
 *
 * @example
 * ```ts
 * import { createImiLogin } from '@imi-kit/server-adapter'
 * import { createMemoryStorage } from '@imi-kit/storage-adapters'
 * import { fixedClock, userId } from '@imi-kit/core'
 * import { world } from '@imi-kit/core/testing'
 *
 * const storage = createMemoryStorage()
 * const login = createImiLogin({
 *   accounts: storage.accounts,
 *   sessions: storage.sessions,
 *   directory: () => world(),
 *   clock: fixedClock(new Date('2026-03-02T08:00:00Z')),
 *   secret: 'a server secret of at least thirty-two bytes',
 * })
 * const registered = await login.registerAccount({ userId: userId('fr-ca-handler'), path: 'additional-user' })
 * // registered.right.username → to the local data administrator, who hands it over by telephone;
 * // registered.right.temporaryPassword → to the mailer, and nowhere else.
 * ```
 * @category login
 */
export const createImiLogin = (options: ImiLoginOptions): ImiLogin => {
  const { accounts, sessions, clock } = options
  const random = options.random ?? cryptoRandom
  const rules: LoginRules = loginRules(options.config)
  const c = options.config ?? {}
  const config: ImiLoginConfig = {
    passwordPolicy: rules.passwordPolicy,
    temporaryPasswordValidityDays: rules.temporaryPasswordValidityDays,
    idleTimeoutMinutes: c.idleTimeoutMinutes ?? 30,
    absoluteTimeoutHours: c.absoluteTimeoutHours ?? 12,
    challengeTimeoutMinutes: c.challengeTimeoutMinutes ?? 10,
    continuationTimeoutMinutes: c.continuationTimeoutMinutes ?? 15,
    cookieName: c.cookieName ?? DEFAULT_SESSION_COOKIE,
    csrfCookieName: c.csrfCookieName ?? DEFAULT_CSRF_COOKIE,
    scrypt: c.scrypt ?? DEFAULT_SCRYPT_PARAMETERS,
  }
  if (!strongSecret(options.secret) || !(options.previousSecrets ?? []).every(strongSecret)) {
    throw new RangeError(`The login's secrets must be at least ${MIN_SECRET_BYTES} bytes long`)
  }
  if (!isCookieName(config.cookieName) || !isCookieName(config.csrfCookieName) || config.cookieName === config.csrfCookieName) {
    throw new RangeError('The login needs two distinct, valid cookie names')
  }
  if (!validScryptParameters(config.scrypt) || config.scrypt.keyLength < 16 || config.scrypt.keyLength > 64) {
    throw new RangeError('The scrypt parameters are out of bounds')
  }
  const positive = (n: number) => Number.isFinite(n) && n > 0
  if (![config.idleTimeoutMinutes, config.absoluteTimeoutHours, config.challengeTimeoutMinutes, config.continuationTimeoutMinutes].every(positive)) {
    throw new RangeError('The login timeouts must be positive numbers')
  }
  const keys: LoginKeys = loginKeys(options.secret, options.previousSecrets)
  const idleMs = config.idleTimeoutMinutes * MINUTE
  const absoluteMs = config.absoluteTimeoutHours * HOUR
  const challengeMs = config.challengeTimeoutMinutes * MINUTE
  const continuationMs = config.continuationTimeoutMinutes * MINUTE

  // A hash to verify against when there is no account or no password, so that an unknown username
  // costs the same scrypt work as a known one.
  let dummy: Promise<PasswordHash> | undefined
  const dummyHash = (): Promise<PasswordHash> => (dummy ??= hashPassword(randomToken(random), config.scrypt, random))
  const wastePasswordCheck = async (password: string): Promise<false> => {
    await verifyPassword(password, await dummyHash())
    return false
  }

  const directoryUser = (id: string) => {
    const directory = options.directory()
    const user = directory.user(id as UserId)
    const authority = user === undefined ? undefined : directory.authority(user.authorityId)
    return user === undefined || authority === undefined ? undefined : { user, authority }
  }

  // -------------------------------------------------------------------------------------------
  // account writes

  type Step<R> =
    | { readonly write: false; readonly result: E.Either<DomainError, R> }
    | { readonly write: true; readonly data: AccountData; readonly after: () => Promise<E.Either<DomainError, R>> }

  const stop = <R>(result: E.Either<DomainError, R>): Step<R> => ({ write: false, result })

  /**
   * Loads the account, decides, and writes with the version read; on a concurrent write, starts over
   * from a fresh read, so that no failed attempt is lost (LOGIN-FIVE-ATTEMPTS).
   */
  const update = async <R>(load: () => Promise<AccountRecord | undefined>, decide: (record: AccountRecord, data: AccountData) => Promise<Step<R>>): Promise<E.Either<DomainError, R>> => {
    for (let i = 0; i < MAX_WRITES; i++) {
      const record = await load()
      if (record === undefined) return left('login.no-account', 'The user has no login account')
      const data = decodeAccountData(record.data)
      if (data === undefined) return left('login.unreadable-account', 'The login account cannot be read')
      const step = await decide(record, data)
      if (!step.write) return step.result
      if (await accounts.save({ username: record.username, userId: record.userId, data: encodeAccountData(step.data) }, record.version)) return step.after()
    }
    return left('login.busy', 'The account was changed concurrently; try again')
  }

  /**
   * Applies the effects that change the stored data (a new temporary password, a cleared code); the
   * temporary password is hashed before anything is stored and kept only for the mailer.
   */
  const applyDataEffects = async (
    userId: UserId,
    data: AccountData,
    transition: AccountTransition,
    reason: TemporaryPasswordDelivery['reason'],
  ): Promise<{ readonly data: AccountData; readonly delivery?: TemporaryPasswordDelivery }> => {
    let next: AccountData = { ...data, state: transition.state }
    let delivery: TemporaryPasswordDelivery | undefined
    for (const effect of transition.effects) {
      if (effect.type === 'clear-security-code') {
        const { code: _code, challenge: _challenge, continuation: _continuation, ...rest } = next
        next = rest
      } else if (effect.type === 'issue-temporary-password') {
        const temporary = generateTemporaryPassword(random.int, config.passwordPolicy)
        next = { ...next, password: await hashPassword(temporary, config.scrypt, random) }
        delivery = { userId, temporaryPassword: new Secret(temporary), reason, sendBy: effect.sendBy, expiresAt: effect.expiresAt }
      }
    }
    return delivery === undefined ? { data: next } : { data: next, delivery }
  }

  const openSession = async (userId: string): Promise<E.Either<DomainError, IssuedSession>> => {
    const found = directoryUser(userId)
    if (found === undefined) return left('login.unknown-user', 'The user is not in the directory')
    const now = clock.now()
    const token = randomToken(random)
    const csrf = randomToken(random)
    const expiresAt = plus(now, Math.min(idleMs, absoluteMs))
    await sessions.create({
      id: tokenHash(token),
      userId,
      authorityId: found.authority.id,
      // Only a hash: the token itself lives in the client.
      csrf: tokenHash(csrf),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
    })
    return E.right({
      token,
      csrf,
      actor: { kind: 'user', userId: found.user.id, authorityId: found.authority.id },
      expiresAt,
      setCookie: [sessionCookie(config.cookieName, token), csrfCookie(config.csrfCookieName, csrf)],
    })
  }

  const runAfterEffects = async (userId: string, effects: ReadonlyArray<AccountEffect>): Promise<E.Either<DomainError, IssuedSession | undefined>> => {
    let session: IssuedSession | undefined
    for (const effect of effects) {
      if (effect.type === 'end-sessions') await sessions.deleteForUser(userId)
      if (effect.type === 'open-session') {
        const opened = await openSession(userId)
        if (E.isLeft(opened)) return opened
        session = opened.right
      }
    }
    return E.right(session)
  }

  const newContinuation = (userId: string, now: Date): { readonly token: string; readonly stored: AccountData['continuation'] & object } => {
    const secret = randomToken(random)
    return { token: continuationToken(userId, secret), stored: { hash: tokenHash(secret), expiresAt: plus(now, continuationMs) } }
  }

  /** The account a continuation belongs to, when the continuation is the pending one and has not expired. */
  const continued = (token: string, data: AccountData, now: Date): boolean => {
    const secret = token.split('.')[1] ?? ''
    const pending = data.continuation
    return pending !== undefined && before(pending.expiresAt, now) && sameSecret(tokenHash(secret), pending.hash)
  }

  const badContinuation = <R>(): E.Either<DomainError, R> =>
    left('login.continuation-invalid', 'The login step has expired or is not the current one; log in again', 'LOGIN-FIRST-NEW-PASSWORD')

  const passwordProblems = (password: string): E.Either<DomainError, void> => {
    const unmet = password.length > MAX_PASSWORD ? [{ requirement: 'max-length' as const, maxLength: MAX_PASSWORD }] : checkPassword(password, config.passwordPolicy)
    if (unmet.length === 0) return E.right(undefined)
    const short = unmet.some((r) => r.requirement === 'min-length')
    return left('login.invalid-password', 'The password does not meet the password policy', short ? 'LOGIN-PASSWORD-MIN-8' : 'LOGIN-PASSWORD-POLICY', { unmet })
  }

  // -------------------------------------------------------------------------------------------
  // registration

  const registerAccount: ImiLogin['registerAccount'] = async ({ userId, path }) => {
    const found = directoryUser(userId)
    if (found === undefined || found.user.status === 'removed') return left('login.unknown-user', 'The user is not in the directory', undefined, { userId })
    if ((await accounts.byUser(userId)) !== undefined) return left('login.account-exists', 'The user already has a login account', 'LOGIN-USERNAME-UNIQUE', { userId })
    const now = clock.now()
    const opened = openAccount(path, now, rules)
    const { data, delivery } = await applyDataEffects(userId, { v: 1, state: opened.state }, opened, 'registration')
    for (let i = 0; i < MAX_WRITES; i++) {
      const username = generateUsername(random.int)
      if (await accounts.save({ username, userId, data: encodeAccountData(data) }, 0)) {
        const registered: RegisteredAccount = { userId, username, usernameDelivery: usernameDelivery(path) }
        return E.right(delivery === undefined ? registered : { ...registered, temporaryPassword: delivery })
      }
      // Refused: either the user got an account meanwhile, or the username is taken; draw again.
      if ((await accounts.byUser(userId)) !== undefined) return left('login.account-exists', 'The user already has a login account', 'LOGIN-USERNAME-UNIQUE', { userId })
    }
    return left('login.busy', 'No free username was found; try again', 'LOGIN-USERNAME-UNIQUE')
  }

  const validateAccount: ImiLogin['validateAccount'] = (userId) =>
    update(
      () => accounts.byUser(userId),
      async (_record, data) => {
        const transition = validateAccountState(data.state, clock.now(), rules)
        if (E.isLeft(transition)) return stop(transition)
        const applied = await applyDataEffects(userId, data, transition.right, 'validation')
        const delivery = applied.delivery
        if (delivery === undefined) return stop(left('login.no-temporary-password', 'No temporary password was issued'))
        return { write: true, data: applied.data, after: async () => E.right(delivery) }
      },
    )

  // -------------------------------------------------------------------------------------------
  // login

  const beginLogin: ImiLogin['beginLogin'] = async (username) => {
    const now = clock.now()
    const record = username.length === 0 || username.length > MAX_USERNAME ? undefined : await accounts.byUsername(username)
    if (record === undefined) {
      // Positions for a username that does not exist: stable within a window, like those of a real
      // account until used, so that asking twice does not tell the two apart.
      const window = Math.floor(now.getTime() / challengeMs)
      return { positions: challengePositions(seededRandom(keys, `unknown\0${window}\0${username}`)) }
    }
    const drawn = challengePositions(random.int)
    const result = await update(
      () => accounts.byUsername(username),
      async (_record, data): Promise<Step<ChallengePositions>> => {
        // The pending positions stay until used or expired: asking again does not draw new ones, so
        // that nobody can draw until the positions they happen to know come up.
        if (data.challenge !== undefined && before(data.challenge.expiresAt, now)) return stop(E.right(data.challenge.positions))
        return { write: true, data: { ...data, challenge: { positions: drawn, expiresAt: plus(now, challengeMs) } }, after: async () => E.right(drawn) }
      },
    )
    return { positions: E.isRight(result) ? result.right : drawn }
  }

  const completeLogin: ImiLogin['completeLogin'] = async ({ username, password, characters }) => {
    const now = clock.now()
    const record = username.length === 0 || username.length > MAX_USERNAME || password.length > MAX_PASSWORD ? undefined : await accounts.byUsername(username)
    if (record === undefined) {
      // An unknown username counts against no account (LOGIN-UNKNOWN-USERNAME), and costs the same.
      await wastePasswordCheck(password)
      return E.right({ outcome: 'invalid-credentials' })
    }
    // The password check is the costly part: remembered across retries while the hash is the same.
    const checked = new Map<string, boolean>()
    const passwordMatches = async (hash: PasswordHash | undefined): Promise<boolean> => {
      if (hash === undefined) return wastePasswordCheck(password)
      const known = checked.get(hash.hash)
      if (known !== undefined) return known
      const ok = await verifyPassword(password, hash)
      checked.set(hash.hash, ok)
      return ok
    }
    const result = await update(
      () => accounts.byUsername(username),
      async (rec, data): Promise<Step<LoginResult>> => {
        const pending = data.challenge !== undefined && before(data.challenge.expiresAt, now) ? data.challenge.positions : undefined
        const code = data.code === undefined ? undefined : keys.open(data.code, rec.userId)
        const evidence: LoginEvidence = {
          passwordMatches: await passwordMatches(data.password),
          securityCode: pending === undefined ? 'no-challenge' : code !== undefined && verifySecurityCode(code, pending, characters ?? []) ? 'match' : 'mismatch',
        }
        let decided = attemptLogin(data.state, evidence, now)
        const person = directoryUser(rec.userId)
        if (decided.outcome !== 'invalid-credentials' && person?.user.status !== 'active') {
          // Right credentials, but the directory no longer lets the user in: nothing changes.
          decided = { state: data.state, effects: [], outcome: person?.user.status === 'blocked' ? 'blocked' : 'invalid-credentials' }
        }
        const { challenge: _used, continuation: _previous, ...rest } = data
        // Every attempt uses up the pending positions: the next one is asked for new ones.
        let next: AccountData = { ...rest, state: decided.state }
        const { outcome, effects } = decided
        // A password hashed at an older cost is hashed again at the configured one, now that it is known.
        if (outcome === 'signed-in' && data.password !== undefined && !sameCost(data.password, config.scrypt)) {
          next = { ...next, password: await hashPassword(password, config.scrypt, random) }
        }
        if (outcome === 'password-change-required' || outcome === 'security-code-required') {
          const continuation = newContinuation(rec.userId, now)
          return {
            write: true,
            data: { ...next, continuation: continuation.stored },
            after: async () => E.right({ outcome, continuation: continuation.token, expiresAt: continuation.stored.expiresAt }),
          }
        }
        return {
          write: true,
          data: next,
          after: async () => {
            const after = await runAfterEffects(rec.userId, effects)
            if (E.isLeft(after)) return after
            if (outcome !== 'signed-in') return E.right({ outcome })
            return after.right === undefined ? left('login.no-session', 'No session was opened') : E.right({ outcome, session: after.right })
          },
        }
      },
    )
    // An account removed between two reads is, to the caller, an unknown username.
    return E.isLeft(result) && result.left.code === 'login.no-account' ? E.right({ outcome: 'invalid-credentials' }) : result
  }

  // -------------------------------------------------------------------------------------------
  // first-login steps and password changes

  const changePassword: ImiLogin['changePassword'] = async (input) => {
    const policy = passwordProblems(input.newPassword)
    if (E.isLeft(policy)) return policy
    const now = clock.now()
    if ('continuation' in input) {
      const userId = continuationUser(input.continuation)
      if (userId === undefined) return badContinuation()
      return update(
        () => accounts.byUser(userId),
        async (_record, data): Promise<Step<ChangePasswordResult>> => {
          if (!continued(input.continuation, data, now)) return stop(badContinuation())
          const transition = changeAccountPassword(data.state, now)
          if (E.isLeft(transition)) return stop(transition)
          // The new password must really be new (LOGIN-FIRST-NEW-PASSWORD).
          if (data.password !== undefined && (await verifyPassword(input.newPassword, data.password))) {
            return stop(left('login.password-unchanged', 'Choose a password other than the current one', 'LOGIN-FIRST-NEW-PASSWORD'))
          }
          const password = await hashPassword(input.newPassword, config.scrypt, random)
          const { continuation: _used, ...rest } = data
          if (transition.right.state.stage !== 'security-code-required') {
            return { write: true, data: { ...rest, state: transition.right.state, password }, after: async () => E.right({ outcome: 'password-changed' }) }
          }
          const continuation = newContinuation(userId, now)
          return {
            write: true,
            data: { ...rest, state: transition.right.state, password, continuation: continuation.stored },
            after: async () => E.right({ outcome: 'security-code-required', continuation: continuation.token, expiresAt: continuation.stored.expiresAt }),
          }
        },
      )
    }
    const { userId, currentPassword, newPassword } = input
    if (currentPassword.length > MAX_PASSWORD) return left('login.invalid-credentials', 'The current password is wrong')
    const checked = new Map<string, boolean>()
    return update(
      () => accounts.byUser(userId),
      async (rec, data): Promise<Step<ChangePasswordResult>> => {
        const hash = data.password
        const matches = hash === undefined ? false : (checked.get(hash.hash) ?? (await verifyPassword(currentPassword, hash)))
        if (hash !== undefined) checked.set(hash.hash, matches)
        if (!matches) {
          // A wrong current password is a failed attempt like any other (LOGIN-ATTEMPTS-CONSECUTIVE).
          const failure = recordFailure(data.state, now)
          return {
            write: true,
            data: { ...data, state: failure.state },
            after: async () => {
              await runAfterEffects(rec.userId, failure.effects)
              return left('login.invalid-credentials', 'The current password is wrong', 'LOGIN-ATTEMPTS-CONSECUTIVE')
            },
          }
        }
        if (data.state.stage !== 'active') return stop(left('login.first-login-pending', 'Finish the first login first', 'LOGIN-FIRST-NEW-PASSWORD'))
        const transition = changeAccountPassword(data.state, now)
        if (E.isLeft(transition)) return stop(transition)
        if (normalizeCredential(newPassword) === normalizeCredential(currentPassword)) {
          return stop(left('login.password-unchanged', 'Choose a password other than the current one', 'LOGIN-FIRST-NEW-PASSWORD'))
        }
        const password = await hashPassword(newPassword, config.scrypt, random)
        return { write: true, data: { ...data, state: transition.right.state, password }, after: async () => E.right({ outcome: 'password-changed' }) }
      },
    )
  }

  const setSecurityCode: ImiLogin['setSecurityCode'] = async ({ continuation, code, confirmation }) => {
    const problems = checkSecurityCode(code)
    if (problems.length > 0) {
      return left('login.invalid-security-code', 'The security code must have exactly 12 characters with letters, digits and symbols', problems.includes('length') ? 'LOGIN-CODE-12-CHARS' : 'LOGIN-CODE-COMPOSITION', {
        problems,
      })
    }
    if (!sameSecret(normalizeCredential(code), normalizeCredential(confirmation))) {
      return left('login.security-code-mismatch', 'The confirmation differs from the security code', 'LOGIN-FIRST-SECURITY-CODE')
    }
    const userId = continuationUser(continuation)
    if (userId === undefined) return badContinuation()
    const now = clock.now()
    return update(
      () => accounts.byUser(userId),
      async (rec, data): Promise<Step<Extract<LoginResult, { outcome: 'signed-in' }>>> => {
        if (!continued(continuation, data, now)) return stop(badContinuation())
        const transition = setAccountSecurityCode(data.state)
        if (E.isLeft(transition)) return stop(transition)
        const { continuation: _used, challenge: _challenge, ...rest } = data
        return {
          write: true,
          data: { ...rest, state: transition.right.state, code: keys.seal(normalizeCredential(code), rec.userId) },
          after: async () => {
            const after = await runAfterEffects(rec.userId, transition.right.effects)
            if (E.isLeft(after)) return after
            return after.right === undefined ? left('login.no-session', 'No session was opened') : E.right({ outcome: 'signed-in', session: after.right })
          },
        }
      },
    )
  }

  // -------------------------------------------------------------------------------------------
  // administration

  const resetPassword: ImiLogin['resetPassword'] = async ({ actor, userId }) => {
    const allowed = mayAdministerCredentials(options.directory(), actor, userId, 'reset-password')
    if (E.isLeft(allowed)) return allowed
    const ground = allowed.right
    return update(
      () => accounts.byUser(userId),
      async (rec, data): Promise<Step<PasswordReset>> => {
        const transition = resetAccount(data.state, clock.now(), rules)
        if (E.isLeft(transition)) return stop(transition)
        const applied = await applyDataEffects(userId, data, transition.right, 'reset')
        const delivery = applied.delivery
        if (delivery === undefined) return stop(left('login.no-temporary-password', 'No temporary password was issued'))
        return {
          write: true,
          data: applied.data,
          after: async () => {
            await runAfterEffects(rec.userId, transition.right.effects)
            return E.right({ userId, ground, temporaryPassword: delivery })
          },
        }
      },
    )
  }

  const recoverUsername: ImiLogin['recoverUsername'] = async ({ actor, userId }) => {
    const allowed = mayAdministerCredentials(options.directory(), actor, userId, 'recover-username')
    if (E.isLeft(allowed)) return allowed
    const record = await accounts.byUser(userId)
    return record === undefined ? left('login.no-account', 'The user has no login account') : E.right({ username: record.username, ground: allowed.right })
  }

  const accountState: ImiLogin['accountState'] = async (userId) => {
    const record = await accounts.byUser(userId)
    return record === undefined ? undefined : decodeAccountData(record.data)?.state
  }

  // -------------------------------------------------------------------------------------------
  // sessions

  const tokenOf = (request: Request): { readonly token: string; readonly via: 'cookie' | 'bearer' } | undefined => {
    const authorization = request.headers.get('authorization')
    if (authorization !== null) {
      const m = /^Bearer +(\S+) *$/i.exec(authorization)
      return m?.[1] !== undefined && TOKEN.test(m[1]) ? { token: m[1], via: 'bearer' } : undefined
    }
    const cookie = parseCookies(request.headers.get('cookie')).get(config.cookieName)
    return cookie !== undefined && TOKEN.test(cookie) ? { token: cookie, via: 'cookie' } : undefined
  }

  const findSession = async (request: Request, touch: boolean): Promise<AuthenticatedSession | null> => {
    const carried = tokenOf(request)
    if (carried === undefined) return null
    const id = tokenHash(carried.token)
    const session = await sessions.get(id)
    if (session === undefined) return null
    const now = clock.now()
    if (!before(session.expiresAt, now)) {
      await sessions.delete(id)
      return null
    }
    const found = directoryUser(session.userId)
    if (found === undefined || found.user.status !== 'active' || found.authority.id !== session.authorityId) {
      // The directory no longer lets the user in as that authority: the session ends.
      await sessions.delete(id)
      return null
    }
    const actor = { kind: 'user' as const, userId: found.user.id, authorityId: found.authority.id }
    if (!touch) return { actor, session, via: carried.via }
    const lastSeenAt = now.toISOString()
    const expiresAt = new Date(Math.min(now.getTime() + idleMs, new Date(session.createdAt).getTime() + absoluteMs)).toISOString()
    await sessions.touch(id, lastSeenAt, expiresAt)
    return { actor, session: { ...session, lastSeenAt, expiresAt }, via: carried.via }
  }

  const authenticateSession: ImiLogin['authenticateSession'] = (request) => findSession(request, true)

  const authenticate: ImiLogin['authenticate'] = async (request) => (await findSession(request, true))?.actor ?? null

  const checkCsrf: ImiLogin['checkCsrf'] = async (request, given) => {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined
    const found = given === undefined ? await findSession(request, false) : given
    // No session: nothing a forged request could ride on; bearer tokens are never sent by a browser on its own.
    if (found === null || found.via === 'bearer') return undefined
    const header = request.headers.get(CSRF_HEADER)
    if (header === null || header.length === 0) return domainError('login.csrf-missing', `An unsafe request with the session cookie needs the ${CSRF_HEADER} header`)
    return sameSecret(tokenHash(header), found.session.csrf) ? undefined : domainError('login.csrf-mismatch', `The ${CSRF_HEADER} header does not match the session`)
  }

  const logout: ImiLogin['logout'] = async (request) => {
    const carried = tokenOf(request)
    if (carried !== undefined) await sessions.delete(tokenHash(carried.token))
    return { setCookie: [expiredCookie(config.cookieName, true), expiredCookie(config.csrfCookieName, false)] }
  }

  return {
    config,
    passwordRequirements: () => describePasswordPolicy(config.passwordPolicy),
    registerAccount,
    validateAccount,
    beginLogin,
    completeLogin,
    changePassword,
    setSecurityCode,
    resetPassword,
    recoverUsername,
    accountState,
    authenticate,
    authenticateSession,
    checkCsrf,
    logout,
  }
}
