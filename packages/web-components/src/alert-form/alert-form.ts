/**
 * `<imi-alert-form>`: the wizard that launches a Services Directive alert (spec §7.5): criteria,
 * provider, case, recipient states and coordinator, saved as a draft and submitted for broadcast.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { ALERT_CRITERIA, MEMBER_STATES, localize } from '@imi-kit/core'
import type { AlertContentView, AlertCriterion, AuthorityCard, DomainError, ExchangeId, ExchangeView, ImiClient, SendProblem } from '@imi-kit/core'
import { problemsOf, stepFrom, tabForKey } from '../wizard.js'
import { AlertElement } from './alert-base.js'
import { alertFormStyles } from './styles.js'

const STEPS = ['criteria', 'provider', 'case', 'recipients', 'coordinator'] as const
type Step = (typeof STEPS)[number]

/** The tab on which a field of the content is entered, for the `field` of the submit problems. */
const FIELD_STEP: Readonly<Record<string, Step>> = {
  checklist: 'criteria',
  provider: 'provider',
  serviceActivity: 'provider',
  establishment: 'provider',
  caseDescription: 'case',
  recipientStates: 'recipients',
  suggestedAuthorities: 'recipients',
  coordinator: 'coordinator',
}

/** A problem of a refused submission, with the field it concerns. */
type Problem = SendProblem & { readonly field: string }

/**
 * The alert wizard. Every field is a step of a tab list operable with the keyboard (arrow keys move
 * between tabs; Previous and Next walk through them). Save creates the draft (`alert.create`, which
 * gives the alert its number) and then edits it (`alert.edit`); Submit saves and runs `alert.submit`.
 * The form checks nothing itself: the server's refusal lists what is missing (`details.problems`),
 * and the tabs concerned are marked.
 *
 * @tag imi-alert-form
 * @attr exchange-id - The draft to continue; set by the form once it has saved a new one.
 * @attr member-state - The signed-in user's member state: its coordinators are offered and it is left out of the recipient states. Defaults to the draft's initiating state once saved, else to the state `client.me()` answers.
 * @attr lang - The display language.
 * @fires imi-command - After each command (create, edit, submit), with `{ exchangeId, action, version }`; bubbles and is composed.
 * @csspart tabs - The list of steps.
 * @csspart tab - A step's tab; a tab with something missing carries `data-problem`.
 * @csspart panel - A step's panel.
 * @csspart buttons - Previous, Next, Save and Submit.
 * @csspart problems - What keeps the alert from being submitted.
 * @csspart message - What the last command did.
 * @csspart error - A refusal.
 * @cssprop --imi-accent - Colour of the selected tab and of the main button.
 * @cssprop --imi-problem - Colour marking a step with something missing.
 * @category elements
 */
export class ImiAlertForm extends AlertElement {
  static override styles = alertFormStyles
  static override properties = {
    exchangeId: { type: String, attribute: 'exchange-id', reflect: true },
    memberState: { type: String, attribute: 'member-state' },
    criteria: { attribute: false },
    step: { state: true },
    checklist: { state: true },
    fields: { state: true },
    recipientStates: { state: true },
    coordinators: { state: true },
    number: { state: true },
    initiatingState: { state: true },
    problems: { state: true },
    error: { state: true },
    message: { state: true },
    busy: { state: true },
    submitted: { state: true },
  }
  declare exchangeId: string | undefined
  declare memberState: string | undefined
  /** The criteria to confirm; the shipped ones unless the portal configured others (ALERT-CHECKLIST-CONFIG). */
  declare criteria: ReadonlyArray<AlertCriterion>
  private declare step: Step
  private declare checklist: ReadonlyArray<string>
  private declare fields: Readonly<Record<string, string>>
  private declare recipientStates: ReadonlyArray<string>
  private declare coordinators: ReadonlyArray<AuthorityCard>
  private declare number: string | undefined
  private declare initiatingState: string | undefined
  private declare problems: ReadonlyArray<Problem>
  private declare error: DomainError | undefined
  private declare message: { readonly key: string; readonly number: string } | undefined
  private declare busy: boolean
  private declare submitted: boolean

  private loadedFor: { client: ImiClient; state: string } | undefined
  private loadedId: string | undefined

  constructor() {
    super()
    this.criteria = ALERT_CRITERIA
    this.step = 'criteria'
    this.checklist = []
    this.fields = {}
    this.recipientStates = []
    this.coordinators = []
    this.problems = []
    this.busy = false
    this.submitted = false
  }

  /** The user's member state, as given or as the saved draft says. */
  private get ownState(): string {
    return this.memberState ?? this.initiatingState ?? this.me?.memberState ?? ''
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed)
    const client = this.client
    if (client === undefined) return
    if (this.exchangeId !== undefined && this.exchangeId !== this.loadedId) {
      this.loadedId = this.exchangeId
      void this.loadDraft(client, this.exchangeId)
    }
    if (this.loadedFor?.client !== client || this.loadedFor.state !== this.ownState) {
      this.loadedFor = { client, state: this.ownState }
      void this.loadCoordinators(client, this.ownState)
    }
  }

  /** The alert coordinators of the user's state (ALERT-SUBMIT-COORDINATOR): the server refuses one not linked to the authority. */
  private async loadCoordinators(client: ImiClient, state: string): Promise<void> {
    const r = await client.authorities({ workflow: 'alert', limit: 200, ...(state === '' ? {} : { memberState: state }) })
    if (E.isRight(r)) this.coordinators = r.right.filter((a) => a.areas.some((l) => l.alert === 'alert-coordinator'))
  }

  private async loadDraft(client: ImiClient, id: string): Promise<void> {
    const r = await client.view(id as ExchangeId)
    if (E.isLeft(r)) {
      this.error = r.left
      return
    }
    this.number = r.right.number
    const c = (r.right as ExchangeView<AlertContentView>).content
    if (c === undefined) return
    this.initiatingState = c.initiatingMemberState
    this.checklist = c.checklist ?? []
    this.recipientStates = c.recipientStates ?? []
    const provider = c.provider !== undefined && 'name' in c.provider ? c.provider : undefined
    const caseText = c.caseDescription !== undefined && 'text' in c.caseDescription ? c.caseDescription : undefined
    this.fields = {
      name: provider?.name ?? '',
      address: provider?.address ?? '',
      registrationNumber: provider?.registrationNumber ?? '',
      serviceActivity: c.serviceActivity ?? '',
      establishment: c.establishment ?? '',
      caseText: caseText?.text ?? '',
      caseLanguage: caseText?.language ?? '',
      suggestedText: c.suggestedAuthorities?.text ?? '',
      suggestedLanguage: c.suggestedAuthorities?.language ?? '',
      coordinator: c.selectedCoordinator ?? '',
    }
  }

  private field(name: string): string {
    return this.fields[name] ?? ''
  }

  private set(name: string, value: string): void {
    this.fields = { ...this.fields, [name]: value }
  }

  private toggle(list: ReadonlyArray<string>, value: string, on: boolean): ReadonlyArray<string> {
    return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value)
  }

  /** The content as a command carries it: empty fields are left out, so that a draft saves however incomplete (ALERT-NUMBER-FIRST-SAVE). */
  private content(): Record<string, unknown> {
    const f = (n: string) => this.field(n).trim()
    const text = (t: string, l: string) => (t === '' ? {} : { text: t, ...(l === '' ? {} : { language: l }) })
    const out: Record<string, unknown> = {
      checklist: this.checklist,
      recipientStates: this.recipientStates,
      establishment: f('establishment') === '' ? null : f('establishment'),
    }
    if (f('name') !== '') out.provider = { name: f('name'), ...(f('address') === '' ? {} : { address: f('address') }), ...(f('registrationNumber') === '' ? {} : { registrationNumber: f('registrationNumber') }) }
    if (f('serviceActivity') !== '') out.serviceActivity = f('serviceActivity')
    if (f('caseText') !== '') out.caseDescription = text(f('caseText'), f('caseLanguage'))
    if (f('suggestedText') !== '') out.suggestedAuthorities = text(f('suggestedText'), f('suggestedLanguage'))
    if (f('coordinator') !== '') out.coordinator = f('coordinator')
    return out
  }

  /** Saves the draft; true when it was saved. */
  private async save(client: ImiClient): Promise<boolean> {
    const id = this.exchangeId
    const action = id === undefined ? 'alert.create' : 'alert.edit'
    const r = await client.execute({ type: action, ...(id === undefined ? {} : { exchangeId: id }), ...this.content() })
    if (E.isLeft(r)) {
      this.error = r.left
      return false
    }
    this.loadedId = r.right.exchangeId
    this.exchangeId = r.right.exchangeId
    this.commanded(action, r.right)
    const v = await client.view(r.right.exchangeId)
    if (E.isRight(v)) {
      this.number = v.right.number
      this.initiatingState = (v.right as ExchangeView<AlertContentView>).content?.initiatingMemberState
    }
    this.message = { key: 'alert-form.saved', number: this.number ?? '' }
    return true
  }

  private async act(submit: boolean): Promise<void> {
    const client = this.client
    if (client === undefined || this.busy) return
    this.busy = true
    this.error = undefined
    this.message = undefined
    try {
      if (!(await this.save(client)) || !submit || this.exchangeId === undefined) return
      const coordinator = this.field('coordinator')
      const r = await client.execute({ type: 'alert.submit', exchangeId: this.exchangeId, ...(coordinator === '' ? {} : { coordinator }) })
      if (E.isLeft(r)) {
        this.problems = problemsOf(r.left.details).filter((p): p is Problem => typeof p.field === 'string')
        const first = this.problems[0]
        if (first === undefined) this.error = r.left
        else this.go(FIELD_STEP[first.field] ?? this.step, false)
        this.message = undefined
        return
      }
      this.problems = []
      this.submitted = true
      this.message = { key: 'alert-form.submitted', number: this.number ?? '' }
      this.commanded('alert.submit', r.right)
      // The buttons are disabled now: the focus goes to what happened rather than to the page's start.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=message]')?.focus())
    } finally {
      this.busy = false
    }
  }

  private go(step: Step, focus: boolean): void {
    this.step = step
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${step}`)?.focus())
  }

  /** Arrow keys, Home and End move between the tabs (the WAI-ARIA tabs pattern). */
  private onTabKey(e: KeyboardEvent): void {
    const to = tabForKey(e, STEPS, this.step)
    if (to !== undefined) this.go(to, true)
  }

  private stepProblems(step: Step): ReadonlyArray<Problem> {
    return this.problems.filter((p) => FIELD_STEP[p.field] === step)
  }

  private problemText(p: Problem): TemplateResult {
    return this.labelOr(`alert-form.problem.${p.code}`, p.message)
  }

  private input(name: string, label: string, o: { required?: boolean; multiline?: boolean } = {}): TemplateResult {
    const id = `f-${name}`
    const update = (e: Event) => this.set(name, (e.target as HTMLInputElement).value)
    return html`<p class="field">
      <label for=${id}>${this.t(label)}</label>
      ${o.multiline === true
        ? html`<textarea id=${id} rows="6" .value=${this.field(name)} @input=${update} aria-required=${o.required === true ? 'true' : nothing}></textarea>`
        : html`<input id=${id} type="text" .value=${this.field(name)} @input=${update} aria-required=${o.required === true ? 'true' : nothing} />`}
    </p>`
  }

  private languageSelect(name: string): TemplateResult {
    return html`<p class="field">
      <label for=${`f-${name}`}>${this.t('alert-form.language')}</label>
      <select id=${`f-${name}`} @change=${(e: Event) => this.set(name, (e.target as HTMLSelectElement).value)}>${this.languageOptions(this.field(name))}</select>
    </p>`
  }

  private renderCriteria(): TemplateResult {
    return html`<fieldset>
      <legend>${this.t('alert-form.criteria.intro')}</legend>
      ${this.criteria.map((c) => {
        const [text, fallback] = localize(c.text, this.language)
        return html`<p class="check">
          <input type="checkbox" id=${`c-${c.id}`} .checked=${this.checklist.includes(c.id)} @change=${(e: Event) => (this.checklist = this.toggle(this.checklist, c.id, (e.target as HTMLInputElement).checked))} />
          <label for=${`c-${c.id}`} lang=${fallback ? 'en' : nothing} class=${fallback ? 'fallback' : ''}>${text}</label>
        </p>`
      })}
    </fieldset>`
  }

  private renderProvider(): TemplateResult {
    const selected = this.field('establishment')
    return html`<p class="hint">${this.t('alert-form.provider.personal')}</p>
      ${this.input('name', 'alert-form.provider.name', { required: true })} ${this.input('address', 'alert-form.provider.address')}
      ${this.input('registrationNumber', 'alert-form.provider.registration')} ${this.input('serviceActivity', 'alert-form.service-activity', { required: true })}
      <p class="field">
        <label for="f-establishment">${this.t('alert-form.establishment')}</label>
        <select id="f-establishment" @change=${(e: Event) => this.set('establishment', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${selected === ''}>${this.text('alert-form.establishment.unknown')}</option>
          ${this.byName(MEMBER_STATES).map((m) => html`<option value=${m} ?selected=${selected === m}>${this.stateName(m)}</option>`)}
        </select>
      </p>`
  }

  private renderRecipients(): TemplateResult {
    return html`<fieldset>
        <legend>${this.t('alert-form.recipients.legend')}</legend>
        <div class="states">
          ${this.byName(MEMBER_STATES.filter((m) => m !== this.ownState)).map(
            (m) => html`<span class="check">
              <input type="checkbox" id=${`s-${m}`} .checked=${this.recipientStates.includes(m)} @change=${(e: Event) => (this.recipientStates = this.toggle(this.recipientStates, m, (e.target as HTMLInputElement).checked))} />
              <label for=${`s-${m}`}>${this.stateName(m)}</label>
            </span>`,
          )}
        </div>
      </fieldset>
      ${this.input('suggestedText', 'alert-form.suggested', { multiline: true })} ${this.languageSelect('suggestedLanguage')}`
  }

  private renderCoordinator(): TemplateResult {
    const selected = this.field('coordinator')
    return html`<fieldset>
      <legend>${this.t('alert-form.coordinator.legend')}</legend>
      ${this.coordinators.length === 0 ? html`<p>${this.t('alert-form.coordinator.none')}</p>` : nothing}
      ${this.coordinators.map(
        (a) => html`<p class="check">
          <input type="radio" name="coordinator" id=${`k-${a.id}`} value=${a.id} .checked=${selected === a.id} @change=${() => this.set('coordinator', a.id)} />
          <label for=${`k-${a.id}`}>${a.name}${a.areas.some((l) => l.incomingAlertMailbox === true) ? html` <small>(${this.t('alert-form.mailbox')})</small>` : nothing}</label>
        </p>`,
      )}
    </fieldset>`
  }

  private renderPanel(step: Step): TemplateResult {
    switch (step) {
      case 'criteria':
        return this.renderCriteria()
      case 'provider':
        return this.renderProvider()
      case 'case':
        return html`${this.input('caseText', 'alert-form.tab.case', { required: true, multiline: true })} ${this.languageSelect('caseLanguage')}`
      case 'recipients':
        return this.renderRecipients()
      case 'coordinator':
        return this.renderCoordinator()
    }
  }

  override render() {
    const index = STEPS.indexOf(this.step)
    const title = this.number === undefined ? this.t('alert-form.title') : this.t('alert-form.number', { number: this.number })
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="title">
      <h2 id="title">${title}</h2>
      ${this.renderError(this.error)}
      ${this.problems.length === 0
        ? nothing
        : html`<div role="alert" part="problems" class="problems">
            <p>${this.t('alert-form.problems')}</p>
            <ul>
              ${this.problems.map((p) => html`<li><button type="button" class="link" @click=${() => this.go(FIELD_STEP[p.field] ?? this.step, true)}>${this.problemText(p)}</button></li>`)}
            </ul>
          </div>`}
      <div role="tablist" part="tabs" aria-label=${this.text('alert-form.steps')} @keydown=${this.onTabKey}>
        ${STEPS.map((s) => {
          const marked = this.stepProblems(s).length > 0
          return html`<button type="button" role="tab" part="tab" id=${`tab-${s}`} aria-controls=${`panel-${s}`} aria-selected=${s === this.step ? 'true' : 'false'}
            tabindex=${s === this.step ? '0' : '-1'} ?data-problem=${marked} @click=${() => this.go(s, false)}>
            ${this.t(`alert-form.tab.${s}`)}${marked ? html`<span class="mark" aria-hidden="true">!</span><span class="sr">(${this.t('alert-form.needs-attention')})</span>` : nothing}
          </button>`
        })}
      </div>
      ${STEPS.map(
        (s) => html`<section role="tabpanel" part="panel" id=${`panel-${s}`} aria-labelledby=${`tab-${s}`} ?hidden=${s !== this.step}>
          ${this.stepProblems(s).map((p) => html`<p class="problem">${this.problemText(p)}</p>`)} ${this.renderPanel(s)}
        </section>`,
      )}
      <p class="progress">${this.t('alert-form.step-of', { n: index + 1, total: STEPS.length })}</p>
      <div part="buttons" class="buttons">
        <button type="button" ?disabled=${index === 0} @click=${() => this.go(stepFrom(STEPS, this.step, -1) ?? this.step, true)}>${this.t('common.previous')}</button>
        <button type="button" ?disabled=${index === STEPS.length - 1} @click=${() => this.go(stepFrom(STEPS, this.step, 1) ?? this.step, true)}>${this.t('common.next')}</button>
        <span class="spacer"></span>
        <button type="button" ?disabled=${this.submitted} aria-busy=${this.busy ? 'true' : 'false'} @click=${() => this.act(false)}>${this.t('common.save')}</button>
        <button type="button" class="primary" ?disabled=${this.submitted} aria-busy=${this.busy ? 'true' : 'false'} @click=${() => this.act(true)}>${this.t('alert-form.submit')}</button>
      </div>
      <p role="status" part="message" class="message" tabindex="-1">${this.message === undefined ? nothing : this.t(this.message.key, { number: this.message.number })}</p>
    </form>`
  }
}
