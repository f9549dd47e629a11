/**
 * What the list elements (`<imi-exchange-list>`, `<imi-dashboard>`, `<imi-authority-search>`) share:
 * dates, member-state and language names in the display language, and the link to an exchange with
 * its `imi-open` event.
 *
 * Member-state and language names come from the browser's `Intl.DisplayNames` (CLDR data, in every
 * official language), not from the catalogue: they are standard names, not interface wording.
 *
 * @module
 */
import { html } from 'lit'
import type { TemplateResult } from 'lit'
import type { ListedSummary } from '@imi-kit/core'

/**
 * The detail of the `imi-open` event: the exchange to open.
 *
 * @category elements
 */
export interface OpenExchangeDetail {
  readonly exchangeId: string
  readonly procedure: string
  readonly number: string
}

/** `request` or `alert`: the kind of a procedure, which picks its status labels. @internal */
export const procedureKind = (procedure: string): 'request' | 'alert' => (procedure.includes('alert') ? 'alert' : 'request')

const names = new Map<string, Intl.DisplayNames | undefined>()
const displayNames = (language: string, type: 'region' | 'language'): Intl.DisplayNames | undefined => {
  const key = `${language}:${type}`
  if (!names.has(key)) {
    let made: Intl.DisplayNames | undefined
    try {
      made = new Intl.DisplayNames([language, 'en'], { type })
    } catch (_error) {
      made = undefined
    }
    names.set(key, made)
  }
  return names.get(key)
}

/** The name of a member state in a language; the EU writes Greece `EL` where ISO 3166 has `GR`. @internal */
export const memberStateName = (code: string, language: string): string => displayNames(language, 'region')?.of(code === 'EL' ? 'GR' : code) ?? code

/** The name of a language in a language. @internal */
export const languageName = (code: string, language: string): string => displayNames(language, 'language')?.of(code) ?? code

/**
 * A date for people: an ISO-8601 instant in the browser's time zone, or a calendar date
 * (`YYYY-MM-DD`, a deadline) as it is written.
 *
 * @internal
 */
export const formatDate = (value: string | undefined, language: string): string => {
  if (value === undefined || value === '') return ''
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = new Date(calendar ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat([language, 'en'], { dateStyle: 'medium', ...(calendar ? { timeZone: 'UTC' } : {}) }).format(date)
}

/** The link of an exchange from a template such as `/exchanges/{id}`; `undefined` without a template. @internal */
export const exchangeHref = (template: string | undefined, exchangeId: string): string | undefined =>
  template === undefined || template === '' ? undefined : template.split('{id}').join(encodeURIComponent(exchangeId))

/**
 * The number of an exchange as a link to it (or a button when no link template is given), firing
 * the cancelable `imi-open` event; a portal that routes itself calls `preventDefault()` on it.
 *
 * @internal
 */
export const exchangeLink = (host: HTMLElement, template: string | undefined, s: ListedSummary): TemplateResult => {
  const open = (e: Event) => {
    const detail: OpenExchangeDetail = { exchangeId: s.exchangeId, procedure: s.procedure, number: s.number }
    const allowed = host.dispatchEvent(new CustomEvent<OpenExchangeDetail>('imi-open', { detail, bubbles: true, composed: true, cancelable: true }))
    if (!allowed) e.preventDefault()
  }
  const href = exchangeHref(template, s.exchangeId)
  return href === undefined
    ? html`<button type="button" part="link" class="link" @click=${open}>${s.number}</button>`
    : html`<a part="link" href=${href} @click=${open}>${s.number}</a>`
}
