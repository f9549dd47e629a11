/**
 * The in-memory storage: every port of the core in plain maps. For unit and property tests, examples
 * and in-browser demos; it keeps nothing across restarts.
 *
 * @module
 */
import * as E from 'fp-ts/Either'
import type {
  Changes,
  ConcurrencyConflict,
  ExchangeId,
  ExchangeSummary,
  OutboxMessage,
  Storage,
  StoredEvent,
  SummaryQuery,
  Timer,
} from '@imi-kit/core'

/**
 * The in-memory storage, with a few read-outs for tests.
 *
 * @category memory
 */
export interface MemoryStorage extends Storage {
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
export const createMemoryStorage = (): MemoryStorage => {
  const streams = new Map<ExchangeId, StoredEvent[]>()
  const log: StoredEvent[] = []
  const summaries = new Map<ExchangeId, ExchangeSummary>()
  // Timers are grouped by exchange, so that replacing an exchange's set costs in proportion to that set.
  const timers = new Map<ExchangeId, Map<string, Timer & { claimed: boolean }>>()
  const outbox = new Map<number, OutboxMessage & { claimed: boolean }>()
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
      for (const event of a.events) {
        const stored: StoredEvent = { streamId: a.streamId, version: stream.length + 1, position: ++position, event }
        stream.push(stored)
        log.push(stored)
      }
      streams.set(a.streamId, stream)
    }
    for (const e of changes.erase) {
      // A deleted draft leaves no trace: its events, summary and timers go (REQ-DRAFT-DELETE).
      streams.delete(e.streamId)
      summaries.delete(e.streamId)
      for (let i = log.length - 1; i >= 0; i--) if (log[i]?.streamId === e.streamId) log.splice(i, 1)
      timers.delete(e.streamId)
    }
    for (const { exchangeId, timers: set } of changes.timers) {
      const old = timers.get(exchangeId)
      // A timer that keeps its due instant keeps its claim; a moved one may fire again.
      const next = new Map(set.map((t) => [t.id, { ...t, claimed: old?.get(t.id)?.dueAt === t.dueAt ? (old.get(t.id)?.claimed ?? false) : false }]))
      if (next.size === 0) timers.delete(exchangeId)
      else timers.set(exchangeId, next)
    }
    for (const s of changes.summaries) if (streams.has(s.exchangeId)) summaries.set(s.exchangeId, s)
    for (const n of changes.notifications) {
      const id = ++outboxId
      outbox.set(id, { id, notification: n, createdAt: changes.at, claimed: false })
    }
    return E.right(undefined)
  }

  const matches = (s: ExchangeSummary, q: SummaryQuery) =>
    (q.procedure === undefined || s.procedure === q.procedure) &&
    (q.statuses === undefined || q.statuses.includes(s.status)) &&
    (q.authorities === undefined || s.authorities.some((a) => q.authorities?.includes(a)))

  return {
    events: {
      read: async (id) => streams.get(id) ?? [],
      readAll: async (after, limit) => log.filter((e) => e.position > after).slice(0, limit),
    },
    projections: {
      summary: async (id) => summaries.get(id),
      find: async (q) => [...summaries.values()].filter((s) => matches(s, q)).slice(0, q.limit ?? Number.MAX_SAFE_INTEGER),
    },
    timers: {
      claimDue: async (now, limit) => {
        const due = allTimers()
          .filter((t) => !t.claimed && t.dueAt <= now.toISOString())
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
          .slice(0, limit)
        for (const t of due) t.claimed = true
        return due.map(({ claimed: _c, ...t }) => t)
      },
      complete: async (exchangeId, id) => {
        timers.get(exchangeId)?.delete(id)
      },
    },
    outbox: {
      claimPending: async (limit) => {
        const pending = [...outbox.values()].filter((m) => !m.claimed).slice(0, limit)
        for (const m of pending) m.claimed = true
        return pending.map(({ claimed: _c, ...m }) => m)
      },
      markDelivered: async (id) => {
        outbox.delete(id)
      },
    },
    commit,
    pendingTimers: () => allTimers().map(({ claimed: _c, ...t }) => t),
    pendingOutbox: () => [...outbox.values()].map(({ claimed: _c, ...m }) => m),
    streamCount: () => streams.size,
  }
}
