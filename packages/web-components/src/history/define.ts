import { ImiHistory } from './history.js'

if (customElements.get('imi-history') === undefined) customElements.define('imi-history', ImiHistory)
