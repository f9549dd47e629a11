/**
 * What the list elements (`<imi-exchange-list>`, `<imi-dashboard>`, `<imi-authority-search>`) share:
 * the link to an exchange with its `imi-open` event, and (from `../format.js`) dates, member-state
 * and language names in the display language.
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

export { formatDate, languageName, memberStateName, procedureKind } from '../format.js'

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
