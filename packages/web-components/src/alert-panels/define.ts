import { ImiAlertPanels } from './alert-panels.js'

declare global {
  interface HTMLElementTagNameMap {
    'imi-alert-panels': ImiAlertPanels
  }
}

if (customElements.get('imi-alert-panels') === undefined) customElements.define('imi-alert-panels', ImiAlertPanels)
