import { ImiAuthoritySearch } from './authority-search.js'

declare global {
  interface HTMLElementTagNameMap {
    'imi-authority-search': ImiAuthoritySearch
  }
}

if (customElements.get('imi-authority-search') === undefined) customElements.define('imi-authority-search', ImiAuthoritySearch)
