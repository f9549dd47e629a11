import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { Browser, Page } from 'playwright-core'
import { createDictionaryTranslator } from '@imi-kit/core'
import type { Actor, DomainError, ExchangeId, UserId } from '@imi-kit/core'
import { A, U, pqDraft } from '@imi-kit/core/testing'
import { createImiHandler } from '@imi-kit/server-adapter'
import { TEST_USER_HEADER } from '../../../server-adapter/src/testing/test-server.js'
import { axeViolations, launch, screenshot } from '../testing/browser.js'
import type { PageServer } from '../testing/page-server.js'
import { startPageServer } from '../testing/page-server.js'

const GERMAN = 'Bitte senden Sie das Diplom in beglaubigter Kopie.'
const FRENCH = 'Veuillez envoyer une copie certifiée conforme du diplôme.'

/** A dictionary translator, a real implementation of the port: German into French only. */
const translator = createDictionaryTranslator([{ from: 'de', to: 'fr', entries: { [GERMAN]: FRENCH } }])

let server: PageServer
let browser: Browser

beforeAll(async () => {
  let api: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  server = await startPageServer({ handler: (request) => api(request) })
  const s = server.api
  const authenticate = (request: Request): Actor | null => {
    const user = s.directory.user((request.headers.get(TEST_USER_HEADER) ?? '') as UserId)
    return user === undefined ? null : { kind: 'user', userId: user.id, authorityId: user.authorityId }
  }
  api = createImiHandler({ app: s.app, storage: s.storage, directory: s.directory, clock: s.clock, blobs: s.blobs, authenticate, translator, translationPairs: translator.config.pairs })
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

let n = 0
const open = async (user: UserId, id: ExchangeId, lang: string): Promise<Page> => {
  n += 1
  const page = await browser.newPage()
  await page.goto(server.page(`comments-translate-${n}`, `<imi-provider lang="${lang}"><imi-comments exchange-id="${id}" authority-id="${A.frCa}"></imi-comments></imi-provider>`, lang))
  await page.evaluate((u) => window.imiUseTestUser(u), user)
  await page.locator('imi-comments h2').waitFor()
  return page
}

describe('<imi-comments> machine translation', () => {
  it('[I18N-MT-PAIRS] [I18N-MT-SOURCE-TAG] [I18N-MT-PORT] offers to translate a message in another language, only for a supported pair, from its declared language', async () => {
    const id = await run(U.frHandler, pqDraft())
    await run(U.frHandler, { type: 'request.send', exchangeId: id })
    await run(U.deHandler, { type: 'request.accept', exchangeId: id })
    await run(U.deHandler, { type: 'request.add-message', exchangeId: id, text: { text: GERMAN, language: 'de' } })
    await run(U.frHandler, { type: 'request.add-message', exchangeId: id, text: { text: 'Le diplôme suit par courrier.', language: 'fr' } })
    const page = await open(U.frHandler, id, 'fr')
    const messages = page.locator('imi-comments [part=message]')
    await expect.poll(() => messages.count()).toBe(2)
    const german = messages.nth(0)
    // The German message can be translated into French (de→fr is offered); the French one needs nothing.
    const button = german.getByRole('button', { name: 'Traduire' })
    await expect.poll(() => button.count()).toBe(1)
    expect(await messages.nth(1).locator('[part=translate]').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await button.click()
    await expect.poll(() => german.locator('[part=translation]').textContent()).toBe(`Traduction automatique, approximative : ${FRENCH}`)
    expect(await german.locator('[part=translate]').count()).toBe(0)
    // The original stays, in its declared language.
    expect(await german.locator('[part=free-text]').getAttribute('lang')).toBe('de')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'imi-comments-translated')
    // In Italian, neither de→it nor fr→it is offered: no button at all.
    await page.evaluate(() => document.querySelector('imi-provider')?.setAttribute('lang', 'it'))
    await expect.poll(() => german.locator('[part=language]').textContent()).not.toBe('(Rédigé en allemand)')
    expect(await page.locator('imi-comments [part=translate]').count()).toBe(0)
    expect(await page.locator('imi-comments [part=translation]').count()).toBe(0)
    await page.close()
  })
})
