import { describe, expect, it } from 'vitest'
import { PROFESSIONAL_QUALIFICATIONS } from '../data/legislative-areas.js'
import { localize } from './languages.js'
import { isUiLanguagePack, isUiLanguageRegistered, registerUiLanguage } from './packs.js'
import { UI_LABELS, extendUiLabels, isUiLanguageAvailable, uiLabel } from './ui/catalogue.js'

// Packs register into a module-wide registry: each test uses a language no other test registers.
describe('language packs', () => {
  it('the published catalogue carries every complete language; others need a pack (checked before any pack is registered)', () => {
    expect(isUiLanguageAvailable('en')).toBe(true)
    expect(isUiLanguageAvailable('fr')).toBe(true)
    expect(isUiLanguageAvailable('de')).toBe(true)
    expect(isUiLanguageAvailable('hu')).toBe(false)
  })

  it('[I18N-STANDARD-MESSAGES] a registered pack gives the labels the catalogue lacks in its language', () => {
    expect(uiLabel('common.save', 'it')).toEqual({ text: 'Save', language: 'en', fallback: true })
    expect(isUiLanguageAvailable('it')).toBe(false)
    registerUiLanguage('it', { labels: { 'common.save': 'Salva', 'common.days-left': 'Mancano {days} giorni' } })
    expect(isUiLanguageRegistered('it')).toBe(true)
    expect(isUiLanguageAvailable('it')).toBe(true)
    expect(uiLabel('common.save', 'it')).toEqual({ text: 'Salva', language: 'it', fallback: false })
    expect(uiLabel('common.days-left', 'it', { days: 4 }).text).toBe('Mancano 4 giorni')
    // What the pack does not hold still falls back visibly to English.
    expect(uiLabel('common.cancel', 'it')).toEqual({ text: 'Cancel', language: 'en', fallback: true })
    // A key the catalogue does not know stays unknown, whatever a pack says.
    registerUiLanguage('it', { labels: { 'no.such.label': 'Niente' } })
    expect(uiLabel('no.such.label', 'it')).toEqual({ text: 'no.such.label', language: 'en', fallback: true })
    // A second pack of the language merges over the first.
    expect(uiLabel('common.save', 'it').text).toBe('Salva')
  })

  it('[I18N-STANDARD-MESSAGES] the catalogue’s own labels, and a portal’s extendUiLabels, win over a pack', () => {
    registerUiLanguage('fr', { labels: { 'common.save': 'Sauver' } })
    expect(uiLabel('common.save', 'fr').text).toBe('Enregistrer')
    extendUiLabels({ 'portal.packs-test': { en: 'Portal label', nl: 'Portaallabel' } })
    registerUiLanguage('nl', { labels: { 'portal.packs-test': 'Pakketlabel', 'common.save': 'Opslaan' } })
    expect(uiLabel('portal.packs-test', 'nl').text).toBe('Portaallabel')
    expect(uiLabel('common.save', 'nl')).toEqual({ text: 'Opslaan', language: 'nl', fallback: false })
    delete (UI_LABELS as Record<string, unknown>)['portal.packs-test']
  })

  it('[I18N-QSETS-ALL-LANGUAGES] a pack translates the data’s pre-translated texts, found by their English wording', () => {
    const name = PROFESSIONAL_QUALIFICATIONS.name
    expect(localize(name, 'pl')).toEqual([name.en, true])
    registerUiLanguage('pl', { labels: {}, texts: { [name.en]: 'Kwalifikacje zawodowe' } })
    expect(localize(name, 'pl')).toEqual(['Kwalifikacje zawodowe', false])
    // A translation the text carries itself wins over the pack.
    registerUiLanguage('de', { labels: {}, texts: { [name.en]: 'Andere' } })
    expect(localize(name, 'de')).toEqual([name.de, false])
  })

  it('recognises the shape of a pack, and only that', () => {
    expect(isUiLanguagePack({ language: 'fr', labels: { 'common.save': 'Enregistrer' }, texts: { Yes: 'Oui' } })).toBe(true)
    expect(isUiLanguagePack({ labels: {} })).toBe(true)
    for (const bad of [null, 'fr', [], {}, { labels: [] }, { labels: { a: 1 } }, { labels: {}, texts: { a: null } }, { labels: {}, texts: 'x' }])
      expect(isUiLanguagePack(bad), JSON.stringify(bad)).toBe(false)
  })
})
