/**
 * What `<imi-provider>` gives the elements below it: the `ImiClient` of the signed-in user and the
 * display language, through `@lit/context`, so that elements never build clients themselves.
 *
 * @module
 */
import { createContext } from '@lit/context'
import type { ImiClient, Language } from '@imi-kit/core'

/** The client every element talks through. @category context */
export const clientContext = createContext<ImiClient | undefined>(Symbol('imi-client'))

/** The display language; an element's own `lang` attribute wins over it. @category context */
export const languageContext = createContext<Language>(Symbol('imi-language'))
