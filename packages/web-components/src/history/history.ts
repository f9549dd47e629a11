/**
 * `<imi-history>`: the history of an exchange (Management Information): when, what, from which
 * status to which, and who.
 *
 * @module
 */
import { html, nothing } from 'lit'
import type { HistoryEntry } from '@imi-kit/core'
import { ExchangePart } from '../exchange/part.js'
import { procedureKind } from '../format.js'
import { historyStyles } from './styles.js'

/**
 * Shows the history of an exchange as a table: the date, the action, the status before and after
 * (as the viewer sees them) and the actor, with the justification where the viewer may read it.
 *
 * Give it the entries (`.entries`, with `procedure`), or an `exchange-id` to load them through the
 * client.
 *
 * @tag imi-history
 * @attr exchange-id - The exchange whose history to load, when no entries are given.
 * @attr procedure - `request` or `alert` (or a procedure id): statuses read differently per procedure.
 * @attr lang - The display language.
 * @csspart table - The table.
 * @csspart entry - One row.
 * @csspart empty - The text shown when there is no entry.
 * @cssprop --imi-history-border - Colour of the table's lines.
 * @cssprop --imi-history-header-background - Background of the header row.
 * @category elements
 */
export class ImiHistory extends ExchangePart {
  static override styles = historyStyles
  static override properties = { ...ExchangePart.properties, entries: { attribute: false }, procedure: { type: String } }
  /** The entries to show; when absent, the loaded view's. */
  declare entries: ReadonlyArray<HistoryEntry> | undefined
  /** `request` or `alert`, or a procedure id. */
  declare procedure: string | undefined

  private get kind(): string {
    return procedureKind(this.procedure ?? this.view?.procedure ?? 'request')
  }

  private actor(entry: HistoryEntry) {
    const a = entry.actor
    if (a.kind !== 'user') return this.t('common.system')
    return this.t('exchange.history.user', { user: a.userId, authority: this.authorityName(a.authorityId) })
  }

  override render() {
    const entries = this.entries ?? this.view?.history
    if (entries === undefined) return this.error === undefined ? this.renderLoading() : this.renderError(this.error)
    if (entries.length === 0) return html`<p part="empty">${this.t('exchange.history.empty')}</p>`
    const kind = this.kind
    return html`<table part="table">
      <caption>
        ${this.t('exchange.history')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('exchange.history.date')}</th>
          <th scope="col">${this.t('exchange.history.action')}</th>
          <th scope="col">${this.t('exchange.history.from')}</th>
          <th scope="col">${this.t('exchange.history.to')}</th>
          <th scope="col">${this.t('exchange.history.actor')}</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) => html`<tr part="entry" data-action=${e.action}>
            <td><time datetime=${e.at}>${this.formatDate(e.at)}</time></td>
            <td>
              ${this.t(`exchange.event.${e.action}`)}
              ${e.justification === undefined ? nothing : html`<div class="justification">${this.t('exchange.history.justification')}: ${this.renderFreeText(e.justification)}</div>`}
              ${e.requestedBy === undefined ? nothing : html`<div class="justification">${this.t('actions.field.requestedBy')}: ${this.t(`actions.requester.${e.requestedBy}`)}</div>`}
            </td>
            <td>${e.from === undefined ? '—' : this.t(`status.${kind}.${e.from}`)}</td>
            <td>${this.t(`status.${kind}.${e.to}`)}</td>
            <td>${this.actor(e)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`
  }
}
