import { ImiRequestForm } from './request-form.js'

if (customElements.get('imi-request-form') === undefined) customElements.define('imi-request-form', ImiRequestForm)
