import { ImiStatus } from './status.js'

if (customElements.get('imi-status') === undefined) customElements.define('imi-status', ImiStatus)
