/**
 * What `<imi-provider>` gives the elements below it: the `ImiClient` of the signed-in user and the
 * display language, through `@lit/context`, so that elements never build clients themselves.
 *
 * @module
 */
import { createContext } from '@lit/context'
import type { ImiClient, Language, SignedIn } from '@imi-kit/core'

/** The client every element talks through. @category context */
export const clientContext = createContext<ImiClient | undefined>(Symbol('imi-client'))

/** The display language; an element's own `lang` attribute wins over it. @category context */
export const languageContext = createContext<Language>(Symbol('imi-language'))

/**
 * Who is signed in, as the provider's client answers `me()`; `undefined` until it has answered, or
 * when the client cannot tell. Elements use it where the page gave no `authority` or `member-state`.
 *
 * @category context
 */
export const signedInContext = createContext<SignedIn | undefined>(Symbol('imi-signed-in'))
