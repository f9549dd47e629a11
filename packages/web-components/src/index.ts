/**
 * `@imi-kit/web-components`: Lit elements for national portals. The classes register nothing; import
 * `@imi-kit/web-components/define` (or load the bundle) to define the tags.
 *
 * @module
 */
export { clientContext, languageContext } from './context.js'
export { ImiElement } from './base.js'
export { ImiProvider } from './provider/provider.js'
export { ImiStatus } from './status/status.js'
