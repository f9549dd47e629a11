/**
 * `<imi-comments>`: the structured messages («Commentaires») of a request, and a form to add one.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import { LANGUAGES, isPairSupported } from '@imi-kit/core'
import type { ImiClient, Language, LanguagePair } from '@imi-kit/core'
import { ExchangePart, isFreeText, isRecord } from '../exchange/part.js'
import { commentsStyles } from './styles.js'

interface MessageView {
  readonly id: string
  readonly side: 'requesting' | 'responding'
  readonly author: string
  readonly at: string
  readonly text: unknown
}

const messagesOf = (content: unknown): ReadonlyArray<MessageView> =>
  isRecord(content) && Array.isArray(content.messages) ? (content.messages as ReadonlyArray<MessageView>) : []

/**
 * Shows the messages exchanged by the two sides of a request, each in the language it declares and
 * saying which (I18N-FREE-TEXT-TAGGED), and, when `request.add-message` is among the user's actions,
 * a form to add one with its language. While writing, the user sees the languages the other
 * authority understands (I18N-SHOW-SPOKEN), as advice only (I18N-SPOKEN-ADVISORY). A message written
 * in another language than the display language has a "Translate" button when the client offers
 * machine translation from its declared language into the display language (I18N-MT-PAIRS,
 * I18N-MT-SOURCE-TAG); the translation is shown below it, marked as approximate.
 *
 * Give it an `exchange-id` (it loads the view and actions), or `.view` and `.actions` from a parent.
 * Set `authority-id` to the user's authority to show only the other party's languages; without it,
 * both parties' languages are shown.
 *
 * @tag imi-comments
 * @attr exchange-id - The request to show, when no view is given.
 * @attr authority-id - The signed-in user's authority.
 * @attr lang - The display language.
 * @fires imi-command - After a message was added; `detail`: `{ exchangeId, action, result }`.
 * @csspart list - The list of messages.
 * @csspart message - One message.
 * @csspart free-text - The text of a message, carrying its `lang`.
 * @csspart language - The language a text is written in.
 * @csspart translate - The button that machine-translates a message.
 * @csspart translation - The machine translation of a message.
 * @csspart form - The form to add a message.
 * @csspart spoken - The languages the other authority understands.
 * @csspart error - A refusal, with its rule.
 * @cssprop --imi-comments-background - Background of a message.
 * @cssprop --imi-comments-border - Border colour of a message.
 * @cssprop --imi-accent - Colour of the button.
 * @category elements
 */
export class ImiComments extends ExchangePart {
  static override styles = commentsStyles
  static override properties = {
    ...ExchangePart.properties,
    busy: { state: true },
    pairs: { state: true },
    translations: { state: true },
  }
  /** @internal */
  declare private busy: boolean
  /** The language pairs the client translates. @internal */
  declare private pairs: ReadonlyArray<LanguagePair>
  /** Machine translations of messages, by message id and target language. @internal */
  declare private translations: ReadonlyMap<string, string>
  private pairsFor: ImiClient | undefined

  constructor() {
    super()
    this.busy = false
    this.pairs = []
    this.translations = new Map()
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed)
    const client = this.client
    if (client !== undefined && client !== this.pairsFor) {
      this.pairsFor = client
      this.pairs = []
      void client.translationPairs?.().then((r) => {
        if (this.client === client && r._tag === 'Right') this.pairs = r.right
      })
    }
  }

  /** Machine-translates a message from its declared language into the display language. */
  private async translateMessage(m: MessageView, from: Language): Promise<void> {
    const client = this.client
    const to = this.language
    if (client?.translate === undefined || !isFreeText(m.text)) return
    const r = await client.translate({ text: m.text.text, language: from }, to)
    this.error = r._tag === 'Left' ? r.left : undefined
    if (r._tag === 'Right') this.translations = new Map(this.translations).set(`${m.id} ${to}`, r.right.text)
  }

  /** The translation of a message, or its button when the pair is offered; nothing otherwise. */
  private renderTranslation(m: MessageView) {
    const from = isFreeText(m.text) ? m.text.language : undefined
    const to = this.language
    if (from === undefined || !(LANGUAGES as ReadonlyArray<string>).includes(from)) return nothing
    const translated = this.translations.get(`${m.id} ${to}`)
    if (translated !== undefined) return html`<p part="translation" class="translation">${this.t('comments.translation', { text: translated })}</p>`
    if (this.client?.translate === undefined || !isPairSupported({ pairs: this.pairs }, from as Language, to)) return nothing
    return html`<button part="translate" type="button" @click=${() => void this.translateMessage(m, from as Language)}>${this.t('comments.translate')}</button>`
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const data = new FormData(form)
    const text = String(data.get('text') ?? '').trim()
    const language = String(data.get('language') ?? this.language)
    const exchangeId = this.view?.exchangeId
    if (text === '' || exchangeId === undefined) return
    this.busy = true
    this.notice = undefined
    const ok = await this.run({ type: 'request.add-message', exchangeId, text: { text, language } })
    this.busy = false
    if (ok) {
      form.reset()
      this.notice = this.text('comments.added')
    }
  }

  private renderMessage(m: MessageView) {
    const authority = m.side === 'requesting' ? this.view?.summary.requestingAuthority : this.view?.summary.respondingAuthority
    return html`<li part="message" class="message" data-side=${m.side}>
      <p class="meta">${this.t('comments.by', { side: this.text(`comments.side.${m.side}`), authority: this.authorityName(authority), date: this.formatDate(m.at) })}</p>
      <p class="text">${this.renderFreeText(m.text)}</p>
      ${this.renderTranslation(m)}
    </li>`
  }

  private renderForm() {
    const id = 'imi-comment-text'
    return html`<form part="form" @submit=${this.submit}>
      <h3>${this.t('comments.new')}</h3>
      ${this.renderSpoken('comments')}
      <label for=${id}>${this.t('comments.text')}</label>
      <textarea id=${id} name="text" rows="4" required maxlength="10000"></textarea>
      <label for="imi-comment-language">${this.t('comments.language')}</label>
      <select id="imi-comment-language" name="language">
        ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === this.language}>${this.languageName(l)}</option>`)}
      </select>
      <button type="submit" ?disabled=${this.busy}>${this.t('comments.send')}</button>
    </form>`
  }

  override render() {
    const view = this.view
    if (view === undefined) return this.error === undefined ? this.renderLoading() : this.renderError(this.error)
    const messages = messagesOf(view.content)
    const canWrite = this.actions?.includes('request.add-message') === true
    return html`<section class="comments">
      <h2>${this.t('comments.title')}</h2>
      ${messages.length === 0 ? html`<p part="empty">${this.t('comments.empty')}</p>` : html`<ol part="list">${messages.map((m) => this.renderMessage(m))}</ol>`}
      ${canWrite ? this.renderForm() : nothing} ${this.renderFeedback()}
    </section>`
  }
}
