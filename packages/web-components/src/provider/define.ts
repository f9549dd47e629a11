import { ImiProvider } from './provider.js'

if (customElements.get('imi-provider') === undefined) customElements.define('imi-provider', ImiProvider)
