/**
 * The search a client asks for, validated at the boundary: everything of a `SearchQuery` but the
 * scope, which the server derives from the authenticated viewer and never takes from the client.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { SearchQuery, SearchSort } from '../application/ports.js'
import type { DomainError } from '../model/errors.js'
import { domainError, invalidInput } from '../model/errors.js'
import { decodeSearchCursor } from '../procedure/search.js'

const Instant = t.refinement(t.string, (s) => s.length <= 40 && !Number.isNaN(Date.parse(s)), 'Instant')
const CalendarDate = t.refinement(t.string, (s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'CalendarDate')
const Short = t.refinement(t.string, (s) => s.length > 0 && s.length <= 200, 'ShortString')
const Limit = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1 && n <= 200, 'Limit (1-200)')
const Strings = t.refinement(t.readonlyArray(Short), (a) => a.length <= 50, 'StringList')

/** Codec of {@link SearchInput}. @category codecs */
export const SearchInputCodec = t.readonly(
  t.intersection([
    t.type({ sort: t.keyof({ 'updated-desc': null, 'created-desc': null, 'deadline-asc': null, 'number-asc': null }), limit: Limit }),
    t.partial({
      procedure: Short,
      statuses: Strings,
      sentFrom: Instant,
      sentTo: Instant,
      updatedFrom: Instant,
      updatedTo: Instant,
      memberStates: Strings,
      authorities: Strings,
      text: t.refinement(t.string, (s) => s.length <= 200, 'SearchText'),
      overdueAt: CalendarDate,
      after: t.refinement(t.string, (s) => s.length <= 1000, 'Cursor'),
    }),
  ]),
  'SearchInput',
)

/**
 * A search as a client asks for it: a `SearchQuery` without its scope.
 *
 * @category client
 */
export type SearchInput = Omit<SearchQuery, 'scope'> & { readonly sort: SearchSort }

/**
 * Validates a client's search: the criteria's types, a limit of 1 to 200 and a cursor the previous
 * page returned. Never throws: a bad input is a `search.invalid` or `search.bad-cursor` error.
 *
 * @example
 * ```ts
 * import { decodeSearchInput } from '@imi-kit/core'
 * decodeSearchInput({ sort: 'updated-desc', limit: 500 })._tag // 'Left'
 * ```
 * @category client
 */
export const decodeSearchInput = (u: unknown): E.Either<DomainError, SearchInput> => {
  const decoded = SearchInputCodec.decode(u)
  if (E.isLeft(decoded)) return E.left(invalidInput('search', decoded.left))
  const input = decoded.right as SearchInput
  if (input.after !== undefined) {
    try {
      decodeSearchCursor(input.after)
    } catch {
      return E.left(domainError('search.bad-cursor', 'The cursor is not one a previous page returned'))
    }
  }
  return E.right(input)
}
