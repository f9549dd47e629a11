/**
 * Machine translation of free text (spec §12): an injected port, `translate(text, from, to)`, and the
 * supported language pairs as configuration (I18N-MT-PORT). The core never translates by itself; it
 * checks that a pair is supported (I18N-MT-PAIRS) and that the source is the language the free text
 * declares (I18N-MT-SOURCE-TAG). Also: which languages a pre-translated text still lacks, for the
 * texts that must be translated into every official language (I18N-AUTHORITY-INFORMAL-NAME,
 * I18N-REGISTER-INFORMAL-NAME).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { DomainError } from '../model/errors.js'
import { domainError, invalidInput } from '../model/errors.js'
import type { FreeText, Language, LocalizedText } from './languages.js'
import { FreeTextCodec, LANGUAGES, LanguageCodec } from './languages.js'

/** A source and a target language. @category i18n */
export interface LanguagePair {
  readonly from: Language
  readonly to: Language
}

/**
 * The configuration of machine translation: the language pairs the translation service supports
 * (I18N-MT-PORT). No pair, no translation.
 *
 * @category i18n
 */
export interface TranslationConfig {
  readonly pairs: ReadonlyArray<LanguagePair>
}

/**
 * The machine-translation port (I18N-MT-PORT): an online service that gives an approximate rendering
 * of a text from one language into another. Implementations do I/O; a refusal or an outage is a
 * `DomainError`, never an exception.
 *
 * @category ports
 */
export interface Translator {
  translate(text: string, from: Language, to: Language): Promise<E.Either<DomainError, string>>
}

/** What to translate: the text, its declared language and the target. @category i18n */
export interface TranslationRequest {
  readonly text: string
  readonly from: Language
  readonly to: Language
}

/**
 * A machine translation: approximate, for understanding only; an official translation may be needed
 * for legal purposes (spec §12).
 *
 * @category i18n
 */
export interface MachineTranslation {
  readonly text: string
  readonly from: Language
  readonly to: Language
  readonly machineTranslated: true
}

/**
 * True when the configuration supports translating from `from` into `to` (I18N-MT-PAIRS). A language
 * is never "translated" into itself.
 *
 * @example
 * ```ts
 * import { isPairSupported } from '@imi-kit/core'
 * isPairSupported({ pairs: [{ from: 'de', to: 'fr' }] }, 'de', 'fr') // true
 * isPairSupported({ pairs: [{ from: 'de', to: 'fr' }] }, 'fr', 'de') // false
 * ```
 * @category i18n
 */
export const isPairSupported = (config: TranslationConfig, from: Language, to: Language): boolean =>
  from !== to && config.pairs.some((p) => p.from === from && p.to === to)

/**
 * Prepares the machine translation of a free text into `to`: the source language is the one the free
 * text declares (I18N-MT-SOURCE-TAG), and an unsupported pair is refused (I18N-MT-PAIRS).
 *
 * @example
 * ```ts
 * import { translationRequest } from '@imi-kit/core'
 * translationRequest({ text: 'Danke', language: 'de' }, 'fr', { pairs: [{ from: 'de', to: 'fr' }] })
 * // right({ text: 'Danke', from: 'de', to: 'fr' })
 * ```
 * @category i18n
 */
export const translationRequest = (freeText: FreeText, to: Language, config: TranslationConfig): E.Either<DomainError, TranslationRequest> => {
  const from = freeText.language
  if (from === to) return E.left(domainError('translation.same-language', `The text is already in ${to}`, 'I18N-MT-PAIRS', { from, to }))
  if (!isPairSupported(config, from, to))
    return E.left(domainError('translation.unsupported-pair', `Machine translation from ${from} into ${to} is not offered`, 'I18N-MT-PAIRS', { from, to }))
  return E.right({ text: freeText.text, from, to })
}

/**
 * Translates a free text through the port, after {@link translationRequest}'s checks. The answer says
 * that it is a machine translation.
 *
 * @example
 * ```ts
 * import { translateFreeText } from '@imi-kit/core'
 * // await translateFreeText(translator, config, { text: 'Danke', language: 'de' }, 'fr')
 * ```
 * @category i18n
 */
export const translateFreeText = async (
  translator: Translator,
  config: TranslationConfig,
  freeText: FreeText,
  to: Language,
): Promise<E.Either<DomainError, MachineTranslation>> => {
  const request = translationRequest(freeText, to, config)
  if (E.isLeft(request)) return request
  const { text, from } = request.right
  return E.map((translated: string): MachineTranslation => ({ text: translated, from, to, machineTranslated: true }))(await translator.translate(text, from, to))
}

/** Codec of {@link TranslationInput}. @category codecs */
export const TranslationInputCodec = /* @__PURE__ */ t.readonly(/* @__PURE__ */ t.intersection([FreeTextCodec, /* @__PURE__ */ t.type({ to: LanguageCodec })]), 'TranslationInput')

/** A translation asked by a client: a free text with its declared language, and the target. @category i18n */
export type TranslationInput = FreeText & { readonly to: Language }

/** Validates a translation asked by a client. @category i18n */
export const decodeTranslationInput = (u: unknown): E.Either<DomainError, TranslationInput> => {
  const d = TranslationInputCodec.decode(u)
  return E.isLeft(d) ? E.left(invalidInput('translation', d.left)) : E.right(d.right)
}

/**
 * The languages among `languages` (default: every language of {@link LANGUAGES}) into which a
 * pre-translated text is not translated yet; empty when it is translated into all of them.
 *
 * @example
 * ```ts
 * import { missingTranslations } from '@imi-kit/core'
 * missingTranslations({ en: 'Register', fr: 'Registre' }, ['en', 'fr', 'de']) // ['de']
 * ```
 * @category i18n
 */
export const missingTranslations = (text: LocalizedText, languages: ReadonlyArray<Language> = LANGUAGES): ReadonlyArray<Language> =>
  languages.filter((l) => (text[l] ?? '').trim() === '')

/**
 * A {@link Translator} that looks texts up in a fixed dictionary: for tests, demos and glossaries of
 * standard phrases. A text it does not know is refused (`translation.unavailable`), as an online
 * service that cannot translate it would. Its `config` lists the pairs the dictionary covers.
 *
 * @example
 * ```ts
 * import { createDictionaryTranslator } from '@imi-kit/core'
 * const t = createDictionaryTranslator([{ from: 'de', to: 'fr', entries: { Danke: 'Merci' } }])
 * // await t.translate('Danke', 'de', 'fr') // right('Merci')
 * ```
 * @category i18n
 */
export const createDictionaryTranslator = (
  dictionaries: ReadonlyArray<LanguagePair & { readonly entries: Readonly<Record<string, string>> }>,
): Translator & { readonly config: TranslationConfig } => ({
  config: { pairs: dictionaries.map(({ from, to }) => ({ from, to })) },
  translate: async (text, from, to) => {
    const entries = dictionaries.find((d) => d.from === from && d.to === to)?.entries
    const key = text.trim()
    const found = entries !== undefined && Object.hasOwn(entries, key) ? entries[key] : undefined
    return found === undefined
      ? E.left(domainError('translation.unavailable', `No translation of this text from ${from} into ${to}`, undefined, { from, to }))
      : E.right(found)
  },
})
