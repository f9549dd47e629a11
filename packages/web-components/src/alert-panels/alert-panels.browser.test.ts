import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser, Page } from 'playwright-core'
import type { AlertContentView, DomainError, ExchangeId, ExchangeView, UserId } from '@imi-kit/core'
import { A, DAY, TEST_ALERT_POLICY, U, alertDraft } from '@imi-kit/core/testing'
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

/** The actions these panels offer buttons for. */
const PANEL_ACTIONS = [
  'acknowledge', 'forward-within-state', 'add-recipient-states', 'remove-recipient', 'submit-information', 'broadcast-information', 'edit-information',
  'delete-information', 'propose-withdrawal', 'broadcast-withdrawal', 'cancel-withdrawal', 'propose-closure', 'comment', 'edit-closure-proposal',
  'cancel-closure-proposal', 'end-comment-period', 'broadcast-closure-proposal', 'end-objection-period', 'close',
]

const ok = <A>(r: E.Either<DomainError, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right
}

/** Runs commands server-side as `user`, as other users would have done in their own portals. */
const as = async (user: UserId, command: Record<string, unknown>): Promise<ExchangeId> => ok(await server.api.client(user).execute(command)).exchangeId

/** An alert launched in France and broadcast to Germany and Italy. */
const broadcastAlert = async (draft: Record<string, unknown> = {}): Promise<ExchangeId> => {
  const id = await as(U.frAlertHandler, alertDraft(draft))
  await as(U.frAlertHandler, { type: 'alert.submit', exchangeId: id })
  await as(U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: id })
  await as(U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: id })
  return id
}

const contentFor = async (user: UserId, id: ExchangeId): Promise<AlertContentView> => {
  const v = ok(await server.api.client(user).view(id)) as ExchangeView<AlertContentView>
  if (v.content === undefined) throw new Error('no content')
  return v.content
}

/** Opens the panels of an alert alone, acting as `user` of `memberState`. */
const open = async (name: string, id: string, user: UserId, memberState: string, lang = 'en'): Promise<Page> => {
  // Deadlines count from the server's (fixed) day, not the browser's.
  const today = server.api.clock.now().toISOString().slice(0, 10)
  const url = server.page(name, `<imi-provider lang="${lang}"><imi-alert-panels exchange-id="${id}" member-state="${memberState}" today="${today}"></imi-alert-panels></imi-provider>`, lang)
  const page = await browser.newPage()
  await page.goto(url)
  await page.waitForFunction(() => customElements.get('imi-alert-panels') !== undefined && typeof window.imiUseTestUser === 'function')
  await page.evaluate(() => {
    const w = window as unknown as { commands: unknown[] }
    w.commands = []
    document.addEventListener('imi-command', (e) => w.commands.push((e as CustomEvent).detail))
  })
  await page.evaluate((u) => window.imiUseTestUser(u), user)
  await page.locator('imi-alert-panels [part=recipient]').first().waitFor()
  return page
}

/** The action buttons shown, and the ones the server allows among the panels' actions: the same. */
const buttons = async (page: Page, user: UserId, id: ExchangeId): Promise<{ shown: string[]; allowed: string[] }> => {
  const allowed = ok(await server.api.client(user).actions(id))
  const shown = await page.locator('imi-alert-panels [part=action]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action') ?? ''))
  return { shown: [...shown].sort(), allowed: PANEL_ACTIONS.filter((a) => allowed.includes(`alert.${a}`)).sort() }
}

const commands = (page: Page) => page.evaluate(() => (window as unknown as { commands: Array<{ action: string; exchangeId: string }> }).commands)

describe('<imi-alert-panels>', () => {
  it('[ALERT-ACK-PER-MS] [ALERT-MAILBOX-STATES] shows the Italian mailbox its alert awaiting acknowledgement, and acknowledges it from the keyboard', async () => {
    const id = await broadcastAlert()
    const page = await open('alert-panels-mailbox', id, U.itNimicBroadcaster, 'IT')
    const panels = page.locator('imi-alert-panels')
    const italy = panels.locator(`[part=recipient][data-authority="${A.itNimic}"] [part=mailbox-state]`)
    await expect.poll(() => italy.textContent()).toBe('Awaiting acknowledgement')
    // Recipients grouped per member state, named from the directory.
    expect(await panels.locator('caption').allTextContents()).toEqual(expect.arrayContaining(['Germany', 'Italy', 'France']))
    expect(await panels.locator(`[part=recipient][data-authority="${A.itNimic}"] td`).first().textContent()).toContain('Dipartimento per le politiche europee')
    const b = await buttons(page, U.itNimicBroadcaster, id)
    expect(b.shown).toEqual(b.allowed)
    expect(b.shown).toContain('acknowledge')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-alert-panels-mailbox')

    const acknowledge = panels.getByRole('button', { name: 'Acknowledge receipt' })
    await acknowledge.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => italy.textContent()).toBe('Acknowledged')
    expect(await commands(page)).toEqual([expect.objectContaining({ action: 'alert.acknowledge', exchangeId: id })])
    expect((await contentFor(U.itNimicBroadcaster, id)).recipients.find((r) => r.authorityId === A.itNimic)?.mailboxState).toBe('acknowledged')
    const after = await buttons(page, U.itNimicBroadcaster, id)
    expect(after.shown).toEqual(after.allowed)
    expect(after.shown).not.toContain('acknowledge')
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it('[ALERT-DISPLAY-OTHER-MS] [I18N-FREE-TEXT-TAGGED] shows a closure proposal and its comments in the state of establishment, and nothing of it to Italy', async () => {
    const id = await broadcastAlert({ establishment: 'DE' })
    await as(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
    await as(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa, A.deCa2] })
    await as(U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: { text: 'Der Dienstleister hat seine Tätigkeit eingestellt.', language: 'de' } })
    await as(U.de2AlertHandler, { type: 'alert.comment', exchangeId: id, text: { text: 'Agreed: the premises are closed.', language: 'en' } })

    const de = await open('alert-panels-closure-de', id, U.deAlertHandler, 'DE')
    const closure = de.locator('imi-alert-panels [part=closure]')
    await expect.poll(() => closure.locator('[part=comment]').count()).toBe(1)
    expect(await closure.locator('[part=comment] p[lang="en"]').textContent()).toBe('Agreed: the premises are closed.')
    expect(await closure.locator('[part=comment]').textContent()).toContain('Regierungspräsidium Stuttgart')
    expect(await closure.locator('p[lang="de"]').textContent()).toBe('Der Dienstleister hat seine Tätigkeit eingestellt.')
    expect(await closure.locator('blockquote').first().textContent()).toContain('Written in German')
    const ends = (await contentFor(U.deAlertHandler, id)).closure?.commentPeriodEndsAt ?? ''
    expect(await closure.locator('[part=comment-period]').textContent()).toContain(`Comment period ends on ${new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(new Date(ends))}`)
    expect(ends.startsWith('2026-03-12')).toBe(true)
    // With <imi-deadline> defined, the days left follow the date.
    if (await de.evaluate(() => customElements.get('imi-deadline') !== undefined))
      await expect.poll(() => closure.locator('[part=comment-period] imi-deadline [part=remaining]').textContent()).toContain('10')
    // Recipients forwarded within Germany, by its mailbox.
    expect(await de.locator(`imi-alert-panels [part=recipient][data-authority="${A.deCa2}"]`).textContent()).toContain('Forwarded by Bundesministerium für Wirtschaft (NIMIC)')
    const b = await buttons(de, U.deAlertHandler, id)
    expect(b.shown).toEqual(b.allowed)
    expect(await axeViolations(de)).toEqual([])
    await screenshot(de, 'imi-alert-panels-closure-comments')
    await de.close()

    const it = await open('alert-panels-closure-it', id, U.itNimicBroadcaster, 'IT')
    const itClosure = it.locator('imi-alert-panels [part=closure]')
    await expect.poll(() => itClosure.textContent()).toContain('No closure proposal.')
    expect(await itClosure.locator('[part=comment]').count()).toBe(0)
    expect(await it.locator('imi-alert-panels').textContent()).not.toContain('Der Dienstleister hat seine Tätigkeit eingestellt.')
    const bi = await buttons(it, U.itNimicBroadcaster, id)
    expect(bi.shown).toEqual(bi.allowed)
    expect(await axeViolations(it)).toEqual([])
    await screenshot(it, 'imi-alert-panels-closure-other-state')
    await it.close()
  })

  it('[ALERT-PROPOSAL-COMMENTS-SUBSET] [I18N-STANDARD-MESSAGES] submits and broadcasts an objection through a dialog, headed «Objection à une proposition de clôture», and switches language live', async () => {
    const id = await broadcastAlert({ establishment: 'DE' })
    await as(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
    await as(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa, A.deCa2] })
    await as(U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: { text: 'The provider has ceased its activity.', language: 'en' } })
    await as(U.de2AlertHandler, { type: 'alert.comment', exchangeId: id, text: { text: 'Agreed.', language: 'en' } })
    await as(U.deNimicBroadcaster, { type: 'alert.comment', exchangeId: id, text: { text: 'Keep this one inside Germany.', language: 'en' } })
    server.api.clock.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
    ok(await server.api.app.execute({ kind: 'system' }, { type: 'alert.end-comment-period', exchangeId: id }))
    const comments = (await contentFor(U.deNimicBroadcaster, id)).closure?.comments ?? []
    await as(U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId: id, includedComments: [comments[0]?.id] })
    await as(U.itNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })

    const page = await open('alert-panels-objection', id, U.itNimicBroadcaster, 'IT', 'fr')
    const panels = page.locator('imi-alert-panels')
    // Only the comment included in the broadcast proposal reaches the other states.
    await expect.poll(() => panels.locator('[part=comment]').count()).toBe(1)
    expect(await panels.locator('[part=comment]').textContent()).toContain('Inclus dans la proposition diffusée')
    expect(await panels.locator('[part=closure]').textContent()).not.toContain('Keep this one inside Germany.')

    // The dialog: opened from the keyboard, focus inside, fields labelled.
    await panels.getByRole('button', { name: 'Soumettre des informations' }).focus()
    await page.keyboard.press('Enter')
    const dialog = panels.getByRole('dialog', { name: 'Soumettre des informations' })
    await dialog.waitFor()
    expect(await dialog.locator('#d-kind').evaluate((el) => el.matches(':focus'))).toBe(true)
    await dialog.getByLabel('Type d’information').selectOption('objection')
    await dialog.getByRole('radio', { name: /Dipartimento per le politiche europee/ }).check()
    await dialog.getByLabel('Texte', { exact: true }).fill('Il prestatore opera ancora a Milano.')
    await dialog.getByLabel('Langue du texte').selectOption('it')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-alert-panels-dialog')
    await dialog.getByRole('button', { name: 'Confirmer' }).click()

    const item = panels.locator('[part=information-item][data-kind=objection]')
    await expect.poll(() => item.getAttribute('data-status')).toBe('submitted')
    expect(await dialog.isVisible()).toBe(false)
    expect(await item.locator('h4').textContent()).toBe('Objection à une proposition de clôture')
    expect(await item.locator('p[lang="it"]').textContent()).toBe('Il prestatore opera ancora a Milano.')
    await item.getByRole('button', { name: 'Diffuser' }).click()
    await expect.poll(() => item.getAttribute('data-status')).toBe('broadcast')
    expect((await commands(page)).map((c) => c.action)).toEqual(['alert.submit-information', 'alert.broadcast-information'])
    const b = await buttons(page, U.itNimicBroadcaster, id)
    expect(b.shown).toEqual(b.allowed)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-alert-panels-objection')

    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => item.locator('h4').textContent()).toBe('Einwand gegen einen Abschlussvorschlag')
    expect(await panels.locator('h3').first().textContent()).toBe('Empfänger')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'en'))
    await expect.poll(() => item.locator('h4').textContent()).toBe('Objection to a closure proposal')
    await page.close()
  })

  it('[ALERT-WITHDRAW-SUBMIT] [ALERT-WITHDRAWN-FROZEN] shows removed recipients, proposes a withdrawal in a dialog that Escape closes (focus returning), and offers nothing once withdrawn', async () => {
    const id = await broadcastAlert()
    await as(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
    await as(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa, A.deCa2] })
    await as(U.deNimicBroadcaster, { type: 'alert.remove-recipient', exchangeId: id, authorityId: A.deCa2 })

    const page = await open('alert-panels-withdrawal', id, U.frAlertHandler, 'FR')
    const panels = page.locator('imi-alert-panels')
    const removed = panels.locator(`[part=recipient][data-authority="${A.deCa2}"]`)
    await expect.poll(() => removed.getAttribute('data-removed')).toBe('')
    expect(await removed.textContent()).toContain('Removed: told nothing more')

    const propose = panels.getByRole('button', { name: 'Propose withdrawal' })
    await propose.focus()
    await page.keyboard.press('Enter')
    const dialog = panels.getByRole('dialog', { name: 'Propose withdrawal' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => propose.evaluate((el) => el.matches(':focus'))).toBe(true)

    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await page.keyboard.type('The inspection report was about another company.')
    // The text's language defaults to the display language.
    expect(await dialog.getByLabel('Language of the text').inputValue()).toBe('en')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const withdrawal = panels.locator('[part=withdrawal]')
    await expect.poll(() => withdrawal.textContent()).toContain('The inspection report was about another company.')
    expect(await withdrawal.textContent()).toContain('Withdrawal proposed on')
    expect(await commands(page)).toEqual([expect.objectContaining({ action: 'alert.propose-withdrawal' })])
    const b = await buttons(page, U.frAlertHandler, id)
    expect(b.shown).toEqual(b.allowed)
    expect(b.shown).toContain('cancel-withdrawal')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-alert-panels-withdrawal')
    await page.close()

    await as(U.frNimicBroadcaster, { type: 'alert.broadcast-withdrawal', exchangeId: id })
    const after = await open('alert-panels-withdrawn', id, U.itNimicBroadcaster, 'IT')
    await expect.poll(() => after.locator('imi-alert-panels [part=withdrawal]').textContent()).toContain('Alert withdrawn on')
    expect(await after.locator('imi-alert-panels [part=action]').count()).toBe(0)
    expect(await axeViolations(after)).toEqual([])
    await after.close()
  })
})
