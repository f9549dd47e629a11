/**
 * `<imi-provider>`: gives the elements inside it an `ImiClient` and a display language.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { LitElement, html } from 'lit'
import { ContextProvider } from '@lit/context'
import { LANGUAGES } from '@imi-kit/core'
import type { ImiClient, Language, SignedIn } from '@imi-kit/core'
import { createHttpImiClient } from '@imi-kit/server-adapter/client'
import { clientContext, languageContext, signedInContext } from '../context.js'
import { setLanguagePackBase } from '../language-packs.js'

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
 * @attr labels-base - Where the browser bundle's language packs (`fr.json`, `de.json`) are, when not in
 *   `i18n/` beside the bundle, e.g. `/static/imi-kit/i18n/`. Set it in the page's HTML, before a
 *   language other than English is shown.
 * @slot - The elements that use the client.
 * @category elements
 */
export class ImiProvider extends LitElement {
  static override properties = { api: { type: String } }
  declare api: string | undefined

  private readonly clientProvider = new ContextProvider(this, { context: clientContext, initialValue: undefined })
  private readonly languageProvider = new ContextProvider(this, { context: languageContext, initialValue: 'en' })
  private readonly signedInProvider = new ContextProvider(this, { context: signedInContext, initialValue: undefined })
  private explicitClient: ImiClient | undefined
  /** The client whose `me()` was last asked, so that each client is asked once. */
  private askedMe: ImiClient | undefined

  /** The client the elements inside use. */
  get client(): ImiClient | undefined {
    return this.clientProvider.value
  }

  set client(client: ImiClient | undefined) {
    this.explicitClient = client
    this.clientProvider.setValue(client)
    this.askWhoIsSignedIn()
  }

  /** Who is signed in, as the client's `me()` answered; `undefined` until then. */
  get signedIn(): SignedIn | undefined {
    return this.signedInProvider.value
  }

  /**
   * Asks the client who is signed in, once per client, and gives the answer to the elements. A refusal
   * (nobody signed in yet) or a client without `me()` leaves it undefined; nothing throws.
   */
  private askWhoIsSignedIn(): void {
    const client = this.clientProvider.value
    if (client === this.askedMe) return
    this.askedMe = client
    this.signedInProvider.setValue(undefined)
    if (client?.me === undefined) return
    client.me().then(
      (r) => {
        if (this.clientProvider.value === client) this.signedInProvider.setValue(E.isRight(r) ? r.right : undefined)
      },
      () => undefined,
    )
  }

  /** Asks again who is signed in; done by itself when `<imi-login>` signs a user in or out. */
  refreshSignedIn(): void {
    this.askedMe = undefined
    this.askWhoIsSignedIn()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('imi-signed-in', this.onSignedIn)
    this.addEventListener('imi-signed-out', this.onSignedIn)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('imi-signed-in', this.onSignedIn)
    this.removeEventListener('imi-signed-out', this.onSignedIn)
  }

  private readonly onSignedIn = (): void => this.refreshSignedIn()

  /** The CSRF token of the session, read from the cookie the built-in login sets. */
  private csrf(): string | undefined {
    const m = /(?:^|;\s*)__Host-imi-csrf=([^;]+)/.exec(document.cookie)
    return m?.[1] === undefined ? undefined : decodeURIComponent(m[1])
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'labels-base']
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value)
    // Set as the attribute is read, before the elements inside ask for a pack.
    if (name === 'labels-base') setLanguagePackBase(value ?? undefined)
    if (name === 'lang' && isLanguage(value)) this.languageProvider.setValue(value)
  }

  override willUpdate(): void {
    const lang = this.getAttribute('lang')
    if (isLanguage(lang)) this.languageProvider.setValue(lang)
    if (this.explicitClient === undefined && this.api !== undefined && this.clientProvider.value === undefined)
      this.clientProvider.setValue(createHttpImiClient({ baseUrl: this.api, csrfToken: () => this.csrf() }))
    this.askWhoIsSignedIn()
  }

  override render() {
    return html`<slot></slot>`
  }
}
