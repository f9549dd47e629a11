/**
 * Language packs: the translations of one language, registered at run time. The sources of the
 * catalogue keep every language side by side; a browser bundle may carry English only and fetch the
 * other languages as packs when a page asks for them (the web components do). A registered pack fills
 * what the catalogue and the data lack in its language: `uiLabel` finds its labels by key, `localize`
 * its pre-translated texts by their English wording (as gettext finds a message by its msgid).
 * Labels the catalogue already holds in that language, or that a portal gave through
 * `extendUiLabels`, win over the pack.
 *
 * @module
 */
import type { Language } from './languages.js'

/**
 * The translations of one language: the interface labels by key, and the data's pre-translated texts
 * (question sets, legislative areas, …) by their English wording.
 *
 * @category i18n
 */
export interface UiLanguagePack {
  readonly labels: Readonly<Record<string, string>>
  readonly texts?: Readonly<Record<string, string>>
}

/** The registered packs, by language. */
const packs = new Map<Language, { readonly labels: Readonly<Record<string, string>>; readonly texts: Readonly<Record<string, string>> }>()

const own = (record: Readonly<Record<string, string>> | undefined, key: string): string | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined

/**
 * Registers the labels and texts of a language (I18N-STANDARD-MESSAGES). A second pack of the same
 * language is merged over the first. Registering English is allowed; its texts fill only labels the
 * catalogue does not know in English, since the catalogue's own labels win.
 *
 * @example
 * ```ts
 * import { registerUiLanguage, uiLabel } from '@imi-kit/core'
 * registerUiLanguage('it', { labels: { 'common.save': 'Salva' } })
 * uiLabel('common.save', 'it') // { text: 'Salva', language: 'it', fallback: false }
 * ```
 * @category i18n
 */
export const registerUiLanguage = (language: Language, pack: UiLanguagePack): void => {
  const before = packs.get(language)
  packs.set(language, { labels: { ...before?.labels, ...pack.labels }, texts: { ...before?.texts, ...pack.texts } })
}

/**
 * True when a pack of `language` was registered.
 *
 * @category i18n
 */
export const isUiLanguageRegistered = (language: Language): boolean => packs.has(language)

/** The label `key` of a registered pack of `language`, if any. @internal */
export const packLabel = (language: Language, key: string): string | undefined => own(packs.get(language)?.labels, key)

/** The translation into `language` of a pre-translated text, found by its English wording, if any. @internal */
export const packText = (language: Language, english: string): string | undefined => own(packs.get(language)?.texts, english)

const isStringRecord = (u: unknown): u is Readonly<Record<string, string>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && Object.values(u).every((v) => typeof v === 'string')

/**
 * True when `u` has the shape of a {@link UiLanguagePack}: for what arrives over the network, before
 * it is registered. Checks shape only, never the wording.
 *
 * @example
 * ```ts
 * import { isUiLanguagePack } from '@imi-kit/core'
 * isUiLanguagePack({ labels: { 'common.save': 'Enregistrer' } }) // true
 * isUiLanguagePack({ labels: { 'common.save': 1 } }) // false
 * ```
 * @category i18n
 */
export const isUiLanguagePack = (u: unknown): u is UiLanguagePack =>
  typeof u === 'object' && u !== null && isStringRecord((u as { labels?: unknown }).labels) && ((u as { texts?: unknown }).texts === undefined || isStringRecord((u as { texts?: unknown }).texts))
