import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../i18n/languages.js'
import { missingTranslations } from '../i18n/translation.js'
import type { Register } from './registers.js'
import { registerInformalName, searchRegisters, withCommissionTranslations } from './registers.js'

const architects: Register = {
  id: 'fr-architectes',
  name: 'Tableau de l’Ordre des architectes',
  memberState: 'FR',
  informalName: { en: 'Register of architects', fr: 'Registre des architectes', de: 'Architektenverzeichnis', it: 'Albo degli architetti' },
}
const companies: Register = {
  id: 'de-handelsregister',
  name: 'Handelsregister',
  memberState: 'DE',
  informalName: { en: 'Company register', fr: 'Registre du commerce et des sociétés', de: 'Unternehmensregister' },
}
const registers = [architects, companies]
const ids = (rs: ReadonlyArray<Register>) => rs.map((r) => r.id)

describe('directory of registers', () => {
  it('[I18N-REGISTER-INFORMAL-NAME] takes the Commission’s translations of the informal name without a member state’s check, and shows them as unverified', () => {
    const translated = withCommissionTranslations(companies, { it: 'Registro delle imprese', en: 'ignored', pl: ' ' })
    expect(translated.informalName).toEqual({ ...companies.informalName, it: 'Registro delle imprese' })
    expect(registerInformalName(translated, 'it')).toEqual({ text: 'Registro delle imprese', language: 'it', fallback: false, verifiedByMemberState: false })
    // Not yet translated: English, marked as a fallback.
    expect(registerInformalName(translated, 'hu')).toEqual({ text: 'Company register', language: 'en', fallback: true, verifiedByMemberState: false })
    // Once the Commission has translated it into every official language, nothing is missing.
    const all = withCommissionTranslations(companies, Object.fromEntries(LANGUAGES.map((l) => [l, `Unternehmensregister (${l})`])))
    expect(missingTranslations(all.informalName)).toEqual([])
    expect(all.informalName.en).toBe('Company register')
  })

  it('[I18N-REGISTER-SEARCH-LANGUAGE] matches the informal name in the screen display language only', () => {
    expect(ids(searchRegisters(registers, 'Architektenverzeichnis', 'de'))).toEqual(['fr-architectes'])
    expect(ids(searchRegisters(registers, 'Architektenverzeichnis', 'fr'))).toEqual([])
    expect(ids(searchRegisters(registers, 'registre', 'fr'))).toEqual(['fr-architectes', 'de-handelsregister'])
    expect(ids(searchRegisters(registers, 'registre', 'de'))).toEqual([])
    // A language without translation searches what the screen shows: the English name.
    expect(ids(searchRegisters(registers, 'company', 'hu'))).toEqual(['de-handelsregister'])
    expect(ids(searchRegisters(registers, 'company', 'fr'))).toEqual([])
    // The official name matches in any language; every word must match; case and accents are ignored; by country.
    expect(ids(searchRegisters(registers, 'handelsregister', 'fr'))).toEqual(['de-handelsregister'])
    expect(ids(searchRegisters(registers, 'registre sociétés', 'fr'))).toEqual(['de-handelsregister'])
    expect(ids(searchRegisters(registers, 'REGISTRE societes', 'fr'))).toEqual(['de-handelsregister'])
    expect(ids(searchRegisters(registers, 'registre', 'fr', 'FR'))).toEqual(['fr-architectes'])
  })
})
