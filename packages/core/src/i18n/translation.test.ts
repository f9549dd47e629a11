import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { DomainError } from '../model/errors.js'
import type { Language } from './languages.js'
import { LANGUAGES } from './languages.js'
import type { Translator } from './translation.js'
import { createDictionaryTranslator, decodeTranslationInput, isPairSupported, missingTranslations, translateFreeText, translationRequest } from './translation.js'

const config = { pairs: [{ from: 'de', to: 'fr' }, { from: 'it', to: 'en' }] as const }

/** A translator that records the languages it was asked for: a real implementation of the port. */
const recording = (): Translator & { readonly calls: Array<readonly [string, Language, Language]> } => {
  const calls: Array<readonly [string, Language, Language]> = []
  return { calls, translate: async (text, from, to) => (calls.push([text, from, to]), E.right(`[${from}→${to}] ${text}`)) }
}

const left = <A>(r: E.Either<DomainError, A>): DomainError => {
  if (E.isRight(r)) throw new Error('expected a refusal')
  return r.left
}

describe('machine translation', () => {
  it('[I18N-MT-PAIRS] offers translation only for the configured pairs, in their direction, never into the same language', () => {
    expect(isPairSupported(config, 'de', 'fr')).toBe(true)
    expect(isPairSupported(config, 'fr', 'de')).toBe(false)
    expect(isPairSupported(config, 'de', 'it')).toBe(false)
    expect(isPairSupported({ pairs: [...config.pairs, { from: 'fr', to: 'fr' }] }, 'fr', 'fr')).toBe(false)
    expect(isPairSupported({ pairs: [] }, 'de', 'fr')).toBe(false)
    const refused = left(translationRequest({ text: 'Bitte', language: 'de' }, 'it', config))
    expect([refused.code, refused.ruleId]).toEqual(['translation.unsupported-pair', 'I18N-MT-PAIRS'])
    expect(left(translationRequest({ text: 'Merci', language: 'fr' }, 'fr', config)).code).toBe('translation.same-language')
  })

  it('[I18N-MT-SOURCE-TAG] translates from the language the free text declares, whatever the text looks like', async () => {
    // The text is German, but declared Italian: the declaration is the source.
    expect(translationRequest({ text: 'Guten Tag', language: 'it' }, 'en', config)).toEqual(E.right({ text: 'Guten Tag', from: 'it', to: 'en' }))
    expect(E.isLeft(translationRequest({ text: 'Guten Tag', language: 'it' }, 'fr', config))).toBe(true)
    const t = recording()
    const r = await translateFreeText(t, config, { text: 'Bitte senden Sie das Diplom.', language: 'de' }, 'fr')
    expect(t.calls).toEqual([['Bitte senden Sie das Diplom.', 'de', 'fr']])
    expect(r).toEqual(E.right({ text: '[de→fr] Bitte senden Sie das Diplom.', from: 'de', to: 'fr', machineTranslated: true }))
  })

  it('[I18N-MT-PORT] calls the injected translator only for a supported pair, and passes its refusals on', async () => {
    const t = recording()
    expect(E.isLeft(await translateFreeText(t, config, { text: 'Grazie', language: 'it' }, 'de'))).toBe(true)
    expect(t.calls).toEqual([])
    const dictionary = createDictionaryTranslator([{ from: 'de', to: 'fr', entries: { Danke: 'Merci' } }])
    expect(dictionary.config).toEqual({ pairs: [{ from: 'de', to: 'fr' }] })
    expect(await translateFreeText(dictionary, dictionary.config, { text: ' Danke ', language: 'de' }, 'fr')).toEqual(E.right({ text: 'Merci', from: 'de', to: 'fr', machineTranslated: true }))
    expect(left(await translateFreeText(dictionary, dictionary.config, { text: 'constructor', language: 'de' }, 'fr')).code).toBe('translation.unavailable')
  })

  it('[I18N-MT-SOURCE-TAG] refuses a translation asked without the language of the text', () => {
    expect(E.isLeft(decodeTranslationInput({ text: 'Danke', to: 'fr' }))).toBe(true)
    expect(E.isLeft(decodeTranslationInput({ text: 'Danke', language: 'xx', to: 'fr' }))).toBe(true)
    expect(decodeTranslationInput({ text: 'Danke', language: 'de', to: 'fr' })).toEqual(E.right({ text: 'Danke', language: 'de', to: 'fr' }))
  })

  it('[I18N-AUTHORITY-INFORMAL-NAME] [I18N-REGISTER-INFORMAL-NAME] lists the official languages a pre-translated name still lacks', () => {
    expect(missingTranslations({ en: 'Register', fr: 'Registre', de: ' ' }, ['en', 'fr', 'de'])).toEqual(['de'])
    const all = Object.fromEntries(LANGUAGES.map((l) => [l, `name-${l}`])) as { en: string } & Record<Language, string>
    expect(missingTranslations(all)).toEqual([])
    expect(missingTranslations({ en: 'Register' })).toEqual(LANGUAGES.filter((l) => l !== 'en'))
  })
})
