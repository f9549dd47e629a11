/**
 * `<imi-alert-panels>`: the alert-specific tabs of an exchange (spec §7.7–§7.10): recipients per
 * member state, additional information, withdrawal management and closure management.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { ALERT_INFORMATION_KINDS, MEMBER_STATES, isRedacted } from '@imi-kit/core'
import type { AlertContentView, AlertInformation, AlertRecipient, AuthorityCard, ClosureProposal, DomainError, ExchangeId, ExchangeView, ImiClient } from '@imi-kit/core'
import { AlertElement } from '../alert-form/alert-base.js'
import { alertPanelsStyles } from './styles.js'

/** Actions run at once; the others open a dialog for their fields, or to confirm. */
const DIRECT = ['acknowledge', 'broadcast-information']
const WITH_TEXT = ['submit-information', 'edit-information', 'propose-withdrawal', 'propose-closure', 'comment', 'edit-closure-proposal']
const WITH_COORDINATOR = ['submit-information', 'propose-closure']

interface DialogState {
  /** The action without its `alert.` prefix. */
  readonly action: string
  readonly informationId?: string
  readonly text: string
  readonly language: string
  readonly kind: string
  readonly state: string
  /** The one authority chosen: a coordinator, or the recipient to remove. */
  readonly one: string
  /** The authorities, states or comments chosen. */
  readonly picked: ReadonlyArray<string>
}

const plainText = (v: unknown): { text: string; language: string } | undefined =>
  v !== undefined && !isRedacted(v) ? (v as { text: string; language: string }) : undefined

/**
 * The alert-management panels. Give them the exchange's view and actions (as `<imi-exchange>` does),
 * or an `exchange-id` to load both. A button exists exactly when its action is among the actions;
 * what is shown is what the view shows to this viewer (a closure proposal in its comment phase is
 * absent from the view of other member states, ALERT-DISPLAY-OTHER-MS).
 *
 * @tag imi-alert-panels
 * @attr exchange-id - The alert to load, when the panels are used alone.
 * @attr member-state - The signed-in user's member state (default: as `client.me()` answers): the first one offered when choosing a coordinator or authorities.
 * @attr today - The day `<imi-deadline>` counts from (`YYYY-MM-DD`), when it is defined; the browser's date otherwise.
 * @attr lang - The display language.
 * @fires imi-command - After a command succeeded, with `{ exchangeId, action, version }`; bubbles and is composed, so that the exchange reloads.
 * @csspart recipients - The recipients section.
 * @csspart recipient - A recipient row; `data-authority` holds its id.
 * @csspart mailbox-state - A recipient mailbox's state.
 * @csspart information - The additional-information section.
 * @csspart information-item - One item of information; `data-kind` and `data-status` describe it.
 * @csspart withdrawal - The withdrawal-management section.
 * @csspart closure - The closure-management section.
 * @csspart comment - A comment on the closure proposal; `data-included` when the broadcast proposal includes it.
 * @csspart action - An action button; `data-action` names the action.
 * @csspart dialog - The dialog of an action.
 * @csspart free-text - A free text with its language.
 * @csspart error - A refusal.
 * @cssprop --imi-accent - Colour of the main buttons and headings.
 * @cssprop --imi-border-light - Colour of the section borders.
 * @category elements
 */
export class ImiAlertPanels extends AlertElement {
  static override styles = alertPanelsStyles
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
    exchangeId: { type: String, attribute: 'exchange-id' },
    memberState: { type: String, attribute: 'member-state' },
    today: { type: String },
    names: { state: true },
    error: { state: true },
    dialog: { state: true },
    cards: { state: true },
    busy: { state: true },
    done: { state: true },
  }
  declare view: ExchangeView | undefined
  declare actions: ReadonlyArray<string>
  declare exchangeId: string | undefined
  declare memberState: string | undefined
  declare today: string | undefined
  private declare names: ReadonlyMap<string, string>
  private declare error: DomainError | undefined
  private declare dialog: DialogState | undefined
  private declare cards: ReadonlyArray<AuthorityCard>
  private declare busy: boolean
  private declare done: boolean

  private loadedFor: { client: ImiClient; id: string } | undefined
  private readonly namedStates = new Set<string>()
  private opener: HTMLElement | undefined

  constructor() {
    super()
    this.actions = []
    this.names = new Map()
    this.cards = []
    this.busy = false
    this.done = false
  }

  private get content(): AlertContentView | undefined {
    return (this.view as ExchangeView<AlertContentView> | undefined)?.content
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed)
    const client = this.client
    if (client !== undefined && this.exchangeId !== undefined && (this.loadedFor?.client !== client || this.loadedFor.id !== this.exchangeId)) {
      this.loadedFor = { client, id: this.exchangeId }
      void this.load(client, this.exchangeId)
    }
    if (client !== undefined) void this.loadNames(client)
    const dlg = this.renderRoot.querySelector('dialog')
    if (dlg !== null && this.dialog !== undefined && !dlg.open) dlg.showModal()
    if (dlg !== null && this.dialog === undefined && dlg.open) dlg.close()
  }

  /** Loads the view and the actions, when the panels are used alone. */
  private async load(client: ImiClient, id: string): Promise<void> {
    const [v, a] = await Promise.all([client.view(id as ExchangeId), client.actions(id as ExchangeId)])
    if (E.isLeft(v)) this.error = v.left
    else this.view = v.right
    this.actions = E.isRight(a) ? a.right : []
  }

  /** The names of the authorities the view mentions, from the directory of each state concerned. */
  private async loadNames(client: ImiClient): Promise<void> {
    const c = this.content
    if (c === undefined) return
    const states = new Set<string>([c.initiatingMemberState, ...c.recipients.map((r) => r.memberState), ...(c.information ?? []).map((i) => i.memberState)])
    if (c.closure !== undefined) states.add(c.closure.memberState)
    const missing = [...states].filter((s) => !this.namedStates.has(s))
    if (missing.length === 0) return
    for (const s of missing) this.namedStates.add(s)
    const found = await Promise.all(missing.map((memberState) => client.authorities({ memberState, limit: 200 })))
    const names = new Map(this.names)
    for (const r of found) if (E.isRight(r)) for (const a of r.right) names.set(a.id, a.name)
    this.names = names
  }

  private name(id: string | undefined): string {
    return id === undefined ? '' : (this.names.get(id) ?? id)
  }

  /** Authorities of a state offered in a dialog: its alert coordinators, or every authority of the alert workflow. */
  private async loadCards(state: string): Promise<void> {
    const client = this.client
    this.cards = []
    if (client === undefined || state === '') return
    const r = await client.authorities({ workflow: 'alert', memberState: state, limit: 200 })
    if (E.isRight(r) && this.dialog?.state === state) this.cards = r.right
  }

  private has(action: string): boolean {
    return this.actions.includes(`alert.${action}`)
  }

  private button(action: string, item?: AlertInformation): TemplateResult | typeof nothing {
    if (!this.has(action)) return nothing
    return html`<button type="button" part="action" data-action=${action} ?disabled=${this.busy} aria-describedby=${item === undefined ? nothing : `info-${item.id}`}
      @click=${(e: Event) => this.start(action, e.currentTarget as HTMLElement, item)}>${this.t(`alert-panels.action.${action}`)}</button>`
  }

  private start(action: string, opener: HTMLElement, item?: AlertInformation): void {
    this.error = undefined
    this.done = false
    if (DIRECT.includes(action)) {
      void this.run(action, item === undefined ? {} : { informationId: item.id })
      return
    }
    const c = this.content
    const existing = plainText(action === 'edit-information' ? item?.text : action === 'edit-closure-proposal' ? c?.closure?.text : undefined)
    const state = this.memberState ?? this.me?.memberState ?? c?.initiatingMemberState ?? ''
    this.opener = opener
    this.dialog = {
      action,
      ...(item === undefined ? {} : { informationId: item.id }),
      text: existing?.text ?? '',
      language: existing?.language ?? this.language,
      kind: 'general',
      state,
      one: '',
      picked: action === 'broadcast-closure-proposal' ? (c?.closure?.comments ?? []).map((x) => x.id) : [],
    }
    if (WITH_COORDINATOR.includes(action) || action === 'forward-within-state') void this.loadCards(state)
  }

  private set(patch: Partial<DialogState>): void {
    if (this.dialog === undefined) return
    this.dialog = { ...this.dialog, ...patch }
    if (patch.state !== undefined) void this.loadCards(patch.state)
  }

  private pick(value: string, on: boolean): void {
    const picked = this.dialog?.picked ?? []
    this.set({ picked: on ? [...picked.filter((p) => p !== value), value] : picked.filter((p) => p !== value) })
  }

  /** The fields of a command, from the dialog. */
  private payload(d: DialogState): Record<string, unknown> {
    const text = { text: d.text, language: d.language }
    const info = d.informationId === undefined ? {} : { informationId: d.informationId }
    switch (d.action) {
      case 'submit-information':
        return { kind: d.kind, coordinator: d.one, text }
      case 'edit-information':
        return { ...info, text }
      case 'propose-withdrawal':
        return { reason: text }
      case 'propose-closure':
        return { coordinator: d.one, text }
      case 'comment':
      case 'edit-closure-proposal':
        return { text }
      case 'forward-within-state':
        return { authorities: d.picked }
      case 'remove-recipient':
        return { authorityId: d.one }
      case 'add-recipient-states':
        return { memberStates: d.picked }
      case 'broadcast-closure-proposal':
        return { includedComments: d.picked }
      default:
        return info
    }
  }

  private async run(action: string, payload: Record<string, unknown>): Promise<void> {
    const client = this.client
    const id = this.view?.exchangeId ?? this.exchangeId
    if (client === undefined || id === undefined || this.busy) return
    this.busy = true
    const r = await client.execute({ type: `alert.${action}`, exchangeId: id, ...payload })
    this.busy = false
    if (E.isLeft(r)) {
      this.error = r.left
      return
    }
    this.error = undefined
    this.done = true
    this.closeDialog()
    this.commanded(`alert.${action}`, r.right)
    if (this.exchangeId !== undefined) await this.load(client, this.exchangeId)
  }

  private closeDialog(): void {
    if (this.dialog === undefined) return
    this.dialog = undefined
    const opener = this.opener
    this.opener = undefined
    // Focus goes back where it came from, or to the panels when the command removed that button.
    void this.updateComplete.then(() => (opener?.isConnected === true ? opener : this.renderRoot.querySelector<HTMLElement>('h3'))?.focus())
  }

  private deadline(iso: string | undefined): TemplateResult | typeof nothing {
    if (iso === undefined || customElements.get('imi-deadline') === undefined) return nothing
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(iso))
    return html` <imi-deadline date=${day} today=${this.today ?? nothing} lang=${this.language}></imi-deadline>`
  }

  private section(name: string, body: TemplateResult, actions: ReadonlyArray<TemplateResult | typeof nothing>): TemplateResult {
    return html`<section part=${name} aria-labelledby=${`h-${name}`}>
      <h3 id=${`h-${name}`} tabindex="-1">${this.t(`alert-panels.${name}`)}</h3>
      ${body}
      <div class="actions">${actions}</div>
    </section>`
  }

  private renderRecipient(r: AlertRecipient): TemplateResult {
    const kind = r.kind === 'forwarded' ? this.t('alert-panels.kind.forwarded', { authority: this.name(r.addedBy) }) : this.t(`alert-panels.kind.${r.kind}`)
    return html`<tr part="recipient" data-authority=${r.authorityId} ?data-removed=${r.removed}>
      <td><span class="name">${this.name(r.authorityId)}</span>${r.removed ? html`<br /><small class="removed">${this.t('alert-panels.removed')}</small>` : nothing}</td>
      <td>${kind}</td>
      <td part="mailbox-state">${r.mailboxState === undefined ? '—' : this.t(`alert-panels.mailbox.${r.mailboxState}`)}</td>
    </tr>`
  }

  private renderRecipients(c: AlertContentView | undefined): TemplateResult {
    const recipients = c?.recipients ?? []
    if (recipients.length === 0) return html`<p>${this.t('alert-panels.no-recipients')}</p>`
    const states = [...new Set(recipients.map((r) => r.memberState))]
    return html`${states.map(
      (s) => html`<table>
        <caption>${this.stateName(s)}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('alert-panels.authority')}</th>
            <th scope="col">${this.t('alert-panels.received-as')}</th>
            <th scope="col">${this.t('alert-panels.mailbox-state')}</th>
          </tr>
        </thead>
        <tbody>
          ${recipients.filter((r) => r.memberState === s).map((r) => this.renderRecipient(r))}
        </tbody>
      </table>`,
    )}`
  }

  private renderInformation(c: AlertContentView | undefined): TemplateResult {
    const items = c?.information ?? []
    if (items.length === 0) return html`<p>${this.t('alert-panels.info.none')}</p>`
    return html`<ol class="items">
      ${items.map(
        (i) => html`<li part="information-item" data-kind=${i.kind} data-status=${i.status}>
          <h4 id=${`info-${i.id}`}>${this.t(`alert-panels.info.${i.kind}`)}</h4>
          <p class="meta">
            ${this.t('alert-panels.info.submitted', { date: this.date(i.submittedAt), authority: `${this.name(i.submittingAuthority)} (${this.stateName(i.memberState)})`, coordinator: this.name(i.coordinator) })}
            — ${i.status === 'broadcast' ? this.t('alert-panels.broadcast-on', { date: this.date(i.broadcastAt) }) : this.t('alert-panels.info.awaiting')}
          </p>
          ${this.freeText(i.text)}
          ${i.status === 'submitted' ? html`<div class="actions">${this.button('broadcast-information', i)} ${this.button('edit-information', i)} ${this.button('delete-information', i)}</div>` : nothing}
        </li>`,
      )}
    </ol>`
  }

  private renderWithdrawal(c: AlertContentView | undefined): TemplateResult {
    if (c?.withdrawnAt !== undefined) return html`<p>${this.t('alert-panels.withdrawal.done', { date: this.date(c.withdrawnAt) })}</p>`
    const w = c?.withdrawal
    if (w === undefined) return html`<p>${this.t('alert-panels.withdrawal.none')}</p>`
    return html`<p>${this.t('alert-panels.withdrawal.proposed', { date: this.date(w.proposedAt) })}</p>
      <h4>${this.t('alert-panels.withdrawal.reason')}</h4>
      ${this.freeText(w.reason)}`
  }

  private renderClosure(c: AlertContentView | undefined): TemplateResult {
    const closed = c?.closedAt === undefined ? nothing : html`<p>${this.t('alert-panels.closure.closed', { date: this.date(c.closedAt) })}</p>`
    const p: ClosureProposal | undefined = c?.closure
    if (p === undefined) return html`${closed}${c?.closedAt === undefined ? html`<p>${this.t('alert-panels.closure.none')}</p>` : nothing}`
    const commentsOpen = p.broadcastAt === undefined
    return html`${closed}
      <h4>${this.t('alert-panels.closure.proposal', { round: p.round })}</h4>
      <p class="meta">${this.t('alert-panels.closure.proposed', { date: this.date(p.proposedAt), authority: this.name(p.proposingAuthority), state: this.stateName(p.memberState) })}</p>
      <p class="meta">${this.t('alert-panels.closure.coordinator', { authority: this.name(p.coordinator) })}</p>
      ${this.freeText(p.text)}
      <ul class="periods">
        <li part="comment-period">${this.t('alert-panels.closure.comment-period', { date: this.date(p.commentPeriodEndsAt) })}${commentsOpen ? this.deadline(p.commentPeriodEndsAt) : nothing}</li>
        ${p.broadcastAt === undefined ? nothing : html`<li>${this.t('alert-panels.broadcast-on', { date: this.date(p.broadcastAt) })}</li>`}
        ${p.objectionPeriodEndsAt === undefined
          ? nothing
          : html`<li part="objection-period">
              ${this.t('alert-panels.closure.objection-period', { date: this.date(p.objectionPeriodEndsAt) })}${p.objectionPeriodEnded ? html` — ${this.t('alert-panels.closure.objection-ended')}` : this.deadline(p.objectionPeriodEndsAt)}
            </li>`}
      </ul>
      <h4>${this.t('alert-panels.closure.comments')}</h4>
      ${p.comments.length === 0
        ? html`<p>${this.t('alert-panels.closure.no-comments')}</p>`
        : html`<ol class="items">
            ${p.comments.map((x) => {
              const included = p.includedComments?.includes(x.id) === true
              return html`<li part="comment" ?data-included=${included}>
                <p class="meta">${this.t('alert-panels.by', { authority: this.name(x.authorityId), date: this.date(x.at) })}${included ? html` — <strong>${this.t('alert-panels.closure.included')}</strong>` : nothing}</p>
                ${this.freeText(x.text)}
              </li>`
            })}
          </ol>`}`
  }

  private renderChoices(d: DialogState, c: AlertContentView | undefined): TemplateResult | typeof nothing {
    const check = (id: string, value: string, label: unknown, on: boolean, radio = false) =>
      html`<p class="check">
        <input type=${radio ? 'radio' : 'checkbox'} name=${radio ? 'one' : nothing} id=${id} .checked=${on}
          @change=${(e: Event) => (radio ? this.set({ one: value }) : this.pick(value, (e.target as HTMLInputElement).checked))} />
        <label for=${id}>${label}</label>
      </p>`
    const stateSelect = html`<p class="field">
      <label for="d-state">${this.t('alert-panels.field.state')}</label>
      <select id="d-state" @change=${(e: Event) => this.set({ state: (e.target as HTMLSelectElement).value, one: '', picked: [] })}>
        ${this.byName(MEMBER_STATES).map((m) => html`<option value=${m} ?selected=${m === d.state}>${this.stateName(m)}</option>`)}
      </select>
    </p>`
    const none = html`<p>${this.t('alert-panels.none-found')}</p>`
    if (WITH_COORDINATOR.includes(d.action)) {
      const coordinators = this.cards.filter((a) => a.areas.some((l) => l.alert === 'alert-coordinator'))
      return html`${stateSelect}
        <fieldset>
          <legend>${this.t('alert-panels.field.coordinator')}</legend>
          ${coordinators.length === 0 ? none : coordinators.map((a) => check(`d-k-${a.id}`, a.id, a.name, d.one === a.id, true))}
        </fieldset>`
    }
    if (d.action === 'forward-within-state') {
      const current = new Set((c?.recipients ?? []).filter((r) => !r.removed).map((r) => r.authorityId))
      const cards = this.cards.filter((a) => !current.has(a.id))
      return html`${stateSelect}
        <fieldset>
          <legend>${this.t('alert-panels.field.authorities')}</legend>
          ${cards.length === 0 ? none : cards.map((a) => check(`d-a-${a.id}`, a.id, a.name, d.picked.includes(a.id)))}
        </fieldset>`
    }
    if (d.action === 'remove-recipient') {
      const rs = (c?.recipients ?? []).filter((r) => !r.removed)
      return html`<fieldset>
        <legend>${this.t('alert-panels.field.recipient')}</legend>
        ${rs.map((r) => check(`d-r-${r.authorityId}`, r.authorityId, `${this.name(r.authorityId)} (${this.stateName(r.memberState)})`, d.one === r.authorityId, true))}
      </fieldset>`
    }
    if (d.action === 'add-recipient-states') {
      const taken = new Set<string>([c?.initiatingMemberState ?? '', ...(c?.recipientStates ?? [])])
      return html`<fieldset>
        <legend>${this.t('alert-panels.field.states')}</legend>
        <div class="states">${this.byName(MEMBER_STATES.filter((m) => !taken.has(m))).map((m) => check(`d-s-${m}`, m, this.stateName(m), d.picked.includes(m)))}</div>
      </fieldset>`
    }
    if (d.action === 'broadcast-closure-proposal') {
      const comments = c?.closure?.comments ?? []
      return html`<fieldset>
        <legend>${this.t('alert-panels.field.comments')}</legend>
        ${comments.length === 0 ? html`<p>${this.t('alert-panels.closure.no-comments')}</p>` : comments.map((x) => check(`d-c-${x.id}`, x.id, html`${this.name(x.authorityId)}: ${plainText(x.text)?.text ?? this.t('common.redacted')}`, d.picked.includes(x.id)))}
      </fieldset>`
    }
    return nothing
  }

  private renderDialog(c: AlertContentView | undefined): TemplateResult {
    const d = this.dialog
    return html`<dialog part="dialog" aria-labelledby="d-title" @close=${() => this.closeDialog()}>
      ${d === undefined
        ? nothing
        : html`<form @submit=${(e: Event) => {
            e.preventDefault()
            void this.run(d.action, this.payload(d))
          }}>
            <h3 id="d-title">${this.t(`alert-panels.action.${d.action}`)}</h3>
            ${d.action === 'submit-information'
              ? html`<p class="field">
                  <label for="d-kind">${this.t('alert-panels.field.kind')}</label>
                  <select id="d-kind" @change=${(e: Event) => this.set({ kind: (e.target as HTMLSelectElement).value })}>
                    ${ALERT_INFORMATION_KINDS.map((k) => html`<option value=${k} ?selected=${k === d.kind}>${this.text(`alert-panels.info.${k}`)}</option>`)}
                  </select>
                </p>`
              : nothing}
            ${this.renderChoices(d, c)}
            ${WITH_TEXT.includes(d.action)
              ? html`<p class="field">
                    <label for="d-text">${this.t(d.action === 'propose-withdrawal' ? 'alert-panels.withdrawal.reason' : 'alert-panels.field.text')}</label>
                    <textarea id="d-text" rows="5" required .value=${d.text} @input=${(e: Event) => this.set({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
                  </p>
                  <p class="field">
                    <label for="d-language">${this.t('alert-form.language')}</label>
                    <select id="d-language" required @change=${(e: Event) => this.set({ language: (e.target as HTMLSelectElement).value })}>${this.languageOptions(d.language)}</select>
                  </p>`
              : nothing}
            ${this.renderError(this.error)}
            <div class="actions">
              <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('alert-panels.confirm')}</button>
              <button type="button" @click=${() => this.closeDialog()}>${this.t('common.cancel')}</button>
            </div>
          </form>`}
    </dialog>`
  }

  override render() {
    const c = this.content
    const closureActions = ['propose-closure', 'comment', 'edit-closure-proposal', 'cancel-closure-proposal', 'end-comment-period', 'broadcast-closure-proposal', 'end-objection-period', 'close']
    return html`${this.dialog === undefined ? this.renderError(this.error) : nothing}
      <p role="status" class="sr">${this.done ? this.t('alert-panels.done') : nothing}</p>
      ${this.section('recipients', this.renderRecipients(c), ['acknowledge', 'forward-within-state', 'add-recipient-states', 'remove-recipient'].map((a) => this.button(a)))}
      ${this.section('information', this.renderInformation(c), [this.button('submit-information')])}
      ${this.section('withdrawal', this.renderWithdrawal(c), ['propose-withdrawal', 'broadcast-withdrawal', 'cancel-withdrawal'].map((a) => this.button(a)))}
      ${this.section('closure', this.renderClosure(c), closureActions.map((a) => this.button(a)))}
      ${this.renderDialog(c)}`
  }
}
