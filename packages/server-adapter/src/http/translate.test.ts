import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { createApplicationService, createDictionaryTranslator, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, LanguagePair, Translator, UserId } from '@imi-kit/core'
import { U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import { createHttpImiClient } from '../client/index.js'
import { createImiHandler } from './handler.js'

const ORIGIN = 'http://imi.test'

/** A dictionary translator: a real implementation of the port, with a few German and Italian phrases. */
const dictionary = createDictionaryTranslator([
  { from: 'de', to: 'fr', entries: { 'Bitte senden Sie das Diplom.': 'Veuillez envoyer le diplôme.' } },
  { from: 'it', to: 'en', entries: { 'Grazie mille.': 'Thank you very much.' } },
])

const server = (translator?: Translator, pairs?: ReadonlyArray<LanguagePair>) => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const storage = createMemoryStorage({ clock })
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds('t'), directory })
  const authenticate = (request: Request): Actor | null => {
    const user = directory.user((request.headers.get('x-user') ?? '') as UserId)
    return user === undefined ? null : { kind: 'user', userId: user.id, authorityId: user.authorityId }
  }
  const handler = createImiHandler({
    app,
    storage,
    directory,
    clock,
    authenticate,
    ...(translator === undefined ? {} : { translator }),
    ...(pairs === undefined ? {} : { translationPairs: pairs }),
  })
  const client = (user: UserId) =>
    createHttpImiClient({
      baseUrl: `${ORIGIN}/api`,
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        const request = new Request(input, init)
        request.headers.set('x-user', user)
        return handler(request)
      }) as typeof fetch,
    })
  const post = (user: UserId | undefined, body: unknown) =>
    handler(new Request(`${ORIGIN}/api/translate`, { method: 'POST', headers: { 'content-type': 'application/json', ...(user === undefined ? {} : { 'x-user': user }) }, body: JSON.stringify(body) }))
  return { client, post }
}

const code = async (res: Response) => ((await res.json()) as { error?: { code?: string; ruleId?: string } }).error

describe('POST /translate', () => {
  it('[I18N-MT-PORT] translates through the injected translator, for signed-in users, and says it is a machine translation', async () => {
    const s = server(dictionary, dictionary.config.pairs)
    const fr = s.client(U.frHandler)
    expect(await fr.translationPairs?.()).toEqual(E.right([{ from: 'de', to: 'fr' }, { from: 'it', to: 'en' }]))
    expect(await fr.translate?.({ text: 'Bitte senden Sie das Diplom.', language: 'de' }, 'fr')).toEqual(
      E.right({ text: 'Veuillez envoyer le diplôme.', from: 'de', to: 'fr', machineTranslated: true }),
    )
    expect((await s.post(undefined, { text: 'Grazie mille.', language: 'it', to: 'en' })).status).toBe(401)
    // A text the service cannot translate is a refusal, not a server error.
    const unknown = await s.post(U.frHandler, { text: 'Guten Tag.', language: 'de', to: 'fr' })
    expect(unknown.status).toBe(422)
    expect((await code(unknown))?.code).toBe('translation.unavailable')
  })

  it('[I18N-MT-PORT] offers no translation when no translator is configured', async () => {
    const s = server()
    const res = await s.post(U.frHandler, { text: 'Grazie mille.', language: 'it', to: 'en' })
    expect([res.status, (await code(res))?.code]).toEqual([422, 'translation.not-configured'])
    const pairs = await s.client(U.frHandler).translationPairs?.()
    expect(pairs !== undefined && E.isLeft(pairs) && pairs.left.code).toBe('translation.not-configured')
  })

  it('[I18N-MT-PAIRS] refuses a pair the configuration does not list, even when the translator could do it', async () => {
    // The translator knows it→en, but the portal only configured de→fr.
    const s = server(dictionary, [{ from: 'de', to: 'fr' }])
    const res = await s.post(U.frHandler, { text: 'Grazie mille.', language: 'it', to: 'en' })
    expect(res.status).toBe(422)
    expect(await code(res)).toMatchObject({ code: 'translation.unsupported-pair', ruleId: 'I18N-MT-PAIRS' })
    expect(await s.client(U.frHandler).translationPairs?.()).toEqual(E.right([{ from: 'de', to: 'fr' }]))
  })

  it('[I18N-MT-SOURCE-TAG] translates from the language the text declares, and refuses a text without one', async () => {
    const s = server(dictionary, dictionary.config.pairs)
    // The German sentence declared as Italian is looked up as Italian: no it→fr pair.
    const wrongTag = await s.post(U.frHandler, { text: 'Bitte senden Sie das Diplom.', language: 'it', to: 'fr' })
    expect((await code(wrongTag))?.code).toBe('translation.unsupported-pair')
    const noTag = await s.post(U.frHandler, { text: 'Bitte senden Sie das Diplom.', to: 'fr' })
    expect([noTag.status, (await code(noTag))?.code]).toEqual([400, 'translation.invalid'])
    const ok = await s.post(U.frHandler, { text: 'Bitte senden Sie das Diplom.', language: 'de', to: 'fr' })
    expect(await ok.json()).toEqual({ text: 'Veuillez envoyer le diplôme.', from: 'de', to: 'fr', machineTranslated: true })
  })
})
