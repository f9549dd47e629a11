/**
 * Real Chromium for the portal's browser tests: Debian's `/usr/bin/chromium` driven by playwright-core
 * (which never downloads a browser), axe-core in the page, and screenshots for reviewers. The same
 * helpers as the web components' own (`packages/web-components/src/testing/browser.ts`), written
 * without the DOM library: this package compiles in the root project, whose library is Node's.
 *
 * @module
 */
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'

/** Where Chromium is; overridable for other machines. */
export const CHROMIUM = process.env.IMI_CHROMIUM ?? '/usr/bin/chromium'

/** Where screenshots go (not committed). */
export const SCREENSHOTS = fileURLToPath(new URL('../../../../test-output/screenshots/', import.meta.url))

/** Launches headless Chromium. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The axe-core violations of the page (WCAG 2.1 AA rules), as `id: target` strings. */
export const axeViolations = async (page: Page): Promise<ReadonlyArray<string>> => {
  // Evaluated rather than added as a script tag, which the page's content security policy refuses.
  await page.evaluate(await axeSource)
  // A string, run in the page: this file has no DOM types.
  return page.evaluate<ReadonlyArray<string>>(`(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + JSON.stringify(n.target)))
  })()`)
}

/** Saves a screenshot of the page for reviewers. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true })
}
