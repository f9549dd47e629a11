import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { createDictionaryTranslator } from '@imi-kit/core'
import type { Actor, UserId } from '@imi-kit/core'
import { U } from '@imi-kit/core/testing'
import { createImiHandler } from '@imi-kit/server-adapter'
import { TEST_USER_HEADER } from '../../../server-adapter/src/testing/test-server.js'
import { axeViolations, launch, screenshot } from '../testing/browser.js'
import type { PageServer } from '../testing/page-server.js'
import { startPageServer } from '../testing/page-server.js'

const DESCRIPTION = 'Instance nationale de l’ordre des médecins : inscription au tableau et déontologie médicale.'

/** A dictionary translator, a real implementation of the port: French into German only. */
const translator = createDictionaryTranslator([{ from: 'fr', to: 'de', entries: { [DESCRIPTION]: 'Nationale Ärztekammer: Eintragung in das Ärzteverzeichnis und ärztliche Berufsethik.' } }])

let server: PageServer
let browser: Browser

beforeAll(async () => {
  // The page server's API, with a translator: the same app, storage and directory as its test server.
  let api: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  server = await startPageServer({ handler: (request) => api(request) })
  const s = server.api
  const authenticate = (request: Request): Actor | null => {
    const user = s.directory.user((request.headers.get(TEST_USER_HEADER) ?? '') as UserId)
    return user === undefined ? null : { kind: 'user', userId: user.id, authorityId: user.authorityId }
  }
  api = createImiHandler({ app: s.app, storage: s.storage, directory: s.directory, clock: s.clock, blobs: s.blobs, authenticate, translator, translationPairs: translator.config.pairs })
  browser = await launch()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()

const searchPage = async (name: string, user: UserId, lang: string): Promise<Page> => {
  const page = await browser.newPage()
  await page.goto(
    server.page(name, `<imi-provider lang="${lang}"><imi-authority-search></imi-authority-search></imi-provider><script type="module">window.imiUseTestUser(${JSON.stringify(user)})</script>`, lang),
  )
  return page
}

describe('<imi-authority-search> informal names and descriptions', () => {
  it('[I18N-AUTHORITY-INFORMAL-NAME] shows an authority’s informal name in the display language', async () => {
    const page = await searchPage('informal-names', U.deHandler, 'de')
    const el = page.locator('imi-authority-search')
    const ordre = el.locator('[part=authority]', { hasText: 'Ordre national des médecins' })
    await expect.poll(() => text(ordre.locator('[part=informal-name]'))).toBe('Inoffizielle Bezeichnung: Nationaler Ärzterat')
    expect(await ordre.locator('[part=informal-name] .value').getAttribute('lang')).toBe('de')
    // In every official language: Hungarian and Maltese too, without falling back to English.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'hu'))
    await expect.poll(() => ordre.locator('[part=informal-name] .value').textContent()).toBe('Országos orvosi tanács')
    expect(await ordre.locator('[part=informal-name] .value').getAttribute('lang')).toBe('hu')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'mt'))
    await expect.poll(() => ordre.locator('[part=informal-name] .value').textContent()).toBe('Kunsill nazzjonali tat-tobba')
    // An authority without one shows none.
    expect(await el.locator('[part=authority]', { hasText: 'Préfecture de Paris' }).locator('[part=informal-name]').count()).toBe(0)
    await page.close()
  })

  it('[I18N-DESCRIPTION-LANGUAGE] [I18N-MT-PAIRS] shows a description in the authority’s own language, and translates it when the pair is offered', async () => {
    const page = await searchPage('descriptions', U.deHandler, 'de')
    const el = page.locator('imi-authority-search')
    const ordre = el.locator('[part=authority]', { hasText: 'Ordre national des médecins' })
    await expect.poll(() => ordre.locator('[part=description] span[lang]').textContent()).toBe(DESCRIPTION)
    expect(await ordre.locator('[part=description] span[lang]').getAttribute('lang')).toBe('fr')
    expect(await text(ordre.locator('[part=description] small'))).toBe('(Verfasst auf Französisch)')
    // fr→de is offered; it→de is not, and a German description needs no translation for a German reader.
    const button = ordre.getByRole('button', { name: 'Beschreibung übersetzen' })
    await expect.poll(() => button.count()).toBe(1)
    expect(await el.locator('[part=authority]', { hasText: 'Ministero della salute' }).locator('[part=description] button').count()).toBe(0)
    expect(await el.locator('[part=authority]', { hasText: 'Ärztekammer Berlin' }).locator('[part=description] button').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await button.click()
    await expect.poll(() => text(ordre.locator('[part=translation]'))).toBe('Maschinelle Übersetzung, ungefähr: Nationale Ärztekammer: Eintragung in das Ärzteverzeichnis und ärztliche Berufsethik.')
    expect(await button.count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-authority-search-translated')
    // In French, the French description is shown as is and nothing is offered.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'fr'))
    await expect.poll(() => text(ordre.locator('[part=description] small'))).toBe('(Rédigé en français)')
    expect(await el.locator('[part=description] button').count()).toBe(0)
    expect(await ordre.locator('[part=translation]').count()).toBe(0)
    await page.close()
  })
})
