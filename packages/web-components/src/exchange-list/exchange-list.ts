/**
 * `<imi-exchange-list>`: the search of exchanges — criteria, a column chooser, sorting, pages and
 * exports — over requests and alerts, each row with the status its viewer sees.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { LEGISLATIVE_AREAS, MEMBER_STATES, UI_LABELS, localize } from '@imi-kit/core'
import type { DomainError, ImiClient, ListedSummary, SearchInput } from '@imi-kit/core'
import type { HttpImiClient } from '@imi-kit/server-adapter/client'
import { ImiElement } from '../base.js'
import { localToday } from '../format.js'
import { exchangeLink, formatDate, memberStateName, procedureKind } from './format.js'
import { listStyles } from './styles.js'

export type { OpenExchangeDetail } from './format.js'

/**
 * A column of the list.
 *
 * @category elements
 */
export type ListColumn =
  | 'number'
  | 'procedure'
  | 'status'
  | 'area'
  | 'member-states'
  | 'initiator'
  | 'sent'
  | 'created'
  | 'updated'
  | 'deadline'
  | 'service-activity'
  | 'establishment'

type Sort = SearchInput['sort']
type Kind = 'request' | 'alert' | 'any'

// The procedures shipped with imi-kit. Their ids are written here rather than imported so that the
// bundle does not carry the procedures' codecs; a portal with other procedures sets `procedures`.
const PROCEDURES = 'imi.request-for-information services.alert'

const SORTS: ReadonlyArray<Sort> = ['updated-desc', 'created-desc', 'deadline-asc', 'number-asc']
const SORT_OF: Partial<Record<ListColumn, Sort>> = { number: 'number-asc', created: 'created-desc', updated: 'updated-desc', deadline: 'deadline-asc' }
const ALERT_ONLY: ReadonlyArray<ListColumn> = ['service-activity', 'establishment']
const ALL_COLUMNS: ReadonlyArray<ListColumn> = ['number', 'procedure', 'status', 'area', 'member-states', 'initiator', 'sent', 'created', 'updated', 'deadline', 'service-activity', 'establishment']
// The alert list shows the number, service activity, provider's state of establishment, initiating
// authority, status and broadcast date (SRCH-ALERT-LIST-COLUMNS).
const DEFAULT_COLUMNS: Readonly<Record<Kind, ReadonlyArray<ListColumn>>> = {
  request: ['number', 'status', 'area', 'member-states', 'sent', 'updated', 'deadline'],
  alert: ['number', 'service-activity', 'establishment', 'initiator', 'status', 'sent'],
  any: ['number', 'procedure', 'status', 'member-states', 'sent', 'updated', 'deadline'],
}
// A status no summary holds: the mailbox's own view of a broadcast alert, given per viewer only.
const PER_VIEWER_ONLY = ['awaiting-acknowledgement']

/** The criteria of the form, dates as `YYYY-MM-DD`. */
interface Criteria {
  readonly procedure: string
  readonly statuses: ReadonlyArray<string>
  readonly memberStates: ReadonlyArray<string>
  readonly sentFrom: string
  readonly sentTo: string
  readonly updatedFrom: string
  readonly updatedTo: string
  readonly text: string
  readonly overdue: boolean
}

const NO_CRITERIA: Criteria = { procedure: '', statuses: [], memberStates: [], sentFrom: '', sentTo: '', updatedFrom: '', updatedTo: '', text: '', overdue: false }

/** The start of a local calendar day, `plus` days after `date`, as an instant. */
const dayStart = (date: string, plus = 0): string => {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number)
  return new Date(y, m - 1, d + plus).toISOString()
}

const kindOf = (procedure: string): Kind => (procedure === '' ? 'any' : procedureKind(procedure))

const statusesOf = (kind: 'request' | 'alert'): ReadonlyArray<string> =>
  Object.keys(UI_LABELS)
    .filter((k) => k.startsWith(`status.${kind}.`))
    .map((k) => k.slice(`status.${kind}.`.length))
    .filter((s) => !PER_VIEWER_ONLY.includes(s))

const hasExport = (client: ImiClient | undefined): client is HttpImiClient => typeof (client as Partial<HttpImiClient> | undefined)?.exportUrl === 'function'

/**
 * Searches the exchanges the user finds in lists (SRCH-REQ-OWN-ALL): by procedure, status, member
 * state (sending or receiving), date sent and date updated, free text and overdue deadline
 * (SRCH-REQ-CRITERIA); in one of the four orders, by the `Sort` menu or a column's header; a page at
 * a time. Columns are chosen per procedure, the alert columns by default for alerts
 * (SRCH-ALERT-LIST-COLUMNS). With the HTTP client, the results can be exported as CSV or XLSX.
 *
 * @tag imi-exchange-list
 * @attr procedure - The procedure searched at first (`imi.request-for-information`, `services.alert`); all when absent.
 * @attr procedures - The procedures offered, separated by spaces; those shipped with imi-kit by default.
 * @attr href - Link template of an exchange, `{id}` standing for its id.
 * @attr page-size - Exchanges per page, 1 to 200 (default 20).
 * @attr columns - The columns shown at first, separated by spaces (see {@link ListColumn}).
 * @attr sort - The order at first: `updated-desc` (default), `created-desc`, `deadline-asc`, `number-asc`.
 * @attr lang - The display language.
 * @fires imi-open - An exchange's link was followed; `detail` is `{ exchangeId, procedure, number }`. Cancel it to route without navigating.
 * @csspart criteria - The search form.
 * @csspart columns - The column chooser.
 * @csspart table - The table of results.
 * @csspart link - The link to an exchange.
 * @csspart pages - The page navigation.
 * @csspart export - An export link.
 * @csspart summary - The line that says which page is shown, or that nothing matched.
 * @cssprop --imi-accent - Accent colour.
 * @cssprop --imi-border - Colour of borders.
 * @cssprop --imi-font - Font of the element.
 * @category elements
 */
export class ImiExchangeList extends ImiElement {
  static override styles = listStyles
  static override properties = {
    procedure: { type: String },
    procedures: { type: String },
    href: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    columns: { type: String },
    sort: { type: String },
    criteria: { state: true },
    formProcedure: { state: true },
    chosen: { state: true },
    items: { state: true },
    next: { state: true },
    cursors: { state: true },
    loading: { state: true },
    error: { state: true },
    names: { state: true },
  }
  declare procedure: string | undefined
  declare procedures: string
  declare href: string | undefined
  declare pageSize: number
  declare columns: string | undefined
  declare sort: Sort
  private declare criteria: Criteria
  private declare formProcedure: string
  private declare chosen: Partial<Record<Kind, ReadonlyArray<ListColumn>>>
  private declare items: ReadonlyArray<ListedSummary>
  private declare next: string | undefined
  private declare cursors: ReadonlyArray<string | undefined>
  private declare loading: boolean
  private declare error: DomainError | undefined
  private declare names: ReadonlyMap<string, string>

  private loadedFor: ImiClient | undefined
  private namesFor: ImiClient | undefined
  private request = 0

  constructor() {
    super()
    this.procedures = PROCEDURES
    this.pageSize = 20
    this.sort = 'updated-desc'
    this.criteria = NO_CRITERIA
    this.formProcedure = ''
    this.chosen = {}
    this.items = []
    this.cursors = [undefined]
    this.loading = false
    this.names = new Map()
  }

  /** The kind of the procedure searched, which picks the columns. */
  private get kind(): Kind {
    return kindOf(this.criteria.procedure)
  }

  /** The columns offered for the procedure searched, its default ones first. */
  private get offered(): ReadonlyArray<ListColumn> {
    const defaults = DEFAULT_COLUMNS[this.kind]
    return [...defaults, ...ALL_COLUMNS.filter((c) => !defaults.includes(c) && (this.kind !== 'request' || !ALERT_ONLY.includes(c)))]
  }

  private get visible(): ReadonlyArray<ListColumn> {
    const chosen = this.chosen[this.kind] ?? DEFAULT_COLUMNS[this.kind]
    return this.offered.filter((c) => chosen.includes(c))
  }

  /** The search of the current criteria, order and page. */
  private input(after?: string): SearchInput {
    const c = this.criteria
    const text = c.text.trim()
    return {
      sort: SORTS.includes(this.sort) ? this.sort : 'updated-desc',
      limit: Math.min(200, Math.max(1, Math.floor(this.pageSize) || 20)),
      ...(c.procedure === '' ? {} : { procedure: c.procedure }),
      ...(c.statuses.length === 0 ? {} : { statuses: c.statuses }),
      ...(c.memberStates.length === 0 ? {} : { memberStates: c.memberStates }),
      ...(c.sentFrom === '' ? {} : { sentFrom: dayStart(c.sentFrom) }),
      ...(c.sentTo === '' ? {} : { sentTo: dayStart(c.sentTo, 1) }),
      ...(c.updatedFrom === '' ? {} : { updatedFrom: dayStart(c.updatedFrom) }),
      ...(c.updatedTo === '' ? {} : { updatedTo: dayStart(c.updatedTo, 1) }),
      ...(text === '' ? {} : { text }),
      ...(c.overdue ? { overdueAt: localToday() } : {}),
      ...(after === undefined ? {} : { after }),
    }
  }

  /** Loads the current page. */
  private async fetchPage(): Promise<void> {
    const client = this.client
    if (client === undefined) return
    const ticket = ++this.request
    this.loading = true
    const page = await client.search(this.input(this.cursors.at(-1)))
    if (ticket !== this.request) return
    this.loading = false
    if (E.isLeft(page)) {
      this.error = page.left
      this.items = []
      this.next = undefined
      return
    }
    this.error = undefined
    this.items = page.right.items
    this.next = page.right.next
  }

  /** Loads the names of the initiating authorities, once, when their column is shown. */
  private async loadNames(): Promise<void> {
    const client = this.client
    if (client === undefined || this.namesFor === client) return
    this.namesFor = client
    const found = await client.authorities({ limit: 200 })
    if (E.isRight(found)) this.names = new Map(found.right.map((a) => [a.id as string, a.name]))
  }

  /** Runs the search again from its first page. */
  private restart(): void {
    this.cursors = [undefined]
    void this.fetchPage()
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    const one = (k: string) => String(f.get(k) ?? '')
    this.criteria = {
      procedure: one('procedure'),
      statuses: [...new Set(f.getAll('status').map(String))],
      memberStates: f.getAll('member-state').map(String),
      sentFrom: one('sent-from'),
      sentTo: one('sent-to'),
      updatedFrom: one('updated-from'),
      updatedTo: one('updated-to'),
      text: one('text'),
      overdue: f.get('overdue') !== null,
    }
    this.restart()
  }

  private clear(): void {
    this.criteria = { ...NO_CRITERIA, procedure: this.procedure ?? '' }
    this.formProcedure = this.criteria.procedure
    this.restart()
  }

  private sortBy(sort: Sort): void {
    this.sort = sort
    this.restart()
  }

  private toggleColumn(column: ListColumn, on: boolean): void {
    const now = this.visible
    this.chosen = { ...this.chosen, [this.kind]: on ? [...now, column] : now.filter((c) => c !== column) }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated) {
      this.criteria = { ...NO_CRITERIA, procedure: this.procedure ?? '' }
      this.formProcedure = this.criteria.procedure
      const initial = (this.columns ?? '').split(/[\s,]+/).filter((c): c is ListColumn => (ALL_COLUMNS as ReadonlyArray<string>).includes(c))
      if (initial.length > 0) this.chosen = { [this.kind]: initial }
    }
    if (this.client !== undefined && this.client !== this.loadedFor) {
      this.loadedFor = this.client
      this.restart()
    } else if (this.loadedFor !== undefined && changed.has('pageSize')) this.restart()
    if (this.visible.includes('initiator')) void this.loadNames()
  }

  // rendering

  private columnLabel(c: ListColumn): TemplateResult {
    return this.t(c === 'sent' && this.kind === 'alert' ? 'list.column.broadcast' : `list.column.${c}`)
  }

  private areaName(id: string) {
    const area = LEGISLATIVE_AREAS.find((a) => a.id === id)
    if (area === undefined) return id
    const [name, fallback] = localize(area.name, this.language)
    return fallback ? html`<span lang="en">${name}</span>` : name
  }

  private cell(c: ListColumn, s: ListedSummary): TemplateResult | string {
    const lang = this.language
    switch (c) {
      case 'number':
        return exchangeLink(this, this.href, s)
      case 'procedure':
        return this.t(`list.procedure.${s.procedure}`)
      case 'status':
        return html`<imi-status procedure=${procedureKind(s.procedure)} status=${s.displayedStatus}></imi-status>`
      case 'area':
        return html`${this.areaName(s.legislativeArea)}`
      case 'member-states':
        return s.memberStates.map((m) => memberStateName(m, lang)).join(', ')
      case 'initiator':
        return s.requestingAuthority === undefined ? '' : (this.names.get(s.requestingAuthority) ?? s.requestingAuthority)
      case 'sent':
        return formatDate(s.sentAt, lang)
      case 'created':
        return formatDate(s.createdAt, lang)
      case 'updated':
        return formatDate(s.updatedAt, lang)
      case 'deadline':
        return formatDate(s.deadline, lang)
      case 'service-activity':
        return s.details?.serviceActivity ?? ''
      case 'establishment': {
        const ms = s.details?.establishment
        return ms === undefined ? '' : ms === 'unknown' ? this.t('list.establishment.unknown') : memberStateName(ms, lang)
      }
    }
  }

  private header(c: ListColumn) {
    const sort = SORT_OF[c]
    const active = sort !== undefined && sort === this.sort
    const direction = active ? (sort.endsWith('-asc') ? 'ascending' : 'descending') : undefined
    return html`<th scope="col" aria-sort=${direction ?? nothing} data-column=${c}>
      ${sort === undefined
        ? this.columnLabel(c)
        : html`<button type="button" class="sort" @click=${() => this.sortBy(sort)}>
            ${this.columnLabel(c)}<span aria-hidden="true" class="arrow">${active ? (direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
          </button>`}
    </th>`
  }

  private checkbox(name: string, value: string, checked: boolean, label: TemplateResult | string) {
    return html`<label class="check"><input type="checkbox" name=${name} value=${value} .checked=${checked} /> ${label}</label>`
  }

  private renderCriteria() {
    const c = this.criteria
    const lang = this.language
    const procedures = this.procedures.split(/\s+/).filter((p) => p !== '')
    const kinds: ReadonlyArray<'request' | 'alert'> = this.formProcedure === '' ? ['request', 'alert'] : [procedureKind(this.formProcedure)]
    const date = (name: string, key: string, value: string) =>
      html`<div class="field"><label for=${name}>${this.t(key)}</label><input type="date" id=${name} name=${name} .value=${value} /></div>`
    return html`<form part="criteria" class="criteria" role="search" aria-label=${this.text('list.criteria')} @submit=${this.submit}>
      <div class="fields">
        <div class="field">
          <label for="procedure">${this.t('list.procedure')}</label>
          <select id="procedure" name="procedure" @change=${(e: Event) => (this.formProcedure = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.formProcedure === ''}>${this.text('list.procedure.any')}</option>
            ${procedures.map((p) => html`<option value=${p} ?selected=${this.formProcedure === p}>${this.text(`list.procedure.${p}`)}</option>`)}
          </select>
        </div>
        <div class="field"><label for="text">${this.t('list.text')}</label><input id="text" name="text" type="search" .value=${c.text} /></div>
        ${date('sent-from', 'list.sent-from', c.sentFrom)} ${date('sent-to', 'list.sent-to', c.sentTo)} ${date('updated-from', 'list.updated-from', c.updatedFrom)}
        ${date('updated-to', 'list.updated-to', c.updatedTo)}
      </div>
      <details class="choices">
        <summary>${this.t('list.statuses')}${c.statuses.length === 0 ? nothing : html` (${this.t('list.chosen', { count: c.statuses.length })})`}</summary>
        ${kinds.map(
          (k) => html`<fieldset>
            <legend>${this.t(`list.procedure.${procedures.find((p) => procedureKind(p) === k) ?? k}`)}</legend>
            ${statusesOf(k).map((s) => this.checkbox('status', s, c.statuses.includes(s), this.t(`status.${k}.${s}`)))}
          </fieldset>`,
        )}
      </details>
      <details class="choices">
        <summary>${this.t('list.member-states')}${c.memberStates.length === 0 ? nothing : html` (${this.t('list.chosen', { count: c.memberStates.length })})`}</summary>
        <fieldset>
          <legend>${this.t('list.member-states')}</legend>
          ${MEMBER_STATES.map((m) => this.checkbox('member-state', m, c.memberStates.includes(m), memberStateName(m, lang)))}
        </fieldset>
      </details>
      ${this.checkbox('overdue', 'yes', c.overdue, this.t('list.overdue'))}
      <div class="buttons">
        <button type="button" @click=${this.clear}>${this.t('list.reset')}</button>
        <button type="submit" class="primary">${this.t('list.search')}</button>
      </div>
    </form>`
  }

  private renderToolbar() {
    const client = this.client
    const exportInput = this.input()
    return html`<div class="toolbar">
      <div class="field inline">
        <label for="sort">${this.t('list.sort')}</label>
        <select id="sort" @change=${(e: Event) => this.sortBy((e.target as HTMLSelectElement).value as Sort)}>
          ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.sort}>${this.text(`list.sort.${s}`)}</option>`)}
        </select>
      </div>
      <details part="columns" class="columns">
        <summary>${this.t('list.columns')}</summary>
        <fieldset>
          <legend>${this.t('list.columns')}</legend>
          ${this.offered.map(
            (col) =>
              html`<label class="check"
                ><input type="checkbox" name="column" value=${col} .checked=${this.visible.includes(col)} @change=${(e: Event) => this.toggleColumn(col, (e.target as HTMLInputElement).checked)} />
                ${this.columnLabel(col)}</label
              >`,
          )}
        </fieldset>
      </details>
      ${hasExport(client)
        ? html`<a part="export" class="export" href=${client.exportUrl(exportInput, 'csv', this.language)} download>${this.t('list.export-csv')}</a>
            <a part="export" class="export" href=${client.exportUrl(exportInput, 'xlsx', this.language)} download>${this.t('list.export-xlsx')}</a>`
        : nothing}
    </div>`
  }

  private renderResults() {
    const cols = this.visible
    const page = this.cursors.length
    return html`${this.renderError(this.error)}
      <p part="summary" class="summary" role="status">
        ${this.loading ? this.t('common.loading') : this.items.length === 0 ? this.t('list.no-results') : this.t('list.page', { page })}
      </p>
      <div class="scroll" role="region" aria-labelledby="caption" tabindex="0">
        <table part="table" aria-busy=${this.loading ? 'true' : 'false'}>
          <caption id="caption">${this.t('list.results')}</caption>
          <thead>
            <tr>
              ${cols.map((c) => this.header(c))}
            </tr>
          </thead>
          <tbody>
            ${this.items.map(
              (s) => html`<tr data-id=${s.exchangeId}>
                ${cols.map((c) => html`<td data-column=${c}>${this.cell(c, s)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <nav part="pages" class="pages" aria-label=${this.text('list.pages')}>
        <button type="button" ?disabled=${page <= 1} @click=${() => ((this.cursors = this.cursors.slice(0, -1)), void this.fetchPage())}>${this.t('list.previous-page')}</button>
        <span>${this.t('list.page', { page })}</span>
        <button type="button" ?disabled=${this.next === undefined} @click=${() => ((this.cursors = [...this.cursors, this.next]), void this.fetchPage())}>${this.t('list.next-page')}</button>
      </nav>`
  }

  override render() {
    return html`<h2>${this.t('list.title')}</h2>
      ${this.renderCriteria()} ${this.renderToolbar()} ${this.renderResults()}`
  }
}
