import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { UserId } from '@imi-kit/core'
import { U, pqDraft, testAlertProcedure, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import { createRecordingMailer, temporaryPasswordMail } from '../mail/index.js'
import { createImiLogin } from '../login/index.js'
import { createImiHandler } from './handler.js'

const SECRET = 'the login secret of the http test server, 32+ bytes'
const NEW_PASSWORD = 'Correct-H0rse-Battery'
const CODE = 'Kx7#mP2!qR9z'

const setup = () => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const storage = createMemoryStorage({ clock })
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation, testAlertProcedure]), storage, clock, ids: sequentialIds('login-http'), directory })
  const login = createImiLogin({ accounts: storage.accounts, sessions: storage.sessions, directory: () => directory, clock, secret: SECRET, config: { scrypt: { N: 2 ** 10, r: 8, p: 1, keyLength: 32 } } })
  const mailer = createRecordingMailer()
  const handler = createImiHandler({
    app,
    storage,
    directory,
    clock,
    login,
    deliverTemporaryPassword: async (d) => {
      const user = directory.user(d.userId)
      if (user !== undefined) await mailer.send(temporaryPasswordMail({ to: { email: user.email, language: user.language }, temporaryPassword: d.temporaryPassword.reveal(), loginUrl: 'https://imi.example/login', reason: 'reset', expiresAt: d.expiresAt }))
    },
  })
  /** A browser: it keeps the cookies the server sets and sends them back. */
  const jar = new Map<string, string>()
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const cookie = [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await handler(
      new Request(`https://imi.example${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie === '' ? {} : { cookie }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    )
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [k, ...v] = (pair ?? '').split('=')
      if (k !== undefined) {
        if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(k)
        else jar.set(k, v.join('='))
      }
    }
    return res
  }
  return { login, call, jar, mailer, clock, directory }
}

const signIn = async (s: ReturnType<typeof setup>, userId: UserId) => {
  const reg = await s.login.registerAccount({ userId, path: 'additional-user' })
  if (E.isLeft(reg)) throw new Error(reg.left.code)
  const username = reg.right.username
  const temporary = reg.right.temporaryPassword?.temporaryPassword.reveal() ?? ''
  const first = (await (await s.call('POST', '/api/login/complete', { username, password: temporary })).json()) as { outcome: string; continuation: string }
  expect(first.outcome).toBe('password-change-required')
  const second = (await (await s.call('POST', '/api/login/password', { continuation: first.continuation, newPassword: NEW_PASSWORD })).json()) as { outcome: string; continuation: string }
  expect(second.outcome).toBe('security-code-required')
  const third = await s.call('POST', '/api/login/security-code', { continuation: second.continuation, code: CODE, confirmation: CODE })
  const signed = (await third.json()) as { outcome: string; csrf: string; token?: string }
  expect(signed.outcome).toBe('signed-in')
  expect(signed.token).toBeUndefined()
  return { username, csrf: signed.csrf }
}

describe('HTTP login', () => {
  it('[LOGIN-FIRST-NEW-PASSWORD][LOGIN-FIRST-SECURITY-CODE] signs in for the first time over HTTP with HttpOnly, SameSite cookies and a CSRF token', async () => {
    const s = setup()
    const { csrf } = await signIn(s, U.frHandler)
    expect([...s.jar.keys()].some((k) => k.includes('session'))).toBe(true)
    expect(((await (await s.call('GET', '/api/me')).json()) as { userId: string }).userId).toBe(U.frHandler)
    // A cookie-authenticated unsafe request without the CSRF header is refused, and nothing is created.
    const forged = await s.call('POST', '/api/exchanges', pqDraft())
    expect(forged.status).toBe(403)
    expect(((await forged.json()) as { error: { code: string } }).error.code).toMatch(/csrf/)
    const created = await s.call('POST', '/api/exchanges', pqDraft(), { 'x-imi-csrf': csrf })
    expect(created.status).toBe(201)
    const out = await s.call('POST', '/api/logout', undefined, { 'x-imi-csrf': csrf })
    expect(out.status).toBe(200)
    expect((await s.call('GET', '/api/me')).status).toBe(401)
  })

  it('[LOGIN-CHALLENGE-THREE][LOGIN-CHALLENGE-VERIFY] asks three positions of the code at later logins, and signs in with a bearer token when asked', async () => {
    const s = setup()
    const { username, csrf } = await signIn(s, U.deHandler)
    await s.call('POST', '/api/logout', undefined, { 'x-imi-csrf': csrf })
    const { positions } = (await (await s.call('POST', '/api/login/begin', { username })).json()) as { positions: number[] }
    expect(positions).toHaveLength(3)
    const characters = positions.map((p) => CODE[p - 1] ?? '')
    const wrong = await s.call('POST', '/api/login/complete', { username, password: NEW_PASSWORD, characters: characters.map(() => '?') })
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { outcome: string }).outcome).toBe('invalid-credentials')
    const { positions: again } = (await (await s.call('POST', '/api/login/begin', { username })).json()) as { positions: number[] }
    const ok = (await (await s.call('POST', '/api/login/complete', { username, password: NEW_PASSWORD, characters: again.map((p) => CODE[p - 1] ?? ''), mode: 'bearer' })).json()) as { outcome: string; token: string }
    expect(ok.outcome).toBe('signed-in')
    s.jar.clear()
    const me = await s.call('GET', '/api/me', undefined, { authorization: `Bearer ${ok.token}` })
    expect(me.status).toBe(200)
  })

  it('[LOGIN-RESET-BY-LDA][LOGIN-TEMP-PASSWORD-HIDDEN] lets an LDA reset a colleague’s password over HTTP; the temporary password goes by e-mail, never in the response', async () => {
    const s = setup()
    await s.login.registerAccount({ userId: U.frHandler, path: 'additional-user' })
    const { csrf } = await signIn(s, U.frLda)
    const res = await s.call('POST', `/api/users/${U.frHandler}/reset-password`, undefined, { 'x-imi-csrf': csrf })
    expect(res.status).toBe(200)
    const body = await res.text()
    const sent = s.mailer.sent
    expect(sent).toHaveLength(1)
    const mail = sent[0]
    expect(mail?.to).toBe(s.directory.user(U.frHandler)?.email)
    const password = /[A-Za-z0-9!#$%&*+\-=?@^_~]{12,}/.exec(mail?.text.split('\n').find((l) => /password|mot de passe|Passwort/i.test(l) && l.includes(':')) ?? '')?.[0]
    expect(password).toBeDefined()
    expect(body).not.toContain(password ?? 'unreachable')
    // A user of another authority may not reset it.
    const other = setup()
    await other.login.registerAccount({ userId: U.frHandler, path: 'additional-user' })
    const de = await signIn(other, U.deLda)
    expect((await other.call('POST', `/api/users/${U.frHandler}/reset-password`, undefined, { 'x-imi-csrf': de.csrf })).status).toBe(403)
  })

  it('exports the caller’s search as CSV with the status the caller sees and no personal data', async () => {
    const s = setup()
    const { csrf } = await signIn(s, U.frHandler)
    const created = (await (await s.call('POST', '/api/exchanges', pqDraft({ caseData: { name: 'Jean Dupont', profession: 'Médecin' } }), { 'x-imi-csrf': csrf })).json()) as { exchangeId: string }
    const res = await s.call('GET', '/api/search/export?format=csv&lang=fr')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const text = await res.text()
    expect(text).toContain('REQ-')
    expect(text).not.toContain('Jean Dupont')
    expect(created.exchangeId).toBeDefined()
    expect((await s.call('GET', '/api/search/export?format=pdf')).status).toBe(400)
  })
})
