import { ImiAlertForm } from './alert-form.js'

declare global {
  interface HTMLElementTagNameMap {
    'imi-alert-form': ImiAlertForm
  }
}

if (customElements.get('imi-alert-form') === undefined) customElements.define('imi-alert-form', ImiAlertForm)
