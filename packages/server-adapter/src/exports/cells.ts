/**
 * The cells of one exported row, read from what `view` shows the viewer and nothing else: the
 * view's summary (which holds no personal data by design) and its displayed status.
 *
 * @module
 */
import type { AuthorityId, Directory, ExchangeView, Language, LegislativeAreaId } from '@imi-kit/core'
import { LEGISLATIVE_AREAS } from '@imi-kit/core'
import type { ExportColumn, ExportLabels } from './labels.js'
import { UNKNOWN_LABEL, label, procedureLabel, statusLabel } from './labels.js'

/** One cell: text, a date (an ISO-8601 instant or a `YYYY-MM-DD` calendar date), or nothing. */
export type ExportCell = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'date'; readonly value: string } | { readonly kind: 'empty' }

/** What a cell needs besides the view: the language, names from the directory, extra labels. */
export interface CellContext {
  readonly language: Language
  readonly directory: Pick<Directory, 'authority' | 'legislativeArea'>
  readonly labels?: ExportLabels
}

const EMPTY: ExportCell = { kind: 'empty' }
const text = (value: string | undefined): ExportCell => (value === undefined || value === '' ? EMPTY : { kind: 'text', text: value })
const date = (value: string | undefined): ExportCell => (value === undefined ? EMPTY : { kind: 'date', value })

// Authority names may hold commas; a semicolon separates the items of a list cell.
const LIST_SEPARATOR = '; '

const authorityName = (ctx: CellContext, id: AuthorityId): string => ctx.directory.authority(id)?.name ?? id

const legislativeAreaName = (ctx: CellContext, id: LegislativeAreaId): string => {
  const area = ctx.directory.legislativeArea(id) ?? LEGISLATIVE_AREAS.find((a) => a.id === id)
  return area === undefined ? id : label(area.name, ctx.language)
}

/** The cell of `column` for a row the viewer may see. */
export const cellOf = (column: ExportColumn, view: ExchangeView, ctx: CellContext): ExportCell => {
  const s = view.summary
  switch (column) {
    case 'number':
      return text(view.number)
    case 'procedure':
      return text(procedureLabel(view.procedure, ctx.language, ctx.labels))
    case 'status':
      return text(statusLabel(view.procedure, view.displayedStatus, ctx.language, ctx.labels))
    case 'legislativeArea':
      return text(legislativeAreaName(ctx, s.legislativeArea))
    case 'initiatingAuthority':
      return text(s.requestingAuthority === undefined ? undefined : authorityName(ctx, s.requestingAuthority))
    case 'authorities':
      return text(s.authorities.map((a) => authorityName(ctx, a)).join(LIST_SEPARATOR))
    case 'memberStates':
      return text(s.memberStates.join(LIST_SEPARATOR))
    case 'createdAt':
      return date(s.createdAt)
    case 'updatedAt':
      return date(s.updatedAt)
    case 'sentAt':
      return date(s.sentAt)
    case 'closedAt':
      return date(s.closedAt)
    case 'deadline':
      return date(s.deadline)
    case 'serviceActivity':
      return text(s.details?.serviceActivity)
    case 'establishment': {
      const mse = s.details?.establishment
      return mse === 'unknown' ? text(label(UNKNOWN_LABEL, ctx.language)) : text(mse)
    }
  }
}
