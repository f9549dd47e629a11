/**
 * `<imi-login>`: the built-in IMI login (spec §4) — username and password, then the characters of
 * the security code at the positions the server asks for; at first login, a new password and the
 * creation of the 12-character security code.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import { DEFAULT_PASSWORD_POLICY, SECURITY_CODE_LENGTH, UI_LABELS, describePasswordPolicy } from '@imi-kit/core'
import type { Actor, PasswordRequirement } from '@imi-kit/core'
import { ImiElement } from '../base.js'
import { loginStyles } from './styles.js'

/** Where the login stands. @internal */
type Step = 'credentials' | 'code' | 'new-password' | 'security-code' | 'signed-in'

/** A message shown above the form: a label key, with the requirements a password missed. @internal */
interface Message {
  readonly key: string
  readonly tone: 'error' | 'info'
  readonly unmet?: ReadonlyArray<PasswordRequirement | { readonly requirement: 'max-length'; readonly maxLength: number }>
}

/** The body of a login route's answer: an outcome, or an error. @internal */
interface LoginAnswer {
  readonly outcome?: string
  readonly continuation?: string
  readonly positions?: ReadonlyArray<number>
  readonly actor?: Actor
  readonly csrf?: string
  readonly error?: { readonly code?: string; readonly details?: { readonly unmet?: Message['unmet'] } }
}

/**
 * The detail of the `imi-signed-in` event.
 *
 * @category elements
 */
export interface SignedInDetail {
  /** Who signed in. */
  readonly actor: Actor
  /** The CSRF token of the session, to send in `x-imi-csrf` on unsafe requests. */
  readonly csrf: string
}

// Outcomes after which the user starts again from the username and password.
const RESTART = ['invalid-credentials', 'blocked', 'temporary-password-expired', 'challenge-expired']

/**
 * The built-in IMI login. It is the one element that calls the server itself (the `ImiClient` acts
 * for a user who is already signed in), on the login routes under `api`.
 *
 * A user signs in with the username and password, then the 3 characters of the security code at
 * the positions the server drew (shown as "characters n° 3, 7 and 11"). A user signing in for the
 * first time with a temporary password ticks "first login": the element then asks for a new
 * password, showing the password policy, and for the creation and confirmation of the security
 * code. A refusal never says which credential was wrong.
 *
 * @tag imi-login
 * @attr api - The base URL of the API, `/api` by default.
 * @attr lang - The display language.
 * @fires imi-signed-in - Signed in; `detail` is `{ actor, csrf }` (a {@link SignedInDetail}). The session cookie is set.
 * @fires imi-signed-out - Signed out after "Sign out".
 * @csspart form - Each step's form.
 * @csspart title - The heading of a step.
 * @csspart message - The message of an outcome or refusal.
 * @csspart code-map - The 12 positions of the security code, the asked ones highlighted.
 * @csspart button - Every button.
 * @cssprop --imi-accent - Accent colour of buttons and asked positions.
 * @cssprop --imi-error-color - Colour of refusals.
 * @cssprop --imi-font - Font of the element.
 * @category elements
 */
export class ImiLogin extends ImiElement {
  static override styles = loginStyles
  static override properties = {
    api: { type: String },
    passwordRequirements: { attribute: false },
    step: { state: true },
    positions: { state: true },
    message: { state: true },
    busy: { state: true },
  }
  /** The base URL of the API. */
  declare api: string
  /**
   * The password requirements listed on the new-password step (LOGIN-PASSWORD-POLICY): the default
   * policy's unless the portal gives those of its server's policy. The server's check decides; its
   * refusal lists what the password missed.
   */
  declare passwordRequirements: ReadonlyArray<PasswordRequirement>
  private declare step: Step
  private declare positions: ReadonlyArray<number>
  private declare message: Message | undefined
  private declare busy: boolean

  private username = ''
  // Held only between the two steps of one attempt, then forgotten.
  private password = ''
  private continuation = ''
  private csrf = ''

  constructor() {
    super()
    this.api = '/api'
    this.passwordRequirements = describePasswordPolicy(DEFAULT_PASSWORD_POLICY)
    this.step = 'credentials'
    this.positions = []
    this.message = undefined
    this.busy = false
  }

  private async post(path: string, body: unknown): Promise<{ readonly status: number; readonly body: LoginAnswer } | undefined> {
    try {
      const response = await fetch(`${this.api.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.csrf === '' ? {} : { 'x-imi-csrf': this.csrf }) },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: ((await response.json().catch(() => ({}))) ?? {}) as LoginAnswer }
    } catch (_error) {
      return undefined
    }
  }

  /** Runs one call to the server, the form disabled meanwhile. */
  private async run(path: string, body: unknown): Promise<void> {
    this.busy = true
    this.message = undefined
    const answer = await this.post(path, body)
    this.busy = false
    this.settle(answer?.body)
  }

  /** Moves to the step an answer leads to. */
  private settle(answer: LoginAnswer | undefined): void {
    const outcome = answer?.outcome
    if (outcome === 'signed-in' && answer?.actor !== undefined) {
      this.password = ''
      this.csrf = answer.csrf ?? ''
      this.go('signed-in')
      this.fire<SignedInDetail>('imi-signed-in', { actor: answer.actor, csrf: this.csrf })
    } else if ((outcome === 'password-change-required' || outcome === 'security-code-required') && answer?.continuation !== undefined) {
      this.password = ''
      this.continuation = answer.continuation
      this.go(outcome === 'password-change-required' ? 'new-password' : 'security-code')
    } else if (outcome !== undefined && RESTART.includes(outcome)) {
      this.restart({ key: `login.outcome.${outcome}`, tone: 'error' })
    } else {
      const code = answer?.error?.code
      const key = code !== undefined && UI_LABELS[`login.error.${code}`] !== undefined ? `login.error.${code}` : 'login.error'
      const unmet = answer?.error?.details?.unmet
      if (code === 'login.continuation-invalid') this.restart({ key, tone: 'error' })
      else this.message = { key, tone: 'error', ...(Array.isArray(unmet) ? { unmet } : {}) }
    }
  }

  private go(step: Step): void {
    this.step = step
  }

  private restart(message?: Message): void {
    this.password = ''
    this.continuation = ''
    this.positions = []
    this.go('credentials')
    this.message = message
  }

  private field(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? ''
  }

  private async submitCredentials(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    this.username = this.field('username')
    this.password = this.field('password')
    const first = this.renderRoot.querySelector<HTMLInputElement>('[name="first-login"]')?.checked === true
    // A temporary password logs in to change the password only: no security code exists yet.
    if (first) return this.run('/login/complete', { username: this.username, password: this.password })
    this.busy = true
    this.message = undefined
    const answer = await this.post('/login/begin', { username: this.username })
    this.busy = false
    const positions = answer?.body.positions
    if (Array.isArray(positions) && positions.length === 3) {
      this.positions = positions
      this.go('code')
    } else this.settle(answer?.body)
  }

  private submitCode(e: SubmitEvent): Promise<void> {
    e.preventDefault()
    const characters = this.positions.map((p) => this.field(`c${p}`))
    return this.run('/login/complete', { username: this.username, password: this.password, characters })
  }

  private submitPassword(e: SubmitEvent): Promise<void> | undefined {
    e.preventDefault()
    const newPassword = this.field('new-password')
    if (newPassword !== this.field('confirm-password')) {
      this.message = { key: 'login.passwords-differ', tone: 'error' }
      return undefined
    }
    return this.run('/login/password', { continuation: this.continuation, newPassword })
  }

  private submitSecurityCode(e: SubmitEvent): Promise<void> | undefined {
    e.preventDefault()
    const code = this.field('code')
    const confirmation = this.field('code-confirm')
    if (code !== confirmation) {
      this.message = { key: 'login.codes-differ', tone: 'error' }
      return undefined
    }
    return this.run('/login/security-code', { continuation: this.continuation, code, confirmation })
  }

  private async signOut(): Promise<void> {
    this.busy = true
    await this.post('/logout', {})
    this.busy = false
    this.csrf = ''
    this.restart({ key: 'login.signed-out', tone: 'info' })
    this.fire('imi-signed-out')
  }

  /** Moves to the next character input once one is typed. */
  private advance(e: InputEvent): void {
    const input = e.target as HTMLInputElement
    if (input.value.length < 1) return
    const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>('.character input')]
    inputs[inputs.indexOf(input) + 1]?.focus()
  }

  protected override updated(changed: PropertyValues): void {
    // Each step starts on its first field, so that keyboard and screen-reader users follow along.
    if (changed.get('step') !== undefined) this.renderRoot.querySelector<HTMLElement>('[data-first]')?.focus()
  }

  private requirement(r: NonNullable<Message['unmet']>[number]): TemplateResult {
    if (r.requirement === 'min-length') return this.t('login.rule.min-length', { count: r.minLength })
    if (r.requirement === 'max-length') return this.t('login.rule.max-length', { count: r.maxLength })
    return this.t(`login.rule.${r.requirement}`)
  }

  private renderMessage() {
    const m = this.message
    if (this.busy) return html`<p part="message" class="message info" role="status">${this.t('login.working')}</p>`
    if (m === undefined) return nothing
    return html`<div part="message" class="message ${m.tone}" role=${m.tone === 'error' ? 'alert' : 'status'}>
      ${this.t(m.key)}${m.unmet === undefined || m.unmet.length === 0
        ? nothing
        : html`<br />${this.t('login.password-unmet')}
            <ul>
              ${m.unmet.map((r) => html`<li>${this.requirement(r)}</li>`)}
            </ul>`}
    </div>`
  }

  private renderCredentials() {
    return html`<form part="form" @submit=${this.submitCredentials}>
      <h2 part="title">${this.t('login.title')}</h2>
      ${this.renderMessage()}
      <label for="username">${this.t('login.username')}</label>
      <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required ?data-first=${this.username === ''} .value=${this.username} />
      <label for="password">${this.t('login.password')}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required ?data-first=${this.username !== ''} />
      <label class="check"><input type="checkbox" name="first-login" /> ${this.t('login.first-login')}</label>
      <div class="buttons"><button part="button" class="primary" type="submit" ?disabled=${this.busy}>${this.t('login.continue')}</button></div>
    </form>`
  }

  private renderCode() {
    const [first = 0, second = 0, third = 0] = this.positions
    const asked = new Set(this.positions)
    return html`<form part="form" @submit=${this.submitCode}>
      <h2 part="title">${this.t('login.title')}</h2>
      ${this.renderMessage()}
      <fieldset>
        <legend>${this.t('login.code-legend')}</legend>
        <p id="positions">${this.t('login.code-positions', { first, second, third })}</p>
        <ol part="code-map" class="code-map" aria-hidden="true">
          ${Array.from({ length: SECURITY_CODE_LENGTH }, (_, i) => html`<li class=${asked.has(i + 1) ? 'asked' : ''}>${i + 1}</li>`)}
        </ol>
        <div class="characters">
          ${this.positions.map(
            (p, i) => html`<div class="character">
              <label for=${`c${p}`}>${this.t('login.code-character', { position: p })}</label>
              <input id=${`c${p}`} name=${`c${p}`} type="password" maxlength="1" size="2" autocomplete="off" required aria-describedby="positions" ?data-first=${i === 0} @input=${this.advance} />
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="buttons">
        <button part="button" type="button" @click=${() => this.restart()} ?disabled=${this.busy}>${this.t('login.back')}</button>
        <button part="button" class="primary" type="submit" ?disabled=${this.busy}>${this.t('login.sign-in')}</button>
      </div>
    </form>`
  }

  private renderNewPassword() {
    return html`<form part="form" @submit=${this.submitPassword}>
      <h2 part="title">${this.t('login.new-password-title')}</h2>
      <p>${this.t('login.new-password-intro')}</p>
      ${this.renderMessage()}
      <p id="rules-intro">${this.t('login.password-rules')}</p>
      <ul id="rules" aria-labelledby="rules-intro">
        ${this.passwordRequirements.map((r) => html`<li>${this.requirement(r)}</li>`)}
      </ul>
      <label for="new-password">${this.t('login.new-password')}</label>
      <input id="new-password" name="new-password" type="password" autocomplete="new-password" required aria-describedby="rules" data-first />
      <label for="confirm-password">${this.t('login.confirm-password')}</label>
      <input id="confirm-password" name="confirm-password" type="password" autocomplete="new-password" required />
      <div class="buttons"><button part="button" class="primary" type="submit" ?disabled=${this.busy}>${this.t('login.save-password')}</button></div>
    </form>`
  }

  private renderSecurityCode() {
    return html`<form part="form" @submit=${this.submitSecurityCode}>
      <h2 part="title">${this.t('login.code-title')}</h2>
      <p>${this.t('login.code-intro')}</p>
      ${this.renderMessage()}
      <p id="code-rules">${this.t('login.code-rules', { length: SECURITY_CODE_LENGTH })}</p>
      <label for="code">${this.t('login.code')}</label>
      <input id="code" name="code" type="password" autocomplete="off" required aria-describedby="code-rules" data-first />
      <label for="code-confirm">${this.t('login.code-confirm')}</label>
      <input id="code-confirm" name="code-confirm" type="password" autocomplete="off" required />
      <div class="buttons"><button part="button" class="primary" type="submit" ?disabled=${this.busy}>${this.t('login.save-code')}</button></div>
    </form>`
  }

  private renderSignedIn() {
    return html`<div part="form" class="signed-in">
      <p part="message" class="message info" role="status">${this.t('login.signed-in')}</p>
      <button part="button" type="button" data-first @click=${this.signOut} ?disabled=${this.busy}>${this.t('login.sign-out')}</button>
    </div>`
  }

  override render() {
    switch (this.step) {
      case 'credentials':
        return this.renderCredentials()
      case 'code':
        return this.renderCode()
      case 'new-password':
        return this.renderNewPassword()
      case 'security-code':
        return this.renderSecurityCode()
      case 'signed-in':
        return this.renderSignedIn()
    }
  }
}
