import { ImiExchange } from './exchange.js'

if (customElements.get('imi-exchange') === undefined) customElements.define('imi-exchange', ImiExchange)
