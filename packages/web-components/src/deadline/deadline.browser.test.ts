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

const VARIANTS = [
  ['left', '2026-03-12'],
  ['one-left', '2026-03-03'],
  ['today', '2026-03-02'],
  ['one-overdue', '2026-03-01'],
  ['overdue', '2026-02-20'],
] as const

describe('<imi-deadline>', () => {
  it('[I18N-STANDARD-MESSAGES] says how many days are left, that it is due today, or by how much it is overdue, in the display language', async () => {
    const body = `<imi-provider lang="fr"><ul>${VARIANTS.map(([id, date]) => `<li><imi-deadline id="${id}" date="${date}" today="2026-03-02"></imi-deadline></li>`).join('')}<li><imi-deadline id="none" today="2026-03-02"></imi-deadline></li></ul></imi-provider>`
    const page = await browser.newPage()
    await page.goto(server.page('deadline', body, 'fr'))
    const remaining = (id: string) => page.locator(`#${id} [part=remaining]`)
    await expect.poll(() => remaining('left').textContent()).toBe('(10 jours restants)')
    expect(await remaining('one-left').textContent()).toBe('(1 jour restant)')
    expect(await remaining('today').textContent()).toBe('(Échéance aujourd’hui)')
    expect(await remaining('one-overdue').textContent()).toBe('(En retard de 1 jour)')
    expect(await remaining('overdue').textContent()).toBe('(En retard de 10 jours)')
    expect(await page.locator('#none [part=deadline]').textContent()).toBe('Pas de délai')
    expect(await page.locator('#overdue [part=deadline]').getAttribute('data-state')).toBe('overdue')
    expect(await page.locator('#today [part=deadline]').getAttribute('data-state')).toBe('today')
    expect(await page.locator('#left time').getAttribute('datetime')).toBe('2026-03-12')
    expect(await page.locator('#left time').textContent()).toBe('12 mars 2026')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-deadline')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => remaining('left').textContent()).toBe('(Noch 10 Tage)')
    expect(await remaining('overdue').textContent()).toBe('(10 Tage überfällig)')
    await page.close()
  })

  it('counts from the browser’s date when no `today` is given', async () => {
    const page = await browser.newPage()
    await page.goto(server.page('deadline-browser-date', '<imi-deadline id="d"></imi-deadline>'))
    await page.evaluate(() => {
      const d = new Date()
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
      document.querySelector('#d')?.setAttribute('date', today)
    })
    await expect.poll(() => page.locator('#d [part=remaining]').textContent()).toBe('(Due today)')
    await page.close()
  })
})
