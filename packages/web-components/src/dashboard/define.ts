import { ImiDashboard } from './dashboard.js'

declare global {
  interface HTMLElementTagNameMap {
    'imi-dashboard': ImiDashboard
  }
}

if (customElements.get('imi-dashboard') === undefined) customElements.define('imi-dashboard', ImiDashboard)
