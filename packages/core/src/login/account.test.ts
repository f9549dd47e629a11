/**
 * The account lifecycle, one rule at a time, as given (a state) / when (a transition at an instant)
 * / then (the next state, the outcome, the effects).
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { AccountTransition, DomainError, LoginAccountState, LoginAttemptResult, LoginEvidence } from '../index.js'
import {
  DEFAULT_LOGIN_RULES,
  MAX_LOGIN_ATTEMPTS,
  LoginAccountStateCodec,
  attemptLogin,
  changeAccountPassword,
  isBlocked,
  loginRules,
  openAccount,
  recordFailure,
  resetAccount,
  setAccountSecurityCode,
  validateAccount,
} from '../index.js'

const T0 = new Date('2026-03-02T08:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const HOUR = 3_600_000
const DAY = 24 * HOUR

const RIGHT: LoginEvidence = { passwordMatches: true, securityCode: 'match' }
const WRONG_PASSWORD: LoginEvidence = { passwordMatches: false, securityCode: 'match' }
const WRONG_CODE: LoginEvidence = { passwordMatches: true, securityCode: 'mismatch' }

const ACTIVE: LoginAccountState = { stage: 'active', consecutiveFailures: 0 }
const FRESH: LoginAccountState = openAccount('additional-user', T0, DEFAULT_LOGIN_RULES).state

const right = <A>(e: E.Either<DomainError, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a right, got ${e.left.code}`)
  return e.right
}
const left = <A>(e: E.Either<DomainError, A>): DomainError => {
  if (E.isRight(e)) throw new Error('expected a left')
  return e.left
}
/** Plays login attempts in turn from a state. */
const attempts = (state: LoginAccountState, evidence: ReadonlyArray<LoginEvidence>, now = T0): ReadonlyArray<LoginAttemptResult> => {
  const out: LoginAttemptResult[] = []
  let s = state
  for (const e of evidence) {
    const r = attemptLogin(s, e, now)
    out.push(r)
    s = r.state
  }
  return out
}
const last = <A>(xs: ReadonlyArray<A>): A => xs[xs.length - 1] as A
const effectTypes = (t: AccountTransition) => t.effects.map((e) => e.type)

describe('opening an account', () => {
  it('[LOGIN-TEMP-PASSWORD-48H] a new account asks for a temporary password to be e-mailed within 48 hours of registration', () => {
    // given a user registered at T0, when the account opens
    const { state, effects } = openAccount('registered-by-coordinator', T0, DEFAULT_LOGIN_RULES)
    // then a temporary password is issued, to be sent by T0 + 48 h
    expect(state.stage).toBe('temporary-password')
    expect(effects).toEqual([{ type: 'issue-temporary-password', sendBy: at(48 * HOUR).toISOString(), expiresAt: at(30 * DAY).toISOString() }])
  })

  it('[LOGIN-TEMP-PASSWORD-EXPIRY] the temporary password is valid for TEMP_PASSWORD_VALIDITY, 30 days by default and configurable', () => {
    expect(FRESH.temporaryPasswordExpiresAt).toBe(at(30 * DAY).toISOString())
    const week = openAccount('additional-user', T0, loginRules({ temporaryPasswordValidityDays: 7 }))
    expect(week.state.temporaryPasswordExpiresAt).toBe(at(7 * DAY).toISOString())
    // a nonsensical validity falls back to the default
    expect(loginRules({ temporaryPasswordValidityDays: -1 }).temporaryPasswordValidityDays).toBe(30)
  })

  it('[LOGIN-SELFREG-PASSWORD-TIMING] a self-registered first user gets the temporary password at validation, the 48 hours counting from then', () => {
    // given the first user of a self-registered authority
    const opened = openAccount('self-registration', T0, DEFAULT_LOGIN_RULES)
    // then no password is issued at registration, and no login is possible
    expect(opened).toEqual({ state: { stage: 'awaiting-validation', consecutiveFailures: 0 }, effects: [] })
    expect(attemptLogin(opened.state, RIGHT, at(HOUR)).outcome).toBe('invalid-credentials')
    expect(attemptLogin(opened.state, WRONG_PASSWORD, at(HOUR)).state.consecutiveFailures).toBe(0)
    expect(left(resetAccount(opened.state, at(HOUR), DEFAULT_LOGIN_RULES)).ruleId).toBe('LOGIN-SELFREG-PASSWORD-TIMING')
    // when the authority is validated 3 days later
    const validated = right(validateAccount(opened.state, at(3 * DAY), DEFAULT_LOGIN_RULES))
    // then the temporary password is issued, due within 48 hours of validation
    expect(validated.state.stage).toBe('temporary-password')
    expect(validated.effects).toEqual([
      { type: 'issue-temporary-password', sendBy: at(3 * DAY + 48 * HOUR).toISOString(), expiresAt: at(33 * DAY).toISOString() },
    ])
    // and a second validation is refused
    expect(left(validateAccount(validated.state, at(4 * DAY), DEFAULT_LOGIN_RULES)).code).toBe('login.already-validated')
  })
})

describe('first login', () => {
  it('[LOGIN-FIRST-TEMP-PASSWORD] the first login takes the username and the temporary password, no security code', () => {
    // given a fresh account, when the user gives the temporary password (there is no code yet)
    const r = attemptLogin(FRESH, { passwordMatches: true, securityCode: 'no-challenge' }, at(HOUR))
    // then the login goes on to the password change, and no session opens
    expect(r.outcome).toBe('password-change-required')
    expect(r.effects).toEqual([])
    // and a wrong temporary password is a failure
    expect(attemptLogin(FRESH, WRONG_PASSWORD, at(HOUR))).toMatchObject({ outcome: 'invalid-credentials', state: { consecutiveFailures: 1 } })
  })

  it('[LOGIN-FIRST-NEW-PASSWORD] with the temporary password the user must choose a new password before going further', () => {
    // given a fresh account, then the code step is refused before the password is changed
    expect(left(setAccountSecurityCode(FRESH)).code).toBe('login.security-code-step')
    // when the password is changed
    const changed = right(changeAccountPassword(FRESH, at(HOUR)))
    // then the temporary password is gone and the code is next
    expect(changed.state).toEqual({ stage: 'security-code-required', consecutiveFailures: 0 })
    expect(changed.effects).toEqual([])
  })

  it('[LOGIN-FIRST-SECURITY-CODE] right after changing the password the user must create the security code, which ends the first login', () => {
    const changed = right(changeAccountPassword(FRESH, at(HOUR))).state
    // given a user who changed the password but left, when they log in again with the new password
    expect(attemptLogin(changed, { passwordMatches: true, securityCode: 'no-challenge' }, at(2 * HOUR)).outcome).toBe('security-code-required')
    // when the code is created and confirmed
    const set = right(setAccountSecurityCode(changed))
    // then the account is active and the user logged in
    expect(set).toEqual({ state: { stage: 'active', consecutiveFailures: 0 }, effects: [{ type: 'open-session' }] })
    // and the code cannot be set again outside a reset
    expect(left(setAccountSecurityCode(set.state)).ruleId).toBe('LOGIN-FIRST-SECURITY-CODE')
  })

  it('[LOGIN-TEMP-PASSWORD-EXPIRY] an expired temporary password no longer logs in nor changes the password; a reset is required', () => {
    const expiry = at(30 * DAY)
    // just before the expiry it still works
    expect(attemptLogin(FRESH, RIGHT, new Date(expiry.getTime() - 1)).outcome).toBe('password-change-required')
    // from the expiry on it does not, and nothing is counted
    const r = attemptLogin(FRESH, RIGHT, expiry)
    expect(r).toEqual({ state: FRESH, effects: [], outcome: 'temporary-password-expired' })
    expect(left(changeAccountPassword(FRESH, expiry)).ruleId).toBe('LOGIN-TEMP-PASSWORD-EXPIRY')
    // a reset issues a fresh temporary password, valid again
    const reset = right(resetAccount(FRESH, at(31 * DAY), DEFAULT_LOGIN_RULES))
    expect(attemptLogin(reset.state, RIGHT, at(31 * DAY + HOUR)).outcome).toBe('password-change-required')
  })
})

describe('subsequent logins', () => {
  it('[LOGIN-THREE-CREDENTIALS] an active account logs in only with the username, the password and the security-code characters', () => {
    expect(attemptLogin(ACTIVE, RIGHT, T0)).toEqual({ state: ACTIVE, effects: [{ type: 'open-session' }], outcome: 'signed-in' })
    expect(attemptLogin(ACTIVE, WRONG_PASSWORD, T0).outcome).toBe('invalid-credentials')
    expect(attemptLogin(ACTIVE, WRONG_CODE, T0).outcome).toBe('invalid-credentials')
  })

  it('[LOGIN-CHALLENGE-THREE] without a pending challenge the password alone does not log in, and the user is asked for new positions', () => {
    const r = attemptLogin(ACTIVE, { passwordMatches: true, securityCode: 'no-challenge' }, T0)
    expect(r).toEqual({ state: ACTIVE, effects: [], outcome: 'challenge-expired' })
    // without the password, a missing challenge is just a failure
    expect(attemptLogin(ACTIVE, { passwordMatches: false, securityCode: 'no-challenge' }, T0).state.consecutiveFailures).toBe(1)
  })
})

describe('failed attempts', () => {
  it('[LOGIN-FIVE-ATTEMPTS] the 5th failed attempt blocks the account and ends its sessions', () => {
    // given an active account, when 4 attempts fail
    const four = attempts(ACTIVE, [WRONG_PASSWORD, WRONG_CODE, WRONG_PASSWORD, WRONG_CODE])
    expect(isBlocked(last(four).state)).toBe(false)
    // then the 5th blocks it
    const fifth = attemptLogin(last(four).state, WRONG_PASSWORD, at(HOUR))
    expect(fifth.state).toEqual({ stage: 'active', consecutiveFailures: 5, blockedAt: at(HOUR).toISOString() })
    expect(effectTypes(fifth)).toEqual(['end-sessions'])
    // and says only that the credentials were wrong: whoever does not know the password learns nothing
    expect(fifth.outcome).toBe('invalid-credentials')
    expect(MAX_LOGIN_ATTEMPTS).toBe(5)
  })

  it('[LOGIN-FIVE-ATTEMPTS] failures with the temporary password count too', () => {
    const five = attempts(FRESH, new Array<LoginEvidence>(5).fill(WRONG_PASSWORD), at(HOUR))
    expect(isBlocked(last(five).state)).toBe(true)
    expect(attemptLogin(last(five).state, RIGHT, at(HOUR)).outcome).toBe('blocked')
  })

  it('[LOGIN-BLOCKED-RESET] a blocked account cannot log in with the right credentials, nor change its password, until a reset', () => {
    const blocked = last(attempts(ACTIVE, new Array<LoginEvidence>(5).fill(WRONG_CODE))).state
    // whoever proves the password is told the account is blocked
    expect(attemptLogin(blocked, RIGHT, at(DAY))).toEqual({ state: blocked, effects: [], outcome: 'blocked' })
    // a wrong password on a blocked account counts no further and says nothing more
    expect(attemptLogin(blocked, WRONG_PASSWORD, at(DAY))).toEqual({ state: blocked, effects: [], outcome: 'invalid-credentials' })
    expect(left(changeAccountPassword(blocked, at(DAY))).ruleId).toBe('LOGIN-BLOCKED-RESET')
    expect(left(setAccountSecurityCode({ ...blocked, stage: 'security-code-required' })).ruleId).toBe('LOGIN-BLOCKED-RESET')
    // after a reset the user starts the first login again
    const reset = right(resetAccount(blocked, at(DAY), DEFAULT_LOGIN_RULES))
    expect(isBlocked(reset.state)).toBe(false)
    expect(attemptLogin(reset.state, RIGHT, at(DAY + HOUR)).outcome).toBe('password-change-required')
  })

  it('[LOGIN-ATTEMPTS-CONSECUTIVE] a successful login resets the counter, so only consecutive failures block', () => {
    const four = attempts(ACTIVE, [WRONG_PASSWORD, WRONG_CODE, WRONG_PASSWORD, WRONG_CODE])
    expect(last(four).state.consecutiveFailures).toBe(4)
    const success = attemptLogin(last(four).state, RIGHT, T0)
    expect(success.state.consecutiveFailures).toBe(0)
    // 4 more failures after the success still do not block
    expect(isBlocked(last(attempts(success.state, [WRONG_PASSWORD, WRONG_PASSWORD, WRONG_CODE, WRONG_CODE])).state)).toBe(false)
    // a wrong current password when changing it counts as well, and the change resets the count
    const three = recordFailure(recordFailure(recordFailure(ACTIVE, T0).state, T0).state, T0).state
    expect(three.consecutiveFailures).toBe(3)
    expect(right(changeAccountPassword(three, T0)).state.consecutiveFailures).toBe(0)
  })

  it('[LOGIN-ATTEMPTS-CONSECUTIVE] the passing first-login steps reset the counter too', () => {
    const twice = last(attempts(FRESH, [WRONG_PASSWORD, WRONG_PASSWORD], at(HOUR))).state
    expect(attemptLogin(twice, RIGHT, at(HOUR)).state.consecutiveFailures).toBe(0)
  })
})

describe('resets', () => {
  it('[LOGIN-RESET-NEW-TEMP] a reset issues a new temporary password, after which the user repeats the first login', () => {
    const reset = right(resetAccount(ACTIVE, at(DAY), DEFAULT_LOGIN_RULES))
    expect(reset.state).toEqual({ stage: 'temporary-password', consecutiveFailures: 0, temporaryPasswordExpiresAt: at(31 * DAY).toISOString() })
    expect(reset.effects).toContainEqual({ type: 'issue-temporary-password', sendBy: at(DAY + 48 * HOUR).toISOString(), expiresAt: at(31 * DAY).toISOString() })
    expect(reset.effects).toContainEqual({ type: 'end-sessions' })
    // the first-login steps follow again
    const changed = right(changeAccountPassword(reset.state, at(DAY + HOUR)))
    expect(changed.state.stage).toBe('security-code-required')
    expect(right(setAccountSecurityCode(changed.state)).state.stage).toBe('active')
  })

  it('[LOGIN-RESET-CLEARS-CODE] a reset clears the security code as well, so the user sets a new one', () => {
    const reset = right(resetAccount(ACTIVE, at(DAY), DEFAULT_LOGIN_RULES))
    expect(effectTypes(reset)).toEqual(['clear-security-code', 'end-sessions', 'issue-temporary-password'])
    // and no login with the old code is possible: the account is back before the code step
    expect(attemptLogin(reset.state, RIGHT, at(DAY)).outcome).toBe('password-change-required')
  })
})

describe('stored state', () => {
  it('[LOGIN-ATTEMPTS-CONSECUTIVE] the state round-trips through its codec, counter and blocking included', () => {
    const blocked = last(attempts(ACTIVE, new Array<LoginEvidence>(5).fill(WRONG_CODE))).state
    for (const s of [FRESH, ACTIVE, blocked]) {
      const decoded = LoginAccountStateCodec.decode(JSON.parse(JSON.stringify(LoginAccountStateCodec.encode(s))))
      expect(decoded).toEqual(E.right(s))
    }
    expect(E.isLeft(LoginAccountStateCodec.decode({ stage: 'other', consecutiveFailures: 0 }))).toBe(true)
  })
})
