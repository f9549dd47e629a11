/**
 * `<imi-provider>`: gives the elements inside it an `ImiClient` and a display language.
 *
 * @module
 */
import { LitElement, html } from 'lit'
import { ContextProvider } from '@lit/context'
import { LANGUAGES } from '@imi-kit/core'
import type { ImiClient, Language } from '@imi-kit/core'
import { createHttpImiClient } from '@imi-kit/server-adapter/client'
import { clientContext, languageContext } from '../context.js'

const isLanguage = (s: string | null): s is Language => s !== null && (LANGUAGES as ReadonlyArray<string>).includes(s)

/**
 * Provides the client and the language to every `imi-` element inside it.
 *
 * Give it a client (`element.client = …`), or an `api` attribute with the API's base URL, for which
 * it builds the HTTP client with the session cookie and CSRF token of the built-in login.
 *
 * @tag imi-provider
 * @attr api - The base URL of the API, e.g. `/api`; used when no client is set.
 * @attr lang - The display language of the elements inside (en, fr, de, …); changing it switches them live.
 * @slot - The elements that use the client.
 * @category elements
 */
export class ImiProvider extends LitElement {
  static override properties = { api: { type: String } }
  declare api: string | undefined

  private readonly clientProvider = new ContextProvider(this, { context: clientContext, initialValue: undefined })
  private readonly languageProvider = new ContextProvider(this, { context: languageContext, initialValue: 'en' })
  private explicitClient: ImiClient | undefined

  /** The client the elements inside use. */
  get client(): ImiClient | undefined {
    return this.clientProvider.value
  }

  set client(client: ImiClient | undefined) {
    this.explicitClient = client
    this.clientProvider.setValue(client)
  }

  /** The CSRF token of the session, read from the cookie the built-in login sets. */
  private csrf(): string | undefined {
    const m = /(?:^|;\s*)__Host-imi-csrf=([^;]+)/.exec(document.cookie)
    return m?.[1] === undefined ? undefined : decodeURIComponent(m[1])
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang']
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value)
    if (name === 'lang' && isLanguage(value)) this.languageProvider.setValue(value)
  }

  override willUpdate(): void {
    const lang = this.getAttribute('lang')
    if (isLanguage(lang)) this.languageProvider.setValue(lang)
    if (this.explicitClient === undefined && this.api !== undefined && this.clientProvider.value === undefined)
      this.clientProvider.setValue(createHttpImiClient({ baseUrl: this.api, csrfToken: () => this.csrf() }))
  }

  override render() {
    return html`<slot></slot>`
  }
}
