import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser } from 'playwright-core'
import type { DomainError, ExchangeId, HistoryEntry, UserId } from '@imi-kit/core'
import { A, U, pqDraft } from '@imi-kit/core/testing'
import { axeViolations, launch, screenshot } from '../testing/browser.js'
import type { PageServer } from '../testing/page-server.js'
import { startPageServer } from '../testing/page-server.js'

let server: PageServer
let browser: Browser

beforeAll(async () => {
  server = await startPageServer()
  browser = await launch()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const ok = <A>(r: E.Either<DomainError, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right
}

const run = async (user: UserId, command: Record<string, unknown>): Promise<ExchangeId> => ok(await server.api.client(user).execute(command)).exchangeId

describe('<imi-history>', () => {
  it('[I18N-FREE-TEXT-TAGGED] loads the history of an exchange: date, action, statuses before and after, actor, and a justification in its language', async () => {
    const id = await run(U.frHandler, pqDraft())
    await run(U.frHandler, { type: 'request.send', exchangeId: id })
    await run(U.deHandler, { type: 'request.accept', exchangeId: id })
    await run(U.deHandler, { type: 'request.split', exchangeId: id, to: A.deCa2, justification: { text: 'Teilweise zuständig.', language: 'de' }, questions: ['pq.establishment.suspension'], attachments: [] })
    const page = await browser.newPage()
    await page.goto(server.page('history', `<imi-provider lang="en"><imi-history exchange-id="${id}"></imi-history></imi-provider>`))
    await page.evaluate((u) => window.imiUseTestUser(u), U.frHandler)
    const rows = page.locator('imi-history [part=entry]')
    await expect.poll(() => rows.count()).toBe(4)
    expect(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-action')))).toEqual(['request.created', 'request.sent', 'request.accepted', 'request.split'])
    const cells = (i: number) => rows.nth(i).locator('td').allTextContents()
    const sent = (await cells(1)).map((c) => c.trim().replace(/\s+/g, ' '))
    expect(sent.slice(1)).toEqual(['Sent', 'Draft', 'Awaiting acceptance', 'fr-ca-handler (Ordre national des médecins)'])
    const split = rows.nth(3)
    expect(await split.locator('[part=free-text]').getAttribute('lang')).toBe('de')
    expect(await split.locator('[part=language]').textContent()).toBe('(Written in German)')
    expect(await page.locator('imi-history caption').textContent()).toContain('History')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-history')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'fr'))
    await expect.poll(() => rows.nth(1).locator('td').nth(1).textContent()).toContain('Envoyée')
    await page.close()
  })

  it('[RET-EARLY-REMOVAL] shows entries given to it, with the statuses of their procedure, the system as actor, and who asked for an early removal', async () => {
    const entries: ReadonlyArray<HistoryEntry> = [
      { at: '2026-03-02T09:00:00Z', action: 'alert.broadcast', actor: { kind: 'user', userId: U.frNimicBroadcaster, authorityId: A.frNimic }, from: 'awaiting-broadcast', to: 'broadcast' },
      { at: '2026-03-12T09:00:00Z', action: 'alert.comment-period-ended', actor: { kind: 'system' }, from: 'closure-open-for-comments', to: 'closure-awaiting-broadcast' },
      { at: '2026-09-12T09:00:00Z', action: 'alert.personal-data-erased', actor: { kind: 'system' }, from: 'closed', to: 'closed', justification: { text: 'Ordonnance du tribunal, réf. 2026-77.', language: 'fr' }, requestedBy: 'court' },
    ]
    const page = await browser.newPage()
    await page.goto(server.page('history-entries', '<imi-provider lang="de"><imi-history procedure="services.alert"></imi-history></imi-provider><imi-history id="empty" procedure="alert"></imi-history>', 'de'))
    await page.evaluate((e) => {
      const [history, empty] = [...document.querySelectorAll('imi-history')] as Array<HTMLElement & { entries: unknown }>
      if (history !== undefined) history.entries = e
      if (empty !== undefined) empty.entries = []
    }, entries)
    const rows = page.locator('imi-history [part=entry]')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toContain('Verbreitet')
    const removal = rows.nth(2).locator('td').nth(1)
    await expect.poll(() => removal.textContent()).toContain('Beantragt von: Ein Gericht')
    expect(await removal.locator('[part=free-text]').getAttribute('lang')).toBe('fr')
    expect(await rows.nth(0).locator('td').nth(3).textContent()).toContain('Warnung verbreitet')
    expect(await rows.nth(1).locator('td').nth(4).textContent()).toContain('System')
    expect(await page.locator('#empty [part=empty]').textContent()).toBe('No history yet.')
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})
