/**
 * Search and dashboards over exchange summaries, as pure functions. They define what the storage
 * adapters compute in storage: the adapters' contract suite holds every storage equal to them.
 *
 * @module
 */
import type { DashboardCounts, SearchPage, SearchQuery, SearchSort } from '../application/ports.js'
import type { ListingScope } from './listing.js'
import { isListedFor } from './listing.js'
import type { ExchangeSummary } from './procedure.js'

// model

/**
 * The position of a summary in a search order: its sort key and its exchange id. A cursor is the
 * position of the last item of a page.
 *
 * @category model
 */
export interface SearchKey {
  /** An ISO-8601 instant (`updated-desc`, `created-desc`), a `YYYY-MM-DD` date (`deadline-asc`) or a number (`number-asc`). */
  readonly key: string
  readonly exchangeId: string
}

/**
 * The days counted as "recently" by the dashboard (spec §6.13: received and updated in the last 15 days).
 *
 * @category constants
 */
export const DASHBOARD_RECENT_DAYS = 15

/**
 * The statuses in which the responding authority owes an answer.
 *
 * @category constants
 */
export const TO_ANSWER_STATUSES: ReadonlyArray<string> = ['accepted', 'additional-info-requested', 'returned-after-arbitration']

// An exchange without a deadline sorts after every real date in `deadline-asc`.
const NO_DEADLINE = '9999-12-31'
const MAX_LIMIT = 200
const DAY_MS = 24 * 60 * 60 * 1000

// queries

/**
 * The position of a summary in a sort order.
 *
 * @category queries
 */
export const searchKey = (s: ExchangeSummary, sort: SearchSort): SearchKey => {
  switch (sort) {
    case 'updated-desc':
      return { key: s.updatedAt, exchangeId: s.exchangeId }
    case 'created-desc':
      return { key: s.createdAt, exchangeId: s.exchangeId }
    case 'deadline-asc':
      return { key: s.deadline ?? NO_DEADLINE, exchangeId: s.exchangeId }
    case 'number-asc':
      return { key: s.number, exchangeId: s.exchangeId }
  }
}

// Strings compare by UTF-16 code unit, which is PostgreSQL's `COLLATE "C"` order for the ids and numbers in use.
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Negative when `a` comes first in the order. */
const compareKeys = (sort: SearchSort, a: SearchKey, b: SearchKey): number => {
  const instant = sort === 'updated-desc' || sort === 'created-desc'
  const byKey = instant ? Date.parse(a.key) - Date.parse(b.key) : compareStrings(a.key, b.key)
  const ascending = byKey !== 0 ? byKey : compareStrings(a.exchangeId, b.exchangeId)
  return sort === 'updated-desc' || sort === 'created-desc' ? -ascending : ascending
}

/**
 * The cursor of a position: opaque to clients, URL-safe.
 *
 * @category queries
 */
export const encodeSearchCursor = (position: SearchKey): string => encodeURIComponent(JSON.stringify([position.key, position.exchangeId]))

/**
 * The position a cursor stands for; throws a `RangeError` for a string that is not a cursor.
 *
 * @category queries
 */
export const decodeSearchCursor = (cursor: string): SearchKey => {
  let parsed: unknown
  try {
    parsed = JSON.parse(decodeURIComponent(cursor))
  } catch (_error) {
    throw new RangeError('Not a search cursor')
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') throw new RangeError('Not a search cursor')
  return { key: parsed[0], exchangeId: parsed[1] }
}

const overlaps = (xs: ReadonlyArray<string>, ys: ReadonlyArray<string> | undefined) => ys === undefined || xs.some((x) => ys.includes(x))
const atOrAfter = (at: string | undefined, from: string | undefined) => from === undefined || (at !== undefined && Date.parse(at) >= Date.parse(from))
const before = (at: string | undefined, to: string | undefined) => to === undefined || (at !== undefined && Date.parse(at) < Date.parse(to))

/**
 * True when a summary meets every criterion of a query, its scope included; the cursor, sort and
 * limit aside.
 *
 * @category queries
 */
export const matchesSearch = (s: ExchangeSummary, q: SearchQuery): boolean =>
  isListedFor(s, q.scope) &&
  (q.procedure === undefined || s.procedure === q.procedure) &&
  (q.statuses === undefined || q.statuses.includes(s.status)) &&
  atOrAfter(s.sentAt, q.sentFrom) &&
  before(s.sentAt, q.sentTo) &&
  atOrAfter(s.updatedAt, q.updatedFrom) &&
  before(s.updatedAt, q.updatedTo) &&
  overlaps(s.memberStates, q.memberStates) &&
  overlaps(s.authorities, q.authorities) &&
  (q.text === undefined || s.searchText.toLowerCase().includes(q.text.toLowerCase())) &&
  (q.overdueAt === undefined || (s.deadline !== undefined && s.deadline < q.overdueAt && s.closedAt === undefined && s.status !== 'draft'))

/**
 * One page of a search over all summaries: those matching the query, in its order (ties broken by
 * exchange id), after the cursor, at most `limit`; `next` is the cursor of the last item when more
 * follow. Paging with `next` until it is absent yields each match exactly once. Throws a `RangeError`
 * for a limit outside 1–200 or an invalid cursor.
 *
 * @example
 * ```ts
 * import { authorityId, searchSummaries } from '@imi-kit/core'
 * import type { ListingScope } from '@imi-kit/core'
 * const scope: ListingScope = { authorityId: authorityId('fr-ca'), memberState: 'FR', participantAreas: ['*'], coordinatorAreas: [], observerAreas: [], sameStateAreas: [] }
 * searchSummaries([], { scope, sort: 'updated-desc', limit: 20 }) // { items: [] }
 * ```
 * @category queries
 */
export const searchSummaries = (all: Iterable<ExchangeSummary>, q: SearchQuery): SearchPage => {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_LIMIT) throw new RangeError(`The limit of a search is 1 to ${MAX_LIMIT}`)
  const after = q.after === undefined ? undefined : decodeSearchCursor(q.after)
  const sorted = [...all]
    .filter((s) => matchesSearch(s, q) && (after === undefined || compareKeys(q.sort, searchKey(s, q.sort), after) > 0))
    .sort((a, b) => compareKeys(q.sort, searchKey(a, q.sort), searchKey(b, q.sort)))
  const items = sorted.slice(0, q.limit)
  const last = items.at(-1)
  return sorted.length > q.limit && last !== undefined ? { items, next: encodeSearchCursor(searchKey(last, q.sort)) } : { items }
}

/**
 * The dashboard of a viewer at `now`, among the summaries it lists (spec §6.13):
 * - `drafts`: drafts its authority started;
 * - `receivedRecently`: addressed to its authority, sent in the last 15 days;
 * - `updatedRecently`: updated in the last 15 days;
 * - `toAccept`: addressed to its authority, awaiting acceptance;
 * - `toAnswer`: addressed to its authority, in one of {@link TO_ANSWER_STATUSES}.
 *
 * @category queries
 */
export const dashboardOf = (summaries: Iterable<ExchangeSummary>, scope: ListingScope, now: Date): DashboardCounts => {
  const since = now.getTime() - DASHBOARD_RECENT_DAYS * DAY_MS
  const me = scope.authorityId
  const counts = { drafts: 0, receivedRecently: 0, updatedRecently: 0, toAccept: 0, toAnswer: 0 }
  for (const s of summaries) {
    if (!isListedFor(s, scope)) continue
    const addressed = s.respondingAuthority === me
    if (s.status === 'draft' && s.requestingAuthority === me) counts.drafts++
    if (addressed && s.sentAt !== undefined && Date.parse(s.sentAt) >= since) counts.receivedRecently++
    if (Date.parse(s.updatedAt) >= since) counts.updatedRecently++
    if (addressed && s.status === 'awaiting-acceptance') counts.toAccept++
    if (addressed && TO_ANSWER_STATUSES.includes(s.status)) counts.toAnswer++
  }
  return counts
}
