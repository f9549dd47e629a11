import { ImiExchangeList } from './exchange-list.js'

declare global {
  interface HTMLElementTagNameMap {
    'imi-exchange-list': ImiExchangeList
  }
}

if (customElements.get('imi-exchange-list') === undefined) customElements.define('imi-exchange-list', ImiExchangeList)
