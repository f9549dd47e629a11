/**
 * `<imi-authority-search>`: the directory of competent authorities — search by name, member state,
 * legislative area and workflow, and pick one, seeing the languages it speaks.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { LEGISLATIVE_AREAS, MEMBER_STATES, isPairSupported, localize } from '@imi-kit/core'
import type { AuthorityCard, AuthorityQuery, DomainError, ImiClient, LanguagePair, LocalizedText } from '@imi-kit/core'
import { ImiElement } from '../base.js'
import { languageName, memberStateName } from '../exchange-list/format.js'
import { authoritySearchStyles } from './styles.js'

/**
 * The detail of the `imi-authority-selected` event.
 *
 * @category elements
 */
export interface AuthoritySelectedDetail {
  /** The authority chosen, as the directory shows it (public data only). */
  readonly authority: AuthorityCard
}

type Workflow = '' | 'request' | 'alert'

/**
 * Searches the directory (`client.authorities`) and lets the user choose one authority among the
 * results, each shown with its member state, its roles per legislative area and the languages it
 * speaks (I18N-LANGUAGES-SPOKEN), so that a sender knows in which languages to write free text
 * (I18N-SHOW-SPOKEN). The name is matched as typed, accents included (SRCH-AUTH-EXACT-TERMS).
 * Each authority also shows its informal name in the display language (I18N-AUTHORITY-INFORMAL-NAME)
 * and its description in the language it is written in, with a "Translate" button when the client
 * offers machine translation for that language into the display language (I18N-DESCRIPTION-LANGUAGE,
 * I18N-MT-PAIRS).
 *
 * The results are a group of radio buttons: arrow keys move the choice, and each choice fires
 * `imi-authority-selected`.
 *
 * @tag imi-authority-search
 * @attr member-state - The member state searched at first (e.g. `DE`).
 * @attr legislative-area - The legislative area searched at first (e.g. `professional-qualifications`).
 * @attr workflow - `request` or `alert`: only authorities active in that workflow.
 * @attr selected - The id of the authority chosen; set when the user chooses one.
 * @attr limit - At most this many results, 1 to 200 (default 50).
 * @attr lang - The display language.
 * @fires imi-authority-selected - The user chose an authority; `detail` is `{ authority }` (an {@link AuthoritySelectedDetail}).
 * @csspart criteria - The search form.
 * @csspart results - The list of authorities found.
 * @csspart authority - One authority found.
 * @csspart languages - The languages an authority speaks.
 * @csspart informal-name - An authority's informal name, in the display language.
 * @csspart description - An authority's description, in its own language.
 * @csspart translation - The machine translation of a description.
 * @cssprop --imi-accent - Accent colour of the chosen authority.
 * @cssprop --imi-border - Colour of borders.
 * @cssprop --imi-font - Font of the element.
 * @category elements
 */
export class ImiAuthoritySearch extends ImiElement {
  static override styles = authoritySearchStyles
  static override properties = {
    memberState: { type: String, attribute: 'member-state' },
    legislativeArea: { type: String, attribute: 'legislative-area' },
    workflow: { type: String },
    selected: { type: String, reflect: true },
    limit: { type: Number },
    query: { state: true },
    found: { state: true },
    loading: { state: true },
    error: { state: true },
    pairs: { state: true },
    translations: { state: true },
  }
  declare memberState: string | undefined
  declare legislativeArea: string | undefined
  declare workflow: Workflow | undefined
  declare selected: string | undefined
  declare limit: number
  private declare query: AuthorityQuery
  private declare found: ReadonlyArray<AuthorityCard> | undefined
  private declare loading: boolean
  private declare error: DomainError | undefined
  private declare pairs: ReadonlyArray<LanguagePair>
  /** Machine translations of descriptions, by authority id and target language. */
  private declare translations: ReadonlyMap<string, string>

  private loadedFor: ImiClient | undefined
  private pairsFor: ImiClient | undefined
  private request = 0

  constructor() {
    super()
    this.limit = 50
    this.query = {}
    this.loading = false
    this.pairs = []
    this.translations = new Map()
  }

  /** The authority chosen, once results show it. */
  get selectedAuthority(): AuthorityCard | undefined {
    return this.found?.find((a) => a.id === this.selected)
  }

  private async search(query: AuthorityQuery): Promise<void> {
    const client = this.client
    if (client === undefined) return
    this.query = query
    const ticket = ++this.request
    this.loading = true
    const r = await client.authorities({ ...query, limit: Math.min(200, Math.max(1, Math.floor(this.limit) || 50)) })
    if (ticket !== this.request) return
    this.loading = false
    this.error = E.isLeft(r) ? r.left : undefined
    this.found = E.isRight(r) ? r.right : []
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    const one = (k: string) => String(f.get(k) ?? '')
    const workflow = one('workflow')
    void this.search({
      ...(one('text').trim() === '' ? {} : { text: one('text') }),
      ...(one('member-state') === '' ? {} : { memberState: one('member-state') }),
      ...(one('area') === '' ? {} : { legislativeArea: one('area') }),
      ...(workflow === 'request' || workflow === 'alert' ? { workflow } : {}),
    })
  }

  private choose(authority: AuthorityCard): void {
    this.selected = authority.id
    this.fire<AuthoritySelectedDetail>('imi-authority-selected', { authority })
  }

  protected override willUpdate(_changed: PropertyValues): void {
    const client = this.client
    if (client !== undefined && client !== this.pairsFor) {
      this.pairsFor = client
      this.pairs = []
      void client.translationPairs?.().then((r) => {
        if (this.client === client && E.isRight(r)) this.pairs = r.right
      })
    }
    if (this.client !== undefined && this.client !== this.loadedFor) {
      this.loadedFor = this.client
      const w = this.workflow
      void this.search({
        ...(this.memberState ? { memberState: this.memberState } : {}),
        ...(this.legislativeArea ? { legislativeArea: this.legislativeArea } : {}),
        ...(w === 'request' || w === 'alert' ? { workflow: w } : {}),
      })
    }
  }

  private areaName(id: string) {
    const area = LEGISLATIVE_AREAS.find((a) => a.id === id)
    if (area === undefined) return id
    const [name, fallback] = localize(area.name, this.language)
    return fallback ? html`<span lang="en">${name}</span>` : name
  }

  /** Machine translation of a description into the display language, when the client offers the pair. */
  private async translateDescription(a: AuthorityCard): Promise<void> {
    const client = this.client
    const to = this.language
    if (client?.translate === undefined || a.description === undefined) return
    const r = await client.translate(a.description, to)
    this.error = E.isLeft(r) ? r.left : undefined
    if (E.isRight(r)) this.translations = new Map(this.translations).set(`${a.id} ${to}`, r.right.text)
  }

  private renderInformalName(name: LocalizedText) {
    const [text, fallback] = localize(name, this.language)
    return html`<div part="informal-name" class="informal-name">${this.t('authority-search.informal-name')} <span class="value" lang=${fallback ? 'en' : this.language}>${text}</span></div>`
  }

  private renderDescription(a: AuthorityCard) {
    const d = a.description
    if (d === undefined) return nothing
    const lang = this.language
    const translated = this.translations.get(`${a.id} ${lang}`)
    const offered = this.client?.translate !== undefined && isPairSupported({ pairs: this.pairs }, d.language, lang)
    return html`<div part="description" class="description">
        <span lang=${d.language}>${d.text}</span> <small>(${this.t('common.written-in', { language: languageName(d.language, lang) })})</small>
        ${offered && translated === undefined ? html`<button type="button" @click=${() => void this.translateDescription(a)}>${this.t('authority-search.translate')}</button>` : nothing}
      </div>
      ${translated === undefined ? nothing : html`<div part="translation" class="translation">${this.t('authority-search.translation', { text: translated })}</div>`}`
  }

  private renderCriteria() {
    const q = this.query
    const lang = this.language
    const option = (value: string, label: string, current: string | undefined) => html`<option value=${value} ?selected=${(current ?? '') === value}>${label}</option>`
    return html`<form part="criteria" class="criteria" role="search" aria-label=${this.text('authority-search.title')} @submit=${this.submit}>
      <div class="field wide">
        <label for="text">${this.t('authority-search.text')}</label>
        <input id="text" name="text" type="search" aria-describedby="text-hint" .value=${q.text ?? ''} />
        <small id="text-hint">${this.t('authority-search.text-hint')}</small>
      </div>
      <div class="field">
        <label for="member-state">${this.t('authority-search.member-state')}</label>
        <select id="member-state" name="member-state">
          ${option('', this.text('authority-search.any-member-state'), q.memberState)}
          ${MEMBER_STATES.map((m) => option(m, memberStateName(m, lang), q.memberState))}
        </select>
      </div>
      <div class="field">
        <label for="area">${this.t('authority-search.area')}</label>
        <select id="area" name="area">
          ${option('', this.text('authority-search.any-area'), q.legislativeArea)}
          ${LEGISLATIVE_AREAS.map((a) => option(a.id, localize(a.name, lang)[0], q.legislativeArea))}
        </select>
      </div>
      <div class="field">
        <label for="workflow">${this.t('authority-search.workflow')}</label>
        <select id="workflow" name="workflow">
          ${(['', 'request', 'alert'] as const).map((w) => option(w, this.text(`authority-search.workflow.${w === '' ? 'any' : w}`), q.workflow))}
        </select>
      </div>
      <div class="buttons"><button type="submit" class="primary">${this.t('authority-search.search')}</button></div>
    </form>`
  }

  private renderAuthority(a: AuthorityCard, i: number) {
    const chosen = a.id === this.selected
    const lang = this.language
    return html`<li part="authority" class=${chosen ? 'chosen' : ''}>
      <input type="radio" name="authority" id=${`a${i}`} value=${a.id} .checked=${chosen} aria-describedby=${`d${i}`} @change=${() => this.choose(a)} />
      <div>
        <label for=${`a${i}`} class="name">${a.name}</label>
        <div id=${`d${i}`} class="details">
          <div>${memberStateName(a.memberState, lang)}${a.region === undefined ? nothing : html` · ${this.t('authority-search.region', { region: a.region })}`}</div>
          <ul class="areas">
            ${a.areas.map(
              (l) => html`<li>
                ${this.areaName(l.legislativeArea)} — ${this.t(`authority-search.role.${l.role}`)}${l.request === undefined ? nothing : html` · ${this.t(`authority-search.role.${l.request}`)}`}${l.alert === undefined
                  ? nothing
                  : html` · ${this.t(`authority-search.role.${l.alert}`)}`}${l.incomingAlertMailbox === true ? html` · ${this.t('authority-search.mailbox')}` : nothing}
              </li>`,
            )}
          </ul>
          ${a.informalName === undefined ? nothing : this.renderInformalName(a.informalName)} ${this.renderDescription(a)}
          <div part="languages" class="languages">
            ${this.t('authority-search.languages', { languages: a.languages.map((l) => languageName(l, lang)).join(', ') })}
          </div>
          ${chosen ? html`<div class="advice">${this.t('authority-search.languages-advice')}</div>` : nothing}
        </div>
      </div>
    </li>`
  }

  private renderResults() {
    const found = this.found
    if (found === undefined) return this.loading ? html`<p role="status">${this.t('common.loading')}</p>` : nothing
    const count = found.length === 0 ? this.t('authority-search.none') : found.length === 1 ? this.t('authority-search.found-one') : this.t('authority-search.found', { count: found.length })
    return html`<p class="count" role="status">${count}</p>
      ${found.length === 0
        ? nothing
        : html`<fieldset class="results">
            <legend class="visually-hidden">${this.t('authority-search.choose')}</legend>
            <ul part="results">
              ${found.map((a, i) => this.renderAuthority(a, i))}
            </ul>
          </fieldset>`}`
  }

  override render() {
    return html`<h2>${this.t('authority-search.title')}</h2>
      ${this.renderCriteria()} ${this.renderError(this.error)} ${this.renderResults()}`
  }
}
