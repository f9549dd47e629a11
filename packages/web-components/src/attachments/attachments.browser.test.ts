import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser, Page } from 'playwright-core'
import type { DomainError, ExchangeId, UserId } from '@imi-kit/core'
import { A, U, pqDraft, standardAnswers } from '@imi-kit/core/testing'
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

const run = async (user: UserId, command: Record<string, unknown>): Promise<ExchangeId> => ok(await server.api.client(user).execute(command)).exchangeId

const sent = async (): Promise<ExchangeId> => {
  const id = await run(U.frHandler, pqDraft())
  await run(U.frHandler, { type: 'request.send', exchangeId: id })
  return id
}

let n = 0
const open = async (user: UserId, id: ExchangeId, lang = 'en'): Promise<Page> => {
  n += 1
  const page = await browser.newPage()
  await page.goto(server.page(`attachments-${n}`, `<imi-provider lang="${lang}"><imi-attachments exchange-id="${id}"></imi-attachments></imi-provider>`, lang))
  await page.evaluate((u) => window.imiUseTestUser(u), user)
  await page.locator('imi-attachments [part=personal]').waitFor()
  return page
}

const personal = (page: Page) => page.locator('imi-attachments [part=personal] [part=attachment]')
const nonPersonal = (page: Page) => page.locator('imi-attachments [part=non-personal] [part=attachment]')

describe('<imi-attachments>', () => {
  it('[REQ-PREACCEPT-NO-ATTACHMENTS] shows the sender its documents with download links, and the addressee before acceptance only that a document is hidden', async () => {
    const id = await sent()
    const sender = await open(U.frHandler, id)
    await expect.poll(() => personal(sender).count()).toBe(1)
    const link = personal(sender).first().locator('[part=download]')
    expect(await link.textContent()).toBe('diplome.pdf')
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/api/exchanges/${id}/attachments/[^/]+$`))
    expect(await personal(sender).first().textContent()).toContain('Evidence of qualifications')
    expect(await nonPersonal(sender).count()).toBe(0)
    expect(await sender.locator('imi-attachments [part=form]').count()).toBe(0)
    expect(await axeViolations(sender)).toEqual([])
    await screenshot(sender, 'imi-attachments-sender')
    await sender.close()

    const addressee = await open(U.deHandler, id, 'de')
    await expect.poll(() => personal(addressee).count()).toBe(1)
    expect(await personal(addressee).first().textContent()).toContain('Verborgen (personenbezogene Daten)')
    expect(await addressee.locator('imi-attachments [part=download]').count()).toBe(0)
    expect(await axeViolations(addressee)).toEqual([])
    await screenshot(addressee, 'imi-attachments-hidden')
    await addressee.close()
  })

  it('[REQ-EXTRA-ATTACHMENTS] uploads a document with its relevance after acceptance, and files it in its section', async () => {
    const id = await sent()
    await run(U.deHandler, { type: 'request.accept', exchangeId: id })
    const page = await open(U.deHandler, id)
    await expect.poll(() => personal(page).count()).toBe(1)
    const form = page.locator('imi-attachments [part=form]')
    await form.locator('input[type=file]').setInputFiles({ name: 'antwortschreiben.txt', mimeType: 'text/plain', buffer: Buffer.from('Sehr geehrte Damen und Herren') })
    await form.locator('select').selectOption('correspondence')
    expect(await axeViolations(page)).toEqual([])
    await form.locator('button[type=submit]').click()
    await expect.poll(() => nonPersonal(page).count()).toBe(1)
    expect(await nonPersonal(page).first().locator('[part=download]').textContent()).toBe('antwortschreiben.txt')
    expect(await nonPersonal(page).first().textContent()).toContain('Correspondence')
    const view = ok(await server.api.app.view({ kind: 'user', userId: U.frHandler, authorityId: A.frCa }, id))
    const added = (view.content as { attachments: ReadonlyArray<{ fileName?: string; relevance?: string; addedBy?: string }> }).attachments.find((a) => a.fileName === 'antwortschreiben.txt')
    expect(added).toMatchObject({ relevance: 'correspondence', addedBy: 'responding' })
    await screenshot(page, 'imi-attachments-uploaded')
    await page.close()
  })

  it('[RET-BLOCKED-NO-USER-ACCESS] shows the documents of a closed request as blocked once its personal data is blocked, and none once erased', async () => {
    const id = await sent()
    await run(U.deHandler, { type: 'request.accept', exchangeId: id })
    await run(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    await run(U.frHandler, { type: 'request.close', exchangeId: id })
    ok(await server.api.app.execute({ kind: 'system' }, { type: 'request.block-personal-data', exchangeId: id }))
    const page = await open(U.frHandler, id)
    await expect.poll(() => personal(page).count()).toBe(1)
    expect(await personal(page).first().locator('[part=redacted]').getAttribute('data-reason')).toBe('blocked')
    expect(await personal(page).first().textContent()).toContain('Blocked (retention period)')
    expect(await page.locator('imi-attachments [part=download]').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-attachments-blocked')
    ok(await server.api.app.execute({ kind: 'system' }, { type: 'request.erase-personal-data', exchangeId: id }))
    await page.evaluate(() => (document.querySelector('imi-attachments') as HTMLElement & { reload(): Promise<void> }).reload())
    await expect.poll(() => personal(page).count()).toBe(0)
    expect(await page.locator('imi-attachments [part=personal]').textContent()).toContain('No document.')
    await page.close()
  })
})
