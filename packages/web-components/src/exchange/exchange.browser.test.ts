import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser, Page } from 'playwright-core'
import type { DomainError, ExchangeId, UserId } from '@imi-kit/core'
import { A, U, alertDraft, pqDraft, standardAnswers } from '@imi-kit/core/testing'
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

const ok = <A>(r: E.Either<DomainError, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right
}

/** Runs commands as a user on the page server's API. */
const as = (user: UserId) => ({
  run: async (command: Record<string, unknown>): Promise<ExchangeId> => ok(await server.api.client(user).execute(command)).exchangeId,
})

/** A PQ request sent by the French handler to the German authority. */
const sentRequest = async (): Promise<ExchangeId> => {
  const id = await as(U.frHandler).run(pqDraft())
  await as(U.frHandler).run({ type: 'request.send', exchangeId: id })
  return id
}

/** What the core says the user may do: the toolbar must show exactly this. */
const availableActions = async (user: UserId, id: ExchangeId): Promise<ReadonlyArray<string>> => {
  const authorityId = server.api.directory.user(user)?.authorityId ?? A.frCa
  return ok(await server.api.app.availableActions({ kind: 'user', userId: user, authorityId }, id))
}

let pages = 0

/** Opens `<imi-exchange>` on `id` as `user`. */
const open = async (user: UserId, id: ExchangeId, lang = 'en', attributes = ''): Promise<Page> => {
  pages += 1
  const url = server.page(`exchange-${pages}`, `<imi-provider lang="${lang}"><imi-exchange exchange-id="${id}" today="2026-03-02" ${attributes}></imi-exchange></imi-provider>`, lang)
  const page = await browser.newPage()
  await page.goto(url)
  await page.evaluate((u) => window.imiUseTestUser(u), user)
  await page.locator('imi-exchange [part=header] h2').waitFor()
  return page
}

const toolbarOf = (page: Page): Promise<ReadonlyArray<string | null>> =>
  page.locator('imi-exchange [part=toolbar] button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')))

/** The exchange's own dialog (the alert panels inside have theirs). */
const dialogOf = (page: Page) => page.locator('imi-exchange [part=exchange] > dialog[part=dialog]')
const tab = (page: Page, name: string) => page.locator(`imi-exchange [role=tab][data-tab="${name}"]`)
const panel = (page: Page, name: string) => page.locator(`imi-exchange [role=tabpanel][data-tab="${name}"]`)

describe('<imi-exchange> on a request', () => {
  it('[REQ-PREACCEPT-NO-PD] shows the sender everything and the addressee, before acceptance, no personal data nor attachments; the toolbar is exactly the available actions', async () => {
    const id = await sentRequest()

    const sender = await open(U.frHandler, id)
    await expect.poll(() => toolbarOf(sender)).toEqual(await availableActions(U.frHandler, id))
    expect(await sender.locator('imi-exchange imi-status [part=status]').first().textContent()).toBe('Awaiting acceptance')
    expect(await panel(sender, 'case').locator('[data-field=name] dd').textContent()).toContain('Jean Dupont')
    expect(await axeViolations(sender)).toEqual([])
    await screenshot(sender, 'imi-exchange-request-sender')
    await tab(sender, 'attachments').click()
    await expect.poll(() => panel(sender, 'attachments').locator('[part=attachment]').first().textContent()).toContain('diplome.pdf')
    expect(await axeViolations(sender)).toEqual([])
    await sender.close()

    const addressee = await open(U.deHandler, id)
    const actions = await availableActions(U.deHandler, id)
    expect(actions).toContain('request.accept')
    await expect.poll(() => toolbarOf(addressee)).toEqual(actions)
    const name = panel(addressee, 'case').locator('[data-field=name] dd')
    expect(await name.textContent()).toContain('Hidden (personal data)')
    expect(await name.textContent()).not.toContain('Jean Dupont')
    expect(await name.locator('[part=redacted]').count()).toBe(1)
    // The non-personal case field stays visible.
    expect(await panel(addressee, 'case').locator('[data-field=profession] dd').textContent()).toContain('Médecin')
    await tab(addressee, 'attachments').click()
    const attachments = panel(addressee, 'attachments')
    await expect.poll(() => attachments.locator('[part=attachment]').first().textContent()).toContain('Hidden (personal data)')
    expect(await attachments.textContent()).not.toContain('diplome.pdf')
    expect(await axeViolations(addressee)).toEqual([])
    await screenshot(addressee, 'imi-exchange-request-before-acceptance')
    await addressee.close()
  })

  it('[REQ-ACCEPT-UNLOCKS] accepts through the toolbar: the dialog takes an alternative deadline, then personal data and attachments appear and the toolbar follows the new actions', async () => {
    const id = await sentRequest()
    const page = await open(U.deHandler, id)
    await page.evaluate(() => {
      const w = window as unknown as { commands: string[] }
      w.commands = []
      document.addEventListener('imi-command', (e) => w.commands.push((e as CustomEvent<{ action: string }>).detail.action))
    })
    await page.locator('imi-exchange [part=toolbar] button[data-action="request.accept"]').click()
    const dialog = dialogOf(page)
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    expect(await dialog.locator('h2').textContent()).toBe('Accept')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-accept-dialog')
    await dialog.locator('input[type=date]').fill('2026-04-20')
    await dialog.locator('[part=confirm]').click()
    await expect.poll(() => page.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Accepted')
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false)
    expect(await page.evaluate(() => (window as unknown as { commands: string[] }).commands)).toEqual(['request.accept'])
    await expect.poll(() => panel(page, 'case').locator('[data-field=name] dd').textContent()).toContain('Jean Dupont')
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.deHandler, id))
    expect(await toolbarOf(page)).not.toContain('request.accept')
    // The new deadline is the one the addressee gave.
    const state = await server.api.app.view({ kind: 'user', userId: U.deHandler, authorityId: A.deCa }, id)
    expect(E.isRight(state) && state.right.summary.deadline).toBe('2026-04-20')
    await tab(page, 'attachments').click()
    await expect.poll(() => panel(page, 'attachments').locator('[part=download]').first().textContent()).toBe('diplome.pdf')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-request-accepted')
    await page.close()
  })
})

/** A request accepted by the German handler. */
const acceptedRequest = async (): Promise<ExchangeId> => {
  const id = await sentRequest()
  await as(U.deHandler).run({ type: 'request.accept', exchangeId: id })
  return id
}

/** A request replied by the German handler with the standard answers. */
const repliedRequest = async (): Promise<ExchangeId> => {
  const id = await acceptedRequest()
  await as(U.deHandler).run({ type: 'request.reply', exchangeId: id, answers: standardAnswers })
  return id
}

describe('<imi-exchange> dialogs and refusals', () => {
  it('[I18N-SHOW-SPOKEN] [I18N-SPOKEN-ADVISORY] [I18N-FREE-TEXT-TAGGED] adds a message by keyboard alone: the dialog opens on Enter, takes focus, cancels on Escape, shows the other authority’s languages as advice, and the message keeps its language', async () => {
    const id = await acceptedRequest()
    const page = await open(U.frHandler, id, 'en', `authority-id="${A.frCa}"`)
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.frHandler, id))
    expect(await toolbarOf(page)).toContain('request.add-message')
    // Tab reaches the toolbar, whose arrow keys move between its buttons.
    await page.keyboard.press('Tab')
    const focused = () => page.evaluate(() => document.querySelector('imi-exchange')?.shadowRoot?.activeElement?.getAttribute('data-action') ?? null)
    const first = (await toolbarOf(page))[0]
    expect(await focused()).toBe(first)
    await page.keyboard.press('End')
    await page.keyboard.press('Home')
    expect(await focused()).toBe(first)
    while ((await focused()) !== 'request.add-message') await page.keyboard.press('ArrowRight')
    const dialog = dialogOf(page)
    const isOpen = () => dialog.evaluate((d) => (d as HTMLDialogElement).open)
    // Escape cancels, and focus returns to the button that opened the dialog.
    await page.keyboard.press('Enter')
    await expect.poll(isOpen).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(isOpen).toBe(false)
    await expect.poll(focused).toBe('request.add-message')
    await page.keyboard.press('Enter')
    await expect.poll(isOpen).toBe(true)
    // Only the other authority's languages are shown, as advice: nothing stops writing in another.
    const spoken = dialog.locator('[part=spoken]')
    expect(await spoken.locator('li').allTextContents()).toEqual(['Ärztekammer Berlin understands: German, English'])
    expect(await spoken.textContent()).toContain('recommended, not required')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-message-dialog')
    // Focus is in the text field: type, choose the language by typing its name, confirm.
    expect(await page.evaluate(() => document.querySelector('imi-exchange')?.shadowRoot?.activeElement?.tagName)).toBe('TEXTAREA')
    await page.keyboard.type('Pourriez-vous joindre le certificat ?')
    await page.keyboard.press('Tab')
    await page.keyboard.type('French')
    expect(await dialog.locator('select[name="text.language"]').inputValue()).toBe('fr')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(isOpen).toBe(false)
    await expect.poll(() => page.locator('imi-exchange [part=notice]').first().textContent()).toBe('Done: Add a message')
    await tab(page, 'messages').click()
    const message = panel(page, 'messages').locator('[part=message]')
    await expect.poll(() => message.count()).toBe(1)
    expect(await message.locator('[part=free-text]').getAttribute('lang')).toBe('fr')
    expect(await message.locator('[part=free-text]').textContent()).toBe('Pourriez-vous joindre le certificat ?')
    expect(await message.locator('[part=language]').textContent()).toBe('(Written in French)')
    await page.close()
  })

  it('shows a refusal in the dialog with the rule that refused, and keeps the dialog open', async () => {
    const id = await sentRequest()
    const page = await open(U.deHandler, id)
    await page.locator('imi-exchange [part=toolbar] button[data-action="request.accept"]').click()
    const dialog = dialogOf(page)
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    // Meanwhile a colleague accepted the request: the stale action is refused by the server.
    await as(U.deHandler2).run({ type: 'request.accept', exchangeId: id })
    await dialog.locator('[part=confirm]').click()
    const error = dialog.locator('[part=error][role=alert]')
    await expect.poll(() => error.count()).toBe(1)
    expect(await error.textContent()).toMatch(/Refused: .+\(Rule [A-Z0-9-]+\)/s)
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-refusal')
    await page.close()
  })
})

describe('<imi-exchange> forms of the reply', () => {
  it('[REQ-REPLY-ANSWER-FORM] [I18N-READ-OWN-LANGUAGE] replies through the dialog: per question, the question set’s predefined answers in the reader’s language and a comment with its language', async () => {
    const id = await acceptedRequest()
    const page = await open(U.deHandler, id, 'de')
    await page.locator('imi-exchange [part=toolbar] button[data-action="request.reply"]').click()
    const dialog = dialogOf(page)
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    const questions = dialog.locator('fieldset.answer')
    expect(await questions.count()).toBe(2)
    expect(await questions.first().locator('legend').textContent()).toContain('Ist die Berufsangehörige')
    expect(await questions.first().locator('legend [part=parameter]').textContent()).toBe('Médecin')
    await questions.first().getByLabel('Ja').check()
    await questions.nth(1).getByLabel('Nein').check()
    await questions.nth(1).locator('textarea').fill('Keine Untersagung bekannt.')
    expect(await questions.nth(1).locator('select').inputValue()).toBe('de')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-reply-dialog')
    await dialog.locator('[part=confirm]').click()
    await expect.poll(() => page.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Beantwortet')
    const view = ok(await server.api.app.view({ kind: 'user', userId: U.frHandler, authorityId: A.frCa }, id))
    expect((view.content as { answers: unknown }).answers).toEqual([
      { questionId: 'pq.establishment.legally-established', answerId: 'yes' },
      { questionId: 'pq.establishment.suspension', answerId: 'no', comment: { text: 'Keine Untersagung bekannt.', language: 'de' } },
    ])
    await page.close()
  })

  it('[REQ-ADDINFO-ORIGINAL-ONLY] asks for additional information on the original questions, with a justification', async () => {
    const id = await repliedRequest()
    const page = await open(U.frHandler, id)
    await page.locator('imi-exchange [part=toolbar] button[data-action="request.request-additional-info"]').click()
    const dialog = dialogOf(page)
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    // The choices are the request's own questions, nothing else.
    expect(await dialog.locator('input[type=checkbox][name=questions]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual([
      'pq.establishment.legally-established',
      'pq.establishment.suspension',
    ])
    await dialog.locator('textarea').fill('Please state the date of registration.')
    await dialog.locator('input[type=checkbox][name=questions]').first().check()
    expect(await axeViolations(page)).toEqual([])
    await dialog.locator('[part=confirm]').click()
    await expect.poll(() => page.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Additional information requested')
    await tab(page, 'answers').click()
    expect(await panel(page, 'answers').textContent()).toContain('Additional information requested (round 1)')
    await page.close()
  })
})

describe('<imi-exchange> reading a request in one’s own language', () => {
  it('[I18N-READ-OWN-LANGUAGE] [I18N-QUESTION-PLACEHOLDERS] [I18N-FREE-TEXT-TAGGED] the questions sent in French read in German with the sender’s placeholder values, and free text says its language', async () => {
    const id = await sentRequest()
    const page = await open(U.deHandler, id, 'de')
    await tab(page, 'questions').click()
    const first = panel(page, 'questions').locator('[part=question]').first()
    const text = await first.locator('.question').textContent()
    expect(text).toContain('Ist die Berufsangehörige')
    expect(await first.locator('[part=parameter]').textContent()).toBe('Médecin')
    expect(await first.locator('[part=free-text]').getAttribute('lang')).toBe('fr')
    expect(await first.locator('[part=language]').textContent()).toBe('(Verfasst auf Französisch)')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-questions-de')
    await page.close()
  })

  it('[I18N-STANDARD-MESSAGES] switches every label live with the provider’s language, and falls back visibly to English', async () => {
    const id = await sentRequest()
    const page = await open(U.frHandler, id, 'fr')
    await expect.poll(() => tab(page, 'case').textContent()).toContain('Dossier et personne concernée')
    expect(await page.locator('imi-exchange [part=header] h2').textContent()).toMatch(/^Demande REQ-\d+$/)
    expect(await page.locator('imi-exchange [part=toolbar]').getAttribute('aria-label')).toBe('Actions')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => tab(page, 'case').textContent()).toContain('Fall und betroffene Person')
    expect(await page.locator('imi-exchange imi-status [part=status]').first().textContent()).toBe('Wartet auf Annahme')
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'hu'))
    await expect.poll(() => tab(page, 'case').textContent()).toContain('Case and subject')
    expect(await tab(page, 'case').locator('span[lang="en"].fallback').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})

describe('<imi-exchange> after the reply', () => {
  it('[I18N-READ-OWN-LANGUAGE] closes a replied request with a click (no payload) and shows it closed: answers in the reader’s language, history and reason', async () => {
    const id = await repliedRequest()
    const page = await open(U.frHandler, id, 'fr')
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.frHandler, id))
    await tab(page, 'answers').click()
    const answers = panel(page, 'answers').locator('[part=answer]')
    await expect.poll(() => answers.count()).toBe(2)
    expect(await answers.first().locator('[part=predefined-answer]').textContent()).toBe('Oui')
    expect(await answers.nth(1).locator('[part=free-text]').getAttribute('lang')).toBe('de')
    expect(await answers.nth(1).locator('[part=language]').textContent()).toBe('(Rédigé en allemand)')
    await page.locator('imi-exchange [part=toolbar] button[data-action="request.close"]').click()
    await expect.poll(() => page.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Clôturée')
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.frHandler, id))
    expect(await panel(page, 'case').textContent()).toContain('Réponse acceptée')
    await tab(page, 'management').click()
    const rows = panel(page, 'management').locator('imi-history [part=entry]')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5)
    const last = rows.last()
    expect(await last.getAttribute('data-action')).toBe('request.closed')
    expect(await last.locator('td').nth(1).textContent()).toContain('Clôturée')
    expect(await last.locator('td').nth(2).textContent()).toContain('Réponse envoyée')
    expect(await last.locator('td').nth(4).textContent()).toContain('Ordre national des médecins')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-request-closed')
    await page.close()
  })

  it('shows the links of a split request in its management information and lets the page follow them', async () => {
    const id = await acceptedRequest()
    await as(U.deHandler).run({ type: 'request.split', exchangeId: id, to: A.deCa2, justification: { text: 'Teilweise zuständig.', language: 'de' }, questions: ['pq.establishment.suspension'], attachments: [] })
    const page = await open(U.deHandler, id)
    await tab(page, 'management').click()
    const link = panel(page, 'management').locator('[part=link]')
    await expect.poll(() => link.count()).toBe(1)
    const target = await link.getAttribute('data-exchange-id')
    expect(await link.getAttribute('href')).toBe(`#/exchanges/${target}`)
    const opened = page.evaluate(() => new Promise<string>((resolve) => document.addEventListener('imi-open', (e) => resolve((e as CustomEvent<{ exchangeId: string }>).detail.exchangeId), { once: true })))
    await link.click()
    expect(await opened).toBe(target)
    await tab(page, 'questions').click()
    expect(await panel(page, 'questions').locator('[data-question="pq.establishment.suspension"]').textContent()).toContain('Moved to another request')
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it('[REQ-SAME-MS-PARTIAL] shows a viewer with metadata access only the management information', async () => {
    const id = await sentRequest()
    const page = await open(U.de2Handler, id)
    expect(await page.locator('imi-exchange [part=metadata-only]').textContent()).toBe('You see only the metadata of this exchange.')
    expect(await page.locator('imi-exchange [role=tab]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-tab')))).toEqual(['management'])
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.de2Handler, id))
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-metadata')
    await page.close()
  })
})

describe('<imi-exchange> on an alert', () => {
  /** An alert launched in France and broadcast to Germany and Italy. */
  const broadcastAlert = async (): Promise<ExchangeId> => {
    const id = await as(U.frAlertHandler).run(alertDraft())
    await as(U.frAlertHandler).run({ type: 'alert.submit', exchangeId: id })
    await as(U.frNimicBroadcaster).run({ type: 'alert.accept', exchangeId: id })
    await as(U.frNimicBroadcaster).run({ type: 'alert.broadcast', exchangeId: id })
    return id
  }

  it('shows the alert’s tabs with the alert panels, and the German mailbox acknowledges then forwards within its state through the toolbar', async () => {
    const id = await broadcastAlert()
    const page = await open(U.deNimicBroadcaster, id)
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.deNimicBroadcaster, id))
    expect(await page.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Alert awaiting acknowledgement')
    expect(await page.locator('imi-exchange [role=tab]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-tab')))).toEqual(['overview', 'provider', 'alert-management', 'management'])
    await tab(page, 'alert-management').click()
    expect(await panel(page, 'alert-management').locator('imi-alert-panels').count()).toBe(1)
    await tab(page, 'provider').click()
    expect(await panel(page, 'provider').textContent()).toContain('Jean Dupont — Ambulances Express')
    await page.locator('imi-exchange [part=toolbar] button[data-action="alert.acknowledge"]').click()
    await expect.poll(() => page.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Alert broadcast')
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.deNimicBroadcaster, id))
    await page.locator('imi-exchange [part=toolbar] button[data-action="alert.forward-within-state"]').click()
    const dialog = dialogOf(page)
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    await dialog.getByLabel('Ärztekammer Berlin (DE)').check()
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-alert-forward')
    await dialog.locator('[part=confirm]').click()
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false)
    const view = ok(await server.api.app.view({ kind: 'user', userId: U.deNimicBroadcaster, authorityId: A.deNimic }, id))
    const recipients = (view.content as { recipients: ReadonlyArray<{ authorityId: string; kind: string }> }).recipients
    expect(recipients.find((r) => r.authorityId === A.deCa)?.kind).toBe('forwarded')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-alert')
    await page.close()
  })

  it('[ALERT-CLOSED-REDUCED-VIEW] shows a closed alert without its provider, and hides the personal data of its recipients’ view', async () => {
    const id = await broadcastAlert()
    await as(U.frAlertHandler).run({ type: 'alert.propose-withdrawal', exchangeId: id, reason: { text: 'Erreur de saisie.', language: 'fr' } })
    await as(U.frNimicBroadcaster).run({ type: 'alert.broadcast-withdrawal', exchangeId: id })
    const page = await open(U.itNimicBroadcaster, id)
    expect(await page.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Alert withdrawn')
    expect(await panel(page, 'overview').textContent()).toContain('only its overview, its recipients and its history remain visible')
    await tab(page, 'provider').click()
    expect(await panel(page, 'provider').textContent()).not.toContain('Jean Dupont')
    await expect.poll(() => toolbarOf(page)).toEqual(await availableActions(U.itNimicBroadcaster, id))
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-alert-withdrawn')
    await page.close()
  })

  it('[ALERT-CLOSURE-COORDINATOR] [ALERT-PROPOSAL-COMMENTS-SUBSET] proposes closure choosing the closure coordinator, then broadcasts the proposal choosing the comments to include', async () => {
    const id = await as(U.frAlertHandler).run(alertDraft({ establishment: 'DE' }))
    await as(U.frAlertHandler).run({ type: 'alert.submit', exchangeId: id })
    await as(U.frNimicBroadcaster).run({ type: 'alert.accept', exchangeId: id })
    await as(U.frNimicBroadcaster).run({ type: 'alert.broadcast', exchangeId: id })
    await as(U.deNimicBroadcaster).run({ type: 'alert.acknowledge', exchangeId: id })
    await as(U.deNimicBroadcaster).run({ type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa, A.deCa2] })
    const start = server.api.clock.now()
    try {
      const proposer = await open(U.deAlertHandler, id)
      await expect.poll(() => toolbarOf(proposer)).toEqual(await availableActions(U.deAlertHandler, id))
      await proposer.locator('imi-exchange [part=toolbar] button[data-action="alert.propose-closure"]').click()
      const dialog = dialogOf(proposer)
      await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
      const coordinators = await dialog.locator('select[name=coordinator] option').allTextContents()
      expect(coordinators).toContain('Bundesministerium für Wirtschaft (NIMIC) (DE)')
      await dialog.locator('select[name=coordinator]').selectOption(A.deNimic)
      await dialog.locator('textarea').fill('Der Dienstleister hat seine Tätigkeit eingestellt.')
      await dialog.locator('select[name="text.language"]').selectOption('de')
      expect(await axeViolations(proposer)).toEqual([])
      await dialog.locator('[part=confirm]').click()
      await expect.poll(() => proposer.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Closure proposal open for comments')
      await proposer.close()

      await as(U.de2AlertHandler).run({ type: 'alert.comment', exchangeId: id, text: { text: 'Einverstanden.', language: 'de' } })
      server.api.clock.advance(10 * 24 * 60 * 60 * 1000)
      ok(await server.api.app.execute({ kind: 'system' }, { type: 'alert.end-comment-period', exchangeId: id }))

      const coordinator = await open(U.deNimicBroadcaster, id)
      await expect.poll(() => toolbarOf(coordinator)).toEqual(await availableActions(U.deNimicBroadcaster, id))
      await coordinator.locator('imi-exchange [part=toolbar] button[data-action="alert.broadcast-closure-proposal"]').click()
      const broadcast = dialogOf(coordinator)
      await expect.poll(() => broadcast.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
      const comment = broadcast.locator('input[type=checkbox][name=includedComments]')
      expect(await comment.count()).toBe(1)
      expect(await broadcast.locator('fieldset').textContent()).toContain('Regierungspräsidium Stuttgart — Einverstanden.')
      await comment.check()
      expect(await axeViolations(coordinator)).toEqual([])
      await screenshot(coordinator, 'imi-exchange-alert-broadcast-closure')
      await broadcast.locator('[part=confirm]').click()
      await expect.poll(() => coordinator.locator('imi-exchange [part=header] imi-status [part=status]').textContent()).toBe('Closure proposal open for objections')
      const view = ok(await server.api.app.view({ kind: 'user', userId: U.deNimicBroadcaster, authorityId: A.deNimic }, id))
      const closure = (view.content as { closure: { coordinator: string; comments: ReadonlyArray<{ id: string }>; includedComments: ReadonlyArray<string> } }).closure
      expect(closure.coordinator).toBe(A.deNimic)
      expect(closure.includedComments).toEqual(closure.comments.map((c) => c.id))
      await coordinator.close()
    } finally {
      server.api.clock.set(start)
    }
  })
})
