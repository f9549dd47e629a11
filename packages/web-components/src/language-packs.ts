/**
 * The loader of language packs. The browser bundle carries the labels in English only; each other
 * complete language is a pack file next to it (`i18n/fr.json`, `i18n/de.json`), fetched the first time
 * an element is shown in that language, and registered with the core (`registerUiLanguage`). Until it
 * arrives the elements show English marked `lang="en"`, and a pack that cannot be loaded leaves them
 * so: nothing is ever blank and nothing throws. Built from the npm package instead, the elements have
 * every language already and never fetch.
 *
 * @module
 */
import { COMPLETE_UI_LANGUAGES, isUiLanguageAvailable, isUiLanguagePack, registerUiLanguage } from '@imi-kit/core'
import type { Language } from '@imi-kit/core'

/** The event, on {@link languagePackEvents}, that says a pack was registered; its `detail` is the language. */
export const LANGUAGE_PACK_LOADED = 'imi-language-pack-loaded'

/**
 * Where the elements hear that a pack arrived, to render again.
 *
 * @category i18n
 */
export const languagePackEvents = /* @__PURE__ */ new EventTarget()

// Where the packs are: beside the bundle by default (the bundle's own URL is import.meta.url), or the
// base an <imi-provider labels-base="…"> gives.
let base: string | undefined
const loading = new Map<Language, Promise<boolean>>()

/**
 * Sets the URL of the folder holding the packs (`fr.json`, `de.json`), for a portal that serves them
 * elsewhere than `i18n/` beside the bundle; relative to the page, as URLs in HTML are. `undefined`
 * restores the default. `<imi-provider labels-base="…">` calls it.
 *
 * @category i18n
 */
export const setLanguagePackBase = (url: string | undefined): void => {
  base = url === undefined || url === '' ? undefined : url.endsWith('/') ? url : `${url}/`
}

/**
 * The URL of the pack of `language`.
 *
 * @category i18n
 */
export const languagePackUrl = (language: Language): URL =>
  new URL(`${language}.json`, base === undefined ? new URL('./i18n/', import.meta.url) : new URL(base, document.baseURI))

/**
 * Makes sure the labels of `language` are at hand: fetches and registers its pack when the bundle lacks
 * it and the language is one a pack exists for. Resolves to true when the labels are at hand, false
 * when they could not be loaded (the elements keep the English fallback; a later switch to the language
 * tries again). One fetch per language, however many elements ask.
 *
 * @category i18n
 */
export const loadLanguagePack = (language: Language): Promise<boolean> => {
  if (isUiLanguageAvailable(language)) return Promise.resolve(true)
  if (!COMPLETE_UI_LANGUAGES.includes(language)) return Promise.resolve(false)
  const pending = loading.get(language)
  if (pending !== undefined) return pending
  const load = fetchPack(language).then((registered) => {
    loading.delete(language)
    if (registered) languagePackEvents.dispatchEvent(new CustomEvent<Language>(LANGUAGE_PACK_LOADED, { detail: language }))
    return registered
  })
  loading.set(language, load)
  return load
}

const fetchPack = async (language: Language): Promise<boolean> => {
  try {
    const response = await fetch(languagePackUrl(language), { credentials: 'same-origin', headers: { accept: 'application/json' } })
    if (!response.ok) return false
    const pack: unknown = await response.json()
    // A pack of another language, or of another shape, is not registered.
    if (!isUiLanguagePack(pack) || (pack as { language?: unknown }).language !== language) return false
    registerUiLanguage(language, pack)
    return true
  } catch {
    // Offline, blocked by the page's policy, or not JSON: the English fallback stays.
    return false
  }
}
