/**
 * The in-memory storage: every port of the core in plain maps. For unit and property tests, examples
 * and in-browser demos; it keeps nothing across restarts.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type {
  Changes,
  EventEnvelope,
  Clock,
  ConcurrencyConflict,
  ExchangeId,
  ExchangeSummary,
  OutboxMessage,
  Storage,
  StoredEvent,
  SummaryQuery,
  Timer,
} from '@imi-kit/core'
import { dashboardOf, isListedFor, restorePersonalData, searchSummaries } from '@imi-kit/core'
import type { SummaryReplacement } from '../rebuild/rebuild-target.js'

/**
 * The options of {@link createMemoryStorage}.
 *
 * @category memory
 */
export interface MemoryStorageOptions {
  /** How long a claimed timer or outbox message stays claimed, in milliseconds. Default 60,000. */
  readonly leaseMs?: number
  /** The clock of outbox leases. Default: the system clock. */
  readonly clock?: Clock
}

/**
 * The in-memory storage, with a few read-outs for tests.
 *
 * @category memory
 */
export interface MemoryStorage extends Storage, SummaryReplacement {
  /** Every pending timer, for inspection. */
  pendingTimers(): ReadonlyArray<Timer>
  /** Every undelivered outbox message, for inspection. */
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
  const outbox = new Map<number, OutboxMessage & { claimedUntil?: string }>()
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
    for (const id of changes.erasePersonalData) for (const e of streams.get(id) ?? []) vault.delete(vaultKey(id, e.version))
    for (const e of changes.erase) {
      // A deleted draft leaves no trace: its events, summary and timers go (REQ-DRAFT-DELETE).
      for (const stored of streams.get(e.streamId) ?? []) {
        vault.delete(vaultKey(e.streamId, stored.version))
        withRefs.delete(vaultKey(e.streamId, stored.version))
      }
      streams.delete(e.streamId)
      summaries.delete(e.streamId)
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
      outbox.set(id, { id, notification: n, createdAt: changes.at })
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
        const pending = [...outbox.values()].filter((m) => claimable(m.claimedUntil, now)).slice(0, limit)
        for (const m of pending) m.claimedUntil = leaseFrom(now)
        return pending.map(({ claimedUntil: _c, ...m }) => m)
      },
      markDelivered: async (id) => {
        outbox.delete(id)
      },
    },
    commit,
    pendingTimers: () => allTimers().map(({ claimedUntil: _c, ...t }) => t),
    pendingOutbox: () => [...outbox.values()].map(({ claimedUntil: _c, ...m }) => m),
    streamCount: () => streams.size,
  }
}
