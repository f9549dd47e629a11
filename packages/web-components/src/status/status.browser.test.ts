import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
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

describe('<imi-status>', () => {
  it('[I18N-STANDARD-MESSAGES] shows the viewer’s status in the provider’s language and switches live', async () => {
    const url = server.page(
      'status',
      `<imi-provider lang="fr"><p><imi-status status="awaiting-acceptance"></imi-status> <imi-status procedure="alert" status="awaiting-acknowledgement"></imi-status> <imi-status status="closed"></imi-status></p></imi-provider>`,
      'fr',
    )
    const page = await browser.newPage()
    await page.goto(url)
    const first = page.locator('imi-status').first().locator('[part=status]')
    await expect.poll(() => first.textContent()).toBe('En attente d\'acceptation')
    expect(await page.locator('imi-status').nth(1).locator('[part=status]').textContent()).toBe("Alerte en attente d'accusé de réception")
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-status')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => first.textContent()).toBe('Wartet auf Annahme')
    // A language without translations falls back visibly to English, marked with the language shown.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'hu'))
    await expect.poll(() => first.textContent()).toBe('Awaiting acceptance')
    expect(await first.locator('span[lang="en"].fallback').count()).toBe(1)
    await page.close()
  })
})
