/**
 * `<imi-dashboard>`: the counts of the dashboard (spec §6.13) with the list behind each, and the
 * user's action list, over requests and alerts alike.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { DASHBOARD_RECENT_DAYS, TO_ANSWER_STATUSES } from '@imi-kit/core'
import type { DashboardCounts, DomainError, ImiClient, ListedSummary, SearchInput } from '@imi-kit/core'
import { ImiElement } from '../base.js'
import { exchangeLink, formatDate, procedureKind } from '../exchange-list/format.js'
import { dashboardStyles } from './styles.js'

/**
 * A group of the dashboard: the user's action list, then the five counts of spec §6.13.
 *
 * @category elements
 */
export type DashboardGroup = 'action-list' | 'drafts' | 'received' | 'updated' | 'to-accept' | 'to-answer'

const GROUPS: ReadonlyArray<DashboardGroup> = ['action-list', 'drafts', 'received', 'updated', 'to-accept', 'to-answer']
const COUNT_OF: Readonly<Record<Exclude<DashboardGroup, 'action-list'>, keyof DashboardCounts>> = {
  drafts: 'drafts',
  received: 'receivedRecently',
  updated: 'updatedRecently',
  'to-accept': 'toAccept',
  'to-answer': 'toAnswer',
}
const RECENT: ReadonlyArray<DashboardGroup> = ['received', 'updated']
const DAY_MS = 24 * 60 * 60 * 1000

const isGroup = (s: string): s is DashboardGroup => (GROUPS as ReadonlyArray<string>).includes(s)

/**
 * The dashboard of the signed-in user: how many drafts, exchanges received and updated in the last
 * 15 days, requests to accept and requests to answer, and the exchanges waiting for the user's
 * action; choosing a group lists its exchanges, each with the status the user sees and a link.
 *
 * The counts are the server's (`client.dashboard()`); the lists are searches for the same things
 * (`client.search`: drafts, sent or updated since 15 days, awaiting acceptance, awaiting an answer)
 * and the action list (`client.actionList()`). Counts concern the user's authority: give its id in
 * `authority` so that the lists keep only what the counts count (drafts it started, exchanges
 * addressed to it); without it they show every exchange the user finds with those criteria.
 *
 * @tag imi-dashboard
 * @attr group - The group shown: `action-list` (default), `drafts`, `received`, `updated`, `to-accept`, `to-answer`.
 * @attr href - Link template of an exchange, `{id}` standing for its id, e.g. `/exchange.html?id={id}`.
 * @attr authority - The id of the user's authority (default: as `client.me()` answers).
 * @attr limit - How many exchanges a list loads at a time (default 10).
 * @attr now - The instant "recently" counts back from (ISO-8601); the browser's clock by default.
 * @attr lang - The display language.
 * @fires imi-open - An exchange's link was followed; `detail` is `{ exchangeId, procedure, number }`. Cancel it to route without navigating.
 * @csspart title - The heading.
 * @csspart groups - The row of groups.
 * @csspart group - The button of a group, `aria-pressed` when shown.
 * @csspart count - The count of a group.
 * @csspart list - The list of the group shown.
 * @csspart item - An exchange in the list.
 * @csspart link - The link to an exchange.
 * @csspart more - The button that loads more of the list.
 * @csspart error - A refusal of the server.
 * @cssprop --imi-accent - Accent colour of the group shown.
 * @cssprop --imi-border - Colour of borders.
 * @cssprop --imi-font - Font of the element.
 * @category elements
 */
export class ImiDashboard extends ImiElement {
  static override styles = dashboardStyles
  static override properties = {
    group: { type: String, reflect: true },
    href: { type: String },
    authority: { type: String },
    limit: { type: Number },
    now: { type: String },
    counts: { state: true },
    items: { state: true },
    next: { state: true },
    loading: { state: true },
    error: { state: true },
    listError: { state: true },
  }
  declare group: DashboardGroup
  declare href: string | undefined
  declare authority: string | undefined
  declare limit: number
  declare now: string | undefined
  private declare counts: Partial<Record<DashboardGroup, number>>
  private declare items: ReadonlyArray<ListedSummary>
  private declare next: string | undefined
  private declare loading: boolean
  private declare error: DomainError | undefined
  private declare listError: DomainError | undefined

  private loadedFor: ImiClient | undefined
  private actionItems: ReadonlyArray<ListedSummary> = []
  // Answers of a list that a later choice made stale are dropped.
  private request = 0

  constructor() {
    super()
    this.group = 'action-list'
    this.limit = 10
    this.counts = {}
    this.items = []
    this.loading = false
  }

  /** Reloads the counts and the list shown. */
  async refresh(): Promise<void> {
    const client = this.client
    if (client === undefined) return
    this.loadedFor = client
    const [counts, actions] = await Promise.all([client.dashboard(), client.actionList()])
    if (E.isRight(actions)) this.actionItems = actions.right
    this.counts = {
      ...(E.isRight(counts) ? Object.fromEntries(Object.entries(COUNT_OF).map(([g, k]) => [g, counts.right[k]])) : {}),
      ...(E.isRight(actions) ? { 'action-list': actions.right.length } : {}),
    }
    this.error = E.isLeft(counts) ? counts.left : E.isLeft(actions) ? actions.left : undefined
    await this.load(false)
  }

  /** The search behind a group's count. */
  private queryOf(group: Exclude<DashboardGroup, 'action-list'>, after?: string): SearchInput {
    const nowMs = this.now === undefined || Number.isNaN(Date.parse(this.now)) ? Date.now() : Date.parse(this.now)
    const since = new Date(nowMs - DASHBOARD_RECENT_DAYS * DAY_MS).toISOString()
    const page = { limit: Math.min(200, Math.max(1, Math.floor(this.limit) || 10)), ...(after === undefined ? {} : { after }) }
    switch (group) {
      case 'drafts':
        return { statuses: ['draft'], sort: 'updated-desc', ...page }
      case 'received':
        return { sentFrom: since, sort: 'updated-desc', ...page }
      case 'updated':
        return { updatedFrom: since, sort: 'updated-desc', ...page }
      case 'to-accept':
        return { statuses: ['awaiting-acceptance'], sort: 'deadline-asc', ...page }
      case 'to-answer':
        return { statuses: TO_ANSWER_STATUSES, sort: 'deadline-asc', ...page }
    }
  }

  /** Whether a found exchange is one the group's count counts: started by, or addressed to, the user's authority. */
  private counted(group: DashboardGroup, s: ListedSummary): boolean {
    const me = this.authority ?? this.me?.authorityId
    if (me === undefined || me === '' || group === 'action-list' || group === 'updated') return true
    return group === 'drafts' ? s.requestingAuthority === me : s.respondingAuthority === me
  }

  /** Loads the list of the group shown, or its next page. */
  private async load(more: boolean): Promise<void> {
    const client = this.client
    if (client === undefined) return
    const group = this.group
    const ticket = ++this.request
    if (group === 'action-list') {
      this.listError = undefined
      this.loading = false
      this.items = this.actionItems
      this.next = undefined
      return
    }
    this.loading = true
    const page = await client.search(this.queryOf(group, more ? this.next : undefined))
    if (ticket !== this.request) return
    this.loading = false
    this.listError = E.isLeft(page) ? page.left : undefined
    if (E.isLeft(page)) return
    const found = page.right.items.filter((s) => this.counted(group, s))
    this.items = more ? [...this.items, ...found] : found
    this.next = page.right.next
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!isGroup(this.group)) this.group = 'action-list'
    if (this.client !== undefined && this.client !== this.loadedFor) {
      void this.refresh()
      return
    }
    if (this.loadedFor !== undefined && ['group', 'authority', 'now', 'limit'].some((k) => changed.has(k))) {
      this.items = []
      this.next = undefined
      void this.load(false)
    }
  }

  private label(group: DashboardGroup) {
    return html`${this.t(`dashboard.group.${group}`)}${RECENT.includes(group) ? html` <small>${this.t('dashboard.recent-days', { days: DASHBOARD_RECENT_DAYS })}</small>` : nothing}`
  }

  private renderItem(s: ListedSummary) {
    const kind = procedureKind(s.procedure)
    return html`<li part="item">
      ${exchangeLink(this, this.href, s)}
      <imi-status procedure=${kind} status=${s.displayedStatus}></imi-status>
      <span class="procedure">${this.t(`list.procedure.${s.procedure}`)}</span>
      <span class="meta">${this.t('dashboard.updated-on', { date: formatDate(s.updatedAt, this.language) })}${s.deadline === undefined
        ? nothing
        : html` · ${this.t('dashboard.deadline-on', { date: formatDate(s.deadline, this.language) })}`}</span>
    </li>`
  }

  override render() {
    const shown = this.group
    return html`<h2 part="title" id="title">${this.t('dashboard.title')}</h2>
      <div part="groups" class="groups" role="group" aria-label=${this.text('dashboard.groups')}>
        ${GROUPS.map(
          (g) => html`<button type="button" part="group" class="group" aria-pressed=${g === shown ? 'true' : 'false'} aria-controls="list" data-group=${g} @click=${() => (this.group = g)}>
            <span class="label">${this.label(g)}</span>
            <span part="count" class="count">${this.counts[g] ?? '…'}</span>
          </button>`,
        )}
      </div>
      <section part="list" id="list" class="list" aria-labelledby="list-title" aria-busy=${this.loading ? 'true' : 'false'}>
        <h3 id="list-title">${this.label(shown)}</h3>
        ${this.renderError(this.error)} ${this.renderError(this.listError)}
        ${this.loading && this.items.length === 0
          ? html`<p>${this.t('common.loading')}</p>`
          : this.items.length === 0
            ? html`<p class="empty">${this.t('dashboard.empty')}</p>`
            : html`<ul>
                ${this.items.map((s) => this.renderItem(s))}
              </ul>`}
        ${this.next === undefined ? nothing : html`<button type="button" part="more" class="more" @click=${() => this.load(true)}>${this.t('dashboard.more')}</button>`}
      </section>
      <button type="button" class="refresh" @click=${() => this.refresh()}>${this.t('dashboard.refresh')}</button>`
  }
}
