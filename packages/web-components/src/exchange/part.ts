/**
 * What the elements showing one exchange share (`<imi-exchange>`, `<imi-comments>`,
 * `<imi-attachments>`, `<imi-history>`): loading the view and the available actions through the
 * client, running a command and telling the page, and rendering free text, redacted personal data,
 * dates and authority names.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { PropertyValues, TemplateResult } from 'lit'
import * as E from 'fp-ts/lib/Either.js'
import { isRedacted } from '@imi-kit/core'
import type { ActionId, AuthorityCard, CommandResult, DomainError, ExchangeId, ExchangeView, ImiClient } from '@imi-kit/core'
import { ImiElement } from '../base.js'
import { formatDate } from '../format.js'

/** What an `imi-command` event carries. @category elements */
export interface CommandEventDetail {
  readonly exchangeId: string
  readonly action: string
  readonly result: CommandResult
}

/** A free text as views carry it: its text and the language it declares. @internal */
export interface FreeTextValue {
  readonly text: string
  readonly language?: string
}

/** True for a free text. @internal */
export const isFreeText = (u: unknown): u is FreeTextValue =>
  typeof u === 'object' && u !== null && typeof (u as { text?: unknown }).text === 'string'

/** True for a record. @internal */
export const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

// The directory answers at most 200 authorities a query; names of others show as their ids.
const directories = new WeakMap<ImiClient, Promise<ReadonlyMap<string, AuthorityCard>>>()

/**
 * The authorities of the directory by id, asked once per client: elements show names, never ids.
 *
 * @internal
 */
export const authorityDirectory = (client: ImiClient): Promise<ReadonlyMap<string, AuthorityCard>> => {
  let found = directories.get(client)
  if (found === undefined) {
    found = client.authorities({ limit: 200 }).then((r) => new Map(E.isRight(r) ? r.right.map((a) => [a.id as string, a]) : []))
    directories.set(client, found)
  }
  return found
}

/** The client's optional HTTP operations (uploads and download links). @internal */
export interface FileOperations {
  upload(file: Blob, mediaType?: string): Promise<E.Either<DomainError, { readonly contentRef: string; readonly size: number; readonly mediaType: string }>>
  attachmentUrl(exchangeId: ExchangeId, attachmentId: string): string
}

/** The client's file operations, when it has them (the HTTP client does). @internal */
export const fileOperations = (client: ImiClient | undefined): (ImiClient & FileOperations) | undefined =>
  client !== undefined && typeof (client as Partial<FileOperations>).upload === 'function' && typeof (client as Partial<FileOperations>).attachmentUrl === 'function'
    ? (client as ImiClient & FileOperations)
    : undefined

/**
 * The base of the elements that show one exchange. Given `exchange-id` alone, an element loads the
 * view and actions itself and reloads them after its own commands; given `.view` (and `.actions`) by
 * a parent such as `<imi-exchange>`, it shows those and lets the parent reload on `imi-command`.
 *
 * @internal
 */
export class ExchangePart extends ImiElement {
  static override properties = {
    exchangeId: { type: String, attribute: 'exchange-id' },
    authorityId: { type: String, attribute: 'authority-id' },
    view: { attribute: false },
    actions: { attribute: false },
    error: { state: true },
    authorities: { state: true },
    notice: { state: true },
  }

  /** The exchange to show, when the element loads it itself. */
  declare exchangeId: string | undefined
  /** The signed-in user's authority, if the page knows it: the other party is then told apart. */
  declare authorityId: string | undefined
  /** The view of the exchange, as `client.view` answers it. */
  declare view: ExchangeView | undefined
  /** The actions the user may take now, as `client.actions` answers them. */
  declare actions: ReadonlyArray<ActionId> | undefined
  /** The last refusal or failure. @internal */
  declare protected error: DomainError | undefined
  /** The directory's authorities by id, once loaded. @internal */
  declare protected authorities: ReadonlyMap<string, AuthorityCard> | undefined
  /** A short confirmation for the live region. @internal */
  declare protected notice: string | undefined

  private loadedFor: string | undefined
  private loadedWith: ImiClient | undefined
  private directoryOf: ImiClient | undefined

  /** True when the element loaded the view itself (no parent gave it). */
  protected get selfLoaded(): boolean {
    return this.loadedFor !== undefined
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed)
    const client = this.client
    if (client !== undefined && client !== this.directoryOf) {
      this.directoryOf = client
      void authorityDirectory(client).then((d) => {
        if (this.client === client) this.authorities = d
      })
    }
    const givenByParent = this.view !== undefined && this.loadedFor === undefined
    if (client !== undefined && this.exchangeId !== undefined && this.exchangeId !== '' && !givenByParent && (this.loadedFor !== this.exchangeId || this.loadedWith !== client)) {
      this.loadedFor = this.exchangeId
      this.loadedWith = client
      void this.reload()
    }
  }

  /** Loads the view and the actions again. */
  async reload(): Promise<void> {
    const client = this.client
    const id = (this.exchangeId ?? this.view?.exchangeId) as ExchangeId | undefined
    if (client === undefined || id === undefined) return
    const [view, actions] = await Promise.all([client.view(id), client.actions(id)])
    if (E.isLeft(view)) {
      this.error = view.left
      return
    }
    this.loadedFor ??= id
    this.view = view.right
    this.actions = E.isRight(actions) ? actions.right : []
  }

  /**
   * Runs a command through the client; on success fires `imi-command` and reloads when the element
   * loaded the view itself. A refusal is kept in `error` and shown with its rule.
   */
  protected async run(command: { readonly type: string; readonly exchangeId: string } & Record<string, unknown>): Promise<boolean> {
    const client = this.client
    if (client === undefined) return false
    this.error = undefined
    const result = await client.execute(command)
    if (E.isLeft(result)) {
      this.error = result.left
      return false
    }
    this.fire<CommandEventDetail>('imi-command', { exchangeId: command.exchangeId, action: command.type, result: result.right })
    if (this.selfLoaded) await this.reload()
    return true
  }

  /** The name of an authority, or its id while the directory is unknown. */
  protected authorityName(id: string | undefined): string {
    if (id === undefined) return ''
    return this.authorities?.get(id)?.name ?? id
  }

  /** The name of a language in the display language. */
  protected languageName(code: string): string {
    return this.text(`comments.language.${code}`)
  }

  /** A date (and time, unless `dateOnly`) in the display language. */
  protected formatDate(iso: string | undefined, dateOnly = false): string {
    return formatDate(iso, this.language, dateOnly ? 'date' : 'time')
  }

  /**
   * A free text in the language it declares, marked with that language so that screen readers and
   * translation tools read it right, and saying which language it is written in (I18N-FREE-TEXT-TAGGED).
   */
  protected renderFreeText(value: unknown): TemplateResult | typeof nothing {
    if (isRedacted(value)) return this.renderRedacted(value)
    if (!isFreeText(value)) return nothing
    const lang = value.language
    return html`<span class="free-text"
      ><span part="free-text" lang=${lang ?? nothing}>${value.text}</span>${lang === undefined
        ? nothing
        : html` <small part="language" class="language">(${this.t('common.written-in', { language: this.languageName(lang) })})</small>`}</span
    >`
  }

  /** A value the view redacted: hidden personal data, blocked or erased. */
  protected renderRedacted(value: { readonly redacted: 'personal-data' | 'blocked' | 'erased' }): TemplateResult {
    const key = value.redacted === 'personal-data' ? 'common.redacted' : value.redacted === 'blocked' ? 'common.blocked' : 'common.erased'
    return html`<span part="redacted" class="redacted" data-reason=${value.redacted}>${this.t(key)}</span>`
  }

  /** A plain value, or its redaction marker. */
  protected renderValue(value: unknown): TemplateResult | string | typeof nothing {
    if (isRedacted(value)) return this.renderRedacted(value)
    if (isFreeText(value)) return this.renderFreeText(value)
    return typeof value === 'string' || typeof value === 'number' ? String(value) : nothing
  }

  /**
   * The authorities the user writes to, for I18N-SHOW-SPOKEN: the parties of the exchange other than
   * the user's own authority (when the page says which it is, by `authority-id`), each with the
   * languages it declares (I18N-LANGUAGES-SPOKEN).
   */
  protected counterparts(): ReadonlyArray<AuthorityCard> {
    const summary = this.view?.summary
    if (summary === undefined || this.authorities === undefined) return []
    const ids = [summary.requestingAuthority, summary.respondingAuthority, ...summary.authorities].filter((a): a is NonNullable<typeof a> => a !== undefined)
    const mine = this.authorityId ?? this.me?.authorityId
    const others = [...new Set(ids as ReadonlyArray<string>)].filter((id) => id !== mine)
    return others.map((id) => this.authorities?.get(id)).filter((a): a is AuthorityCard => a !== undefined)
  }

  /** The languages the other parties understand, with the advice to use one of them (I18N-SPOKEN-ADVISORY). */
  protected renderSpoken(prefix: 'comments' | 'actions' = 'comments'): TemplateResult | typeof nothing {
    const others = this.counterparts()
    if (others.length === 0) return nothing
    return html`<div part="spoken" class="spoken">
      <ul>
        ${others.map(
          (a) => html`<li data-authority=${a.id}>${this.t(prefix === 'comments' ? 'comments.spoken' : 'actions.spoken-by', { authority: a.name, languages: a.languages.map((l) => this.languageName(l)).join(', ') })}</li>`,
        )}
      </ul>
      <p class="hint">${this.t(`${prefix}.spoken-advice`)}</p>
    </div>`
  }

  /** A status line for screen readers, and the last refusal. */
  protected renderFeedback(): TemplateResult {
    return html`<p part="notice" class="notice" role="status" aria-live="polite">${this.notice ?? ''}</p>
      ${this.renderError(this.error)}`
  }

  /** Tells a helper that the element has nothing to show yet. */
  protected renderLoading(): TemplateResult {
    return html`<p part="loading" class="loading">${this.t('common.loading')}</p>`
  }
}
