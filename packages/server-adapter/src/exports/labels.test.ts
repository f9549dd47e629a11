/**
 * The label catalogue of exports: every status a viewer can see has a label in English, French and
 * German, and other languages fall back to English.
 */
import { describe, expect, it } from 'vitest'
import { ALERT_PROCEDURE_ID, ALERT_STATUSES, LANGUAGES, REQUEST_PROCEDURE_ID, REQUEST_STATUSES } from '@imi-kit/core'
import { EXPORT_COLUMNS, EXPORT_HEADERS, PROCEDURE_LABELS, STATUS_LABELS, headerLabel, procedureLabel, statusLabel } from './labels.js'

const TRANSLATED = ['en', 'fr', 'de'] as const

describe('export labels', () => {
  it('every column has a header in English, French and German, each distinct from the others of its language', () => {
    for (const language of TRANSLATED) {
      const headers = EXPORT_COLUMNS.map((c) => EXPORT_HEADERS[c][language])
      expect(headers.every((h) => typeof h === 'string' && h.length > 0)).toBe(true)
      expect(new Set(headers).size).toBe(EXPORT_COLUMNS.length)
    }
  })

  it('every request status, and the displayed status "refused", has a label in the three languages', () => {
    for (const status of [...REQUEST_STATUSES, 'refused']) {
      for (const language of TRANSLATED) expect(STATUS_LABELS[REQUEST_PROCEDURE_ID]?.[status]?.[language], `${status} in ${language}`).toBeTruthy()
    }
  })

  it('every alert status, and a mailbox\'s "awaiting-acknowledgement", has a label in the three languages', () => {
    for (const status of [...ALERT_STATUSES, 'awaiting-acknowledgement']) {
      for (const language of TRANSLATED) expect(STATUS_LABELS[ALERT_PROCEDURE_ID]?.[status]?.[language], `${status} in ${language}`).toBeTruthy()
    }
  })

  it('uses the French originals the specification quotes', () => {
    expect(statusLabel(REQUEST_PROCEDURE_ID, 'awaiting-acceptance', 'fr')).toBe("En attente d'acceptation")
    expect(statusLabel(ALERT_PROCEDURE_ID, 'broadcast', 'fr')).toBe('Alerte diffusée')
    expect(statusLabel(ALERT_PROCEDURE_ID, 'awaiting-acknowledgement', 'fr')).toBe("Alerte en attente d'accusé de réception")
    expect(statusLabel(ALERT_PROCEDURE_ID, 'closure-open-for-comments', 'fr')).toBe('Proposition de clôture ouverte pour commentaires')
  })

  it('the same status id reads differently in two procedures', () => {
    expect(statusLabel(REQUEST_PROCEDURE_ID, 'closed', 'en')).toBe('Closed')
    expect(statusLabel(ALERT_PROCEDURE_ID, 'closed', 'en')).toBe('Alert closed')
  })

  it('falls back to English in every language without a translation', () => {
    for (const language of LANGUAGES.filter((l) => !(TRANSLATED as ReadonlyArray<string>).includes(l))) {
      expect(headerLabel('number', language)).toBe('Number')
      expect(statusLabel(ALERT_PROCEDURE_ID, 'broadcast', language)).toBe('Alert broadcast')
      expect(procedureLabel(REQUEST_PROCEDURE_ID, language)).toBe(PROCEDURE_LABELS[REQUEST_PROCEDURE_ID]?.en)
    }
  })

  it('shows the raw id of an unknown procedure or status, and the caller\'s labels before the shipped ones', () => {
    expect(procedureLabel('cpc.request', 'fr')).toBe('cpc.request')
    expect(statusLabel('cpc.request', 'open', 'fr')).toBe('open')
    const labels = { procedures: { 'cpc.request': { en: 'CPC request', fr: 'Demande CPC' } }, statuses: { 'cpc.request': { open: { en: 'Open', fr: 'Ouverte' } }, [REQUEST_PROCEDURE_ID]: { closed: { en: 'Finished' } } } }
    expect(procedureLabel('cpc.request', 'fr', labels)).toBe('Demande CPC')
    expect(statusLabel('cpc.request', 'open', 'fr', labels)).toBe('Ouverte')
    expect(statusLabel('cpc.request', 'open', 'de', labels)).toBe('Open')
    expect(statusLabel(REQUEST_PROCEDURE_ID, 'closed', 'en', labels)).toBe('Finished')
  })
})
