import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser, Locator, Page } from 'playwright-core'
import { ALERT_CRITERIA } from '@imi-kit/core'
import type { AlertContentView, ExchangeId, ExchangeView } from '@imi-kit/core'
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

/** Opens a page with the form, acting as `user`. */
const open = async (name: string, lang: string, user: string): Promise<Page> => {
  const url = server.page(name, `<imi-provider lang="${lang}"><imi-alert-form member-state="FR"></imi-alert-form></imi-provider>`, lang)
  const page = await browser.newPage()
  await page.goto(url)
  await page.waitForFunction(() => customElements.get('imi-alert-form') !== undefined && typeof window.imiUseTestUser === 'function')
  await page.evaluate((u) => window.imiUseTestUser(u), user)
  return page
}

const focused = (l: Locator): Promise<boolean> => l.evaluate((el) => el.matches(':focus'))

/** Presses Tab (or Shift+Tab) until `target` has the focus: proves it is reachable with the keyboard. */
const tabTo = async (page: Page, target: Locator, key = 'Tab'): Promise<void> => {
  for (let i = 0; i < 60; i += 1) {
    if (await focused(target)) return
    await page.keyboard.press(key)
  }
  throw new Error(`could not reach ${target.toString()} with ${key}`)
}

describe('<imi-alert-form>', () => {
  it('[ALERT-NUMBER-FIRST-SAVE] [ALERT-SUBMIT-CHECKLIST] [ALERT-SUBMIT-COORDINATOR] [I18N-FREE-TEXT-TAGGED] launches an alert with the keyboard only, the server’s submit problems marking the tabs', async () => {
    const page = await open('alert-form', 'en', U.frAlertHandler)
    const form = page.locator('imi-alert-form')
    const tab = (name: string) => form.getByRole('tab', { name: new RegExp(name) })
    await expect.poll(() => form.locator('input[type=radio]').count()).toBeGreaterThan(0)
    // Criteria come from data, in the display language, one checkbox each.
    expect(await form.locator('#panel-criteria input[type=checkbox]').count()).toBe(ALERT_CRITERIA.length)
    // Own state is not offered as a recipient.
    expect(await form.locator('#s-FR').count()).toBe(0)
    expect(await form.locator('#s-IT').count()).toBe(1)

    // An empty draft is saved and numbered at once; submitting it lists what is missing, per tab.
    const save = form.getByRole('button', { name: 'Save' })
    await tabTo(page, save)
    await page.keyboard.press('Enter')
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/Draft saved as alert ALERT-/)
    const id = await form.getAttribute('exchange-id')
    expect(id).not.toBeNull()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => form.locator('[part=problems] li').count()).toBe(5)
    for (const s of ['criteria', 'provider', 'case', 'recipients', 'coordinator']) expect(await form.locator(`#tab-${s}[data-problem]`).count(), s).toBe(1)
    expect(await tab('Alert criteria').getAttribute('aria-selected')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-alert-form-problems')

    // Criteria: each confirmed with Space.
    const first = form.locator(`#c-${ALERT_CRITERIA[0]?.id ?? ''}`)
    await tabTo(page, first, 'Shift+Tab')
    for (let i = 0; i < ALERT_CRITERIA.length; i += 1) {
      await page.keyboard.press('Space')
      await page.keyboard.press('Tab')
    }
    // Next moves to the provider tab and gives it the focus; its fields follow.
    await tabTo(page, form.getByRole('button', { name: 'Next' }))
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(tab('Service provider'))).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.type('Ambulances Express SARL')
    await page.keyboard.press('Tab')
    await page.keyboard.type('12 rue de la Paix, Paris')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Non-emergency patient transport')
    await page.keyboard.press('Tab')
    await page.keyboard.type('France')
    expect(await form.locator('#f-establishment').inputValue()).toBe('FR')

    // Arrow keys move between tabs too.
    await tabTo(page, tab('Service provider'), 'Shift+Tab')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => focused(tab('Case description'))).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.type('Vehicles operated without valid sanitary certification.')
    await page.keyboard.press('Tab')
    await page.keyboard.type('English')
    expect(await form.locator('#f-caseLanguage').inputValue()).toBe('en')

    await tabTo(page, form.getByRole('button', { name: 'Next' }))
    await page.keyboard.press('Enter')
    for (const ms of ['DE', 'IT']) {
      await tabTo(page, form.locator(`#s-${ms}`))
      await page.keyboard.press('Space')
    }
    await tabTo(page, form.getByRole('button', { name: 'Next' }))
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(tab('Alert coordinator'))).toBe(true)
    // The coordinators of the user's state; the NIMIC is also its incoming alert mailbox.
    const nimic = form.locator(`#k-${A.frNimic}`)
    await tabTo(page, form.locator('input[type=radio]').first())
    while (!(await focused(nimic))) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    expect(await nimic.isChecked()).toBe(true)

    await tabTo(page, form.getByRole('button', { name: 'Submit for broadcast' }))
    await page.keyboard.press('Enter')
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/submitted for broadcast/)
    expect(await form.locator('[part=problems]').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-alert-form-submitted')

    // What the server holds is what was typed.
    const view = await server.api.client(U.frAlertHandler).view(id as ExchangeId)
    if (E.isLeft(view)) throw new Error(view.left.message)
    const v = view.right as ExchangeView<AlertContentView>
    expect(v.status).toBe('submitted-for-broadcast')
    expect(v.content?.selectedCoordinator).toBe(A.frNimic)
    expect(v.content?.recipientStates).toEqual(['DE', 'IT'])
    expect(v.content?.establishment).toBe('FR')
    expect(v.content?.caseDescription).toEqual({ text: 'Vehicles operated without valid sanitary certification.', language: 'en' })
    expect(v.content?.provider).toEqual({ name: 'Ambulances Express SARL', address: '12 rue de la Paix, Paris' })
    expect(v.content?.checklist).toEqual(ALERT_CRITERIA.map((c) => c.id))
    await page.close()
  })

  it('[I18N-STANDARD-MESSAGES] shows the criteria and labels in the display language and switches live, falling back visibly to English', async () => {
    const page = await open('alert-form-lang', 'fr', U.frAlertHandler)
    const form = page.locator('imi-alert-form')
    const firstCriterion = form.locator(`label[for="c-${ALERT_CRITERIA[0]?.id ?? ''}"]`)
    await expect.poll(() => firstCriterion.textContent()).toBe(ALERT_CRITERIA[0]?.text.fr)
    expect(await form.getByRole('tab').first().textContent()).toContain('Critères d’alerte')
    expect(await form.locator('label[for="s-DE"]').textContent()).toBe('Allemagne')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-alert-form-fr')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => firstCriterion.textContent()).toBe(ALERT_CRITERIA[0]?.text.de)
    expect(await form.getByRole('tab').first().textContent()).toContain('Warnkriterien')
    // Hungarian has no translations yet: the English text shows, marked as English.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'hu'))
    await expect.poll(() => firstCriterion.getAttribute('lang')).toBe('en')
    expect(await firstCriterion.textContent()).toBe(ALERT_CRITERIA[0]?.text.en)
    expect(await form.getByRole('tab').first().locator('span[lang="en"].fallback').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})
