/**
 * The portal server without a browser: seeding, the demo logins over HTTP, the page and the bundle,
 * and identifiers that stay unique across restarts.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REQUEST_NUMBER_FORMAT } from '@imi-kit/core'
import { PQ, U, worldData } from '@imi-kit/core/testing'
import type { Portal } from './portal.js'
import { startPortal } from './portal.js'
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, LOGINS_FILE } from './seed.js'

/** A low scrypt cost: the tests check behaviour, not the cost. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }

let dataDir: string
let portal: Portal | undefined

const start = () => startPortal({ dataDir, scrypt: CHEAP, workerIntervalMs: 0 })

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'imi-portal-'))
  portal = await start()
}, 180_000)

afterAll(async () => {
  await portal?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${portal?.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

/** Signs a demo user in through the HTTP API, answering the three positions asked for. */
const signIn = async (userId: string) => {
  const username = portal?.logins.find((l) => l.userId === userId)?.username ?? ''
  const { positions } = (await (await post('/api/login/begin', { username })).json()) as { positions: number[] }
  const characters = positions.map((p) => [...DEMO_SECURITY_CODE][p - 1] ?? '')
  return post('/api/login/complete', { username, password: DEMO_PASSWORD, characters })
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '')

describe('the portal server', () => {
  it('seeds one demo account per fixture user, each through its first login, and signs them in with the demo credentials', async () => {
    if (portal === undefined) throw new Error('not started')
    expect(portal.seeded).toBe(true)
    const users = worldData().users
    expect(portal.logins.map((l) => l.userId).sort()).toEqual(users.map((u) => u.id).sort())
    expect(new Set(portal.logins.map((l) => l.username)).size).toBe(users.length)
    expect(portal.logins.find((l) => l.userId === U.frHandler)).toMatchObject({ memberState: 'FR', authority: 'Ordre national des médecins', roles: ['request-handler'] })
    for (const l of portal.logins) expect(await portal.login.accountState(l.userId)).toMatchObject({ stage: 'active', consecutiveFailures: 0 })

    const signedIn = await signIn(U.deHandler)
    expect(signedIn.status).toBe(200)
    // Both cookies reach the browser: the session (HttpOnly) and the CSRF token the page echoes.
    const cookies = cookiesOf(signedIn)
    expect(cookies.map((c) => c.split('=')[0])).toEqual(['__Host-imi-session', '__Host-imi-csrf'])
    const me = await fetch(`${portal.url}/api/me`, { headers: { cookie: cookies.join('; ') } })
    expect(await me.json()).toMatchObject({ kind: 'user', userId: U.deHandler, memberState: 'DE' })

    const username = portal.logins[0]?.username
    await post('/api/login/begin', { username })
    const wrongCode = await post('/api/login/complete', { username, password: DEMO_PASSWORD, characters: ['?', '?', '?'] })
    expect(((await wrongCode.json()) as { outcome: string }).outcome).toBe('invalid-credentials')
  })

  it('serves the page, its script, the elements’ bundle and its language packs, with a content security policy', async () => {
    if (portal === undefined) throw new Error('not started')
    const page = await fetch(`${portal.url}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await page.text()
    expect(html).toContain('<imi-provider api="/api"')
    expect(html).toContain('src="/imi-kit.bundle.js"')
    const bundle = await fetch(`${portal.url}/imi-kit.bundle.js`)
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await bundle.text()).toContain('imi-provider')
    // The language packs beside the bundle, fetched by the elements when the page switches language.
    const fr = await fetch(`${portal.url}/i18n/fr.json`)
    expect([fr.status, fr.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8'])
    expect(((await fr.json()) as { labels: Record<string, string> }).labels['status.request.closed']).toBe('Clôturée')
    expect((await fetch(`${portal.url}/i18n/de.json`)).status).toBe(200)
    expect((await fetch(`${portal.url}/i18n/hu.json`)).status).toBe(404)
    expect((await fetch(`${portal.url}/portal.js`)).status).toBe(200)
    expect((await fetch(`${portal.url}/nothing-here`)).status).toBe(404)
    const link = await fetch(`${portal.url}/exchanges/abc`, { redirect: 'manual' })
    expect([link.status, link.headers.get('location')]).toEqual([303, '/#/exchanges/abc'])
  })

  it('keeps the demo logins and numbers exchanges uniquely across a restart, with random ids', async () => {
    if (portal === undefined) throw new Error('not started')
    const create = async () => {
      const cookies = cookiesOf(await signIn(U.frHandler))
      const csrf = cookies.find((c) => c.startsWith('__Host-imi-csrf='))?.split('=')[1] ?? ''
      const r = await post('/api/exchanges', { type: 'request.create', legislativeArea: PQ }, { cookie: cookies.join('; '), 'x-imi-csrf': csrf })
      expect(r.status).toBe(201)
      const { exchangeId } = (await r.json()) as { exchangeId: string }
      const view = await fetch(`${portal?.url}/api/exchanges/${exchangeId}`, { headers: { cookie: cookies.join('; ') } })
      return { exchangeId, number: ((await view.json()) as { number: string }).number }
    }
    const first = await create()
    const logins = portal.logins
    await portal.close()
    portal = await start()
    expect(portal.seeded).toBe(false)
    expect(portal.logins).toEqual(logins)
    const second = await create()
    expect(first.exchangeId).toMatch(/^[0-9a-f-]{36}$/)
    expect(second.exchangeId).not.toBe(first.exchangeId)
    expect(first.number).toMatch(REQUEST_NUMBER_FORMAT)
    expect(second.number).toMatch(REQUEST_NUMBER_FORMAT)
    expect(Number(second.number.split('-').at(-1))).toBe(Number(first.number.split('-').at(-1)) + 1)

    // A seed interrupted before it listed the logins is taken up again: the accounts already set up are kept.
    await portal.close()
    await rm(join(dataDir, LOGINS_FILE))
    portal = await start()
    expect(portal.seeded).toBe(true)
    expect(portal.logins).toEqual(logins)
    expect((await signIn(U.itHandler)).status).toBe(200)
  }, 180_000)
})
