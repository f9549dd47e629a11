/**
 * What the alert elements share: names of member states and languages in the display language,
 * dates, free texts shown with their declared language, and the `imi-command` event.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import { LANGUAGES, isRedacted } from '@imi-kit/core'
import type { CommandResult, Language, MaybeRedacted } from '@imi-kit/core'
import { ImiElement } from '../base.js'
import { formatDate, languageName, memberStateName } from '../format.js'

/** What an `imi-command` event carries. @category elements */
export interface ImiCommandDetail {
  readonly exchangeId: string
  readonly action: string
  readonly version: number
}

/** The free text of an alert step as the view gives it. @internal */
export type ViewText = MaybeRedacted<{ readonly text: string; readonly language?: Language }> | undefined

/**
 * The base of the alert elements. Country and language names come from the platform's
 * `Intl.DisplayNames` in the display language rather than from the catalogue: they are reference
 * data every browser already carries in every official language.
 *
 * @internal
 */
export class AlertElement extends ImiElement {
  /** A member state's name; Greece is `EL` in the EU and `GR` in ISO 3166. */
  protected stateName(code: string): string {
    return memberStateName(code, this.language)
  }

  /** Member states sorted by their name in the display language. */
  protected byName(states: ReadonlyArray<string>): ReadonlyArray<string> {
    return [...states].sort((a, b) => this.stateName(a).localeCompare(this.stateName(b), this.language))
  }

  /** A language's name. */
  protected languageName(code: string): string {
    return languageName(code, this.language)
  }

  /** An instant as a date in the display language, in the reference time zone of the deadlines. */
  protected date(iso: string | undefined): string {
    return formatDate(iso, this.language, 'long')
  }

  /** The options of a language choice, sorted by name, with an empty first one. */
  protected languageOptions(selected: string): TemplateResult {
    const named = LANGUAGES.map((l) => [l, this.languageName(l)] as const).sort((a, b) => a[1].localeCompare(b[1], this.language))
    return html`<option value="" ?selected=${selected === ''}>${this.text('alert-form.language.choose')}</option>
      ${named.map(([l, n]) => html`<option value=${l} ?selected=${selected === l}>${n}</option>`)}`
  }

  /** A free text with its declared language (I18N-FREE-TEXT-TAGGED), or what hides it. */
  protected freeText(value: ViewText): TemplateResult | typeof nothing {
    if (value === undefined) return nothing
    if (isRedacted(value)) return html`<p class="redacted" part="redacted">${this.t(value.redacted === 'personal-data' ? 'common.redacted' : `common.${value.redacted}`)}</p>`
    return html`<blockquote part="free-text">
      <p lang=${value.language ?? nothing}>${value.text}</p>
      ${value.language === undefined ? nothing : html`<small class="written-in">${this.t('common.written-in', { language: this.languageName(value.language) })}</small>`}
    </blockquote>`
  }

  /** Tells the page (and `<imi-exchange>`) that a command changed an exchange, so that it reloads. */
  protected commanded(action: string, result: CommandResult): void {
    const detail: ImiCommandDetail = { exchangeId: result.exchangeId, action, version: result.version }
    this.fire<ImiCommandDetail>('imi-command', detail)
  }
}
