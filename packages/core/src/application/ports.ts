/**
 * The ports the application service runs on. Small structural interfaces owned by the core; the
 * storage adapters implement them (memory, PGlite, PostgreSQL).
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type { ExchangeId } from '../model/ids.js'
import type { ListingScope } from '../procedure/listing.js'
import type { EventEnvelope, ExchangeSummary, Notification, ProcedureId, Timer } from '../procedure/procedure.js'
import type { ReportDocument, ReportKind } from '../reports/model.js'

/**
 * An event as stored: its stream, its version within the stream (1-based) and its position in the
 * global order used by projections. Its personal data is back in place, or replaced by
 * `{ redacted: 'erased' }` once erased.
 *
 * @category ports
 */
export interface StoredEvent {
  readonly streamId: ExchangeId
  readonly version: number
  readonly position: number
  readonly event: EventEnvelope
}

/**
 * Append-only event streams, one per exchange.
 *
 * @category ports
 */
export interface EventStore {
  /** The events of one stream, in order; empty when the stream does not exist. */
  read(streamId: ExchangeId): Promise<ReadonlyArray<StoredEvent>>
  /** Events of every stream after a global position, in order, at most `limit`. */
  readAll(after: number, limit: number): Promise<ReadonlyArray<StoredEvent>>
}

/**
 * A query over the exchange summaries.
 *
 * @category ports
 */
export interface SummaryQuery {
  readonly procedure?: ProcedureId
  readonly statuses?: ReadonlyArray<string>
  /** Exchanges in which one of these authorities takes part. */
  readonly authorities?: ReadonlyArray<string>
  /** Only the exchanges this viewer finds in lists (see `isListedFor`). */
  readonly scope?: ListingScope
  readonly limit?: number
}

/**
 * The orders a search can be sorted in. Ties are broken by `exchangeId`, in the same direction, so
 * that every order is total and a keyset cursor is exact.
 * - `updated-desc`: last updated first;
 * - `created-desc`: last created first;
 * - `deadline-asc`: nearest deadline first, exchanges without a deadline last;
 * - `number-asc`: by number.
 *
 * @category ports
 */
export type SearchSort = 'updated-desc' | 'created-desc' | 'deadline-asc' | 'number-asc'

/**
 * A search over the exchange summaries, for one viewer, one page at a time (spec §6.14). Every
 * criterion given must hold; see `searchSummaries` for the reference semantics every storage follows.
 *
 * @category ports
 */
export interface SearchQuery {
  /** The viewer: only the exchanges it finds in lists (see `isListedFor`) are searched (SRCH-REQ-OWN-ALL). */
  readonly scope: ListingScope
  readonly procedure?: ProcedureId
  readonly statuses?: ReadonlyArray<string>
  /** Sent at or after this ISO-8601 instant (SRCH-REQ-CRITERIA). */
  readonly sentFrom?: string
  /** Sent strictly before this ISO-8601 instant. */
  readonly sentTo?: string
  /** Last updated at or after this ISO-8601 instant. */
  readonly updatedFrom?: string
  /** Last updated strictly before this ISO-8601 instant. */
  readonly updatedTo?: string
  /** Exchanges that involve one of these member states, sending or receiving (SRCH-REQ-CRITERIA). */
  readonly memberStates?: ReadonlyArray<string>
  /** Exchanges in which one of these authorities takes part. */
  readonly authorities?: ReadonlyArray<string>
  /** A case-insensitive substring of the summary's `searchText`. */
  readonly text?: string
  /**
   * A calendar date (`YYYY-MM-DD`): only exchanges whose deadline is before it and that are neither
   * closed nor drafts (SRCH-REQ-OVERDUE).
   */
  readonly overdueAt?: string
  readonly sort: SearchSort
  /** The page size, 1 to 200. */
  readonly limit: number
  /** The `next` cursor of the previous page; absent for the first page. */
  readonly after?: string
}

/**
 * One page of a search.
 *
 * @category ports
 */
export interface SearchPage {
  readonly items: ReadonlyArray<ExchangeSummary>
  /** An opaque cursor for the following page; absent when this page is the last. */
  readonly next?: string
}

/**
 * The counts of a viewer's dashboard; see `dashboardOf` for their definitions.
 *
 * @category ports
 */
export interface DashboardCounts {
  /** Drafts of the viewer's authority. */
  readonly drafts: number
  /** Exchanges addressed to the viewer's authority and sent in the last 15 days. */
  readonly receivedRecently: number
  /** Exchanges the viewer lists that were updated in the last 15 days. */
  readonly updatedRecently: number
  /** Exchanges addressed to the viewer's authority that wait for acceptance. */
  readonly toAccept: number
  /** Exchanges addressed to the viewer's authority that wait for its answer. */
  readonly toAnswer: number
}

/**
 * The summaries of exchanges, behind dashboards, action lists and search.
 *
 * @category ports
 */
export interface Projections {
  summary(id: ExchangeId): Promise<ExchangeSummary | undefined>
  find(query: SummaryQuery): Promise<ReadonlyArray<ExchangeSummary>>
  /** One page of a search, in the query's order; what `searchSummaries` gives over every summary. */
  search(query: SearchQuery): Promise<SearchPage>
  /** The dashboard of a viewer at `now`; what `dashboardOf` gives over every summary. */
  dashboard(scope: ListingScope, now: Date): Promise<DashboardCounts>
}

/**
 * Durable timers, fired by the worker as commands of the `system` actor.
 *
 * @category ports
 */
export interface TimerStore {
  /** Timers due at `now`, at most `limit`, claimed so that no other worker fires them meanwhile. */
  claimDue(now: Date, limit: number): Promise<ReadonlyArray<Timer>>
  /** Marks a claimed timer as fired; it never fires again. */
  complete(exchangeId: ExchangeId, timerId: string): Promise<void>
}

/**
 * A notification waiting in the outbox.
 *
 * @category ports
 */
export interface OutboxMessage {
  readonly id: number
  readonly notification: Notification
  readonly createdAt: string
  /** Failed delivery attempts recorded before this claim (0 for a fresh message; always set by `claimPending`). */
  readonly attempts?: number
  /** The error of the last failed attempt, if any. */
  readonly lastError?: string
}

/**
 * A message whose delivery failed for good, kept for administrators (the dead-letter state).
 *
 * @category ports
 */
export interface DeadLetter extends OutboxMessage {
  readonly attempts: number
  readonly lastError: string
  /** ISO-8601 instant at which it was given up. */
  readonly failedAt: string
}

/**
 * Notifications waiting to be delivered, written in the same transaction as the events.
 *
 * @category ports
 */
export interface Outbox {
  /** Messages due for delivery (new, or failed with a retry instant now passed), claimed with a lease. */
  claimPending(limit: number): Promise<ReadonlyArray<OutboxMessage>>
  markDelivered(id: number): Promise<void>
  /**
   * Records a failed delivery of a claimed message: its `attempts` grow by one and `lastError` is
   * kept; the message is offered again from `retryAt` (an ISO-8601 instant), or, without `retryAt`,
   * moves to the dead letters. Nothing happens for a message delivered or already dead.
   */
  markFailed(id: number, failure: { readonly error: string; readonly retryAt?: string }): Promise<void>
  /** The dead letters, oldest first (by the instant they were given up, then id), at most `limit`. */
  deadLetters(limit: number): Promise<ReadonlyArray<DeadLetter>>
  /**
   * Puts a dead letter back into the queue, due at once, its `attempts` and `lastError` kept. Nothing
   * happens for a message that is not a dead letter.
   */
  requeue(id: number): Promise<void>
}

/**
 * The stored record of one account of the built-in IMI login: its username and user, and the
 * login module's own data (hashes, counters, sealed security code) as an opaque JSON value.
 *
 * @category ports
 */
export interface AccountRecord {
  /** Unique and case-sensitive (LOGIN-USERNAME-UNIQUE). */
  readonly username: string
  readonly userId: string
  /** 1 for a new record; each write increments it. */
  readonly version: number
  readonly data: unknown
}

/**
 * Accounts of the built-in login. Writes are optimistic: a write with a stale version is refused, so
 * that two concurrent failed attempts both count (LOGIN-FIVE-ATTEMPTS).
 *
 * @category ports
 */
export interface AccountStore {
  byUsername(username: string): Promise<AccountRecord | undefined>
  byUser(userId: string): Promise<AccountRecord | undefined>
  /**
   * Creates (`expectedVersion` 0) or replaces the record; `false` when the stored version is not
   * `expectedVersion` or, for a creation, the username or user already has an account.
   */
  save(record: { readonly username: string; readonly userId: string; readonly data: unknown }, expectedVersion: number): Promise<boolean>
}

/**
 * One login session. The id is a hash of the secret token the client holds, never the token itself.
 *
 * @category ports
 */
export interface SessionRecord {
  readonly id: string
  readonly userId: string
  readonly authorityId: string
  /** The anti-CSRF token bound to the session. */
  readonly csrf: string
  readonly createdAt: string
  readonly lastSeenAt: string
  /** The session ends at this instant unless used before (idle expiry). */
  readonly expiresAt: string
}

/**
 * Login sessions.
 *
 * @category ports
 */
export interface SessionStore {
  create(session: SessionRecord): Promise<void>
  get(id: string): Promise<SessionRecord | undefined>
  /** Records use of a session, pushing its idle expiry. */
  touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void>
  delete(id: string): Promise<void>
  /** Ends every session of a user (password reset, blocking). */
  deleteForUser(userId: string): Promise<void>
}

/**
 * What the activity panel lists of a generated report: everything but its content, and nothing
 * personal.
 *
 * @category ports
 */
export interface ReportListing {
  readonly id: string
  /** The user who generated it; only they may read or delete it. */
  readonly ownerId: string
  readonly exchangeId: ExchangeId
  /** The exchange number, for the list. */
  readonly number: string
  readonly kind: ReportKind
  readonly language: string
  readonly title: string
  /** True when its content holds personal data: sealed with the exchange's personal data, and gone with it. */
  readonly containsPersonalData: boolean
  /** ISO-8601 instants; the report is available strictly before `expiresAt` (SRCH-REPORT-30-DAYS). */
  readonly createdAt: string
  readonly expiresAt: string
}

/**
 * A generated report as stored: its listing and its document.
 *
 * @category ports
 */
export interface ReportRecord extends ReportListing {
  readonly document: ReportDocument
}

/**
 * Generated reports, kept per user for 30 days (the activity panel). A report holding personal data
 * is kept with its exchange's personal data: when that is erased (`Changes.erasePersonalData`) or the
 * exchange deleted (`Changes.erase`), the report goes too (RET-PD-REPORTS-AFTER-PURGE).
 *
 * @category ports
 */
export interface ReportStore {
  /**
   * Stores a new report; `false`, storing nothing, when its exchange no longer exists. A report with
   * personal data is sealed under the exchange's personal-data key where the storage has one.
   */
  save(report: ReportRecord): Promise<boolean>
  /** The report, or `undefined` when there is none, it expired at `now`, or its content is gone with the exchange's personal data. */
  get(id: string, now: Date): Promise<ReportRecord | undefined>
  /** The reports of one user not expired at `now`, newest first. */
  listFor(ownerId: string, now: Date): Promise<ReadonlyArray<ReportListing>>
  /** Deletes one report; `false` when there was none. */
  delete(id: string): Promise<boolean>
  /** Deletes the reports of an exchange, or only those holding personal data. Returns how many. */
  deleteForExchange(exchangeId: ExchangeId, options?: { readonly personalDataOnly?: boolean }): Promise<number>
  /** Deletes every report expired at `now` (SRCH-REPORT-EXPIRED-DELETED). Returns how many. */
  deleteExpired(now: Date): Promise<number>
}

/**
 * Everything one command changes, written atomically: events of one or more streams (a split starts
 * one), erased drafts, the timers and summaries of the exchanges touched, and notifications.
 *
 * @category ports
 */
export interface Changes {
  /** The instant of the command (ISO-8601), from the application's clock. */
  readonly at: string
  readonly appends: ReadonlyArray<{
    readonly streamId: ExchangeId
    readonly procedure: ProcedureId
    /** The version the stream must have now: 0 for a new stream. */
    readonly expectedVersion: number
    /** The events, their personal data replaced by references (see `extractPersonalData`). */
    readonly events: ReadonlyArray<EventEnvelope>
    /**
     * The personal data taken out of each event, index for index; an empty list for an event with
     * none. Storage keeps it apart from the events (a vault), so that erasing it removes the personal
     * data from an append-only log; reads put it back with `restorePersonalData`.
     */
    readonly personal: ReadonlyArray<ReadonlyArray<unknown>>
  }>
  /** Exchanges whose vaulted personal data is erased for good: reads then show `{ redacted: 'erased' }`. */
  readonly erasePersonalData: ReadonlyArray<ExchangeId>
  /** Streams deleted with no trace (drafts), with their expected version. */
  readonly erase: ReadonlyArray<{ readonly streamId: ExchangeId; readonly expectedVersion: number }>
  /** The full set of pending timers of each exchange touched; it replaces the previous set. */
  readonly timers: ReadonlyArray<{ readonly exchangeId: ExchangeId; readonly timers: ReadonlyArray<Timer> }>
  readonly notifications: ReadonlyArray<Notification>
  readonly summaries: ReadonlyArray<ExchangeSummary>
}

/**
 * A stream did not have the expected version: someone else wrote first. Nothing was written.
 *
 * @category ports
 */
export interface ConcurrencyConflict {
  readonly _tag: 'ConcurrencyConflict'
  readonly streamId: ExchangeId
  readonly expectedVersion: number
  readonly actualVersion: number
}

/**
 * The storage behind an application: its stores and the atomic commit of a command's changes.
 *
 * @category ports
 */
export interface Storage {
  readonly events: EventStore
  readonly projections: Projections
  readonly timers: TimerStore
  readonly outbox: Outbox
  /** The accounts of the built-in login, where the adapter keeps them. */
  readonly accounts?: AccountStore
  /** Login sessions, where the adapter keeps them. */
  readonly sessions?: SessionStore
  /** Generated reports (the activity panel), where the adapter keeps them. */
  readonly reports?: ReportStore
  commit(changes: Changes): Promise<Either<ConcurrencyConflict, void>>
}

/**
 * The source of the current instant.
 *
 * @category ports
 */
export interface Clock {
  now(): Date
}

/**
 * A fixed clock for tests and replays; `set` and `advance` move it.
 *
 * @example
 * ```ts
 * import { fixedClock } from '@imi-kit/core'
 * const clock = fixedClock(new Date('2026-01-05T09:00:00Z'))
 * clock.advance(60_000)
 * clock.now().toISOString() // '2026-01-05T09:01:00.000Z'
 * ```
 * @category constructors
 */
export const fixedClock = (start: Date): Clock & { set(d: Date): void; advance(ms: number): void } => {
  let t = start.getTime()
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime()
    },
    advance: (ms) => {
      t += ms
    },
  }
}
