/**
 * The React, Vue and Angular code of the web-components guide, bundled with esbuild and run in real
 * Chromium against the real API (memory storage): each framework sets the provider's `client`
 * property and its `lang`, and handles `imi-open` in its own state.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type { ExchangeId, UserId } from '@imi-kit/core'
import { U, pqDraft } from '@imi-kit/core/testing'
import { axeViolations, launch, screenshot } from '../../../packages/web-components/src/testing/browser.js'
import type { PageServer } from '../../../packages/web-components/src/testing/page-server.js'
import { startPageServer } from '../../../packages/web-components/src/testing/page-server.js'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

type Framework = 'react' | 'vue' | 'angular'

/**
 * Bundles a framework's file, as the guide prints it, with an entry that mounts it on the page with
 * a client acting as `user`. Vue's full build compiles the template in the browser.
 */
const bundle = async (framework: Framework, user: UserId): Promise<string> => {
  const client = `testClient(${JSON.stringify(user)})`
  const entries: Record<Framework, string> = {
    react: `import { mountInbox } from './react.js'\nimport { testClient } from './test-client.js'\nmountInbox(document.querySelector('#app')!, ${client})`,
    vue: `import { mountExchanges } from './vue.js'\nimport { testClient } from './test-client.js'\nmountExchanges(document.querySelector('#app')!, ${client})`,
    angular: `import { mountInbox } from './angular.js'\nimport { testClient } from './test-client.js'\nmountInbox(${client}).catch((e: unknown) => console.error(e))`,
  }
  const result = await build({
    stdin: { contents: entries[framework], resolveDir: here('.'), sourcefile: `${framework}-entry.ts`, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: false,
    // JSX, decorators and the workspace sources (paths) come from the package's tsconfig.
    tsconfig: here('../tsconfig.json'),
    // Vue's full build, with the template compiler; an alias resolves from the working directory.
    absWorkingDir: here('..'),
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

let server: PageServer
let browser: Browser
const ids = {} as Record<'draft' | 'sent', ExchangeId>
const numbers = {} as Record<'draft' | 'sent', string>

const run = async (user: UserId, command: Record<string, unknown>): Promise<ExchangeId> => {
  const r = await server.api.client(user).execute(command)
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right.exchangeId
}

beforeAll(async () => {
  server = await startPageServer()
  browser = await launch()
  // The French handler's draft, and a request it sent to the German authority.
  ids.draft = await run(U.frHandler, pqDraft())
  ids.sent = await run(U.frHandler, pqDraft())
  await run(U.frHandler, { type: 'request.send', exchangeId: ids.sent })
  for (const k of ['draft', 'sent'] as const) {
    const v = await server.api.client(U.frHandler).view(ids[k])
    if (E.isLeft(v)) throw new Error(v.left.code)
    numbers[k] = v.right.number
  }
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The errors the page reported: uncaught exceptions and `console.error`. */
const errorsOf = new WeakMap<Page, Array<string>>()

/**
 * Opens `/frameworks/{framework}` on the page server's origin (so that `/api` is the real API): a page
 * with `host` in its body and the framework's bundle, and nothing else (not the elements' test bundle).
 */
const open = async (framework: Framework, user: UserId, host: string): Promise<Page> => {
  const code = await bundle(framework, user)
  const page = await browser.newPage()
  const errors: Array<string> = []
  errorsOf.set(page, errors)
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  const base = `${server.url}/frameworks/${framework}`
  await page.route(`${base}.js`, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: code }))
  await page.route(base, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${framework}</title><script type="module" src="/frameworks/${framework}.js"></script></head><body><main>${host}</main></body></html>`,
    }),
  )
  await page.goto(base)
  return page
}

// The framework starts (Angular compiles its template first), then the elements load from the API.
const FIRST_RENDER = 10_000

/** The text of an element, white space collapsed. */
const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** The state the framework rendered after `imi-open` (its own paragraph, not an element's inside a shadow root). */
const status = (page: Page) => text(page.locator('#app > p[role=status], app-inbox > p[role=status]'))

const counts = async (page: Page): Promise<Record<string, string>> =>
  Object.fromEntries(
    await page.locator('imi-dashboard [part=group]').evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('data-group') ?? '', b.querySelector('[part=count]')?.textContent?.trim() ?? ''])),
  )

const groupLabel = (page: Page, group: string) => text(page.locator(`imi-dashboard [data-group=${group}] .label`))

describe('the guide’s framework code in Chromium', () => {
  it('[I18N-STANDARD-MESSAGES] React 19: sets client and lang as properties of <imi-provider>, and routes imi-open through its state', async () => {
    const page = await open('react', U.deHandler, '<div id="app"></div>')
    // Real data from the API: the German handler has the request sent to it to accept.
    await expect.poll(() => counts(page), { timeout: FIRST_RENDER }).toMatchObject({ 'action-list': '1', 'to-accept': '1', drafts: '0' })
    expect(await page.locator('imi-dashboard [part=item] [part=link]').allTextContents()).toEqual([numbers.sent])
    // The language React set: French.
    expect(await groupLabel(page, 'to-accept')).toBe('Demandes à accepter')
    expect(await page.locator('imi-provider').getAttribute('lang')).toBe('fr')
    expect(await status(page)).toBe('No exchange opened')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'frameworks-react')

    // Clicking the entry: React's handler cancels the navigation and keeps the exchange in its state.
    await page.locator('imi-dashboard [part=link]', { hasText: numbers.sent }).click()
    await expect.poll(() => status(page)).toBe(`Opened ${numbers.sent} (${ids.sent})`)
    expect(page.url()).toBe(`${server.url}/frameworks/react`)

    // React re-renders the provider with another language: the elements switch live.
    await page.getByLabel('Language').selectOption('de')
    await expect.poll(() => groupLabel(page, 'to-accept')).toBe('Anzunehmende Ersuchen')
    await screenshot(page, 'frameworks-react-opened')
    expect(errorsOf.get(page)).toEqual([])
    await page.close()
  })

  it('[I18N-STANDARD-MESSAGES] Vue 3: binds client with .prop and lang, compiles the template in the browser, and routes imi-open through its state', async () => {
    const page = await open('vue', U.frHandler, '<div id="app"></div>')
    const rows = () => page.locator('imi-exchange-list tbody [part=link]').allTextContents()
    const firstHeader = () => text(page.locator('imi-exchange-list thead th').first())
    // Real data from the API: the French handler's draft and sent request.
    await expect.poll(async () => (await rows()).sort(), { timeout: FIRST_RENDER }).toEqual([numbers.draft, numbers.sent].sort())
    // The language Vue set: French.
    await expect.poll(firstHeader).toMatch(/^Numéro/)
    expect(await page.locator('imi-provider').getAttribute('lang')).toBe('fr')
    expect(await status(page)).toBe('No exchange opened')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'frameworks-vue')

    await page.locator('imi-exchange-list tbody [part=link]', { hasText: numbers.draft }).click()
    await expect.poll(() => status(page)).toBe(`Opened ${numbers.draft} (${ids.draft})`)
    expect(page.url()).toBe(`${server.url}/frameworks/vue`)

    await page.getByLabel('Language').selectOption('de')
    await expect.poll(firstHeader).toMatch(/^Nummer/)
    await screenshot(page, 'frameworks-vue-opened')
    expect(errorsOf.get(page)).toEqual([])
    await page.close()
  })

  it('[I18N-STANDARD-MESSAGES] Angular (JIT, zoneless): binds [client] and [lang] under CUSTOM_ELEMENTS_SCHEMA, and routes (imi-open) through a signal', async () => {
    const page = await open('angular', U.frHandler, '<app-inbox></app-inbox>')
    // Real data from the API: the French handler's draft waits for its action.
    await expect.poll(() => counts(page), { timeout: FIRST_RENDER }).toMatchObject({ 'action-list': '1', drafts: '1', 'to-accept': '0' })
    expect(await page.locator('imi-dashboard [part=item] [part=link]').allTextContents()).toEqual([numbers.draft])
    // The language Angular set: French.
    expect(await groupLabel(page, 'drafts')).toBe('Projets')
    expect(await page.locator('imi-provider').getAttribute('lang')).toBe('fr')
    expect(await status(page)).toBe('No exchange opened')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'frameworks-angular')

    await page.locator('imi-dashboard [part=link]', { hasText: numbers.draft }).click()
    await expect.poll(() => status(page)).toBe(`Opened ${numbers.draft} (${ids.draft})`)
    expect(page.url()).toBe(`${server.url}/frameworks/angular`)

    await page.getByLabel('Language').selectOption('de')
    await expect.poll(() => groupLabel(page, 'drafts')).toBe('Entwürfe')
    await screenshot(page, 'frameworks-angular-opened')
    expect(errorsOf.get(page)).toEqual([])
    await page.close()
  })
})
