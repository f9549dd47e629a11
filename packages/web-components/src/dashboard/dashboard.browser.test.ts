import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type { ExchangeId, UserId } from '@imi-kit/core'
import { A, U, alertDraft, pqDraft } from '@imi-kit/core/testing'
import { axeViolations, launch, screenshot } from '../testing/browser.js'
import type { PageServer } from '../testing/page-server.js'
import { startPageServer } from '../testing/page-server.js'

let server: PageServer
let browser: Browser
const ids: Record<'draft' | 'sent' | 'accepted' | 'alert', ExchangeId> = {} as Record<'draft' | 'sent' | 'accepted' | 'alert', ExchangeId>
const numbers: Record<string, string> = {}

const run = async (user: UserId, command: Record<string, unknown>): Promise<ExchangeId> => {
  const r = await server.api.client(user).execute(command)
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right.exchangeId
}

const numberOf = async (id: ExchangeId): Promise<string> => {
  const v = await server.api.client(U.frHandler).view(id)
  if (E.isRight(v)) return v.right.number
  const a = await server.api.client(U.frAlertHandler).view(id)
  if (E.isRight(a)) return a.right.number
  throw new Error('no view')
}

beforeAll(async () => {
  server = await startPageServer()
  browser = await launch()
  // A French draft; a request sent to the German authority; another one it accepted; an alert broadcast to Germany and Italy.
  ids.draft = await run(U.frHandler, pqDraft({ caseData: { name: 'Jean Dupont', profession: 'Infirmier' } }))
  ids.sent = await run(U.frHandler, pqDraft())
  await run(U.frHandler, { type: 'request.send', exchangeId: ids.sent })
  ids.accepted = await run(U.frHandler, pqDraft({ deadline: '2026-03-20' }))
  await run(U.frHandler, { type: 'request.send', exchangeId: ids.accepted })
  await run(U.deHandler, { type: 'request.accept', exchangeId: ids.accepted })
  ids.alert = await run(U.frAlertHandler, alertDraft())
  await run(U.frAlertHandler, { type: 'alert.submit', exchangeId: ids.alert })
  await run(U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: ids.alert })
  await run(U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: ids.alert })
  for (const [k, id] of Object.entries(ids)) numbers[k] = await numberOf(id)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The text of an element, white space collapsed. */
const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()

// The test server's clock stands at 2 March 2026: "recently" counts back from there.
const NOW = '2026-03-02T09:00:00Z'

const dashboardPage = async (name: string, user: UserId, lang: string, attributes = ''): Promise<Page> => {
  const page = await browser.newPage()
  await page.goto(
    server.page(
      name,
      `<imi-provider lang="${lang}"><imi-dashboard now="${NOW}" href="/exchange.html?id={id}" ${attributes}></imi-dashboard></imi-provider>
       <script type="module">window.imiUseTestUser(${JSON.stringify(user)}); document.addEventListener('imi-open', (e) => { e.preventDefault(); window.opened = e.detail })</script>`,
      lang,
    ),
  )
  return page
}

const counts = async (page: Page): Promise<Record<string, string>> =>
  Object.fromEntries(
    await page.locator('imi-dashboard [part=group]').evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('data-group') ?? '', b.querySelector('[part=count]')?.textContent?.trim() ?? ''])),
  )

const listed = (page: Page) => page.locator('imi-dashboard [part=item] [part=link]').allTextContents()

describe('<imi-dashboard>', () => {
  it('[REQ-ACTION-LIST-USER][I18N-STANDARD-MESSAGES] shows the counts of the responding handler and the list behind each, with the status it sees, keyboard-operable, in its language', async () => {
    const page = await dashboardPage('dashboard-de', U.deHandler, 'de', `authority="${A.deCa}"`)
    const el = page.locator('imi-dashboard')
    await expect.poll(() => counts(page)).toEqual({ 'action-list': '2', drafts: '0', received: '2', updated: '2', 'to-accept': '1', 'to-answer': '1' })
    // The action list: the two requests waiting for this handler, each with the status it sees.
    await expect.poll(() => listed(page)).toEqual(expect.arrayContaining([numbers.sent, numbers.accepted]))
    expect(await listed(page)).toHaveLength(2)
    expect(await text(el.locator('[part=item]', { hasText: numbers.sent ?? '' }).locator('imi-status [part=status]'))).toBe('Wartet auf Annahme')
    expect(await text(el.locator('h3'))).toBe('Warten auf meine Bearbeitung')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-dashboard-action-list')

    // Keyboard: Tab moves through the groups, Enter shows one.
    await el.locator('[data-group=drafts]').focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await el.locator('[data-group=to-accept]').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => listed(page)).toEqual([numbers.sent])
    expect(await text(el.locator('h3'))).toBe('Anzunehmende Ersuchen')
    await el.locator('[data-group=to-answer]').click()
    await expect.poll(() => listed(page)).toEqual([numbers.accepted])
    expect(await text(el.locator('[part=item]').first())).toContain('Frist: 20.03.2026')
    // Received in the last 15 days: only what is addressed to this authority, not the alert (counted nowhere here).
    await el.locator('[data-group=received]').click()
    await expect.poll(async () => (await listed(page)).sort()).toEqual([numbers.sent, numbers.accepted].sort())
    expect(await text(el.locator('h3'))).toBe('Kürzlich eingegangen in den letzten 15 Tagen')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-dashboard-received')

    // A link names the exchange and fires imi-open; the page routes it itself here.
    const link = el.locator('[part=link]').first()
    expect(await link.getAttribute('href')).toMatch(/^\/exchange\.html\?id=/)
    await link.focus()
    await page.keyboard.press('Enter')
    const opened = await page.evaluate(() => (window as unknown as { opened?: { exchangeId: string; number: string } }).opened)
    expect([ids.sent, ids.accepted]).toContain(opened?.exchangeId)
    expect(page.url()).toContain('/pages/dashboard-de')

    // The language switches live: French, then English.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'fr'))
    await expect.poll(() => text(el.locator('h3'))).toBe('Reçus récemment au cours des 15 derniers jours')
    expect(await text(el.locator('[data-group=to-accept] .label'))).toBe('Demandes à accepter')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'en'))
    await expect.poll(() => text(el.locator('[data-group=to-answer] .label'))).toBe('Requests to be answered')
    await page.close()
  })

  it('learns the user\'s authority from client.me() when the page gives none: the requester\'s own sent requests are not "received"', async () => {
    const page = await dashboardPage('dashboard-me', U.frHandler, 'en')
    const signedIn = () => page.evaluate(() => JSON.stringify((document.querySelector('imi-provider') as unknown as { signedIn?: unknown }).signedIn ?? null))
    await expect.poll(signedIn).toContain(`"authorityId":"${A.frCa}"`)
    expect(JSON.parse(await signedIn())).toMatchObject({ kind: 'user', userId: U.frHandler, memberState: 'FR' })
    const el = page.locator('imi-dashboard')
    // Updated lately: everything the French handler sees; received: nothing, as it sent both requests.
    await el.locator('[data-group=updated]').click()
    await expect.poll(async () => (await listed(page)).length).toBeGreaterThan(0)
    await el.locator('[data-group=received]').click()
    await expect.poll(() => el.locator('h3').textContent()).toContain('Recently received')
    await expect.poll(() => listed(page)).toEqual([])
    await page.close()
  })

  it('[REQ-ACTION-LIST-DRAFTS] lists the drafts of the requesting authority in its action list and its drafts group', async () => {
    const page = await dashboardPage('dashboard-fr', U.frHandler, 'fr', `authority="${A.frCa}" group="drafts"`)
    const el = page.locator('imi-dashboard')
    await expect.poll(() => counts(page)).toMatchObject({ drafts: '1', updated: '3', 'to-accept': '0', 'to-answer': '0' })
    await expect.poll(() => listed(page)).toEqual([numbers.draft])
    expect(await text(el.locator('[part=item] imi-status [part=status]'))).toBe('Projet')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-dashboard-drafts')
    // The action list holds the draft too.
    await el.locator('[data-group=action-list]').click()
    await expect.poll(() => listed(page)).toContain(numbers.draft)
    // Updated recently: every exchange it lists, the draft and both sent requests.
    await el.locator('[data-group=updated]').click()
    await expect.poll(async () => (await listed(page)).sort()).toEqual([numbers.draft, numbers.sent, numbers.accepted].sort())
    await page.close()
  })

  it('covers alerts: the mailbox broadcaster sees the alert awaiting its acknowledgement, as it alone sees it', async () => {
    const page = await dashboardPage('dashboard-alert', U.deNimicBroadcaster, 'fr', `authority="${A.deNimic}"`)
    const el = page.locator('imi-dashboard')
    await expect.poll(() => listed(page)).toEqual([numbers.alert])
    expect(await text(el.locator('[part=item] imi-status [part=status]'))).toBe("Alerte en attente d'accusé de réception")
    expect(await text(el.locator('[part=item] .procedure'))).toBe('Alerte (services)')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-dashboard-alert')
    // Updated recently shows it too, with the status of this mailbox.
    await el.locator('[data-group=updated]').click()
    await expect.poll(() => listed(page)).toEqual([numbers.alert])
    expect(await text(el.locator('[part=item] imi-status [part=status]'))).toBe("Alerte en attente d'accusé de réception")
    // The French alert handler, who launched it, sees it as broadcast.
    const other = await dashboardPage('dashboard-alert-fr', U.frAlertHandler, 'fr', `group="updated"`)
    await expect.poll(() => other.locator('imi-dashboard [part=item] [part=link]').allTextContents()).toEqual([numbers.alert])
    expect(await text(other.locator('imi-dashboard [part=item] imi-status [part=status]'))).toBe('Alerte diffusée')
    await other.close()
    await page.close()
  })
})
