/**
 * `<imi-attachments>`: the documents of a request in two sections, those with personal data and
 * those without, with download links and an upload form.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { isRedacted } from '@imi-kit/core'
import type { Attachment, ExchangeId, Redacted } from '@imi-kit/core'
import { ExchangePart, fileOperations, isRecord } from '../exchange/part.js'
import { RELEVANCES } from '../exchange/action-forms.js'
import { attachmentsStyles } from './styles.js'

/**
 * The relevances whose documents are shown in the personal-data section: documents about the
 * person concerned. Every other relevance goes to the section without personal data.
 *
 * @category elements
 */
export const PERSONAL_RELEVANCE: ReadonlyArray<string> = ['evidence-of-qualifications', 'proof-of-establishment', 'authorisation', 'decision', 'certificate']

const attachmentsOf = (content: unknown): ReadonlyArray<Attachment | Redacted> =>
  isRecord(content) && Array.isArray(content.attachments) ? (content.attachments as ReadonlyArray<Attachment | Redacted>) : []

/**
 * Shows the documents of a request in two sections: documents containing personal data and
 * documents without. A document the view hides (before acceptance, to coordinators, once blocked or
 * erased) shows as hidden, in the personal-data section: the server hides only personal data.
 * Visible documents link to their download (`client.attachmentUrl`); when `request.add-attachment`
 * is among the user's actions and the client can upload, a form uploads a file (`client.upload`) and
 * adds it with the relevance the user chooses.
 *
 * Which section a visible document goes to follows its relevance: {@link PERSONAL_RELEVANCE}, or
 * the `personalRelevance` property.
 *
 * @tag imi-attachments
 * @attr exchange-id - The request to show, when no view is given.
 * @attr lang - The display language.
 * @fires imi-command - After a document was added; `detail`: `{ exchangeId, action, result }`.
 * @csspart personal - The section of documents containing personal data.
 * @csspart non-personal - The section of documents without personal data.
 * @csspart attachment - One document.
 * @csspart download - The download link of a document.
 * @csspart redacted - A hidden document.
 * @csspart form - The upload form.
 * @csspart error - A refusal, with its rule.
 * @cssprop --imi-attachments-border - Colour of the sections' borders.
 * @cssprop --imi-accent - Colour of links and the button.
 * @category elements
 */
export class ImiAttachments extends ExchangePart {
  static override styles = attachmentsStyles
  static override properties = { ...ExchangePart.properties, personalRelevance: { attribute: false }, busy: { state: true } }
  /** The relevances shown in the personal-data section. */
  declare personalRelevance: ReadonlyArray<string>
  /** @internal */
  declare private busy: boolean

  constructor() {
    super()
    this.personalRelevance = PERSONAL_RELEVANCE
    this.busy = false
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const data = new FormData(form)
    const file = data.get('file')
    const relevance = String(data.get('relevance') ?? 'other')
    const files = fileOperations(this.client)
    const exchangeId = this.view?.exchangeId
    if (!(file instanceof File) || file.name === '' || files === undefined || exchangeId === undefined) return
    this.busy = true
    this.notice = undefined
    this.error = undefined
    const uploaded = await files.upload(file, file.type === '' ? undefined : file.type)
    if (E.isLeft(uploaded)) {
      this.error = uploaded.left
      this.busy = false
      return
    }
    const { contentRef, size, mediaType } = uploaded.right
    const ok = await this.run({ type: 'request.add-attachment', exchangeId, attachment: { fileName: file.name, mediaType, size, contentRef, relevance } })
    this.busy = false
    if (ok) {
      form.reset()
      this.notice = this.text('actions.done', { action: this.text('actions.request.add-attachment') })
    }
  }

  private renderAttachment(a: Attachment | Redacted): TemplateResult {
    if (isRedacted(a)) return html`<li part="attachment" class="attachment hidden">${this.t('exchange.attachments.hidden-document')} — ${this.renderRedacted(a)}</li>`
    const files = fileOperations(this.client)
    const exchangeId = this.view?.exchangeId as ExchangeId | undefined
    const name = files === undefined || exchangeId === undefined ? html`<span class="file">${a.fileName}</span>` : html`<a part="download" href=${files.attachmentUrl(exchangeId, a.id)} download=${a.fileName} aria-label=${this.text('exchange.attachments.download', { file: a.fileName })}>${a.fileName}</a>`
    return html`<li part="attachment" class="attachment" data-relevance=${a.relevance}>
      ${name}
      <span class="meta"
        >${this.t(`exchange.relevance.${a.relevance}`)} · ${this.t('exchange.attachments.kib', { size: Math.max(1, Math.round(a.size / 1024)) })} · ${this.t('exchange.attachments.added-by')}
        ${this.t(`comments.side.${a.addedBy}`)}, ${this.formatDate(a.addedAt)}</span
      >
    </li>`
  }

  private renderSection(part: 'personal' | 'non-personal', items: ReadonlyArray<Attachment | Redacted>): TemplateResult {
    const heading = `imi-attachments-${part}`
    return html`<section part=${part} aria-labelledby=${heading}>
      <h3 id=${heading}>${this.t(`exchange.attachments.${part}`)}</h3>
      ${items.length === 0 ? html`<p class="empty">${this.t('exchange.attachments.none')}</p>` : html`<ul>${items.map((a) => this.renderAttachment(a))}</ul>`}
    </section>`
  }

  private renderForm(): TemplateResult {
    return html`<form part="form" @submit=${this.submit}>
      <h3>${this.t('exchange.attachments.upload')}</h3>
      <label for="imi-attachment-file">${this.t('actions.field.file')}</label>
      <input id="imi-attachment-file" name="file" type="file" required />
      <label for="imi-attachment-relevance">${this.t('actions.field.relevance')}</label>
      <select id="imi-attachment-relevance" name="relevance">
        ${RELEVANCES.map((r) => html`<option value=${r}>${this.text(`exchange.relevance.${r}`)}</option>`)}
      </select>
      <button type="submit" ?disabled=${this.busy}>${this.t('actions.request.add-attachment')}</button>
    </form>`
  }

  override render() {
    const view = this.view
    if (view === undefined) return this.error === undefined ? this.renderLoading() : this.renderError(this.error)
    const all = attachmentsOf(view.content)
    const personal = all.filter((a) => isRedacted(a) || this.personalRelevance.includes(a.relevance))
    const other = all.filter((a) => !isRedacted(a) && !this.personalRelevance.includes(a.relevance))
    const canUpload = this.actions?.includes('request.add-attachment') === true && fileOperations(this.client) !== undefined
    return html`<div class="attachments">
      ${this.renderSection('personal', personal)} ${this.renderSection('non-personal', other)} ${canUpload ? this.renderForm() : nothing} ${this.renderFeedback()}
    </div>`
  }
}
