import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser, Page } from 'playwright-core'
import type { DomainError, ExchangeId, UserId } from '@imi-kit/core'
import { A, U, pqDraft } from '@imi-kit/core/testing'
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

const actionsOf = async (user: UserId, id: ExchangeId) =>
  ok(await server.api.app.availableActions({ kind: 'user', userId: user, authorityId: server.api.directory.user(user)?.authorityId ?? A.frCa }, id))

let n = 0
const open = async (user: UserId, id: ExchangeId, lang = 'en', attributes = ''): Promise<Page> => {
  n += 1
  const page = await browser.newPage()
  await page.goto(server.page(`comments-${n}`, `<imi-provider lang="${lang}"><imi-comments exchange-id="${id}" ${attributes}></imi-comments></imi-provider>`, lang))
  await page.evaluate((u) => window.imiUseTestUser(u), user)
  await page.locator('imi-comments h2').waitFor()
  return page
}

describe('<imi-comments>', () => {
  it('[I18N-FREE-TEXT-TAGGED] [I18N-SHOW-SPOKEN] [I18N-SPOKEN-ADVISORY] [I18N-LANGUAGES-SPOKEN] shows each message in its declared language, and while writing the languages the other authority understands, as advice', async () => {
    const id = await sent()
    await run(U.deHandler, { type: 'request.accept', exchangeId: id })
    await run(U.deHandler, { type: 'request.add-message', exchangeId: id, text: { text: 'Bitte senden Sie das Diplom in beglaubigter Kopie.', language: 'de' } })
    const page = await open(U.frHandler, id, 'fr', `authority-id="${A.frCa}"`)
    const messages = page.locator('imi-comments [part=message]')
    await expect.poll(() => messages.count()).toBe(1)
    const first = messages.first()
    expect(await first.getAttribute('data-side')).toBe('responding')
    expect(await first.locator('[part=free-text]').getAttribute('lang')).toBe('de')
    expect(await first.locator('[part=language]').textContent()).toBe('(Rédigé en allemand)')
    expect(await first.locator('.meta').textContent()).toContain('Autorité répondante (Ärztekammer Berlin)')
    // Only the other authority's languages, as advice.
    const spoken = page.locator('imi-comments [part=spoken]')
    expect(await spoken.locator('li').allTextContents()).toEqual(['Ärztekammer Berlin comprend : allemand, anglais'])
    expect(await spoken.textContent()).toContain('recommandé, mais pas obligatoire')
    // The language chosen by default is the display language; any language may be chosen.
    const form = page.locator('imi-comments [part=form]')
    expect(await form.locator('select').inputValue()).toBe('fr')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-comments')
    await form.getByLabel('Commentaire', { exact: true }).fill('Le diplôme suit par courrier.')
    await form.getByRole('button').click()
    await expect.poll(() => messages.count()).toBe(2)
    expect(await messages.nth(1).locator('[part=free-text]').getAttribute('lang')).toBe('fr')
    expect(await page.locator('imi-comments [part=notice]').textContent()).toBe('Le commentaire a été ajouté.')
    const view = ok(await server.api.app.view({ kind: 'user', userId: U.deHandler, authorityId: A.deCa }, id))
    expect((view.content as { messages: ReadonlyArray<{ text: unknown }> }).messages.map((m) => m.text)).toEqual([
      { text: 'Bitte senden Sie das Diplom in beglaubigter Kopie.', language: 'de' },
      { text: 'Le diplôme suit par courrier.', language: 'fr' },
    ])
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'de'))
    await expect.poll(() => first.locator('[part=language]').textContent()).toBe('(Verfasst auf Deutsch)')
    await page.close()
  })

  it('[REQ-MESSAGES-WINDOW] offers no form while adding a message is not among the user’s actions', async () => {
    const id = await sent()
    expect(await actionsOf(U.frHandler, id)).not.toContain('request.add-message')
    const page = await open(U.frHandler, id)
    expect(await page.locator('imi-comments [part=empty]').textContent()).toBe('No message yet.')
    expect(await page.locator('imi-comments [part=form]').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-comments-read-only')
    await page.close()
  })
})
