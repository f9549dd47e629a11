import { describe, expect, it } from 'vitest'
import { localize } from '../i18n/languages.js'
import { missingTranslations } from '../i18n/translation.js'
import { A, world } from '../testing/world.js'
import { searchAuthorities } from './authority-search.js'

describe('authorities in the directory', () => {
  it('[I18N-AUTHORITY-INFORMAL-NAME] carries an authority’s informal name, translated into every official language', () => {
    const cards = searchAuthorities(world(), {})
    const withName = cards.filter((c) => c.informalName !== undefined)
    expect(withName.map((c) => c.id).sort()).toEqual([A.deCa, A.frCa].sort())
    for (const c of withName) if (c.informalName !== undefined) expect(missingTranslations(c.informalName), c.id).toEqual([])
    const fr = cards.find((c) => c.id === A.frCa)?.informalName
    expect(fr === undefined ? undefined : localize(fr, 'hu')).toEqual(['Országos orvosi tanács', false])
    expect(cards.find((c) => c.id === A.frCa2)?.informalName).toBeUndefined()
  })

  it('[I18N-DESCRIPTION-LANGUAGE] carries an authority’s description written in its own official language, declared', () => {
    const cards = searchAuthorities(world(), {})
    const described = cards.filter((c) => c.description !== undefined)
    expect(described.map((c) => [c.id, c.description?.language]).sort()).toEqual([[A.deCa, 'de'], [A.frCa, 'fr'], [A.itCa, 'it']].sort())
    // Written in a language of the authority's member state, which the authority itself speaks.
    const official = { FR: 'fr', DE: 'de', IT: 'it' } as Record<string, string>
    for (const c of described) {
      expect(c.description?.language, c.id).toBe(official[c.memberState])
      expect(c.languages as ReadonlyArray<string>, c.id).toContain(c.description?.language)
    }
  })
})
