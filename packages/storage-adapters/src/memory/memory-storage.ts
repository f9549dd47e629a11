/**
 * The in-memory storage: every port of the core in plain maps. For unit and property tests, examples
 * and in-browser demos; it keeps nothing across restarts.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type {
  AccountRecord,
  AccountStore,
  Changes,
  EventEnvelope,
  Clock,
  ConcurrencyConflict,
  DeadLetter,
  ExchangeId,
  ExchangeSummary,
  OutboxMessage,
  ReportListing,
  ReportRecord,
  ReportStore,
  SessionRecord,
  SessionStore,
  Storage,
  StoredEvent,
  SummaryQuery,
  Timer,
} from '@imi-kit/core'
import { dashboardOf, isListedFor, isReportAvailable, restorePersonalData, searchSummaries } from '@imi-kit/core'
import type { SummaryReplacement } from '../rebuild/rebuild-target.js'

/**
 * The options of {@link createMemoryStorage}.
 *
 * @category memory
 */
export interface MemoryStorageOptions {
  /** How long a claimed timer or outbox message stays claimed, in milliseconds. Default 60,000. */
  readonly leaseMs?: number
  /** The clock of outbox leases, retries and dead letters. Default: the system clock. */
  readonly clock?: Clock
}

/**
 * The in-memory storage, with a few read-outs for tests.
 *
 * @category memory
 */
export interface MemoryStorage extends Storage, SummaryReplacement {
  readonly accounts: AccountStore
  readonly sessions: SessionStore
  readonly reports: ReportStore
  /** Every pending timer, for inspection. */
  pendingTimers(): ReadonlyArray<Timer>
  /**
   * Every undelivered outbox message that is not a dead letter, for inspection; `attempts` and
   * `lastError` appear once a delivery has failed.
   */
  pendingOutbox(): ReadonlyArray<OutboxMessage>
  /** The number of streams. */
  streamCount(): number
}

/**
 * Creates an empty in-memory storage. A commit is atomic: it checks every expected version before it
 * writes anything.
 *
 * @example
 * ```ts
 * import { createMemoryStorage } from '@imi-kit/storage-adapters'
 * const storage = createMemoryStorage()
 * storage.streamCount() // 0
 * ```
 * @category memory
 */
export const createMemoryStorage = (options: MemoryStorageOptions = {}): MemoryStorage => {
  const leaseMs = options.leaseMs ?? 60_000
  const clock = options.clock ?? { now: () => new Date() }
  const leaseFrom = (now: Date) => new Date(now.getTime() + leaseMs).toISOString()
  // A claim lasts until its lease ends: a worker that crashed before completing lets another take over.
  const claimable = (claimedUntil: string | undefined, now: Date) => claimedUntil === undefined || claimedUntil <= now.toISOString()
  const streams = new Map<ExchangeId, StoredEvent[]>()
  // The personal data of each event, kept apart from the events, by stream and version.
  const vault = new Map<string, ReadonlyArray<unknown>>()
  const vaultKey = (streamId: ExchangeId, version: number) => `${streamId}\u0000${version}`
  // Events written with no personal data carry no reference and are returned as they are.
  const withRefs = new Set<string>()
  const restored = (e: StoredEvent): StoredEvent => {
    const key = vaultKey(e.streamId, e.version)
    return withRefs.has(key) ? { ...e, event: restorePersonalData(e.event, vault.get(key)) as EventEnvelope } : e
  }
  const log: StoredEvent[] = []
  const summaries = new Map<ExchangeId, ExchangeSummary>()
  // Timers are grouped by exchange, so that replacing an exchange's set costs in proportion to that set.
  const timers = new Map<ExchangeId, Map<string, Timer & { claimedUntil?: string }>>()
  // An outbox message with its delivery state: claimed until, retried from, given up at.
  interface QueuedMessage {
    readonly id: number
    readonly notification: OutboxMessage['notification']
    readonly createdAt: string
    attempts: number
    lastError?: string
    claimedUntil?: string
    retryAt?: string
    deadAt?: string
  }
  const outbox = new Map<number, QueuedMessage>()
  const messageOf = (m: QueuedMessage): OutboxMessage => ({
    id: m.id,
    notification: m.notification,
    createdAt: m.createdAt,
    ...(m.attempts > 0 ? { attempts: m.attempts } : {}),
    ...(m.lastError === undefined ? {} : { lastError: m.lastError }),
  })
  // Accounts by username (case-sensitive, as stored) and the username of each user.
  const accounts = new Map<string, AccountRecord>()
  const usernameOfUser = new Map<string, string>()
  const sessions = new Map<string, SessionRecord>()
  // Generated reports by id. One holding personal data goes with its exchange's personal data.
  const reports = new Map<string, ReportRecord>()
  const dropReports = (exchangeId: ExchangeId, personalDataOnly: boolean): number => {
    let n = 0
    for (const [id, r] of reports)
      if (r.exchangeId === exchangeId && (!personalDataOnly || r.containsPersonalData)) {
        reports.delete(id)
        n++
      }
    return n
  }
  const listingOf = ({ document: _d, ...listing }: ReportRecord): ReportListing => listing
  // Stored values are copies, so that a caller changing an object it passed or got changes nothing here.
  const copy = <T>(value: T): T => structuredClone(value)
  let position = 0
  let outboxId = 0
  const allTimers = () => [...timers.values()].flatMap((m) => [...m.values()])

  const commit = async (changes: Changes): Promise<E.Either<ConcurrencyConflict, void>> => {
    for (const a of [...changes.appends, ...changes.erase]) {
      const actual = streams.get(a.streamId)?.length ?? 0
      if (actual !== a.expectedVersion)
        return E.left({ _tag: 'ConcurrencyConflict', streamId: a.streamId, expectedVersion: a.expectedVersion, actualVersion: actual })
    }
    for (const a of changes.appends) {
      const stream = streams.get(a.streamId) ?? []
      a.events.forEach((event, i) => {
        const stored: StoredEvent = { streamId: a.streamId, version: stream.length + 1, position: ++position, event }
        const personal = a.personal[i] ?? []
        if (personal.length > 0) {
          vault.set(vaultKey(a.streamId, stored.version), personal)
          withRefs.add(vaultKey(a.streamId, stored.version))
        }
        stream.push(stored)
        log.push(stored)
      })
      streams.set(a.streamId, stream)
    }
    // Erasing the vault entries leaves only references in the events: reads show them as erased.
    for (const id of changes.erasePersonalData) {
      for (const e of streams.get(id) ?? []) vault.delete(vaultKey(id, e.version))
      // Reports holding the exchange's personal data go with it (RET-PD-REPORTS-AFTER-PURGE).
      dropReports(id, true)
    }
    for (const e of changes.erase) {
      // A deleted draft leaves no trace: its events, summary and timers go (REQ-DRAFT-DELETE).
      for (const stored of streams.get(e.streamId) ?? []) {
        vault.delete(vaultKey(e.streamId, stored.version))
        withRefs.delete(vaultKey(e.streamId, stored.version))
      }
      streams.delete(e.streamId)
      summaries.delete(e.streamId)
      dropReports(e.streamId, false)
      for (let i = log.length - 1; i >= 0; i--) if (log[i]?.streamId === e.streamId) log.splice(i, 1)
      timers.delete(e.streamId)
    }
    for (const { exchangeId, timers: set } of changes.timers) {
      const old = timers.get(exchangeId)
      // A timer that keeps its due instant keeps its claim; a moved one may fire again.
      const next = new Map(set.map((t) => [t.id, { ...t, claimedUntil: old?.get(t.id)?.dueAt === t.dueAt ? old.get(t.id)?.claimedUntil : undefined }]))
      if (next.size === 0) timers.delete(exchangeId)
      else timers.set(exchangeId, next)
    }
    for (const s of changes.summaries) if (streams.has(s.exchangeId)) summaries.set(s.exchangeId, s)
    for (const n of changes.notifications) {
      const id = ++outboxId
      outbox.set(id, { id, notification: n, createdAt: changes.at, attempts: 0 })
    }
    return E.right(undefined)
  }

  const matches = (s: ExchangeSummary, q: SummaryQuery) =>
    (q.procedure === undefined || s.procedure === q.procedure) &&
    (q.statuses === undefined || q.statuses.includes(s.status)) &&
    (q.authorities === undefined || s.authorities.some((a) => q.authorities?.includes(a))) &&
    (q.scope === undefined || isListedFor(s, q.scope))

  return {
    events: {
      read: async (id) => (streams.get(id) ?? []).map(restored),
      readAll: async (after, limit) => log.filter((e) => e.position > after).slice(0, limit).map(restored),
    },
    projections: {
      summary: async (id) => summaries.get(id),
      find: async (q) => [...summaries.values()].filter((s) => matches(s, q)).slice(0, q.limit ?? Number.MAX_SAFE_INTEGER),
      search: async (q) => searchSummaries(summaries.values(), q),
      dashboard: async (scope, now) => dashboardOf(summaries.values(), scope, now),
    },
    replaceSummaries: async (next) => {
      summaries.clear()
      for (const s of next) if (streams.has(s.exchangeId)) summaries.set(s.exchangeId, s)
    },
    timers: {
      claimDue: async (now, limit) => {
        const due = allTimers()
          .filter((t) => claimable(t.claimedUntil, now) && t.dueAt <= now.toISOString())
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
          .slice(0, limit)
        for (const t of due) t.claimedUntil = leaseFrom(now)
        return due.map(({ claimedUntil: _c, ...t }) => t)
      },
      complete: async (exchangeId, id) => {
        timers.get(exchangeId)?.delete(id)
      },
    },
    outbox: {
      claimPending: async (limit) => {
        const now = clock.now()
        const due = (m: QueuedMessage) =>
          m.deadAt === undefined && claimable(m.claimedUntil, now) && (m.retryAt === undefined || Date.parse(m.retryAt) <= now.getTime())
        const pending = [...outbox.values()].filter(due).slice(0, limit)
        for (const m of pending) m.claimedUntil = leaseFrom(now)
        return pending.map((m) => ({ ...messageOf(m), attempts: m.attempts }))
      },
      markDelivered: async (id) => {
        outbox.delete(id)
      },
      markFailed: async (id, failure) => {
        const m = outbox.get(id)
        if (m === undefined || m.deadAt !== undefined) return
        m.attempts += 1
        m.lastError = failure.error
        m.claimedUntil = undefined
        // Without a retry instant the message is given up: a dead letter, never claimed again until requeued.
        if (failure.retryAt === undefined) {
          m.retryAt = undefined
          m.deadAt = clock.now().toISOString()
        } else m.retryAt = failure.retryAt
      },
      deadLetters: async (limit) =>
        [...outbox.values()]
          .flatMap((m): DeadLetter[] =>
            m.deadAt === undefined ? [] : [{ ...messageOf(m), attempts: m.attempts, lastError: m.lastError ?? '', failedAt: m.deadAt }],
          )
          .sort((a, b) => a.failedAt.localeCompare(b.failedAt) || a.id - b.id)
          .slice(0, limit),
      requeue: async (id) => {
        const m = outbox.get(id)
        if (m === undefined || m.deadAt === undefined) return
        // Its attempts and last error are kept; it is due at once.
        m.deadAt = undefined
        m.retryAt = undefined
        m.claimedUntil = undefined
      },
    },
    accounts: {
      byUsername: async (username) => {
        const found = accounts.get(username)
        return found === undefined ? undefined : copy(found)
      },
      byUser: async (userId) => {
        const username = usernameOfUser.get(userId)
        const found = username === undefined ? undefined : accounts.get(username)
        return found === undefined ? undefined : copy(found)
      },
      save: async (record, expectedVersion) => {
        const current = accounts.get(record.username)
        const owner = usernameOfUser.get(record.userId)
        if (expectedVersion === 0) {
          if (current !== undefined || owner !== undefined) return false
        } else {
          if (current === undefined || current.version !== expectedVersion) return false
          // A user has one account: another account's user cannot be taken over.
          if (owner !== undefined && owner !== record.username) return false
          usernameOfUser.delete(current.userId)
        }
        accounts.set(record.username, { username: record.username, userId: record.userId, version: expectedVersion + 1, data: copy(record.data) })
        usernameOfUser.set(record.userId, record.username)
        return true
      },
    },
    sessions: {
      create: async (session) => {
        // Like the SQL storages' primary key: a session is never silently replaced.
        if (sessions.has(session.id)) throw new Error(`session already exists`)
        sessions.set(session.id, copy(session))
      },
      get: async (id) => {
        const found = sessions.get(id)
        return found === undefined ? undefined : copy(found)
      },
      touch: async (id, lastSeenAt, expiresAt) => {
        const found = sessions.get(id)
        if (found !== undefined) sessions.set(id, { ...found, lastSeenAt, expiresAt })
      },
      delete: async (id) => {
        sessions.delete(id)
      },
      deleteForUser: async (userId) => {
        for (const [id, s] of sessions) if (s.userId === userId) sessions.delete(id)
      },
    },
    reports: {
      save: async (report) => {
        if (!streams.has(report.exchangeId)) return false
        // Like the SQL storages' primary key: a report is never silently replaced.
        if (reports.has(report.id)) throw new Error('report already exists')
        reports.set(report.id, copy(report))
        return true
      },
      get: async (id, now) => {
        const r = reports.get(id)
        return r === undefined || !isReportAvailable(r.expiresAt, now) ? undefined : copy(r)
      },
      listFor: async (ownerId, now) =>
        [...reports.values()]
          .filter((r) => r.ownerId === ownerId && isReportAvailable(r.expiresAt, now))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((r) => copy(listingOf(r))),
      delete: async (id) => reports.delete(id),
      deleteForExchange: async (exchangeId, options = {}) => dropReports(exchangeId, options.personalDataOnly === true),
      deleteExpired: async (now) => {
        let n = 0
        for (const [id, r] of reports)
          if (!isReportAvailable(r.expiresAt, now)) {
            reports.delete(id)
            n++
          }
        return n
      },
    },
    commit,
    pendingTimers: () => allTimers().map(({ claimedUntil: _c, ...t }) => t),
    pendingOutbox: () => [...outbox.values()].filter((m) => m.deadAt === undefined).map(messageOf),
    streamCount: () => streams.size,
  }
}
