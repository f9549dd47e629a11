/**
 * Languages and language-tagged text.
 *
 * @module
 */
import * as t from 'io-ts'
import { packText } from './packs.js'

/**
 * The official languages of the EU, plus Icelandic and Norwegian for the EEA EFTA states.
 * ISO 639-1 codes.
 *
 * @category model
 */
export const LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl',
  'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'is', 'no',
] as const

/** A language code. @category model */
export type Language = (typeof LANGUAGES)[number]

/** Codec of {@link Language}. @category codecs */
export const LanguageCodec = /* @__PURE__ */ t.keyof(
  /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ LANGUAGES.map((l) => [l, null])) as Record<Language, null>,
  'Language',
)

/**
 * Text translated in advance: English always, other languages where a translation exists.
 *
 * @category model
 */
export type LocalizedText = { readonly en: string } & Partial<Readonly<Record<Language, string>>>

/**
 * Picks the translation for `language`, falling back to English. The second member says whether the
 * fallback was used, so that a user interface can show it. A translation the text lacks is looked up,
 * by its English wording, in the language pack registered for `language` (`registerUiLanguage`).
 *
 * @example
 * ```ts
 * import { localize } from '@imi-kit/core'
 * localize({ en: 'Yes', fr: 'Oui' }, 'fr') // ['Oui', false]
 * localize({ en: 'Yes', fr: 'Oui' }, 'hu') // ['Yes', true]
 * ```
 * @category i18n
 */
export const localize = (text: LocalizedText, language: Language): readonly [string, boolean] => {
  const found = text[language] ?? packText(language, text.en)
  return found === undefined ? [text.en, language !== 'en'] : [found, false]
}

/**
 * Free text always carries the language it is written in, so that the other side can have it
 * machine-translated (I18N-FREE-TEXT-TAGGED).
 *
 * @category model
 */
export interface FreeText {
  readonly text: string
  readonly language: Language
}

/** Maximum length of one free text, in characters. @category model */
export const FREE_TEXT_MAX_LENGTH = 10_000

const BoundedText = /* @__PURE__ */ new t.Type<string, string, unknown>(
  'BoundedText',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && u.trim().length > 0 && u.length <= FREE_TEXT_MAX_LENGTH
      ? t.success(u)
      : t.failure(u, c, `text must be non-empty and at most ${FREE_TEXT_MAX_LENGTH} characters`),
  (a) => a,
)

/** Codec of {@link FreeText}: a non-empty text and its declared language. @category codecs */
export const FreeTextCodec: t.Type<FreeText> = /* @__PURE__ */ t.readonly(/* @__PURE__ */ t.type({ text: BoundedText, language: LanguageCodec }), 'FreeText')

/**
 * Free text as it arrives from a form: the language may still be missing. Sending a request is
 * refused while any free text lacks its language (REQ-SEND-FREE-TEXT-LANGUAGE), but a draft may be
 * saved with it.
 *
 * @category model
 */
export interface DraftFreeText {
  readonly text: string
  readonly language?: Language
}

/** Codec of {@link DraftFreeText}. @category codecs */
export const DraftFreeTextCodec: t.Type<DraftFreeText> = /* @__PURE__ */ t.readonly(
  /* @__PURE__ */ t.intersection([/* @__PURE__ */ t.type({ text: BoundedText }), /* @__PURE__ */ t.partial({ language: LanguageCodec })]),
  'DraftFreeText',
)
