/**
 * The lifecycle of a login account (spec §4.3–§4.6), as pure transitions. The state holds no secret:
 * the server verifies the password and the security-code characters and passes the results in as
 * evidence; each transition returns the next state and its effects as data (issue a temporary
 * password, clear the security code, end the sessions, open a session), which the server performs.
 *
 * The stages:
 * ```
 * awaiting-validation ──validate──► temporary-password ──change password──► security-code-required
 *   (self-registration)                   ▲      │ expires: reset                      │ set and confirm code
 *                                         │      ▼                                     ▼
 *                                       reset ◄──────────────────────────────────── active
 * ```
 * Orthogonal to the stage, an account is blocked at the 5th consecutive failure and stays blocked
 * until a reset (LOGIN-FIVE-ATTEMPTS, LOGIN-BLOCKED-RESET).
 *
 * This is not an xstate machine: it is not a procedure with actors and roles, and its two dimensions
 * (stage, blocked) are plainer as a small total function than as parallel states.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { DomainError } from '../model/errors.js'
import { domainError } from '../model/errors.js'
import type { PasswordPolicy } from './credentials.js'
import { DEFAULT_PASSWORD_POLICY, passwordPolicy } from './credentials.js'
import type { RegistrationPath } from './username.js'

// ---------------------------------------------------------------------------------------------
// constants and rules

/** Consecutive failures after which an account is blocked (LOGIN-FIVE-ATTEMPTS). @category constants */
export const MAX_LOGIN_ATTEMPTS = 5

/** The temporary password is e-mailed within this many hours (LOGIN-TEMP-PASSWORD-48H). @category constants */
export const TEMP_PASSWORD_SEND_MAX_DELAY_HOURS = 48

/** The suggested validity of a temporary password, in days (AMB-L1). @category constants */
export const DEFAULT_TEMP_PASSWORD_VALIDITY_DAYS = 30

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * The configurable rules of the login: the password policy (AMB-L2) and `TEMP_PASSWORD_VALIDITY`
 * (AMB-L1). The number of attempts is fixed by the specification.
 *
 * @category model
 */
export interface LoginRules {
  readonly passwordPolicy: PasswordPolicy
  /** Days during which a temporary password can be used; 30 by default (LOGIN-TEMP-PASSWORD-EXPIRY). */
  readonly temporaryPasswordValidityDays: number
}

/** The default rules. @category constants */
export const DEFAULT_LOGIN_RULES: LoginRules = {
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  temporaryPasswordValidityDays: DEFAULT_TEMP_PASSWORD_VALIDITY_DAYS,
}

/**
 * Builds the rules from the defaults and a patch. The policy goes through `passwordPolicy` (never
 * below 8 characters); a validity that is not a positive number falls back to 30 days.
 *
 * @example
 * ```ts
 * import { loginRules } from '@imi-kit/core'
 * loginRules({ temporaryPasswordValidityDays: 7 }).passwordPolicy.minLength // 8
 * ```
 * @category constructors
 */
export const loginRules = (
  patch: { readonly passwordPolicy?: Partial<PasswordPolicy>; readonly temporaryPasswordValidityDays?: number } = {},
): LoginRules => {
  const days = patch.temporaryPasswordValidityDays
  return {
    passwordPolicy: passwordPolicy(patch.passwordPolicy),
    temporaryPasswordValidityDays: days !== undefined && Number.isFinite(days) && days > 0 ? days : DEFAULT_TEMP_PASSWORD_VALIDITY_DAYS,
  }
}

// ---------------------------------------------------------------------------------------------
// model

/**
 * Where an account stands in the first-login procedure (spec §4.3).
 * - `awaiting-validation`: the first user of a self-registered authority, before validation; no
 *   password yet (LOGIN-SELFREG-PASSWORD-TIMING);
 * - `temporary-password`: the password is a temporary one, which must be changed
 *   (LOGIN-FIRST-TEMP-PASSWORD, LOGIN-FIRST-NEW-PASSWORD);
 * - `security-code-required`: the password is changed, the security code not yet set
 *   (LOGIN-FIRST-SECURITY-CODE);
 * - `active`: subsequent logins ask for the password and 3 characters of the code
 *   (LOGIN-CHALLENGE-THREE).
 *
 * @category model
 */
export type AccountStage = 'awaiting-validation' | 'temporary-password' | 'security-code-required' | 'active'

/**
 * The non-secret state of a login account.
 *
 * @category model
 */
export interface LoginAccountState {
  readonly stage: AccountStage
  /** Failed attempts since the last success or reset (LOGIN-ATTEMPTS-CONSECUTIVE). */
  readonly consecutiveFailures: number
  /** When the account was blocked (ISO-8601); absent while it is not (LOGIN-FIVE-ATTEMPTS). */
  readonly blockedAt?: string
  /** In stage `temporary-password`: when the temporary password expires (LOGIN-TEMP-PASSWORD-EXPIRY). */
  readonly temporaryPasswordExpiresAt?: string
}

/** Codec of {@link LoginAccountState}, as stored in an account record. @category codecs */
export const LoginAccountStateCodec: t.Type<LoginAccountState, LoginAccountState, unknown> = t.intersection([
  t.readonly(
    t.type({
      stage: t.keyof({ 'awaiting-validation': null, 'temporary-password': null, 'security-code-required': null, active: null }),
      consecutiveFailures: t.number,
    }),
  ),
  t.readonly(t.partial({ blockedAt: t.string, temporaryPasswordExpiresAt: t.string })),
])

/**
 * Something a transition asks the server to do.
 * - `issue-temporary-password`: generate a temporary password, store its hash, and hand it to the
 *   mailer, which must send it by `sendBy` (LOGIN-TEMP-PASSWORD-48H); it expires at `expiresAt`;
 * - `clear-security-code`: forget the security code (LOGIN-RESET-CLEARS-CODE);
 * - `end-sessions`: end every session of the user (a reset, a block);
 * - `open-session`: the user is logged in.
 *
 * @category model
 */
export type AccountEffect =
  | { readonly type: 'issue-temporary-password'; readonly sendBy: string; readonly expiresAt: string }
  | { readonly type: 'clear-security-code' }
  | { readonly type: 'end-sessions' }
  | { readonly type: 'open-session' }

/** The result of a transition: the next state and what to do. @category model */
export interface AccountTransition {
  readonly state: LoginAccountState
  readonly effects: ReadonlyArray<AccountEffect>
}

/** True when the account is blocked and needs a reset (LOGIN-BLOCKED-RESET). @category queries */
export const isBlocked = (state: LoginAccountState): boolean => state.blockedAt !== undefined

/** True when the account's temporary password has expired at `now` (LOGIN-TEMP-PASSWORD-EXPIRY). @category queries */
export const isTemporaryPasswordExpired = (state: LoginAccountState, now: Date): boolean =>
  state.stage === 'temporary-password' &&
  (state.temporaryPasswordExpiresAt === undefined || now.getTime() >= new Date(state.temporaryPasswordExpiresAt).getTime())

// ---------------------------------------------------------------------------------------------
// issuing temporary passwords

const issueTemporaryPassword = (now: Date, rules: LoginRules, extra: ReadonlyArray<AccountEffect> = []): AccountTransition => {
  const expiresAt = new Date(now.getTime() + rules.temporaryPasswordValidityDays * DAY_MS).toISOString()
  return {
    state: { stage: 'temporary-password', consecutiveFailures: 0, temporaryPasswordExpiresAt: expiresAt },
    effects: [
      ...extra,
      { type: 'issue-temporary-password', sendBy: new Date(now.getTime() + TEMP_PASSWORD_SEND_MAX_DELAY_HOURS * HOUR_MS).toISOString(), expiresAt },
    ],
  }
}

/**
 * Opens the account of a newly registered user. A temporary password is issued at once, to be
 * e-mailed within 48 hours (LOGIN-TEMP-PASSWORD-48H), except for the first user of a self-registered
 * authority, who receives it at validation (LOGIN-SELFREG-PASSWORD-TIMING).
 *
 * @example
 * ```ts
 * import { openAccount, DEFAULT_LOGIN_RULES } from '@imi-kit/core'
 * const { state, effects } = openAccount('additional-user', new Date('2026-03-02T08:00:00Z'), DEFAULT_LOGIN_RULES)
 * state.stage // 'temporary-password'
 * effects[0] // { type: 'issue-temporary-password', sendBy: '2026-03-04T08:00:00.000Z', expiresAt: '2026-04-01T08:00:00.000Z' }
 * ```
 * @category transitions
 */
export const openAccount = (path: RegistrationPath, now: Date, rules: LoginRules): AccountTransition =>
  path === 'self-registration'
    ? { state: { stage: 'awaiting-validation', consecutiveFailures: 0 }, effects: [] }
    : issueTemporaryPassword(now, rules)

/**
 * The authority of a self-registered first user is validated: the temporary password is issued now,
 * and the 48 hours count from now (LOGIN-SELFREG-PASSWORD-TIMING).
 *
 * @category transitions
 */
export const validateAccount = (state: LoginAccountState, now: Date, rules: LoginRules): E.Either<DomainError, AccountTransition> =>
  state.stage === 'awaiting-validation'
    ? E.right(issueTemporaryPassword(now, rules))
    : E.left(domainError('login.already-validated', 'The account already has a password', 'LOGIN-SELFREG-PASSWORD-TIMING'))

/**
 * Resets the credentials (spec §4.6): a new temporary password is issued (LOGIN-RESET-NEW-TEMP), the
 * security code is cleared (LOGIN-RESET-CLEARS-CODE), the account is unblocked with its counter at
 * zero (LOGIN-BLOCKED-RESET), and every session ends. The user then repeats the first login. An
 * account awaiting validation has nothing to reset: its password comes with the validation.
 *
 * @category transitions
 */
export const resetAccount = (state: LoginAccountState, now: Date, rules: LoginRules): E.Either<DomainError, AccountTransition> =>
  state.stage === 'awaiting-validation'
    ? E.left(domainError('login.awaiting-validation', 'The account is waiting for its authority to be validated', 'LOGIN-SELFREG-PASSWORD-TIMING'))
    : E.right(issueTemporaryPassword(now, rules, [{ type: 'clear-security-code' }, { type: 'end-sessions' }]))

// ---------------------------------------------------------------------------------------------
// logging in

/**
 * What the server found when it checked an attempt, without the secrets themselves.
 *
 * @category model
 */
export interface LoginEvidence {
  /** The password (or, in stage `temporary-password`, the temporary password) is right. */
  readonly passwordMatches: boolean
  /**
   * In stage `active`: whether the characters entered are those of the code at the pending
   * challenge's positions, or `no-challenge` when no challenge was pending (never drawn, expired or
   * already used). Ignored in the other stages.
   */
  readonly securityCode: 'match' | 'mismatch' | 'no-challenge'
}

/**
 * The result of a login attempt, as told to the user. A wrong username, password or security code
 * all give `invalid-credentials`: the answer never says which one was wrong, nor whether the username
 * exists. The other outcomes are told only to whoever proved the password:
 * - `signed-in`: a session opens;
 * - `password-change-required`: first login with the temporary password (LOGIN-FIRST-NEW-PASSWORD);
 * - `security-code-required`: the password was changed but the code not yet set (LOGIN-FIRST-SECURITY-CODE);
 * - `blocked`: the account is blocked until a reset (LOGIN-BLOCKED-RESET);
 * - `temporary-password-expired`: the temporary password expired; a reset is needed (LOGIN-TEMP-PASSWORD-EXPIRY);
 * - `challenge-expired`: no challenge was pending; the user must ask for new positions.
 *
 * @category model
 */
export type LoginOutcome =
  | 'signed-in'
  | 'password-change-required'
  | 'security-code-required'
  | 'blocked'
  | 'temporary-password-expired'
  | 'challenge-expired'
  | 'invalid-credentials'

/** A login attempt's transition and outcome. @category model */
export interface LoginAttemptResult extends AccountTransition {
  readonly outcome: LoginOutcome
}

/**
 * Counts one failure (LOGIN-ATTEMPTS-CONSECUTIVE); at the 5th consecutive one the account is blocked
 * and its sessions end (LOGIN-FIVE-ATTEMPTS). A blocked account counts no further.
 *
 * @category transitions
 */
export const recordFailure = (state: LoginAccountState, now: Date): AccountTransition => {
  if (isBlocked(state)) return { state, effects: [] }
  const consecutiveFailures = state.consecutiveFailures + 1
  return consecutiveFailures >= MAX_LOGIN_ATTEMPTS
    ? { state: { ...state, consecutiveFailures, blockedAt: now.toISOString() }, effects: [{ type: 'end-sessions' }] }
    : { state: { ...state, consecutiveFailures }, effects: [] }
}

const succeed = (state: LoginAccountState, outcome: LoginOutcome, effects: ReadonlyArray<AccountEffect> = []): LoginAttemptResult => ({
  state: { ...state, consecutiveFailures: 0 },
  effects,
  outcome,
})

const unchanged = (state: LoginAccountState, outcome: LoginOutcome): LoginAttemptResult => ({ state, effects: [], outcome })

const failed = (state: LoginAccountState, now: Date): LoginAttemptResult => ({ ...recordFailure(state, now), outcome: 'invalid-credentials' })

/**
 * Decides a login attempt on an existing account from the evidence the server gathered
 * (spec §4.3–§4.5, AMB-L3):
 * - a wrong password, or in stage `active` wrong security-code characters, is a failure, counted
 *   consecutively; the 5th blocks the account (LOGIN-FIVE-ATTEMPTS, LOGIN-ATTEMPTS-CONSECUTIVE);
 * - a blocked account cannot log in, whatever the credentials (LOGIN-BLOCKED-RESET);
 * - the temporary password logs in only to change the password (LOGIN-FIRST-TEMP-PASSWORD,
 *   LOGIN-FIRST-NEW-PASSWORD), and not after it expired (LOGIN-TEMP-PASSWORD-EXPIRY);
 * - once the password is changed, the code must be set before anything else (LOGIN-FIRST-SECURITY-CODE);
 * - in stage `active` the password and the 3 characters are both required (LOGIN-THREE-CREDENTIALS);
 * - any success resets the counter (LOGIN-ATTEMPTS-CONSECUTIVE).
 *
 * Attempts with an unknown username never reach this function: they count against no account
 * (LOGIN-UNKNOWN-USERNAME).
 *
 * @example
 * ```ts
 * import { attemptLogin } from '@imi-kit/core'
 * const now = new Date('2026-03-02T08:00:00Z')
 * const r = attemptLogin({ stage: 'active', consecutiveFailures: 4 }, { passwordMatches: true, securityCode: 'mismatch' }, now)
 * r.outcome // 'invalid-credentials'
 * r.state.blockedAt // '2026-03-02T08:00:00.000Z'
 * ```
 * @category transitions
 */
export const attemptLogin = (state: LoginAccountState, evidence: LoginEvidence, now: Date): LoginAttemptResult => {
  // No password exists before validation: nothing to guess, nothing to count.
  if (state.stage === 'awaiting-validation') return unchanged(state, 'invalid-credentials')
  if (!evidence.passwordMatches) return failed(state, now)
  if (isBlocked(state)) return unchanged(state, 'blocked')
  switch (state.stage) {
    case 'temporary-password':
      return isTemporaryPasswordExpired(state, now) ? unchanged(state, 'temporary-password-expired') : succeed(state, 'password-change-required')
    case 'security-code-required':
      return succeed(state, 'security-code-required')
    case 'active':
      if (evidence.securityCode === 'no-challenge') return unchanged(state, 'challenge-expired')
      return evidence.securityCode === 'match' ? succeed(state, 'signed-in', [{ type: 'open-session' }]) : failed(state, now)
  }
}

// ---------------------------------------------------------------------------------------------
// first-login steps and changes

/**
 * The password is changed, the new one having passed the policy. At first login this moves on to
 * the security code (LOGIN-FIRST-NEW-PASSWORD, LOGIN-FIRST-SECURITY-CODE); later it leaves the stage
 * as it is. Refused while blocked (LOGIN-BLOCKED-RESET), with an expired temporary password
 * (LOGIN-TEMP-PASSWORD-EXPIRY) and before validation.
 *
 * @category transitions
 */
export const changeAccountPassword = (state: LoginAccountState, now: Date): E.Either<DomainError, AccountTransition> => {
  if (isBlocked(state)) return E.left(domainError('login.blocked', 'The account is blocked until its password is reset', 'LOGIN-BLOCKED-RESET'))
  switch (state.stage) {
    case 'awaiting-validation':
      return E.left(domainError('login.awaiting-validation', 'The account is waiting for its authority to be validated', 'LOGIN-SELFREG-PASSWORD-TIMING'))
    case 'temporary-password':
      if (isTemporaryPasswordExpired(state, now)) {
        return E.left(domainError('login.temporary-password-expired', 'The temporary password has expired; ask for a reset', 'LOGIN-TEMP-PASSWORD-EXPIRY'))
      }
      return E.right({ state: { stage: 'security-code-required', consecutiveFailures: 0 }, effects: [] })
    case 'security-code-required':
    case 'active':
      return E.right({ state: { ...state, consecutiveFailures: 0 }, effects: [] })
  }
}

/**
 * The security code is created and confirmed, right after the password change of the first login
 * (LOGIN-FIRST-SECURITY-CODE): the account becomes active and the user is logged in. The code is set
 * only at that step; a user who forgot it asks for a reset (LOGIN-RESET-CLEARS-CODE).
 *
 * @category transitions
 */
export const setAccountSecurityCode = (state: LoginAccountState): E.Either<DomainError, AccountTransition> => {
  if (isBlocked(state)) return E.left(domainError('login.blocked', 'The account is blocked until its password is reset', 'LOGIN-BLOCKED-RESET'))
  return state.stage === 'security-code-required'
    ? E.right({ state: { stage: 'active', consecutiveFailures: 0 }, effects: [{ type: 'open-session' }] })
    : E.left(
        domainError(
          'login.security-code-step',
          state.stage === 'active' ? 'The security code is already set; a reset clears it' : 'Change the temporary password first',
          'LOGIN-FIRST-SECURITY-CODE',
          { stage: state.stage },
        ),
      )
}
