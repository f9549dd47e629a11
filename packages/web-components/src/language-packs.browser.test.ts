import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { axeViolations, launch, screenshot } from './testing/browser.js'

// The published browser bundle exactly as a portal serves it: English only, with the packs beside it.
type Assets = { readonly code: Uint8Array; readonly packs: Readonly<Record<string, Uint8Array>> }
const script = new URL('../scripts/bundle.mjs', import.meta.url)

let assets: Assets
let server: Server
let url: string
let browser: Browser
/** The pack requests the server saw, by path. */
const requested: Array<string> = []
/** A pack held back until the test releases it, to see the page before it arrives. */
let held: { readonly path: string; release: () => void } | undefined

const PAGE = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Language packs</title><script type="module" src="/imi-kit.bundle.js"></script></head><body><main>${body}</main></body></html>`
const ELEMENTS = '<imi-status status="closed"></imi-status><imi-request-form></imi-request-form>'

beforeAll(async () => {
  const { buildBrowserAssets } = (await import(script.href)) as { buildBrowserAssets(o: { write: false }): Promise<Assets> }
  assets = await buildBrowserAssets({ write: false })
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === '/imi-kit.bundle.js') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(assets.code)
    if (path === '/pages/default') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(`<imi-provider lang="en" api="/api">${ELEMENTS}</imi-provider>`))
    // The packs elsewhere than beside the bundle, named by the provider's labels-base.
    if (path === '/pages/elsewhere')
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(`<imi-provider lang="en" api="/api" labels-base="/static/packs/">${ELEMENTS}</imi-provider>`))
    const pack = /^\/(?:i18n|static\/packs)\/([a-z]{2})\.json$/.exec(path)?.[1]
    // Only French is hosted: the German pack is missing, as on a portal that forgot to copy it.
    if (pack === 'fr' && assets.packs.fr !== undefined) {
      requested.push(path)
      const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(assets.packs.fr)
      if (held?.path === path) held.release = send
      else send()
      return
    }
    if (pack !== undefined) requested.push(path)
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launch()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
})

const status = (page: Page) => page.locator('imi-status [part=status]')
const areaOption = (page: Page) => page.locator('imi-request-form select#area option').nth(1)
const setLang = (page: Page, lang: string) => page.evaluate((l) => document.querySelector('imi-provider')?.setAttribute('lang', l), lang)

/** A page whose uncaught errors are collected. */
const open = async (path: string): Promise<{ page: Page; errors: Array<string> }> => {
  const page = await browser.newPage()
  const errors: Array<string> = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${url}${path}`)
  await expect.poll(() => status(page).textContent()).toBe('Closed')
  return { page, errors }
}

describe('language packs of the browser bundle', () => {
  it('builds one pack per complete language but English, with every label and the data texts', () => {
    expect(Object.keys(assets.packs).sort()).toEqual(['de', 'fr'])
    const fr = JSON.parse(new TextDecoder().decode(assets.packs.fr)) as { language: string; labels: Record<string, string>; texts: Record<string, string> }
    expect(fr.language).toBe('fr')
    expect(fr.labels['status.request.closed']).toBe('Clôturée')
    expect(fr.texts['Professional Qualifications']).toBe('Qualifications professionnelles')
    // The bundle itself carries English only.
    const code = new TextDecoder().decode(assets.code)
    expect(code).toContain('Awaiting acceptance')
    expect(code).not.toContain('Clôturée')
    expect(code).not.toContain('Qualifications professionnelles')
  })

  it('[I18N-STANDARD-MESSAGES] switching to French fetches the French pack once and shows French; English, marked, until it arrives', async () => {
    requested.length = 0
    const { page, errors } = await open('/pages/default')
    expect(requested).toEqual([])
    held = { path: '/i18n/fr.json', release: () => undefined }
    const response = page.waitForResponse((r) => r.url().endsWith('/i18n/fr.json'))
    await setLang(page, 'fr')
    // Until the pack has arrived the labels are English, marked as English: never blank.
    await expect.poll(() => requested).toEqual(['/i18n/fr.json'])
    expect(await status(page).textContent()).toBe('Closed')
    expect(await status(page).locator('span.fallback[lang="en"]').count()).toBe(1)
    held.release()
    held = undefined
    expect((await response).status()).toBe(200)
    await expect.poll(() => status(page).textContent()).toBe('Clôturée')
    expect(await status(page).locator('span.fallback').count()).toBe(0)
    // The data's pre-translated texts come with the pack too (I18N-QSETS-ALL-LANGUAGES).
    await expect.poll(() => areaOption(page).textContent()).toBe('Qualifications professionnelles')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'language-pack-fr')
    // Back to English and to French again: the pack is registered, no second fetch.
    await setLang(page, 'en')
    await expect.poll(() => status(page).textContent()).toBe('Closed')
    await setLang(page, 'fr')
    await expect.poll(() => status(page).textContent()).toBe('Clôturée')
    expect(requested).toEqual(['/i18n/fr.json'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('[I18N-STANDARD-MESSAGES] a pack that cannot be loaded keeps the English fallback, marked lang="en", and throws nothing', async () => {
    requested.length = 0
    const { page, errors } = await open('/pages/default')
    await setLang(page, 'de')
    await expect.poll(() => requested).toEqual(['/i18n/de.json'])
    // The failed load is over: the labels stay English, marked as such.
    await page.waitForLoadState('networkidle')
    expect(await status(page).textContent()).toBe('Closed')
    expect(await status(page).locator('span.fallback[lang="en"]').count()).toBe(1)
    expect(await areaOption(page).textContent()).toBe('Professional Qualifications')
    expect(await axeViolations(page)).toEqual([])
    // A language without a pack (not complete yet) is never fetched.
    await setLang(page, 'hu')
    await expect.poll(() => status(page).locator('span.fallback[lang="en"]').count()).toBe(1)
    expect(requested).toEqual(['/i18n/de.json'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('[I18N-STANDARD-MESSAGES] fetches the packs from the labels-base of <imi-provider>', async () => {
    requested.length = 0
    const { page, errors } = await open('/pages/elsewhere')
    await setLang(page, 'fr')
    await expect.poll(() => status(page).textContent()).toBe('Clôturée')
    expect(requested).toEqual(['/static/packs/fr.json'])
    expect(errors).toEqual([])
    await page.close()
  })
})
