/**
 * The base of every `imi-` element: the client and language from the provider, labels from the
 * core's catalogue with a visible English fallback, and rendering of domain errors.
 *
 * @module
 */
import { LitElement, html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import { ContextConsumer } from '@lit/context'
import { LANGUAGES, UI_LABELS, localize, uiLabel } from '@imi-kit/core'
import type { DomainError, ImiClient, Language, LocalizedText } from '@imi-kit/core'
import { clientContext, languageContext, signedInContext } from './context.js'
import { LANGUAGE_PACK_LOADED, languagePackEvents, loadLanguagePack } from './language-packs.js'

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
  /** Who is signed in, as the nearest `<imi-provider>` learnt it from `client.me()`. */
  protected readonly signedInConsumer = new ContextConsumer(this, { context: signedInContext, subscribe: true })

  /** The signed-in user's authority and member state, when the provider's client told them. */
  protected get me(): { readonly authorityId: string; readonly memberState: string } | undefined {
    const s = this.signedInConsumer.value
    return s?.kind === 'user' ? { authorityId: s.authorityId, memberState: s.memberState } : undefined
  }

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

  /** The language whose pack this element last asked for. */
  private packLanguage: Language | undefined

  /** When a language pack arrives, the elements shown in that language render again. */
  private readonly onLanguagePack = (event: Event): void => {
    if ((event as CustomEvent<Language>).detail === this.language) this.requestUpdate()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    languagePackEvents.addEventListener(LANGUAGE_PACK_LOADED, this.onLanguagePack)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    languagePackEvents.removeEventListener(LANGUAGE_PACK_LOADED, this.onLanguagePack)
  }

  /**
   * Asks for the pack of the display language whenever that language changes (a failed load is tried
   * again at the next switch, not at every render); meanwhile the labels fall back to English.
   */
  protected override update(changed: PropertyValues): void {
    const language = this.language
    if (language !== this.packLanguage) {
      this.packLanguage = language
      void loadLanguagePack(language)
    }
    super.update(changed)
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

  /**
   * A label of the catalogue, or, when the catalogue has no such key, the English text given (a
   * server's message), marked as English.
   */
  protected labelOr(key: string, english: string, values: Readonly<Record<string, string | number>> = {}): TemplateResult {
    return UI_LABELS[key] === undefined ? html`<span lang="en">${english}</span>` : this.t(key, values)
  }

  /** Pre-translated data (the core's `LocalizedText`) in the display language, marked when it fell back to English. */
  protected loc(text: LocalizedText): TemplateResult {
    const [s, fallback] = localize(text, this.language)
    return fallback ? html`<span lang="en" class="fallback">${s}</span>` : html`${s}`
  }

  /**
   * Fires an event from the element that bubbles out of its shadow root; returns false when a
   * listener cancelled a `cancelable` one.
   *
   * @example
   * ```ts
   * this.fire('imi-saved', { exchangeId })
   * ```
   */
  protected fire<T>(type: string, detail?: T, cancelable = false): boolean {
    // Built apart from the call, so that the manifest analyser does not take `type` for an event's name:
    // each element documents the events it fires with `@fires`.
    const event = new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable })
    return this.dispatchEvent(event)
  }

  /** A domain error as an alert for the user, with the rule that refused; nothing without one. */
  protected renderError(error: DomainError | undefined): TemplateResult | typeof nothing {
    if (error === undefined) return nothing
    return html`<div role="alert" part="error" class="error">
      ${this.t('common.refused', { message: error.message })}${error.ruleId === undefined ? '' : html` <small>(${this.t('common.rule', { rule: error.ruleId })})</small>`}
    </div>`
  }
}
