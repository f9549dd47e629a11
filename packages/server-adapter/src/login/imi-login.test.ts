/**
 * The built-in login end to end, over the memory storage and the fixture directory, with a fixed
 * clock: first login, subsequent logins, lockout, resets, sessions, CSRF.
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { AccountStore, Authority, Directory, DirectoryData, DomainError, RegistrationPath, SessionRecord, SessionStore, UserId } from '@imi-kit/core'
import { createDirectory, fixedClock } from '@imi-kit/core'
import { A, PQ, U, withUser, worldData } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import type { ImiLogin, ImiLoginOptions, IssuedSession, LoginResult, RegisteredAccount } from './imi-login.js'
import { createImiLogin } from './imi-login.js'
import { cryptoRandom } from './login-crypto.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const T0 = new Date('2026-03-02T08:00:00.000Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SECRET = 'the login secret of the test server, 32+ bytes'
/** A low scrypt cost: the tests check behaviour, not the cost. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }

const NEW_PASSWORD = 'Correct-H0rse-Battery'
const CODE = 'Kx7#mP2!qR9z'

/** The French competent authority is validated by the French DIMIC, with the NIMIC as access coordinator. */
const administeredWorld = (data: DirectoryData = worldData()): DirectoryData => ({
  ...data,
  authorities: data.authorities.map(
    (a): Authority =>
      a.id === A.frCa ? { ...a, administrativeCoordinators: { coordinatorValidator: A.frDimic, accessCoordinators: [{ legislativeArea: PQ, coordinator: A.frNimic }] } } : a,
  ),
})

interface Setup {
  readonly login: ImiLogin
  readonly clock: ReturnType<typeof fixedClock>
  readonly accounts: AccountStore
  readonly sessions: SessionStore
  /** Every session ever created, as stored, to look for secrets. */
  readonly createdSessions: SessionRecord[]
  setDirectory(data: DirectoryData): void
}

const setup = (patch: Partial<ImiLoginOptions> = {}): Setup => {
  const storage = createMemoryStorage()
  const clock = fixedClock(T0)
  let directory: Directory = createDirectory(administeredWorld())
  const createdSessions: SessionRecord[] = []
  const sessions: SessionStore = {
    ...storage.sessions,
    create: async (s) => {
      createdSessions.push(s)
      await storage.sessions.create(s)
    },
  }
  const login = createImiLogin({
    accounts: storage.accounts,
    sessions,
    directory: () => directory,
    clock,
    secret: SECRET,
    config: { scrypt: CHEAP },
    ...patch,
  })
  return {
    login,
    clock,
    accounts: storage.accounts,
    sessions,
    createdSessions,
    setDirectory: (data) => {
      directory = createDirectory(data)
    },
  }
}

const right = <A>(e: E.Either<DomainError, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a right, got ${e.left.code}: ${e.left.message}`)
  return e.right
}
const leftOf = <A>(e: E.Either<DomainError, A>): DomainError => {
  if (E.isRight(e)) throw new Error(`expected a left, got ${JSON.stringify(e.right)}`)
  return e.left
}
const register = async (s: Setup, userId: UserId, path: RegistrationPath = 'additional-user'): Promise<RegisteredAccount & { readonly temporary: string }> => {
  const r = right(await s.login.registerAccount({ userId, path }))
  return { ...r, temporary: r.temporaryPassword?.temporaryPassword.reveal() ?? '' }
}
const outcome = (r: E.Either<DomainError, LoginResult>) => right(r).outcome
const signedIn = (r: E.Either<DomainError, LoginResult>): IssuedSession => {
  const result = right(r)
  if (result.outcome !== 'signed-in') throw new Error(`expected signed-in, got ${result.outcome}`)
  return result.session
}
const continuationOf = (r: E.Either<DomainError, LoginResult | { readonly outcome: string; readonly continuation?: string }>): string => {
  const result = right(r)
  if (!('continuation' in result) || result.continuation === undefined) throw new Error(`expected a continuation, got ${result.outcome}`)
  return result.continuation
}

/** Plays the whole first login of a registered user: temporary password, new password, code. */
const firstLogin = async (s: Setup, username: string, temporary: string, code = CODE): Promise<IssuedSession> => {
  const step1 = continuationOf(await s.login.completeLogin({ username, password: temporary }))
  const step2 = right(await s.login.changePassword({ continuation: step1, newPassword: NEW_PASSWORD }))
  if (step2.outcome !== 'security-code-required') throw new Error('expected the code step')
  return right(await s.login.setSecurityCode({ continuation: step2.continuation, code, confirmation: code })).session
}
/** Registers a user and plays the first login. */
const activeUser = async (s: Setup, userId: UserId) => {
  const r = await register(s, userId)
  const session = await firstLogin(s, r.username, r.temporary)
  return { ...r, session }
}
/** The characters of the code at the positions asked for. */
const answer = (positions: ReadonlyArray<number>, code = CODE) => positions.map((p) => [...code][p - 1] ?? '')
/** A subsequent login: positions, then password and the characters. */
const logIn = async (s: Setup, username: string, password = NEW_PASSWORD, code = CODE) => {
  const { positions } = await s.login.beginLogin(username)
  return s.login.completeLogin({ username, password, characters: answer(positions, code) })
}
/** A login with the right positions answered wrongly. */
const logInWrongCode = async (s: Setup, username: string) => {
  const { positions } = await s.login.beginLogin(username)
  return s.login.completeLogin({ username, password: NEW_PASSWORD, characters: answer(positions).map((c) => (c === 'w' ? 'v' : 'w')) })
}

const cookieRequest = (session: IssuedSession, method = 'GET', headers: Record<string, string> = {}) =>
  new Request('https://imi.example.org/api/exchanges', { method, headers: { cookie: `__Host-imi-session=${session.token}; __Host-imi-csrf=${session.csrf}`, ...headers } })
const bearerRequest = (token: string, method = 'GET') => new Request('https://imi.example.org/api/exchanges', { method, headers: { authorization: `Bearer ${token}` } })

/** Every stored account record's data, as JSON. */
const storedAccounts = async (s: Setup, users: ReadonlyArray<UserId>): Promise<string> =>
  JSON.stringify(await Promise.all(users.map((u) => s.accounts.byUser(u))))

// ---------------------------------------------------------------------------------------------
// registration

describe('registration', () => {
  it('[LOGIN-USERNAME-GENERATED] registering a user generates a username and a temporary password', async () => {
    const s = setup()
    const r = await register(s, U.frHandler)
    expect(r.username).toMatch(/^[a-z][a-z0-9]{9}$/)
    expect(r.temporary.length).toBeGreaterThanOrEqual(16)
    expect((await s.accounts.byUser(U.frHandler))?.username).toBe(r.username)
  })

  it('[LOGIN-USERNAME-UNIQUE] usernames are unique: a username taken meanwhile is drawn again, and a user has one account', async () => {
    const storage = createMemoryStorage()
    const tried: string[] = []
    // Another registration takes the drawn username just before ours is written, once.
    const racing: AccountStore = {
      ...storage.accounts,
      save: async (record, expectedVersion) => {
        if (expectedVersion === 0 && record.userId === U.frHandler2) {
          tried.push(record.username)
          if (tried.length === 1) await storage.accounts.save({ username: record.username, userId: 'someone-else', data: {} }, 0)
        }
        return storage.accounts.save(record, expectedVersion)
      },
    }
    const s = setup({ accounts: racing, sessions: storage.sessions })
    right(await s.login.registerAccount({ userId: U.frHandler, path: 'additional-user' }))
    const second = right(await s.login.registerAccount({ userId: U.frHandler2, path: 'additional-user' }))
    expect(tried).toHaveLength(2)
    expect(second.username).toBe(tried[1])
    expect(second.username).not.toBe(tried[0])
    expect((await storage.accounts.byUsername(tried[0] ?? ''))?.userId).toBe('someone-else')
    expect(leftOf(await s.login.registerAccount({ userId: U.frHandler, path: 'additional-user' }))).toMatchObject({ code: 'login.account-exists', ruleId: 'LOGIN-USERNAME-UNIQUE' })
    // a source stuck on one value never gives a duplicate: the registration is refused instead
    const stuck = setup({ random: { bytes: cryptoRandom.bytes, int: () => 0 } })
    expect(right(await stuck.login.registerAccount({ userId: U.frHandler, path: 'additional-user' })).username).toBe('aaaaaaaaaa')
    expect(leftOf(await stuck.login.registerAccount({ userId: U.frHandler2, path: 'additional-user' })).code).toBe('login.busy')
    // and a registration of the whole directory gives distinct usernames
    const t = setup()
    const names = await Promise.all(worldData().users.map(async (u) => right(await t.login.registerAccount({ userId: u.id, path: 'additional-user' })).username))
    expect(new Set(names).size).toBe(worldData().users.length)
  })

  it('[LOGIN-USERNAME-FIRST-USER] the first user of an authority registered by a coordinator: the coordinator hands the username over', async () => {
    const r = await register(setup(), U.frLda, 'registered-by-coordinator')
    expect(r.usernameDelivery).toEqual({ communicatedBy: 'registering-coordinator', channels: ['telephone', 'encrypted-message', 'in-person'], emailed: false })
    expect(r.temporaryPassword).toBeDefined()
  })

  it('[LOGIN-USERNAME-OTHER-USERS] a later user: an LDA hands the username over', async () => {
    expect((await register(setup(), U.frHandler, 'additional-user')).usernameDelivery.communicatedBy).toBe('local-data-administrator')
  })

  it('[LOGIN-USERNAME-IN-SUMMARY] a self-registered first user reads the username in the summary, and gets no password before validation', async () => {
    const s = setup()
    const r = right(await s.login.registerAccount({ userId: U.itLda, path: 'self-registration' }))
    expect(r.usernameDelivery.communicatedBy).toBe('registration-summary')
    expect(r.username).toMatch(/^[a-z][a-z0-9]{9}$/)
    expect(r.temporaryPassword).toBeUndefined()
  })

  it('[LOGIN-SELFREG-PASSWORD-TIMING] the temporary password of a self-registered first user comes at validation, due within 48 hours of it', async () => {
    const s = setup()
    const r = right(await s.login.registerAccount({ userId: U.itLda, path: 'self-registration' }))
    // before validation nothing logs in
    expect(outcome(await s.login.completeLogin({ username: r.username, password: 'anything-1A!' }))).toBe('invalid-credentials')
    s.clock.advance(5 * DAY)
    const delivery = right(await s.login.validateAccount(U.itLda))
    expect(delivery.reason).toBe('validation')
    expect(delivery.sendBy).toBe(new Date(T0.getTime() + 5 * DAY + 48 * HOUR).toISOString())
    expect(outcome(await s.login.completeLogin({ username: r.username, password: delivery.temporaryPassword.reveal() }))).toBe('password-change-required')
    expect(leftOf(await s.login.validateAccount(U.itLda)).code).toBe('login.already-validated')
  })

  it('[LOGIN-TEMP-PASSWORD-48H] the temporary password goes to the mailer, to be sent within 48 hours of registration', async () => {
    const r = await register(setup(), U.frHandler)
    expect(r.temporaryPassword).toMatchObject({ userId: U.frHandler, reason: 'registration', sendBy: new Date(T0.getTime() + 48 * HOUR).toISOString() })
  })

  it('[LOGIN-TEMP-PASSWORD-HIDDEN] the registration result shows the coordinator the username but never the temporary password', async () => {
    const r = await register(setup(), U.frLda, 'registered-by-coordinator')
    const { temporary, ...result } = r
    // whatever the handler does with the result (JSON response, log, error report), the password does not show
    expect(JSON.stringify(result)).not.toContain(temporary)
    expect(inspect(result, { depth: 10 })).not.toContain(temporary)
    expect(JSON.stringify(result)).toContain(r.username)
  })

  it('[LOGIN-USERNAME-NEVER-EMAILED] what goes to the mailer holds no username', async () => {
    const r = await register(setup(), U.frHandler)
    const delivery = r.temporaryPassword
    expect(delivery).toBeDefined()
    const revealed = JSON.stringify({ ...delivery, temporaryPassword: delivery?.temporaryPassword.reveal() })
    expect(revealed).toContain(r.temporary)
    expect(revealed).not.toContain(r.username)
    expect(Object.keys(delivery ?? {})).not.toContain('username')
  })

  it('[LOGIN-USERNAME-GENERATED] only users of the directory get an account', async () => {
    const s = setup()
    expect(leftOf(await s.login.registerAccount({ userId: 'ghost' as UserId, path: 'additional-user' })).code).toBe('login.unknown-user')
  })
})

// ---------------------------------------------------------------------------------------------
// first login

describe('first login', () => {
  it('[LOGIN-FIRST-TEMP-PASSWORD] the first login takes the username and the temporary password', async () => {
    const s = setup()
    const r = await register(s, U.frHandler)
    const result = right(await s.login.completeLogin({ username: r.username, password: r.temporary }))
    expect(result.outcome).toBe('password-change-required')
    // and no session opens with a temporary password
    expect(s.createdSessions).toHaveLength(0)
    expect(outcome(await s.login.completeLogin({ username: r.username, password: 'Wrong-passw0rd!' }))).toBe('invalid-credentials')
  })

  it('[LOGIN-FIRST-NEW-PASSWORD] the user must choose a new password, different from the temporary one, before going further', async () => {
    const s = setup()
    const r = await register(s, U.frHandler)
    const c1 = continuationOf(await s.login.completeLogin({ username: r.username, password: r.temporary }))
    // the code step is refused with this continuation: the password comes first
    expect(leftOf(await s.login.setSecurityCode({ continuation: c1, code: CODE, confirmation: CODE })).code).toBe('login.security-code-step')
    expect(leftOf(await s.login.changePassword({ continuation: c1, newPassword: r.temporary }))).toMatchObject({ code: 'login.password-unchanged', ruleId: 'LOGIN-FIRST-NEW-PASSWORD' })
    const changed = right(await s.login.changePassword({ continuation: c1, newPassword: NEW_PASSWORD }))
    expect(changed.outcome).toBe('security-code-required')
    // the temporary password is gone
    expect(outcome(await s.login.completeLogin({ username: r.username, password: r.temporary }))).toBe('invalid-credentials')
    // a continuation works once and not after its time
    expect(leftOf(await s.login.changePassword({ continuation: c1, newPassword: 'An0ther-Passw0rd!' })).code).toBe('login.continuation-invalid')
    expect(leftOf(await s.login.changePassword({ continuation: 'forged.token', newPassword: 'An0ther-Passw0rd!' })).code).toBe('login.continuation-invalid')
  })

  it('[LOGIN-FIRST-SECURITY-CODE] right after the new password the user creates and confirms the code, which logs in', async () => {
    const s = setup()
    const r = await register(s, U.frHandler)
    const c1 = continuationOf(await s.login.completeLogin({ username: r.username, password: r.temporary }))
    const changed = right(await s.login.changePassword({ continuation: c1, newPassword: NEW_PASSWORD }))
    if (changed.outcome !== 'security-code-required') throw new Error('expected the code step')
    expect(leftOf(await s.login.setSecurityCode({ continuation: changed.continuation, code: CODE, confirmation: 'Kx7#mP2!qR9Z' }))).toMatchObject({
      code: 'login.security-code-mismatch',
      ruleId: 'LOGIN-FIRST-SECURITY-CODE',
    })
    // leaving now and logging in again with the new password leads back to the code step
    const again = right(await s.login.completeLogin({ username: r.username, password: NEW_PASSWORD }))
    expect(again.outcome).toBe('security-code-required')
    const c2 = continuationOf(E.right(again))
    const done = right(await s.login.setSecurityCode({ continuation: c2, code: CODE, confirmation: CODE }))
    expect(done.session.actor).toEqual({ kind: 'user', userId: U.frHandler, authorityId: A.frCa })
    expect(await s.login.authenticate(cookieRequest(done.session))).toEqual({ kind: 'user', userId: U.frHandler, authorityId: A.frCa })
    expect((await s.login.accountState(U.frHandler))?.stage).toBe('active')
  })

  it('[LOGIN-PASSWORD-MIN-8] a new password of fewer than 8 characters is refused', async () => {
    const s = setup()
    const r = await register(s, U.frHandler)
    const c1 = continuationOf(await s.login.completeLogin({ username: r.username, password: r.temporary }))
    expect(leftOf(await s.login.changePassword({ continuation: c1, newPassword: 'Ab1!xyz' }))).toMatchObject({ code: 'login.invalid-password', ruleId: 'LOGIN-PASSWORD-MIN-8' })
    expect(right(await s.login.changePassword({ continuation: c1, newPassword: 'Ab1!xyzw' })).outcome).toBe('security-code-required')
  })

  it('[LOGIN-PASSWORD-POLICY] the configured policy decides the classes required, and is stated to the user', async () => {
    const strict = setup()
    const r = await register(strict, U.frHandler)
    const c1 = continuationOf(await strict.login.completeLogin({ username: r.username, password: r.temporary }))
    const refused = leftOf(await strict.login.changePassword({ continuation: c1, newPassword: 'alllowercase' }))
    expect(refused).toMatchObject({ code: 'login.invalid-password', ruleId: 'LOGIN-PASSWORD-POLICY' })
    expect(refused.details?.['unmet']).toEqual([{ requirement: 'upper-case' }, { requirement: 'digit' }, { requirement: 'special' }])
    const lax = setup({ config: { scrypt: CHEAP, passwordPolicy: { upperCase: false, digit: false, special: false } } })
    expect(lax.login.passwordRequirements()).toEqual([{ requirement: 'min-length', minLength: 8 }, { requirement: 'lower-case' }])
    const r2 = await register(lax, U.frHandler)
    const c2 = continuationOf(await lax.login.completeLogin({ username: r2.username, password: r2.temporary }))
    expect(right(await lax.login.changePassword({ continuation: c2, newPassword: 'alllowercase' })).outcome).toBe('security-code-required')
  })

  it('[LOGIN-CODE-12-CHARS] a security code of other than 12 characters is refused', async () => {
    const s = setup()
    const r = await register(s, U.frHandler)
    const c1 = continuationOf(await s.login.completeLogin({ username: r.username, password: r.temporary }))
    const changed = right(await s.login.changePassword({ continuation: c1, newPassword: NEW_PASSWORD }))
    if (changed.outcome !== 'security-code-required') throw new Error('expected the code step')
    expect(leftOf(await s.login.setSecurityCode({ continuation: changed.continuation, code: 'Kx7#mP2!qR9', confirmation: 'Kx7#mP2!qR9' }))).toMatchObject({
      code: 'login.invalid-security-code',
      ruleId: 'LOGIN-CODE-12-CHARS',
    })
  })

  it('[LOGIN-CODE-COMPOSITION] a security code without a letter, a digit or a symbol is refused', async () => {
    const s = setup()
    const r = await register(s, U.frHandler)
    const c1 = continuationOf(await s.login.completeLogin({ username: r.username, password: r.temporary }))
    const changed = right(await s.login.changePassword({ continuation: c1, newPassword: NEW_PASSWORD }))
    if (changed.outcome !== 'security-code-required') throw new Error('expected the code step')
    const refused = leftOf(await s.login.setSecurityCode({ continuation: changed.continuation, code: 'abcdefghij12', confirmation: 'abcdefghij12' }))
    expect(refused).toMatchObject({ code: 'login.invalid-security-code', ruleId: 'LOGIN-CODE-COMPOSITION', details: { problems: ['symbol'] } })
  })

  it('[LOGIN-TEMP-PASSWORD-EXPIRY] a temporary password stops working after TEMP_PASSWORD_VALIDITY; a reset issues a new one', async () => {
    const s = setup({ config: { scrypt: CHEAP, temporaryPasswordValidityDays: 10 } })
    const r = await register(s, U.frHandler)
    expect(r.temporaryPassword?.expiresAt).toBe(new Date(T0.getTime() + 10 * DAY).toISOString())
    s.clock.advance(10 * DAY)
    expect(outcome(await s.login.completeLogin({ username: r.username, password: r.temporary }))).toBe('temporary-password-expired')
    // whoever does not know it learns nothing
    expect(outcome(await s.login.completeLogin({ username: r.username, password: 'Wrong-passw0rd!' }))).toBe('invalid-credentials')
    const reset = right(await s.login.resetPassword({ actor: U.frLda, userId: U.frHandler }))
    expect(outcome(await s.login.completeLogin({ username: r.username, password: reset.temporaryPassword.temporaryPassword.reveal() }))).toBe('password-change-required')
  })
})

// ---------------------------------------------------------------------------------------------
// subsequent logins

describe('subsequent logins', () => {
  it('[LOGIN-CHALLENGE-THREE] the user gives the username, the password and the 3 characters at the positions asked', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    const { positions } = await s.login.beginLogin(u.username)
    expect(positions).toHaveLength(3)
    const session = signedIn(await s.login.completeLogin({ username: u.username, password: NEW_PASSWORD, characters: answer(positions) }))
    expect(session.actor).toEqual({ kind: 'user', userId: U.frHandler, authorityId: A.frCa })
    expect(session.setCookie[0]).toMatch(/^__Host-imi-session=[A-Za-z0-9_-]{43}; HttpOnly; Secure; SameSite=Strict; Path=\/$/)
  })

  it('[LOGIN-THREE-CREDENTIALS] the password alone, or the code alone, does not log in', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    const { positions } = await s.login.beginLogin(u.username)
    expect(outcome(await s.login.completeLogin({ username: u.username, password: NEW_PASSWORD }))).toBe('invalid-credentials')
    const p2 = (await s.login.beginLogin(u.username)).positions
    expect(outcome(await s.login.completeLogin({ username: u.username, password: 'Wrong-passw0rd!', characters: answer(p2) }))).toBe('invalid-credentials')
    expect(positions).toHaveLength(3)
    expect((await s.login.accountState(U.frHandler))?.consecutiveFailures).toBe(2)
  })

  it('[LOGIN-CHALLENGE-DISTINCT] positions are distinct, held until the attempt, and drawn anew for each attempt', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    const first = (await s.login.beginLogin(u.username)).positions
    expect(new Set(first).size).toBe(3)
    // asking again before trying gives the same positions: no drawing until known ones come up
    expect((await s.login.beginLogin(u.username)).positions).toEqual(first)
    signedIn(await s.login.completeLogin({ username: u.username, password: NEW_PASSWORD, characters: answer(first) }))
    // the attempt used them up: the same answer again is refused, new positions must be asked for
    expect(outcome(await s.login.completeLogin({ username: u.username, password: NEW_PASSWORD, characters: answer(first) }))).toBe('challenge-expired')
    // positions expire if unused
    await s.login.beginLogin(u.username)
    s.clock.advance(11 * MINUTE)
    expect(outcome(await s.login.completeLogin({ username: u.username, password: NEW_PASSWORD, characters: answer(first) }))).toBe('challenge-expired')
    // over many attempts, every position comes up
    const seen = new Set<number>()
    for (let i = 0; i < 40; i++) {
      const { positions } = await s.login.beginLogin(u.username)
      positions.forEach((p) => seen.add(p))
      signedIn(await s.login.completeLogin({ username: u.username, password: NEW_PASSWORD, characters: answer(positions) }))
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  })

  it('[LOGIN-CHALLENGE-VERIFY] wrong characters at the positions asked are refused, and the answer does not say what was wrong', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    expect(outcome(await logInWrongCode(s, u.username))).toBe('invalid-credentials')
    // characters in the wrong order are wrong too (the 12 characters of the code are all different)
    const { positions } = await s.login.beginLogin(u.username)
    expect(new Set(CODE).size).toBe(12)
    expect(outcome(await s.login.completeLogin({ username: u.username, password: NEW_PASSWORD, characters: [...answer(positions)].reverse() }))).toBe('invalid-credentials')
    expect((await s.login.accountState(U.frHandler))?.consecutiveFailures).toBe(2)
  })

  it('[LOGIN-CASE-SENSITIVE] username, password and code characters are checked case-sensitively', async () => {
    const s = setup()
    // 10 letters out of 12: any 3 positions include a letter, whose case the test flips
    const cased = 'AbCdEfGh1#Ij'
    const r = await register(s, U.frHandler)
    await firstLogin(s, r.username, r.temporary, cased)
    const swap = (c: string) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())
    expect(outcome(await logIn(s, r.username.toUpperCase(), NEW_PASSWORD, cased))).toBe('invalid-credentials')
    expect(outcome(await logIn(s, r.username, NEW_PASSWORD.toLowerCase(), cased))).toBe('invalid-credentials')
    expect(outcome(await logIn(s, r.username, NEW_PASSWORD, [...cased].map(swap).join('')))).toBe('invalid-credentials')
    expect(outcome(await logIn(s, r.username, NEW_PASSWORD, cased))).toBe('signed-in')
  })
})

// ---------------------------------------------------------------------------------------------
// failed attempts

describe('failed attempts', () => {
  it('[LOGIN-FIVE-ATTEMPTS] the 5th failure blocks the account and ends its sessions', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    expect(await s.login.authenticate(cookieRequest(u.session))).not.toBeNull()
    for (let i = 0; i < 4; i++) expect(outcome(i % 2 === 0 ? await logInWrongCode(s, u.username) : await logIn(s, u.username, 'Wrong-passw0rd!'))).toBe('invalid-credentials')
    expect((await s.login.accountState(U.frHandler))?.blockedAt).toBeUndefined()
    expect(outcome(await logIn(s, u.username, 'Wrong-passw0rd!'))).toBe('invalid-credentials')
    expect((await s.login.accountState(U.frHandler))?.blockedAt).toBe(T0.toISOString())
    // the open session ended with the block
    expect(await s.login.authenticate(cookieRequest(u.session))).toBeNull()
  })

  it('[LOGIN-FIVE-ATTEMPTS] concurrent failures all count: none is lost to a race', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    await Promise.all(Array.from({ length: 5 }, () => s.login.completeLogin({ username: u.username, password: 'Wrong-passw0rd!', characters: ['a', 'b', 'c'] })))
    expect(await s.login.accountState(U.frHandler)).toMatchObject({ consecutiveFailures: 5, blockedAt: T0.toISOString() })
  })

  it('[LOGIN-BLOCKED-RESET] a blocked account does not log in with the right credentials until its password is reset', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    for (let i = 0; i < 5; i++) await logInWrongCode(s, u.username)
    s.clock.advance(DAY)
    // whoever proves the password learns it is blocked; nobody else does
    expect(outcome(await logIn(s, u.username))).toBe('blocked')
    expect(outcome(await logIn(s, u.username, 'Wrong-passw0rd!'))).toBe('invalid-credentials')
    expect(leftOf(await s.login.changePassword({ userId: U.frHandler, currentPassword: NEW_PASSWORD, newPassword: 'An0ther-Passw0rd!' })).code).toBe('login.blocked')
    // after the reset, the first login again
    const reset = right(await s.login.resetPassword({ actor: U.frLda, userId: U.frHandler }))
    const session = await firstLogin(s, u.username, reset.temporaryPassword.temporaryPassword.reveal(), 'Nw9$code!Abc')
    expect(session.actor).toMatchObject({ userId: U.frHandler })
  })

  it('[LOGIN-ATTEMPTS-CONSECUTIVE] a success resets the counter; a wrong current password in a change counts', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    for (let i = 0; i < 4; i++) await logInWrongCode(s, u.username)
    expect((await s.login.accountState(U.frHandler))?.consecutiveFailures).toBe(4)
    expect(outcome(await logIn(s, u.username))).toBe('signed-in')
    expect((await s.login.accountState(U.frHandler))?.consecutiveFailures).toBe(0)
    for (let i = 0; i < 4; i++) await logIn(s, u.username, 'Wrong-passw0rd!')
    expect((await s.login.accountState(U.frHandler))?.blockedAt).toBeUndefined()
    // the 5th in a row, as a wrong current password, blocks
    expect(leftOf(await s.login.changePassword({ userId: U.frHandler, currentPassword: 'Wrong-passw0rd!', newPassword: 'An0ther-Passw0rd!' })).code).toBe('login.invalid-credentials')
    expect((await s.login.accountState(U.frHandler))?.blockedAt).toBeDefined()
  })

  it('[LOGIN-UNKNOWN-USERNAME] attempts with an unknown username count against nobody and look like any other failure', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    const before = await storedAccounts(s, [U.frHandler])
    for (let i = 0; i < 10; i++) {
      const challenge = await s.login.beginLogin('nosuchuser')
      expect(Object.keys(challenge)).toEqual(['positions'])
      expect(new Set(challenge.positions).size).toBe(3)
      expect(right(await s.login.completeLogin({ username: 'nosuchuser', password: NEW_PASSWORD, characters: ['a', 'b', 'c'] }))).toEqual({ outcome: 'invalid-credentials' })
    }
    // nothing was stored for it, and the real account is untouched
    expect(await s.accounts.byUsername('nosuchuser')).toBeUndefined()
    expect(await storedAccounts(s, [U.frHandler])).toBe(before)
    // the positions of an unknown username are stable like a real account's: asking again does not tell them apart
    expect((await s.login.beginLogin('nosuchuser')).positions).toEqual((await s.login.beginLogin('nosuchuser')).positions)
    expect(outcome(await logIn(s, u.username))).toBe('signed-in')
  })
})

// ---------------------------------------------------------------------------------------------
// resets and recovery

describe('resets and recovery', () => {
  it('[LOGIN-RESET-BY-LDA] an LDA of the user\'s authority resets the password', async () => {
    const s = setup()
    await activeUser(s, U.frHandler)
    const reset = right(await s.login.resetPassword({ actor: U.frLda, userId: U.frHandler }))
    expect(reset.ground).toBe('local-data-administrator')
    expect(reset.temporaryPassword.reason).toBe('reset')
  })

  it('[LOGIN-RESET-BY-LDA] a user of another authority may not reset it, LDA or not, and nothing changes', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    const before = await storedAccounts(s, [U.frHandler])
    for (const actor of [U.deLda, U.fr2Lda, U.frHandler2]) {
      expect(leftOf(await s.login.resetPassword({ actor, userId: U.frHandler }))).toMatchObject({ code: 'login.reset-not-allowed', ruleId: 'LOGIN-RESET-BY-LDA' })
    }
    expect(await storedAccounts(s, [U.frHandler])).toBe(before)
    expect(await s.login.authenticate(cookieRequest(u.session))).not.toBeNull()
  })

  it('[LOGIN-RESET-BY-COORDINATOR] a data administrator of the coordinator-validator or of an access coordinator resets the password, in particular of the only LDA', async () => {
    const s = setup()
    await activeUser(s, U.frLda)
    expect(right(await s.login.resetPassword({ actor: U.frDimicAdmin, userId: U.frLda })).ground).toBe('coordinator-validator')
    expect(right(await s.login.resetPassword({ actor: U.frNimicAllocator, userId: U.frLda })).ground).toBe('access-coordinator')
    // a coordinator with no function towards the authority may not
    expect(leftOf(await s.login.resetPassword({ actor: U.deDimicAdmin, userId: U.frLda })).code).toBe('login.reset-not-allowed')
  })

  it('[LOGIN-RESET-NEW-TEMP] a reset e-mails a new temporary password; the old password stops working and the first login starts again', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    s.clock.advance(DAY)
    const reset = right(await s.login.resetPassword({ actor: U.frLda, userId: U.frHandler }))
    expect(reset.temporaryPassword.sendBy).toBe(new Date(T0.getTime() + DAY + 48 * HOUR).toISOString())
    expect(reset.temporaryPassword.temporaryPassword.reveal()).not.toBe(u.temporary)
    expect(outcome(await logIn(s, u.username))).toBe('invalid-credentials')
    // every session of the user ended
    expect(await s.login.authenticate(cookieRequest(u.session))).toBeNull()
    expect(outcome(await s.login.completeLogin({ username: u.username, password: reset.temporaryPassword.temporaryPassword.reveal() }))).toBe('password-change-required')
  })

  it('[LOGIN-RESET-CLEARS-CODE] a reset clears the security code: the user sets a new one, and the old one no longer works', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    expect((await s.accounts.byUser(U.frHandler))?.data).toHaveProperty('code')
    const reset = right(await s.login.resetPassword({ actor: U.frLda, userId: U.frHandler }))
    expect((await s.accounts.byUser(U.frHandler))?.data).not.toHaveProperty('code')
    const NEW_CODE = 'Zq4%wE8&rT1y'
    await firstLogin(s, u.username, reset.temporaryPassword.temporaryPassword.reveal(), NEW_CODE)
    expect(outcome(await logIn(s, u.username, NEW_PASSWORD, CODE))).toBe('invalid-credentials')
    expect(outcome(await logIn(s, u.username, NEW_PASSWORD, NEW_CODE))).toBe('signed-in')
  })

  it('[LOGIN-FORGOT-USERNAME-LDA] an LDA of the user\'s authority gets a forgotten username, to hand it over outside the system', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    expect(right(await s.login.recoverUsername({ actor: U.frLda, userId: U.frHandler }))).toEqual({ username: u.username, ground: 'local-data-administrator' })
    expect(leftOf(await s.login.recoverUsername({ actor: U.deLda, userId: U.frHandler }))).toMatchObject({ code: 'login.recovery-not-allowed', ruleId: 'LOGIN-FORGOT-USERNAME-LDA' })
  })

  it('[LOGIN-FORGOT-USERNAME-COORD] the only LDA gets a forgotten username from the coordinator responsible for the authority', async () => {
    const s = setup()
    const u = await activeUser(s, U.frLda)
    expect(right(await s.login.recoverUsername({ actor: U.frDimicAdmin, userId: U.frLda }))).toEqual({ username: u.username, ground: 'coordinator-validator' })
  })

  it('[LOGIN-RECOVERY-COORDINATOR] any access coordinator of the authority can do it too, and only they', async () => {
    const s = setup()
    const u = await activeUser(s, U.frLda)
    expect(right(await s.login.recoverUsername({ actor: U.frNimicAllocator, userId: U.frLda }))).toEqual({ username: u.username, ground: 'access-coordinator' })
    expect(E.isLeft(await s.login.recoverUsername({ actor: U.itNimicAdmin, userId: U.frLda }))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// sessions and CSRF

describe('sessions', () => {
  it('a session is read from the HttpOnly cookie or a bearer header, and from nothing else', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    const actor = { kind: 'user', userId: U.frHandler, authorityId: A.frCa }
    expect(await s.login.authenticate(cookieRequest(u.session))).toEqual(actor)
    expect(await s.login.authenticate(bearerRequest(u.session.token))).toEqual(actor)
    expect(await s.login.authenticate(new Request('https://imi.example.org/api'))).toBeNull()
    expect(await s.login.authenticate(bearerRequest('x'.repeat(43)))).toBeNull()
    expect(await s.login.authenticate(new Request('https://imi.example.org/api', { headers: { cookie: `other=${u.session.token}` } }))).toBeNull()
    // a bearer header that is not a token is not a session, even with a good cookie beside it
    expect(await s.login.authenticate(new Request('https://imi.example.org/api', { headers: { authorization: 'Basic abc', cookie: `__Host-imi-session=${u.session.token}` } }))).toBeNull()
  })

  it('sessions end after 30 idle minutes; each use pushes the end', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    s.clock.advance(29 * MINUTE)
    expect(await s.login.authenticate(cookieRequest(u.session))).not.toBeNull()
    s.clock.advance(29 * MINUTE)
    expect(await s.login.authenticate(bearerRequest(u.session.token))).not.toBeNull()
    s.clock.advance(30 * MINUTE)
    expect(await s.login.authenticate(cookieRequest(u.session))).toBeNull()
    // and stays ended
    s.clock.set(T0)
    expect(await s.login.authenticate(cookieRequest(u.session))).toBeNull()
  })

  it('the idle time is configurable, and a session ends at the absolute limit even if used', async () => {
    const s = setup({ config: { scrypt: CHEAP, idleTimeoutMinutes: 5, absoluteTimeoutHours: 1 } })
    const u = await activeUser(s, U.frHandler)
    s.clock.advance(6 * MINUTE)
    expect(await s.login.authenticate(cookieRequest(u.session))).toBeNull()
    const again = signedIn(await logIn(s, u.username))
    for (let i = 0; i < 14; i++) {
      s.clock.advance(4 * MINUTE)
      expect(await s.login.authenticate(cookieRequest(again))).not.toBeNull()
    }
    s.clock.advance(4 * MINUTE + 1)
    expect(await s.login.authenticate(cookieRequest(again))).toBeNull()
  })

  it('logout ends the session and removes the cookies', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    const other = signedIn(await logIn(s, u.username))
    const out = await s.login.logout(cookieRequest(u.session, 'POST'))
    expect(out.setCookie).toEqual([
      '__Host-imi-session=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0',
      '__Host-imi-csrf=; Secure; SameSite=Strict; Path=/; Max-Age=0',
    ])
    expect(await s.login.authenticate(cookieRequest(u.session))).toBeNull()
    // the user's other session goes on
    expect(await s.login.authenticate(bearerRequest(other.token))).not.toBeNull()
    await s.login.logout(bearerRequest(other.token, 'POST'))
    expect(await s.login.authenticate(bearerRequest(other.token))).toBeNull()
  })

  it('a user removed or blocked in the directory loses the session, and cannot log in', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    s.setDirectory(withUser(administeredWorld(), U.frHandler, (x) => ({ ...x, status: 'removed' })))
    expect(await s.login.authenticate(cookieRequest(u.session))).toBeNull()
    expect(outcome(await logIn(s, u.username))).toBe('invalid-credentials')
    s.setDirectory(withUser(administeredWorld(), U.frHandler, (x) => ({ ...x, status: 'blocked' })))
    expect(outcome(await logIn(s, u.username))).toBe('blocked')
    s.setDirectory(administeredWorld())
    expect(outcome(await logIn(s, u.username))).toBe('signed-in')
  })

  it('a cookie-authenticated unsafe request needs the CSRF header; bearer and safe requests do not', async () => {
    const s = setup()
    const u = await activeUser(s, U.frHandler)
    expect(await s.login.checkCsrf(cookieRequest(u.session, 'POST'))).toMatchObject({ code: 'login.csrf-missing' })
    expect(await s.login.checkCsrf(cookieRequest(u.session, 'DELETE', { 'x-imi-csrf': 'forged' }))).toMatchObject({ code: 'login.csrf-mismatch' })
    expect(await s.login.checkCsrf(cookieRequest(u.session, 'POST', { 'x-imi-csrf': u.session.csrf }))).toBeUndefined()
    expect(await s.login.checkCsrf(cookieRequest(u.session, 'GET'))).toBeUndefined()
    expect(await s.login.checkCsrf(bearerRequest(u.session.token, 'POST'))).toBeUndefined()
    // the token of another session does not pass
    const other = signedIn(await logIn(s, u.username))
    expect(await s.login.checkCsrf(cookieRequest(u.session, 'POST', { 'x-imi-csrf': other.csrf }))).toMatchObject({ code: 'login.csrf-mismatch' })
    // with the session the handler already found
    const found = await s.login.authenticateSession(cookieRequest(u.session, 'PUT'))
    expect(found?.via).toBe('cookie')
    expect(await s.login.checkCsrf(cookieRequest(u.session, 'PUT'), found)).toMatchObject({ code: 'login.csrf-missing' })
  })
})

// ---------------------------------------------------------------------------------------------
// nothing in clear

describe('what is stored', () => {
  it('[LOGIN-TEMP-PASSWORD-HIDDEN] no account record or session holds a password, temporary password, security code or token in clear', async () => {
    const s = setup()
    const temporaries: string[] = []
    const u = await register(s, U.frHandler)
    temporaries.push(u.temporary)
    const first = await firstLogin(s, u.username, u.temporary)
    const second = signedIn(await logIn(s, u.username))
    const reset = right(await s.login.resetPassword({ actor: U.frLda, userId: U.frHandler }))
    temporaries.push(reset.temporaryPassword.temporaryPassword.reveal())
    const lda = await register(s, U.frLda)
    temporaries.push(lda.temporary)
    const stored = await storedAccounts(s, [U.frHandler, U.frLda])
    const sessionsStored = JSON.stringify(s.createdSessions)
    for (const secret of [NEW_PASSWORD, CODE, ...temporaries, first.token, first.csrf, second.token, second.csrf]) {
      expect(secret.length).toBeGreaterThan(8)
      expect(stored).not.toContain(secret)
      expect(sessionsStored).not.toContain(secret)
    }
    // not even a run of 4 characters of the code
    for (let i = 0; i + 4 <= CODE.length; i++) expect(stored).not.toContain(CODE.slice(i, i + 4))
    // while an active account's record holds a hash and a sealed code
    await firstLogin(s, u.username, reset.temporaryPassword.temporaryPassword.reveal())
    const data = (await s.accounts.byUser(U.frHandler))?.data
    expect(data).toMatchObject({ password: { alg: 'scrypt' }, code: { alg: 'A256GCM' } })
  })

  it('[LOGIN-TEMP-PASSWORD-HIDDEN] the reset result shows the administrator nothing of the temporary password', async () => {
    const s = setup()
    await activeUser(s, U.frHandler)
    const reset = right(await s.login.resetPassword({ actor: U.frDimicAdmin, userId: U.frHandler }))
    const temporary = reset.temporaryPassword.temporaryPassword.reveal()
    expect(JSON.stringify(reset)).not.toContain(temporary)
    expect(inspect(reset, { depth: 10 })).not.toContain(temporary)
  })

  it('a password hashed at an older cost is hashed again at the configured cost on the next login', async () => {
    const storage = createMemoryStorage()
    const old = setup({ accounts: storage.accounts, sessions: storage.sessions })
    const u = await activeUser(old, U.frHandler)
    expect((await storage.accounts.byUser(U.frHandler))?.data).toMatchObject({ password: { N: 2 ** 10 } })
    const raised = setup({ accounts: storage.accounts, sessions: storage.sessions, config: { scrypt: { ...CHEAP, N: 2 ** 11 } } })
    expect(outcome(await logIn(raised, u.username))).toBe('signed-in')
    expect((await storage.accounts.byUser(U.frHandler))?.data).toMatchObject({ password: { N: 2 ** 11 } })
    expect(outcome(await logIn(raised, u.username))).toBe('signed-in')
  })

  it('refuses a misconfiguration at creation: a short secret, bad cookie names, bad costs', () => {
    const base = setup()
    expect(base.login.config.idleTimeoutMinutes).toBe(30)
    const storage = createMemoryStorage()
    const options: ImiLoginOptions = { accounts: storage.accounts, sessions: storage.sessions, directory: () => createDirectory(worldData()), clock: fixedClock(T0), secret: SECRET }
    expect(() => createImiLogin({ ...options, secret: 'short' })).toThrow(RangeError)
    expect(() => createImiLogin({ ...options, config: { cookieName: 'bad name' } })).toThrow(RangeError)
    expect(() => createImiLogin({ ...options, config: { scrypt: { N: 1000, r: 8, p: 1, keyLength: 32 } } })).toThrow(RangeError)
    expect(() => createImiLogin({ ...options, config: { idleTimeoutMinutes: 0 } })).toThrow(RangeError)
  })
})
