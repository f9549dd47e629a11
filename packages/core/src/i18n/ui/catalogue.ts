/**
 * The catalogue of user-interface labels: every string the web components show, pre-translated
 * (I18N-STANDARD-MESSAGES). Complete in English, French and German; the other official languages
 * fall back to English, and the components say so (they mark the fallback with the `lang` of the
 * text actually shown).
 *
 * Labels are grouped by section, one module per section, so that each part of the interface owns its
 * labels; `UI_LABELS` merges them.
 *
 * @module
 */
import type { Language, LocalizedText } from '../languages.js'
import { localize } from '../languages.js'
import { isUiLanguageRegistered, packLabel } from '../packs.js'
import { COMMON_LABELS } from './common.js'
import { STATUS_LABELS } from './statuses.js'
import { LOGIN_LABELS } from './login.js'
import { DASHBOARD_LABELS } from './dashboard.js'
import { LIST_LABELS } from './list.js'
import { EXCHANGE_LABELS } from './exchange.js'
import { ACTIONS_LABELS } from './actions.js'
import { REQUEST_FORM_LABELS } from './request-form.js'
import { ALERT_FORM_LABELS } from './alert-form.js'
import { AUTHORITY_SEARCH_LABELS } from './authority-search.js'
import { COMMENTS_LABELS } from './comments.js'

/** A section of the catalogue: labels by key. @category i18n */
export type LabelSection = Readonly<Record<string, LocalizedText>>

/** The languages the catalogue is complete in; the others fall back to English. @category i18n */
export const COMPLETE_UI_LANGUAGES: ReadonlyArray<Language> = ['en', 'fr', 'de']

const sections: Array<LabelSection> = [
  COMMON_LABELS,
  STATUS_LABELS,
  LOGIN_LABELS,
  DASHBOARD_LABELS,
  LIST_LABELS,
  EXCHANGE_LABELS,
  ACTIONS_LABELS,
  REQUEST_FORM_LABELS,
  ALERT_FORM_LABELS,
  AUTHORITY_SEARCH_LABELS,
  COMMENTS_LABELS,
]

/** Every label of the interface, by key. @category i18n */
export const UI_LABELS: LabelSection = Object.assign({}, ...sections) as LabelSection

/**
 * A label in a language: its text, the language the text is actually in, and whether that is a
 * fallback. The text is the catalogue's, else the one of the language pack registered for `language`
 * (`registerUiLanguage`), else English. `{placeholder}` markers are replaced by `values`. An unknown
 * key gives the key itself, marked as a fallback, so that a missing label is visible rather than blank.
 *
 * @example
 * ```ts
 * import { uiLabel } from '@imi-kit/core'
 * uiLabel('status.request.closed', 'fr').text // 'Clôturée'
 * uiLabel('status.request.closed', 'hu').fallback // true
 * ```
 * @category i18n
 */
export const uiLabel = (
  key: string,
  language: Language,
  values: Readonly<Record<string, string | number>> = {},
): { readonly text: string; readonly language: Language; readonly fallback: boolean } => {
  const entry = UI_LABELS[key]
  if (entry === undefined) return { text: key, language: 'en', fallback: true }
  const pack = entry[language] === undefined ? packLabel(language, key) : undefined
  const [text, fallback] = pack === undefined ? localize(entry, language) : [pack, false]
  const filled = text.replace(/\{(\w+)\}/g, (m, name: string) => (values[name] === undefined ? m : String(values[name])))
  return { text: filled, language: fallback ? 'en' : language, fallback }
}

/**
 * Registers more labels (a portal's own procedures, or overrides). Later registrations win.
 *
 * @category i18n
 */
export const extendUiLabels = (section: LabelSection): void => {
  Object.assign(UI_LABELS as Record<string, LocalizedText>, section)
}

const available = new Map<Language, boolean>()

/**
 * True when the labels of `language` are at hand: English always; another language when the
 * catalogue's own sections carry it (as published, they carry every language of
 * {@link COMPLETE_UI_LANGUAGES}) or a pack of it was registered. A browser bundle built English-only
 * answers false for French until the French pack is registered; a user interface then fetches it.
 *
 * @example
 * ```ts
 * import { isUiLanguageAvailable } from '@imi-kit/core'
 * isUiLanguageAvailable('fr') // true with the published catalogue
 * isUiLanguageAvailable('hu') // false until a Hungarian pack is registered
 * ```
 * @category i18n
 */
export const isUiLanguageAvailable = (language: Language): boolean => {
  if (language === 'en' || isUiLanguageRegistered(language)) return true
  // The built-in sections never change at run time (extendUiLabels adds to UI_LABELS only), so the
  // answer is kept.
  let known = available.get(language)
  if (known === undefined) {
    known = sections.every((section) => Object.values(section).every((text) => text[language] !== undefined))
    available.set(language, known)
  }
  return known
}
