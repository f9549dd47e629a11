import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type { ExchangeId, UserId } from '@imi-kit/core'
import { A, U, alertDraft, pqDraft, standardAnswers } from '@imi-kit/core/testing'
import { axeViolations, launch, screenshot } from '../testing/browser.js'
import type { PageServer } from '../testing/page-server.js'
import { startPageServer } from '../testing/page-server.js'

let server: PageServer
let browser: Browser
type Name = 'draft' | 'toGermany' | 'toItaly' | 'closed' | 'alert' | 'alertUnknown'
const numbers = {} as Record<Name, string>

const run = async (user: UserId, command: Record<string, unknown>): Promise<ExchangeId> => {
  const r = await server.api.client(user).execute(command)
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right.exchangeId
}

const numberOf = async (user: UserId, id: ExchangeId): Promise<string> => {
  const v = await server.api.client(user).view(id)
  if (E.isLeft(v)) throw new Error(v.left.code)
  return v.right.number
}

const broadcast = async (draft: Record<string, unknown>): Promise<ExchangeId> => {
  const id = await run(U.frAlertHandler, alertDraft(draft))
  await run(U.frAlertHandler, { type: 'alert.submit', exchangeId: id })
  await run(U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: id })
  await run(U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: id })
  return id
}

beforeAll(async () => {
  server = await startPageServer()
  browser = await launch()
  // The French handler's requests: a draft, one sent to Germany, one to Italy, one closed; and two alerts broadcast to Germany and Italy.
  const draft = await run(U.frHandler, pqDraft())
  const toGermany = await run(U.frHandler, pqDraft())
  await run(U.frHandler, { type: 'request.send', exchangeId: toGermany })
  const toItaly = await run(U.frHandler, pqDraft({ addressee: A.itCa }))
  await run(U.frHandler, { type: 'request.send', exchangeId: toItaly })
  const closed = await run(U.frHandler, pqDraft())
  await run(U.frHandler, { type: 'request.send', exchangeId: closed })
  await run(U.deHandler, { type: 'request.accept', exchangeId: closed })
  await run(U.deHandler, { type: 'request.reply', exchangeId: closed, answers: standardAnswers })
  await run(U.frHandler, { type: 'request.close', exchangeId: closed })
  const alert = await broadcast({})
  const alertUnknown = await broadcast({ establishment: null, serviceActivity: 'Building works' })
  for (const [k, id] of Object.entries({ draft, toGermany, toItaly, closed })) numbers[k as Name] = await numberOf(U.frHandler, id)
  for (const [k, id] of Object.entries({ alert, alertUnknown })) numbers[k as Name] = await numberOf(U.frAlertHandler, id)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The text of an element, white space collapsed. */
const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()

const listPage = async (name: string, user: UserId, lang: string, attributes: string): Promise<Page> => {
  const page = await browser.newPage()
  await page.goto(
    server.page(name, `<imi-provider lang="${lang}"><imi-exchange-list href="/exchange.html?id={id}" ${attributes}></imi-exchange-list></imi-provider><script type="module">window.imiUseTestUser(${JSON.stringify(user)})</script>`, lang),
  )
  return page
}

const rows = (page: Page) => page.locator('imi-exchange-list tbody [part=link]').allTextContents()
const headers = (page: Page) => page.locator('imi-exchange-list thead th').evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').replace(/[\s▲▼↕]+/g, ' ').trim()))
const column = (page: Page, c: string) => page.locator(`imi-exchange-list tbody td[data-column="${c}"]`).evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()))
const statuses = (page: Page) => page.locator('imi-exchange-list tbody imi-status [part=status]').allTextContents()

describe('<imi-exchange-list>', () => {
  it('[SRCH-REQ-OWN-ALL][SRCH-REQ-CRITERIA][I18N-STANDARD-MESSAGES] searches the requests of the authority — drafts, open and closed — by status, member state, date sent and free text, a page at a time', async () => {
    const page = await listPage('list-requests', U.frHandler, 'fr', 'procedure="imi.request-for-information" page-size="2"')
    const el = page.locator('imi-exchange-list')
    await expect.poll(() => rows(page)).toHaveLength(2)
    expect(await headers(page)).toEqual(['Numéro', 'Statut', 'Domaine législatif', 'États membres', 'Envoi', 'Mise à jour', 'Échéance'])
    expect(await text(el.locator('[part=summary]'))).toBe('Page 1')
    const first = await rows(page)
    const firstStatuses = await statuses(page)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-list-requests')

    // Pages follow the cursor: the second holds the other two, and there is no third.
    const next = el.getByRole('button', { name: 'Page suivante' })
    await next.click()
    await expect.poll(() => text(el.locator('[part=summary]'))).toBe('Page 2')
    const second = await rows(page)
    const all = [...first, ...second].sort()
    expect(all).toEqual([numbers.draft, numbers.toGermany, numbers.toItaly, numbers.closed].sort())
    expect([...firstStatuses, ...(await statuses(page))].sort()).toEqual(['Clôturée', 'En attente d\'acceptation', 'En attente d\'acceptation', 'Projet'].sort())
    expect(await next.isDisabled()).toBe(true)
    await el.getByRole('button', { name: 'Page précédente' }).click()
    await expect.poll(() => rows(page)).toEqual(first)

    const search = el.getByRole('button', { name: 'Rechercher', exact: true })
    const clear = el.getByRole('button', { name: 'Effacer les critères' })
    // By status.
    await el.locator('summary', { hasText: 'Statuts' }).click()
    await el.getByLabel('Clôturée').check()
    await search.click()
    await expect.poll(() => rows(page)).toEqual([numbers.closed])
    expect(await text(el.locator('summary', { hasText: 'Statuts' }))).toBe('Statuts (1 choisi(s))')
    // By member state, sending or receiving.
    await clear.click()
    await el.locator('summary', { hasText: 'États membres' }).click()
    await el.getByLabel('Italie').check()
    await search.click()
    await expect.poll(() => rows(page)).toEqual([numbers.toItaly])
    expect(await column(page, 'member-states')).toEqual(['France, Italie'])
    // By date sent: nothing before 2 March 2026; on that day, the three sent (not the draft).
    await clear.click()
    await el.getByLabel('Envoyé jusqu’au').fill('2026-03-01')
    await search.click()
    await expect.poll(() => text(el.locator('[part=summary]'))).toBe('Aucun échange ne correspond à ces critères.')
    await el.getByLabel('Envoyé jusqu’au').fill('2026-03-02')
    await el.getByLabel('Envoyé à partir du').fill('2026-03-02')
    await search.click()
    await expect.poll(() => rows(page)).toHaveLength(2)
    await next.click()
    await expect.poll(() => text(el.locator('[part=summary]'))).toBe('Page 2')
    expect(await rows(page)).toHaveLength(1)
    // By free text: the number.
    await clear.click()
    await el.getByLabel('Texte libre (numéro, dossier)').fill(numbers.toGermany)
    await el.getByLabel('Texte libre (numéro, dossier)').press('Enter')
    await expect.poll(() => rows(page)).toEqual([numbers.toGermany])
    expect(await axeViolations(page)).toEqual([])

    // The language switches live.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => headers(page)).toEqual(['Nummer', 'Status', 'Rechtsbereich', 'Mitgliedstaaten', 'Gesendet', 'Aktualisiert', 'Frist'])
    expect(await column(page, 'area')).toEqual(['Berufsqualifikationen'])
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'en'))
    await expect.poll(() => headers(page)).toEqual(['Number', 'Status', 'Legislative area', 'Member states', 'Sent', 'Updated', 'Deadline'])
    expect(await statuses(page)).toEqual(['Awaiting acceptance'])
    await page.close()
  })

  it('[SRCH-ALERT-LIST-COLUMNS][SRCH-ALERT-LIST-SCOPE] lists the alerts of a mailbox with the alert columns, chosen and sorted from the keyboard, and exports them', async () => {
    const page = await listPage('list-alerts', U.deNimicBroadcaster, 'de', 'procedure="services.alert"')
    const el = page.locator('imi-exchange-list')
    await expect.poll(() => rows(page)).toHaveLength(2)
    // Number, service activity, state of establishment, initiating authority, status, broadcast date.
    expect(await headers(page)).toEqual(['Nummer', 'Dienstleistungstätigkeit', 'Niederlassungsmitgliedstaat', 'Veranlassende Behörde', 'Status', 'Verbreitung'])
    // Ties on the last update break by exchange id, newest first.
    expect(await rows(page)).toEqual([numbers.alertUnknown, numbers.alert])
    expect(await column(page, 'service-activity')).toEqual(['Building works', 'Non-emergency patient transport'])
    expect(await column(page, 'establishment')).toEqual(['Unbekannt', 'Frankreich'])
    await expect.poll(() => column(page, 'initiator')).toEqual(['Ordre national des médecins', 'Ordre national des médecins'])
    // The status this mailbox sees: the alert waits for its acknowledgement.
    expect(await statuses(page)).toEqual(['Warnung wartet auf Empfangsbestätigung', 'Warnung wartet auf Empfangsbestätigung'])
    expect(await column(page, 'sent')).toEqual(['02.03.2026', '02.03.2026'])
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-list-alerts')

    // Sorting from the keyboard: the number's header sorts ascending, and says so.
    await el.locator('th[data-column=number] button').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => rows(page)).toEqual([numbers.alert, numbers.alertUnknown])
    expect(await el.locator('th[data-column=number]').getAttribute('aria-sort')).toBe('ascending')
    expect(await el.locator('th[aria-sort]').count()).toBe(1)
    expect(await el.locator('#sort').inputValue()).toBe('number-asc')
    // The four sorts of the search are in the menu.
    expect(await el.locator('#sort option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['updated-desc', 'created-desc', 'deadline-asc', 'number-asc'])

    // The column chooser, from the keyboard: open it, drop the initiating authority, add the creation date.
    await el.locator('[part=columns] summary').focus()
    await page.keyboard.press('Enter')
    await el.getByLabel('Veranlassende Behörde').focus()
    await page.keyboard.press('Space')
    await el.getByLabel('Erstellt').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => headers(page)).toEqual(['Nummer', 'Dienstleistungstätigkeit', 'Niederlassungsmitgliedstaat', 'Status', 'Verbreitung', 'Erstellt'])
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-exchange-list-columns')

    // The export links carry the search; the export holds the alerts, in the viewer's language.
    const csv = await el.locator('[part=export]').first().getAttribute('href')
    expect(csv).toMatch(/^\/api\/search\/export\?/)
    expect(csv).toContain('procedure=services.alert')
    expect(csv).toContain('format=csv')
    expect(csv).toContain('lang=de')
    expect(await el.locator('[part=export]').nth(1).getAttribute('href')).toContain('format=xlsx')
    const exported = await page.evaluate(
      async ([href, user]) => {
        const r = await fetch(href ?? '', { headers: { 'x-test-user': user ?? '' } })
        return { status: r.status, type: r.headers.get('content-type'), body: await r.text() }
      },
      [csv, U.deNimicBroadcaster],
    )
    expect(exported.status).toBe(200)
    expect(exported.type).toMatch(/text\/csv/)
    expect(exported.body).toContain(numbers.alert)
    expect(exported.body).toContain(numbers.alertUnknown)
    await page.close()

    // Alerts list only for users with an alert role: the German request handler finds none.
    const handler = await listPage('list-alerts-no-role', U.deHandler, 'en', 'procedure="services.alert"')
    await expect.poll(() => text(handler.locator('imi-exchange-list [part=summary]'))).toBe('No exchange matches these criteria.')
    await handler.close()
  })
})
