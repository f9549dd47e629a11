import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { UserId } from '@imi-kit/core'
import { U, testAlertProcedure, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import { createImiHandler, createImiLogin } from '@imi-kit/server-adapter'
import { axeViolations, launch, screenshot } from '../testing/browser.js'
import type { PageServer } from '../testing/page-server.js'
import { startPageServer } from '../testing/page-server.js'

const SECRET = 'the login secret of the browser test server, 32+ bytes'
const NEW_PASSWORD = 'Correct-H0rse-Battery'
const CODE = 'Kx7#mP2!qR9z'

// A server with the built-in login, at a low scrypt cost so that the test stays fast.
const directory = world()
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
const storage = createMemoryStorage({ clock })
const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation, testAlertProcedure]), storage, clock, ids: sequentialIds('login-browser'), directory })
const login = createImiLogin({ accounts: storage.accounts, sessions: storage.sessions, directory: () => directory, clock, secret: SECRET, config: { scrypt: { N: 2 ** 10, r: 8, p: 1, keyLength: 32 } } })
const handler = createImiHandler({ app, storage, directory, clock, login })

const post = async (path: string, body: unknown): Promise<{ outcome?: string; continuation?: string }> =>
  (await handler(new Request(`http://imi.test/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))).json() as Promise<{ outcome?: string; continuation?: string }>

/** A new account: its username and temporary password. */
const register = async (userId: UserId): Promise<{ username: string; temporary: string }> => {
  const reg = await login.registerAccount({ userId, path: 'additional-user' })
  if (E.isLeft(reg)) throw new Error(reg.left.code)
  return { username: reg.right.username, temporary: reg.right.temporaryPassword?.temporaryPassword.reveal() ?? '' }
}

/** An account whose first login is done: new password and security code set. */
const activeAccount = async (userId: UserId): Promise<string> => {
  const { username, temporary } = await register(userId)
  const first = await post('/login/complete', { username, password: temporary })
  const second = await post('/login/password', { continuation: first.continuation, newPassword: NEW_PASSWORD })
  const third = await post('/login/security-code', { continuation: second.continuation, code: CODE, confirmation: CODE })
  expect(third.outcome).toBe('signed-in')
  return username
}

let server: PageServer
let browser: Browser

beforeAll(async () => {
  server = await startPageServer({ handler })
  browser = await launch()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

// Chromium keeps the session's Secure, __Host- cookies over plain HTTP only for localhost.
const loginPage = (name: string, lang: string): string =>
  server
    .page(
    name,
    `<imi-provider lang="${lang}" api="/api"><imi-login api="/api"></imi-login></imi-provider>
     <script type="module">document.addEventListener('imi-signed-in', (e) => { window.signedIn = e.detail })</script>`,
      lang,
    )
    .replace('//127.0.0.1:', '//localhost:')

/** The text of an element, white space collapsed. */
const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()

const signedIn = (page: Page) => page.evaluate(() => (window as unknown as { signedIn?: { actor: { userId: string }; csrf: string } }).signedIn)

/** The positions the code step asks for, read from the labels of its inputs. */
const askedPositions = async (page: Page): Promise<number[]> =>
  (await page.locator('imi-login .character input').evaluateAll((inputs) => inputs.map((i) => i.id))).map((id) => Number(id.slice(1)))

describe('<imi-login>', () => {
  it('[LOGIN-FIRST-NEW-PASSWORD][LOGIN-FIRST-SECURITY-CODE][LOGIN-PASSWORD-POLICY][I18N-STANDARD-MESSAGES] leads a first login through the new password, with the policy, and the creation of the security code', async () => {
    const { username, temporary } = await register(U.frHandler)
    const page = await browser.newPage()
    await page.goto(loginPage('login-first', 'fr'))
    const el = page.locator('imi-login')
    await expect.poll(() => text(el.locator('h2'))).toBe('Connexion à IMI')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-login-credentials')

    await el.getByLabel('Nom d’utilisateur').fill(username)
    await el.getByLabel('Mot de passe', { exact: true }).fill(temporary)
    await el.getByLabel('Première connexion avec un mot de passe temporaire').check()
    await el.getByRole('button', { name: 'Continuer' }).click()

    // The new password, with the requirements of the policy listed.
    await expect.poll(() => text(el.locator('h2'))).toBe('Choisissez un nouveau mot de passe')
    expect(await el.locator('#rules li').allTextContents()).toEqual(['au moins 8 caractères', 'une lettre minuscule', 'une lettre majuscule', 'un chiffre', 'un caractère spécial'])
    // The focus moved to the new password field.
    expect(await page.evaluate(() => document.querySelector('imi-login')?.shadowRoot?.activeElement?.id)).toBe('new-password')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-login-new-password')

    // Two different entries are caught before any call; a weak password is refused by the server, which lists what it misses.
    await el.getByLabel('Nouveau mot de passe', { exact: true }).fill('weakpass')
    await el.getByLabel('Confirmez le nouveau mot de passe').fill('weakpas')
    await el.getByRole('button', { name: 'Modifier le mot de passe' }).click()
    await expect.poll(() => text(el.locator('[part=message]'))).toContain('Les deux mots de passe sont différents.')
    await el.getByLabel('Confirmez le nouveau mot de passe').fill('weakpass')
    await el.getByRole('button', { name: 'Modifier le mot de passe' }).click()
    await expect.poll(() => el.locator('[part=message] li').allTextContents()).toEqual(['une lettre majuscule', 'un chiffre', 'un caractère spécial'])
    expect(await axeViolations(page)).toEqual([])

    await el.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD)
    await el.getByLabel('Confirmez le nouveau mot de passe').fill(NEW_PASSWORD)
    await el.getByRole('button', { name: 'Modifier le mot de passe' }).click()

    // Then the 12-character security code, created and confirmed.
    await expect.poll(() => text(el.locator('h2'))).toBe('Créez votre code de sécurité')
    expect(await text(el.locator('#code-rules'))).toContain('Exactement 12 caractères')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-login-security-code')
    await el.getByLabel('Code de sécurité', { exact: true }).fill('too-short-1')
    await el.getByLabel('Confirmez le code de sécurité').fill('too-short-1')
    await el.getByRole('button', { name: 'Créer le code et se connecter' }).click()
    await expect.poll(() => text(el.locator('[part=message]'))).toContain('exactement 12 caractères')
    await el.getByLabel('Code de sécurité', { exact: true }).fill(CODE)
    await el.getByLabel('Confirmez le code de sécurité').fill(CODE)
    await el.getByRole('button', { name: 'Créer le code et se connecter' }).click()

    await expect.poll(async () => (await signedIn(page))?.actor.userId).toBe(U.frHandler)
    expect((await signedIn(page))?.csrf).toMatch(/.{16,}/)
    expect(await text(el.locator('[part=message]'))).toBe('Connexion réussie.')
    // The session cookie is set: the API now answers as the user.
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.json() as Promise<{ userId: string }>))).toMatchObject({ userId: U.frHandler })
    await screenshot(page, 'imi-login-signed-in')

    // Sign out ends the session.
    await el.getByRole('button', { name: 'Se déconnecter' }).click()
    await expect.poll(() => text(el.locator('[part=message]'))).toBe('Déconnexion effectuée.')
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401)
    await page.close()
  })

  it('[LOGIN-CHALLENGE-THREE][LOGIN-THREE-CREDENTIALS][I18N-STANDARD-MESSAGES] asks for the three characters at the positions the server drew, keyboard only, and refuses without saying which credential was wrong', async () => {
    const username = await activeAccount(U.deHandler)
    const page = await browser.newPage()
    await page.goto(loginPage('login-challenge', 'de'))
    const el = page.locator('imi-login')
    await expect.poll(() => text(el.locator('h2'))).toBe('Anmeldung bei IMI')

    // Keyboard only: Tab into the username, type, Tab to the password, Enter submits.
    const typeCredentials = async () => {
      await el.getByLabel('Benutzername').fill('')
      await el.getByLabel('Benutzername').focus()
      await page.keyboard.type(username)
      await page.keyboard.press('Tab')
      await page.keyboard.type(NEW_PASSWORD)
      await page.keyboard.press('Enter')
      await expect.poll(() => askedPositions(page)).toHaveLength(3)
      return askedPositions(page)
    }
    const positions = await typeCredentials()
    expect(new Set(positions).size).toBe(3)
    expect(positions.every((p) => p >= 1 && p <= 12)).toBe(true)
    // "Characters n° 3, 7 and 11", each input labelled by its position, the 12 positions shown with the asked ones marked.
    expect(await text(el.locator('#positions'))).toBe(`Geben Sie die Zeichen Nr. ${positions[0]}, ${positions[1]} und ${positions[2]} Ihres Sicherheitscodes ein.`)
    for (const p of positions) expect(await el.getByLabel(`Zeichen Nr. ${p}`, { exact: true }).count()).toBe(1)
    expect(await el.locator('[part=code-map] li').count()).toBe(12)
    expect((await el.locator('[part=code-map] li.asked').allTextContents()).map(Number)).toEqual(positions)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-login-code')

    // The language switches live, the positions kept.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'fr'))
    await expect.poll(() => text(el.locator('#positions'))).toBe(`Saisissez les caractères n° ${positions[0]}, ${positions[1]} et ${positions[2]} de votre code de sécurité.`)
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'en'))
    await expect.poll(() => text(el.locator('#positions'))).toBe(`Enter characters n° ${positions[0]}, ${positions[1]} and ${positions[2]} of your security code.`)
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))

    // Wrong characters: refused with a message that does not say which credential was wrong.
    expect(await page.evaluate(() => document.querySelector('imi-login')?.shadowRoot?.activeElement?.id)).toBe(`c${positions[0]}`)
    await page.keyboard.type('???')
    await page.keyboard.press('Enter')
    await expect.poll(() => text(el.locator('[part=message]'))).toBe('Benutzername, Passwort oder die Zeichen des Sicherheitscodes sind nicht korrekt.')
    expect(await text(el.locator('h2'))).toBe('Anmeldung bei IMI')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-login-refused')
    expect(await signedIn(page)).toBeUndefined()
    // The username is kept; the focus is on the password, to try again.
    expect(await el.getByLabel('Benutzername').inputValue()).toBe(username)
    expect(await page.evaluate(() => document.querySelector('imi-login')?.shadowRoot?.activeElement?.id)).toBe('password')

    // Again, with the right characters typed one after the other (the focus moves on by itself).
    const again = await typeCredentials()
    await page.keyboard.type(again.map((p) => CODE[p - 1] ?? '').join(''))
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await signedIn(page))?.actor.userId).toBe(U.deHandler)
    expect(await text(el.locator('[part=message]'))).toBe('Sie sind angemeldet.')
    await page.close()
  })
})
