/**
 * The national-portal demo in real Chromium, entirely through the page: the shell (login, navigation,
 * language switcher, sign-out), then a request for information and a Services Directive alert from
 * start to closure, each user in their own browser, signing in with their demo login.
 *
 * One portal for the file (a fresh data directory, a clock the test moves), on a free port.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { fixedClock, uiLabel } from '@imi-kit/core'
import { A, PQ, U } from '@imi-kit/core/testing'
import type { Portal } from './portal.js'
import { startPortal } from './portal.js'
import { axeViolations, launch, screenshot } from './testing/browser.js'
import { clickAction, demoLogin, dialogOf, fillLogin, newUserPage, openAs, openExchange, runDialogAction, signIn, statusOf, toolbarOf } from './testing/portal-page.js'

/** A low scrypt cost: the tests check behaviour, not the cost. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }
const DAY = 24 * 60 * 60 * 1000

const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
let dataDir: string
let portal: Portal
let browser: Browser

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'imi-portal-browser-'))
  // The worker is run by the tests, after they move the clock.
  ;[portal, browser] = await Promise.all([startPortal({ dataDir, scrypt: CHEAP, clock, workerIntervalMs: 0 }), launch()])
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await portal?.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** A status of an alert as the catalogue labels it in English. */
const alertStatus = (status: string): string => uiLabel(`status.alert.${status}`, 'en').text

/** The exchange id of the page's route. */
const routedExchange = (page: Page): string => decodeURIComponent(/#\/exchanges\/([^/]+)$/.exec(page.url())?.[1] ?? '')

describe('the portal page', () => {
  it('shows the login to a visitor, the navigation to a signed-in user, switches language live, and signs out', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(portal.url)
    await expect.poll(() => page.locator('main imi-login [part=title]').textContent()).toBe('Sign in to IMI')
    expect(await page.locator('#nav').isHidden()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'portal-login')

    await signIn(portal, page, U.frHandler)
    expect(await page.locator('#user').textContent()).toBe('Camille Martin · Ordre national des médecins')
    expect(await page.locator('main h1').textContent()).toBe('Dashboard')
    expect(await page.locator('#nav a[aria-current=page]').textContent()).toBe('Dashboard')

    // The language switcher sets the provider's lang: the elements fetch the French pack beside the
    // bundle, and they and the page's own labels follow.
    const frenchPack = page.waitForResponse((r) => new URL(r.url()).pathname === '/i18n/fr.json')
    await page.selectOption('#language', 'fr')
    expect((await frenchPack).status()).toBe(200)
    expect(await page.locator('imi-provider').getAttribute('lang')).toBe('fr')
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Tableau de bord')
    await expect.poll(() => page.locator('main imi-dashboard [part=title]').textContent()).toBe('Tableau de bord')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'portal-dashboard-fr')
    // A language without the page's labels falls back to English, marked as English.
    await page.selectOption('#language', 'hu')
    expect(await page.locator('imi-provider').getAttribute('lang')).toBe('hu')
    expect(await page.locator('main h1').getAttribute('lang')).toBe('en')
    await page.selectOption('#language', 'en')

    // Each route puts its element in the page.
    for (const [hash, tag] of [
      ['#/exchanges', 'imi-exchange-list'],
      ['#/new-request', 'imi-request-form'],
      ['#/new-alert', 'imi-alert-form'],
      ['#/exchanges/some-id', 'imi-exchange'],
      ['#/dashboard', 'imi-dashboard'],
    ] as const) {
      await page.goto(`${portal.url}/${hash}`)
      await expect.poll(() => page.locator(`main ${tag}`).count()).toBe(1)
    }
    expect(await axeViolations(page)).toEqual([])

    await page.click('#sign-out')
    await expect.poll(() => page.locator('main imi-login').count()).toBe(1)
    expect(await page.evaluate<number>(`fetch('/api/me').then((r) => r.status)`)).toBe(401)
    await context.close()
  }, 60_000)
})

describe('a request for information, entirely in the browser', () => {
  it('[REQ-PREACCEPT-NO-PD] [REQ-ACCEPT-UNLOCKS] [REQ-CLOSE-ACCEPT-REPLY] [SRCH-REQ-OWN-ALL] the French handler sends a request; the German handler accepts (the personal data appears) and replies; the French handler, following the e-mail’s link, closes it and finds it in her list', async () => {
    // Camille Martin, request handler of the Ordre national des médecins, writes the request.
    const fr = await openAs(browser, portal, U.frHandler)
    await fr.page.click('#nav a[data-route=new-request]')
    const form = fr.page.locator('main imi-request-form')
    await form.locator('[role=tablist]').waitFor()
    await form.locator('#area').selectOption(PQ)
    await form.locator('#question-set').selectOption('pq.general')
    await form.locator('[part=next]').click()
    await form.locator('#q-0').check()
    await form.locator('#q-0-profession').fill('médecin')
    await form.locator('[part=next]').click()
    await form.locator('#case-name').fill('Jean Dupont')
    await form.locator('#case-profession').fill('médecin')
    await form.locator('[part=next]').click()
    await form.locator('#member-state').selectOption('DE')
    await form.locator(`input[value="${A.deCa}"]`).check()
    await form.locator('[part=next]').click()
    await form.locator('#deadline').fill('2026-04-20')
    await form.locator('[part=next]').click()
    expect(await axeViolations(fr.page)).toEqual([])
    await screenshot(fr.page, 'portal-request-form')
    await form.locator('[part=save]').click()
    await expect.poll(() => form.locator('[part=message]').textContent()).toMatch(/REQ-2026-\d+/)
    await form.locator('[part=send]').click()
    // Sent: the page shows the exchange.
    await expect.poll(() => fr.page.locator('main imi-exchange').count(), { timeout: 10_000 }).toBe(1)
    const id = routedExchange(fr.page)
    const sent = fr.page.locator('main imi-exchange')
    await expect.poll(() => statusOf(sent)).toBe('Awaiting acceptance')
    await screenshot(fr.page, 'portal-request-sent')

    // Lena Müller, request handler of the Ärztekammer Berlin, finds it on her dashboard.
    const de = await openAs(browser, portal, U.deHandler)
    const link = de.page.locator('main imi-dashboard [part=link]', { hasText: /REQ-2026-/ })
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await axeViolations(de.page)).toEqual([])
    await screenshot(de.page, 'portal-dashboard')
    await link.first().click()
    await expect.poll(() => routedExchange(de.page)).toBe(id)
    const incoming = de.page.locator('main imi-exchange')
    await incoming.locator('[part=header] h2').waitFor()
    // Before acceptance: no personal data.
    const name = incoming.locator('[role=tabpanel][data-tab=case] [data-field=name] dd')
    await expect.poll(() => name.textContent()).toContain('Hidden (personal data)')
    expect(await name.textContent()).not.toContain('Jean Dupont')
    expect(await axeViolations(de.page)).toEqual([])
    await screenshot(de.page, 'portal-request-before-acceptance')
    await runDialogAction(incoming, 'request.accept')
    await expect.poll(() => statusOf(incoming)).toBe('Accepted')
    await expect.poll(() => name.textContent()).toContain('Jean Dupont')
    await screenshot(de.page, 'portal-request-accepted')
    await runDialogAction(incoming, 'request.reply', async (dialog) => {
      const answers = dialog.locator('fieldset.answer')
      await expect.poll(() => answers.count()).toBe(1)
      await answers.first().getByLabel('Yes').check()
    })
    await expect.poll(() => statusOf(incoming)).toBe('Replied')

    await fr.close()

    // The worker e-mails the notifications; the reply's links to the request. Camille follows it
    // from her mailbox, signs in, and lands on the request.
    await portal.worker.runOnce()
    const mailLink = `${portal.url}/exchanges/${id}`
    expect(portal.mailer.sent.filter((m) => m.text.includes(mailLink)).length).toBeGreaterThan(0)
    const camille = await newUserPage(browser)
    await camille.page.goto(mailLink)
    await expect.poll(() => camille.page.locator('main imi-login').count()).toBe(1)
    await fillLogin(portal, camille.page, U.frHandler)
    await expect.poll(() => routedExchange(camille.page)).toBe(id)
    const back = camille.page.locator('main imi-exchange')
    await expect.poll(() => statusOf(back)).toBe('Replied')
    await clickAction(back, 'request.close')
    if ((await dialogOf(back).getAttribute('open')) !== null) await dialogOf(back).locator('[part=confirm]').click()
    await expect.poll(() => statusOf(back)).toBe('Closed')
    expect(await toolbarOf(back)).not.toContain('request.close')
    expect(await axeViolations(camille.page)).toEqual([])
    await screenshot(camille.page, 'portal-request-closed')

    // Closed, the request stays in the authority's list of exchanges, and opens from there.
    const number = /REQ-2026-\d+/.exec((await back.locator('[part=header] h2').textContent()) ?? '')?.[0] ?? ''
    await camille.page.click('#nav a[data-route=exchanges]')
    const listed = camille.page.locator('main imi-exchange-list tbody [part=link]', { hasText: number })
    await expect.poll(() => listed.count(), { timeout: 10_000 }).toBe(1)
    expect(await axeViolations(camille.page)).toEqual([])
    await screenshot(camille.page, 'portal-exchange-list')
    await listed.click()
    await expect.poll(() => routedExchange(camille.page)).toBe(id)
    await camille.close()
    await de.close()
  }, 120_000)
})

describe('a Services Directive alert, entirely in the browser', () => {
  it('[ALERT-BROADCAST-ACCEPTED] [ALERT-ACK-PER-MS] [ALERT-CLOSURE-OPEN-COMMENTS] [ALERT-COMMENT-PERIOD-END] [ALERT-CLOSE-AFTER-OBJECTIONS] [ALERT-CLOSE-STATUS] France launches an alert; its coordinator broadcasts it; the German mailbox acknowledges and forwards it; Germany proposes closure, comments, and closes it after the comment and objection periods', async () => {
    // Sarah Girard, alert handler of the Ordre national des médecins, launches the alert.
    const fr = await openAs(browser, portal, U.frAlertHandler)
    await fr.page.click('#nav a[data-route=new-alert]')
    const form = fr.page.locator('main imi-alert-form')
    const boxes = form.locator('#panel-criteria input[type=checkbox]')
    await expect.poll(() => boxes.count()).toBeGreaterThan(0)
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check()
    await form.locator('#tab-provider').click()
    await form.locator('#f-name').fill('Ambulanzdienst Schnell GmbH')
    await form.locator('#f-address').fill('Hauptstraße 1, Berlin')
    await form.locator('#f-serviceActivity').fill('Non-emergency patient transport')
    await form.locator('#f-establishment').selectOption('DE')
    await form.locator('#tab-case').click()
    await form.locator('#f-caseText').fill('Vehicles operated without valid sanitary certification.')
    await form.locator('#f-caseLanguage').selectOption('en')
    await form.locator('#tab-recipients').click()
    await form.locator('#s-DE').check()
    await form.locator('#s-IT').check()
    await form.locator('#tab-coordinator').click()
    await form.locator(`#k-${A.frNimic}`).check()
    expect(await axeViolations(fr.page)).toEqual([])
    await screenshot(fr.page, 'portal-alert-form')
    await form.getByRole('button', { name: 'Submit for broadcast' }).click()
    // Submitted: the page shows the alert.
    await expect.poll(() => fr.page.locator('main imi-exchange').count(), { timeout: 10_000 }).toBe(1)
    const id = routedExchange(fr.page)
    await expect.poll(() => statusOf(fr.page.locator('main imi-exchange'))).toBe(alertStatus('submitted-for-broadcast'))
    await fr.close()

    // Adèle Roux, broadcaster of the French NIMIC (the selected coordinator), accepts and broadcasts it.
    const coordinator = await openAs(browser, portal, U.frNimicBroadcaster)
    const atCoordinator = await openExchange(portal, coordinator.page, id)
    await clickAction(atCoordinator, 'alert.accept')
    await expect.poll(() => toolbarOf(atCoordinator)).toContain('alert.broadcast')
    await clickAction(atCoordinator, 'alert.broadcast')
    await expect.poll(() => statusOf(atCoordinator)).toBe(alertStatus('broadcast'))
    await coordinator.close()

    // Greta Braun, of the German NIMIC (Germany's incoming alert mailbox), acknowledges it and forwards it within Germany.
    let mailbox = await openAs(browser, portal, U.deNimicBroadcaster)
    let inMailbox = await openExchange(portal, mailbox.page, id)
    await expect.poll(() => statusOf(inMailbox)).toBe(alertStatus('awaiting-acknowledgement'))
    expect(await axeViolations(mailbox.page)).toEqual([])
    await screenshot(mailbox.page, 'portal-alert-awaiting-acknowledgement')
    await clickAction(inMailbox, 'alert.acknowledge')
    await expect.poll(() => statusOf(inMailbox)).toBe(alertStatus('broadcast'))
    await runDialogAction(inMailbox, 'alert.forward-within-state', async (dialog) => {
      await dialog.getByLabel('Ärztekammer Berlin (DE)').check()
      await dialog.getByLabel('Regierungspräsidium Stuttgart (DE)').check()
    })
    await mailbox.close()

    // Clara Wolf, alert handler of the Ärztekammer Berlin (Germany is the state of establishment), proposes closure.
    const proposer = await openAs(browser, portal, U.deAlertHandler)
    const atProposer = await openExchange(portal, proposer.page, id)
    await runDialogAction(atProposer, 'alert.propose-closure', async (dialog) => {
      await dialog.locator('select[name=coordinator]').selectOption(A.deNimic)
      await dialog.locator('textarea').fill('Der Anbieter hat seine Tätigkeit eingestellt.')
      await dialog.locator('select[name="text.language"]').selectOption('de')
    })
    await expect.poll(() => statusOf(atProposer)).toBe(alertStatus('closure-open-for-comments'))
    await proposer.close()

    // Tim Zimmermann, alert handler of the Regierungspräsidium Stuttgart, comments on it.
    const commenter = await openAs(browser, portal, U.de2AlertHandler)
    const atCommenter = await openExchange(portal, commenter.page, id)
    await runDialogAction(atCommenter, 'alert.comment', async (dialog) => {
      await dialog.locator('textarea').fill('Bestätigt durch Vor-Ort-Kontrolle.')
      await dialog.locator('select[name="text.language"]').selectOption('de')
    })
    await atCommenter.locator('[role=tab][data-tab=alert-management]').click()
    await expect.poll(() => atCommenter.locator('imi-alert-panels [part=closure] [part=comment]').count()).toBe(1)
    expect(await axeViolations(commenter.page)).toEqual([])
    await screenshot(commenter.page, 'portal-alert-closure-comments')
    await commenter.close()

    // Ten days later the comment period ends: the worker fires the timer.
    clock.advance(11 * DAY)
    expect((await portal.worker.runOnce()).timersFired).toBeGreaterThanOrEqual(1)
    mailbox = await openAs(browser, portal, U.deNimicBroadcaster)
    inMailbox = await openExchange(portal, mailbox.page, id)
    await expect.poll(() => statusOf(inMailbox)).toBe(alertStatus('closure-awaiting-broadcast'))
    await runDialogAction(inMailbox, 'alert.broadcast-closure-proposal', async (dialog) => {
      const included = dialog.locator('input[type=checkbox]')
      for (let i = 0; i < (await included.count()); i++) await included.nth(i).check()
    })
    await expect.poll(() => statusOf(inMailbox)).toBe(alertStatus('closure-open-for-objections'))
    // Not before the objection period has ended.
    expect(await toolbarOf(inMailbox)).not.toContain('alert.close')
    await mailbox.close()

    // Fifteen days later the objection period ends; the closure coordinator's broadcaster closes the alert.
    clock.advance(16 * DAY)
    expect((await portal.worker.runOnce()).timersFired).toBeGreaterThanOrEqual(1)
    mailbox = await openAs(browser, portal, U.deNimicBroadcaster)
    inMailbox = await openExchange(portal, mailbox.page, id)
    await clickAction(inMailbox, 'alert.close')
    if ((await dialogOf(inMailbox).getAttribute('open')) !== null) await dialogOf(inMailbox).locator('[part=confirm]').click()
    await expect.poll(() => statusOf(inMailbox)).toBe(alertStatus('closed'))
    expect(await toolbarOf(inMailbox)).not.toContain('alert.close')
    expect(await axeViolations(mailbox.page)).toEqual([])
    await screenshot(mailbox.page, 'portal-alert-closed')
    await mailbox.close()
    // The worker "sent" the notifications of it all, each to one address.
    expect(portal.mailer.sent.length).toBeGreaterThan(0)
    expect(demoLogin(portal, U.deNimicBroadcaster).roles).toContain('alert-broadcaster')
  }, 180_000)
})
