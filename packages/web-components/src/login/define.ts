import { ImiLogin } from './login.js'

declare global {
  interface HTMLElementTagNameMap {
    'imi-login': ImiLogin
  }
}

if (customElements.get('imi-login') === undefined) customElements.define('imi-login', ImiLogin)
