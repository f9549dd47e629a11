import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type { UserId } from '@imi-kit/core'
import { A, U } from '@imi-kit/core/testing'
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

/** The text of an element, white space collapsed. */
const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()

const searchPage = async (name: string, user: UserId, lang: string, attributes = ''): Promise<Page> => {
  const page = await browser.newPage()
  await page.goto(
    server.page(
      name,
      `<imi-provider lang="${lang}"><imi-authority-search ${attributes}></imi-authority-search></imi-provider>
       <script type="module">window.imiUseTestUser(${JSON.stringify(user)}); window.chosen = []; document.addEventListener('imi-authority-selected', (e) => window.chosen.push(e.detail.authority.id))</script>`,
      lang,
    ),
  )
  return page
}

const names = (page: Page) => page.locator('imi-authority-search [part=authority] label.name').allTextContents()
const chosen = (page: Page) => page.evaluate(() => (window as unknown as { chosen: string[] }).chosen)

describe('<imi-authority-search>', () => {
  it('[I18N-SHOW-SPOKEN][I18N-LANGUAGES-SPOKEN][SRCH-AUTH-EXACT-TERMS][I18N-STANDARD-MESSAGES] searches the directory, matches names as typed, and shows the languages the chosen authority speaks', async () => {
    const page = await searchPage('authorities', U.frHandler, 'fr')
    const el = page.locator('imi-authority-search')
    await expect.poll(() => text(el.locator('.count'))).toBe('10 autorités trouvées')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-authority-search')

    // Names match as typed: without its accent, "prefecture" does not find «Préfecture».
    const search = el.getByRole('button', { name: 'Rechercher' })
    await el.getByLabel('Nom de l’autorité').fill('prefecture')
    await search.click()
    await expect.poll(() => text(el.locator('.count'))).toBe('Aucune autorité ne correspond à ces critères.')
    await el.getByLabel('Nom de l’autorité').fill('Préfecture')
    await el.getByLabel('Nom de l’autorité').press('Enter')
    await expect.poll(() => names(page)).toEqual(['Préfecture de Paris'])
    expect(await text(el.locator('.count'))).toBe('1 autorité trouvée')

    // By member state and workflow: the German authorities in the alert workflow, the mailbox marked.
    await el.getByLabel('Nom de l’autorité').fill('')
    await el.getByLabel('État membre').selectOption('DE')
    await el.getByLabel('Flux de travail').selectOption('alert')
    await search.click()
    await expect.poll(() => names(page)).toHaveLength(4)
    expect(await names(page)).toEqual(expect.arrayContaining(['Ärztekammer Berlin', 'Bundesministerium für Wirtschaft (NIMIC)', 'Landesministerium Baden-Württemberg (DIMIC)', 'Regierungspräsidium Stuttgart']))
    const mailbox = el.locator('[part=authority]', { hasText: 'Bundesministerium' })
    expect(await text(mailbox.locator('.areas'))).toBe('Services — Coordonnateur IMI national (NIMIC) · Coordonnateur des demandes · Coordonnateur des alertes · Boîte de réception des alertes')

    // Choosing from the keyboard fires the event and shows the languages spoken, with the advice to write in one of them.
    const berlin = el.locator('[part=authority]', { hasText: 'Ärztekammer Berlin' })
    await berlin.locator('input[type=radio]').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => chosen(page)).toEqual([A.deCa])
    expect(await el.getAttribute('selected')).toBe(A.deCa)
    expect(await text(berlin.locator('[part=languages]'))).toBe('Langues parlées : allemand, anglais')
    expect(await text(berlin.locator('.advice'))).toBe('Rédigez si possible le texte libre dans l’une de ces langues, en phrases courtes et claires.')
    // Every language an authority declares is shown: Stuttgart speaks only German.
    expect(await text(el.locator('[part=authority]', { hasText: 'Stuttgart' }).locator('[part=languages]'))).toBe('Langues parlées : allemand')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-authority-search-selected')
    // Arrow keys move the choice among the results.
    const order = await names(page)
    await page.keyboard.press('ArrowDown')
    await expect.poll(async () => (await chosen(page)).length).toBe(2)
    expect(await text(el.locator('[part=authority].chosen label.name'))).toBe(order[order.indexOf('Ärztekammer Berlin') + 1])

    // The language switches live.
    await berlin.locator('input[type=radio]').check()
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => text(berlin.locator('[part=languages]'))).toBe('Gesprochene Sprachen: Deutsch, Englisch')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'en'))
    await expect.poll(() => text(berlin.locator('[part=languages]'))).toBe('Languages spoken: German, English')
    expect(await text(el.locator('h2'))).toBe('Find a competent authority')
    await page.close()
  })

  it('starts from the criteria a form gives it: the Italian authorities of Professional Qualifications in the request workflow', async () => {
    const page = await searchPage('authorities-preset', U.frHandler, 'de', 'member-state="IT" legislative-area="professional-qualifications" workflow="request"')
    const el = page.locator('imi-authority-search')
    await expect.poll(() => names(page)).toEqual(['Dipartimento per le politiche europee (NIMIC)', 'Ministero della salute'])
    expect(await el.getByLabel('Mitgliedstaat').inputValue()).toBe('IT')
    expect(await el.getByLabel('Arbeitsablauf').inputValue()).toBe('request')
    expect(await text(el.locator('[part=authority]', { hasText: 'Ministero' }).locator('.areas'))).toBe('Berufsqualifikationen — Zuständige Behörde · Ersuchensbehörde')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-authority-search-preset')
    await page.close()
  })
})
