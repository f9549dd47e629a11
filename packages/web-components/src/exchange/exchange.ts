/**
 * `<imi-exchange>`: one exchange (a request or an alert) as its viewer may see it, in tabs, with the
 * toolbar of the actions the viewer may take now.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { TemplateResult } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { ALERT_CRITERIA, ALERT_INFORMATION_KINDS, LANGUAGES, LEGISLATIVE_AREAS, MEMBER_STATES, QUESTION_SETS, findQuestion, isRedacted, localize } from '@imi-kit/core'
import type { AlertContentView, AuthorityCard, ExchangeView, QuestionSet, RequestContent } from '@imi-kit/core'
import { ExchangePart, fileOperations, isFreeText, isRecord } from './part.js'
import type { FieldSpec, FormValues, OptionSource } from './action-forms.js'
import { ACTION_FORMS, EDIT_ACTIONS, NULL_OPTION, RELEVANCES, REMOVAL_REQUESTERS, answerInputs, payloadOf } from './action-forms.js'
import { tabForKey } from '../wizard.js'
import { exchangeStyles } from './styles.js'

/** A choice of a select or a checkbox list. */
interface Choice {
  readonly value: string
  readonly label: string
}

type Tab = 'case' | 'questions' | 'answers' | 'messages' | 'attachments' | 'overview' | 'provider' | 'alert-management' | 'management'

const REQUEST_TABS: ReadonlyArray<Tab> = ['case', 'questions', 'answers', 'messages', 'attachments', 'management']
const ALERT_TABS: ReadonlyArray<Tab> = ['overview', 'provider', 'alert-management', 'management']

const TAB_LABEL: Readonly<Record<Tab, string>> = {
  case: 'exchange.tab.case',
  questions: 'exchange.tab.questions',
  answers: 'exchange.tab.answers',
  messages: 'exchange.tab.messages',
  attachments: 'exchange.tab.attachments',
  overview: 'exchange.tab.overview',
  provider: 'exchange.tab.provider',
  'alert-management': 'exchange.tab.alert-management',
  management: 'exchange.tab.management',
}

const isAlert = (view: ExchangeView): boolean => view.procedure.includes('alert')

/**
 * Shows one exchange: a header with its number, its status as the viewer sees it
 * (`displayedStatus`) and its parties; the toolbar; and tabs.
 *
 * - Requests: case and subject, questions, answers, messages (`<imi-comments>`), attachments
 *   (`<imi-attachments>`), management information (`<imi-history>` and the linked exchanges).
 * - Alerts: overview, provider and case, alert management (`<imi-alert-panels>`, the alert-specific
 *   tabs), management information.
 *
 * The toolbar has a button for exactly the actions `client.actions` answers. An action that needs no
 * payload runs on a click; one that does opens a modal dialog with its form (focus moves into it,
 * Escape cancels, focus returns to the button). After a command the view and actions are loaded
 * again, and a refusal is shown with the rule that refused. Editing a draft is the forms' business:
 * the edit actions fire `imi-edit` for the page to open `<imi-request-form>` or `<imi-alert-form>`.
 *
 * What the view hides shows as hidden: personal data before acceptance or to coordinators, blocked
 * or erased personal data.
 *
 * @tag imi-exchange
 * @attr exchange-id - The exchange to show.
 * @attr authority-id - The signed-in user's authority (default: as `client.me()` answers): free-text forms then show the other party's languages only.
 * @attr today - The current date `YYYY-MM-DD` for deadlines; the browser's date when absent.
 * @attr href-template - The link of a linked exchange, `{id}` standing for its id; default `#/exchanges/{id}`.
 * @attr lang - The display language.
 * @fires imi-command - After a command succeeded; `detail`: `{ exchangeId, action, result }` (`result.spawned` lists new exchanges).
 * @fires imi-edit - When the user chose to edit the draft; `detail`: `{ exchangeId, procedure }`.
 * @fires imi-open - When the user follows a link to another exchange; `detail`: `{ exchangeId }`; cancel it to stop the navigation.
 * @csspart exchange - The whole entry.
 * @csspart header - The number, status and parties.
 * @csspart toolbar - The actions.
 * @csspart action - One action button; its `data-action` is the action id.
 * @csspart tabs - The tab list.
 * @csspart tab - One tab.
 * @csspart panel - One tab's panel.
 * @csspart dialog - The dialog of an action's form.
 * @csspart confirm - The dialog's confirm button.
 * @csspart redacted - A value hidden from the viewer.
 * @csspart link - A link to a linked exchange.
 * @csspart error - A refusal, with its rule.
 * @cssprop --imi-accent - Colour of buttons, the selected tab and links.
 * @cssprop --imi-accent-contrast - Text colour on the accent.
 * @cssprop --imi-border - Colour of borders.
 * @cssprop --imi-focus - Colour of the focus ring.
 * @cssprop --imi-muted-color - Colour of secondary text.
 * @category elements
 */
export class ImiExchange extends ExchangePart {
  static override styles = exchangeStyles
  static override properties = {
    ...ExchangePart.properties,
    today: { type: String },
    hrefTemplate: { type: String, attribute: 'href-template' },
    tab: { state: true },
    toolbarIndex: { state: true },
    dialogAction: { state: true },
    dialogChoices: { state: true },
    dialogError: { state: true },
    busy: { state: true },
  }

  /** The current date for deadlines, `YYYY-MM-DD`. */
  declare today: string | undefined
  /** The link of a linked exchange. */
  declare hrefTemplate: string
  /** @internal */
  declare private tab: Tab | undefined
  /** @internal */
  declare private toolbarIndex: number
  /** @internal */
  declare private dialogAction: string | undefined
  /** @internal */
  declare private dialogChoices: Readonly<Record<string, ReadonlyArray<Choice>>>
  /** @internal */
  declare private dialogError: ExchangePart['error']
  /** @internal */
  declare private busy: boolean
  private returnTo: string | undefined

  constructor() {
    super()
    this.hrefTemplate = '#/exchanges/{id}'
    this.toolbarIndex = 0
    this.dialogChoices = {}
    this.busy = false
  }

  // ---------------------------------------------------------------------------------------------
  // data from the core's catalogues

  private questionSet(content: RequestContent): QuestionSet | undefined {
    return QUESTION_SETS.find((s) => s.id === content.questionSetId)
  }

  /** A predefined question in the display language, its placeholders filled with the sender's values (I18N-QUESTION-PLACEHOLDERS). */
  private questionText(set: QuestionSet | undefined, questionId: string, parameters: Readonly<Record<string, string>> = {}): TemplateResult | string {
    const q = set === undefined ? undefined : findQuestion(set, questionId)
    if (q === undefined) return questionId
    const [text, fallback] = localize(q.text, this.language)
    const pieces = text.split('[ ]')
    const filled = pieces.map((piece, i) => {
      const param = q.parameters[i]
      const value = param === undefined ? undefined : parameters[param.id]
      return i === pieces.length - 1 ? piece : html`${piece}<strong part="parameter" class="parameter">${value ?? '[ ]'}</strong>`
    })
    return fallback ? html`<span lang="en" class="fallback">${filled}</span>` : html`${filled}`
  }

  // ---------------------------------------------------------------------------------------------
  // header and tabs

  private tabsFor(view: ExchangeView): ReadonlyArray<Tab> {
    if (view.content === undefined) return ['management']
    return isAlert(view) ? ALERT_TABS : REQUEST_TABS
  }

  private selectTab(tab: Tab, focus = false): void {
    this.tab = tab
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus())
  }

  private onTabKey(e: KeyboardEvent, tabs: ReadonlyArray<Tab>, active: Tab): void {
    const next = tabForKey(e, tabs, active)
    if (next !== undefined) this.selectTab(next, true)
  }

  private renderHeader(view: ExchangeView): TemplateResult {
    const s = view.summary
    const alert = isAlert(view)
    const area = LEGISLATIVE_AREAS.find((a) => a.id === s.legislativeArea)
    return html`<header part="header" class="header">
      <h2 id="title" tabindex="-1">${this.t(alert ? 'exchange.alert-title' : 'exchange.request-title', { number: view.number })}</h2>
      <imi-status status=${view.displayedStatus} procedure=${view.procedure} lang=${this.language}></imi-status>
      <dl class="facts">
        ${alert
          ? html`<div><dt>${this.t('exchange.alert.initiating-authority')}</dt><dd>${this.authorityName(s.requestingAuthority)}</dd></div>
              ${s.details?.serviceActivity === undefined ? nothing : html`<div><dt>${this.t('exchange.alert.service-activity')}</dt><dd>${s.details.serviceActivity}</dd></div>`}`
          : html`<div><dt>${this.t('exchange.field.legislative-area')}</dt><dd>${area === undefined ? s.legislativeArea : this.loc(area.name)}</dd></div>
              <div><dt>${this.t('exchange.field.requesting-authority')}</dt><dd>${this.authorityName(s.requestingAuthority)}</dd></div>
              ${s.respondingAuthority === undefined ? nothing : html`<div><dt>${this.t('exchange.field.responding-authority')}</dt><dd>${this.authorityName(s.respondingAuthority)}</dd></div>`}
              ${s.deadline === undefined || s.closedAt !== undefined
                ? nothing
                : html`<div><dt>${this.t('exchange.field.deadline')}</dt><dd><imi-deadline date=${s.deadline} today=${this.today ?? nothing} lang=${this.language}></imi-deadline></dd></div>`}`}
      </dl>
    </header>`
  }

  // ---------------------------------------------------------------------------------------------
  // the toolbar

  private renderToolbar(): TemplateResult {
    const actions = this.actions ?? []
    if (actions.length === 0) return html`<p part="no-actions" class="no-actions">${this.t('actions.none')}</p>`
    const current = Math.min(this.toolbarIndex, actions.length - 1)
    return html`<div part="toolbar" class="toolbar" role="toolbar" aria-label=${this.text('actions.toolbar')} @keydown=${this.onToolbarKey}>
      ${actions.map(
        (a, i) =>
          html`<button
            type="button"
            part="action"
            data-action=${a}
            tabindex=${i === current ? 0 : -1}
            aria-disabled=${this.busy ? 'true' : 'false'}
            @focus=${() => (this.toolbarIndex = i)}
            @click=${() => void this.onAction(a)}
          >
            ${this.t(`actions.${a}`)}
          </button>`,
      )}
    </div>`
  }

  private onToolbarKey(e: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part=toolbar] button')]
    const i = buttons.findIndex((b) => b === (this.renderRoot as ShadowRoot).activeElement)
    const next = tabForKey(e, buttons, buttons[i < 0 ? this.toolbarIndex : i])
    if (next === undefined) return
    this.toolbarIndex = buttons.indexOf(next)
    next.focus()
  }

  private async onAction(action: string): Promise<void> {
    const view = this.view
    if (view === undefined || this.busy) return
    if (EDIT_ACTIONS.includes(action)) {
      this.fire('imi-edit', { exchangeId: view.exchangeId, procedure: view.procedure })
      return
    }
    const fields = ACTION_FORMS[action]
    this.returnTo = action
    if (fields === undefined) {
      this.busy = true
      this.notice = undefined
      const ok = await this.run({ type: action, exchangeId: view.exchangeId })
      this.busy = false
      if (ok) this.notice = this.text('actions.done', { action: this.text(`actions.${action}`) })
      await this.restoreFocus()
      return
    }
    this.busy = true
    this.dialogChoices = await this.choicesFor(fields, view)
    this.busy = false
    this.dialogError = undefined
    this.dialogAction = action
    await this.updateComplete
    const dialog = this.renderRoot.querySelector('dialog')
    if (dialog === null) return
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')?.focus()
  }

  /** Focus back on the action's button, or on the title when the action is no longer offered. */
  private async restoreFocus(): Promise<void> {
    await this.updateComplete
    const action = this.returnTo
    const button = action === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`[part=toolbar] button[data-action="${action}"]`)
    ;(button ?? this.renderRoot.querySelector<HTMLElement>('#title'))?.focus()
  }

  // ---------------------------------------------------------------------------------------------
  // the dialog of an action's form

  private async directory(query: Parameters<NonNullable<ExchangePart['client']>['authorities']>[0]): Promise<ReadonlyArray<AuthorityCard>> {
    const client = this.client
    if (client === undefined) return []
    const r = await client.authorities({ limit: 200, ...query })
    return E.isRight(r) ? r.right : []
  }

  private async choices(source: OptionSource, view: ExchangeView): Promise<ReadonlyArray<Choice>> {
    const s = view.summary
    const request = (view.content ?? {}) as Partial<RequestContent>
    const alert = (view.content ?? {}) as Partial<AlertContentView>
    const card = (a: AuthorityCard): Choice => ({ value: a.id, label: `${a.name} (${a.memberState})` })
    switch (source) {
      case 'request-coordinators':
        return (await this.directory({ workflow: 'request', legislativeArea: s.legislativeArea }))
          .filter((a) => s.memberStates.includes(a.memberState) && a.areas.some((l) => l.request === 'request-coordinator'))
          .map(card)
      case 'request-authorities':
        return (await this.directory({ workflow: 'request', legislativeArea: s.legislativeArea })).filter((a) => !s.authorities.includes(a.id)).map(card)
      case 'alert-coordinators':
        return (await this.directory({ workflow: 'alert' })).filter((a) => a.areas.some((l) => l.alert === 'alert-coordinator')).map(card)
      case 'alert-authorities': {
        const current = new Set((alert.recipients ?? []).filter((r) => !r.removed).map((r) => r.authorityId as string))
        return (await this.directory({ workflow: 'alert' })).filter((a) => !current.has(a.id)).map(card)
      }
      case 'questions': {
        const set = request.questionSetId === undefined ? undefined : QUESTION_SETS.find((q) => q.id === request.questionSetId)
        return (request.questions ?? [])
          .filter((q) => q.movedTo === undefined)
          .map((q) => {
            const found = set === undefined ? undefined : findQuestion(set, q.questionId)
            return { value: q.questionId, label: found === undefined ? q.questionId : localize(found.text, this.language)[0] }
          })
      }
      case 'attachments':
        return (request.attachments ?? []).flatMap((a) => (isRedacted(a) ? [] : [{ value: a.id, label: a.fileName }]))
      case 'recipients':
        return (alert.recipients ?? []).filter((r) => !r.removed).map((r) => ({ value: r.authorityId, label: `${this.authorityName(r.authorityId)} (${r.memberState})` }))
      case 'information':
        return (alert.information ?? []).map((i) => ({ value: i.id, label: `${this.text(`actions.kind.${i.kind}`)} — ${isFreeText(i.text) ? i.text.text.slice(0, 80) : this.text('common.redacted')}` }))
      case 'closure-comments':
        return (alert.closure?.comments ?? []).map((c) => ({ value: c.id, label: `${this.authorityName(c.authorityId)} — ${isFreeText(c.text) ? c.text.text.slice(0, 80) : this.text('common.redacted')}` }))
      case 'new-recipient-states': {
        const taken = new Set<string>([...(alert.recipientStates ?? []), ...(alert.initiatingMemberState === undefined ? [] : [alert.initiatingMemberState])])
        return MEMBER_STATES.filter((m) => !taken.has(m)).map((m) => ({ value: m, label: m }))
      }
      case 'establishment':
        return [{ value: NULL_OPTION, label: this.text('actions.field.establishment-unknown') }, ...MEMBER_STATES.map((m) => ({ value: m, label: m }))]
      case 'allocation-sides':
        return ['requesting', 'responding', 'requesting-coordinator', 'responding-coordinator'].map((side) => ({ value: side, label: this.text(`actions.side.${side}`) }))
      case 'coordinator-sides':
        return ['requesting', 'responding'].map((side) => ({ value: side, label: this.text(`actions.side.${side}`) }))
      case 'information-kinds':
        return ALERT_INFORMATION_KINDS.map((k) => ({ value: k, label: this.text(`actions.kind.${k}`) }))
      case 'removal-requesters':
        return REMOVAL_REQUESTERS.map((r) => ({ value: r, label: this.text(`actions.requester.${r}`) }))
    }
  }

  private async choicesFor(fields: ReadonlyArray<FieldSpec>, view: ExchangeView): Promise<Readonly<Record<string, ReadonlyArray<Choice>>>> {
    const entries = await Promise.all(fields.filter((f) => f.options !== undefined).map(async (f) => [f.name, await this.choices(f.options as OptionSource, view)] as const))
    return Object.fromEntries(entries)
  }

  private closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close()
  }

  private onDialogClose(): void {
    this.dialogAction = undefined
    this.dialogError = undefined
    void this.restoreFocus()
  }

  private questionIds(): ReadonlyArray<string> {
    const content = this.view?.content as Partial<RequestContent> | undefined
    return (content?.questions ?? []).filter((q) => q.movedTo === undefined).map((q) => q.questionId)
  }

  private async submitDialog(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const action = this.dialogAction
    const view = this.view
    if (action === undefined || view === undefined || this.busy) return
    const fields = ACTION_FORMS[action] ?? []
    const data = new FormData(e.target as HTMLFormElement)
    const values: FormValues = {
      get: (name) => {
        const v = data.get(name)
        return typeof v === 'string' ? v : undefined
      },
      getAll: (name) => data.getAll(name).filter((v): v is string => typeof v === 'string'),
    }
    this.busy = true
    this.dialogError = undefined
    const files: Record<string, unknown> = {}
    for (const field of fields.filter((f) => f.kind === 'file')) {
      const file = data.get(`${field.name}.file`)
      const ops = fileOperations(this.client)
      if (!(file instanceof File) || ops === undefined) continue
      const uploaded = await ops.upload(file, file.type === '' ? undefined : file.type)
      if (E.isLeft(uploaded)) {
        this.dialogError = uploaded.left
        this.busy = false
        return
      }
      files[field.name] = { fileName: file.name, mediaType: uploaded.right.mediaType, size: uploaded.right.size, contentRef: uploaded.right.contentRef, relevance: values.get(`${field.name}.relevance`) ?? 'other' }
    }
    const ok = await this.run({ ...payloadOf(fields, values, this.questionIds(), files), type: action, exchangeId: view.exchangeId })
    this.busy = false
    if (!ok) {
      this.dialogError = this.error
      this.error = undefined
      return
    }
    this.notice = this.text('actions.done', { action: this.text(`actions.${action}`) })
    this.closeDialog()
  }

  private label(field: FieldSpec): TemplateResult {
    return html`${this.t(`actions.field.${field.name}`)}${field.optional === true ? html` <span class="optional">${this.t('actions.optional')}</span>` : nothing}`
  }

  private languageSelect(id: string, name: string, selected: string = this.language): TemplateResult {
    return html`<label for=${id}>${this.t('actions.field.language')}</label>
      <select id=${id} name=${name}>
        ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === selected}>${this.languageName(l)}</option>`)}
      </select>`
  }

  private renderAnswerFields(): TemplateResult {
    const content = this.view?.content as Partial<RequestContent> | undefined
    const set = content === undefined ? undefined : this.questionSet(content as RequestContent)
    const drafts = content?.draftAnswers ?? []
    const questions = (content?.questions ?? []).filter((q) => q.movedTo === undefined)
    return html`${questions.map((q, n) => {
      const ids = answerInputs(q.questionId)
      const found = set === undefined ? undefined : findQuestion(set, q.questionId)
      const draft = drafts.find((a) => a.questionId === q.questionId)
      const comment = isFreeText(draft?.comment) ? draft.comment : undefined
      return html`<fieldset class="answer" data-question=${q.questionId}>
        <legend>${n + 1}. ${this.questionText(set, q.questionId, q.parameters)}</legend>
        <div class="choices" role="radiogroup" aria-label=${this.text('actions.field.answer')}>
          ${(found?.answers ?? []).map(
            (a, i) =>
              html`<label class="choice"
                ><input type="radio" id=${`${ids.answer}.${i}`} name=${ids.answer} value=${a.id} ?checked=${draft?.answerId === a.id} /> ${this.loc(a.text)}</label
              >`,
          )}
          <label class="choice"><input type="radio" name=${ids.answer} value="" ?checked=${draft?.answerId === undefined} /> ${this.t('actions.field.no-answer')}</label>
        </div>
        <label for=${ids.comment}>${this.t('actions.field.comment')} <span class="optional">${this.t('actions.optional')}</span></label>
        <textarea id=${ids.comment} name=${ids.comment} rows="2">${comment?.text ?? ''}</textarea>
        ${this.languageSelect(ids.language, ids.language, comment?.language ?? this.language)}
      </fieldset>`
    })}`
  }

  private renderField(field: FieldSpec): TemplateResult {
    const id = `field-${field.name}`
    const required = field.optional !== true
    const choices = this.dialogChoices[field.name] ?? []
    switch (field.kind) {
      case 'free-text':
        return html`<div class="field">
          <label for=${id}>${this.label(field)}</label>
          <textarea id=${id} name=${`${field.name}.text`} rows="4" maxlength="10000" ?required=${required}></textarea>
          ${this.languageSelect(`${id}.language`, `${field.name}.language`)}
        </div>`
      case 'boolean':
        return html`<div class="field check"><input type="checkbox" id=${id} name=${field.name} /> <label for=${id}>${this.label(field)}</label></div>`
      case 'date':
        return html`<div class="field"><label for=${id}>${this.label(field)}</label><input type="date" id=${id} name=${field.name} ?required=${required} /></div>`
      case 'text':
      case 'list':
        return html`<div class="field"><label for=${id}>${this.label(field)}</label><input type="text" id=${id} name=${field.name} ?required=${required} /></div>`
      case 'select':
        return html`<div class="field">
          <label for=${id}>${this.label(field)}</label>
          <select id=${id} name=${field.name} ?required=${required}>
            <option value="">${this.text('actions.choose')}</option>
            ${choices.map((c) => html`<option value=${c.value}>${c.label}</option>`)}
          </select>
        </div>`
      case 'checkboxes':
        return html`<fieldset class="field">
          <legend>${this.label(field)}</legend>
          ${choices.length === 0
            ? html`<p class="hint">${this.t('actions.no-options')}</p>`
            : choices.map((c, i) => html`<div class="check"><input type="checkbox" id=${`${id}.${i}`} name=${field.name} value=${c.value} /> <label for=${`${id}.${i}`}>${c.label}</label></div>`)}
        </fieldset>`
      case 'answers':
        return this.renderAnswerFields()
      case 'file':
        return html`<div class="field">
          <label for=${id}>${this.t('actions.field.file')}</label>
          <input type="file" id=${id} name=${`${field.name}.file`} required />
          <label for=${`${id}.relevance`}>${this.t('actions.field.relevance')}</label>
          <select id=${`${id}.relevance`} name=${`${field.name}.relevance`}>
            ${RELEVANCES.map((r) => html`<option value=${r}>${this.text(`exchange.relevance.${r}`)}</option>`)}
          </select>
        </div>`
    }
  }

  private renderDialog(): TemplateResult {
    const action = this.dialogAction
    const fields = action === undefined ? [] : (ACTION_FORMS[action] ?? [])
    const writes = fields.some((f) => f.kind === 'free-text' || f.kind === 'answers')
    return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
      ${action === undefined
        ? nothing
        : html`<form method="dialog" @submit=${this.submitDialog}>
            <h2 id="dialog-title">${this.t(`actions.${action}`)}</h2>
            ${writes ? this.renderSpoken('actions') : nothing} ${fields.map((f) => this.renderField(f))}
            ${this.renderError(this.dialogError)}
            <div class="buttons">
              <button type="submit" part="confirm" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('actions.confirm')}</button>
              <button type="button" @click=${this.closeDialog}>${this.t('common.cancel')}</button>
            </div>
          </form>`}
    </dialog>`
  }

  // ---------------------------------------------------------------------------------------------
  // the tabs of a request

  private fact(label: string, value: unknown): TemplateResult | typeof nothing {
    if (value === undefined || value === null || value === '') return nothing
    return html`<div><dt>${this.t(label)}</dt><dd>${value}</dd></div>`
  }

  private renderCase(view: ExchangeView, c: RequestContent): TemplateResult {
    const area = LEGISLATIVE_AREAS.find((a) => a.id === c.legislativeArea)
    const set = this.questionSet(c)
    const fields = area?.request.caseFields ?? []
    const known = new Set(fields.map((f) => f.id))
    const extra = Object.keys(c.caseData).filter((k) => !known.has(k))
    const d = c.derogation
    return html`<dl class="facts">
        ${this.fact('exchange.field.legislative-area', area === undefined ? c.legislativeArea : this.loc(area.name))}
        ${this.fact('exchange.field.question-set', set === undefined ? c.questionSetId : this.loc(set.title))}
        ${fields.map((f) => (c.caseData[f.id] === undefined ? nothing : html`<div data-field=${f.id}><dt>${this.loc(f.label)}</dt><dd>${this.renderValue(c.caseData[f.id])}</dd></div>`))}
        ${extra.map((k) => html`<div data-field=${k}><dt>${k}</dt><dd>${this.renderValue(c.caseData[k])}</dd></div>`)}
        ${this.fact('exchange.field.justification', c.justification === undefined ? undefined : this.renderFreeText(c.justification))}
        ${this.fact('exchange.field.deadline', c.deadline === undefined ? undefined : html`<imi-deadline date=${c.deadline} today=${this.today ?? nothing} lang=${this.language}></imi-deadline>`)}
        ${this.fact('exchange.field.original-deadline', c.originalDeadline === undefined || c.originalDeadline === c.deadline ? undefined : this.formatDate(c.originalDeadline, true))}
        ${this.fact('exchange.field.closure-reason', c.closureReason === undefined ? undefined : this.t(`exchange.closure.${c.closureReason}`))}
      </dl>
      ${d === undefined
        ? nothing
        : html`<h3>${this.t('exchange.derogation')}</h3>
            <dl class="facts">
              <div><dt>${this.t('exchange.derogation.checklist', { count: d.confirmed.length })}</dt><dd></dd></div>
              ${Object.entries(d.freeTexts).map(([k, text]) => {
                const label = set?.derogation?.freeTexts.find((x) => x.id === k)?.label
                return html`<div><dt>${label === undefined ? k : this.loc(label)}</dt><dd>${this.renderFreeText(text)}</dd></div>`
              })}
              ${this.fact('exchange.derogation.procedure', d.procedure === undefined ? undefined : this.t(`exchange.derogation.procedure.${d.procedure}`))}
              ${this.fact('exchange.derogation.related', d.relatedRequestNumber)}
              ${this.fact('exchange.derogation.earliest', d.earliestMeasureDate === undefined ? undefined : this.formatDate(d.earliestMeasureDate, true))}
            </dl>`}
      ${view.personalData === 'available' ? nothing : html`<p class="hint">${this.t('exchange.field.personal-data')}: ${this.renderRedacted({ redacted: view.personalData })}</p>`}`
  }

  private renderQuestions(c: RequestContent): TemplateResult {
    const set = this.questionSet(c)
    if (c.questions.length === 0) return html`<p>${this.t('exchange.questions.none')}</p>`
    return html`<ol class="questions">
      ${c.questions.map((q) => {
        const attachment = q.attachmentId === undefined ? undefined : c.attachments.find((a) => !isRedacted(a) && a.id === q.attachmentId)
        return html`<li part="question" data-question=${q.questionId}>
          <p class="question">${this.questionText(set, q.questionId, q.parameters)}</p>
          ${q.comment === undefined ? nothing : html`<p class="comment">${this.t('exchange.question.comment')}: ${this.renderFreeText(q.comment)}</p>`}
          ${q.attachmentId === undefined
            ? nothing
            : html`<p class="hint">${attachment === undefined || isRedacted(attachment) ? this.t('exchange.question.about-attachment', { file: this.text('common.redacted') }) : this.t('exchange.question.about-attachment', { file: attachment.fileName })}</p>`}
          ${q.movedTo === undefined ? nothing : html`<p class="hint">${this.t('exchange.question.moved')} ${this.renderLink(q.movedTo)}</p>`}
        </li>`
      })}
    </ol>`
  }

  private renderAnswerList(c: RequestContent, answers: RequestContent['answers']): TemplateResult {
    const set = this.questionSet(c)
    return html`<dl class="answers">
      ${answers.map((a) => {
        const q = c.questions.find((x) => x.questionId === a.questionId)
        const predefined = set === undefined || a.answerId === undefined ? undefined : findQuestion(set, a.questionId)?.answers.find((x) => x.id === a.answerId)
        return html`<div part="answer" data-question=${a.questionId}>
          <dt>${this.questionText(set, a.questionId, q?.parameters)}</dt>
          <dd>
            <strong part="predefined-answer">${predefined === undefined ? (a.answerId ?? this.t('exchange.answer.none')) : this.loc(predefined.text)}</strong>
            ${a.comment === undefined ? nothing : html`<p class="comment">${this.renderFreeText(a.comment)}</p>`}
          </dd>
        </div>`
      })}
    </dl>`
  }

  private renderAnswers(c: RequestContent): TemplateResult {
    const info = c.additionalInfo
    return html`${c.answers.length === 0 ? html`<p>${this.t('exchange.answers.none')}</p>` : html`<h3>${this.t('exchange.answers.sent')}</h3>${this.renderAnswerList(c, c.answers)}`}
    ${c.draftAnswers === undefined || c.draftAnswers.length === 0 ? nothing : html`<h3>${this.t('exchange.answers.draft')}</h3>${this.renderAnswerList(c, c.draftAnswers)}`}
    ${info === undefined
      ? nothing
      : html`<section class="box">
          <h3>${this.t('exchange.additional-info', { round: info.round })}</h3>
          <p>${this.renderFreeText(info.justification)}</p>
          <ul>
            ${info.questions.map((id) => html`<li>${this.questionText(this.questionSet(c), id, c.questions.find((q) => q.questionId === id)?.parameters)}</li>`)}
          </ul>
          ${info.refusal === undefined ? nothing : html`<p><strong>${this.t('exchange.additional-info.refusal')}</strong>: ${this.renderFreeText(info.refusal)}</p>`}
        </section>`}
    ${c.returnedByCoordinator === undefined ? nothing : html`<p class="box"><strong>${this.t('exchange.returned-by-coordinator')}</strong>: ${this.renderFreeText(c.returnedByCoordinator)}</p>`}`
  }

  // ---------------------------------------------------------------------------------------------
  // the tabs of an alert

  private renderOverview(view: ExchangeView, c: AlertContentView): TemplateResult {
    const closed = view.status === 'closed' || view.status === 'withdrawn'
    return html`${closed ? html`<p class="box">${this.t('exchange.alert.reduced-view')}</p>` : nothing}
      <dl class="facts">
        ${this.fact('exchange.alert.initiating-authority', this.authorityName(c.initiatingAuthority))} ${this.fact('exchange.alert.initiating-state', c.initiatingMemberState)}
        ${this.fact('exchange.alert.recipient-states', (c.recipientStates ?? []).join(', '))} ${this.fact('exchange.alert.service-activity', c.serviceActivity)}
        ${c.establishment === undefined ? nothing : this.fact('exchange.alert.establishment', c.establishment === null ? this.t('exchange.alert.establishment-unknown') : c.establishment)}
        ${this.fact('exchange.alert.selected-coordinator', c.selectedCoordinator === undefined ? undefined : this.authorityName(c.selectedCoordinator))}
        ${this.fact('exchange.alert.broadcasting-coordinator', c.broadcastingCoordinator === undefined ? undefined : this.authorityName(c.broadcastingCoordinator))}
        ${this.fact('exchange.alert.broadcast-at', c.broadcastAt === undefined ? undefined : this.formatDate(c.broadcastAt))}
        ${this.fact('exchange.alert.withdrawn-at', c.withdrawnAt === undefined ? undefined : this.formatDate(c.withdrawnAt))}
        ${this.fact('exchange.alert.closed-at', c.closedAt === undefined ? undefined : this.formatDate(c.closedAt))}
      </dl>`
  }

  private renderProvider(view: ExchangeView, c: AlertContentView): TemplateResult {
    const p = c.provider
    const closed = view.status === 'closed' || view.status === 'withdrawn'
    if (closed && p === undefined && c.caseDescription === undefined) return html`<p class="box">${this.t('exchange.alert.reduced-view')}</p>`
    return html`<h3>${this.t('exchange.alert.provider')}</h3>
      ${p === undefined
        ? html`<p>—</p>`
        : isRedacted(p)
          ? html`<p>${this.renderRedacted(p)}</p>`
          : html`<dl class="facts">
              ${this.fact('exchange.alert.provider-name', p.name)} ${this.fact('exchange.alert.provider-address', p.address)}
              ${this.fact('exchange.alert.provider-registration', p.registrationNumber)}
            </dl>`}
      <h3>${this.t('exchange.alert.case-description')}</h3>
      <p>${c.caseDescription === undefined ? '—' : this.renderFreeText(c.caseDescription)}</p>
      ${c.checklist === undefined
        ? nothing
        : html`<h3>${this.t('exchange.alert.checklist')}</h3>
            <ul>
              ${c.checklist.map((id) => {
                const criterion = ALERT_CRITERIA.find((x) => x.id === id)
                return html`<li>${criterion === undefined ? id : this.loc(criterion.text)}</li>`
              })}
            </ul>`}
      ${c.suggestedAuthorities === undefined ? nothing : html`<h3>${this.t('exchange.alert.suggested-authorities')}</h3><p>${this.renderFreeText(c.suggestedAuthorities)}</p>`}`
  }

  // ---------------------------------------------------------------------------------------------
  // management information

  private renderLink(id: string): TemplateResult {
    const href = this.hrefTemplate.replace('{id}', encodeURIComponent(id))
    const open = (e: MouseEvent) => {
      const allowed = this.fire('imi-open', { exchangeId: id }, true)
      if (!allowed) e.preventDefault()
    }
    return html`<a part="link" href=${href} data-exchange-id=${id} @click=${open}>${id}</a>`
  }

  private renderLinks(view: ExchangeView): TemplateResult | typeof nothing {
    if (isAlert(view)) return nothing
    const links = isRecord(view.content) && isRecord(view.content.links) ? (view.content.links as RequestContent['links']) : undefined
    const rows: Array<[string, ReadonlyArray<string>]> = links === undefined ? [] : [
      ['exchange.link.splitFrom', links.splitFrom === undefined ? [] : [links.splitFrom]],
      ['exchange.link.splitInto', links.splitInto],
      ['exchange.link.copiedFrom', links.copiedFrom === undefined ? [] : [links.copiedFrom]],
    ]
    const present = rows.filter(([, ids]) => ids.length > 0)
    return html`<section class="links" aria-labelledby="links-title">
      <h3 id="links-title">${this.t('exchange.links')}</h3>
      ${present.length === 0
        ? html`<p>${this.t('exchange.links.none')}</p>`
        : html`<dl class="facts">
            ${present.map(([label, ids]) => html`<div><dt>${this.t(label)}</dt><dd>${ids.map((id, i) => html`${i > 0 ? ', ' : ''}${this.renderLink(id)}`)}</dd></div>`)}
          </dl>`}
    </section>`
  }

  private renderManagement(view: ExchangeView): TemplateResult {
    const s = view.summary
    return html`<dl class="facts">
        ${this.fact('exchange.field.number', view.number)}
        <div><dt>${this.t('exchange.field.status')}</dt><dd><imi-status status=${view.displayedStatus} procedure=${view.procedure} lang=${this.language}></imi-status></dd></div>
        ${this.fact('exchange.field.access', this.t(`exchange.access.${view.access}`))}
        ${this.fact('exchange.field.personal-data', view.personalData === 'available' ? this.t('exchange.personal-data.available') : this.renderRedacted({ redacted: view.personalData }))}
        ${this.fact('exchange.field.member-states', s.memberStates.join(', '))} ${this.fact('exchange.field.created', this.formatDate(s.createdAt))}
        ${this.fact('exchange.field.updated', this.formatDate(s.updatedAt))} ${this.fact('exchange.field.sent', this.formatDate(s.sentAt))}
        ${this.fact('exchange.field.closed', this.formatDate(s.closedAt))}
      </dl>
      ${this.renderLinks(view)}
      <imi-history .entries=${view.history} procedure=${view.procedure} lang=${this.language}></imi-history>`
  }

  private renderTab(tab: Tab, view: ExchangeView): TemplateResult | typeof nothing {
    const request = view.content as RequestContent | undefined
    const alert = view.content as AlertContentView | undefined
    switch (tab) {
      case 'case':
        return request === undefined ? nothing : this.renderCase(view, request)
      case 'questions':
        return request === undefined ? nothing : this.renderQuestions(request)
      case 'answers':
        return request === undefined ? nothing : this.renderAnswers(request)
      case 'messages':
        return html`<imi-comments .view=${view} .actions=${this.actions} authority-id=${this.authorityId ?? this.me?.authorityId ?? nothing} lang=${this.language} @imi-command=${this.onChildCommand}></imi-comments>`
      case 'attachments':
        return html`<imi-attachments .view=${view} .actions=${this.actions} lang=${this.language} @imi-command=${this.onChildCommand}></imi-attachments>`
      case 'overview':
        return alert === undefined ? nothing : this.renderOverview(view, alert)
      case 'provider':
        return alert === undefined ? nothing : this.renderProvider(view, alert)
      case 'alert-management':
        return html`<imi-alert-panels .view=${view} .actions=${this.actions} today=${this.today ?? nothing} lang=${this.language} @imi-command=${this.onChildCommand}></imi-alert-panels>`
      case 'management':
        return this.renderManagement(view)
    }
  }

  private onChildCommand(): void {
    void this.reload()
  }

  override render() {
    const view = this.view
    if (view === undefined) {
      if (this.error !== undefined) return this.renderError(this.error)
      return this.exchangeId === undefined || this.exchangeId === '' ? html`<p>${this.t('exchange.no-exchange')}</p>` : this.renderLoading()
    }
    const tabs = this.tabsFor(view)
    const active = this.tab !== undefined && tabs.includes(this.tab) ? this.tab : (tabs[0] as Tab)
    return html`<article part="exchange" class="exchange" aria-labelledby="title" data-exchange-id=${view.exchangeId}>
      ${this.renderHeader(view)} ${this.renderToolbar()} ${this.renderFeedback()}
      ${view.content === undefined ? html`<p class="box" part="metadata-only">${this.t('exchange.metadata-only')}</p>` : nothing}
      <div part="tabs" class="tabs" role="tablist" aria-label=${this.text('exchange.tabs')} @keydown=${(e: KeyboardEvent) => this.onTabKey(e, tabs, active)}>
        ${tabs.map(
          (tab) =>
            html`<button
              type="button"
              part="tab"
              role="tab"
              id=${`tab-${tab}`}
              data-tab=${tab}
              aria-selected=${tab === active ? 'true' : 'false'}
              aria-controls=${`panel-${tab}`}
              tabindex=${tab === active ? 0 : -1}
              @click=${() => this.selectTab(tab)}
            >
              ${this.t(TAB_LABEL[tab])}
            </button>`,
        )}
      </div>
      ${tabs.map(
        (tab) =>
          html`<section part="panel" class="panel" role="tabpanel" id=${`panel-${tab}`} data-tab=${tab} aria-labelledby=${`tab-${tab}`} tabindex="0" ?hidden=${tab !== active}>
            ${this.renderTab(tab, view)}
          </section>`,
      )}
      ${this.renderDialog()}
    </article>`
  }
}
