/**
 * `<imi-request-form>`: the wizard in which a request handler writes a request for information, saves
 * it as a draft and sends it (spec §6.4).
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { LANGUAGES, LEGISLATIVE_AREAS, QUESTION_SETS, localize } from '@imi-kit/core'
import type {
  AttachmentRelevance,
  AuthorityCard,
  DomainError,
  ExchangeId,
  ImiClient,
  Language,
  LegislativeArea,
  LocalizedText,
  PredefinedQuestion,
  QuestionSet,
  RequestContent,
  SendProblem,
} from '@imi-kit/core'
import { ImiElement } from '../base.js'
import { fileOperations } from '../exchange/part.js'
import { languageName, memberStateName } from '../format.js'
import { problemsOf, stepFrom, tabForKey } from '../wizard.js'
import { requestFormStyles } from './styles.js'
import type { FormDraft, QuestionDraft, TabId, TextDraft } from './draft.js'
import { draftFromContent, editCommand, emptyDraft, fillPlaceholders, tabsOfProblem } from './draft.js'

/**
 * The relevance comments of attachments. The core's own list lives beside the request procedure, and
 * importing it would bundle the whole procedure into the browser; the type below fails to compile if
 * the two lists ever differ.
 */
const RELEVANCE = ['evidence-of-qualifications', 'proof-of-establishment', 'authorisation', 'decision', 'certificate', 'correspondence', 'other'] as const satisfies ReadonlyArray<AttachmentRelevance>
type MissingRelevance = Exclude<AttachmentRelevance, (typeof RELEVANCE)[number]>
const relevanceComplete: [MissingRelevance] extends [never] ? true : false = true

/**
 * The request wizard. It shows its steps as tabs with Previous and Next between them; a draft is
 * saved with `request.create` then `request.edit` and sent with `request.send`. Fields needed to save
 * and fields needed to send carry two different markers explained by a legend; when the server
 * refuses to send, the steps holding the missing fields are highlighted and listed. The Save and Send
 * buttons exist exactly when `client.actions` offers `request.edit` and `request.send`.
 *
 * Question sets, questions, placeholders, checklists and case fields come from the core's data, in
 * the display language; every free text carries a language chosen beside it, and the languages the
 * addressee understands are shown as advice.
 *
 * @tag imi-request-form
 * @attr exchange-id - The draft to resume; empty for a new request.
 * @attr areas - The legislative areas offered, separated by spaces (default: every area the core knows).
 * @attr member-state - The user's own member state, left out of the addressee's states (default: learnt from the saved draft, else from `client.me()`).
 * @attr lang - The display language.
 * @fires imi-saved - The draft was saved; `detail.exchangeId` names it.
 * @fires imi-sent - The request was sent; `detail.exchangeId` names it.
 * @csspart legend - The legend of the two markers.
 * @csspart marker-save - The marker of a field needed to save the draft.
 * @csspart marker-send - The marker of a field needed to send the request.
 * @csspart tab - A step's tab; also `tab-missing` while information needed to send is missing there.
 * @csspart panel - The current step.
 * @csspart problems - The list of what is missing to send.
 * @csspart previous - The Previous button.
 * @csspart next - The Next button.
 * @csspart save - The Save draft button.
 * @csspart send - The Send button.
 * @csspart message - Where saving and sending are announced.
 * @csspart spoken-languages - The languages the addressee understands, beside a free text.
 * @csspart spoken-advice - The advice shown when a text's language is not one the addressee understands.
 * @cssprop --imi-accent - Colour of the selected tab and the primary button.
 * @cssprop --imi-focus - Colour of the focus ring.
 * @cssprop --imi-request-form-missing - Colour of missing information.
 * @cssprop --imi-request-form-missing-background - Background of tabs and lists with missing information.
 * @cssprop --imi-request-form-save-marker - Colour of the save marker.
 * @cssprop --imi-request-form-send-marker - Colour of the send marker.
 * @category elements
 */
export class ImiRequestForm extends ImiElement {
  static override styles = requestFormStyles
  static override properties = {
    exchangeId: { type: String, attribute: 'exchange-id', reflect: true },
    areas: { type: String },
    memberState: { type: String, attribute: 'member-state' },
  }
  declare exchangeId: string
  declare areas: string
  declare memberState: string

  private draft: FormDraft = emptyDraft()
  private tab: TabId = 'area'
  private number = ''
  private status = ''
  private actions: ReadonlyArray<string> | undefined
  private requestingAuthority = ''
  private authorities: ReadonlyArray<AuthorityCard> = []
  private authoritiesArea = ''
  private problems: ReadonlyArray<SendProblem> = []
  private error: DomainError | undefined
  private busy: 'saving' | 'sending' | 'loading' | undefined
  private message: { readonly key: string; readonly number: string } | undefined
  private areaMissing = false
  private nextRelevance: AttachmentRelevance = 'other'
  private loadedFor: { client: ImiClient | undefined; id: string } = { client: undefined, id: '' }
  private focusAfter: string | undefined

  constructor() {
    super()
    this.exchangeId = ''
    this.areas = ''
    this.memberState = ''
  }

  // -------------------------------------------------------------------------------------------
  // data

  private get offeredAreas(): ReadonlyArray<LegislativeArea> {
    const wanted = this.areas.split(/\s+/).filter((a) => a !== '')
    return wanted.length === 0 ? LEGISLATIVE_AREAS : LEGISLATIVE_AREAS.filter((a) => wanted.includes(a.id))
  }

  private get area(): LegislativeArea | undefined {
    return LEGISLATIVE_AREAS.find((a) => a.id === this.draft.area)
  }

  private get questionSets(): ReadonlyArray<QuestionSet> {
    const ids = this.area?.request.questionSets ?? []
    return ids.flatMap((id) => QUESTION_SETS.filter((s) => s.id === id))
  }

  private get questionSet(): QuestionSet | undefined {
    return this.questionSets.find((s) => s.id === this.draft.questionSetId)
  }

  private get tabs(): ReadonlyArray<TabId> {
    return ['area', 'questions', ...(this.questionSet?.derogation === undefined ? [] : (['derogation'] as const)), 'case', 'addressee', 'details', 'summary']
  }

  private get ownMemberState(): string {
    if (this.memberState !== '') return this.memberState
    return this.authorities.find((a) => a.id === this.requestingAuthority)?.memberState ?? this.me?.memberState ?? ''
  }

  private get addresseeCard(): AuthorityCard | undefined {
    return this.authorities.find((a) => a.id === this.draft.addressee)
  }

  /** Editing is possible on a new draft, and on a saved one while the server offers `request.edit`. */
  private get editable(): boolean {
    return this.exchangeId === '' || (this.actions?.includes('request.edit') ?? false)
  }

  override willUpdate(): void {
    if (this.draft.area === '' && this.offeredAreas.length === 1) this.draft.area = this.offeredAreas[0]?.id ?? ''
    if (!this.tabs.includes(this.tab)) this.tab = 'questions'
    const client = this.client
    if (client !== this.loadedFor.client || this.exchangeId !== this.loadedFor.id) {
      this.loadedFor = { client, id: this.exchangeId }
      if (client !== undefined && this.exchangeId !== '' && this.exchangeId !== this.loadedId) void this.load(client, this.exchangeId)
    }
    if (client !== undefined && this.draft.area !== '' && this.authoritiesArea !== this.draft.area) {
      this.authoritiesArea = this.draft.area
      void this.loadAuthorities(client, this.draft.area)
    }
  }

  /** The draft last loaded from, or saved to, the server. */
  private loadedId = ''

  /**
   * Reads the draft's number, status and the actions the server offers now; with `replace`, also
   * replaces the form's content by what the server holds.
   */
  private async load(client: ImiClient, id: string, replace = true): Promise<void> {
    this.busy ??= 'loading'
    this.requestUpdate()
    const [view, actions] = await Promise.all([client.view(id as ExchangeId), client.actions(id as ExchangeId)])
    if (this.busy === 'loading') this.busy = undefined
    if (E.isLeft(view)) {
      this.error = view.left
      this.requestUpdate()
      return
    }
    const v = view.right
    this.loadedId = id
    this.number = v.number
    this.status = v.status
    this.requestingAuthority = v.summary.requestingAuthority ?? ''
    this.actions = E.isRight(actions) ? actions.right : []
    const content = v.content as RequestContent | undefined
    if (replace && content !== undefined) {
      const addressee = v.summary.authorities.find((a) => a !== v.summary.requestingAuthority)
      this.draft = draftFromContent(content, addressee)
      this.draft.memberState = this.addresseeCard?.memberState ?? (addressee === undefined ? '' : (v.summary.memberStates[1] ?? ''))
    }
    this.requestUpdate()
  }

  private async loadAuthorities(client: ImiClient, area: string): Promise<void> {
    const r = await client.authorities({ workflow: 'request', legislativeArea: area, limit: 200 })
    if (this.draft.area !== area) return
    this.authorities = E.isRight(r) ? r.right : []
    if (this.draft.memberState === '' && this.addresseeCard !== undefined) this.draft.memberState = this.addresseeCard.memberState
    this.requestUpdate()
  }

  // -------------------------------------------------------------------------------------------
  // saving and sending

  /** Uploads the documents chosen since the last save, as attachment inputs. */
  private async uploadPending(): Promise<E.Either<DomainError, ReadonlyArray<Readonly<Record<string, unknown>>>>> {
    const files = fileOperations(this.client)
    const out: Array<Readonly<Record<string, unknown>>> = []
    for (const p of this.draft.pending) {
      if (files === undefined) return E.left({ _tag: 'DomainError', code: 'attachments.unavailable', message: this.text('request-form.attachments-unavailable') })
      const r = await files.upload(p.file, p.file.type === '' ? 'application/octet-stream' : p.file.type)
      if (E.isLeft(r)) return r
      out.push({ fileName: p.file.name, mediaType: r.right.mediaType, size: r.right.size, contentRef: r.right.contentRef, relevance: p.relevance })
    }
    return E.right(out)
  }

  /** Saves the draft: creates it first if needed, then writes everything with `request.edit`. */
  private async persist(client: ImiClient): Promise<string | undefined> {
    let id = this.exchangeId
    if (id === '') {
      const created = await client.execute({ type: 'request.create', legislativeArea: this.draft.area })
      if (E.isLeft(created)) {
        this.error = created.left
        return undefined
      }
      id = created.right.exchangeId
      // The draft exists from now on, even if writing its content is refused below.
      this.loadedId = id
      this.exchangeId = id
      this.loadedFor = { client, id }
    }
    const uploaded = await this.uploadPending()
    if (E.isLeft(uploaded)) {
      this.error = uploaded.left
      return undefined
    }
    const edited = await client.execute(editCommand(id, this.draft, this.questionSet, uploaded.right))
    if (E.isLeft(edited)) {
      this.error = edited.left
      return undefined
    }
    this.draft.pending = []
    return id
  }

  /** Starts saving or sending; false when it cannot start. */
  private begin(what: 'saving' | 'sending'): boolean {
    if (this.client === undefined || this.busy !== undefined) return false
    this.error = undefined
    this.message = undefined
    // A draft needs its legislative area before anything else.
    this.areaMissing = this.draft.area === ''
    if (this.areaMissing) {
      this.tab = 'area'
      this.focusAfter = '#area'
      this.requestUpdate()
      return false
    }
    this.busy = what
    this.requestUpdate()
    return true
  }

  /** Ends saving or sending; after a refusal, keeps what the user typed and refreshes only the actions. */
  private async end(client: ImiClient, id: string | undefined): Promise<void> {
    this.busy = undefined
    if (id === undefined && this.exchangeId !== '') await this.load(client, this.exchangeId, false)
    this.requestUpdate()
  }

  private async save(): Promise<void> {
    const client = this.client
    if (client === undefined || !this.begin('saving')) return
    const id = await this.persist(client)
    if (id !== undefined) {
      await this.load(client, id)
      this.message = { key: 'request-form.saved', number: this.number }
      this.fire('imi-saved', { exchangeId: id })
    }
    await this.end(client, id)
  }

  private async send(): Promise<void> {
    const client = this.client
    if (client === undefined || !this.begin('sending')) return
    const id = await this.persist(client)
    if (id === undefined) return this.end(client, id)
    const sent = await client.execute({ type: 'request.send', exchangeId: id })
    if (E.isLeft(sent)) {
      this.problems = problemsOf(sent.left.details)
      if (this.problems.length === 0) this.error = sent.left
      else this.focusAfter = '.problems'
      await this.load(client, id)
      return this.end(client, id)
    }
    this.problems = []
    await this.load(client, id)
    this.message = { key: 'request-form.sent', number: this.number }
    this.focusAfter = '[part=message]'
    this.fire('imi-sent', { exchangeId: id })
    return this.end(client, id)
  }

  // -------------------------------------------------------------------------------------------
  // navigation

  /** The steps holding a problem of the last send attempt. */
  private get missingTabs(): ReadonlySet<TabId> {
    return new Set(this.problems.flatMap((p) => tabsOfProblem(p, this.draft)))
  }

  private go(tab: TabId, focus: 'tab' | 'heading'): void {
    this.tab = tab
    this.focusAfter = focus === 'tab' ? `#tab-${tab}` : '#panel-heading'
    this.requestUpdate()
  }

  override updated(): void {
    const selector = this.focusAfter
    if (selector === undefined) return
    this.focusAfter = undefined
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus()
  }

  private onTabKey(e: KeyboardEvent): void {
    const to = tabForKey(e, this.tabs, this.tab)
    if (to !== undefined) this.go(to, 'tab')
  }

  private step(delta: number): void {
    const to = stepFrom(this.tabs, this.tab, delta)
    if (to !== undefined) this.go(to, 'heading')
  }

  // -------------------------------------------------------------------------------------------
  // small templates

  private plain(text: LocalizedText): string {
    return localize(text, this.language)[0]
  }

  private mark(kind: 'save' | 'send'): TemplateResult {
    return html`<span class="marker ${kind}" part="marker-${kind}" aria-hidden="true">${kind === 'save' ? '◆' : '*'}</span><span class="sr"> (${this.text(`request-form.legend.${kind}`)})</span>`
  }

  /** True when the last send attempt named this field. */
  private missing(field: string, code?: string): boolean {
    return this.problems.some((p) => p.field === field && (code === undefined || p.code === code))
  }

  private fieldError(id: string, shown: boolean): TemplateResult | typeof nothing {
    return shown ? html`<p class="field-error" id=${id}>${this.t('request-form.field-missing')}</p>` : nothing
  }

  private setField<K extends keyof FormDraft>(key: K, value: FormDraft[K]): void {
    this.draft[key] = value
    this.requestUpdate()
  }

  private languageField(id: string, value: TextDraft, missing: boolean): TemplateResult {
    const names = (code: string) => languageName(code, this.language)
    const spoken = this.addresseeCard?.languages ?? []
    const option = (l: Language) => html`<option value=${l} ?selected=${value.language === l}>${names(l)}</option>`
    const others = LANGUAGES.filter((l) => !spoken.includes(l))
    const advise = value.language !== '' && spoken.length > 0 && !spoken.includes(value.language)
    const errorId = `${id}-error`
    return html`<div class="field">
      <label for=${id}>${this.t('request-form.text-language')}${this.mark('send')}</label>
      <select
        id=${id}
        aria-describedby="${id}-spoken${advise ? ` ${id}-advice` : ''}${missing ? ` ${errorId}` : ''}"
        aria-invalid=${missing ? 'true' : 'false'}
        @change=${(e: Event) => {
          value.language = (e.target as HTMLSelectElement).value as Language | ''
          this.requestUpdate()
        }}
      >
        <option value="" ?selected=${value.language === ''}>${this.text('request-form.language-choose')}</option>
        ${spoken.length === 0
          ? LANGUAGES.map(option)
          : html`<optgroup label=${this.text('request-form.languages-spoken')}>${spoken.map(option)}</optgroup>
              <optgroup label=${this.text('request-form.languages-other')}>${others.map(option)}</optgroup>`}
      </select>
      <p class="hint" id="${id}-spoken" part="spoken-languages">
        ${spoken.length === 0 ? this.t('request-form.spoken-unknown') : this.t('request-form.spoken', { languages: spoken.map(names).join(', ') })}
      </p>
      ${advise ? html`<p class="advice" id="${id}-advice" part="spoken-advice">${this.t('request-form.spoken-advice')}</p>` : nothing}
      ${this.fieldError(errorId, missing)}
    </div>`
  }

  /** A free text with its language: the text, then the language it is written in. */
  private freeTextField(id: string, label: TemplateResult, value: TextDraft, required: boolean, missing: boolean, help?: TemplateResult): TemplateResult {
    const untagged = this.problems.some((p) => p.code === 'request.free-text-language') && value.text.trim() !== '' && value.language === ''
    return html`<div class="field">
        <label for=${id}>${label}${required ? this.mark('send') : nothing}</label>
        ${help === undefined ? nothing : html`<p class="hint" id="${id}-help">${help}</p>`}
        <textarea
          id=${id}
          aria-describedby="${help === undefined ? '' : `${id}-help `}${id}-lang-spoken${missing ? ` ${id}-error` : ''}"
          aria-invalid=${missing ? 'true' : 'false'}
          .value=${value.text}
          @input=${(e: Event) => {
            value.text = (e.target as HTMLTextAreaElement).value
            this.requestUpdate()
          }}
        ></textarea>
        ${this.fieldError(`${id}-error`, missing)}
      </div>
      ${this.languageField(`${id}-lang`, value, untagged)}`
  }

  // -------------------------------------------------------------------------------------------
  // the steps

  private renderArea(): TemplateResult {
    const saved = this.exchangeId !== ''
    const setMissing = this.missing('questionSetId')
    return html`<div class="field">
        <label for="area">${this.t('request-form.area')}${this.mark('save')}</label>
        ${saved
          ? html`<p class="hint" id="area-fixed">${this.t('request-form.area-fixed')}</p>`
          : nothing}
        <select
          id="area"
          aria-required="true"
          ?disabled=${saved}
          aria-invalid=${this.areaMissing ? 'true' : 'false'}
          aria-describedby=${saved ? 'area-fixed' : this.areaMissing ? 'area-error' : nothing}
          @change=${(e: Event) => {
            this.draft = emptyDraft((e.target as HTMLSelectElement).value)
            this.problems = []
            this.areaMissing = this.draft.area === ''
            this.requestUpdate()
          }}
        >
          <option value="" ?selected=${this.draft.area === ''}>${this.text('request-form.area-choose')}</option>
          ${this.offeredAreas.map((a) => html`<option value=${a.id} ?selected=${a.id === this.draft.area}>${this.plain(a.name)}</option>`)}
        </select>
        ${this.areaMissing ? html`<p class="field-error" id="area-error">${this.t('request-form.choose-area-first')}</p>` : nothing}
      </div>
      <div class="field">
        <label for="question-set">${this.t('request-form.question-set')}${this.mark('send')}</label>
        <select
          id="question-set"
          ?disabled=${this.draft.area === ''}
          aria-invalid=${setMissing ? 'true' : 'false'}
          aria-describedby=${setMissing ? 'question-set-error' : nothing}
          @change=${(e: Event) => {
            this.draft.questionSetId = (e.target as HTMLSelectElement).value
            // The questions of another set do not apply.
            this.draft.questions = new Map()
            this.requestUpdate()
          }}
        >
          <option value="" ?selected=${this.draft.questionSetId === ''}>${this.text('request-form.question-set-choose')}</option>
          ${this.questionSets.map((s) => html`<option value=${s.id} ?selected=${s.id === this.draft.questionSetId}>${this.plain(s.title)}</option>`)}
        </select>
        ${this.fieldError('question-set-error', setMissing)}
      </div>`
  }

  private renderQuestion(q: PredefinedQuestion, n: number): TemplateResult {
    const selected = this.draft.questions.get(q.id)
    const [text, fallback] = localize(q.text, this.language)
    const placeholdersMissing = this.problems.some((p) => p.code === 'request.placeholder-empty')
    const attachments = [
      ...this.draft.attachments.map((a) => ({ value: a.id, name: a.fileName })),
      ...this.draft.pending.map((p, i) => ({ value: `new:${i}`, name: p.file.name })),
    ]
    return html`<div class="question" part="question">
        <input
          type="checkbox"
          id="q-${n}"
          .checked=${selected !== undefined}
          @change=${(e: Event) => {
            if ((e.target as HTMLInputElement).checked) this.draft.questions.set(q.id, { parameters: {}, comment: { text: '', language: '' }, attachment: '' })
            else this.draft.questions.delete(q.id)
            this.requestUpdate()
          }}
        />
        <label for="q-${n}" lang=${fallback ? 'en' : this.language} class=${fallback ? 'fallback' : ''} data-question=${q.id}>${text}</label>
      </div>
      ${selected === undefined
        ? nothing
        : html`<div class="question-details">
            ${q.parameters.map((p) => {
              const bad = placeholdersMissing && p.mandatory && (selected.parameters[p.id] ?? '').trim() === ''
              return html`<div class="field">
                <label for="q-${n}-${p.id}">${this.loc(p.label)}${p.mandatory ? this.mark('send') : nothing}</label>
                <input
                  type="text"
                  id="q-${n}-${p.id}"
                  data-parameter=${p.id}
                  aria-invalid=${bad ? 'true' : 'false'}
                  aria-describedby=${bad ? `q-${n}-${p.id}-error` : nothing}
                  .value=${selected.parameters[p.id] ?? ''}
                  @input=${(e: Event) => {
                    selected.parameters[p.id] = (e.target as HTMLInputElement).value
                    this.requestUpdate()
                  }}
                />
                ${this.fieldError(`q-${n}-${p.id}-error`, bad)}
              </div>`
            })}
            ${q.aboutAttachment && attachments.length > 0
              ? html`<div class="field">
                  <label for="q-${n}-attachment">${this.t('request-form.about-attachment')}</label>
                  <select id="q-${n}-attachment" @change=${(e: Event) => this.setAttachment(selected, (e.target as HTMLSelectElement).value)}>
                    <option value="" ?selected=${selected.attachment === ''}>${this.text('common.none')}</option>
                    ${attachments.map((a) => html`<option value=${a.value} ?selected=${selected.attachment === a.value}>${a.name}</option>`)}
                  </select>
                </div>`
              : nothing}
            ${this.freeTextField(`q-${n}-comment`, this.t('request-form.comment'), selected.comment, false, false)}
          </div>`}`
  }

  private setAttachment(q: QuestionDraft, value: string): void {
    q.attachment = value
    this.requestUpdate()
  }

  private renderQuestions(): TemplateResult {
    const set = this.questionSet
    if (set === undefined) return html`<p>${this.t('request-form.question-set-first')}</p>`
    const missing = this.missing('questions', 'request.no-question') || this.missing('questions', 'request.measures-question-missing')
    let n = 0
    return html`<fieldset aria-describedby="questions-hint${missing ? ' questions-error' : ''}">
      <legend>${this.t('request-form.questions-legend')}${this.mark('send')}</legend>
      <p class="hint" id="questions-hint">${this.t('request-form.placeholder-hint')}</p>
      ${this.fieldError('questions-error', missing)}
      ${set.categories.map(
        (c) => html`<fieldset>
          <legend>${this.loc(c.title)}</legend>
          ${c.questions.map((q) => this.renderQuestion(q, n++))}
        </fieldset>`,
      )}
    </fieldset>`
  }

  private renderDerogation(): TemplateResult {
    const config = this.questionSet?.derogation
    if (config === undefined) return html`<p>${this.t('request-form.question-set-first')}</p>`
    const d = this.draft
    const checklistMissing = this.missing('derogation.confirmed')
    const procedureMissing = this.missing('derogation.procedure')
    const relatedMissing = this.missing('derogation.relatedRequestNumber')
    return html`<fieldset aria-describedby=${checklistMissing ? 'checklist-error' : nothing}>
        <legend>${this.t('request-form.derogation.checklist')}${this.mark('send')}</legend>
        ${this.fieldError('checklist-error', checklistMissing)}
        ${config.checklist.map(
          (item, i) => html`<div class="option">
            <input
              type="checkbox"
              id="check-${i}"
              .checked=${d.confirmed.has(item.id)}
              @change=${(e: Event) => {
                if ((e.target as HTMLInputElement).checked) d.confirmed.add(item.id)
                else d.confirmed.delete(item.id)
                this.requestUpdate()
              }}
            />
            <label for="check-${i}">${this.loc(item.text)}</label>
          </div>`,
        )}
      </fieldset>
      ${config.kind === 'measures-notification'
        ? html`<fieldset aria-describedby=${procedureMissing ? 'procedure-error' : nothing}>
              <legend>${this.t('request-form.derogation.procedure')}${this.mark('send')}</legend>
              ${this.fieldError('procedure-error', procedureMissing)}
              ${(['normal-step3', 'urgency'] as const).map(
                (p) => html`<div class="option">
                  <input type="radio" name="procedure" id="procedure-${p}" value=${p} .checked=${d.procedure === p} @change=${() => this.setField('procedure', p)} />
                  <label for="procedure-${p}">${this.t(`request-form.derogation.procedure.${p}`)}</label>
                </div>`,
              )}
            </fieldset>
            <div class="field">
              <label for="related">${this.t('request-form.derogation.related')}</label>
              <p class="hint" id="related-help">${this.t('request-form.derogation.related-help')}</p>
              <input
                type="text"
                id="related"
                aria-describedby="related-help${relatedMissing ? ' related-error' : ''}"
                aria-invalid=${relatedMissing ? 'true' : 'false'}
                .value=${d.related}
                @input=${(e: Event) => this.setField('related', (e.target as HTMLInputElement).value)}
              />
              ${this.fieldError('related-error', relatedMissing)}
            </div>`
        : nothing}
      ${config.freeTexts.map((f) => {
        const value = (d.derogationTexts[f.id] ??= { text: '', language: '' })
        return this.freeTextField(`derogation-${f.id}`, this.loc(f.label), value, true, this.missing(`derogation.freeTexts.${f.id}`), f.help === undefined ? undefined : this.loc(f.help))
      })}`
  }

  private renderCase(): TemplateResult {
    const fields = this.area?.request.caseFields ?? []
    return html`<p class="hint">${this.t('request-form.case-intro')}</p>
      ${fields.map((f) => {
        const missing = this.missing(`caseData.${f.id}`)
        return html`<div class="field">
          <label for="case-${f.id}"
            >${this.loc(f.label)}${f.requiredToSend ? this.mark('send') : nothing}
            ${f.personalData ? html`<span class="pd">(${this.t('request-form.personal-data')})</span>` : nothing}</label
          >
          <input
            type=${f.kind === 'date' ? 'date' : 'text'}
            id="case-${f.id}"
            aria-invalid=${missing ? 'true' : 'false'}
            aria-describedby=${missing ? `case-${f.id}-error` : nothing}
            .value=${this.draft.caseData[f.id] ?? ''}
            @input=${(e: Event) => {
              this.draft.caseData[f.id] = (e.target as HTMLInputElement).value
              this.requestUpdate()
            }}
          />
          ${this.fieldError(`case-${f.id}-error`, missing)}
        </div>`
      })}`
  }

  private renderAddressee(): TemplateResult {
    const regions = (code: string) => memberStateName(code, this.language)
    const languages = (code: string) => languageName(code, this.language)
    const own = this.ownMemberState
    const states = [...new Set(this.authorities.map((a) => a.memberState))]
      .filter((m) => m !== own)
      .sort((a, b) => regions(a).localeCompare(regions(b), this.language))
    const inState = this.authorities.filter((a) => a.memberState === this.draft.memberState)
    const missing = this.missing('addressee')
    const coordinatorMissing = this.missing('requestingCoordinator')
    const coordinators = this.authorities.filter((a) => a.memberState === own && a.areas.some((l) => l.legislativeArea === this.draft.area && l.request === 'request-coordinator'))
    return html`<div class="field">
        <label for="member-state">${this.t('request-form.member-state')}${this.mark('send')}</label>
        <select
          id="member-state"
          aria-invalid=${missing && this.draft.memberState === '' ? 'true' : 'false'}
          @change=${(e: Event) => {
            this.draft.memberState = (e.target as HTMLSelectElement).value
            this.draft.addressee = ''
            this.requestUpdate()
          }}
        >
          <option value="" ?selected=${this.draft.memberState === ''}>${this.text('request-form.member-state-choose')}</option>
          ${states.map((m) => html`<option value=${m} ?selected=${m === this.draft.memberState}>${regions(m)}</option>`)}
        </select>
      </div>
      ${this.draft.memberState === ''
        ? nothing
        : html`<fieldset part="authorities" aria-describedby=${missing ? 'addressee-error' : nothing}>
            <legend>${this.t('request-form.authority')}${this.mark('send')}</legend>
            ${this.fieldError('addressee-error', missing)}
            ${inState.length === 0 ? html`<p>${this.t('request-form.authority-none')}</p>` : nothing}
            ${inState.map((a, i) => {
              const coordinator = a.areas.some((l) => l.legislativeArea === this.draft.area && l.request === 'request-coordinator')
              return html`<div class="option">
                <input type="radio" name="addressee" id="addressee-${i}" value=${a.id} .checked=${a.id === this.draft.addressee} @change=${() => this.setField('addressee', a.id)} aria-describedby="addressee-${i}-languages" />
                <label for="addressee-${i}"
                  >${a.name}${a.region === undefined ? nothing : html` (${a.region})`}${coordinator ? html` — ${this.t('request-form.authority-coordinator')}` : nothing}
                  <br /><span class="hint" id="addressee-${i}-languages" part="authority-languages">${this.t('request-form.authority-languages', { languages: a.languages.map(languages).join(', ') })}</span></label
                >
              </div>`
            })}
          </fieldset>`}
      ${coordinatorMissing || this.draft.coordinator !== ''
        ? html`<div class="field">
            <label for="coordinator">${this.t('request-form.coordinator')}${this.mark('send')}</label>
            <p class="hint" id="coordinator-help">${this.t('request-form.coordinator-help')}</p>
            <select id="coordinator" aria-describedby="coordinator-help" aria-invalid=${coordinatorMissing ? 'true' : 'false'} @change=${(e: Event) => this.setField('coordinator', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.draft.coordinator === ''}>${this.text('common.none')}</option>
              ${coordinators.map((c) => html`<option value=${c.id} ?selected=${c.id === this.draft.coordinator}>${c.name}</option>`)}
            </select>
          </div>`
        : nothing}`
  }

  private renderDetails(): TemplateResult {
    const la = this.area
    const deadlineMissing = this.missing('deadline')
    const canUpload = relevanceComplete && fileOperations(this.client) !== undefined
    return html`${this.freeTextField('justification', this.t('request-form.justification'), this.draft.justification, la?.request.requiresJustification ?? false, this.missing('justification'))}
      <div class="field">
        <label for="deadline">${this.t('request-form.deadline')}${la?.request.requiresDeadline === true ? this.mark('send') : nothing}</label>
        <input
          type="date"
          id="deadline"
          aria-invalid=${deadlineMissing ? 'true' : 'false'}
          aria-describedby=${deadlineMissing ? 'deadline-error' : nothing}
          .value=${this.draft.deadline}
          @input=${(e: Event) => this.setField('deadline', (e.target as HTMLInputElement).value)}
        />
        ${this.fieldError('deadline-error', deadlineMissing)}
      </div>
      <fieldset part="attachments">
        <legend>${this.t('request-form.attachments')}</legend>
        ${this.draft.attachments.length + this.draft.pending.length === 0 ? html`<p>${this.t('request-form.attachments-none')}</p>` : nothing}
        <ul>
          ${this.draft.attachments.map((a) => html`<li>${a.fileName} — ${this.t(`request-form.relevance.${a.relevance}`)}</li>`)}
          ${this.draft.pending.map(
            (p, i) =>
              html`<li>
                ${this.t('request-form.attachment-pending', { name: p.file.name })} — ${this.t(`request-form.relevance.${p.relevance}`)}
                <button type="button" class="link" @click=${() => this.removePending(i)}>${this.t('request-form.attachment-remove', { name: p.file.name })}</button>
              </li>`,
          )}
        </ul>
        ${canUpload
          ? html`<div class="field">
                <label for="relevance">${this.t('request-form.attachment-relevance')}</label>
                <select id="relevance" @change=${(e: Event) => (this.nextRelevance = (e.target as HTMLSelectElement).value as AttachmentRelevance)}>
                  ${RELEVANCE.map((r) => html`<option value=${r} ?selected=${r === this.nextRelevance}>${this.text(`request-form.relevance.${r}`)}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="file">${this.t('request-form.attachment-file')}</label>
                <input type="file" id="file" multiple @change=${(e: Event) => this.addFiles(e.target as HTMLInputElement)} />
              </div>`
          : html`<p class="hint">${this.t('request-form.attachments-unavailable')}</p>`}
      </fieldset>`
  }

  private addFiles(input: HTMLInputElement): void {
    for (const file of input.files ?? []) this.draft.pending.push({ file, relevance: this.nextRelevance })
    input.value = ''
    this.requestUpdate()
  }

  private removePending(i: number): void {
    this.draft.pending.splice(i, 1)
    // Links to documents not yet uploaded shift with the list.
    for (const q of this.draft.questions.values()) {
      const m = /^new:(\d+)$/.exec(q.attachment)
      if (m === null) continue
      const at = Number(m[1])
      q.attachment = at === i ? '' : at > i ? `new:${at - 1}` : q.attachment
    }
    this.requestUpdate()
  }

  private renderSummary(): TemplateResult {
    const d = this.draft
    const set = this.questionSet
    const none = html`<em>${this.t('request-form.not-given')}</em>`
    const regions = (code: string) => memberStateName(code, this.language)
    const addressee = this.addresseeCard
    const questions = set === undefined ? [] : set.categories.flatMap((c) => c.questions).filter((q) => d.questions.has(q.id))
    return html`${this.renderProblems()}
      <dl>
        <dt>${this.t('request-form.area')}</dt>
        <dd>${this.area === undefined ? none : this.loc(this.area.name)}</dd>
        <dt>${this.t('request-form.question-set')}</dt>
        <dd>${set === undefined ? none : this.loc(set.title)}</dd>
        <dt>${this.t('request-form.summary.questions')}</dt>
        <dd>
          ${questions.length === 0
            ? none
            : html`<ol>
                ${questions.map((q) => {
                  const [text, fallback] = localize(q.text, this.language)
                  const values = q.parameters.map((p) => d.questions.get(q.id)?.parameters[p.id] ?? '')
                  return html`<li lang=${fallback ? 'en' : this.language}>${fillPlaceholders(text, values)}</li>`
                })}
              </ol>`}
        </dd>
        ${(this.area?.request.caseFields ?? []).map(
          (f) => html`<dt>${this.loc(f.label)}</dt>
            <dd>${(d.caseData[f.id] ?? '').trim() === '' ? none : d.caseData[f.id]}</dd>`,
        )}
        <dt>${this.t('request-form.tab.addressee')}</dt>
        <dd>${addressee === undefined ? none : html`${addressee.name} (${regions(addressee.memberState)})`}</dd>
        <dt>${this.t('request-form.justification')}</dt>
        <dd>${d.justification.text.trim() === '' ? none : d.justification.text}</dd>
        <dt>${this.t('request-form.deadline')}</dt>
        <dd>${d.deadline === '' ? none : d.deadline}</dd>
        <dt>${this.t('request-form.attachments')}</dt>
        <dd>${[...d.attachments.map((a) => a.fileName), ...d.pending.map((p) => p.file.name)].join(', ') || none}</dd>
      </dl>`
  }

  /** The message of a send problem in the display language, or the server's English text. */
  private problemText(p: SendProblem): TemplateResult {
    const fieldId = (p.field ?? '').replace(/^caseData\./, '')
    const field = this.area?.request.caseFields.find((f) => f.id === fieldId)
    return this.labelOr(`request-form.problem.${p.code.replace(/^request\./, '')}`, p.message, { field: field === undefined ? fieldId : this.plain(field.label) })
  }

  private renderProblems(): TemplateResult | typeof nothing {
    if (this.problems.length === 0) return nothing
    return html`<div class="problems" part="problems" role="alert" tabindex="-1">
      <p><strong>${this.t('request-form.send-missing')}</strong></p>
      <ul>
        ${this.problems.map((p) => {
          const tab = tabsOfProblem(p, this.draft)[0] ?? 'summary'
          return html`<li>
            ${tab === 'summary'
              ? nothing
              : html`<button type="button" class="link" @click=${() => this.go(tab, 'heading')}>${this.t('request-form.go-to', { step: this.text(`request-form.tab.${tab}`) })}</button>:`}
            ${this.problemText(p)}
          </li>`
        })}
      </ul>
    </div>`
  }

  private renderPanel(): TemplateResult {
    switch (this.tab) {
      case 'area':
        return this.renderArea()
      case 'questions':
        return this.renderQuestions()
      case 'derogation':
        return this.renderDerogation()
      case 'case':
        return this.renderCase()
      case 'addressee':
        return this.renderAddressee()
      case 'details':
        return this.renderDetails()
      case 'summary':
        return this.renderSummary()
    }
  }

  override render() {
    if (this.client === undefined) return html`<p role="status">${this.t('request-form.no-client')}</p>`
    const tabs = this.tabs
    const index = tabs.indexOf(this.tab)
    const missingTabs = this.missingTabs
    const needsArea = this.draft.area === '' && this.tab !== 'area'
    const editable = this.editable
    const mayEdit = editable
    const maySend = this.exchangeId !== '' && (this.actions?.includes('request.send') ?? false)
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.number === '' ? this.t('request-form.title') : this.t('request-form.title-draft', { number: this.number })}</h2>
      <ul class="legend" part="legend" aria-label=${this.text('request-form.legend.title')}>
        <li><span class="marker save" aria-hidden="true">◆</span> ${this.t('request-form.legend.save')}</li>
        <li><span class="marker send" aria-hidden="true">*</span> ${this.t('request-form.legend.send')}</li>
      </ul>
      ${editable || this.status === '' ? nothing : html`<p class="hint">${this.t('request-form.not-editable')}</p>`}
      <div role="tablist" aria-label=${this.text('request-form.steps')} @keydown=${this.onTabKey}>
        ${tabs.map((id, i) => {
          const selected = id === this.tab
          const missing = missingTabs.has(id)
          return html`<button
            type="button"
            role="tab"
            id="tab-${id}"
            part="tab${missing ? ' tab-missing' : ''}"
            class=${missing ? 'missing' : ''}
            data-tab=${id}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls=${selected ? 'panel' : nothing}
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.go(id, 'tab')}
          >
            <span class="sr">${this.t('request-form.step', { n: i + 1, total: tabs.length })}: </span>${this.t(`request-form.tab.${id}`)}${missing
              ? html`<span class="badge" aria-hidden="true">!</span><span class="sr"> — ${this.t('request-form.tab-incomplete')}</span>`
              : nothing}
          </button>`
        })}
      </div>
      <div role="tabpanel" id="panel" part="panel" aria-labelledby="tab-${this.tab}" data-panel=${this.tab}>
        <h3 id="panel-heading" tabindex="-1">${this.t(`request-form.tab.${this.tab}`)}</h3>
        <fieldset class="plain" ?disabled=${!editable || this.busy !== undefined}>
          ${needsArea ? html`<p>${this.t('request-form.choose-area-first')}</p>` : this.renderPanel()}
        </fieldset>
        ${this.tab === 'summary' ? nothing : this.renderProblems()}
      </div>
      <div class="bar">
        <div>
          <button type="button" part="previous" ?disabled=${index === 0} @click=${() => this.step(-1)}>${this.t('common.previous')}</button>
          <button type="button" part="next" ?disabled=${index === tabs.length - 1} @click=${() => this.step(1)}>${this.t('common.next')}</button>
        </div>
        <div>
          ${mayEdit
            ? html`<button type="button" part="save" ?disabled=${this.busy !== undefined} @click=${() => void this.save()}>${this.t('request-form.save')}</button>`
            : nothing}
          ${maySend
            ? html`<button type="button" part="send" class="primary" ?disabled=${this.busy !== undefined} @click=${() => void this.send()}>${this.t('request-form.send')}</button>`
            : nothing}
        </div>
      </div>
      <div class="message" part="message" role="status" tabindex="-1">
        ${this.busy === 'saving' ? this.t('request-form.saving') : this.busy === 'sending' ? this.t('request-form.sending') : (this.message === undefined ? nothing : this.t(this.message.key, { number: this.message.number }))}
      </div>
      ${this.renderError(this.error)}
    </section>`
  }
}
