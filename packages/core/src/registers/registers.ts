/**
 * The directory of registers (spec §9), reduced to what its multilingual rules need: a register's
 * informal name, translated by the Commission into every official language without formal check by
 * the member states (I18N-REGISTER-INFORMAL-NAME), and the quick search, which runs in the screen
 * display language (I18N-REGISTER-SEARCH-LANGUAGE). The rest of §9 (who adds, updates, deletes and
 * transfers registers, their access modalities, content and authorities, the advanced search) is not
 * built here.
 *
 * @module
 */
import type { Language, LocalizedText } from '../i18n/languages.js'
import { localize } from '../i18n/languages.js'
import type { MemberState } from '../model/member-states.js'

/**
 * A register listed in the directory of registers.
 *
 * @category registers
 */
export interface Register {
  readonly id: string
  /** The official name, in the register's own language. */
  readonly name: string
  /**
   * The informal name: short, stating the nature of the register, not an abbreviation. English as
   * entered, the other official languages as the Commission translated them.
   */
  readonly informalName: LocalizedText
  readonly memberState: MemberState
}

/**
 * A register's informal name as a screen shows it: in the display language (or English while the
 * Commission has not translated it yet), and always marked as not verified by the member states
 * (I18N-REGISTER-INFORMAL-NAME).
 *
 * @category registers
 */
export interface DisplayedInformalName {
  readonly text: string
  /** The language of `text`. */
  readonly language: Language
  /** True when the display language has no translation yet and English is shown. */
  readonly fallback: boolean
  /** The translations are the Commission's, never formally checked by the member states. */
  readonly verifiedByMemberState: false
}

/**
 * The informal name of a register in the display language.
 *
 * @example
 * ```ts
 * import { registerInformalName } from '@imi-kit/core'
 * // registerInformalName(register, 'fr').text // 'Registre des architectes'
 * ```
 * @category registers
 */
export const registerInformalName = (register: Register, displayLanguage: Language): DisplayedInformalName => {
  const [text, fallback] = localize(register.informalName, displayLanguage)
  return { text, language: fallback ? 'en' : displayLanguage, fallback, verifiedByMemberState: false }
}

/**
 * Adds the Commission's translations of a register's informal name. They are taken as they are: the
 * member state that listed the register is not asked to verify them (I18N-REGISTER-INFORMAL-NAME).
 * The English name, entered with the register, is kept.
 *
 * @example
 * ```ts
 * import { withCommissionTranslations } from '@imi-kit/core'
 * // withCommissionTranslations(register, { fr: 'Registre des architectes' })
 * ```
 * @category registers
 */
export const withCommissionTranslations = (register: Register, translations: Partial<Readonly<Record<Language, string>>>): Register => {
  const added = Object.fromEntries(Object.entries(translations).filter(([l, text]) => l !== 'en' && typeof text === 'string' && text.trim() !== ''))
  return { ...register, informalName: { ...register.informalName, ...added, en: register.informalName.en } }
}

/** Lower case, without accents: words written alike match. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * The quick search of the directory of registers (spec §9.4): every word of `text` must appear in the
 * official name or in the informal name **as shown in the screen display language**
 * (I18N-REGISTER-SEARCH-LANGUAGE); the informal name in other languages is not searched. Case and
 * accents are ignored. Optionally restricted to one member state (the country chosen on screen).
 *
 * @example
 * ```ts
 * import { searchRegisters } from '@imi-kit/core'
 * // searchRegisters(registers, 'architectes', 'fr', 'FR')
 * ```
 * @category registers
 */
export const searchRegisters = (
  registers: ReadonlyArray<Register>,
  text: string,
  displayLanguage: Language,
  memberState?: MemberState,
): ReadonlyArray<Register> => {
  const words = fold(text).split(/\s+/).filter((w) => w !== '')
  return registers.filter((r) => {
    if (memberState !== undefined && r.memberState !== memberState) return false
    const haystack = fold(`${r.name} ${registerInformalName(r, displayLanguage).text}`)
    return words.every((w) => haystack.includes(w))
  })
}
