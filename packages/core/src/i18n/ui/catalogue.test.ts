import { describe, expect, it } from 'vitest'
import { ALERT_STATUSES, REQUEST_STATUSES } from '../../index.js'
import { COMPLETE_UI_LANGUAGES, UI_LABELS, uiLabel } from './catalogue.js'

describe('UI label catalogue', () => {
  it('[I18N-STANDARD-MESSAGES] is complete in English, French and German', () => {
    const missing = Object.entries(UI_LABELS).flatMap(([key, text]) => COMPLETE_UI_LANGUAGES.filter((l) => (text[l] ?? '').trim() === '').map((l) => `${key} (${l})`))
    expect(missing).toEqual([])
  })

  it('labels every status of both procedures', () => {
    for (const s of REQUEST_STATUSES) expect(UI_LABELS[`status.request.${s}`], s).toBeDefined()
    for (const s of [...ALERT_STATUSES, 'awaiting-acknowledgement']) expect(UI_LABELS[`status.alert.${s}`], s).toBeDefined()
  })

  it('falls back visibly to English for the other official languages, and fills placeholders', () => {
    expect(uiLabel('status.alert.broadcast', 'fr')).toEqual({ text: 'Alerte diffusée', language: 'fr', fallback: false })
    expect(uiLabel('status.alert.broadcast', 'hu')).toEqual({ text: 'Alert broadcast', language: 'en', fallback: true })
    expect(uiLabel('common.days-left', 'de', { days: 3 }).text).toBe('Noch 3 Tage')
    expect(uiLabel('no.such.label', 'fr')).toEqual({ text: 'no.such.label', language: 'en', fallback: true })
  })
})
