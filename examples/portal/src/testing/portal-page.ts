/**
 * Driving the portal page as a person would: signing in through `<imi-login>` (username, password,
 * then the three characters of the security code at the positions asked), opening exchanges, using
 * the toolbar of `<imi-exchange>`.
 *
 * @module
 */
import { expect } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { Portal } from '../portal.js'

/** A signed-in user's browser: its own context, so its own cookies. */
export interface UserPage {
  readonly context: BrowserContext
  readonly page: Page
  close(): Promise<void>
}

/** The demo login of a fixture user. */
export const demoLogin = (portal: Portal, userId: string) => {
  const login = portal.logins.find((l) => l.userId === userId)
  if (login === undefined) throw new Error(`no demo login for ${userId}`)
  return login
}

/** Fills the login form shown on `page` with a user's demo login, and waits until the page knows them. */
export const fillLogin = async (portal: Portal, page: Page, userId: string): Promise<void> => {
  const login = demoLogin(portal, userId)
  const form = page.locator('imi-login')
  await form.locator('#username').fill(login.username)
  await form.locator('#password').fill(login.password)
  await form.locator('button[type=submit]').click()
  // The server asks for three characters of the security code, by position ("n° 3, 7 and 11").
  const characters = form.locator('.character input')
  await expect.poll(() => characters.count()).toBe(3)
  for (let i = 0; i < 3; i++) {
    const input = characters.nth(i)
    const position = Number((await input.getAttribute('name'))?.slice(1))
    await input.fill([...login.securityCode][position - 1] ?? '')
  }
  await form.locator('button[type=submit]').click()
  await expect.poll(() => page.locator('#user').textContent()).toContain(login.name)
}

/** Signs a user in on `page` through the login form, and waits for the dashboard. */
export const signIn = async (portal: Portal, page: Page, userId: string): Promise<void> => {
  await page.goto(`${portal.url}/#/login`)
  await fillLogin(portal, page, userId)
  await expect.poll(() => page.locator('main imi-dashboard').count()).toBe(1)
}

/** A new browser context, as a new person at their own computer. */
export const newUserPage = async (browser: Browser, lang = 'en'): Promise<UserPage> => {
  // The date fields take the browser's locale; en-US reads month/day/year.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.addInitScript(`localStorage.setItem('imi-portal-language', ${JSON.stringify(lang)})`)
  return { context, page, close: () => context.close() }
}

/** Opens a new browser context for a user and signs them in. */
export const openAs = async (browser: Browser, portal: Portal, userId: string, lang = 'en'): Promise<UserPage> => {
  const user = await newUserPage(browser, lang)
  await signIn(portal, user.page, userId)
  return user
}

/** The exchange element of the page. */
export const exchangeOf = (page: Page): Locator => page.locator('main imi-exchange')

/** Opens an exchange by its route and waits for its header. */
export const openExchange = async (portal: Portal, page: Page, exchangeId: string): Promise<Locator> => {
  const url = `${portal.url}/#/exchanges/${encodeURIComponent(exchangeId)}`
  // A new hash only changes the route; the same one loads the page again, for a fresh view.
  if (page.url() === url) await page.reload()
  else await page.goto(url)
  const exchange = exchangeOf(page)
  await exchange.locator('[part=header] h2').waitFor()
  return exchange
}

/** The status in the exchange's header, as the viewer sees it. */
export const statusOf = (exchange: Locator): Promise<string | null> => exchange.locator('[part=header] imi-status [part=status]').textContent()

/** The action ids of the exchange's toolbar, in order. */
export const toolbarOf = async (exchange: Locator): Promise<ReadonlyArray<string>> => {
  const buttons = exchange.locator('[part=toolbar] button[data-action]')
  const out: string[] = []
  for (let i = 0; i < (await buttons.count()); i++) out.push((await buttons.nth(i).getAttribute('data-action')) ?? '')
  return out
}

/** The exchange's own action dialog (the alert panels inside have theirs). */
export const dialogOf = (exchange: Locator): Locator => exchange.locator('[part=exchange] > dialog[part=dialog]')

/** Clicks an action of the toolbar once it is there. */
export const clickAction = async (exchange: Locator, action: string): Promise<void> => {
  const button = exchange.locator(`[part=toolbar] button[data-action="${action}"]`)
  await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1)
  await button.click()
}

/** Runs an action of the toolbar that opens a dialog: `fill` fills it, then it is confirmed. */
export const runDialogAction = async (exchange: Locator, action: string, fill: (dialog: Locator) => Promise<void> = async () => undefined): Promise<void> => {
  await clickAction(exchange, action)
  const dialog = dialogOf(exchange)
  await expect.poll(() => dialog.getAttribute('open')).not.toBeNull()
  await fill(dialog)
  await dialog.locator('[part=confirm]').click()
  await expect.poll(() => dialog.getAttribute('open')).toBeNull()
}
