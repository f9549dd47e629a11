/**
 * The base of every `imi-` element: the client and language from the provider, labels from the
 * core's catalogue with a visible English fallback, and rendering of domain errors.
 *
 * @module
 */
import { LitElement, html } from 'lit'
import type { TemplateResult } from 'lit'
import { ContextConsumer } from '@lit/context'
import { LANGUAGES, uiLabel } from '@imi-kit/core'
import type { DomainError, ImiClient, Language } from '@imi-kit/core'
import { clientContext, languageContext } from './context.js'

const isLanguage = (s: string | null | undefined): s is Language => s !== null && s !== undefined && (LANGUAGES as ReadonlyArray<string>).includes(s)

/**
 * The base class of the elements.
 *
 * @category elements
 */
export class ImiElement extends LitElement {
  /** The client given by the nearest `<imi-provider>`. */
  protected readonly clientConsumer = new ContextConsumer(this, { context: clientContext, subscribe: true })
  /** The language given by the nearest `<imi-provider>`. */
  protected readonly languageConsumer = new ContextConsumer(this, { context: languageContext, subscribe: true })

  /** The client, if a provider gave one. */
  protected get client(): ImiClient | undefined {
    return this.clientConsumer.value
  }

  /** The display language: the element's own `lang` attribute, else the provider's, else English. */
  protected get language(): Language {
    const own = this.getAttribute('lang')
    if (isLanguage(own)) return own
    return this.languageConsumer.value ?? 'en'
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang']
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value)
    // The lang attribute switches the language live (I18N).
    if (name === 'lang') this.requestUpdate()
  }

  /**
   * A label of the catalogue as a template: wrapped in a span carrying the language actually shown
   * when it fell back to English, so that the fallback is visible and screen readers pronounce it.
   */
  protected t(key: string, values: Readonly<Record<string, string | number>> = {}): TemplateResult {
    const l = uiLabel(key, this.language, values)
    return l.fallback ? html`<span lang=${l.language} class="fallback" title="English">${l.text}</span>` : html`${l.text}`
  }

  /** A label as plain text (for attributes such as `aria-label`). */
  protected text(key: string, values: Readonly<Record<string, string | number>> = {}): string {
    return uiLabel(key, this.language, values).text
  }

  /** A domain error as an alert for the user, with the rule that refused. */
  protected renderError(error: DomainError): TemplateResult {
    return html`<div role="alert" part="error" class="error">
      ${this.t('common.refused', { message: error.message })}${error.ruleId === undefined ? '' : html` <small>(${this.t('common.rule', { rule: error.ruleId })})</small>`}
    </div>`
  }
}
